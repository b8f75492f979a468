/** After the law step: per PvE item, does it help this case, stand in the way, or not apply? Pressing again clears. */
import { VERDICTS, type Verdict } from "#shared/protocol/ids.ts";
import type { CaseView, ItemView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t, VERDICT_NAMES } from "#shared/strings/index.ts";
import { CommandStatus } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";
import { categoryName, shorten } from "./model.ts";

const VERDICT_MARK: Record<Verdict, string> = { helpt: "✓", staat_in_de_weg: "✕", niet_van_toepassing: "–" };

export function Verdicts({ conn, snap, kase }: { conn: Connection; snap: Snapshot; kase: CaseView }) {
  const v = t.board.verdicts;
  const total = (itemId: string) => snap.support.find((s) => s.itemId === itemId)?.total ?? null;
  // The items the group gave most support come first: those are the ones the case should test. The order is the
  // server's (the vote's reveal and the kader use the same one); items nobody voted on keep theirs, after them.
  const order = new Map(snap.support.map((s, i) => [s.itemId, i]));
  const items = [...snap.items].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
  const given = kase.verdicts.filter((x) => items.some((i) => i.id === x.itemId)).length;
  return (
    <section class="card b-verdicts" aria-labelledby="oordeel-titel">
      <h3 id="oordeel-titel">{v.title}</h3>
      <p class="muted">{v.intro}</p>
      {items.length === 0 ? (
        <p>{v.none}</p>
      ) : (
        <>
          <p class="b-progress small">{v.summary(given, items.length)}</p>
          <ul class="b-verdict-list">
            {items.map((item) => (
              <VerdictRow key={item.id} conn={conn} snap={snap} kase={kase} item={item} points={total(item.id)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function VerdictRow({ conn, snap, kase, item, points }: { conn: Connection; snap: Snapshot; kase: CaseView; item: ItemView; points: number | null }) {
  const [run, state] = useCommand(conn);
  const active = kase.verdicts.find((x) => x.itemId === item.id)?.verdict ?? null;
  return (
    <li class={`b-verdict ${active ? `has-${active}` : ""}`}>
      <div class="b-verdict-main">
        <p class="b-verdict-text">{item.text}</p>
        <p class="small muted">
          {categoryName(snap, item.categoryId)}
          {points !== null ? ` · ${snap.scenario.voting.mode === "moscow" ? t.board.verdicts.score(points) : t.board.verdicts.points(points)}` : ""}
        </p>
      </div>
      <div class="b-verdict-buttons" role="group" aria-label={t.board.verdicts.groupLabel(shorten(item.text, 80))}>
        {VERDICTS.map((verdict) => (
          <button
            key={verdict}
            type="button"
            class={`secondary b-v b-v-${verdict}`}
            aria-pressed={active === verdict}
            onClick={() => void run({ type: "toets.verdict", caseId: kase.id, itemId: item.id, verdict: active === verdict ? null : verdict })}
          >
            <span aria-hidden="true" class="b-v-mark">
              {VERDICT_MARK[verdict]}
            </span>
            {VERDICT_NAMES[verdict]}
          </button>
        ))}
      </div>
      {state.kind === "idle" || state.kind === "done" ? null : <CommandStatus state={state} />}
    </li>
  );
}
