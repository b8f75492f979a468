/** One item of the kader op maat: rank, text, provenance, support per role, and what the cases showed. */
import type { KaderView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../../../net/connection.ts";
import { t, VERDICT_NAMES } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { ItemRoles } from "./ItemRoles.tsx";
import { caseTitle, categoryName } from "./lookup.ts";
import { SupportSummary } from "./SupportBars.tsx";

type KaderItemView = KaderView["items"][number];

/** `perspectief`: the heading of the handelingsperspectief it falls under, shown as a tag (the list is one ranking). */
export function KaderItem({ snap, item, perspectief }: { snap: Snapshot; item: KaderItemView; perspectief?: string }) {
  const texts = t.participant.resultaat;
  const unit = snap.scenario.voting.mode === "punten" ? "punten" : "moscow";
  return (
    <li class="board-card item p-kader-item">
      <div class="p-vote-grid p-has-side">
        <div class="p-vote-main">
          <span class="p-rank" aria-hidden="true">{item.rank}</span>
          <div class="p-vote-body">
            <p class="p-cat-tag small">
              {perspectief ? <span class="p-persp-tag">{perspectief}</span> : null}
              {categoryName(snap, item.categoryId)}
            </p>
            <h3 class="p-item-text">
              <span class="sr-only">{texts.rankLabel(item.rank)}: </span>
              {item.text}
            </h3>
            <ItemRoles roles={item.roles} />
            {item.fromCases.length > 0 ? (
              <p class="p-aanvulling small">{texts.aanvulling(item.fromCases.map((id) => `‘${caseTitle(snap, id)}’`).join(", "))}</p>
            ) : null}
          </div>
        </div>
        <div class="p-side">
          {item.support ? <SupportSummary support={item.support} unit={unit} /> : <p class="small muted">{texts.noSupport}</p>}
        </div>
        {item.evidence.length > 0 ? (
          <div class="p-evidence">
            <h4 class="small">{texts.evidence}</h4>
            <ul>
              {item.evidence.map((e) => (
                <li key={e.caseId} class="small">
                  <span class={`p-verdict p-verdict-${e.verdict}`}>{VERDICT_NAMES[e.verdict]}</span>
                  <span>{caseTitle(snap, e.caseId)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </li>
  );
}
