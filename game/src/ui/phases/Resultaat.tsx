/**
 * Resultaat: the kader op maat, under the four headings of a handelingsperspectief, with support per role, case
 * evidence and aanvullingen; then the open spanningen and the cases. Reads well on paper too.
 */
import { t } from "../../strings/index.ts";
import "../../styles/participant.css";
import { KaderCases } from "./parts/p-KaderCases.tsx";
import { KaderItem } from "./parts/p-KaderItem.tsx";
import { KaderSpanningen } from "./parts/p-KaderSpanningen.tsx";
import { isParticipant } from "./parts/p-lookup.ts";
import type { PhaseProps } from "./types.ts";

export function Resultaat({ snap, audience }: PhaseProps) {
  const texts = t.participant.resultaat;
  const kader = snap.kader;
  return (
    <div class={`p-screen stack p-kader${isParticipant(audience) ? "" : " p-wide"}`}>
      <header class="p-head p-kader-head">
        <div>
          <p class="p-kicker">{snap.scenario.title}</p>
          <h1 id="fase-titel">{texts.title}</h1>
          <p>{texts.intro}</p>
        </div>
        <button type="button" class="secondary p-print" onClick={() => window.print()}>
          {texts.print}
        </button>
      </header>
      {kader === null ? (
        <p role="status" class="muted">{texts.notReady}</p>
      ) : (
        <>
          {kader.perspectieven
            .filter((p) => p.itemIds.length > 0)
            .map((p) => {
              const items = p.itemIds.flatMap((id) => kader.items.find((i) => i.itemId === id) ?? []);
              return (
                <section key={p.perspectief} class="p-perspectief stack" aria-labelledby={`p-persp-${p.perspectief}`}>
                  <h2 id={`p-persp-${p.perspectief}`}>{p.title}</h2>
                  <ul class="p-items">
                    {items.map((item) => (
                      <KaderItem key={item.itemId} snap={snap} item={item} />
                    ))}
                  </ul>
                </section>
              );
            })}
          {/* Empty headings are a finding too ("nothing on goals yet"), but they should not push the kader down. */}
          <EmptyPerspectieven titles={kader.perspectieven.filter((p) => p.itemIds.length === 0).map((p) => p.title)} />
          <KaderSpanningen kader={kader} />
          <KaderCases snap={snap} kader={kader} />
        </>
      )}
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
