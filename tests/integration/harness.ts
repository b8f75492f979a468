/**
 * Starts a real Maatwerkspel server on a free loopback port with a real SQLite file, for integration tests with
 * real SDK clients. `replayMatchesRoom` is the invariant checked after every test: the log folds into exactly
 * the state the live room holds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { matchMaker } from "@colyseus/core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { setUpSession, type PlayContext } from "../../tools/bots/play.ts";
import type { SessionClient } from "../../game/src/net/sessionClient.ts";
import type { PlayerViewData } from "#shared/protocol/views.ts";
import { buildServer, type AppServices } from "../../server/app.ts";
import { replay } from "../../server/core/evolve.ts";
import { SessionRoom } from "../../server/rooms/SessionRoom.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";

import { freePort } from "../../tools/bench/services.ts";
import { simulate, type SimulateOptions, type Simulated } from "../../tools/bench/simulate.ts";
import { hashSecret } from "../../server/sessions.ts";

/**
 * Test servers bring a connection that missed a `seq` up to date within a second instead of SEQ_CATCH_UP_MS (5 s):
 * many tests wait until every client has caught up (`caughtUp`) after a command that only patched its sender.
 * The mechanism is the same; tests/integration/session.test.ts checks it.
 */
export const TEST_SEQ_CATCH_UP_MS = 1_000;
export { freePort };

export interface TestServer {
  baseUrl: string;
  /** Moves the server's clock forward, for timers: the room reads time only through it. */
  clock: { offsetMs: number };
  store: SqliteEventStore;
  dir: string;
  stop(): Promise<void>;
}

