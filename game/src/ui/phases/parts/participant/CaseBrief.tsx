/** The round's case: situation, the effect the inwoner wants, laws and the dilemma, plus what only your role knows. */
import type { CaseView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { LockIcon } from "./RoleBriefing.tsx";

export function CaseBrief({ caseView, facts, instruction }: { caseView: CaseView; facts: string[]; instruction: string | null }) {
  const texts = t.participant.rolwissel;
  return (
    <section class="card stack p-case" aria-labelledby="p-casus-titel">
      <div>
        <p class="p-kicker">{texts.caseKicker}</p>
        <h2 id="p-casus-titel">{caseView.title}</h2>
      </div>
      <div>
        <h3>{texts.situation}</h3>
        <p>{caseView.situation}</p>
      </div>
      <div class="p-effect">
        <h3>{texts.effectWanted}</h3>
        <p>{caseView.effectWanted}</p>
      </div>
      {caseView.dilemma ? (
        <div>
          <h3>{texts.dilemma}</h3>
          <p>{caseView.dilemma}</p>
        </div>
      ) : null}
      {caseView.laws.length > 0 ? (
        <div>
          <h3>{texts.laws}</h3>
          <ul class="p-laws">
            {caseView.laws.map((law) => (
              <li key={law}>{law}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {facts.length > 0 ? (
        <div class="p-secret">
          <h3>
            <span class="p-lock" aria-hidden="true">
              <LockIcon />
            </span>
            {texts.caseFacts}
          </h3>
          <ul>
            {facts.map((fact, i) => (
              <li key={i}>{fact}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {instruction ? (
        <div class="p-instruction">
          <h3>{texts.instruction}</h3>
          <p>{instruction}</p>
        </div>
      ) : null}
    </section>
  );
}
