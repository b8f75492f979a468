/**
 * The terugblik's cache of folded states (server/http/terugblikCache.ts) answers exactly what a full replay answers:
 * for whole simulated sessions (every phase, pause, timers, going back a phase, removing someone, tafels, day 2), the
 * board at every position, asked forwards as the autoplay does, backwards, and in jumps, equals `boardAt(log, seq)`,
 * the log replayed from SessionCreated up to there; also while the log grows, and with a budget so small that sessions
 * and checkpoints are dropped all the time.
 */
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { boardAt } from "../../server/core/timeline.ts";
import { mulberry32 } from "../../server/core/roleAssignment.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { TerugblikCache } from "../../server/http/terugblikCache.ts";
import { simulate } from "../../tools/bench/simulate.ts";
import type { StoredEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";

let scenarios: ReadonlyMap<string, Scenario>;
beforeAll(async () => {
  scenarios = (await loadScenarioDir(resolve("scenarios"))).scenarios;
});

type Case = { scenarioId: string; variantId?: string; participants: number; seed: number; tables?: number };

/** A whole session played through the rules, as the store hands it out: seqs 1, 2, 3, ... */
function storedSession(c: Case): StoredEvent[] {
  const scenario = scenarios.get(c.scenarioId);
  if (!scenario) throw new Error(`scenario ${c.scenarioId} ontbreekt`);
  const { events } = simulate({ scenario, variantId: c.variantId, participants: c.participants, seed: c.seed, tables: c.tables, eisenPerRound: 3, editsPerRound: 1, boardActions: 30, votesPerParticipant: 3, extras: true, terugkom: true });
  // Through JSON, as a log comes out of the store.
  return JSON.parse(JSON.stringify(events.map((event, k) => ({ seq: k + 1, event, commandKey: null }))));
}

/** The board as the route sent it before the cache: the log replayed up to `seq`. */
const replayed = (log: readonly StoredEvent[], seq: number) => JSON.stringify({ seq, view: boardAt(log, seq) });

const cases: Case[] = [
  { scenarioId: "demo-maatwerk", variantId: "dag", participants: 8, seed: 1 },
  { scenarioId: "wmo-meedoen", participants: 7, seed: 3 },
  { scenarioId: "demo-maatwerk", variantId: "tafels", participants: 14, seed: 5, tables: 2 },
];

describe("the terugblik's boards from the cache equal a full replay", () => {
  for (const c of cases) {
    it(`${c.scenarioId}/${c.variantId ?? "eerste variant"}: every position forwards, then backwards, then in jumps`, () => {
      const log = storedSession(c);
      expect(log.length).toBeGreaterThan(150);
      const expected = log.map((s) => replayed(log, s.seq));
      const cache = new TerugblikCache({ every: 16 });
      const kept = cache.remember("s1", log);
      let early = 0;
      const at = (seq: number) => {
        if (seq < 16) early++;
        return cache.boardJson("s1", cache.logFor("s1", seq) ?? kept, seq);
      };
      for (const s of log) expect(at(s.seq)).toBe(expected[s.seq - 1]);
      for (const s of [...log].reverse()) expect(at(s.seq)).toBe(expected[s.seq - 1]);
      const random = mulberry32(c.seed);
      for (let k = 0; k < 200; k++) {
        const seq = 1 + Math.floor(random() * log.length);
        expect(at(seq)).toBe(expected[seq - 1]);
      }
      const figures = cache.figures();
      // Not from the start: forwards each step folds one event onto the cursor, backwards at most 16 onto a checkpoint
      // (or two cursors' worth), where replaying from the start folded n²/2 events per pass.
      expect(figures.fromStart).toBeLessThanOrEqual(early);
      expect(figures.fromCursor).toBeGreaterThan(log.length / 2);
      expect(figures.fromCheckpoint).toBeGreaterThan(0);
      expect(figures.folded).toBeLessThan((1 + 2 * 16) * log.length + 200 * 32);
    });
  }

  it("a log that grew since it was kept: the old boards stay, the new positions come from the longer log", () => {
    const log = storedSession(cases[0] as Case);
    const half = log.slice(0, Math.floor(log.length / 2));
    const cache = new TerugblikCache({ every: 10 });
    const first = cache.remember("s1", half);
    for (const s of first) expect(cache.boardJson("s1", first, s.seq)).toBe(replayed(log, s.seq));
    // A position past the kept log's end: the route loads the log again.
    expect(cache.logFor("s1", half.length + 1)).toBeNull();
    const grown = cache.remember("s1", log);
    expect(cache.figures().checkpoints).toBeGreaterThan(0);
    for (const s of log) expect(cache.boardJson("s1", grown, s.seq)).toBe(replayed(log, s.seq));
  });

  it("within a tiny budget sessions and checkpoints are dropped, and every board is still exact", () => {
    const logs = cases.map(storedSession);
    const cache = new TerugblikCache({ every: 8, maxSessions: 2, maxBytes: 600_000 });
    const random = mulberry32(7);
    for (let k = 0; k < 300; k++) {
      const which = Math.floor(random() * logs.length);
      const log = logs[which] ?? [];
      const id = `s${which}`;
      const seq = 1 + Math.floor(random() * log.length);
      const kept = cache.logFor(id, seq) ?? cache.remember(id, log);
      expect(cache.boardJson(id, kept, seq)).toBe(replayed(log, seq));
      const figures = cache.figures();
      expect(figures.sessions).toBeLessThanOrEqual(2);
      expect(figures.bytes).toBeLessThanOrEqual(600_000);
    }
  });

  it("a session forgotten (deleted) is gone from the cache", () => {
    const log = storedSession(cases[1] as Case);
    const cache = new TerugblikCache();
    cache.remember("s1", log);
    cache.boardJson("s1", log, 20);
    cache.forget("s1");
    expect(cache.logFor("s1", 1)).toBeNull();
    expect(cache.figures()).toMatchObject({ sessions: 0, checkpoints: 0, cursors: 0, boards: 0, bytes: 0 });
  });
});
