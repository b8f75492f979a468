/**
 * Two server processes on one Redis and one PostgreSQL, as in a deployment with DATABASE_URL, REDIS_URL and
 * PUBLIC_ADDRESS: half the participants come in through one process, half through the other, and all sit in the
 * one room of their session. The process holding that room is killed with -9; the session goes on on the other
 * process with every acknowledged command kept and everyone back in their seat. Skipped, with the reason printed,
 * where redis-server or PostgreSQL is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { missingServices } from "../../tools/bench/services.ts";
import { startProcesses, type Processes, type ServerProcess } from "../../tools/bench/processes.ts";
import { createSessionOverHttp, playPhases, type PlayContext } from "../../tools/bots/play.ts";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { replay } from "../../server/core/evolve.ts";
import { cardViews, caseViews, itemViews, kaderView, mineView } from "../../server/core/view.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { PostgresEventStore } from "../../server/store/postgres.ts";

const missing = missingServices();
if (missing) console.warn(`tests/integration/scale.test.ts overgeslagen: ${missing}.`);

const PLAYERS = 6;

let cluster: Processes;
let store: PostgresEventStore;

/** The process whose front door a client's WebSocket goes through: the one holding its room (PUBLIC_ADDRESS). */
function holderOf(client: SessionClient): ServerProcess {
  const socketUrl = client.room.connection.url ?? "";
  const holder = cluster.servers.find((server) => socketUrl.startsWith(server.url.replace(/^http/, "ws")));
  if (!holder) throw new Error(`Geen proces hoort bij ${socketUrl}.`);
  return holder;
}

/** The spelleider through the first process, participants alternately through each: half through every port. */
async function sessionThroughBothProcesses(): Promise<PlayContext & { sessionId: string }> {
  const [first, second] = cluster.urls;
  if (!first || !second) throw new Error("Twee processen nodig.");
  const created = await createSessionOverHttp(second, { scenarioId: "demo-maatwerk" });
  const spelleider = await SessionClient.join(first, { as: "spelleider", secret: created.secret });
  const players = await Promise.all(
    Array.from({ length: PLAYERS }, (_, i) =>
      SessionClient.join(i % 2 === 0 ? first : second, { as: "deelnemer", code: created.code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole }),
    ),
  );
  await spelleider.until(() => spelleider.session.participantCount === PLAYERS);
  await Promise.all(players.map((p) => p.until(() => p.mine !== null)));
  return { spelleider, players, secret: created.secret, code: created.code, sessionId: created.sessionId };
}

const LogSchema = z.object({ events: z.array(z.object({ commandKey: z.string().nullable() })) });

