/** Voting: while it runs, the rules and the items; once revealed, the support per role for every item. */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { PageDots } from "./PageDots.tsx";
import { TableStrip } from "./TableStrip.tsx";
import { SupportChart, type ChartEntry } from "./SupportChart.tsx";
import { usePages } from "./usePages.ts";

const ROWS_PER_PAGE = 7;

export function PrioriterenBoard({ snap }: { snap: Snapshot }) {
  const b = t.beamer.prioriteren;
  const entries: ChartEntry[] = snap.support.map((support) => ({ id: support.itemId, text: snap.items.find((i) => i.id === support.itemId)?.text ?? "", support }));
  const chartPage = usePages(entries, ROWS_PER_PAGE);
  const itemPage = usePages(snap.items, 8);
  if (snap.session.votesRevealed) {
    return (
      <section class="prio" aria-labelledby="uitslag-kop">
        <div class="board-head">
          <h2 id="uitslag-kop">{b.chartHeading}</h2>
          <PageDots index={chartPage.index} count={chartPage.count} />
        </div>
        <SupportChart entries={chartPage.items} firstRank={chartPage.offset + 1} />
      </section>
    );
  }
  const voting = snap.scenario.voting;
  return (
    <>
      <div class="prio-voting">
        <section class="beamer-panel prio-rules" aria-labelledby="stemmen-kop">
          <h2 id="stemmen-kop">{b.voting}</h2>
          <p>{voting.mode === "punten" ? b.points(voting.budget, voting.maxPerItem ?? null) : b.moscow}</p>
          <p class="muted">{b.asRole}</p>
        </section>
        <section aria-labelledby="items-kop">
          <div class="board-head">
            <h2 id="items-kop">{b.itemsHeading}</h2>
            <PageDots index={itemPage.index} count={itemPage.count} />
          </div>
          <ol class="prio-items" start={itemPage.offset + 1}>
            {itemPage.items.map((item) => (
              <li key={item.id}>
                <span class="clamp-2">{item.text}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      {/* While voting, who has voted per tafel; after the reveal the chart needs the whole screen. */}
      <TableStrip snap={snap} />
    </>
  );
}