/** A real server on a free port over a fresh SQLite file; the shipped scenarios unless `scenarios` says otherwise. */
export async function startTestServer(
  options: { reconnectSeconds?: number; trainerSecret?: string; app?: Partial<AppServices>; scenarios?: Map<string, Scenario> } = {},
): Promise<TestServer> {
  const scenarios = options.scenarios ?? (await loadScenarioDir(resolve("scenarios"))).scenarios;
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-it-"));
  const store = new SqliteEventStore(join(dir, "it.sqlite"));
  const clock = { offsetMs: 0 };
  const server = buildServer({ ...options.app, store, scenarios, reconnectSeconds: options.reconnectSeconds ?? 5, seqCatchUpMs: TEST_SEQ_CATCH_UP_MS, now: () => Date.now() + clock.offsetMs, trainerSecret: options.trainerSecret });
  const port = await freePort();
  await server.listen(port, "127.0.0.1");
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    clock,
    store,
    dir,
    async stop() {
      await server.gracefullyShutdown(false);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The live room of a session in this process. */
export async function liveRoom(sessionId: string): Promise<SessionRoom> {
  for (const listing of await matchMaker.query({ name: "sessie" })) {
    const room = matchMaker.getLocalRoomById(listing.roomId);
    if (room instanceof SessionRoom && room.sessionState.sessionId === sessionId) return room;
  }
  throw new Error(`Geen actieve kamer voor sessie ${sessionId}.`);
}

export async function expectReplayMatchesRoom(store: SqliteEventStore, sessionId: string): Promise<void> {
  const room = await liveRoom(sessionId);
  await room.settled();
  const events = (await store.load(sessionId)).map((s) => s.event);
  expect(replay(events)).toEqual(room.sessionState);
}

/** Cuts a client's socket from the server side without a goodbye, as lost Wi-Fi does (close code 1006). */
export async function dropConnection(sessionId: string, clientSessionId: string): Promise<void> {
  const room = await liveRoom(sessionId);
  const client = room.clients.find((c) => c.sessionId === clientSessionId);
  if (!client) throw new Error(`Geen verbinding ${clientSessionId} in sessie ${sessionId}.`);
  const socket: unknown = client.ref;
  if (typeof socket === "object" && socket !== null && "terminate" in socket && typeof socket.terminate === "function") socket.terminate();
  else throw new Error("Deze verbinding kan niet worden verbroken.");
}

/**
 * One server for a test file. After each test the sessions it used must replay from the log into exactly the room's
 * state, and its clients leave.
 */
export function useTestServer(options: { trainerSecret?: string; app?: Partial<AppServices> } = {}) {
  const fixture = {
    server: null as TestServer | null,
    open: [] as SessionClient[],
    sessions: [] as string[],
    get baseUrl(): string {
      return fixture.get().baseUrl;
    },
    get(): TestServer {
      if (!fixture.server) throw new Error("De testserver draait nog niet.");
      return fixture.server;
    },
    /** Clients to close and a session to check after the test. */
    track(sessionId: string, ...clients: SessionClient[]): void {
      fixture.sessions.push(sessionId);
      fixture.open.push(...clients);
    },
    async session(players: number): Promise<PlayContext & { sessionId: string }> {
      const ctx = await setUpSession({ baseUrl: fixture.baseUrl, players, scenarioId: "demo-maatwerk" });
      fixture.track(ctx.sessionId, ctx.spelleider, ...ctx.players);
      return ctx;
    },
  };
  beforeAll(async () => {
    fixture.server = await startTestServer(options);
  });
  afterAll(async () => {
    await fixture.server?.stop();
  });
  afterEach(async () => {
    const server = fixture.get();
    for (const sessionId of fixture.sessions.splice(0)) await expectReplayMatchesRoom(server.store, sessionId);
    await Promise.all(fixture.open.splice(0).map((c) => c.leave()));
    server.clock.offsetMs = 0;
  });
  return fixture;
}

/** A view, or the board part of one (what the beamer sees: no people, ballot or drafts). */
type ComparableView = Omit<PlayerViewData, "people" | "mine" | "drafts"> & Partial<Pick<PlayerViewData, "people" | "mine" | "drafts">>;

/**
 * A view as plain data to compare with core's playerView: presence is not in the log (online flags and counts go to
 * zero), and the room's maps keep first-insertion order while a replay builds fresh ones (lists go in id order).
 */
export function comparableView(view: ComparableView) {
  const byId = <T>(xs: readonly T[], id: (x: T) => string) => [...xs].sort((a, b) => id(a).localeCompare(id(b)));
  return {
    ...view,
    session: { ...view.session, onlineCount: 0 },
    seats: byId(view.seats.map((s) => ({ ...s, online: false })), (s) => s.participantId),
    cards: byId(view.cards, (x) => x.id),
    clusters: byId(view.clusters, (x) => x.id),
    eisen: byId(view.eisen, (x) => x.id),
    items: byId(view.items, (x) => x.id),
    spanningen: byId(view.spanningen, (x) => x.spanningId),
    support: byId(view.support, (x) => x.itemId),
    cases: byId(view.cases, (x) => x.id),
    tables: byId(view.tables.map((t) => ({ ...t, online: 0 })), (t) => t.tableId),
    ...(view.people ? { people: byId(view.people.map((p) => ({ ...p, online: false })), (p) => p.participantId) } : {}),
    ...(view.drafts ? { drafts: byId(view.drafts, (x) => x.id) } : {}),
  };
}

/**
 * A session played by tools/bench/simulate.ts on the demo scenario, stored in the test server's store as if it had been
 * played there (in appends of 500, like a busy room), with `secret` as its spelleiderslink. Its room opens from the log.
 */
export async function storeSimulated(fixture: ReturnType<typeof useTestServer>, options: Omit<SimulateOptions, "scenario">, secret: string): Promise<Simulated & { sessionId: string; code: string }> {
  const { scenarios } = await loadScenarioDir(resolve("scenarios"));
  const scenario = scenarios.get("demo-maatwerk");
  if (!scenario) throw new Error("demo-maatwerk ontbreekt");
  const sim = simulate({ scenario, ...options });
  const [created, ...rest] = sim.events;
  if (created?.type !== "SessionCreated") throw new Error("log zonder begin");
  const store = fixture.get().store;
  await store.createSession(
    { sessionId: created.sessionId, code: created.code, secretHash: hashSecret(secret), label: created.label, scenarioId: scenario.id, createdAt: created.at },
    [created],
  );
  for (let at = 0; at < rest.length; at += 500) await store.append(created.sessionId, at + 1, null, rest.slice(at, at + 500));
  fixture.track(created.sessionId);
  return { ...sim, sessionId: created.sessionId, code: created.code };
}
