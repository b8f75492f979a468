/**
 * Runs the event store contract against every implementation, plus what only a file can go through:
 * a corrupted row, and two connections writing to the same file.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { SESSION_RECORD, eventStoreContract, type RawAccess, type StoreHarness } from "./contract.ts";
import { chainHash, emptyHead } from "../../server/store/chain.ts";
import { DamagedSessionError } from "../../server/store/integrity.ts";
import { toLog } from "../../server/store/rows.ts";
import { MemoryEventStore, type MemoryStorage } from "../support/memoryStore.ts";
import { SqliteEventStore, StoreOpenError } from "../../server/store/sqlite.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";

/** The memory store's storage, changed behind its back. */
function memoryRaw(storage: MemoryStorage): RawAccess {
  const entry = (sessionId: string) => {
    const found = storage.get(sessionId);
    if (!found) throw new Error(`Geen sessie ${sessionId} in de opslag.`);
    return found;
  };
  return {
    setBody: async (sessionId, seq, body) => {
      const row = entry(sessionId).rows.find((r) => r.seq === seq);
      if (row) row.body = body;
    },
    deleteEvent: async (sessionId, seq) => {
      const e = entry(sessionId);
      e.rows = e.rows.filter((r) => r.seq !== seq);
    },
    appendRaw: async (sessionId, body) => {
      const e = entry(sessionId);
      const seq = e.head.seq + 1;
      const hash = chainHash(e.head.hash, seq, null, body);
      e.rows.push({ seq, commandKey: null, body, hash });
      e.head = { seq, hash };
    },
  };
}

// The in-memory store keeps nothing after closing, by design: the durability promise is SQLite's alone.
eventStoreContract(
  "MemoryEventStore",
  async () => {
    const storage: MemoryStorage = new Map();
    const store = new MemoryEventStore(storage);
    return { store, cleanup: () => store.close(), raw: memoryRaw(storage) };
  },
  { durable: false },
);

const HeadRowSchema = z.strictObject({ head_seq: z.number().int(), head_hash: z.string() });

/** The SQLite file changed through a connection of its own, as a hand edit (or an older server) would. */
function sqliteRaw(filePath: string): RawAccess {
  const withDb = async (work: (db: DatabaseSync) => void) => {
    const db = new DatabaseSync(filePath);
    try {
      work(db);
    } finally {
      db.close();
    }
  };
  return {
    setBody: (sessionId, seq, body) => withDb((db) => void db.prepare("UPDATE events SET body = ? WHERE session_id = ? AND seq = ?").run(body, sessionId, seq)),
    deleteEvent: (sessionId, seq) => withDb((db) => void db.prepare("DELETE FROM events WHERE session_id = ? AND seq = ?").run(sessionId, seq)),
    appendRaw: (sessionId, body) =>
      withDb((db) => {
        const head = HeadRowSchema.parse(db.prepare("SELECT head_seq, head_hash FROM sessions WHERE session_id = ?").get(sessionId));
        const seq = head.head_seq + 1;
        const hash = chainHash(head.head_hash, seq, null, body);
        db.prepare("INSERT INTO events (session_id, seq, command_key, type, body, hash) VALUES (?, ?, NULL, 'onbekend', ?, ?)").run(sessionId, seq, body, hash);
        db.prepare("UPDATE sessions SET head_seq = ?, head_hash = ? WHERE session_id = ?").run(seq, hash, sessionId);
      }),
  };
}

