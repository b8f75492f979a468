/**
 * Runs the event store contract against every implementation, plus what only a file can go through:
 * a corrupted row, and two connections writing to the same file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionEvent } from "../../server/protocol/events.ts";
import { SESSION_RECORD, eventStoreContract, type StoreHarness } from "./contract.ts";
import { MemoryEventStore } from "../../server/store/memory.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";

// The in-memory store keeps nothing after closing, by design: the durability promise is SQLite's alone.
eventStoreContract(
  "MemoryEventStore",
  async () => {
    const store = new MemoryEventStore();
    return { store, cleanup: () => store.close() };
  },
  { durable: false },
);

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

  /** Overwrites one row's body behind the store's back, as a bad disk or a hand edit would. */
  function corrupt(seq: number, body: string): void {
    const other = new DatabaseSync(harness.filePath);
    try {
      other.prepare("UPDATE events SET body = ? WHERE session_id = ? AND seq = ?").run(body, record.sessionId, seq);
    } finally {
      other.close();
    }
  }

  it("refuses a row that is not a valid event, naming the session and seq", async () => {
    corrupt(2, JSON.stringify({ type: "SessionLockChanged", v: 1, at: 1, locked: "ja" }));
    await expect(harness.store.load(record.sessionId)).rejects.toThrow(/Gebeurtenis 2 van sessie sessie-1 is onleesbaar/);
  });

  it("refuses a row that is not JSON, naming the session and seq", async () => {
    corrupt(2, "{ kapot");
    await expect(harness.store.load(record.sessionId)).rejects.toThrow(/Gebeurtenis 2 van sessie sessie-1 is onleesbaar/);
  });

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

  it("refuses a file written by a newer schema version", async () => {
    await harness.store.close();
    const other = new DatabaseSync(harness.filePath);
    other.exec("PRAGMA user_version = 99");
    other.close();
    expect(() => new SqliteEventStore(harness.filePath)).toThrow(/schemaversie 99/);
  });
});
