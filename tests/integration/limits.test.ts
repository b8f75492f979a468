/**
 * Limits and abuse, against a real server with real SDK clients: guessing join codes and spelleider links over HTTP,
 * messages that are too large or too many, a flood, secrets with enough entropy, a participant who tries to act for
 * someone else, and the security headers on every kind of answer. The limits themselves are in server/limits.ts.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "@colyseus/sdk";
import { Packr } from "msgpackr";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../server/app.ts";
import { SeatReservationSchema, SessionClient, newSeatToken } from "../../game/src/net/sessionClient.ts";
import {
  CODE_GUESSES_PER_ADDRESS,
  CodeGuessLimiter,
  ConnectionLimiter,
  JOIN_CODE_LOOKUPS,
  KeyedLimiter,
  MESSAGE_LIMITS,
  MESSAGE_TOO_LARGE,
  SECRET_LOOKUPS,
  SESSION_CREATIONS,
  TOO_MANY_CODE_LOOKUPS,
  TOO_MANY_MESSAGES,
  TOO_MANY_SECRET_LOOKUPS,
  TOO_MANY_SESSIONS,
  WS_MAX_PAYLOAD_BYTES,
  clientKey,
  sessionCreationLimits,
} from "../../server/limits.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import { FLOODED_NOTICE } from "#shared/protocol/wire.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { CODE_LENGTH, createSession } from "../../server/sessions.ts";
import { MemoryEventStore } from "../support/memoryStore.ts";
import { freePort, useTestServer } from "./harness.ts";

const fx = useTestServer();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A request from a chosen loopback address: Linux accepts any 127.x.y.z as a source, so each is a "client". */
function http(url: string, from = "127.0.0.1", method = "GET", json?: unknown): Promise<Answer> {
  return new Promise((ok, fail) => {
    const headers = json === undefined ? {} : { "content-type": "application/json" };
    const req = request(url, { method, localAddress: from, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        ok({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on("error", fail);
    req.end(json === undefined ? undefined : JSON.stringify(json));
  });
}

/** Codes that exist nowhere: the join code alphabet has no 0, O, 1, I or L. */
const unknownCode = (i: number) => `00${String(i).padStart(4, "0")}`;
/** A code that exists nowhere but starts like `code` (its prefix: the first two characters). */
const wrongLike = (code: string, i: number) => `${code.slice(0, 2)}0${String(i).padStart(3, "0")}`;
/** Codes that exist nowhere, each pair of them starting differently (31 first letters, then the next second letter). */
const spread = (i: number) => `${"ABCDEFGHJKMNPQRSTUVWXYZ23456789"[i % 31]}${"ABCDEFGH"[Math.floor(i / 31)]}0${String(i).padStart(3, "0")}`;

describe("de grenzen zelf (token buckets, klok van buiten)", () => {
  it("a connection may send 200 messages at once and 20 a second after that; 200 refusals within 10 s end it", () => {
    const limiter = new ConnectionLimiter(MESSAGE_LIMITS, 0);
    for (let i = 0; i < MESSAGE_LIMITS.burst; i++) expect(limiter.admit(100, 0)).toEqual({ ok: true });
    expect(limiter.admit(100, 0)).toEqual({ ok: false, code: "te_veel", message: TOO_MANY_MESSAGES });
    expect(limiter.admit(100, 50)).toEqual({ ok: true }); // 50 ms: one new message at 20 per second
    expect(limiter.admit(100, 50)).toMatchObject({ ok: false, code: "te_veel" });
    // Sustained 20 a second is fine forever.
    for (let t = 100; t < 60_000; t += 50) expect(limiter.admit(100, t).ok).toBe(true);
    // Over the size limit: refused, but the connection stays.
    expect(limiter.admit(MESSAGE_LIMITS.maxMessageBytes + 1, 60_000)).toEqual({ ok: false, code: "te_groot", message: MESSAGE_TOO_LARGE });
    // A flood: refusals pile up; the 201st within ten seconds ends the connection.
    const flood = new ConnectionLimiter(MESSAGE_LIMITS, 0);
    const outcomes = Array.from({ length: MESSAGE_LIMITS.burst + MESSAGE_LIMITS.floodRefusals + 1 }, () => flood.admit(10, 0));
    expect(outcomes.filter((o) => !o.ok && o.code === "te_veel")).toHaveLength(MESSAGE_LIMITS.floodRefusals);
    expect(outcomes.at(-1)).toEqual({ ok: false, code: "overspoeld", message: FLOODED_NOTICE });
    // 30 a second for a minute: a third is refused (10 a second, 100 per 10 s), and that is no flood yet.
    const eager = new ConnectionLimiter(MESSAGE_LIMITS, 0);
    for (let i = 0; i < MESSAGE_LIMITS.burst; i++) eager.admit(10, 0);
    const answers = Array.from({ length: 30 * 60 }, (_, i) => eager.admit(10, Math.round((i * 1000) / 30)));
    expect(answers.filter((a) => !a.ok && a.code === "te_veel").length).toBeGreaterThan(500);
    expect(answers.some((a) => !a.ok && a.code === "overspoeld")).toBe(false);
  });

  it("failed look-ups: 20 at once, then one per 6 s; addresses apart; time running back does no harm", () => {
    const limiter = new KeyedLimiter(JOIN_CODE_LOOKUPS, 4);
    for (let i = 0; i < JOIN_CODE_LOOKUPS.burst; i++) {
      expect(limiter.allows("a", 0)).toBe(true);
      limiter.spend("a", 0);
    }
    expect(limiter.allows("a", 0)).toBe(false);
    expect(limiter.retryAfterSeconds("a", 0)).toBe(6);
    expect(limiter.allows("b", 0)).toBe(true);
    expect(limiter.allows("a", 5_999)).toBe(false);
    expect(limiter.allows("a", 6_000)).toBe(true);
    expect(limiter.allows("a", 1_000)).toBe(true); // the clock went back: what was earned stays
    // Memory is bounded: more addresses than maxKeys forget the oldest.
    for (const key of ["c", "d", "e", "f", "g"]) limiter.spend(key, 7_000);
    expect(limiter.allows("a", 7_000)).toBe(true);
  });

  it("wrong codes: each counts once, per address and prefix (20) and per address in all (60); the rest stays open", () => {
    const limiter = new CodeGuessLimiter();
    // A phone that keeps trying its typo: one wrong code, however often.
    for (let i = 0; i < 100; i++) limiter.wrong("a", "AB2345", 0);
    expect(limiter.allows("a", "ABCDEF", 0)).toBe(true);
    // Twenty different wrong codes starting with AB: every AB… code is refused from "a", also a real one.
    for (let i = 1; i < JOIN_CODE_LOOKUPS.burst; i++) limiter.wrong("a", `AB${String(i).padStart(4, "0")}`, 0);
    expect(limiter.allows("a", "ABCDEF", 0)).toBe(false);
    expect(limiter.retryAfterSeconds("a", "ABCDEF", 0)).toBe(6);
    // Other prefixes from the same address, and the same prefix from another address, carry on.
    expect(limiter.allows("a", "XYZ234", 0)).toBe(true);
    expect(limiter.allows("b", "ABCDEF", 0)).toBe(true);
    expect(limiter.allows("a", "ABCDEF", 6_000)).toBe(true);
    // Spreading guesses over prefixes: after 60 wrong codes in all, every code from "c" is refused.
    for (let i = 0; i < CODE_GUESSES_PER_ADDRESS.burst; i++) {
      expect(limiter.allows("c", spread(i), 10_000)).toBe(true);
      limiter.wrong("c", spread(i), 10_000);
    }
    expect(limiter.allows("c", "ZZ2345", 10_000)).toBe(false);
    expect(limiter.allows("c", "ABCDEF", 10_000)).toBe(false);
    expect(limiter.allows("c", "ABCDEF", 16_000)).toBe(true);
  });

  it("guessing a join code is hopeless at that rate", () => {
    const codes = 31 ** CODE_LENGTH;
    // Spread over prefixes, the allowance for the whole address is what counts.
    const perDay = CODE_GUESSES_PER_ADDRESS.burst + (24 * 3600 * 1000) / CODE_GUESSES_PER_ADDRESS.refillMs;
    // Even with a thousand sessions stored (they are kept up to 180 days), one address needs two months on average.
    const daysToHitOneOf1000 = codes / 1000 / perDay;
    expect(daysToHitOneOf1000).toBeGreaterThan(60);
    console.log(`Raden: ${perDay} mislukte pogingen per dag per adres; bij 1000 bewaarde sessies gemiddeld ${Math.round(daysToHitOneOf1000)} dagen voor één treffer.`);
    expect(SECRET_LOOKUPS.burst).toBeLessThanOrEqual(20);
  });

  it("addresses: IPv4 as is (also mapped into IPv6), IPv6 per /64", () => {
    expect(clientKey("10.1.2.3")).toBe("10.1.2.3");
    expect(clientKey("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2::1")).toBe(clientKey("2001:db8:1:2:ffff::9"));
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey(undefined)).toBe("onbekend");
  });
});

describe("sessies aanmaken", () => {
  it("one address may make 60 sessions at once, then one a minute; a Dutch 429 says to wait, other addresses carry on", async () => {
    const { baseUrl, clock } = fx.get();
    const maker = "127.0.0.31";
    const create = (from = maker) => http(`${baseUrl}/api/sessions`, from, "POST", { scenarioId: "demo-maatwerk", label: "Limiet" });
    // A request that creates nothing costs nothing.
    expect((await http(`${baseUrl}/api/sessions`, maker, "POST", { scenarioId: "bestaat-niet" })).status).toBe(404);
    for (let i = 0; i < SESSION_CREATIONS.burst; i++) expect((await create()).status).toBe(201);
    const refused = await create();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: TOO_MANY_SESSIONS });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect((await create("127.0.0.32")).status).toBe(201);
    clock.offsetMs += SESSION_CREATIONS.refillMs;
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(429);
  });

  it("MAX_NEW_SESSIONS_PER_HOUR sets how many: that many at once, and as many an hour", () => {
    expect(sessionCreationLimits(undefined)).toEqual(SESSION_CREATIONS);
    expect(sessionCreationLimits("1000000")).toEqual({ burst: 1_000_000, refillMs: 3.6 });
    expect(sessionCreationLimits("10")).toEqual({ burst: 10, refillMs: 360_000 });
    for (const wrong of ["", "0", "-5", "veel", "2.5"]) expect(sessionCreationLimits(wrong)).toEqual(SESSION_CREATIONS);
  });
});

describe("join-codes en spelleiderslinks raden over HTTP", () => {
  it("thirty people behind one address join within a minute, typos and all", { timeout: 60_000 }, async () => {
    const { baseUrl } = fx;
    const spelleider = (await fx.session(1)).spelleider; // one participant already in
    const code = spelleider.code;
    const started = Date.now();
    const joined: SessionClient[] = [];
    for (let i = 0; i < 30; i++) {
      // Every fifth person first types the code wrong.
      if (i % 5 === 0) expect((await http(`${baseUrl}/api/join/${unknownCode(i)}`)).status).toBe(404);
      joined.push(await SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Deelnemer ${i + 1}`, realRole: "anders" }));
    }
    fx.track(spelleider.sessionId, ...joined);
    expect(Date.now() - started).toBeLessThan(60_000);
    await spelleider.until(() => spelleider.session.participantCount === 31);
    // The beamer and a reloading phone keep looking the code up: that costs nothing.
    for (let i = 0; i < 100; i++) expect((await http(`${baseUrl}/api/join/${code}`)).status).toBe(200);
  });

  it("after 20 unknown codes with one prefix an address gets a Dutch 429 for every such code, also a real one", async () => {
    const ctx = await fx.session(1);
    const { baseUrl, clock } = fx.get();
    const guesser = "127.0.0.21";
    const unknownCode = (i: number) => wrongLike(ctx.code, i);
    for (let i = 0; i < JOIN_CODE_LOOKUPS.burst; i++) expect((await http(`${baseUrl}/api/join/${unknownCode(i)}`, guesser)).status).toBe(404);
    const refused = await http(`${baseUrl}/api/join/${unknownCode(99)}`, guesser);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: TOO_MANY_CODE_LOOKUPS });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(6);
    // No oracle: a real code is refused the same way while the address is blocked, also for the terugblik by code.
    expect((await http(`${baseUrl}/api/join/${ctx.code}`, guesser)).status).toBe(429);
    expect((await http(`${baseUrl}/api/terugblik/${ctx.code}`, guesser)).status).toBe(429);
    // Someone else in the meantime: no problem.
    expect((await http(`${baseUrl}/api/join/${ctx.code}`, "127.0.0.22")).status).toBe(200);
    // Six seconds later one more try; a real code costs nothing, the next unknown one takes the token.
    clock.offsetMs += JOIN_CODE_LOOKUPS.refillMs;
    expect((await http(`${baseUrl}/api/join/${ctx.code}`, guesser)).status).toBe(200);
    expect((await http(`${baseUrl}/api/terugblik/${unknownCode(98)}`, guesser)).status).toBe(404);
    expect((await http(`${baseUrl}/api/join/${unknownCode(97)}`, guesser)).status).toBe(429);
    // A minute and a half later the address has its full allowance back.
    clock.offsetMs += 20 * JOIN_CODE_LOOKUPS.refillMs;
    for (let i = 0; i < JOIN_CODE_LOOKUPS.burst; i++) expect((await http(`${baseUrl}/api/join/${unknownCode(200 + i)}`, guesser)).status).toBe(404);
  });

  it("one phone behind the class's NAT that keeps mistyping does not lock the others out; a guesser is still stopped", async () => {
    const ctx = await fx.session(1);
    const { baseUrl } = fx.get();
    const classroom = "127.0.0.41";
    // The same typo again and again (a phone retrying, a beamer polling a wrong code): it counts once.
    for (let i = 0; i < 3 * JOIN_CODE_LOOKUPS.burst; i++) expect((await http(`${baseUrl}/api/join/${wrongLike(ctx.code, 1)}`, classroom)).status).toBe(404);
    // Typos that begin differently from the class's code (another prefix each time): not the class's allowance.
    for (let i = 0; i < 2 * JOIN_CODE_LOOKUPS.burst; i++) expect((await http(`${baseUrl}/api/join/${spread(i)}`, classroom)).status).toBe(404);
    // A few more near-misses of the real code: still well within.
    for (let i = 2; i < 8; i++) expect((await http(`${baseUrl}/api/join/${wrongLike(ctx.code, i)}`, classroom)).status).toBe(404);
    // The rest of the class joins with the real code.
    for (let i = 0; i < 30; i++) expect((await http(`${baseUrl}/api/join/${ctx.code}`, classroom)).status).toBe(200);

    // Someone guessing from another address, spreading over prefixes: after 60 different wrong codes, nothing more.
    const guesser = "127.0.0.42";
    for (let i = 0; i < CODE_GUESSES_PER_ADDRESS.burst; i++) expect((await http(`${baseUrl}/api/join/${spread(i)}`, guesser)).status).toBe(404);
    const stopped = await http(`${baseUrl}/api/join/${spread(CODE_GUESSES_PER_ADDRESS.burst)}`, guesser);
    expect(stopped.status).toBe(429);
    expect(stopped.body).toEqual({ error: TOO_MANY_CODE_LOOKUPS });
    // And no oracle: the real code is refused to the guesser just the same.
    expect((await http(`${baseUrl}/api/join/${ctx.code}`, guesser)).status).toBe(429);
  });

  it("the SDK client shows the 429 as its Dutch message", async () => {
    const ctx = await fx.session(1);
    const { baseUrl, clock } = fx.get();
    // This test's own address is the default one (fetch cannot choose): block it for this code, then let it recover.
    for (let i = 0; i < JOIN_CODE_LOOKUPS.burst; i++) await http(`${baseUrl}/api/join/${wrongLike(ctx.code, 300 + i)}`);
    await expect(SessionClient.join(baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Te laat", realRole: "anders" })).rejects.toThrow(TOO_MANY_CODE_LOOKUPS);
    clock.offsetMs += 2 * 60_000;
    const late = await SessionClient.join(baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Op tijd", realRole: "anders" });
    fx.track(ctx.sessionId, late);
    expect(late.seatToken).not.toBeNull();
  });

  it("wrong spelleider links: 20 failures, then 429 for every link from that address, in Dutch", async () => {
    const ctx = await fx.session(1);
    const { baseUrl } = fx.get();
    const guesser = "127.0.0.31";
    const wrong = (i: number) => `${"x".repeat(40)}${i}`;
    const paths = (secret: string) => [`/api/spelleider/${secret}`, `/api/spelleider/${secret}/events`, `/api/spelleider/${secret}/export.md`, `/api/spelleider/${secret}/terugblik`];
    for (let i = 0; i < SECRET_LOOKUPS.burst; i++) {
      const path = paths(wrong(i))[i % 4] ?? "";
      expect((await http(`${baseUrl}${path}`, guesser)).status).toBe(404);
    }
    for (const path of paths(ctx.secret)) {
      const answer = await http(`${baseUrl}${path}`, guesser);
      expect(answer.status).toBe(429);
      expect(answer.body).toEqual({ error: TOO_MANY_SECRET_LOOKUPS });
    }
    expect((await http(`${baseUrl}/api/spelleider/${ctx.secret}`, guesser, "DELETE")).status).toBe(429);
    // The real spelleider elsewhere is not hindered; the session was not touched.
    expect((await http(`${baseUrl}/api/spelleider/${ctx.secret}`, "127.0.0.32")).status).toBe(200);
    // Join codes have their own allowance.
    expect((await http(`${baseUrl}/api/join/${ctx.code}`, guesser)).status).toBe(200);
  });
});

describe("berichten: te groot, te veel, een stortvloed", () => {
  it("the largest legitimate command fits; a larger message is refused in Dutch and the participant stays", async () => {
    const ctx = await fx.session(1);
    const [alice] = ctx.players;
    if (!alice) throw new Error("geen speler");
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming: "klaar" means something
    const { store } = fx.get();
    // A live case with every text at its maximum, in characters that take three bytes in UTF-8.
    const full = (n: number) => "€".repeat(n);
    const draft = { title: full(100), situation: full(LIMITS.caseText), effectWanted: full(600), dilemma: full(600), rules: full(600), afloop: full(LIMITS.afloop) };
    const biggest = { type: "case.add", caseId: "c".repeat(64), draft } as const;
    const wire = new Packr().pack({ ...biggest, commandId: "x".repeat(64) }).byteLength;
    console.log(`Grootste geldige opdracht: ${wire} bytes (grens ${MESSAGE_LIMITS.maxMessageBytes}).`);
    expect(wire).toBeLessThan(MESSAGE_LIMITS.maxMessageBytes * 0.6);
    expect(await ctx.spelleider.send(biggest)).toMatchObject({ ok: true });

    const before = (await store.load(ctx.sessionId)).length;
    const tooLarge = await alice.send({ type: "card.post", cardId: "k1", promptId: "wel", text: "x".repeat(60_000) });
    expect(tooLarge).toMatchObject({ ok: false, code: "te_groot", message: MESSAGE_TOO_LARGE });
    expect(alice.room.connection.isOpen).toBe(true);
    expect((await store.load(ctx.sessionId)).length).toBe(before);
    await alice.must({ type: "participant.ready", ready: true });
  });

  it("a frame beyond the socket's limit (256 KiB) closes that socket; the client comes back to its seat", async () => {
    const ctx = await fx.session(1);
    const [alice] = ctx.players;
    if (!alice) throw new Error("geen speler");
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming: "klaar" means something
    const seat = alice.mine?.participantId;
    const old = alice.room;
    const closed = new Promise<number>((ok) => old.onLeave((code) => ok(code)));
    old.send("command", { type: "card.post", commandId: "groot", cardId: "k1", promptId: "wel", text: "x".repeat(WS_MAX_PAYLOAD_BYTES + 1024) });
    expect(await closed).toBe(1009); // "message too big"
    await alice.until(() => alice.room !== old && alice.status === "verbonden");
    await alice.until(() => alice.mine !== null);
    expect(alice.mine?.participantId).toBe(seat);
    await alice.must({ type: "participant.ready", ready: true });
  });

  it("more than 200 at once: the excess is refused with 'Je stuurt te veel tegelijk; wacht even.', still connected", async () => {
    const ctx = await fx.session(1);
    const [alice] = ctx.players;
    if (!alice) throw new Error("geen speler");
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming: "klaar" means something
    const { store } = fx.get();
    const before = (await store.load(ctx.sessionId)).length;
    const total = 320;
    const started = Date.now();
    // phase.next from a participant: each is refused by the rules, so nothing is written either way.
    const answers = await Promise.all(Array.from({ length: total }, (_, i) => alice.send({ type: "phase.next", commandId: `snel${i}` })));
    const seconds = (Date.now() - started) / 1000;
    const tooMany = answers.filter((a) => !a.ok && a.code === "te_veel");
    expect(tooMany.every((a) => !a.ok && a.message === TOO_MANY_MESSAGES)).toBe(true);
    // At most the burst plus what refilled while they came in got through.
    expect(tooMany.length).toBeGreaterThanOrEqual(total - MESSAGE_LIMITS.burst - Math.ceil(MESSAGE_LIMITS.perSecond * (seconds + 0.5)));
    expect(tooMany.length).toBeGreaterThan(0);
    // The whole burst but one: the client's question for the server's clock, when it joined, took one.
    expect(answers.filter((a) => !a.ok && a.code === "niet_toegestaan").length).toBeGreaterThanOrEqual(MESSAGE_LIMITS.burst - 1);
    expect(alice.room.connection.isOpen).toBe(true);
    expect(alice.status).toBe("verbonden");
    expect((await store.load(ctx.sessionId)).length).toBe(before);
    await new Promise((r) => setTimeout(r, 200));
    await alice.must({ type: "participant.ready", ready: true });
  });

  it("a long flood: a Dutch notice, then the connection is closed; the client says so and a reload brings it back", async () => {
    const ctx = await fx.session(2);
    const [alice, bob] = ctx.players;
    if (!alice || !bob) throw new Error("te weinig spelers");
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming: "klaar" means something
    const bobId = bob.mine?.participantId;
    for (let i = 0; i < 800; i++) bob.room.send("command", { type: "phase.next", commandId: `vloed${i}` });
    await bob.until(() => bob.status === "gestopt");
    expect(bob.statusDetail).toBe(FLOODED_NOTICE);
    expect(bob.notices).toContain(FLOODED_NOTICE);
    expect(bob.rejections.filter((r) => r.code === "te_veel").length).toBeGreaterThan(100);
    await ctx.spelleider.until(() => ctx.spelleider.people.some((p) => p.participantId === bobId && !p.online));
    // Nobody else noticed anything.
    await alice.must({ type: "participant.ready", ready: true });
    // Reloading the page: the same seat, and a fresh allowance.
    const again = await SessionClient.join(fx.baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Bob", realRole: "anders", seatToken: bob.seatToken ?? "" });
    fx.track(ctx.sessionId, again);
    await again.until(() => again.mine !== null);
    expect(again.mine?.participantId).toBe(bobId);
    await again.must({ type: "participant.ready", ready: true });
  });
});

describe("geheimen en andermans plek", () => {
  it("spelleider secrets carry 256 random bits (at least 128 asked), seat tokens at least 128", async () => {
    const { scenarios } = await loadScenarioDir(resolve("scenarios"));
    const scenario = scenarios.get("demo-maatwerk");
    if (!scenario) throw new Error("scenario ontbreekt");
    const store = new MemoryEventStore();
    const secrets: string[] = [];
    for (let i = 0; i < 200; i++) {
      const created = await createSession(store, scenario, { now: Date.now() });
      if (!created.ok) throw new Error(created.message);
      secrets.push(created.session.secret);
    }
    const bytes = secrets.map((s) => Buffer.from(s, "base64url"));
    expect(secrets.every((s) => /^[A-Za-z0-9_-]{43}$/.test(s))).toBe(true);
    expect(bytes.every((b) => b.length * 8 === 256)).toBe(true);
    expect(new Set(secrets).size).toBe(secrets.length);
    // Every bit position is random: over 200 secrets each is set about half the time (far from stuck at 0 or 1).
    const ones = Array.from({ length: 256 }, (_, bit) => bytes.filter((b) => ((b[bit >> 3] ?? 0) >> (bit & 7)) & 1).length);
    expect(Math.min(...ones)).toBeGreaterThan(50);
    expect(Math.max(...ones)).toBeLessThan(150);
    const total = ones.reduce((a, b) => a + b, 0) / (256 * 200);
    expect(total).toBeGreaterThan(0.47);
    expect(total).toBeLessThan(0.53);
    // Seat tokens: two UUIDv4s, 2 × 122 random bits.
    const tokens = Array.from({ length: 200 }, () => newSeatToken());
    expect(tokens.every((t) => /^st[0-9a-f]{64}$/.test(t))).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("a seated participant who sends a join with someone else's seat token keeps only their own seat", async () => {
    const ctx = await fx.session(2);
    const [alice, bob] = ctx.players;
    if (!alice || !bob) throw new Error("te weinig spelers");
    const { store } = fx.get();
    const before = (await store.load(ctx.sessionId)).length;
    const aliceId = alice.mine?.participantId;
    const stolen = await alice.send({ type: "participant.join", displayName: "Bob", realRole: "anders", seatToken: bob.seatToken ?? "" });
    expect(stolen).toMatchObject({ ok: false, code: "ongeldig", message: "Je doet al mee aan deze sessie." });
    const fresh = await alice.send({ type: "participant.join", displayName: "Nog een", realRole: "anders", seatToken: newSeatToken() });
    expect(fresh).toMatchObject({ ok: false, message: "Je doet al mee aan deze sessie." });
    expect(alice.mine?.participantId).toBe(aliceId);
    expect(ctx.spelleider.session.participantCount).toBe(2);
    expect((await store.load(ctx.sessionId)).length).toBe(before);
  });

  it("joining the room directly (past the HTTP look-up) as spelleider needs the real secret", async () => {
    const ctx = await fx.session(1);
    const client = new Client(fx.baseUrl.replace(/^http/, "ws"));
    // The seat comes from POST /api/seat (the only way in: Colyseus' matchmaking routes refuse clients), then the socket.
    const join = async (options: Record<string, unknown>) => {
      const res = await fetch(`${fx.baseUrl}/api/seat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(options) });
      const body: unknown = await res.json();
      if (!res.ok) return `${res.status} ${JSON.stringify(body)}`;
      return client.consumeSeatReservation(SeatReservationSchema.parse(body)).then(
        () => "binnen",
        (error: unknown) => `${typeof error === "object" && error !== null && "code" in error ? String(error.code) : "?"} ${error instanceof Error ? error.message : String(error)}`,
      );
    };
    expect(await join({ as: "spelleider", sessionId: ctx.sessionId, secret: "x".repeat(43) })).toBe("403 Deze spelleiderslink klopt niet.");
    // A participant's seat token is no spelleider secret, and extra fields in the join options are refused.
    expect(await join({ as: "spelleider", sessionId: ctx.sessionId, secret: ctx.players[0]?.seatToken ?? "" })).toMatch(/^403 /);
    expect(await join({ as: "deelnemer", sessionId: ctx.sessionId, seatToken: newSeatToken(), displayName: "X", realRole: "anders", spelleider: true })).toMatch(/^400 /);
    expect(ctx.spelleider.session.participantCount).toBe(1);
  });

  it("a command with a forged participantId, actor or seat is refused by the strict schema, whoever it names", async () => {
    const ctx = await fx.session(2);
    const [alice, bob] = ctx.players;
    if (!alice || !bob) throw new Error("te weinig spelers");
    await ctx.spelleider.must({ type: "phase.next" });
    await bob.must({ type: "card.post", cardId: "van-bob", promptId: "wel", text: "Bob zijn kaartje" });
    const { store } = fx.get();
    const before = (await store.load(ctx.sessionId)).length;
    const bobId = bob.mine?.participantId ?? "";
    const forged: [Record<string, unknown>, string][] = [
      [{ type: "card.remove", commandId: "v1", cardId: "van-bob", participantId: bobId }, "participantId"],
      [{ type: "card.post", commandId: "v2", cardId: "nep", promptId: "wel", text: "Namens Bob", authorId: bobId }, "authorId"],
      [{ type: "phase.next", commandId: "v3", actor: { kind: "spelleider" } }, "actor"],
      [{ type: "participant.ready", commandId: "v4", ready: true, participantId: bobId }, "participantId"],
    ];
    for (const [message, field] of forged) {
      const answer = await alice.sendRaw(message, String(message.commandId));
      expect(answer).toMatchObject({ ok: false, code: "ongeldig" });
      if (!answer.ok) expect(answer.message).toContain(`onbekende velden: ${field}`);
    }
    // And without the forged field it is still not someone else's card to remove.
    expect(await alice.send({ type: "card.remove", cardId: "van-bob" })).toMatchObject({ ok: false, code: "niet_toegestaan" });
    expect((await store.load(ctx.sessionId)).length).toBe(before);
    expect(bob.cards.map((c) => c.id)).toContain("van-bob");
  });
});

