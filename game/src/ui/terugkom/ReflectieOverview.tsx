/**
 * Reflectie for the spelleider: live, per kader item, how often it was applied (ja/deels/nee) and the anonymous
 * texts so far; beside it, per person, how many items they did, so the spelleider sees who needs a nudge.
 */
import type { TerugkomView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { categoryName } from "../phases/parts/participant/lookup.ts";
import { GroupTexts, StageHead, textCount, ToegepastBar } from "./parts.tsx";
import { CHOOSE, choosing as choosingFor } from "./choose.ts";

export function ReflectieOverview({ snap, view }: { snap: Snapshot; view: TerugkomView }) {
  const s = t.terugkom.reflectie;
  const byId = new Map(view.v2.map((i) => [i.itemId, i]));
  const items = [...view.v1].sort((a, b) => a.rank - b.rank);
  const people = snap.people.filter((p) => !p.removed);
  const total = items.length;
  // A kader of more than five points: each participant chooses 3 to 5 of them, so "4 van 25" would look like a
  // slow start. Then the count is in points, the bar out of 5, and 3 is done.
  const choosing = choosingFor(total);
  const goal = choosing ? CHOOSE.max : total;
  const enough = choosing ? CHOOSE.min : total;
  return (
    <div class="p-screen stack tk-screen p-wide">
      <StageHead stage="reflectie" title={s.titleSpelleider} intro={choosing ? s.introSpelleiderChoose(CHOOSE.min, CHOOSE.max) : s.introSpelleider}>
        <p class="p-count">{s.reflectors(view.reflectors, snap.session.participantCount)}</p>
      </StageHead>
      <div class="tk-overview">
        <section class="stack tk-overview-items" aria-labelledby="tk-items-kop">
          <h2 id="tk-items-kop">{s.itemsTitle}</h2>
          <ul class="p-items">
            {items.map((v1) => {
              const item = byId.get(v1.itemId);
              const counts = item?.reflecties ?? { ja: 0, deels: 0, nee: 0, goed: [], beter: [], indicatoren: [] };
              const texts = textCount(counts);
              return (
                <li key={v1.itemId} class="board-card tk-ov-item">
                  <div class="p-vote-main">
                    <span class="p-rank" aria-hidden="true">{v1.rank}</span>
                    <div class="p-vote-body">
                      <p class="tk-cat">{categoryName(snap, v1.categoryId)}</p>
                      <h3 class="p-item-text">
                        <span class="sr-only">{s.rank(v1.rank)}: </span>
                        {v1.text}
                      </h3>
                      <ToegepastBar counts={counts} />
                      <details class="tk-details" open={texts > 0 && texts <= 4}>
                        <summary>{s.textsSummary(texts)}</summary>
                        <GroupTexts reflecties={counts} />
                      </details>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        <section class="card stack tk-overview-people" aria-labelledby="tk-people-kop">
          <h2 id="tk-people-kop">{s.peopleTitle}</h2>
          {people.length === 0 ? (
            <p class="muted">{s.nobody}</p>
          ) : (
            <ul class="tk-people" aria-label={s.peopleLabel}>
              {people.map((p) => {
                const share = goal > 0 ? Math.min(1, p.reflecties / goal) : 0;
                const complete = total > 0 && p.reflecties >= enough;
                return (
                  <li key={p.participantId} class={`tk-person${p.online ? "" : " tk-offline"}`}>
                    <span class="tk-person-name">{p.displayName}</span>
                    <span class={`tk-person-count${complete ? " tk-complete" : ""}`}>
                      {complete ? <span aria-hidden="true">✓ </span> : null}
                      {choosing ? s.personPoints(p.reflecties) : s.personCount(p.reflecties, total)}
                      {complete ? ` · ${s.personDone}` : ""}
                    </span>
                    <span class="p-progress tk-person-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round(share * 100)}%` }} />
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
