/** The case on the table: its wanted effect, the path of the Omgekeerde Toets, and the group's latest notes. */
import type { Snapshot } from "../../net/connection.ts";
import type { CaseView } from "#shared/protocol/views.ts";
import { COST_NAMES, VERDICT_NAMES, t } from "#shared/strings/index.ts";
import { VERDICTS } from "#shared/protocol/ids.ts";
import { RoleChip } from "../common.tsx";
import { FitText } from "./FitText.tsx";
import { TableCases } from "./TableCases.tsx";
import { ToetsPosition, ToetsWalk } from "./ToetsTrack.tsx";
import { textBoard } from "./beamerText.ts";
import { WholeText } from "./WholeText.tsx";
import "../../styles/cases-beamer.css";

export function CasustoetsBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.casustoets;
  // Casustoets per tafel: every tafel walks its own case; the room sees them side by side.
  if (snap.session.caseByTable.length > 0) return <TableCases snap={snap} />;
  const theCase = snap.cases.find((c) => c.id === snap.session.currentCaseId);
  if (!theCase) return <p class="beamer-empty">{replay ? b.noCaseReplay : b.noCase}</p>;
  const steps = snap.scenario.omgekeerdeToets;
  const walked = theCase.stepIndex >= steps.length;
  const step = steps[theCase.stepIndex];
  // The case's text takes the wide column and the whole height under the track (the back of the room reads it at
  // 28 px in one or two parts); beside it what the group does now: the step's question and notes, or the outcome.
  return (
    <div class="toets">
      <section class="toets-case" aria-labelledby="casus-titel">
        {theCase.source === "live" ? <p class="beamer-label toets-live">{b.live}</p> : null}
        <h2 id="casus-titel">{theCase.title}</h2>
        <p class="toets-effect">
          <span class="beamer-label">{b.effect}: </span>
          <span>{theCase.effectWanted}</span>
        </p>
      </section>
      <ToetsWalk steps={steps} stepIndex={theCase.stepIndex} />
      <div class={`toets-bottom ${walked && theCase.afloop === null ? "beside-outcome" : ""}`}>
        {theCase.afloop !== null ? (
          // The moment of learning: after the group's own decision, what the municipality really did, and why.
          <section class="beamer-panel toets-afloop" aria-labelledby="afloop-kop">
            <h2 id="afloop-kop" class="beamer-label">{b.afloop}</h2>
            <WholeText text={theCase.afloop} board={textBoard.afloop(theCase.id)} chosen={snap.beamerPage} />
          </section>
        ) : (
          <section class="beamer-panel toets-situation" aria-labelledby="situatie-kop">
            <h2 id="situatie-kop" class="beamer-label">{b.situation}</h2>
            <WholeText text={theCase.situation} board={textBoard.situatie(theCase.id)} chosen={snap.beamerPage} />
            {theCase.hasAfloop ? <p class="muted toets-afloop-later">{b.afloopLater}</p> : null}
          </section>
        )}
        <div class="toets-side">
          {/* Once walked, the track says it (every stop green, the token past the gate); the sentence stays for screen
              readers, and the outcome gets its line. */}
          <div class={walked ? "sr-only" : "toets-now"}>
            <ToetsPosition steps={steps} stepIndex={theCase.stepIndex} />
            {step ? <p class="toets-now-prompt">{step.prompt}</p> : null}
          </div>
          {walked ? <Outcome snap={snap} theCase={theCase} /> : <LatestNotes theCase={theCase} stepIndex={theCase.stepIndex} stepId={step?.id ?? ""} />}
        </div>
      </div>
      <VoteStrip snap={snap} />
    </div>
  );
}

/** While the group votes on the next case: the counts, no names. */
function VoteStrip({ snap }: { snap: Snapshot }) {
  const b = t.beamer.casustoets;
  const voted = snap.cases.filter((c) => c.votes > 0).sort((x, y) => y.votes - x.votes);
  if (voted.length === 0) return null;
  return (
    <section class="beamer-panel toets-votes" aria-labelledby="stemmen-kop">
      <h2 id="stemmen-kop" class="beamer-label">{b.votesHeading}</h2>
      <ul>
        {voted.map((c) => (
          <li key={c.id}>
            <strong>{b.votes(c.votes)}</strong> {c.title}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The newest notes on the current step first: what the group is saying now. Each whole (up to six lines; a note
 * can be 600 characters); older notes that do not fit the column's height are left out whole, never cut in half.
 */
function LatestNotes({ theCase, stepIndex, stepId }: { theCase: CaseView; stepIndex: number; stepId: string }) {
  const b = t.beamer.casustoets;
  const notes = theCase.notes.filter((n) => n.stepId === stepId).slice(-4).reverse();
  return (
    <section class="toets-notes" aria-labelledby="notities-kop">
      <h2 id="notities-kop" class="beamer-label">{b.notesHeading(stepIndex + 1)}</h2>
      {notes.length === 0 ? (
        <p class="muted">{b.noNotes}</p>
      ) : (
        <ul>
          {notes.map((n) => (
            <li key={n.id} class="toets-note">
              {n.role ? <RoleChip role={n.role} /> : <span class="role-chip spelleider-chip">{b.spelleider}</span>}
              <span class="clamp-6">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** After the law step: how the items fared on this case and what the group decided. */
function Outcome({ snap, theCase }: { snap: Snapshot; theCase: CaseView }) {
  const b = t.beamer.casustoets;
  const counts = VERDICTS.map((v) => ({ verdict: v, n: theCase.verdicts.filter((x) => x.verdict === v).length }));
  // Out of the items that were judged on this case: an aanvulling the case itself brought has no verdict of its own.
  const added = snap.items.filter((item) => item.caseIds.includes(theCase.id));
  const judged = snap.items.length - added.length;
  // What the case added to the programma, the newest (in the besluit's panel: the column has room for a few lines).
  const newest = added.at(-1);
  const amendment = newest ? (
    <p class="toets-added clamp-2">
      <strong>{b.amendmentsHeading(added.length)}:</strong> {newest.text}
    </p>
  ) : null;
  return (
    <div class="toets-outcome">
      <section class="beamer-panel" aria-labelledby="oordeel-kop">
        <h2 id="oordeel-kop" class="beamer-label">{b.verdictsHeading}</h2>
        {/* Once the group has decided, the call to judge is over; the room reads the besluit below instead. */}
        {theCase.decision ? null : <p>{b.allDone}</p>}
        <ul class="verdict-counts">
          {counts.map(({ verdict, n }) => (
            <li key={verdict} class={`verdict ${verdict}`}>
              <strong>{n}</strong> {VERDICT_NAMES[verdict].toLowerCase()}
              <span class="muted"> / {judged}</span>
            </li>
          ))}
        </ul>
      </section>
      {theCase.decision ? (
        <section class="beamer-panel" aria-labelledby="besluit-kop">
          <h2 id="besluit-kop" class="beamer-label">{b.decision}</h2>
          {/* As much of the besluit as the column has room for beside the rest of the outcome, in whole words: a
              besluit of 600 characters pushed the aanvulling off the bottom of the screen. Whole on every phone. */}
          <FitText class="toets-decision" text={theCase.decision.decision} />
          <p class="muted">{b.cost(COST_NAMES[theCase.decision.costNow], COST_NAMES[theCase.decision.costLater])}</p>
          {amendment}
        </section>
      ) : amendment ? (
        <section class="beamer-panel">{amendment}</section>
      ) : null}
    </div>
  );
}