describe("beveiligingskoppen", () => {
  it("every answer: nosniff, no referrer, no framing; pages: a strict CSP; API: nothing may run", async () => {
    const { baseUrl } = fx;
    const ctx = await fx.session(1);
    const expectBasics = (answer: Answer, what: string) => {
      expect(answer.headers["x-content-type-options"], what).toBe("nosniff");
      expect(answer.headers["referrer-policy"], what).toBe("no-referrer");
      expect(answer.headers["x-frame-options"], what).toBe("DENY");
      expect(String(answer.headers["content-security-policy"]), what).toContain("frame-ancestors 'none'");
      expect(answer.headers["x-powered-by"], what).toBeUndefined();
    };
    for (const path of ["/health", "/api/scenarios", `/api/join/${ctx.code}`, `/api/spelleider/${ctx.secret}`, `/api/qr/${ctx.code}.svg`, "/api/join/00000", `/api/spelleider/${ctx.secret}/export.csv`]) {
      const answer = await http(`${baseUrl}${path}`);
      expectBasics(answer, path);
      expect(String(answer.headers["content-security-policy"]), path).toContain("default-src 'none'");
    }
    // The page shown without a built client has one inline script and style, allowed by hash only.
    const landing = await http(`${baseUrl}/`);
    expectBasics(landing, "/");
    const landingCsp = String(landing.headers["content-security-policy"]);
    expect(landingCsp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(landingCsp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(landingCsp).not.toContain("unsafe");
    // The scenario preview keeps its own policy (hashes for its print button), with the same headers around it.
    const preview = await http(`${baseUrl}/scenario/demo-maatwerk`);
    expectBasics(preview, "/scenario");
    expect(String(preview.headers["content-security-policy"])).toContain("script-src 'sha256-");
  });

  it("the built client's pages (/nieuw, /j, /spelleider, /terugkom, /beamer): scripts and styles from this server only", async () => {
    // A stand-in for dist/client: the headers do not depend on what the files hold.
    const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-csp-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(dir, "assets", "app.js"), "export {};");
    const { scenarios } = await loadScenarioDir(resolve("scenarios"));
    const store = new MemoryEventStore();
    const server = buildServer({ store, scenarios, clientDir: dir });
    const port = await freePort();
    await server.listen(port, "127.0.0.1");
    try {
      const base = `http://127.0.0.1:${port}`;
      for (const path of ["/", "/nieuw", "/j/ABCDEF", `/spelleider/${"s".repeat(43)}`, `/terugkom/${"s".repeat(43)}`, "/beamer/ABCDEF"]) {
        const answer = await http(`${base}${path}`);
        expect(answer.status, path).toBe(200);
        const csp = String(answer.headers["content-security-policy"]);
        expect(csp, path).toContain("script-src 'self'");
        expect(csp, path).toContain("style-src 'self'");
        expect(csp, path).toContain(`connect-src 'self' ws://127.0.0.1:${port} wss://127.0.0.1:${port}`);
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).toContain("object-src 'none'");
        expect(csp, path).not.toContain("unsafe");
        expect(answer.headers["referrer-policy"], path).toBe("no-referrer");
        expect(answer.headers["x-frame-options"], path).toBe("DENY");
        expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      }
      const script = await http(`${base}/assets/app.js`);
      expect(script.headers["x-content-type-options"]).toBe("nosniff");
    } finally {
      await server.gracefullyShutdown(false);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
