/**
 * The tafels side by side, once the group is split: per tafel who is there and online, and what matters in this
 * phase (eisen written and revealed, items, votes, the case and its step, who is ready), with the tafel's own
 * actions: reveal its eisen, open another case for it. Counts and roles only; names are in the people list.
 */
import { useState } from "preact/hooks";
import { GAME_ROLES, REAL_ROLES } from "#shared/protocol/ids.ts";
import type { TableView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/tafels.css";
import { CommandStatus, RoleChip } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { orderedCases } from "./CasesCard.tsx";
import { tracksReadiness } from "./phaseLabels.ts";

export function TableOverview({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const o = t.tafels.overview;
  if (snap.tables.length === 0) return null;
  return (
    <section class="card tafel-overview" aria-labelledby="tafeloverzicht-kop">
      <div class="tafel-overview-head">
        <h2 id="tafeloverzicht-kop">{o.heading}</h2>
        <p class="small muted">{o.intro}</p>
      </div>
      <ul class="tafel-grid">
        {snap.tables.map((table) => (
          <li key={table.tableId}>
            <TableCard conn={conn} snap={snap} table={table} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TableCard({ conn, snap, table }: { conn: Connection; snap: Snapshot; table: TableView }) {
  const o = t.tafels.overview;
  const phase = snap.session.phase;
  const headingId = `tafel-${table.tableId}-kop`;
  return (
    <article class="tafel-card" aria-labelledby={headingId}>
      <header class="tafel-card-head">
        <h3 id={headingId}>{table.name}</h3>
        <span class="small muted">{o.members(table.online, table.members)}</span>
      </header>
      <PhaseFacts conn={conn} snap={snap} table={table} />
      {tracksReadiness(phase) ? <Progress label={o.ready(table.ready, table.members)} n={table.ready} total={table.members} /> : null}
      <Roles table={table} />
    </article>
  );
}

/** A count as words with a thin bar under it; the words carry the meaning, the bar only helps the eye. */
function Progress({ label, n, total, strong }: { label: string; n: number; total: number; strong?: boolean }) {
  const share = total > 0 ? Math.min(1, n / total) : 0;
  return (
    <div class={`tafel-progress ${n >= total && total > 0 ? "full" : ""}`}>
      <p class={strong ? "tafel-fact-main" : "tafel-fact"}>{label}</p>
      <span class="tafel-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </div>
  );
}

function PhaseFacts({ conn, snap, table }: { conn: Connection; snap: Snapshot; table: TableView }) {
  const o = t.tafels.overview;
  switch (snap.session.phase.kind) {
    case "lobby":
      return <Functions snap={snap} table={table} />;
    case "rolwissel":
      return (
        <>
          <Progress label={o.wrote(table.wrote, table.members)} n={table.wrote} total={table.members} strong />
          <p class="tafel-fact">{o.eisen(table.eisen)}</p>
          <RevealTable conn={conn} table={table} />
        </>
      );
    case "samenvoegen": {
      const loose = snap.eisen.filter((e) => e.tableId === table.tableId && e.itemId === null).length;
      return (
        <>
          <p class="tafel-fact-main">{o.items(table.items)}</p>
          <p class="tafel-fact">{o.loose(loose)}</p>
        </>
      );
    }
    case "plenair":
      return <p class="tafel-fact">{o.inItems(snap.items.filter((i) => i.tableIds.includes(table.tableId)).length)}</p>;
    case "prioriteren":
      return <Progress label={o.voted(table.voted, table.members)} n={table.voted} total={table.members} strong />;
    case "casustoets":
      return <TableCase conn={conn} snap={snap} table={table} />;
    default:
      return null;
  }
}

function RevealTable({ conn, table }: { conn: Connection; table: TableView }) {
  const o = t.tafels.overview;
  const [run, state] = useCommand(conn);
  return (
    <div class="tafel-action">
      {table.revealed ? (
        <p class="tafel-revealed">
          <span aria-hidden="true">✓ </span>
          {o.revealed}
        </p>
      ) : (
        <>
          <p class="tafel-fact muted">{o.hidden}</p>
          <button type="button" class="secondary small-button" onClick={() => run({ type: "eisen.reveal", tableId: table.tableId })}>
            {o.reveal(table.name)}
          </button>
        </>
      )}
      <CommandStatus state={state} />
    </div>
  );
}

function TableCase({ conn, snap, table }: { conn: Connection; snap: Snapshot; table: TableView }) {
  const o = t.tafels.overview;
  const steps = snap.scenario.omgekeerdeToets;
  const kase = table.caseId ? snap.cases.find((c) => c.id === table.caseId) : undefined;
  const [run, state] = useCommand(conn);
  const [choice, setChoice] = useState("");
  const stepIndex = table.stepIndex ?? 0;
  const status = !kase ? o.noCase : kase.decision ? o.decided : stepIndex >= steps.length ? o.walked : o.step(stepIndex + 1, steps.length, steps[stepIndex]?.title ?? "");
  const selectId = `tafel-${table.tableId}-casus`;
  const others = orderedCases(snap).filter((c) => c.id !== table.caseId);
  // More tafels than cases: the cases are dealt round, and tafels with the same case walk one toets together.
  const sharing = kase ? snap.tables.filter((other) => other.tableId !== table.tableId && other.caseId === kase.id).map((other) => other.name) : [];
  return (
    <>
      {kase ? <p class="tafel-fact-main">{kase.title}</p> : null}
      {sharing.length > 0 ? <p class="tafel-fact tafel-shared small">{o.sharedCase(sharing)}</p> : null}
      {kase ? <Progress label={status} n={kase.decision ? steps.length : Math.min(stepIndex, steps.length)} total={steps.length} /> : <p class="tafel-fact muted">{status}</p>}
      <form
        class="tafel-case-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) void run({ type: "case.open", caseId: choice, tableId: table.tableId });
        }}
      >
        <label for={selectId} class="small">
          {o.otherCase}
        </label>
        <div class="tafel-case-row">
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">{o.chooseCase}</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary small-button" aria-label={o.openCaseLabel(table.name)}>
            {o.openCase}
          </button>
        </div>
        <CommandStatus state={state} />
      </form>
    </>
  );
}

/** In the lobby: the real functions at this tafel (the spelleider sees people), so the vertical mix shows. */
function Functions({ snap, table }: { snap: Snapshot; table: TableView }) {
  const o = t.tafels.overview;
  const here = snap.people.filter((p) => !p.removed && p.tableId === table.tableId);
  const counts = REAL_ROLES.map((role) => ({ role, n: here.filter((p) => p.realRole === role).length })).filter((x) => x.n > 0);
  if (counts.length === 0) return null;
  return (
    <ul class="tafel-functions" aria-label={o.functionsLabel(table.name)}>
      {counts.map(({ role, n }) => (
        <li key={role}>
          <strong>{n}</strong> {o.functions[role]}
        </li>
      ))}
    </ul>
  );
}

function Roles({ table }: { table: TableView }) {
  const o = t.tafels.overview;
  if (table.roles.length === 0) return null;
  return (
    <ul class="tafel-roles" aria-label={o.rolesLabel(table.name)}>
      {GAME_ROLES.filter((r) => table.roles.includes(r)).map((role) => (
        <li key={role}>
          <RoleChip role={role} />
        </li>
      ))}
    </ul>
  );
}
