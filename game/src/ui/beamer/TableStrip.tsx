/**
 * The tafels side by side on the beamer: per tafel what the room wants to know in this phase (eisen written and
 * revealed, items made, votes cast, who is ready). Counts only, never a name. Nothing shows without tafels.
 */
import type { TableView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { tableMarkOf } from "../board/PveBoard.tsx";
import "../../styles/tafels.css";

/**
 * `compact`: under the samenvoegen board, one line per tafel where it fits (up to four tafels): the tafel as the same
 * dark mark its cards carry on the board ("T2", its name for screen readers), then its counts in one line, so the
 * board keeps the height for its cards (150 items of one eis fit at 28 px without zooming out).
 */
export function TableStrip({ snap, compact = false }: { snap: Snapshot; compact?: boolean }) {
  if (snap.tables.length === 0) return null;
  return (
    <section class={`tafel-strip ${compact ? "compact" : ""}`} aria-label={t.tafels.beamer.progressLabel}>
      <ul style={{ "--tafels": String(snap.tables.length) }}>
        {snap.tables.map((table) => (
          <li key={table.tableId} class={`tafel-tile ${done(snap, table) ? "done" : ""}`}>
            {compact ? (
              <h3 class="tafel-tile-name">
                <span class="tafel-tile-mark" aria-hidden="true">
                  {tableMarkOf(table.name)}
                </span>
                <span class="sr-only">{table.name}</span>
              </h3>
            ) : (
              <h3 class="tafel-tile-name">{table.name}</h3>
            )}
            {compact && snap.session.phase.kind === "samenvoegen" ? <CompactFacts snap={snap} table={table} /> : <Facts snap={snap} table={table} />}
            <span class="tafel-tile-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(share(snap, table) * 100)}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How far the tafel is in this phase, 0..1: the bar under its facts. */
function share(snap: Snapshot, table: TableView): number {
  if (table.members === 0) return 0;
  const kind = snap.session.phase.kind;
  const n = kind === "rolwissel" ? table.wrote : kind === "prioriteren" ? table.voted : table.ready;
  return Math.min(1, n / table.members);
}

function done(snap: Snapshot, table: TableView): boolean {
  return snap.session.phase.kind === "rolwissel" ? table.revealed : table.members > 0 && table.ready >= table.members;
}

function Facts({ snap, table }: { snap: Snapshot; table: TableView }) {
  const b = t.tafels.beamer;
  switch (snap.session.phase.kind) {
    case "rolwissel":
      return (
        <>
          <p class="tafel-tile-main">{b.wrote(table.wrote, table.members)}</p>
          <p>
            {b.eisen(table.eisen)} ·{" "}
            {table.revealed ? (
              <strong class="tafel-tile-ok">
                <span aria-hidden="true">✓ </span>
                {b.revealed}
              </strong>
            ) : (
              <span class="muted">{b.hidden}</span>
            )}
          </p>
        </>
      );
    case "samenvoegen": {
      const loose = snap.eisen.filter((e) => e.tableId === table.tableId && e.itemId === null).length;
      return (
        <>
          <p class="tafel-tile-main">
            {b.items(table.items)} · <span class="muted">{b.loose(loose)}</span>
          </p>
          <p>{b.ready(table.ready, table.members)}</p>
        </>
      );
    }
    case "prioriteren":
      return <p class="tafel-tile-main">{b.voted(table.voted, table.members)}</p>;
    default:
      return <p class="tafel-tile-main">{b.ready(table.ready, table.members)}</p>;
  }
}

/**
 * Samenvoegen under the board: items, loose eisen and who is ready, in one line. With more than four tafels it may
 * take two: then it breaks after a "·", never inside a fact ("0/4 klaar" stays whole).
 */
function CompactFacts({ snap, table }: { snap: Snapshot; table: TableView }) {
  const b = t.tafels.beamer;
  const loose = snap.eisen.filter((e) => e.tableId === table.tableId && e.itemId === null).length;
  const whole = (text: string) => text.replace(/ /g, "\u00a0");
  return (
    <p class="tafel-tile-facts">
      <strong>{whole(b.items(table.items))}</strong>
      {"\u00a0· "}
      <span class="muted">{whole(b.loose(loose))}</span>
      {"\u00a0· "}
      {whole(b.readyShort(table.ready, table.members))}
    </p>
  );
}
