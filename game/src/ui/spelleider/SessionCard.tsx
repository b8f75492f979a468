/** The session at a glance: code and QR to show the room, the links, and whether new people may still join. */
import { useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { serverUrl } from "../../net/endpoint.ts";
import { t } from "#shared/strings/index.ts";
import { routeOf } from "../route.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";

export function SessionCard({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const s = t.console.session;
  const { code, label, locked } = snap.session;
  const joinUrl = `${location.origin}/j/${code}`;
  const [runLock, lockState] = useCommand(conn);
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  // The console is opened with the spelleiderslink (or the terugkom link, the same secret): the session's scenario
  // preview is that link with /scenario after it (server/http/routes.ts), as the locked /scenario/<id> page says.
  const route = routeOf(location.pathname);
  const previewUrl = route.kind === "spelleider" ? `${serverUrl()}/spelleider/${encodeURIComponent(route.secret)}/scenario` : null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(joinUrl);
      setCopied("ok");
    } catch {
      // Clipboard access needs a secure page; on a plain http address the spelleider selects the link instead.
      setCopied("failed");
    }
  };

  return (
    <section class="card stack console-session" aria-labelledby="sessie-kop">
      <h2 id="sessie-kop">
        {s.heading} <span class="session-label">{label || snap.scenario.title}</span>
      </h2>
      <div class="session-code-row">
        <div>
          <p class="small muted code-label">{s.code}</p>
          <p class="session-code">{code}</p>
        </div>
        <img class="session-qr" src={`/api/qr/${encodeURIComponent(code)}.svg`} alt={s.qrAlt(code)} width={96} height={96} />
      </div>
      <div>
        <p class="small muted code-label" id="deelnemerslink">{s.participantLink}</p>
        <div class="row link-row">
          <a class="join-link" href={joinUrl} aria-describedby="deelnemerslink">{joinUrl}</a>
          <button type="button" class="quiet" aria-label={s.copyLabel} onClick={copy}>
            {s.copy}
          </button>
        </div>
        <p class={`state ${copied === "ok" ? "done" : copied === "failed" ? "rejected" : ""}`} role="status">
          {copied === "ok" ? s.copied : copied === "failed" ? s.copyFailed : ""}
        </p>
        <a href={`/beamer/${encodeURIComponent(code)}`} target="_blank" rel="noopener" aria-describedby="beamerlink-uitleg">
          {s.beamerLink} <span class="sr-only">{s.newTab}</span>
          <span aria-hidden="true"> ↗</span>
        </a>
        <p class="small muted" id="beamerlink-uitleg">
          {s.beamerHint}
        </p>
        {previewUrl ? (
          <div class="scenario-preview-link">
            <a href={previewUrl} target="_blank" rel="noopener" aria-describedby="scenariolink-uitleg">
              {s.scenarioLink} <span class="sr-only">{s.newTab}</span>
              <span aria-hidden="true"> ↗</span>
            </a>
            <p class="small muted" id="scenariolink-uitleg">
              {s.scenarioHint}
            </p>
          </div>
        ) : null}
      </div>
      <div class="lock-row">
        <p class={`lock-state ${locked ? "closed" : "open"}`}>{locked ? s.closed : s.open}</p>
        <button type="button" class="secondary small-button" onClick={() => runLock({ type: "session.lock", locked: !locked })}>
          {locked ? s.unlock : s.lock}
        </button>
        <CommandStatus state={lockState} />
      </div>
    </section>
  );
}
