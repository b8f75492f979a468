/**
 * One session, one room, and nobody can take every seat. Against a real server, with raw HTTP and real SDK clients:
 * clients cannot open rooms through Colyseus' matchmaking (every route refused in Dutch); a room that is full or
 * crowded with unused reservations never gets a second room next to it; at most four beamers; reservations that are
 * never used expire, create no seat, and block nobody; new seats per address are limited, yet a classroom behind one
 * NAT gets in; the spelleider removes everyone offline in one go; and a process opens only so many rooms.
 *
 * A client's address here is what X-Forwarded-For says: the test server trusts its loopback proxy (TRUST_PROXY's
 * default), as a deployment trusts nginx.
 */
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionOverHttp } from "../../tools/bots/play.ts";
import { SeatReservationSchema, SessionClient, newSeatToken } from "../../game/src/net/sessionClient.ts";
import { BEAMERS_FULL, MAX_BEAMERS, NEW_SEATS, NO_CLIENT_ROOMS, OUT_OF_MEMORY, ROOM_FULL, SEAT_RESERVATIONS, TOO_MANY_NEW_SEATS, TOO_MANY_RESERVATIONS, TOO_MANY_ROOMS } from "../../server/limits.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { JoinOptions } from "#shared/protocol/views.ts";
import { liveRoom, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
const open: SessionClient[] = [];
const sockets: { leave(consented?: boolean): Promise<unknown> }[] = [];

async function newSession() {
  return createSessionOverHttp(server.baseUrl, { scenarioId: "demo-maatwerk" });
}

/** POST /api/seat as the browser does, from `address` (X-Forwarded-For). */
async function askSeat(options: JoinOptions, address: string): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const res = await fetch(`${server.baseUrl}/api/seat`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": address }, body: JSON.stringify(options) });
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get("retry-after") };
}

const participant = (sessionId: string, name = "Iemand"): JoinOptions => ({ as: "deelnemer", sessionId, seatToken: newSeatToken(), displayName: name, realRole: "anders" });

