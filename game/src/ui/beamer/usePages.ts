/**
 * The beamer has no controls and cannot scroll: a list longer than the screen is shown a page at a time, turning
 * by itself. It starts again on the first page whenever the list grows or shrinks (after a reveal the top of the
 * list comes first), pages are filled evenly (10 items as 5 + 5, not 7 + 3), and a page change is not motion.
 */
import { useEffect, useRef, useState } from "preact/hooks";

export interface Paged<T> {
  items: T[];
  /** Position of the page's first item in the whole list. */
  offset: number;
  index: number;
  count: number;
}

export function usePages<T>(list: readonly T[], maxPerPage: number, turnMs = 15_000): Paged<T> {
  const count = Math.max(1, Math.ceil(list.length / maxPerPage));
  const size = Math.max(1, Math.ceil(list.length / count));
  const started = useRef(Date.now());
  const length = useRef(list.length);
  const [now, setNow] = useState(() => Date.now());
  if (length.current !== list.length) {
    length.current = list.length;
    started.current = now;
  }
  useEffect(() => {
    if (count <= 1) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [count]);
  const index = Math.floor((now - started.current) / turnMs) % count;
  return { items: list.slice(index * size, index * size + size), offset: index * size, index, count };
}

/** The first `max` of a list and how many were left out, for "en nog 3". */
export function firstOf<T>(list: readonly T[], max: number): { shown: T[]; rest: number } {
  return { shown: list.slice(0, max), rest: Math.max(0, list.length - max) };
}
