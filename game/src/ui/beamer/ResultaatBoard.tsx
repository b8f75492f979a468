/**
 * The kader op maat: first the moment it is done with the items of most support and their bars per role; then, page
 * by page, the whole kader per handelingsperspectief (as in the exports), so the room can walk through all of it.
 * Pages turn by themselves; the spelleider can hold one from the console (resultaatPages, BeamerPager).
 */
import type { KaderView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { PageDots } from "./PageDots.tsx";
import { SupportChart, type ChartEntry, type UnvotedEntry } from "./SupportChart.tsx";
import { usePages } from "./usePages.ts";

const TOP = 5;
/**
 * How much of the kader one beamer page holds, in rows of the support chart (a perspectief's heading counts half a
 * row): what the chart shows on a page in prioriteren, with its headings.
 */
const PAGE_ROWS = 6;
const HEADING_ROWS = 0.5;

type KaderItem = KaderView["items"][number];
/** A perspectief on a page: its title, whether it started on an earlier page, and its items here. */
interface Section {
  title: string;
  continued: boolean;
  items: KaderItem[];
}
type KaderPage = { kind: "top" } | { kind: "kader"; sections: Section[] };

/**
 * The first page, then the whole kader per handelingsperspectief, packed into pages: a perspectief follows the one
 * before it on the same page while there is room, and goes on on the next page when there is not.
 */
function kaderPages(kader: KaderView): KaderPage[] {
  const byId = new Map(kader.items.map((item) => [item.itemId, item]));
  const pages: KaderPage[] = [{ kind: "top" }];
  let sections: Section[] = [];
  let used = 0;
  const close = () => {
    if (sections.length > 0) pages.push({ kind: "kader", sections });
    sections = [];
    used = 0;
  };
  for (const p of kader.perspectieven) {
    const items = p.itemIds.flatMap((id) => byId.get(id) ?? []);
    let at = 0;
    while (at < items.length) {
      // Room for the heading and at least one row, or a new page.
      if (used + HEADING_ROWS + 1 > PAGE_ROWS) close();
      const fit = Math.max(1, Math.floor(PAGE_ROWS - used - HEADING_ROWS));
      const here = items.slice(at, at + fit);
      sections.push({ title: p.title, continued: at > 0, items: here });
      used += HEADING_ROWS + here.length;
      at += here.length;
    }
  }
  close();
  return pages;
}

/** The kader's board on the beamer (a held page belongs to it). */
const boardOf = (snap: Snapshot): string => `${snap.session.phase.index}:kader`;

/** The kader's board on the beamer and its pages: the beamer and the console's page control both use this. */
export function resultaatPages(snap: Snapshot): { board: string; pages: number } {
  return { board: boardOf(snap), pages: snap.kader && snap.kader.items.length > 0 ? kaderPages(snap.kader).length : 1 };
}

export function ResultaatBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.resultaat;
  const kader = snap.kader;
  const pages = kader ? kaderPages(kader) : [];
  const page = usePages(pages, 1, { board: boardOf(snap), chosen: snap.beamerPage });
  if (!kader || kader.items.length === 0) return <p class="beamer-empty">{b.empty}</p>;
  const shown = page.items[0] ?? { kind: "top" };
  const unit = snap.scenario.voting.mode;
  if (shown.kind === "kader") {
    const sectionTitle = (section: Section) => (section.continued ? b.continued(section.title) : section.title);
    // Every item in its perspectief, in the kader's order; one nobody could vote on says so where its bars would be.
    const entries: (ChartEntry | UnvotedEntry)[] = shown.sections.flatMap((section) =>
      section.items.map((item) => {
        const row = { id: item.itemId, text: item.text, rank: item.rank, group: sectionTitle(section) };
        return item.support ? { ...row, support: item.support } : { ...row, unvoted: item.fromCases.length > 0 ? b.unvotedAmendment : b.unvoted };
      }),
    );
    return (
      <section class="resultaat" aria-labelledby="kader-kop">
        <div class="board-head">
          <h2 id="kader-kop">{b.whole}</h2>
          <PageDots index={page.index} count={page.count} />
        </div>
        {entries.length > 0 ? <SupportChart entries={entries} firstRank={1} unit={unit} /> : null}
      </section>
    );
  }
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
        <PageDots index={page.index} count={page.count} />
      </div>
      {entries.length > 0 ? (
        <SupportChart entries={entries} firstRank={1} unit={unit} />
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
