/**
 * The beamer on day 2 (1920x1080, read from the back of the room): reflectie (who reflected, per item the
 * ja/deels/nee bar), bijstellen (kader v2 with status and steun), kader (v2 beside v1). Long lists turn pages by
 * themselves; the spelleider can hold a page from the console (BeamerPager). The terugblik has its own view, drawn elsewhere.
 */
import type { KaderV1Item } from "#shared/protocol/events.ts";
import type { TerugkomView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/terugkom.css";
import { PageDots } from "../beamer/PageDots.tsx";
import { usePages, usePagesAt } from "../beamer/usePages.ts";
import { CHOOSE, choosing } from "./choose.ts";
import { KaderCompare, KaderSummary, kaderRowTexts } from "./KaderCompare.tsx";
import { kaderPageStarts } from "./kaderPages.ts";
import { StatusBadge, SteunMoveBadge, ToegepastBar } from "./parts.tsx";

export function TerugkomBoard({ snap }: { snap: Snapshot }) {
  const view = snap.terugkom;
  if (view === null) return null;
  switch (view.stage) {
    case "terugblik":
      return null;
    case "reflectie":
      return <ReflectieBoard snap={snap} view={view} />;
    case "bijstellen":
      return <BijstellenBoard snap={snap} view={view} />;
    case "kader":
      return <KaderBoard snap={snap} view={view} />;
    default: {
      const unreachable: never = view.stage;
      return unreachable;
    }
  }
}

/** Rows per page on the beamer's reflectie and bijstellen boards (the console's page control counts with the same); the
 * kader's rows differ too much in height for a fixed number: its pages are measured from the texts (kaderPages.ts). */
export const TERUGKOM_PER_PAGE = { reflectie: 7, bijstellen: 7 } as const;

/** The day-2 board on the beamer now and its pages, for the console's page control; null on the terugblik. */
export function terugkomPages(snap: Snapshot): { board: string; pages: number } | null {
  const view = snap.terugkom;
  const stage = snap.session.terugkomStage;
  if (view === null || stage === null || stage === "terugblik") return null;
  if (stage === "kader") return { board: "terugkom:kader", pages: kaderPageStarts(kaderRowTexts(snap, view)).length };
  const rows = stage === "reflectie" ? view.v1.length : view.v2.length;
  return { board: `terugkom:${stage}`, pages: Math.max(1, Math.ceil(rows / TERUGKOM_PER_PAGE[stage])) };
}

const EMPTY_REFLECTIES = { ja: 0, deels: 0, nee: 0, goed: [], beter: [], indicatoren: [] };

function ReflectieBoard({ snap, view }: { snap: Snapshot; view: TerugkomView }) {
  const s = t.terugkom.board;
  const items: KaderV1Item[] = [...view.v1].sort((a, b) => a.rank - b.rank);
  const byId = new Map(view.v2.map((i) => [i.itemId, i]));
  const page = usePages(items, TERUGKOM_PER_PAGE.reflectie, { board: "terugkom:reflectie", chosen: snap.beamerPage });
  const total = snap.session.participantCount;
  const share = total > 0 ? Math.min(1, view.reflectors / total) : 0;
  return (
    <section class="tk-board" aria-labelledby="tk-board-kop">
      <div class="board-head">
        <h2 id="tk-board-kop">{s.reflectieTitle}</h2>
        <p class="tk-board-count">{s.reflectors(view.reflectors, total)}</p>
        <span class="tk-board-progress" aria-hidden="true">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
        <PageDots index={page.index} count={page.count} />
      </div>
      <p class="muted">{choosing(view.v1.length) ? s.reflectieHintChoose(CHOOSE.min, CHOOSE.max) : s.reflectieHint}</p>
      <ol class="tk-board-rows">
        {page.items.map((item) => (
          <li key={item.itemId} class="tk-board-row">
            <span class="tk-board-rank">{item.rank}</span>
            <span class="tk-board-text clamp-2">{item.text}</span>
            <ToegepastBar counts={byId.get(item.itemId)?.reflecties ?? EMPTY_REFLECTIES} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function BijstellenBoard({ snap, view }: { snap: Snapshot; view: TerugkomView }) {
  const s = t.terugkom.board;
  const page = usePages(view.v2, TERUGKOM_PER_PAGE.bijstellen, { board: "terugkom:bijstellen", chosen: snap.beamerPage });
  return (
    <section class="tk-board" aria-labelledby="tk-board-kop">
      <div class="board-head">
        <h2 id="tk-board-kop">{s.bijstellenTitle}</h2>
        <p class="tk-board-count">
          {t.terugkom.bijstellen.summary(view.v2.length, view.counts.gewijzigd, view.counts.nieuw, view.counts.vervallen)} · {s.steunGivers(view.steunGivers)}
        </p>
        <PageDots index={page.index} count={page.count} />
      </div>
      <p class="muted">{s.bijstellenHint}</p>
      <ol class="tk-board-rows">
        {page.items.map((item) => {
          const retired = item.status === "vervallen";
          return (
            <li key={item.itemId} class={`tk-board-row tk-board-v2 tk-st-${item.status}`}>
              <span class="tk-board-rank">{item.v1Rank ?? "+"}</span>
              {/* The marks stand in the text's first line, as in the kader's comparison: a row is never more than two
                  lines, so seven rows fit the beamer however many of them changed (on a line of their own, seven
                  rows of two lines each ran 250 px below the screen). */}
              <span class="tk-board-main">
                <span class={`tk-board-text clamp-2${retired ? " tk-struck" : ""}`}>
                  {item.status !== "ongewijzigd" || item.steunVerandering !== null ? (
                    <span class="tk-cmp-marks">
                      {item.status === "ongewijzigd" ? null : <StatusBadge status={item.status} />}
                      <SteunMoveBadge item={item} />
                    </span>
                  ) : null}
                  {retired ? <del>{item.text}</del> : item.text}
                </span>
              </span>
              <span class="tk-board-steun">
                {retired ? "" : item.steun.voor + item.steun.tegen === 0 ? s.noSteun : s.steun(item.steun.voor, item.steun.tegen)}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function KaderBoard({ snap, view }: { snap: Snapshot; view: TerugkomView }) {
  const s = t.terugkom.board;
  const starts = kaderPageStarts(kaderRowTexts(snap, view));
  const page = usePagesAt(view.v2, starts, { board: "terugkom:kader", chosen: snap.beamerPage });
  return (
    <section class="tk-board" aria-labelledby="tk-board-kop">
      <div class="board-head">
        <h2 id="tk-board-kop">{s.kaderTitle}</h2>
        <PageDots index={page.index} count={page.count} />
      </div>
      <KaderSummary view={view} />
      <KaderCompare snap={snap} view={view} items={page.items} big />
    </section>
  );
}
