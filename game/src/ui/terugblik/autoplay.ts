/** The terugblik's autoplay as a pure function of the timeline, so it can be tested without a browser. */

/**
 * Autoplay: the session as a time-lapse. At 1× a minute of the session passes per second (4×: four minutes, 16×:
 * sixteen). Every tick moves at least one event on (a quiet stretch, a break, is skipped) and at most 1/MIN_TICKS of
 * the day (a short session still plays as a film of MIN_TICKS steps instead of jumping to its end). The console steps
 * a few times a second at most (TICK_MS), so the beamer follows with a position per step, like a spelleider pressing ›.
 */
export const SPEEDS = [1, 4, 16] as const;
export type Speed = (typeof SPEEDS)[number];
export const TICK_MS = 250;
export const SESSION_MS_PER_SECOND = 60_000;
export const MIN_TICKS = 40;

/** Where autoplay goes after one tick from `index`, with the film's clock at `clock` (a time of the session). */
export function autoplayStep(entries: readonly { at: number }[], index: number, clock: number, speed: Speed): { index: number; clock: number } {
  const advanced = clock + (TICK_MS / 1000) * SESSION_MS_PER_SECOND * speed;
  const most = index + Math.max(1, Math.ceil(entries.length / MIN_TICKS));
  let next = index + 1;
  while (next + 1 < entries.length && next + 1 <= most && (entries[next + 1]?.at ?? Infinity) <= advanced) next++;
  next = Math.min(next, entries.length - 1);
  return { index: next, clock: Math.max(advanced, entries[next]?.at ?? advanced) };
}
