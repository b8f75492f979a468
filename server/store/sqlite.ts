/**
 * The durable event store: one SQLite file through Node's built-in `node:sqlite` (no native module to build).
 * Every write is synced to disk (WAL + synchronous=FULL) before its promise resolves, so an event a client has seen
 * survives a crash. Rows read back are parsed with zod, never cast.
 *
 * Writes go to a worker thread with its own connection (sqliteWriter.ts): a sync no longer stops the server's event
 * loop, and the writes of many rooms that arrive while one commit syncs share the next commit (group commit), each
 * still answered only after the COMMIT that holds it. Reads stay on this thread's connection (WAL lets them run beside
 * the writer) and first wait for the writes asked for before them, so a caller reads what it wrote. With
 * `{ groupCommit: false }` every write is its own transaction on this thread, as before (for `npm run bench:store`).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { EventSchema, type SessionEvent, type StoredEvent } from "../protocol/events.ts";
import { toRecord, toStoredEvent } from "./rows.ts";
import type { AppendResult, EventStore, SessionRecord } from "./types.ts";
import type { Row, WriteOp, WriteResult, WriterData } from "./sqliteWriter.ts";

/** How long a writer waits for another connection's lock before giving up, in milliseconds. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Schema migrations, in order; `PRAGMA user_version` records how many have run. Only ever append to this list:
 * existing session files were created by the earlier entries.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     session_id  TEXT PRIMARY KEY,
     code        TEXT NOT NULL UNIQUE,
     secret_hash TEXT NOT NULL UNIQUE,
     label       TEXT NOT NULL,
     scenario_id TEXT NOT NULL,
     created_at  INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE events (
     session_id  TEXT NOT NULL REFERENCES sessions(session_id),
     seq         INTEGER NOT NULL,
     command_key TEXT NULL,
     type        TEXT NOT NULL,
     body        TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   ) STRICT;
   CREATE INDEX events_by_command ON events (session_id, command_key);
   CREATE INDEX sessions_by_created ON sessions (created_at);`,
];

const LastSeqRowSchema = z.strictObject({ last_seq: z.number().int().nonnegative() });
const UserVersionRowSchema = z.strictObject({ user_version: z.number().int().nonnegative() });

const SESSION_COLUMNS = "session_id, code, secret_hash, label, scenario_id, created_at";

export interface SqliteStoreOptions {
  /** Writes in a worker thread, many per commit (default). false: one transaction per write, on this thread. */
  groupCommit?: boolean;
}

