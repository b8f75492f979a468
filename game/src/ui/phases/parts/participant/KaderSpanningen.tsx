/** Open spanningen in the kader: the two items that pull against each other, and the group's note. */
import type { KaderView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";

export function KaderSpanningen({ kader }: { kader: KaderView }) {
  const texts = t.participant.resultaat;
  const textOf = (itemId: string) => kader.items.find((i) => i.itemId === itemId)?.text ?? texts.unknownItem;
  const rankOf = (itemId: string) => kader.items.find((i) => i.itemId === itemId)?.rank ?? null;
  return (
    <section class="card stack p-spanningen" aria-labelledby="p-spanningen-titel">
      <h2 id="p-spanningen-titel">{texts.spanningenTitle}</h2>
      {kader.spanningen.length === 0 ? (
        <p class="muted">{texts.noSpanningen}</p>
      ) : (
        <>
          <p class="muted">{texts.spanningenIntro}</p>
          <ul class="p-list">
            {kader.spanningen.map((s) => (
              <li key={s.spanningId} class="p-spanning">
                <p class="p-spanning-item">
                  <ItemRef rank={rankOf(s.itemA)} text={textOf(s.itemA)} />
                </p>
                <p class="p-versus small">
                  <span aria-hidden="true">⇅ </span>
                  {texts.versus}
                </p>
                <p class="p-spanning-item">
                  <ItemRef rank={rankOf(s.itemB)} text={textOf(s.itemB)} />
                </p>
                <p class="p-spanning-note">{s.note}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ItemRef({ rank, text }: { rank: number | null; text: string }) {
  return (
    <>
      {rank !== null ? <span class="p-rank p-rank-small">{rank}</span> : null}
      <span>{text}</span>
    </>
  );
}
