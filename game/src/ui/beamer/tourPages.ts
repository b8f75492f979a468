/**
 * The beamer's tour of the cards whose text does not fit on the board ("Uitgelicht: …"): as many whole cards per turn
 * as fit the line under the board (two lines, its whole width), each turn as long as its longest text takes to read,
 * so a full board goes round in about half the time of one card per 8 s. A card longer than the line is shown in parts, in turn. Pure (the
 * width of a text comes from `measure`), so it is tested in Node.
 */
import { wrapWords } from "../../phaser/boardLayout.ts";

export interface TourEntry {
  key: string;
  text: string;
}

export interface TourPage {
  /** The cards on this turn (ringed on the board). */
  keys: string[];
  /** What is shown, in order: whole texts, or one part of a long one (with "…" where it goes on). */
  texts: string[];
  ms: number;
}

/** Between two cards on one turn. */
export const TOUR_SEPARATOR = " · ";
/**
 * How long a turn stays: long enough to read its longest text from the back of the room (a base and per character),
 * and a little longer for each further card on it. The room reads the cards side by side (everyone the one they look
 * for), so several cards on one turn take hardly longer than one.
 */
const BASE_MS = 2_500;
const PER_CHAR_MS = 45;
const PER_EXTRA_CARD_MS = 1_000;
const MIN_MS = 5_000;
const MAX_MS = 12_000;

export const tourMs = (texts: readonly string[]) =>
  Math.min(MAX_MS, Math.max(MIN_MS, BASE_MS + Math.max(0, ...texts.map((x) => x.length)) * PER_CHAR_MS + Math.max(0, texts.length - 1) * PER_EXTRA_CARD_MS));

/**
 * Packs `entries` (in the board's order) into turns of at most `lines` lines of `width` after `prefix` ("Uitgelicht
 * (12–14 van 150): ", its widest form).
 */
export function tourPages(entries: readonly TourEntry[], prefix: string, width: number, measure: (s: string) => number, lines = 2): TourPage[] {
  const fits = (texts: string[]) => wrapWords(`${prefix}${texts.join(TOUR_SEPARATOR)}`, width, 99, measure).length <= lines;
  const pages: TourPage[] = [];
  let page: { keys: string[]; texts: string[] } = { keys: [], texts: [] };
  const close = () => {
    if (page.keys.length === 0) return;
    pages.push({ ...page, ms: tourMs(page.texts) });
    page = { keys: [], texts: [] };
  };
  for (const entry of entries) {
    if (fits([...page.texts, entry.text])) {
      page.keys.push(entry.key);
      page.texts.push(entry.text);
      continue;
    }
    close();
    if (fits([entry.text])) {
      page = { keys: [entry.key], texts: [entry.text] };
      continue;
    }
    // Longer than the line: in parts, at words, each part a turn of its own ("…" where it goes on).
    const words = entry.text.split(/\s+/).filter(Boolean);
    let start = 0;
    while (start < words.length) {
      let end = start + 1;
      const part = (e: number) => `${start > 0 ? "…" : ""}${words.slice(start, e).join(" ")}${e < words.length ? " …" : ""}`;
      while (end < words.length && fits([part(end + 1)])) end++;
      pages.push({ keys: [entry.key], texts: [part(end)], ms: tourMs([part(end)]) });
      start = end;
    }
  }
  close();
  return pages;
}

/** The turn at `elapsed` ms into the tour (it goes round), and where that turn starts. */
export function tourAt(pages: readonly TourPage[], elapsed: number): { index: number; page: TourPage } | null {
  const total = pages.reduce((sum, p) => sum + p.ms, 0);
  if (pages.length === 0 || total <= 0) return null;
  let t = ((elapsed % total) + total) % total;
  for (let index = 0; index < pages.length; index++) {
    const page = pages[index];
    if (!page) break;
    if (t < page.ms) return { index, page };
    t -= page.ms;
  }
  const last = pages[pages.length - 1];
  return last ? { index: pages.length - 1, page: last } : null;
}
