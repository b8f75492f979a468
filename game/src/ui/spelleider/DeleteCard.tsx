/**
 * Deleting the session for good, at the bottom of the console: a red button, a dialog that says what goes, then the
 * DELETE route. The server tells everyone connected and closes the room itself; this page shows the confirmation.
 */
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { z } from "zod";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { serverUrl } from "../../net/endpoint.ts";
import { t } from "#shared/strings/index.ts";
import { routeOf } from "../route.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";

const ErrorSchema = z.object({ error: z.string() });

type Deletion = { kind: "idle" } | { kind: "pending" } | { kind: "failed"; message: string };

export function DeleteCard({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const s = t.console.remove;
  const [asking, setAsking] = useState(false);
  const [deletion, setDeletion] = useState<Deletion>({ kind: "idle" });
  const label = snap.session.label || snap.scenario.title;
  // The console is opened with the spelleiderslink, so its address holds the secret the route asks for.
  const route = routeOf(location.pathname);
  if (route.kind !== "spelleider") return null;

  const confirm = async () => {
    setAsking(false);
    setDeletion({ kind: "pending" });
    const result = await requestDeletion(route.secret);
    if (!result.ok) {
      setDeletion({ kind: "failed", message: result.message });
      return;
    }
    // The server has already closed this connection; leaving makes sure the client does not try to come back.
    await conn.client.leave();
    showDeletedPage(label);
  };

  return (
    <section class="card stack" aria-labelledby="verwijderen-kop">
      <h2 id="verwijderen-kop">{s.heading}</h2>
      <p class="hint">{s.hint}</p>
      <div>
        <button type="button" class="danger" disabled={deletion.kind === "pending"} onClick={() => setAsking(true)}>
          {s.button}
        </button>
      </div>
      <p class={`state ${deletion.kind === "pending" ? "pending" : deletion.kind === "failed" ? "rejected" : ""}`} role={deletion.kind === "failed" ? "alert" : "status"}>
        {deletion.kind === "pending" ? s.pending : deletion.kind === "failed" ? deletion.message : ""}
      </p>
      <ConfirmDialog open={asking} title={s.confirmTitle} confirmLabel={s.confirm} danger onConfirm={() => void confirm()} onClose={() => setAsking(false)}>
        <p>{s.confirmBody(label)}</p>
        <p>{s.confirmOthers}</p>
      </ConfirmDialog>
    </section>
  );
}

async function requestDeletion(secret: string): Promise<{ ok: true } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl()}/api/spelleider/${encodeURIComponent(secret)}`, { method: "DELETE" });
  } catch {
    return { ok: false, message: t.console.remove.offline };
  }
  if (res.ok) return { ok: true };
  const body: unknown = await res.json().catch(() => null);
  return { ok: false, message: ErrorSchema.safeParse(body).data?.error ?? t.console.remove.failed };
}

/** Nothing of the session is left to show or control, so the whole page becomes the confirmation. */
function showDeletedPage(label: string): void {
  const root = document.getElementById("app");
  if (root) render(<SessionDeleted label={label} />, root);
}

function SessionDeleted({ label }: { label: string }) {
  const s = t.console.remove;
  const heading = useRef<HTMLHeadingElement>(null);
  // A new page without a navigation: move focus to its heading, so a screen reader announces it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class="page">
      <section class="card stack">
        <h1 ref={heading} tabIndex={-1}>{s.doneTitle}</h1>
        <p>{s.doneBody(label)}</p>
        <p>{s.doneLinks}</p>
        <p>
          <a class="button" href="/nieuw">{s.newSession}</a>
        </p>
      </section>
    </main>
  );
}
