/** The cases the group tested: the decision, cost now and later, and how many items helped or hindered. */
import type { KaderView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../../../net/connection.ts";
import { COST_NAMES, t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";

export function KaderCases({ snap, kader }: { snap: Snapshot; kader: KaderView }) {
  const texts = t.participant.resultaat;
  return (
    <section class="card stack p-kader-cases" aria-labelledby="p-casussen-titel">
      <h2 id="p-casussen-titel">{texts.casesTitle}</h2>
      {kader.cases.length === 0 ? (
        <p class="muted">{texts.noCases}</p>
      ) : (
        <ul class="p-list">
          {kader.cases.map((c) => {
            const costNote = snap.cases.find((x) => x.id === c.caseId)?.decision?.costNote ?? "";
            return (
            <li key={c.caseId} class="board-card p-kader-case">
              <h3>{c.title}</h3>
              {c.source === "live" ? <p class="p-cat-tag small">{texts.liveCase}</p> : null}
              <dl class="p-facts">
                <div>
                  <dt>{texts.decision}</dt>
                  <dd>{c.decision ?? texts.noDecision}</dd>
                </div>
                {c.costNow ? (
                  <div class="p-cost">
                    <dt>{texts.costNow}</dt>
                    <dd>{COST_NAMES[c.costNow]}</dd>
                  </div>
                ) : null}
                {c.costLater ? (
                  <div class="p-cost">
                    <dt>{texts.costLater}</dt>
                    <dd>{COST_NAMES[c.costLater]}</dd>
                  </div>
                ) : null}
              </dl>
              {costNote ? <p class="small">{texts.costNote}: {costNote}</p> : null}
              <p class="small muted">
                {texts.helped(c.helped.length)} · {texts.hindered(c.hindered.length)}
              </p>
            </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