/** A SQLite store in a fresh temp dir (nested, so the constructor must create the parent directory). */
function sqliteHarness(): StoreHarness & { filePath: string } {
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-store-"));
  const filePath = join(dir, "data", "events.sqlite");
  const opened: SqliteEventStore[] = [];
  const open = (): SqliteEventStore => {
    const store = new SqliteEventStore(filePath);
    opened.push(store);
    return store;
  };
  return {
    filePath,
    store: open(),
    raw: sqliteRaw(filePath),
    reopen: async () => open(),
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

eventStoreContract("SqliteEventStore", async () => sqliteHarness(), { durable: true });

describe("SqliteEventStore on disk", () => {
  let harness: ReturnType<typeof sqliteHarness>;
  const record = SESSION_RECORD;

  beforeEach(async () => {
    harness = sqliteHarness();
    await harness.store.createSession(record, [
      {
        type: "SessionCreated",
        v: 1,
        at: record.createdAt,
        sessionId: record.sessionId,
        code: record.code,
        label: record.label,
        scenario: minimalScenario(),
        variantId: "dag",
        engineVersion: "test",
      },
    ]);
    await harness.store.append(record.sessionId, 1, "p1:c1", [{ type: "SessionLockChanged", v: 1, at: record.createdAt + 1, locked: true }]);
  });
  afterEach(async () => {
    await harness.cleanup();
  });

  /** The raw bytes of the database file and its WAL, as text: what someone with a copy of the disk could read. */
  function onDisk(): string {
    const files = [harness.filePath, `${harness.filePath}-wal`].filter((file) => existsSync(file));
    return files.map((file) => readFileSync(file).toString("latin1")).join("");
  }

  it("lets only one of two connections append at the same seq", async () => {
    const second = await harness.reopen?.();
    if (!second) throw new Error("sqliteHarness heeft altijd reopen");
    const lock = (locked: boolean): SessionEvent[] => [{ type: "SessionLockChanged", v: 1, at: record.createdAt + 2, locked }];
    expect(await harness.store.append(record.sessionId, 2, "p1:c2", lock(false))).toStrictEqual({ ok: true, lastSeq: 3 });
    expect(await second.append(record.sessionId, 2, "p2:c1", lock(true))).toStrictEqual({ ok: false, reason: "conflict", lastSeq: 3 });
    expect(await second.hasCommand(record.sessionId, "p1:c2")).toBe(true);
  });

  it("leaves no trace of a deleted session in the file or its WAL, not even in free pages", async () => {
    const name = "Jannetje Zeldzaamnaam";
    await harness.store.append(record.sessionId, 2, "p1:c2", [
      { type: "ParticipantJoined", v: 1, at: record.createdAt + 2, participantId: "p1", displayName: name, realRole: "raadslid", seatTokenHash: "ab".repeat(32) },
    ]);
    expect(onDisk()).toContain(name);
    expect(await harness.store.deleteSession(record.sessionId)).toBe(true);
    // Read while the store is still open, as a copy of a running server's data directory would be.
    expect(onDisk()).not.toContain(name);
    expect(onDisk()).not.toContain(record.label);
  });

  it("answers each of many sessions' appends made at once with its own result, readable elsewhere once answered, and keeps every log whole", async () => {
    // Twenty sessions, each three appends called at once (the later ones before the earlier are answered), and one
    // stale append among them: however the writes are gathered into messages and commits, each gets its own answer,
    // and what was answered as stored can be read through another connection at that moment.
    const records = Array.from({ length: 20 }, (_, n) => ({ ...record, sessionId: `sessie-${n + 2}`, code: `CODE${n + 2}`, secretHash: `${n + 2}`.padStart(64, "0") }));
    for (const r of records) {
      const created: SessionEvent = { type: "SessionCreated", v: 1, at: r.createdAt, sessionId: r.sessionId, code: r.code, label: r.label, scenario: minimalScenario(), variantId: "dag", engineVersion: "test" };
      await harness.store.createSession(r, [created]);
    }
    const reader = new DatabaseSync(harness.filePath, { readOnly: true });
    const stored = reader.prepare("SELECT command_key FROM events WHERE session_id = ? AND seq = ?");
    const lock = (k: number): SessionEvent[] => [{ type: "SessionLockChanged", v: 1, at: record.createdAt + k, locked: k % 2 === 0 }];
    const answers = await Promise.all([
      ...records.flatMap((r) =>
        [1, 2, 3].map(async (k) => {
          const result = await harness.store.append(r.sessionId, k, `p1:c${k}`, lock(k));
          // Read through a connection of its own the moment the answer is there: the row must be committed.
          return { result, row: stored.get(r.sessionId, k + 1)?.command_key };
        }),
      ),
      harness.store.append(record.sessionId, 1, "p9:c1", lock(9)).then((result) => ({ result, row: stored.get(record.sessionId, 3)?.command_key })),
    ]);
    reader.close();
    const committed = records.flatMap(() => [1, 2, 3].map((k) => ({ result: { ok: true, lastSeq: k + 1 }, row: `p1:c${k}` })));
    expect(answers).toStrictEqual([...committed, { result: { ok: false, reason: "conflict", lastSeq: 2 }, row: undefined }]);
    for (const r of records) expect((await harness.store.load(r.sessionId)).map((e) => e.commandKey)).toStrictEqual([null, "p1:c1", "p1:c2", "p1:c3"]);
    expect(await harness.store.checkIntegrity()).toMatchObject({ sessionsChecked: 21, storage: [], damaged: [] });
  });

  it("refuses a log with a row it cannot read (a seq that is not a positive number), naming the row, before anything else", async () => {
    // The columns are STRICT and NOT NULL, so a seq is what a hand edit can still make unreadable.
    await harness.store.close();
    const other = new DatabaseSync(harness.filePath);
    other.prepare("UPDATE events SET seq = 0 WHERE session_id = ? AND seq = 2").run(record.sessionId);
    other.close();
    const store = await harness.reopen?.();
    if (!store) throw new Error("sqliteHarness heeft altijd reopen");
    await expect(store.load(record.sessionId)).rejects.toThrow(new DamagedSessionError(record.sessionId, "rij 1 van het log is onleesbaar"));
    expect(store.integrity().damaged).toStrictEqual([{ sessionId: record.sessionId, label: record.label, problem: "rij 1 van het log is onleesbaar" }]);
  });

  it("refuses a file written by a newer schema version", async () => {
    await harness.store.close();
    const other = new DatabaseSync(harness.filePath);
    other.exec("PRAGMA user_version = 99");
    other.close();
    expect(() => new SqliteEventStore(harness.filePath)).toThrow(/schemaversie 99/);
  });
});

describe("reading event rows back (rows.ts toLog, shared by every store)", () => {
  // What a driver could hand over (PostgreSQL's pg, a row from the wrong query), beside what SQLite can hold. Rows are
  // arrays of the four columns seq, command_key, body, hash (EVENT_COLUMNS).
  const sessionId = "sessie-rijen";
  const body = JSON.stringify({ type: "SessionLockChanged", v: 1, at: 1, locked: true });
  const hash = chainHash(emptyHead(sessionId).hash, 1, null, body);
  const good = [1, null, body, hash];

  it("reads a row of exactly the four columns: a positive whole seq, a key of text or none, a text body and hash", () => {
    expect(toLog(sessionId, { seq: 1, hash }, [good])).toStrictEqual([{ seq: 1, commandKey: null, event: JSON.parse(body) }]);
  });

  it.each([
    ["no array", "1"],
    ["null", null],
    ["the columns as an object", { seq: 1, command_key: null, body, hash }],
    ["a column missing", [1, null, body]],
    ["a column too many", [1, null, body, hash, "SessionLockChanged"]],
    ["a seq that is text", ["1", null, body, hash]],
    ["a seq that is not whole", [1.5, null, body, hash]],
    ["a seq of 0", [0, null, body, hash]],
    ["a command key that is a number", [1, 7, body, hash]],
    ["a body that is bytes", [1, null, Buffer.from(body), hash]],
    ["a hash that is missing", [1, null, body, undefined]],
  ])("refuses a row with %s in Dutch, naming the row", (_what, raw) => {
    expect(() => toLog(sessionId, { seq: 2, hash }, [good, raw])).toThrow(new DamagedSessionError(sessionId, "rij 2 van het log is onleesbaar"));
  });
});

/** The named indexes of a store's file (SQLite's own for primary keys and UNIQUE left out). */
function indexesOf(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name")
      .all()
      .map((row) => String(row.name));
  } finally {
    db.close();
  }
}

/** The schema of version 1, as servers before the hash chain created it: what existing files on disk hold. */
const SCHEMA_V1 = `CREATE TABLE sessions (session_id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, secret_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL, scenario_id TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT;
  CREATE TABLE events (session_id TEXT NOT NULL REFERENCES sessions(session_id), seq INTEGER NOT NULL, command_key TEXT NULL,
    type TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (session_id, seq)) STRICT;
  CREATE INDEX events_by_command ON events (session_id, command_key);
  CREATE INDEX sessions_by_created ON sessions (created_at);
  PRAGMA user_version = 1;`;

describe("SqliteEventStore: damage to the file itself", () => {
  const record = SESSION_RECORD;
  const createdEvent: SessionEvent = { type: "SessionCreated", v: 1, at: record.createdAt, sessionId: record.sessionId, code: record.code, label: record.label, scenario: minimalScenario(), variantId: "dag", engineVersion: "test" };
  const lock = (n: number): SessionEvent[] => [{ type: "SessionLockChanged", v: 1, at: record.createdAt + n, locked: n % 2 === 0 }];
  let dir: string;
  const opened: SqliteEventStore[] = [];
  const open = (file: string): SqliteEventStore => {
    const store = new SqliteEventStore(file);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "maatwerkspel-schade-"));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A store with one session of `appends` + 1 events, each append its own commit. */
  async function filled(file: string, appends: number): Promise<SqliteEventStore> {
    const store = open(file);
    await store.createSession(record, [createdEvent]);
    for (let n = 1; n <= appends; n++) await store.append(record.sessionId, n, `p1:c${n}`, lock(n));
    return store;
  }

  it("computes the chain for the events of a file written before it, and goes on from there", async () => {
    const file = join(dir, "oud.sqlite");
    const old = new DatabaseSync(file);
    old.exec(SCHEMA_V1);
    old.prepare("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)").run(record.sessionId, record.code, record.secretHash, record.label, record.scenarioId, record.createdAt);
    const events = [createdEvent, ...lock(1), ...lock(2)];
    events.forEach((event, i) => old.prepare("INSERT INTO events VALUES (?, ?, ?, ?, ?)").run(record.sessionId, i + 1, i === 0 ? null : `p1:c${i}`, event.type, JSON.stringify(event)));
    old.close();

    const store = open(file);
    expect((await store.load(record.sessionId)).map((e) => e.event)).toStrictEqual(events);
    expect(await store.checkIntegrity()).toMatchObject({ sessionsChecked: 1, storage: [], damaged: [] });
    expect(await store.append(record.sessionId, 3, "p1:c3", lock(3))).toStrictEqual({ ok: true, lastSeq: 4 });
    // Migration 3: the index of command keys, which every append paid for and nothing read, is gone; the keys are not.
    expect(indexesOf(file)).toStrictEqual(["sessions_by_created"]);
    expect([await store.hasCommand(record.sessionId, "p1:c2"), await store.hasCommand(record.sessionId, "p1:c3"), await store.hasCommand(record.sessionId, "p1:c9")]).toStrictEqual([true, true, false]);
    await store.close();
    expect(await open(file).checkIntegrity()).toMatchObject({ sessionsChecked: 1, storage: [], damaged: [] });
  });

  it("creates a new file without an index of command keys", async () => {
    const file = join(dir, "nieuw.sqlite");
    await (await filled(file, 2)).close();
    expect(indexesOf(file)).toStrictEqual(["sessions_by_created"]);
  });

  it("keeps a gap that was already in an old file visible after the migration", async () => {
    const file = join(dir, "oud.sqlite");
    const old = new DatabaseSync(file);
    old.exec(SCHEMA_V1);
    old.prepare("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)").run(record.sessionId, record.code, record.secretHash, record.label, record.scenarioId, record.createdAt);
    old.prepare("INSERT INTO events VALUES (?, 1, NULL, 'SessionCreated', ?)").run(record.sessionId, JSON.stringify(createdEvent));
    old.prepare("INSERT INTO events VALUES (?, 3, NULL, 'SessionLockChanged', ?)").run(record.sessionId, JSON.stringify(lock(3)[0]));
    old.close();
    const report = await open(file).checkIntegrity();
    expect(report.damaged).toStrictEqual([{ sessionId: record.sessionId, label: record.label, problem: "gebeurtenis 2 ontbreekt (na 1 komt 3)" }]);
  });

  it("notices committed transactions that SQLite would drop after a damaged WAL frame, and keeps a copy of the WAL", async () => {
    const file = join(dir, "live.sqlite");
    await filled(file, 12);
    // A copy of the data directory of a running server (or after kill -9): the WAL still holds the commits.
    const copyDir = join(dir, "kopie");
    const copy = join(copyDir, "live.sqlite");
    mkdirSync(copyDir);
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    const wal = readFileSync(`${copy}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const frames = Math.floor((wal.length - 32) / (24 + pageSize));
    expect(frames).toBeGreaterThan(10);
    const damagedFrame = frames - 6; // some commits after it
    const at = 32 + (damagedFrame - 1) * (24 + pageSize) + 24 + 200;
    wal.writeUInt8(wal.readUInt8(at) ^ 0xff, at);
    writeFileSync(`${copy}-wal`, wal);

    const store = open(copy);
    const [problem] = store.integrity().storage;
    expect(problem).toMatch(new RegExp(`^het WAL-bestand is beschadigd bij frame ${damagedFrame}: \\d+ vastgelegde transacties daarna worden niet geladen\\.`));
    const saved = readdirSync(copyDir).filter((name) => name.startsWith("live.sqlite-wal.beschadigd-"));
    expect(saved).toHaveLength(1);
    expect(problem).toContain(join(copyDir, saved[0] ?? ""));
    // What SQLite kept is consistent, only shorter: the WAL check is what tells.
    expect((await store.load(record.sessionId)).length).toBeLessThan(13);
    const report = await store.checkIntegrity();
    expect(report.storage).toStrictEqual([problem]);
  });

  it("an intact WAL of a running server is not reported", async () => {
    const file = join(dir, "live.sqlite");
    await filled(file, 12);
    const copy = join(dir, "kopie.sqlite");
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    const store = open(copy);
    expect(store.integrity().storage).toStrictEqual([]);
    expect(await store.load(record.sessionId)).toHaveLength(13);
  });

  it("reports what quick_check finds when the end of the file is overwritten", async () => {
    const file = join(dir, "data.sqlite");
    const store = await filled(file, 40);
    await store.close();
    const bytes = readFileSync(file);
    bytes.fill(0xab, bytes.length - 4096);
    writeFileSync(file, bytes);
    const report = await open(file).checkIntegrity();
    expect(report.storage[0]).toMatch(/^SQLite (meldt bij quick_check dat het bestand beschadigd is|kon quick_check niet uitvoeren)/);
  });

  it("refuses a file with a zeroed header in Dutch, without opening it", async () => {
    const file = join(dir, "data.sqlite");
    await (await filled(file, 2)).close();
    const bytes = readFileSync(file);
    bytes.fill(0, 0, 100);
    writeFileSync(file, bytes);
    expect(() => new SqliteEventStore(file)).toThrow(StoreOpenError);
    expect(() => new SqliteEventStore(file)).toThrow(`Het databasebestand ${file} kan niet worden gelezen: het is beschadigd of geen Maatwerkspel-database`);
  });
});
