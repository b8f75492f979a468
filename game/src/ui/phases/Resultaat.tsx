/**
 * Resultaat: the kader op maat as one list in rank order (rank 1 first: the numbers read 1, 2, 3), each item tagged
 * with its heading of the handelingsperspectief; the headings filter the list. Then the open spanningen and the
 * cases. Reads well on paper too ("Afdrukken" first clears the filter, so the whole list is printed).
 */
import { useState } from "preact/hooks";
import type { KaderView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/participant.css";
import { KaderCases } from "./parts/participant/KaderCases.tsx";
import { KaderItem } from "./parts/participant/KaderItem.tsx";
import { KaderSpanningen } from "./parts/participant/KaderSpanningen.tsx";
import { anyScoreWithoutSupport } from "../../phaser/chartModel.ts";
import { WeakBarsNote } from "./parts/participant/SupportBars.tsx";
import { isParticipant } from "./parts/participant/lookup.ts";
import type { PhaseProps } from "./types.ts";

type Perspectief = KaderView["perspectieven"][number]["perspectief"];

export function Resultaat({ snap, audience }: PhaseProps) {
  const texts = t.participant.resultaat;
  const kader = snap.kader;
  const [filter, setFilter] = useState<Perspectief | null>(null);
  return (
    <div class={`p-screen stack p-kader${isParticipant(audience) ? "" : " p-wide"}`}>
      <header class="p-head p-kader-head">
        <div>
          <p class="p-kicker">{snap.scenario.title}</p>
          <h1 id="fase-titel">{texts.title}</h1>
          <p>{texts.intro}</p>
        </div>
        <button
          type="button"
          class="secondary p-print"
          onClick={() => {
            setFilter(null);
            requestAnimationFrame(() => window.print());
          }}
        >
          {texts.print}
        </button>
      </header>
      {kader === null ? (
        <p role="status" class="muted">{texts.notReady}</p>
      ) : (
        <>
          <section class="stack" aria-labelledby="p-kader-lijst">
            <h2 id="p-kader-lijst">{texts.rankedTitle}</h2>
            <PerspectiefFilter kader={kader} value={filter} onChange={setFilter} />
            {anyScoreWithoutSupport(kader.items.map((item) => item.support)) ? <WeakBarsNote /> : null}
            <ul class="p-items" aria-live="polite">
              {kader.items
                .filter((item) => filter === null || item.perspectief === filter)
                .map((item) => (
                  <KaderItem key={item.itemId} snap={snap} item={item} perspectief={titleOf(kader, item.perspectief)} />
                ))}
            </ul>
          </section>
          {/* Empty headings are a finding too ("nothing on goals yet"), but they should not push the kader down. */}
          <EmptyPerspectieven titles={kader.perspectieven.filter((p) => p.itemIds.length === 0).map((p) => p.title)} />
          <KaderSpanningen kader={kader} />
          <KaderCases snap={snap} kader={kader} />
        </>
      )}
    </div>
  );
}

const titleOf = (kader: KaderView, perspectief: Perspectief): string => kader.perspectieven.find((p) => p.perspectief === perspectief)?.title ?? "";

/** The four headings of a handelingsperspectief as a filter over the ranked list: "Alles" or one heading. */
function PerspectiefFilter({ kader, value, onChange }: { kader: KaderView; value: Perspectief | null; onChange: (p: Perspectief | null) => void }) {
  const texts = t.participant.resultaat;
  const options = kader.perspectieven.filter((p) => p.itemIds.length > 0);
  if (options.length < 2) return null;
  return (
    <div class="p-filter" role="group" aria-label={texts.filterLabel}>
      <button type="button" class="secondary" aria-pressed={value === null} onClick={() => onChange(null)}>
        {texts.filterAll(kader.items.length)}
      </button>
      {options.map((p) => (
        <button key={p.perspectief} type="button" class="secondary" aria-pressed={value === p.perspectief} onClick={() => onChange(value === p.perspectief ? null : p.perspectief)}>
          {texts.filterOne(p.title, p.itemIds.length)}
        </button>
      ))}
    </div>
  );
}

function EmptyPerspectieven({ titles }: { titles: string[] }) {
  if (titles.length === 0) return null;
  return (
    <p class="muted p-perspectief-empty">
      {t.participant.resultaat.perspectievenEmpty(titles.join(", "))}
    </p>
  );
}
