/**
 * The event store contract: the promises the room relies on, as one vitest suite. Every implementation runs it
 * (tests/store/store.test.ts), so the in-memory store used in unit tests cannot drift from the SQLite one.
 * Only test files import this module; it pulls in vitest.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { minimalScenario } from "../fixtures/minimalScenario.ts";
import { replay } from "../../server/core/evolve.ts";
import type { EventOf, SessionEvent } from "#shared/protocol/events.ts";
import { DamagedSessionError } from "../../server/store/integrity.ts";
import type { EventStore, SessionRecord } from "../../server/store/types.ts";

/** One session record for the tests of a single store on its own. */
export const SESSION_RECORD: SessionRecord = {
  sessionId: "sessie-1",
  code: "ABC123",
  secretHash: "0".repeat(64),
  label: "Gemeente Testdorp",
  scenarioId: "test-minimaal",
  createdAt: 1_767_225_600_000,
};

export interface StoreHarness {
  store: EventStore;
  /**
   * For durable stores: opens a new store on the same storage. The contract closes `store` before calling it,
   * as a restarted server would find the file.
   */
  reopen?: () => Promise<EventStore>;
  /** Closes whatever is still open and removes the storage. */
  cleanup: () => Promise<void>;
  /** Reaches behind the store into its storage, as a bad disk, a hand edit or an older server would. */
  raw: RawAccess;
}

export interface RawAccess {
  /** Replaces the stored text of one event; its hash and the head stay as they were. */
  setBody(sessionId: string, seq: number, body: string): Promise<void>;
  /** Removes one event row; the head in the sessions row stays as it was. */
  deleteEvent(sessionId: string, seq: number): Promise<void>;
  /** Appends an event row with a correct chain hash and moves the head on, as an older server wrote its events. */
  appendRaw(sessionId: string, body: string): Promise<void>;
}

const T0 = 1_767_225_600_000; // 2026-01-01, a fixed clock keeps the fixtures deterministic

function record(n: number, createdAt = T0 + n * 1_000): SessionRecord {
  return {
    sessionId: `sessie-${n}`,
    code: `CODE${n}`,
    secretHash: n.toString(16).padStart(64, "0"),
    label: `Gemeente Testdorp, sessie ${n}`,
    scenarioId: "test-minimaal",
    createdAt,
  };
}

function created(r: SessionRecord): EventOf<"SessionCreated"> {
  return {
    type: "SessionCreated",
    v: 1,
    at: r.createdAt,
    sessionId: r.sessionId,
    code: r.code,
    label: r.label,
    scenario: minimalScenario(),
    variantId: "dag",
    engineVersion: "test",
  };
}

function joined(participantId: string, at = T0 + 10_000): EventOf<"ParticipantJoined"> {
  return { type: "ParticipantJoined", v: 1, at, participantId, displayName: `Speler ${participantId}`, realRole: "raadslid", seatTokenHash: "ab".repeat(32) };
}

function ready(participantId: string, at = T0 + 20_000): EventOf<"ReadinessChanged"> {
  return { type: "ReadinessChanged", v: 1, at, participantId, phaseIndex: 0, ready: true };
}

/** Type-correct but rejected by EventSchema (negative time, id with a space), as a buggy caller might send. */
function invalidEvent(): SessionEvent {
  return { ...joined("p9"), at: -1, participantId: "met spatie" };
}

