/**
 * Phase 5, casustoets: the open case, De Omgekeerde Toets as a path walked in order, and only after the law step the
 * verdict per PvE item, the decision with its costs, and aanvullingen to the programma. Which case is open is the
 * spelleider's choice; everyone at the table may write notes, move on, judge and decide.
 */
import { t } from "../../strings/index.ts";
import "../../styles/board.css";
import { Aanvulling } from "./parts/b-Aanvulling.tsx";
import { CaseCard } from "./parts/b-CaseCard.tsx";
import { CaseList } from "./parts/b-CaseList.tsx";
import { Decision } from "./parts/b-Decision.tsx";
import { Dock } from "./parts/p-Dock.tsx";
import { ReadyToggle } from "./parts/p-ReadyToggle.tsx";
import { ToetsPath } from "./parts/b-ToetsPath.tsx";
import { Verdicts } from "./parts/b-Verdicts.tsx";
import type { PhaseProps } from "./types.ts";

export function Casustoets({ conn, snap, audience }: PhaseProps) {
  const c = t.board.casustoets;
  const kase = snap.cases.find((x) => x.id === snap.session.currentCaseId) ?? null;
  const walked = kase !== null && kase.stepIndex >= snap.scenario.omgekeerdeToets.length;
  return (
    <section class="b-screen b-toets" aria-labelledby="casustoets-titel">
      <header class="b-head">
        <h2 id="casustoets-titel">{c.title}</h2>
        <p>{c.intro}</p>
      </header>
      {kase ? (
        <div class="b-toets-grid">
          {/* On a laptop the case and the list stay in view beside the path; on a phone the list comes last. */}
          <div class="b-left">
            <div class="b-area-case">
              <CaseCard key={kase.id} kase={kase} />
            </div>
            <div class="b-area-list">
              <CaseList snap={snap} />
            </div>
          </div>
          <div class="b-area-main stack">
            <ToetsPath conn={conn} snap={snap} kase={kase} />
            {walked ? (
              <>
                <Verdicts conn={conn} snap={snap} kase={kase} />
                <Decision key={kase.id} conn={conn} snap={snap} kase={kase} />
                <Aanvulling key={kase.id} conn={conn} snap={snap} kase={kase} />
              </>
            ) : null}
          </div>
        </div>
      ) : (
        <div class="stack">
          <p class="card">{audience === "spelleider" ? c.noCaseSpelleider : c.noCase}</p>
          <CaseList snap={snap} />
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
