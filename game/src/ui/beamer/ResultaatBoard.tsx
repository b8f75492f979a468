/** The kader op maat: the items with the most support, their bars per role, and what is still open. */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { SupportChart, type ChartEntry } from "./SupportChart.tsx";

const TOP = 6;

export function ResultaatBoard({ snap }: { snap: Snapshot }) {
  const b = t.beamer.resultaat;
  const kader = snap.kader;
  if (!kader || kader.items.length === 0) return <p class="beamer-empty">{b.empty}</p>;
  const entries: ChartEntry[] = kader.items.flatMap((item) => (item.support ? [{ id: item.itemId, text: item.text, support: item.support }] : [])).slice(0, TOP);
  const amendments = kader.items.filter((i) => i.fromCases.length > 0).length;
  return (
    <section class="resultaat" aria-labelledby="kader-kop">
      <div class="board-head">
        <h2 id="kader-kop">{b.top}</h2>
        <p class="muted">
          {b.amendments(amendments)} · {b.spanningen(kader.spanningen.length)}
        </p>
      </div>
      {entries.length > 0 ? (
        <SupportChart entries={entries} firstRank={1} />
      ) : (
        <ol class="prio-items">
          {kader.items.slice(0, TOP).map((item) => (
            <li key={item.itemId}>
              <span class="clamp-2">{item.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