/** `durable`: the store keeps its data across close and reopen (SQLite yes, memory no); only then is that promised. */
export function eventStoreContract(name: string, makeStore: () => Promise<StoreHarness>, options: { durable: boolean }): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: EventStore;

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    /** Creates session n with its SessionCreated event as seq 1. */
    async function createNumbered(n: number, createdAt?: number): Promise<SessionRecord> {
      const r = record(n, createdAt);
      await store.createSession(r, [created(r)]);
      return r;
    }

    describe("createSession and load", () => {
      it("round-trips the record and the first events", async () => {
        const r = record(1);
        await store.createSession(r, [created(r), joined("p1")]);
        expect(await store.getSession(r.sessionId)).toStrictEqual(r);
        expect(await store.load(r.sessionId)).toStrictEqual([
          { seq: 1, commandKey: null, event: created(r) },
          { seq: 2, commandKey: null, event: joined("p1") },
        ]);
      });

      it("gives an empty log for an unknown session", async () => {
        expect(await store.load("bestaat-niet")).toStrictEqual([]);
        expect(await store.getSession("bestaat-niet")).toBeNull();
      });

      it("rejects a duplicate sessionId, code or secret hash and keeps the original intact", async () => {
        const r = await createNumbered(1);
        const other = record(2);
        await expect(store.createSession({ ...other, sessionId: r.sessionId }, [created(other)])).rejects.toThrow();
        await expect(store.createSession({ ...other, code: r.code }, [created(other)])).rejects.toThrow();
        await expect(store.createSession({ ...other, secretHash: r.secretHash }, [created(other)])).rejects.toThrow();
        expect(await store.listSessions()).toStrictEqual([r]);
        expect(await store.load(r.sessionId)).toHaveLength(1);
        expect(await store.load(other.sessionId)).toStrictEqual([]);
      });

      it("stores nothing when a first event is invalid", async () => {
        const r = record(1);
        await expect(store.createSession(r, [created(r), invalidEvent()])).rejects.toThrow();
        expect(await store.getSession(r.sessionId)).toBeNull();
        expect(await store.findByCode(r.code)).toBeNull();
        expect(await store.load(r.sessionId)).toStrictEqual([]);
      });
    });

    describe("append", () => {
      it("appends after the expected seq and numbers events on", async () => {
        const r = await createNumbered(1);
        expect(await store.append(r.sessionId, 1, "p1:c1", [joined("p1"), ready("p1")])).toStrictEqual({ ok: true, lastSeq: 3 });
        expect(await store.append(r.sessionId, 3, null, [ready("p1", T0 + 30_000)])).toStrictEqual({ ok: true, lastSeq: 4 });
        const log = await store.load(r.sessionId);
        expect(log.map((e) => [e.seq, e.commandKey, e.event.type])).toStrictEqual([
          [1, null, "SessionCreated"],
          [2, "p1:c1", "ParticipantJoined"],
          [3, "p1:c1", "ReadinessChanged"],
          [4, null, "ReadinessChanged"],
        ]);
        expect(log[1]?.event).toStrictEqual(joined("p1"));
      });

      it("applies appends to one session in the order they were called, before the earlier ones resolved", async () => {
        // The room stores a generation of commands at once: each append expects the seq the previous one leaves.
        const r = await createNumbered(1);
        const results = await Promise.all(Array.from({ length: 20 }, (_, k) => store.append(r.sessionId, 1 + k, `p${k}:c1`, [joined(`p${k}`)])));
        expect(results).toStrictEqual(Array.from({ length: 20 }, (_, k) => ({ ok: true, lastSeq: 2 + k })));
        expect((await store.load(r.sessionId)).map((e) => e.commandKey)).toStrictEqual([null, ...Array.from({ length: 20 }, (_, k) => `p${k}:c1`)]);
      });

      it("reports a conflict on a stale or future seq and changes nothing", async () => {
        const r = await createNumbered(1);
        await store.append(r.sessionId, 1, "p1:c1", [joined("p1")]);
        const before = await store.load(r.sessionId);
        // Two writers that both read seq 1: the second must learn the log moved on.
        expect(await store.append(r.sessionId, 1, "p2:c1", [joined("p2")])).toStrictEqual({ ok: false, reason: "conflict", lastSeq: 2 });
        expect(await store.append(r.sessionId, 5, "p2:c1", [joined("p2")])).toStrictEqual({ ok: false, reason: "conflict", lastSeq: 2 });
        expect(await store.load(r.sessionId)).toStrictEqual(before);
        expect(await store.hasCommand(r.sessionId, "p2:c1")).toBe(false);
      });

      it("is all or nothing: one invalid event rejects the batch and leaves the seq free", async () => {
        const r = await createNumbered(1);
        await expect(store.append(r.sessionId, 1, "p1:c1", [joined("p1"), invalidEvent()])).rejects.toThrow();
        expect(await store.load(r.sessionId)).toHaveLength(1);
        expect(await store.hasCommand(r.sessionId, "p1:c1")).toBe(false);
        expect(await store.append(r.sessionId, 1, "p1:c1", [joined("p1")])).toStrictEqual({ ok: true, lastSeq: 2 });
      });

      it("rejects appending to an unknown session", async () => {
        await expect(store.append("bestaat-niet", 0, null, [joined("p1")])).rejects.toThrow();
        expect(await store.load("bestaat-niet")).toStrictEqual([]);
      });

      it("keeps the logs of two sessions apart", async () => {
        const a = await createNumbered(1);
        const b = await createNumbered(2);
        await store.append(a.sessionId, 1, "p1:c1", [joined("p1")]);
        await store.append(b.sessionId, 1, "p2:c1", [joined("p2")]);
        await store.append(a.sessionId, 2, "p1:c2", [ready("p1")]);
        const logA = await store.load(a.sessionId);
        const logB = await store.load(b.sessionId);
        expect(logA.map((e) => e.seq)).toStrictEqual([1, 2, 3]);
        expect(logB.map((e) => e.seq)).toStrictEqual([1, 2]);
        expect(logA[0]?.event).toStrictEqual(created(a));
        expect(logB[1]?.event).toStrictEqual(joined("p2"));
        expect(await store.hasCommand(b.sessionId, "p1:c1")).toBe(false);
      });
    });

    describe("hasCommand", () => {
      it("knows a key only after events were stored with it", async () => {
        const r = await createNumbered(1);
        expect(await store.hasCommand(r.sessionId, "p1:c1")).toBe(false);
        await store.append(r.sessionId, 1, "p1:c1", [joined("p1")]);
        await store.append(r.sessionId, 2, null, [ready("p1")]);
        expect(await store.hasCommand(r.sessionId, "p1:c1")).toBe(true);
        expect(await store.hasCommand(r.sessionId, "p1:c2")).toBe(false);
        expect(await store.hasCommand("bestaat-niet", "p1:c1")).toBe(false);
      });
    });

    describe("finding sessions", () => {
      it("finds a session by id, code and secret hash", async () => {
        const r = await createNumbered(1);
        await createNumbered(2);
        expect(await store.getSession(r.sessionId)).toStrictEqual(r);
        expect(await store.findByCode(r.code)).toStrictEqual(r);
        expect(await store.findBySecretHash(r.secretHash)).toStrictEqual(r);
        expect(await store.findByCode("ONBEKEND")).toBeNull();
        expect(await store.findBySecretHash("f".repeat(64))).toBeNull();
      });

      it("lists sessions newest first", async () => {
        // Inserted out of time order, so insertion order alone would give the wrong answer.
        const middle = await createNumbered(1, T0 + 2_000);
        const oldest = await createNumbered(2, T0 + 1_000);
        const newest = await createNumbered(3, T0 + 3_000);
        expect(await store.listSessions()).toStrictEqual([newest, middle, oldest]);
      });

      it("hands out copies: changing a returned value does not change the store", async () => {
        const r = await createNumbered(1);
        const found = await store.getSession(r.sessionId);
        if (found) found.label = "gewijzigd";
        const [first] = await store.load(r.sessionId);
        if (first?.event.type === "SessionCreated") first.event.scenario.title = "gewijzigd";
        expect(await store.getSession(r.sessionId)).toStrictEqual(r);
        expect(await store.load(r.sessionId)).toStrictEqual([{ seq: 1, commandKey: null, event: created(r) }]);
      });
    });

    describe("deleteSession", () => {
      it("removes the session and its whole log; nothing of it can be found any more", async () => {
        const r = await createNumbered(1);
        await store.append(r.sessionId, 1, "p1:c1", [joined("p1"), ready("p1")]);
        expect(await store.deleteSession(r.sessionId)).toBe(true);
        expect(await store.load(r.sessionId)).toStrictEqual([]);
        expect(await store.getSession(r.sessionId)).toBeNull();
        expect(await store.findByCode(r.code)).toBeNull();
        expect(await store.findBySecretHash(r.secretHash)).toBeNull();
        expect(await store.hasCommand(r.sessionId, "p1:c1")).toBe(false);
        expect(await store.listSessions()).toStrictEqual([]);
        expect(await store.listSessionsCreatedBefore(Number.MAX_SAFE_INTEGER)).toStrictEqual([]);
      });

      it("leaves other sessions untouched", async () => {
        const a = await createNumbered(1);
        const b = await createNumbered(2);
        const c = await createNumbered(3);
        await store.append(b.sessionId, 1, "p2:c1", [joined("p2")]);
        const logA = await store.load(a.sessionId);
        const logC = await store.load(c.sessionId);
        expect(await store.deleteSession(b.sessionId)).toBe(true);
        expect(await store.listSessions()).toStrictEqual([c, a]);
        expect(await store.load(a.sessionId)).toStrictEqual(logA);
        expect(await store.load(c.sessionId)).toStrictEqual(logC);
        expect(await store.findByCode(c.code)).toStrictEqual(c);
        expect(await store.append(a.sessionId, 1, "p1:c1", [joined("p1")])).toStrictEqual({ ok: true, lastSeq: 2 });
      });

      it("frees the id, the join code and the secret hash for a new session", async () => {
        const r = await createNumbered(1);
        await store.append(r.sessionId, 1, "p1:c1", [joined("p1")]);
        await store.deleteSession(r.sessionId);
        const again = { ...record(2), sessionId: r.sessionId, code: r.code, secretHash: r.secretHash };
        await store.createSession(again, [created(again)]);
        expect(await store.findByCode(r.code)).toStrictEqual(again);
        // The new session starts its own log: nothing of the old one comes back.
        expect(await store.load(r.sessionId)).toStrictEqual([{ seq: 1, commandKey: null, event: created(again) }]);
        expect(await store.hasCommand(r.sessionId, "p1:c1")).toBe(false);
      });

      it("gives false for an unknown or already deleted session", async () => {
        const r = await createNumbered(1);
        expect(await store.deleteSession("bestaat-niet")).toBe(false);
        expect(await store.deleteSession(r.sessionId)).toBe(true);
        expect(await store.deleteSession(r.sessionId)).toBe(false);
      });

      it("refuses appends to a deleted session", async () => {
        const r = await createNumbered(1);
        await store.deleteSession(r.sessionId);
        await expect(store.append(r.sessionId, 1, "p1:c1", [joined("p1")])).rejects.toThrow();
        expect(await store.load(r.sessionId)).toStrictEqual([]);
      });
    });

    describe("listSessionsCreatedBefore", () => {
      it("lists only sessions created strictly before the time, oldest first", async () => {
        const later = await createNumbered(1, T0 + 3_000);
        const oldest = await createNumbered(2, T0 + 1_000);
        const atBoundary = await createNumbered(3, T0 + 2_000);
        const justBefore = await createNumbered(4, T0 + 1_999);
        expect(await store.listSessionsCreatedBefore(T0 + 2_000)).toStrictEqual([oldest, justBefore]);
        expect(await store.listSessionsCreatedBefore(T0 + 2_001)).toStrictEqual([oldest, justBefore, atBoundary]);
        expect(await store.listSessionsCreatedBefore(T0 + 1_000)).toStrictEqual([]);
        expect(await store.listSessionsCreatedBefore(T0 + 10_000)).toStrictEqual([oldest, justBefore, atBoundary, later]);
      });

      it("keeps insertion order between sessions created in the same millisecond", async () => {
        const first = await createNumbered(1, T0);
        const second = await createNumbered(2, T0);
        expect(await store.listSessionsCreatedBefore(T0 + 1)).toStrictEqual([first, second]);
      });

      it("gives an empty list for an empty store", async () => {
        expect(await store.listSessionsCreatedBefore(Number.MAX_SAFE_INTEGER)).toStrictEqual([]);
      });
    });

    describe("integrity: a log is handed out whole or not at all", () => {
      /** Session 1 with four events and session 2 with two; both logs as stored. */
      async function twoSessions(): Promise<{ a: SessionRecord; b: SessionRecord }> {
        const a = await createNumbered(1);
        const b = await createNumbered(2);
        await store.append(a.sessionId, 1, "p1:c1", [joined("p1")]);
        await store.append(a.sessionId, 2, "p2:c1", [joined("p2")]);
        await store.append(a.sessionId, 3, "p1:c2", [ready("p1")]);
        await store.append(b.sessionId, 1, "p3:c1", [joined("p3")]);
        return { a, b };
      }

      async function damageOf(sessionId: string): Promise<DamagedSessionError> {
        const error: unknown = await store.load(sessionId).then(() => null, (e: unknown) => e);
        if (!(error instanceof DamagedSessionError)) throw new Error(`load(${sessionId}) gaf geen DamagedSessionError maar ${String(error)}`);
        return error;
      }

      it("checks an intact store as in order", async () => {
        await twoSessions();
        expect(store.integrity()).toStrictEqual({ checkedAt: null, sessionsChecked: 0, storage: [], damaged: [] });
        const report = await store.checkIntegrity();
        expect(report).toMatchObject({ sessionsChecked: 2, storage: [], damaged: [] });
        expect(report.checkedAt).toEqual(expect.any(Number));
        expect(store.integrity()).toStrictEqual(report);
      });

      it("refuses a log in which one event was changed, says which, and keeps the other sessions", async () => {
        const { a, b } = await twoSessions();
        const logB = await store.load(b.sessionId);
        // Valid JSON, a valid event, only another name: nothing but the chain can tell.
        await harness.raw.setBody(a.sessionId, 2, JSON.stringify({ ...joined("p1"), displayName: "Iemand anders" }));
        const damage = await damageOf(a.sessionId);
        expect(damage.sessionId).toBe(a.sessionId);
        expect(damage.message).toBe("Sessie sessie-1 is beschadigd: gebeurtenis 2 is gewijzigd of beschadigd (de controlesom klopt niet).");
        expect(await store.load(b.sessionId)).toStrictEqual(logB);
        expect(store.integrity().damaged).toStrictEqual([{ sessionId: a.sessionId, label: a.label, problem: damage.problem }]);
        const report = await store.checkIntegrity();
        expect(report.damaged).toStrictEqual([{ sessionId: a.sessionId, label: a.label, problem: damage.problem }]);
        expect(report.sessionsChecked).toBe(2);
      });

      it("refuses a log with an event missing in the middle", async () => {
        const { a } = await twoSessions();
        await harness.raw.deleteEvent(a.sessionId, 2);
        expect((await damageOf(a.sessionId)).problem).toBe("gebeurtenis 2 ontbreekt (na 1 komt 3)");
      });

      it("refuses a log whose last events are gone, and adds nothing to it", async () => {
        // A truncated tail looks like a shorter log; only the head kept with the session tells them apart.
        const { a } = await twoSessions();
        await harness.raw.deleteEvent(a.sessionId, 4);
        await harness.raw.deleteEvent(a.sessionId, 3);
        expect((await damageOf(a.sessionId)).problem).toBe("het log houdt op bij gebeurtenis 2, maar er waren er 4 vastgelegd: de laatste 2 ontbreken");
        await expect(store.append(a.sessionId, 2, "p9:c1", [joined("p9")])).rejects.toThrow(/beschadigd/);
        await expect(store.append(a.sessionId, 4, "p9:c1", [joined("p9")])).rejects.toThrow(/beschadigd/);
        expect(await store.hasCommand(a.sessionId, "p9:c1")).toBe(false);
        expect((await store.checkIntegrity()).damaged.map((d) => d.sessionId)).toStrictEqual([a.sessionId]);
      });

      it("refuses an event that is stored intact but cannot be read, naming the session and seq", async () => {
        const { a, b } = await twoSessions();
        await harness.raw.appendRaw(a.sessionId, "{ kapot");
        expect((await damageOf(a.sessionId)).message).toBe("Sessie sessie-1 is beschadigd: gebeurtenis 5 is onleesbaar: geen geldige JSON.");
        await harness.raw.appendRaw(b.sessionId, JSON.stringify({ ...ready("p3"), ready: "ja" }));
        expect((await damageOf(b.sessionId)).problem).toBe('gebeurtenis 3 is onleesbaar: geen geldige gebeurtenis (bij "ready")');
      });

      it("refuses an event with a field too many, or one of another type, as the event schema does", async () => {
        const { a, b } = await twoSessions();
        await harness.raw.appendRaw(a.sessionId, JSON.stringify({ ...ready("p1"), extra: true }));
        expect((await damageOf(a.sessionId)).problem).toBe("gebeurtenis 5 is onleesbaar: geen geldige gebeurtenis");
        await harness.raw.appendRaw(b.sessionId, JSON.stringify({ ...ready("p3"), type: "Onbekend" }));
        expect((await damageOf(b.sessionId)).problem).toBe('gebeurtenis 3 is onleesbaar: geen geldige gebeurtenis (bij "type")');
      });

      it("refuses an event of a newer version than this server knows", async () => {
        const { a } = await twoSessions();
        await harness.raw.appendRaw(a.sessionId, JSON.stringify({ ...ready("p1"), v: 2 }));
        expect((await damageOf(a.sessionId)).problem).toBe("gebeurtenis 5 is onleesbaar: de gebeurtenis heeft versie 2, nieuwer dan deze server kent (1); werk Maatwerkspel bij");
      });

      it("forgets the damage of a session once it is deleted", async () => {
        const { a } = await twoSessions();
        await harness.raw.deleteEvent(a.sessionId, 2);
        await damageOf(a.sessionId);
        expect(await store.deleteSession(a.sessionId)).toBe(true);
        expect(store.integrity().damaged).toStrictEqual([]);
        expect((await store.checkIntegrity()).damaged).toStrictEqual([]);
      });
    });

    describe("upcasting: a log written by an older server still loads", () => {
      it("loads a stored version-0 ParticipantJoined (name instead of displayName) as version 1, and replays it", async () => {
        const r = await createNumbered(1);
        const { displayName, ...rest } = joined("p1");
        await harness.raw.appendRaw(r.sessionId, JSON.stringify({ ...rest, v: 0, name: displayName }));
        const log = await store.load(r.sessionId);
        expect(log[1]).toStrictEqual({ seq: 2, commandKey: null, event: joined("p1") });
        expect(replay(log.map((s) => s.event)).participants.get("p1")?.displayName).toBe("Speler p1");
        // Appending after it goes on from the stored head, and the whole log checks out.
        expect(await store.append(r.sessionId, 2, "p1:c1", [ready("p1")])).toStrictEqual({ ok: true, lastSeq: 3 });
        expect((await store.checkIntegrity()).damaged).toStrictEqual([]);
      });

      it("brings a version-0 event of any other type up unchanged but for its version", async () => {
        const r = await createNumbered(1);
        await harness.raw.appendRaw(r.sessionId, JSON.stringify({ ...ready("p1"), v: 0 }));
        expect((await store.load(r.sessionId))[1]?.event).toStrictEqual(ready("p1"));
      });
    });

    describe.runIf(options.durable)("durability", () => {
      it("keeps sessions, events and command keys across close and reopen", async () => {
        const { reopen } = harness;
        if (!reopen) throw new Error(`${name} heet duurzaam maar kan niet opnieuw worden geopend`);
        const r = await createNumbered(1);
        await store.append(r.sessionId, 1, "p1:c1", [joined("p1")]);
        const log = await store.load(r.sessionId);
        await store.close();

        const again = await reopen();
        expect(await again.getSession(r.sessionId)).toStrictEqual(r);
        expect(await again.listSessions()).toStrictEqual([r]);
        expect(await again.load(r.sessionId)).toStrictEqual(log);
        expect(await again.hasCommand(r.sessionId, "p1:c1")).toBe(true);
        expect(await again.append(r.sessionId, 2, null, [ready("p1")])).toStrictEqual({ ok: true, lastSeq: 3 });
        // The head was stored with every append: the reopened store finds the log whole.
        expect(await again.checkIntegrity()).toMatchObject({ sessionsChecked: 1, storage: [], damaged: [] });
      });

      it("keeps a deletion across close and reopen", async () => {
        const { reopen } = harness;
        if (!reopen) throw new Error(`${name} heet duurzaam maar kan niet opnieuw worden geopend`);
        const gone = await createNumbered(1);
        const kept = await createNumbered(2);
        await store.deleteSession(gone.sessionId);
        await store.close();

        const again = await reopen();
        expect(await again.listSessions()).toStrictEqual([kept]);
        expect(await again.load(gone.sessionId)).toStrictEqual([]);
        expect(await again.findByCode(gone.code)).toBeNull();
      });
    });
  });
}
