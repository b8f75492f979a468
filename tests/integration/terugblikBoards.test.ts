/**
 * The terugblik's boards over HTTP, as the autoplay of the console and the beamer asks for them (one position after
 * another, and back), come from the server's cache of folded states (server/http/terugblikCache.ts) and are exactly
 * the stored log replayed up to that position: also after the log grew, and never after the session was deleted.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { boardAt } from "../../server/core/timeline.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { hashSecret } from "../../server/sessions.ts";
import { simulate } from "../../tools/bench/simulate.ts";
import type { SessionEvent, StoredEvent } from "#shared/protocol/events.ts";
import { useTestServer } from "./harness.ts";

const server = useTestServer();

/** A session played through the rules by the simulator, day 2 included; nothing of it stored yet. */
async function played(seed: number): Promise<SessionEvent[]> {
  const { scenarios } = await loadScenarioDir(resolve("scenarios"));
  const scenario = scenarios.get("demo-maatwerk");
  if (!scenario) throw new Error("demo-maatwerk ontbreekt");
  const [created, ...rest] = simulate({ scenario, variantId: "dag", participants: 8, seed, eisenPerRound: 3, editsPerRound: 1, boardActions: 30, votesPerParticipant: 3, extras: true, terugkom: true }).events;
  if (created?.type !== "SessionCreated") throw new Error("log zonder begin");
  // Each its own session id and code (the simulator always uses the same).
  return [{ ...created, sessionId: `sterugblik${seed}`, code: `TERUG${seed}` }, ...rest];
}

/** Stores the first `count` events as a new session (with `secret` as its link); the rest can follow with `append`. */
async function store(events: readonly SessionEvent[], count: number, secret: string): Promise<{ sessionId: string; code: string }> {
  const [created, ...rest] = events;
  if (created?.type !== "SessionCreated") throw new Error("log zonder begin");
  const s = server.get().store;
  await s.createSession({ sessionId: created.sessionId, code: created.code, secretHash: hashSecret(secret), label: created.label, scenarioId: created.scenario.id, createdAt: created.at }, [created]);
  await append(created.sessionId, rest.slice(0, count - 1), 1);
  return { sessionId: created.sessionId, code: created.code };
}

async function append(sessionId: string, events: readonly SessionEvent[], lastSeq: number): Promise<void> {
  for (let at = 0; at < events.length; at += 500) await server.get().store.append(sessionId, lastSeq + at, null, events.slice(at, at + 500));
}

async function board(path: string): Promise<unknown> {
  const res = await fetch(`${server.baseUrl}${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
}

/** What the route answered before it had a cache: the stored log replayed up to `seq`, through JSON. */
const replayed = (log: readonly StoredEvent[], seq: number): unknown => JSON.parse(JSON.stringify({ seq, view: boardAt(log, seq) }));

describe("terugblik boards over HTTP equal the stored log replayed up to their position", () => {
  it("every position forwards on the beamer, every third one backwards on the console, then positions of a log that grew", async () => {
    const events = await played(11);
    const secret = "terugblik-cache-geheim-0123456789";
    const half = Math.floor(events.length / 2);
    const { sessionId, code } = await store(events, half, secret);

    // Day 1 only: the console (spelleider) may look; the beamer not yet (no terugkombijeenkomst in the log).
    let log = await server.get().store.load(sessionId);
    expect(log).toHaveLength(half);
    for (let seq = 1; seq <= half; seq++) expect(await board(`/api/spelleider/${secret}/terugblik/${seq}`)).toEqual(replayed(log, seq));
    // Past the end: the last position, as before.
    expect(await board(`/api/spelleider/${secret}/terugblik/${half + 50}`)).toEqual(replayed(log, half));

    // The rest of the session is stored, the terugkombijeenkomst with it: positions past the old end, and the old ones.
    await append(sessionId, events.slice(half), half);
    log = await server.get().store.load(sessionId);
    expect(log.length).toBe(events.length);
    expect(log.some((s) => s.event.type === "TerugkomOpened")).toBe(true);
    await board(`/api/terugblik/${code}`);
    for (let seq = 1; seq <= log.length; seq++) expect(await board(`/api/terugblik/${code}/${seq}`)).toEqual(replayed(log, seq));
    for (let seq = log.length; seq >= 1; seq -= 3) expect(await board(`/api/spelleider/${secret}/terugblik/${seq}`)).toEqual(replayed(log, seq));
  }, 120_000);

  it("a deleted session's boards are gone, also those the cache held", async () => {
    const events = await played(12);
    const secret = "terugblik-cache-weg-0123456789abcdef";
    const { code } = await store(events, events.length, secret);
    expect(await board(`/api/terugblik/${code}/5`)).toMatchObject({ seq: 5 });
    const deleted = await fetch(`${server.baseUrl}/api/spelleider/${secret}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/terugblik/${code}/5`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/spelleider/${secret}/terugblik/5`)).status).toBe(404);
  }, 60_000);
});
