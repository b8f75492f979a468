/** The kader op maat: the items with the most support, their bars per role, and what is still open. */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { SupportChart, type ChartEntry } from "./SupportChart.tsx";

const TOP = 5;

export function ResultaatBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.resultaat;
  const kader = snap.kader;
  if (!kader || kader.items.length === 0) return <p class="beamer-empty">{b.empty}</p>;
  const entries: ChartEntry[] = kader.items.flatMap((item) => (item.support ? [{ id: item.itemId, text: item.text, support: item.support }] : [])).slice(0, TOP);
  const amendments = kader.items.filter((i) => i.fromCases.length > 0).length;
  const roles = new Set(kader.items.flatMap((i) => i.roles)).size;
  return (
    <section class="resultaat" aria-labelledby="kader-kop">
      <Finish items={kader.items.length} roles={roles} replay={replay} />
      <div class="board-head">
        <h2 id="kader-kop">{b.top}</h2>
        <p class="muted">
          {b.amendments(amendments)} · {b.spanningen(kader.spanningen.length)}
        </p>
      </div>
      {entries.length > 0 ? (
        <SupportChart entries={entries} firstRank={1} unit={snap.scenario.voting.mode} />
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

/**
 * The moment the kader op maat is done: a check that draws itself and the words, once (<= 280 ms each, none under
 * reduced motion). The heading is the text equivalent; it is also what a screen reader hears first.
 */
function Finish({ items, roles, replay }: { items: number; roles: number; replay: boolean }) {
  const f = t.feel.finish;
  return (
    <div class="finish" role="status">
      <svg class="finish-mark" viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="24" cy="24" r="22" />
        <path d="M14 25l7 7 14-15" />
      </svg>
      <div>
        <h2 class="finish-heading">{f.heading}</h2>
        <p>
          {f.stats(items, roles)} · {replay ? f.thanksReplay : f.thanks}
        </p>
      </div>
    </div>
  );
}
