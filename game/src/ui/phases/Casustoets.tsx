/**
 * Phase 5, casustoets: the open case, De Omgekeerde Toets as a path walked in order, and only after the law step the
 * verdict per PvE item, the decision with its costs, and aanvullingen to the programma. Which case is open is the
 * spelleider's choice; everyone at the table may write notes, judge and decide; moving on (and back) is the
 * spelleider's, because it changes every screen at once.
 */
import { useState } from "preact/hooks";
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import "../../styles/tafels.css";
import "../../styles/board.css";
import { Aanvulling } from "./parts/board/Aanvulling.tsx";
import { Afloop } from "./parts/board/Afloop.tsx";
import { CaseVote } from "./parts/board/CaseVote.tsx";
import { CaseBringIn } from "./parts/participant/CaseBringIn.tsx";
import { CaseCard } from "./parts/board/CaseCard.tsx";
import { CaseList } from "./parts/board/CaseList.tsx";
import { Decision } from "./parts/board/Decision.tsx";
import { Dock } from "./parts/participant/Dock.tsx";
import { ReadyToggle } from "./parts/participant/ReadyToggle.tsx";
import { ToetsPath } from "./parts/board/ToetsPath.tsx";
import { Verdicts } from "./parts/board/Verdicts.tsx";
import { currentCaseIdFor, myTable } from "./parts/tafel/tafels.ts";
import type { PhaseProps } from "./types.ts";

export function Casustoets({ conn, snap, audience }: PhaseProps) {
  const c = t.board.casustoets;
  // Casustoets per tafel: a participant follows their own tafel's case; the spelleider picks which tafel to watch.
  const byTable = snap.session.caseByTable;
  const [watch, setWatch] = useState("");
  const watched = audience !== "deelnemer" && byTable.length > 0 ? (byTable.find((x) => x.tableId === watch) ?? byTable[0] ?? null) : null;
  const caseId = watched ? watched.caseId : currentCaseIdFor(snap);
  const kase = snap.cases.find((x) => x.id === caseId) ?? null;
  const mine = myTable(snap);
  const walked = kase !== null && kase.stepIndex >= snap.scenario.omgekeerdeToets.length;
  // Cases from the room and the vote on what to test: first on the screen while the group is choosing (nothing written
  // on the open case yet, or it is decided), below the path once the group is walking it.
  const choosing = kase === null || (kase.stepIndex === 0 && kase.notes.length === 0) || kase.decision !== null;
  const room = byTable.length > 0 ? null : (
    <>
      <CaseVote conn={conn} snap={snap} canVote={audience === "deelnemer"} canClose={audience === "spelleider"} />
      {audience === "deelnemer" ? <CaseBringIn conn={conn} snap={snap} /> : null}
    </>
  );
  return (
    <section class="b-screen b-toets" aria-labelledby="casustoets-titel">
      <header class="b-head">
        {/* A participant's own page has its h1 (the phase, as in the top bar); the console has its own. */}
        {audience === "deelnemer" ? <h1 class="sr-only">{PHASE_TITLES[snap.session.phase.kind]}</h1> : null}
        <h2 id="casustoets-titel">{c.title}</h2>
        <p>{c.intro}</p>
        {mine && byTable.length > 0 ? <p class="tafel-note">{t.tafels.casustoets.intro(mine.name)}</p> : null}
        {watched ? <WatchTable snap={snap} value={watched.tableId} onChange={setWatch} /> : null}
      </header>
      {kase ? (
        <div class="b-toets-grid">
          {/* On a laptop the case and the list stay in view beside the path; on a phone the list comes last. */}
          <div class="b-left">
            <div class="b-area-case">
              <CaseCard key={kase.id} kase={kase} />
            </div>
            <div class="b-area-list">
              <CaseList snap={snap} openCaseId={caseId} />
            </div>
          </div>
          <div class="b-area-main stack">
            {choosing ? room : null}
            <ToetsPath conn={conn} snap={snap} kase={kase} leads={audience === "spelleider"} />
            {walked ? (
              <>
                <Verdicts conn={conn} snap={snap} kase={kase} />
                <Decision key={kase.id} conn={conn} snap={snap} kase={kase} />
                <Afloop kase={kase} />
                <Aanvulling key={kase.id} conn={conn} snap={snap} kase={kase} />
              </>
            ) : (
              <Afloop kase={kase} />
            )}
            {choosing ? null : room}
          </div>
        </div>
      ) : (
        <div class="stack">
          <p class="card">{audience === "spelleider" ? c.noCaseSpelleider : c.noCase}</p>
          <CaseList snap={snap} openCaseId={caseId} />
          {room}
        </div>
      )}
      {/* "Ik ben klaar" in the same bottom dock as in the other phases. */}
      {audience === "deelnemer" ? (
        <Dock label={t.board.samenvoegen.dockLabel}>
          <ReadyToggle conn={conn} snap={snap} />
        </Dock>
      ) : null}
    </section>
  );
}

/** For the spelleider in a casustoets per tafel: which tafel's case this screen shows (and acts on). */
function WatchTable({ snap, value, onChange }: { snap: PhaseProps["snap"]; value: string; onChange: (tableId: string) => void }) {
  const title = (caseId: string) => snap.cases.find((x) => x.id === caseId)?.title ?? caseId;
  return (
    <div class="field tafel-filter">
      <label for="tafel-casus">{t.tafels.cases.watch}</label>
      <select id="tafel-casus" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {snap.session.caseByTable.map((x) => (
          <option key={x.tableId} value={x.tableId}>
            {`${snap.session.tables.find((y) => y.tableId === x.tableId)?.name ?? x.tableId}: ${title(x.caseId)}`}
          </option>
        ))}
      </select>
    </div>
  );
}