describe.skipIf(missing !== null)("twee processen op Redis en PostgreSQL", () => {
  beforeAll(async () => {
    cluster = await startProcesses(2);
    store = await PostgresEventStore.open(cluster.databaseUrl, { maxConnections: 2 });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it("wie via welk proces ook binnenkomt, zit in dezelfde kamer van zijn sessie", { timeout: 60_000 }, async () => {
    const ctx = await sessionThroughBothProcesses();
    const everyone = [ctx.spelleider, ...ctx.players];
    expect(new Set(everyone.map((c) => c.room.roomId)).size).toBe(1);
    expect(new Set(everyone.map((c) => holderOf(c))).size).toBe(1);
    // A command through either door reaches everyone: there is one room, not one per process.
    const result = await ctx.spelleider.send({ type: "session.lock", locked: true });
    expect(result.ok).toBe(true);
    if (result.ok) await Promise.all(ctx.players.map((p) => p.caughtUp(result.seq)));
    await Promise.all(everyone.map((c) => c.leave()));
  });

  it("twintig eerste joins tegelijk door beide deuren openen samen één kamer; clients openen er zelf geen", { timeout: 60_000 }, async () => {
    const [first, second] = cluster.urls;
    if (!first || !second) throw new Error("Twee processen nodig.");
    const created = await createSessionOverHttp(first, { scenarioId: "demo-maatwerk" });
    // Colyseus' matchmaking refuses clients on every process: only the server opens a room.
    for (const url of cluster.urls) {
      const res = await fetch(`${url}/matchmake/create/sessie`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ as: "beamer", sessionId: created.sessionId }) });
      expect(res.status).toBe(403);
    }
    // Nobody has it open yet: both processes get asked to open it at the same moment, and one claim wins.
    const everyone = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        SessionClient.join(i % 2 === 0 ? first : second, i % 10 === 0 ? { as: "spelleider", secret: created.secret } : { as: "deelnemer", code: created.code, displayName: `Gast ${i}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole }),
      ),
    );
    expect(new Set(everyone.map((c) => c.room.roomId)).size).toBe(1);
    expect(new Set(everyone.map((c) => holderOf(c))).size).toBe(1);
    // A join is done when the room's state has come, also through the other process's door.
    for (const c of everyone) expect(c.session.sessionId).toBe(created.sessionId);
    const [spelleider] = everyone;
    await spelleider?.until(() => spelleider.session.participantCount === 18);
    await Promise.all(everyone.map((c) => c.leave()));
  });

  it("verwijderen via het andere proces sluit de kamer waar die ook draait", { timeout: 60_000 }, async () => {
    const ctx = await sessionThroughBothProcesses();
    const everyone = [ctx.spelleider, ...ctx.players];
    const other = cluster.servers.find((server) => server !== holderOf(ctx.spelleider));
    if (!other) throw new Error("Twee processen nodig.");
    const res = await fetch(`${other.url}/api/spelleider/${ctx.secret}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    // Told and stopped by the room's own process, reached through Redis, before the data went.
    await Promise.all(everyone.map((c) => c.until(() => c.status === "gestopt")));
    expect(everyone.map((c) => c.statusDetail)).toEqual(everyone.map(() => "De spelleider heeft deze sessie verwijderd."));
    expect(await store.getSession(ctx.sessionId)).toBeNull();
    expect(await store.load(ctx.sessionId)).toEqual([]);
  });

  it("een proces dat netjes stopt (SIGTERM, zoals bij een update) geeft zijn sessies door aan het andere", { timeout: 120_000 }, async () => {
    const ctx = await sessionThroughBothProcesses();
    const everyone = [ctx.spelleider, ...ctx.players];
    const played = await playPhases(ctx, { from: 1, to: 2 });
    const seats = ctx.players.map((p) => p.mine?.participantId);
    const holder = holderOf(ctx.spelleider);
    const oldRooms = everyone.map((c) => c.room);
    await holder.terminate();
    try {
      await Promise.all(everyone.map((c, i) => c.until(() => c.room !== oldRooms[i] && c.status === "verbonden", 60_000)));
      await Promise.all(ctx.players.map((p) => p.until(() => p.mine !== null)));
      expect(everyone.every((c) => holderOf(c) !== holder)).toBe(true);
      expect(ctx.players.map((p) => p.mine?.participantId)).toEqual(seats);
      const logged = new Set((await store.load(ctx.sessionId)).flatMap((e) => (e.commandKey ? [e.commandKey] : [])));
      expect(played.acknowledged.filter((key) => !logged.has(key))).toEqual([]);
      expect((await ctx.spelleider.send({ type: "session.lock", locked: true })).ok).toBe(true);
    } finally {
      // Back in service for the next test, as the updated process would be.
      await holder.restart();
      await Promise.all(everyone.map((c) => c.leave()));
    }
  });

  it("na kill -9 van het proces met de kamer speelt de sessie verder op het andere, zonder verloren opdracht", { timeout: 240_000 }, async () => {
    const ctx = await sessionThroughBothProcesses();
    const { spelleider } = ctx;
    const everyone = [spelleider, ...ctx.players];
    const half = await playPhases(ctx, { from: 1, to: 4 });
    // An acknowledged command the spelleider will send again after the crash, as the SDK does after a reconnect.
    const [, , itemA, itemB] = spelleider.items;
    const resent = { type: "spanning.mark", commandId: "voor-de-crash", spanningId: "sp-crash", itemA: itemA?.id ?? "", itemB: itemB?.id ?? "", note: "Gelijke behandeling tegenover ruimte voor de professional." } as const;
    expect((await spelleider.send(resent)).ok).toBe(true);
    await Promise.all(ctx.players.map((p) => p.caughtUp(spelleider.seq)));
    const seats = ctx.players.map((p) => ({ participantId: p.mine?.participantId, role: p.mine?.role }));
    const itemsBefore = spelleider.items.map((i) => i.id).sort();

    const holder = holderOf(spelleider);
    const survivor = cluster.servers.find((server) => server !== holder);
    if (!survivor) throw new Error("Twee processen nodig.");
    const oldRooms = everyone.map((c) => c.room);
    const crashedAt = Date.now();
    await holder.crash();

    // Every acknowledged command is in the shared log, whichever process stored it.
    const logged = new Set((await store.load(ctx.sessionId)).flatMap((e) => (e.commandKey ? [e.commandKey] : [])));
    expect(half.acknowledged.length).toBeGreaterThan(50);
    expect(half.acknowledged.filter((key) => !logged.has(key))).toEqual([]);

    // Everyone comes back by themselves: the reconnect through their door lands on the survivor, which has no such
    // room and says so; the client joins again, and the matchmaker, finding the dead process's listing in Redis,
    // health-checks that process, removes its listings and opens the session again from PostgreSQL.
    const backInSeat = (c: SessionClient, i: number) => c.room !== oldRooms[i] && c.status === "verbonden";
    await Promise.all(everyone.map((c, i) => c.until(() => backInSeat(c, i), 90_000))).catch((error: unknown) => {
      const states = everyone.map((c, i) => `${c.actorKey}: ${c.status} ${c.statusDetail} ${backInSeat(c, i) ? "terug" : "niet terug"}`);
      throw new Error(`${String(error)}\n${states.join("\n")}\n--- overlevend proces ---\n${survivor.output().slice(-3_000)}`);
    });
    console.log(`Na kill -9 van ${holder.url}: iedereen terug op ${survivor.url} na ${Date.now() - crashedAt} ms.`);
    expect(new Set(everyone.map((c) => c.room.roomId)).size).toBe(1);
    expect(everyone.every((c) => holderOf(c) === survivor)).toBe(true);
    for (const [i, p] of ctx.players.entries()) {
      await p.until(() => p.mine !== null);
      expect(p.mine?.participantId).toBe(seats[i]?.participantId);
      expect(p.mine?.role).toBe(seats[i]?.role);
    }
    await spelleider.until(() => spelleider.items.length === itemsBefore.length);
    expect(spelleider.items.map((i) => i.id).sort()).toEqual(itemsBefore);
    expect(spelleider.session.phase.kind).toBe("samenvoegen");

    // The re-sent command is acknowledged again and not applied twice, also across processes.
    expect((await spelleider.send(resent)).ok).toBe(true);
    const log = LogSchema.parse(await (await fetch(`${survivor.url}/api/spelleider/${ctx.secret}/events`)).json());
    expect(log.events.filter((e) => e.commandKey === "spelleider:voor-de-crash")).toHaveLength(1);

    const rest = await playPhases(ctx, { from: 5, to: 7 });
    expect(rest.rejected).toBe(0);
    expect(spelleider.session.phase.kind).toBe("resultaat");
    const all = new Set((await store.load(ctx.sessionId)).flatMap((e) => (e.commandKey ? [e.commandKey] : [])));
    expect([...half.acknowledged, ...rest.acknowledged].filter((key) => !all.has(key))).toEqual([]);

    // What the clients see is exactly the replay of the PostgreSQL log, entity for entity.
    const stored = await store.load(ctx.sessionId);
    await Promise.all(everyone.map((c) => c.caughtUp(stored.at(-1)?.seq ?? 0)));
    const replayed = replay(stored.map((s) => s.event));
    const jsonOf = (map: { forEach(cb: (value: { json: string }, key: string) => void): void }) => {
      const out: Record<string, string> = {};
      map.forEach((entity, key) => (out[key] = entity.json));
      return out;
    };
    const byKey = <T>(list: T[], key: (v: T) => string) => Object.fromEntries(list.map((v) => [key(v), JSON.stringify(v)]));
    // No tafels: the items are the whole group's, in the shared map (a tafel's would be granted, in `items`).
    expect(jsonOf(spelleider.room.state.items)).toEqual({});
    expect(jsonOf(spelleider.room.state.groupItems)).toEqual(byKey(itemViews(replayed), (v) => v.id));
    expect(jsonOf(spelleider.room.state.cards)).toEqual(byKey(cardViews(replayed), (v) => v.id));
    expect(jsonOf(spelleider.room.state.cases)).toEqual(byKey(caseViews(replayed), (v) => v.id));
    expect(spelleider.room.state.kader).toBe(JSON.stringify(kaderView(replayed)));
    for (const p of ctx.players) {
      const id = p.mine?.participantId ?? "";
      expect(jsonOf(p.room.state.mine)).toEqual({ [id]: JSON.stringify(mineView(replayed, id)) });
    }
    await Promise.all(everyone.map((c) => c.leave()));
  });
});
