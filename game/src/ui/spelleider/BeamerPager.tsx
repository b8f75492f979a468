/**
 * The spelleider chooses the beamer's page when a list is longer than one page: prioriteren (the items while voting,
 * the result after the reveal), the kader op maat (per handelingsperspectief) and day 2 (the reflectie, bijstellen and kader boards). Presentation only: sent as
 * `beamer.pagina` (not a command, never logged), like the terugblik's position. Held pages belong to one board: after
 * the reveal, or in the next stage, the beamer opens on page 1 again.
 *
 * The long texts in parts (WholeText: the introduction, a case's situatie and afloop) the same way, per part: the
 * beamer measures how many parts a text needs on its own screen and the server does not depend on that, so the
 * console sends a part (never more than the text has sentences) and the beamer shows it, or its last part past that.
 */
import type { Connection, Snapshot } from "../../net/connection.ts";
import type { BeamerPage } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import { beamerText, fitsOnePart } from "../beamer/beamerText.ts";
import { prioriterenPages } from "../beamer/PrioriterenBoard.tsx";
import { resultaatPages } from "../beamer/ResultaatBoard.tsx";
import { sentencesOf } from "../beamer/WholeText.tsx";
import { terugkomPages } from "../terugkom/TerugkomBoard.tsx";

/** The board on the beamer that pages, with its number of pages; null when none does. */
export function beamerPaging(snap: Snapshot): { board: string; pages: number } | null {
  const terugkom = terugkomPages(snap);
  if (terugkom) return terugkom;
  if (snap.session.terugkomStage === null && snap.session.phase.kind === "prioriteren") return prioriterenPages(snap);
  if (snap.session.terugkomStage === null && snap.session.phase.kind === "resultaat") return resultaatPages(snap);
  return null;
}

/** The page (or part) of `board` the spelleider holds on the beamer, within its `count`; null: it turns by itself. */
function heldPage(snap: Snapshot, board: string, count: number): number | null {
  const held = snap.beamerPage;
  return held && held.board === board && held.page !== null ? Math.min(held.page, count - 1) : null;
}

/** Sends the spelleider's choice; offline for a moment, the banner says so and the next press sends again. */
function sendChoice(conn: Connection, choice: BeamerPage): void {
  try {
    conn.client.sendBeamerPage(choice);
  } catch (error) {
    window.console.warn("Pagina voor de beamer niet verstuurd", error);
  }
}

export function BeamerPager({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const p = t.feel.beamerPages;
  const paging = beamerPaging(snap);
  if (!paging || paging.pages <= 1) return <TextPager conn={conn} snap={snap} />;
  const { board, pages } = paging;
  const chosen = heldPage(snap, board, pages);
  const send = (page: number | null) => sendChoice(conn, { board, page });
  return (
    <section class="card stack beamer-pager" aria-labelledby="beamerpagina-kop">
      <h2 id="beamerpagina-kop">{p.heading}</h2>
      <p class="small" role="status">
        {chosen === null ? p.auto(pages) : p.held(chosen + 1, pages)}
      </p>
      <StepButtons labels={p} count={pages} chosen={chosen} send={send} />
    </section>
  );
}

/**
 * The part of the long text on the beamer: held from here, or turning by itself. Only where the text can be in parts:
 * not for a text of one sentence (never split), nor for one short enough that every beamer shows it in one part
 * (fitsOnePart: the console cannot know a beamer's count, so it does not offer parts a text surely does not have).
 */
function TextPager({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const p = t.feel.beamerParts;
  const shown = beamerText(snap);
  const most = shown ? sentencesOf(shown.text).length : 0;
  if (!shown || most <= 1 || fitsOnePart(shown)) return null;
  const { board } = shown;
  const what = p.what[shown.kind];
  const chosen = heldPage(snap, board, most);
  const send = (page: number | null) => sendChoice(conn, { board, page });
  return (
    <section class="card stack beamer-pager beamer-parts" aria-labelledby="beamerdeel-kop">
      <h2 id="beamerdeel-kop">{p.heading}</h2>
      <p class="small" role="status">
        {chosen === null ? p.auto(what) : p.held(what, chosen + 1)}
      </p>
      <StepButtons labels={p} count={most} chosen={chosen} send={send} />
      <p class="small muted">{p.note}</p>
    </section>
  );
}

/**
 * Previous, next and (while one is held) let go: the same three buttons for a board's pages and a text's parts. Not
 * held yet, "previous" holds the first and "next" the second.
 */
function StepButtons({ labels, count, chosen, send }: { labels: { previous: string; next: string; release: string }; count: number; chosen: number | null; send: (page: number | null) => void }) {
  const at = chosen ?? 0;
  return (
    <div class="row">
      <button type="button" class="secondary" aria-disabled={chosen !== null && at === 0 ? "true" : undefined} onClick={() => send(chosen === null ? 0 : Math.max(0, at - 1))}>
        <span aria-hidden="true">‹ </span>
        {labels.previous}
      </button>
      <button type="button" class="secondary" aria-disabled={chosen !== null && at === count - 1 ? "true" : undefined} onClick={() => send(chosen === null ? Math.min(1, count - 1) : Math.min(count - 1, at + 1))}>
        {labels.next}
        <span aria-hidden="true"> ›</span>
      </button>
      {chosen === null ? null : (
        <button type="button" class="secondary" onClick={() => send(null)}>
          {labels.release}
        </button>
      )}
    </div>
  );
}
