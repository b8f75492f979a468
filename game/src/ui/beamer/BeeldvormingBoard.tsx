/** The shared picture of maatwerk: per prompt a column, cards grouped under the group's clusters. */
import type { Snapshot } from "../../net/connection.ts";
import type { CardView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import { firstOf } from "./usePages.ts";

/** How many cards fit under one prompt on a 1080p beamer, spread over its clusters. */
const CARDS_PER_COLUMN = 7;

/** `replay`: drawn in the terugblik, where nobody writes cards any more, so the empty board asks for none. */
export function BeeldvormingBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.beeldvorming;
  if (snap.cards.length === 0) return <p class="beamer-empty">{replay ? b.emptyReplay : b.empty}</p>;
  return (
    <div class="beeld-columns" style={{ gridTemplateColumns: `repeat(${Math.max(1, snap.scenario.prompts.length)}, minmax(0, 1fr))` }}>
      {snap.scenario.prompts.map((prompt) => {
        const cards = snap.cards.filter((c) => c.promptId === prompt.id);
        const clusters = snap.clusters
          .filter((cl) => cl.promptId === prompt.id)
          .map((cl) => ({ id: cl.id, label: cl.label, cards: cards.filter((c) => c.clusterId === cl.id) }))
          .sort((a, b) => b.cards.length - a.cards.length);
        const loose = cards.filter((c) => c.clusterId === null || !clusters.some((cl) => cl.id === c.clusterId));
        // Share the column's room: every cluster shows at least one card, the biggest show more.
        const perGroup = Math.max(1, Math.floor(CARDS_PER_COLUMN / Math.max(1, clusters.length + (loose.length > 0 ? 1 : 0))));
        return (
          <section key={prompt.id} class="beeld-column" aria-labelledby={`prompt-${prompt.id}`}>
            <h2 id={`prompt-${prompt.id}`}>
              {prompt.text} <span class="beeld-count">{b.cards(cards.length)}</span>
            </h2>
            {clusters.map((cl) => (
              <CardGroup key={cl.id} label={cl.label} cards={cl.cards} max={perGroup} />
            ))}
            {loose.length > 0 ? <CardGroup label={b.loose} cards={loose} max={perGroup} loose /> : null}
            {cards.length === 0 ? <p class="beamer-empty">{b.emptyPrompt}</p> : null}
          </section>
        );
      })}
    </div>
  );
}

function CardGroup({ label, cards, max, loose }: { label: string; cards: CardView[]; max: number; loose?: boolean }) {
  const { shown, rest } = firstOf(cards, max);
  return (
    <div class={`beeld-group ${loose ? "loose" : ""}`}>
      <h3>
        {label} <span class="beeld-count">({cards.length})</span>
      </h3>
      <ul>
        {shown.map((card) => (
          <li key={card.id} class="beeld-card">
            {card.text}
          </li>
        ))}
      </ul>
      {rest > 0 ? <p class="beamer-more">{t.beamer.more(rest)}</p> : null}
    </div>
  );
}