const AppendResultSchema = z.discriminatedUnion("ok", [
  z.strictObject({ ok: z.literal(true), lastSeq: z.number().int().nonnegative() }),
  z.strictObject({ ok: z.literal(false), reason: z.literal("conflict"), lastSeq: z.number().int().nonnegative() }),
]);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The worker thread that writes, and the writes waiting for its answer. */
class Writer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void; answered: Promise<unknown> }>();
  private outbox: WriteOp[] = [];
  private nextId = 1;
  private failed: Error | null = null;
  private closed: Promise<void> | null = null;

  constructor(filePath: string) {
    const data: WriterData = { filePath, busyTimeoutMs: BUSY_TIMEOUT_MS };
    this.worker = new Worker(new URL("./sqliteWriter.ts", import.meta.url), { workerData: data });
    // Only writes in flight keep the process alive (a script that is done may exit).
    this.worker.unref();
    this.worker.on("message", (results: WriteResult[]) => {
      for (const r of results) {
        const entry = this.waiting.get(r.id);
        if (!entry) continue;
        this.waiting.delete(r.id);
        if (r.ok) entry.resolve(r.value);
        else entry.reject(new Error(r.message));
      }
      if (this.waiting.size === 0 && !this.closed) this.worker.unref();
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const entry of this.waiting.values()) entry.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", (error) => fail(error instanceof Error ? error : new Error(String(error))));
    this.worker.on("exit", () => fail(new Error("De schrijver van de opslag is gestopt.")));
  }

  /** Queues a write; the worker gets this turn's writes in one message. */
  write(op: DistributiveOmit<WriteOp, "id">): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    let resolve: (value: unknown) => void = () => {};
    let reject: (error: unknown) => void = () => {};
    const answer = new Promise<unknown>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    this.waiting.set(id, { resolve, reject, answered: answer.catch(() => undefined) });
    this.worker.ref();
    if (this.outbox.length === 0) setImmediate(() => this.send());
    this.outbox.push({ ...op, id } as WriteOp);
    return answer;
  }

  private send(): void {
    const ops = this.outbox;
    this.outbox = [];
    if (ops.length > 0) this.worker.postMessage(ops);
  }

  /** Resolves once every write asked for so far has been answered (whatever the answer). */
  async settled(): Promise<void> {
    if (this.waiting.size > 0) await Promise.all([...this.waiting.values()].map((w) => w.answered));
  }

  /** Writes what was asked, then closes the worker's connection. Safe to call twice. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      if (this.nextId === 1) {
        // Never written to: nothing to finish, no need to wait for the thread to start.
        await this.worker.terminate();
        return;
      }
      if (!this.failed) {
        // Keep the process alive until the worker has written everything and exited.
        this.worker.ref();
        const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
        await this.write({ op: "close" }).catch(() => undefined);
        await exited;
      }
    })();
    return this.closed;
  }
}

export class SqliteEventStore implements EventStore {
  private readonly db: DatabaseSync;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly writer: Writer | null;

  constructor(filePath: string, options: SqliteStoreOptions = {}) {
    mkdirSync(dirname(filePath), { recursive: true });
    this.db = new DatabaseSync(filePath, { enableForeignKeyConstraints: true, timeout: BUSY_TIMEOUT_MS });
    configure(this.db);
    migrate(this.db);
    this.statements = prepareStatements(this.db);
    this.writer = options.groupCommit === false ? null : new Writer(filePath);
  }

  async createSession(record: SessionRecord, firstEvents: SessionEvent[]): Promise<void> {
    const events = firstEvents.map((event) => EventSchema.parse(event));
    if (this.writer) {
      await this.writer.write({ op: "create", record, rows: rowsOf(events) });
      return;
    }
    this.transaction(() => {
      this.assertUnique(record);
      const s = this.statements;
      s.insertSession.run(record.sessionId, record.code, record.secretHash, record.label, record.scenarioId, record.createdAt);
      this.insertEvents(record.sessionId, 0, null, events);
    });
  }

  async append(sessionId: string, expectedLastSeq: number, commandKey: string | null, events: SessionEvent[]): Promise<AppendResult> {
    // Validate the whole batch before the transaction: an invalid event must leave the log untouched.
    const parsed = events.map((event) => EventSchema.parse(event));
    if (this.writer) return AppendResultSchema.parse(await this.writer.write({ op: "append", sessionId, expectedLastSeq, commandKey, rows: rowsOf(parsed) }));
    return this.transaction((): AppendResult => {
      if (!this.statements.sessionExists.get(sessionId)) throw new Error(`Onbekende sessie: ${sessionId}.`);
      const lastSeq = this.lastSeq(sessionId);
      if (lastSeq !== expectedLastSeq) return { ok: false, reason: "conflict", lastSeq };
      this.insertEvents(sessionId, lastSeq, commandKey, parsed);
      return { ok: true, lastSeq: lastSeq + parsed.length };
    });
  }

  async load(sessionId: string): Promise<StoredEvent[]> {
    await this.writer?.settled();
    return this.statements.loadEvents.all(sessionId).map((row) => toStoredEvent(sessionId, row));
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    await this.writer?.settled();
    return this.statements.hasCommand.get(sessionId, commandKey) !== undefined;
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    await this.writer?.settled();
    return toRecordOrNull(this.statements.sessionById.get(sessionId));
  }

  async findByCode(code: string): Promise<SessionRecord | null> {
    await this.writer?.settled();
    return toRecordOrNull(this.statements.sessionByCode.get(code));
  }

  async findBySecretHash(secretHash: string): Promise<SessionRecord | null> {
    await this.writer?.settled();
    return toRecordOrNull(this.statements.sessionBySecretHash.get(secretHash));
  }

  async listSessions(): Promise<SessionRecord[]> {
    await this.writer?.settled();
    return this.statements.listSessions.all().map((row) => toRecord(row));
  }

  async listSessionsCreatedBefore(time: number): Promise<SessionRecord[]> {
    await this.writer?.settled();
    return this.statements.listCreatedBefore.all(time).map((row) => toRecord(row));
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    if (this.writer) return (await this.writer.write({ op: "delete", sessionId })) === true;
    const deleted = this.transaction(() => {
      // Events first: they reference the session row.
      this.statements.deleteEvents.run(sessionId);
      return Number(this.statements.deleteSession.run(sessionId).changes) > 0;
    });
    if (deleted) this.flushWal();
    return deleted;
  }

  /** Safe to call twice: tests close a store, reopen the file, and clean up everything at the end. */
  async close(): Promise<void> {
    await this.writer?.close();
    if (this.db.isOpen) this.db.close();
  }

  /**
   * Runs `work` in one write transaction. BEGIN IMMEDIATE takes the write lock up front, so the "read last seq,
   * then insert" in `append` cannot interleave with another connection's append to the same file.
   */
  private transaction<T>(work: () => T): T {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  /** Clear Dutch reasons instead of SQLite's constraint messages; the UNIQUE constraints remain the backstop. */
  private assertUnique(record: SessionRecord): void {
    const s = this.statements;
    if (s.sessionExists.get(record.sessionId)) throw new Error(`Sessie ${record.sessionId} bestaat al.`);
    if (s.sessionByCode.get(record.code)) throw new Error(`De code ${record.code} is al in gebruik.`);
    if (s.sessionBySecretHash.get(record.secretHash)) throw new Error("Dit spelleidersgeheim is al in gebruik.");
  }

  /**
   * Deleted data must be gone from the disk, not only from queries: secure_delete zeroes the freed pages, and this
   * moves them into the main file and empties the WAL, which still holds the old versions of those pages.
   */
  private flushWal(): void {
    this.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  private lastSeq(sessionId: string): number {
    return LastSeqRowSchema.parse(this.statements.lastSeq.get(sessionId)).last_seq;
  }

  private insertEvents(sessionId: string, lastSeq: number, commandKey: string | null, events: SessionEvent[]): void {
    events.forEach((event, index) => {
      this.statements.insertEvent.run(sessionId, lastSeq + index + 1, commandKey, event.type, JSON.stringify(event));
    });
  }
}

function configure(db: DatabaseSync): void {
  // WAL lets readers continue while one writer appends; FULL syncs the WAL on every commit (durable before ack).
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // A deleted session (names, real roles) must not linger in free pages of the file.
  db.exec("PRAGMA secure_delete = ON");
}

/** Brings the file up to the latest schema, each step in its own transaction together with its version number. */
function migrate(db: DatabaseSync): void {
  const version = UserVersionRowSchema.parse(db.prepare("PRAGMA user_version").get()).user_version;
  if (version > MIGRATIONS.length) {
    throw new Error(`Het databasebestand heeft schemaversie ${version}, nieuwer dan deze server kent (${MIGRATIONS.length}).`);
  }
  MIGRATIONS.slice(version).forEach((sql, index) => {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${version + index + 1}`);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  });
}

/** Prepared once per store: parsing SQL on every append would be wasted work on the hot path. */
function prepareStatements(db: DatabaseSync) {
  const statements = {
    insertSession: db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`),
    insertEvent: db.prepare("INSERT INTO events (session_id, seq, command_key, type, body) VALUES (?, ?, ?, ?, ?)"),
    lastSeq: db.prepare("SELECT COALESCE(MAX(seq), 0) AS last_seq FROM events WHERE session_id = ?"),
    loadEvents: db.prepare("SELECT seq, command_key, body FROM events WHERE session_id = ? ORDER BY seq"),
    hasCommand: db.prepare("SELECT 1 FROM events WHERE session_id = ? AND command_key = ? LIMIT 1"),
    sessionExists: db.prepare("SELECT 1 FROM sessions WHERE session_id = ?"),
    sessionById: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE session_id = ?`),
    sessionByCode: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE code = ?`),
    sessionBySecretHash: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE secret_hash = ?`),
    // rowid breaks ties between sessions created in the same millisecond: the later insert counts as newer.
    listSessions: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY created_at DESC, rowid DESC`),
    listCreatedBefore: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE created_at < ? ORDER BY created_at, rowid`),
    deleteEvents: db.prepare("DELETE FROM events WHERE session_id = ?"),
    deleteSession: db.prepare("DELETE FROM sessions WHERE session_id = ?"),
  } satisfies Record<string, StatementSync>;
  return statements;
}

/** Events as the rows the writer inserts. */
const rowsOf = (events: readonly SessionEvent[]): Row[] => events.map((event) => ({ type: event.type, body: JSON.stringify(event) }));


function toRecordOrNull(row: unknown): SessionRecord | null {
  return row === undefined ? null : toRecord(row);
}
