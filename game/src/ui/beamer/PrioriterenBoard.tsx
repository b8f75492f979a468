/**
 * Voting: while it runs, the rules and the items; once revealed, the podium (the rest from the bottom up, then the top
 * three staged) and after it, page by page, the rest with their bars per role. The reveal always opens on the podium
 * page: the revealed board is a new board for the pager. The spelleider can hold a page from the console.
 */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { PageDots } from "./PageDots.tsx";
import { Podium, podiumHasWeakBars, podiumPlaces, WeakNote } from "./Podium.tsx";
import { TableStrip } from "./TableStrip.tsx";
import { SupportChart, type ChartEntry } from "./SupportChart.tsx";
import { usePages } from "./usePages.ts";

const ROWS_PER_PAGE = 6;
const ITEMS_PER_PAGE = 8;

/** Which of the prioriteren boards is up, and its pages: the beamer and the console's page control both use this. */
export function prioriterenPages(snap: Snapshot): { board: string; pages: number } {
  const phase = snap.session.phase.index;
  if (snap.session.votesRevealed) {
    const rest = Math.max(0, snap.support.length - podiumPlaces(snap.support.map((support) => ({ support }))));
    return { board: `${phase}:uitslag`, pages: 1 + Math.ceil(rest / ROWS_PER_PAGE) };
  }
  return { board: `${phase}:stemmen`, pages: Math.max(1, Math.ceil(snap.items.length / ITEMS_PER_PAGE)) };
}

type RevealPage = { kind: "podium" } | { kind: "chart"; entries: ChartEntry[]; firstRank: number };

export function PrioriterenBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.prioriteren;
  const entries: ChartEntry[] = snap.support.map((support) => ({ id: support.itemId, text: snap.items.find((i) => i.id === support.itemId)?.text ?? "", support }));
  const { board } = prioriterenPages(snap);
  const pages = revealPages(entries);
  const page = usePages(pages, 1, { board, chosen: snap.beamerPage });
  const itemPage = usePages(snap.items, ITEMS_PER_PAGE, { board, chosen: snap.beamerPage });
  if (snap.session.votesRevealed) {
    const shown = page.items[0] ?? { kind: "podium" };
    return (
      <section class="prio" aria-labelledby="uitslag-kop">
        <div class="board-head">
          <h2 id="uitslag-kop">{shown.kind === "podium" ? podiumHeading(podiumPlaces(entries)) : t.feel.podium.allHeading}</h2>
          {shown.kind === "podium" && podiumHasWeakBars(entries) ? <WeakNote /> : null}
          <PageDots index={page.index} count={page.count} />
        </div>
        {entries.length === 0 ? (
          <p class="beamer-empty">{t.beamer.chart.none}</p>
        ) : shown.kind === "podium" ? (
          <Podium entries={entries} unit={snap.scenario.voting.mode} />
        ) : (
          <SupportChart entries={shown.entries} firstRank={shown.firstRank} unit={snap.scenario.voting.mode} />
        )}
      </section>
    );
  }
  const voting = snap.scenario.voting;
  return (
    <>
      <div class="prio-voting">
        <section class="beamer-panel prio-rules" aria-labelledby="stemmen-kop">
          <h2 id="stemmen-kop">{replay ? b.votingReplay : b.voting}</h2>
          <p>{voting.mode === "punten" ? (replay ? b.pointsReplay : b.points)(voting.budget, voting.maxPerItem ?? null) : replay ? b.moscowReplay : b.moscow}</p>
          <p class="muted">{replay ? b.asRoleReplay : b.asRole}</p>
          {!replay && snap.counts?.voting ? <VoteProgress {...snap.counts.voting} /> : null}
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

/** How many of those who may vote have voted, and a bar that fills: the room sees the vote come in, not who. */
function VoteProgress({ voted, voters }: { voted: number; voters: number }) {
  return (
    <div class="prio-progress">
      <p aria-live="polite">{t.beamer.prioriteren.voted(voted, voters)}</p>
      <span class="prio-progress-bar" aria-hidden="true">
        <span style={{ width: `${voters === 0 ? 0 : Math.round((voted / voters) * 100)}%` }} />
      </span>
    </div>
  );
}

/** The podium first, then ranks 4 and on in evenly filled pages of at most ROWS_PER_PAGE. */
/** "De top drie", or with fewer items that had any support "De top twee" / "De top". */
const podiumHeading = (places: number): string => (places >= 3 ? t.feel.podium.heading : t.feel.podium.headingFew(places));

function revealPages(entries: ChartEntry[]): RevealPage[] {
  const places = podiumPlaces(entries);
  const rest = entries.slice(places);
  const count = Math.ceil(rest.length / ROWS_PER_PAGE);
  const size = Math.max(1, Math.ceil(rest.length / Math.max(1, count)));
  const pages: RevealPage[] = [{ kind: "podium" }];
  for (let i = 0; i < rest.length; i += size) pages.push({ kind: "chart", entries: rest.slice(i, i + size), firstRank: places + 1 + i });
  return pages;
}
