/**
 * The terugblik's autoplay: a time-lapse of day 1. At 1× a minute of the session per second, 4× and 16× faster; every
 * tick moves on at least one event (a break is skipped) and at most a fortieth of the day (a short session still plays
 * as a film rather than jumping to its end).
 */
import { describe, expect, it } from "vitest";
import { MIN_TICKS, SESSION_MS_PER_SECOND, TICK_MS, autoplayStep, type Speed } from "../../game/src/ui/terugblik/autoplay.ts";

const MINUTE = 60_000;
/** A day of `n` events, one every `gap` ms. */
const day = (n: number, gap: number) => Array.from({ length: n }, (_, i) => ({ at: i * gap }));

function play(entries: { at: number }[], speed: Speed): number[] {
  const visited = [0];
  let index = 0;
  let clock = entries[0]?.at ?? 0;
  while (index < entries.length - 1) {
    ({ index, clock } = autoplayStep(entries, index, clock, speed));
    visited.push(index);
  }
  return visited;
}

describe("terugblik: autoplay as a time-lapse", () => {
  it("at 1× a tick shows a quarter of a minute of the session, and always at least the next event", () => {
    const perTick = (TICK_MS / 1000) * SESSION_MS_PER_SECOND;
    expect(perTick).toBe(15_000);
    // Three hours, an event every 5 seconds: at 1× three events per tick.
    const busy = day(2_160, 5_000);
    const steps = play(busy, 1);
    expect(steps[1]).toBe(3);
    // Events an hour apart (a break): still one step per tick.
    expect(play(day(5, 60 * MINUTE), 1)).toEqual([0, 1, 2, 3, 4]);
  });

  it("16× plays sixteen times as much of the session per tick as 1×", () => {
    const busy = day(2_160, 5_000);
    const one = play(busy, 1).length;
    const sixteen = play(busy, 16).length;
    expect(one / sixteen).toBeGreaterThan(12);
  });

  it("a short session still plays as a film of at least MIN_TICKS steps, never jumping to its end at once", () => {
    const short = day(120, 500); // a minute of events
    for (const speed of [1, 4, 16] as const) {
      const steps = play(short, speed);
      expect(steps.length - 1).toBeGreaterThanOrEqual(MIN_TICKS);
      // Always forward, ending on the last event.
      expect(steps.every((s, i) => i === 0 || s > (steps[i - 1] ?? -1))).toBe(true);
      expect(steps.at(-1)).toBe(short.length - 1);
    }
  });
});