/** A seat from `address`, then the socket, as SessionClient does but without its waiting and retrying. "binnen" or the refusal. */
async function joinFrom(options: JoinOptions, address: string): Promise<string> {
  const seat = await askSeat(options, address);
  if (seat.status !== 200) return `${seat.status} ${JSON.stringify(seat.body)}`;
  const client = new Client(server.baseUrl.replace(/^http/, "ws"));
  try {
    const room = await client.consumeSeatReservation(SeatReservationSchema.parse(seat.body));
    sockets.push(room);
    return "binnen";
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "?";
    return `${code} ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The rooms this session has, by the matchmaker's listings. */
async function roomsOf(sessionId: string): Promise<string[]> {
  return (await matchMaker.query({ name: "sessie", sessionId })).map((l) => l.roomId);
}

const participantsIn = async (sessionId: string) => (await server.store.load(sessionId)).filter((e) => e.event.type === "ParticipantJoined").length;

async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.leave()));
  await Promise.all(sockets.splice(0).map((r) => r.leave(true).catch(() => undefined)));
}

describe("één sessie, één kamer: alleen de server opent hem", () => {
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await closeAll();
    await server.stop();
  });

  it("Colyseus' matchmaking routes weigeren elke client, in het Nederlands; er ontstaat geen kamer", async () => {
    const created = await newSession();
    for (const method of ["create", "joinOrCreate", "join", "joinById", "reconnect"]) {
      const res = await fetch(`${server.baseUrl}/matchmake/${method}/sessie`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ as: "beamer", sessionId: created.sessionId }) });
      expect({ method, status: res.status, body: await res.json() }).toEqual({ method, status: 403, body: { code: 403, error: NO_CLIENT_ROOMS } });
    }
    // The SDK's own calls go the same way.
    const sdk = new Client(server.baseUrl.replace(/^http/, "ws"));
    await expect(sdk.create("sessie", { as: "beamer", sessionId: created.sessionId })).rejects.toMatchObject({ code: 403, message: NO_CLIENT_ROOMS });
    await expect(sdk.joinOrCreate("sessie", { as: "beamer", sessionId: created.sessionId })).rejects.toMatchObject({ code: 403, message: NO_CLIENT_ROOMS });
    expect(await roomsOf(created.sessionId)).toEqual([]);

    // The server opens it on the first join; `create` after that still makes nothing.
    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: created.secret });
    open.push(spelleider);
    await expect(sdk.create("sessie", { as: "beamer", sessionId: created.sessionId })).rejects.toMatchObject({ code: 403 });
    expect(await roomsOf(created.sessionId)).toEqual([spelleider.room.roomId]);
    await closeAll();
  });

  it("alleen voor een sessie die bestaat", async () => {
    const seat = await askSeat({ as: "beamer", sessionId: "s-bestaat-niet" }, "192.0.2.1");
    expect(seat).toMatchObject({ status: 404, body: { error: "Deze sessie bestaat niet (meer). Controleer de code of de link." } });
    expect(await roomsOf("s-bestaat-niet")).toEqual([]);
    const bad = await askSeat({ as: "beamer", sessionId: "" } as JoinOptions, "192.0.2.1");
    expect(bad).toMatchObject({ status: 400, body: { error: "De gegevens om mee te doen zijn onvolledig. Laad de pagina opnieuw." } });
  });

  it("twintig mensen die tegelijk als eersten binnenkomen, zitten in één kamer", async () => {
    const created = await newSession();
    const clients = await Promise.all(
      Array.from({ length: 20 }, (_, i) => SessionClient.join(server.baseUrl, i % 5 === 0 ? { as: "spelleider", secret: created.secret } : { as: "deelnemer", code: created.code, displayName: `Gast ${i}`, realRole: "anders" })),
    );
    open.push(...clients);
    expect(new Set(clients.map((c) => c.room.roomId)).size).toBe(1);
    expect(await roomsOf(created.sessionId)).toEqual([clients[0]?.room.roomId]);
    await closeAll();
  });

  it(`hoogstens ${MAX_BEAMERS} beamers per sessie; een vijfde hoort waarom, en past weer als er een weggaat`, async () => {
    const created = await newSession();
    const beamers = [];
    for (let i = 0; i < MAX_BEAMERS; i++) beamers.push(await SessionClient.join(server.baseUrl, { as: "beamer", code: created.code }));
    open.push(...beamers);
    await expect(SessionClient.join(server.baseUrl, { as: "beamer", code: created.code })).rejects.toMatchObject({ code: 403, message: BEAMERS_FULL });
    expect(BEAMERS_FULL).toBe("Er kijken al 4 beamerschermen mee met deze sessie. Sluit er een en probeer het opnieuw.");
    await beamers[0]?.leave();
    const fifth = await SessionClient.join(server.baseUrl, { as: "beamer", code: created.code });
    open.push(fifth);
    expect(fifth.room.roomId).toBe(beamers[1]?.room.roomId);
    expect(await roomsOf(created.sessionId)).toHaveLength(1);
    await closeAll();
  });

});

describe("een volle kamer blijft de enige kamer van haar sessie", () => {
  beforeAll(async () => {
    server = await startTestServer({ app: { capacity: { maxClientsPerRoom: 8 } } });
  });
  afterAll(async () => {
    await closeAll();
    await server.stop();
  });

  it("een volle kamer zegt dat ze vol is en krijgt geen tweede kamer naast zich", async () => {
    // This server's rooms take 8 connections (capacity.maxClientsPerRoom).
    const created = await newSession();
    const first = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: created.secret });
    open.push(first);
    for (let i = 1; i < 8; i++) expect(await joinFrom(participant(created.sessionId, `Vol ${i}`), `198.51.100.${i}`)).toBe("binnen");
    const refused = await askSeat(participant(created.sessionId, "Eén te veel"), "198.51.100.99");
    expect(refused).toMatchObject({ status: 503, body: { error: ROOM_FULL } });
    expect(await roomsOf(created.sessionId)).toEqual([first.room.roomId]);
    // Someone leaves: the next one gets in, in the same room.
    await first.leave();
    const next = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "De volgende", realRole: "anders" });
    open.push(next);
    expect(next.room.roomId).toBe(first.room.roomId);
    await closeAll();
  });
});

describe("reserveringen die nooit gebruikt worden, verlopen en houden niemand tegen", () => {
  beforeAll(async () => {
    // Reservations wait 2 s here instead of 15; the allowance per address refills once a minute instead of five times
    // a second, so that the count below does not depend on how fast this machine sends.
    // Rooms of 8 connections here: 300 waiting reservations are far more, and still keep nobody out.
    server = await startTestServer({ app: { seatReservationSeconds: 2, seatReservations: { burst: SEAT_RESERVATIONS.burst, refillMs: 60_000 }, capacity: { maxClientsPerRoom: 8 } } });
  });
  afterAll(async () => {
    await closeAll();
    await server.stop();
  });

  it("300 reserveringen zonder socket: geen plek gemaakt, een echte deelnemer komt in dezelfde kamer, ook erna", { timeout: 60_000 }, async () => {
    const created = await newSession();
    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: created.secret });
    open.push(spelleider);
    const roomId = spelleider.room.roomId;
    // 300 reservations from 300 addresses (one address alone gets SEAT_RESERVATIONS.burst, see the next test).
    const seats = await Promise.all(Array.from({ length: 300 }, (_, i) => askSeat(participant(created.sessionId, `Spook ${i}`), `10.1.${i >> 8}.${i & 255}`)));
    expect(seats.map((s) => s.status)).toEqual(seats.map(() => 200));
    expect(new Set(seats.map((s) => SeatReservationSchema.parse(s.body).roomId))).toEqual(new Set([roomId]));
    expect(await participantsIn(created.sessionId)).toBe(0);

    // While they wait: a real participant gets in, in the same room.
    const alice = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "Alice", realRole: "raadslid" });
    open.push(alice);
    expect(alice.room.roomId).toBe(roomId);
    // They expire (2 s on this server; 15 s by default): the room counts only its two connections again.
    const listing = async () => (await matchMaker.query({ roomId }))[0];
    const started = Date.now();
    while ((await listing())?.clients !== 2) {
      if (Date.now() - started > 30_000) throw new Error(`De reserveringen verliepen niet: ${(await listing())?.clients} in de kamer.`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // A reservation used after it expired is refused; it never made a seat.
    const late = new Client(server.baseUrl.replace(/^http/, "ws"));
    await expect(late.consumeSeatReservation(SeatReservationSchema.parse(seats[0]?.body))).rejects.toBeDefined();
    const bob = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "Bob", realRole: "wethouder" });
    open.push(bob);
    expect(bob.room.roomId).toBe(roomId);
    await spelleider.until(() => spelleider.session.participantCount === 2);
    expect(await participantsIn(created.sessionId)).toBe(2);
    expect(await roomsOf(created.sessionId)).toEqual([roomId]);
    await closeAll();
  });

  it(`één adres krijgt ${SEAT_RESERVATIONS.burst} reserveringen in één keer, daarna "te veel aanvragen"`, async () => {
    const created = await newSession();
    const seats: Awaited<ReturnType<typeof askSeat>>[] = [];
    for (let i = 0; i < SEAT_RESERVATIONS.burst + 20; i++) seats.push(await askSeat(participant(created.sessionId), "203.0.113.50"));
    expect(seats.filter((s) => s.status === 200)).toHaveLength(SEAT_RESERVATIONS.burst);
    const refused = seats.filter((s) => s.status !== 200);
    expect(refused.every((s) => s.status === 429 && s.retryAfter !== null)).toBe(true);
    expect(refused[0]?.body).toEqual({ error: TOO_MANY_RESERVATIONS });
    // Another address is not held back by it.
    expect((await askSeat(participant(created.sessionId), "203.0.113.51")).status).toBe(200);
    expect(await participantsIn(created.sessionId)).toBe(0);
  });
});

describe("één client kan niet elke plek bezetten", () => {
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await closeAll();
    await server.stop();
  });

  it(`60 joins tegelijk van één adres: ${NEW_SEATS.burst} plekken, de rest hoort waarom`, { timeout: 60_000 }, async () => {
    const created = await newSession();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => joinFrom(participant(created.sessionId, `Script ${i}`), "203.0.113.7")));
    // The burst, plus the seats that came back while the joins ran (one a second of wall-clock time, on a busy machine).
    const refilled = Math.floor((Date.now() - started) / NEW_SEATS.refillMs);
    const seated = answers.filter((a) => a === "binnen").length;
    expect(seated).toBeGreaterThanOrEqual(NEW_SEATS.burst);
    expect(seated).toBeLessThanOrEqual(NEW_SEATS.burst + refilled);
    expect(answers.filter((a) => a !== "binnen")).toEqual(Array.from({ length: 60 - seated }, () => `429 ${TOO_MANY_NEW_SEATS}`));
    expect(await participantsIn(created.sessionId)).toBe(seated);
    // Someone behind another address is not held back; whoever already has a seat gets it back at once.
    expect(await joinFrom(participant(created.sessionId, "Buurman"), "203.0.113.8")).toBe("binnen");
    await closeAll();
  });

  it("een klas van 60 achter één NAT, die in een minuut binnendruppelt, past helemaal", { timeout: 120_000 }, async () => {
    const created = await newSession();
    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: created.secret });
    open.push(spelleider);
    const seatTokens: string[] = [];
    for (let i = 0; i < 60; i++) {
      // One arrives every second (the server's clock; the joins themselves run at full speed).
      server.clock.offsetMs += 1_000;
      const options = participant(created.sessionId, `Leerling ${i + 1}`);
      if (options.as === "deelnemer") seatTokens.push(options.seatToken);
      expect(await joinFrom(options, "192.0.2.60")).toBe("binnen");
    }
    await spelleider.until(() => spelleider.session.participantCount === 60);
    // After a restart of their phones all 60 come back at once: returning to a seat costs nothing.
    await closeAll();
    const back = await Promise.all(seatTokens.map((seatToken, i) => joinFrom({ as: "deelnemer", sessionId: created.sessionId, seatToken, displayName: `Leerling ${i + 1}`, realRole: "anders" }, "192.0.2.60")));
    expect(back).toEqual(seatTokens.map(() => "binnen"));
    expect(await participantsIn(created.sessionId)).toBe(60);
    await closeAll();
    server.clock.offsetMs = 0;
  });

  it("de spelleider haalt iedereen die offline is in één keer weg; hun plekken komen vrij", { timeout: 120_000 }, async () => {
    const created = await newSession();
    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: created.secret });
    open.push(spelleider);
    // A script fills the session from many addresses and closes its sockets: the seats stay taken.
    const filled = await Promise.all(Array.from({ length: LIMITS.participants - 1 }, (_, i) => joinFrom(participant(created.sessionId, `Bezet ${i}`), `10.2.0.${i + 1}`)));
    expect(filled.every((a) => a === "binnen")).toBe(true);
    const alice = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "Alice", realRole: "raadslid" });
    open.push(alice);
    await Promise.all(sockets.splice(0).map((r) => r.leave(true)));
    await expect(SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "Bob", realRole: "wethouder" })).rejects.toThrow(
      `De sessie is vol: er kunnen hoogstens ${LIMITS.participants} deelnemers meedoen.`,
    );
    await spelleider.until(() => spelleider.people.filter((p) => !p.online).length === LIMITS.participants - 1);
    const offline = spelleider.people.filter((p) => !p.online).map((p) => p.participantId);
    const aliceId = alice.mine?.participantId ?? "";
    // The console sends whom it showed as offline; Alice is online and stays even when named.
    const result = await spelleider.send({ type: "participants.removeOffline", participantIds: [...offline, aliceId] });
    expect(result.ok).toBe(true);
    await spelleider.until(() => spelleider.session.participantCount === 1);
    expect(spelleider.people.filter((p) => !p.removed).map((p) => p.displayName)).toEqual(["Alice"]);
    const bob = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "Bob", realRole: "wethouder" });
    open.push(bob);
    await spelleider.until(() => spelleider.session.participantCount === 2);
    // Nobody left to remove: said so, nothing changes.
    const again = await spelleider.send({ type: "participants.removeOffline", participantIds: offline.slice(0, 3) });
    expect(again).toMatchObject({ ok: false, message: "Niemand van deze deelnemers is nog offline; er is niemand verwijderd." });
    const room = await liveRoom(created.sessionId);
    await room.settled();
    await closeAll();
  });
});

describe("een proces opent niet meer kamers dan het aankan", () => {
  afterAll(async () => {
    await closeAll();
  });

  it("hoogstens zoveel kamers tegelijk; daarna een Nederlandse weigering, tot er een dicht is", { timeout: 60_000 }, async () => {
    server = await startTestServer({ app: { capacity: { maxRooms: 2 } } });
    try {
      const sessions = await Promise.all([newSession(), newSession(), newSession()]);
      const [a, b, c] = sessions;
      if (!a || !b || !c) throw new Error("drie sessies nodig");
      const first = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: a.secret });
      open.push(first, await SessionClient.join(server.baseUrl, { as: "spelleider", secret: b.secret }));
      await expect(SessionClient.join(server.baseUrl, { as: "spelleider", secret: c.secret })).rejects.toMatchObject({ code: 503, message: TOO_MANY_ROOMS(2) });
      expect(await roomsOf(c.sessionId)).toEqual([]);
      // A room that is already open still takes people.
      open.push(await SessionClient.join(server.baseUrl, { as: "beamer", code: a.code }));
      // The first session ends for now (everyone leaves, the room closes): the third can open.
      await closeAll();
      const started = Date.now();
      while ((await roomsOf(a.sessionId)).length > 0 || (await roomsOf(b.sessionId)).length > 0) {
        if (Date.now() - started > 10_000) throw new Error("De kamers gingen niet dicht.");
        await new Promise((r) => setTimeout(r, 50));
      }
      open.push(await SessionClient.join(server.baseUrl, { as: "spelleider", secret: c.secret }));
      await closeAll();
    } finally {
      await server.stop();
    }
  });

  it("boven de geheugengrens opent het proces geen nieuwe kamer", async () => {
    server = await startTestServer({ app: { capacity: { maxMemoryMb: 1 } } });
    try {
      const created = await newSession();
      await expect(SessionClient.join(server.baseUrl, { as: "spelleider", secret: created.secret })).rejects.toMatchObject({ code: 503, message: OUT_OF_MEMORY });
      expect(await roomsOf(created.sessionId)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
