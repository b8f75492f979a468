/**
 * In the lobby: split the group into tafels. The server proposes a number (5-8 per tafel) or the spelleider picks
 * one; 1 brings the group back together. The server deals people so real functions are mixed at every tafel.
 */
import { useEffect, useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/tafels.css";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";

export function TablesCard({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const c = t.tafels.card;
  const tables = snap.tables;
  const split = tables.length > 0;
  const [runPropose, proposeState] = useCommand(conn);
  const [runCount, countState] = useCommand(conn);
  const [runOne, oneState] = useCommand(conn);
  const [count, setCount] = useState(() => String(Math.max(2, tables.length || 2)));
  const n = Number.parseInt(count, 10);
  // After a split the field shows how many tafels there are now, as a starting point for a change.
  useEffect(() => {
    if (tables.length > 1) setCount(String(tables.length));
  }, [tables.length]);

  // Tafels fit a big group in a variant with a plenair phase; otherwise the card stays small, its controls folded.
  const plenair = snap.session.phases.some((x) => x.kind === "plenair");
  const compact = !split && (snap.session.participantCount < 10 || !plenair);

  const controls = (
    <>
      <div>
        <button type="button" class={split ? "secondary" : ""} onClick={() => runPropose({ type: "tables.assign", count: null })}>
          {split ? c.proposeAgain : c.propose}
        </button>
        <p class="hint">{c.proposeHint}</p>
        <CommandStatus state={proposeState} />
      </div>
      <form
        class="tafels-count"
        onSubmit={(e) => {
          e.preventDefault();
          if (Number.isFinite(n)) void runCount({ type: "tables.assign", count: n });
        }}
      >
        <label for="tafels-aantal">{c.countLabel}</label>
        <div class="row tafels-count-row">
          <input id="tafels-aantal" type="number" inputMode="numeric" min={1} max={20} value={count} aria-describedby="tafels-aantal-hint" onInput={(e) => setCount(e.currentTarget.value)} />
          <button type="submit" class="secondary">
            {c.assign}
          </button>
        </div>
        <p class="hint" id="tafels-aantal-hint">
          {c.countHint}
        </p>
        <CommandStatus state={countState} />
      </form>
    </>
  );

  return (
    <section class="card stack tafels-card" aria-labelledby="tafels-kop">
      <h2 id="tafels-kop">{c.heading}</h2>
      {split ? (
        <div>
          <p class="tafels-state">{c.split(tables.length)}</p>
          <ul class="tafels-sizes">
            {tables.map((x) => (
              <li key={x.tableId}>{c.tableSize(x.name, x.members)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="tafels-state">{c.oneGroup}</p>
      )}
      {compact ? (
        <>
          <p class="hint">{plenair ? c.fewPeople : c.noPlenair}</p>
          <details class="tafels-more">
            <summary>{c.openControls}</summary>
            <div class="stack">
              <p class="hint">{c.explain}</p>
              {controls}
            </div>
          </details>
        </>
      ) : (
        <>
          <p class="hint">{c.explain}</p>
          {plenair ? null : <p class="hint">{c.noPlenair}</p>}
          {controls}
        </>
      )}
      {split ? (
        <div>
          <button type="button" class="quiet" onClick={() => runOne({ type: "tables.assign", count: 1 })}>
            {c.oneGroupButton}
          </button>
          <CommandStatus state={oneState} />
        </div>
      ) : null}
      {split ? <p class="small muted">{c.late}</p> : null}
    </section>
  );
}
