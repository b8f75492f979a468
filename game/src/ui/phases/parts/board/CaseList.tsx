/** The cases of this phase with how far each got. The spelleider opens another case from the console's case card. */
import type { CaseView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { Icon } from "./icons.tsx";

function status(snap: Snapshot, kase: CaseView): string {
  const c = t.board.cases;
  const steps = snap.scenario.omgekeerdeToets;
  if (kase.decision) return c.decided;
  if (kase.stepIndex >= steps.length) return c.walked;
  if (kase.stepIndex === 0 && kase.notes.length === 0) return c.notStarted;
  return `${c.atStep(kase.stepIndex + 1, steps.length)}: ${steps[kase.stepIndex]?.title ?? ""}`;
}

/** This phase's cases, then any case a participant brought in live. */
export function phaseCases(snap: Snapshot): CaseView[] {
  const ids = snap.session.phase.caseIds;
  const listed = ids.flatMap((id) => snap.cases.find((c) => c.id === id) ?? []);
  const live = snap.cases.filter((c) => c.source === "live" && !ids.includes(c.id));
  return [...listed, ...live];
}

/** `openCaseId`: the case this screen shows (a tafel's own in a casustoets per tafel). */
export function CaseList({ snap, openCaseId }: { snap: Snapshot; openCaseId: string | null }) {
  const c = t.board.cases;
  const cases = phaseCases(snap);
  if (cases.length === 0) return null;
  return (
    <section class="card b-caselist" aria-labelledby="casussen-titel">
      <h3 id="casussen-titel">{c.title}</h3>
      <ul>
        {cases.map((kase) => (
          <CaseRow key={kase.id} snap={snap} kase={kase} isOpen={kase.id === openCaseId} />
        ))}
      </ul>
    </section>
  );
}

function CaseRow({ snap, kase, isOpen }: { snap: Snapshot; kase: CaseView; isOpen: boolean }) {
  const c = t.board.cases;
  return (
    <li class={`b-caserow ${isOpen ? "is-open" : ""} ${kase.decision ? "is-decided" : ""}`} aria-current={isOpen ? "true" : undefined}>
      <div class="b-caserow-main">
        <p class="b-caserow-title">{kase.title}</p>
        <p class="small muted">
          {kase.decision ? <Icon name="check" size={16} /> : null} {status(snap, kase)}
        </p>
      </div>
      {isOpen ? <span class="b-openbadge">{c.open}</span> : null}
    </li>
  );
}
