/**
 * The beamer has no controls and cannot scroll: a list longer than the screen is shown a page at a time, turning
 * by itself. It starts again on the first page whenever the list grows or shrinks or `board` changes (a reveal is a
 * new board: its top comes first, however long the phase before it lasted), pages are filled evenly (10 items as
 * 5 + 5, not 7 + 3), and a page change is not motion. The spelleider can hold a page from the console (`chosen`, for
 * this `board` only); releasing it turns pages by itself again from there.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { BeamerPage } from "#shared/protocol/views.ts";

export interface Paged<T> {
  items: T[];
  /** Position of the page's first item in the whole list. */
  offset: number;
  index: number;
  count: number;
}

export interface PageOptions {
  turnMs?: number;
  /** Which board this list is on (see beamerBoardKey): a new board starts on page 1. */
  board?: string;
  /** The spelleider's choice; applies only when made for this board. */
  chosen?: BeamerPage | null;
}

export function usePages<T>(list: readonly T[], maxPerPage: number, options: PageOptions = {}): Paged<T> {
  const count = Math.max(1, Math.ceil(list.length / maxPerPage));
  const size = Math.max(1, Math.ceil(list.length / count));
  return usePagesAt(list, Array.from({ length: count }, (_, i) => i * size), options);
}

/** The same for pages decided elsewhere: `starts` holds each page's first index in `list` (the first is 0). */
export function usePagesAt<T>(list: readonly T[], starts: readonly number[], options: PageOptions = {}): Paged<T> {
  const { turnMs = 15_000, board = "", chosen = null } = options;
  const count = Math.max(1, starts.length);
  const started = useRef(Date.now());
  const seen = useRef({ length: list.length, board, held: -1 });
  const [now, setNow] = useState(() => Date.now());
  const held = chosen && chosen.board === board && chosen.page !== null ? Math.min(chosen.page, count - 1) : -1;
  if (seen.current.length !== list.length || seen.current.board !== board) {
    // Start counting from this moment, not from the last tick: the clock may not have ticked for a long time.
    started.current = Date.now();
    seen.current = { length: list.length, board, held };
  } else if (seen.current.held !== held) {
    // Released from a held page: turn on from that page.
    if (seen.current.held >= 0 && held < 0) started.current = Date.now() - seen.current.held * turnMs;
    seen.current.held = held;
  }
  useEffect(() => {
    if (count <= 1 || held >= 0) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [count, held]);
  const auto = Math.floor(Math.max(0, now - started.current) / turnMs) % count;
  const index = held >= 0 ? held : auto;
  const offset = starts[index] ?? 0;
  const end = starts[index + 1] ?? list.length;
  return { items: list.slice(offset, end), offset, index, count };
}

/** The first `max` of a list and how many were left out, for "en nog 3". */
export function firstOf<T>(list: readonly T[], max: number): { shown: T[]; rest: number } {
  return { shown: list.slice(0, max), rest: Math.max(0, list.length - max) };
}
