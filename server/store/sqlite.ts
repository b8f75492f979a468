/**
 * The durable event store: one SQLite file through Node's built-in `node:sqlite` (no native module to build).
 * Every write is synced to disk (WAL + synchronous=FULL) before its promise resolves, so an event a client has seen
 * survives a crash. Rows read back are parsed with zod, never cast.
 *
 * Writes go to a worker thread with its own connection (sqliteWriter.ts): a sync no longer stops the server's event
 * loop, and the writes of many rooms that arrive while one commit syncs share the next commit (group commit), each
 * still answered only after the COMMIT that holds it. One message to the worker is in flight at a time (the writes
 * that come in meanwhile wait here and go as one message), and while several sessions write, messages go no more
 * often than every GATHER_MS: fewer commits and fewer wake-ups of both threads per append. Reads stay on this thread's connection (WAL lets them run beside
 * the writer) and first wait for the writes asked for before them, so a caller reads what it wrote. There is no
 * other write path: `npm run bench:store` measures this one.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { EventSchema, type SessionEvent, type StoredEvent } from "#shared/protocol/events.ts";
import { chainHash, emptyHead, type Head } from "./chain.ts";
import { DamageLedger, DamagedSessionError, isSqliteDamage, messageOf, type DamagedSession, type IntegrityReport } from "./integrity.ts";
import { compileLogSchemas, EVENT_COLUMNS, HEAD_COLUMNS, toHead, toLog, toRecord } from "./rows.ts";
import type { AppendResult, EventStore, SessionRecord } from "./types.ts";
import { inspectWal } from "./sqliteWal.ts";
import type { Row, WriterUsage, WriteOp, WriteResult, WriterData } from "./sqliteWriter.ts";

/** The writer thread's answers to a batch (sqliteWriter.ts). */
const WriteResultsSchema: z.ZodType<WriteResult[]> = z.array(
  z.union([z.object({ id: z.number(), ok: z.literal(true), value: z.unknown() }), z.object({ id: z.number(), ok: z.literal(false), message: z.string() })]),
);

/** How long a writer waits for another connection's lock before giving up, in milliseconds. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * While writes for several sessions come in, at most one message (so one commit) per this many milliseconds: see
 * SqliteStoreOptions.gatherMs. At 1,500 appends/s over 300 sessions (bench:store, paced, medians of 3 rounds, 6
 * December): 2 ms gave 3.1 appends per commit, 64 + 102 µs of CPU per append (main + writer thread), append p50 1.6 ms;
 * 5 ms gives 7.1 per commit, 53 + 66 µs (28 % less), p50 2.8 ms; 10 ms 14 per commit, 53 + 59 µs, p50 5.6 ms. An
 * append waits at most this much longer, never when one session writes alone.
 */
export const GATHER_MS = 5;

/**
 * Schema migrations, in order; `PRAGMA user_version` records how many have run. Only ever append to this list:
 * existing session files were created by the earlier entries. A step is SQL, or code for what SQL cannot do.
 */
const MIGRATIONS: readonly (string | ((db: DatabaseSync) => void))[] = [
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
  // 2: the hash chain (chain.ts): every event row its hash, every session row the head of its log.
  addHashChain,
  // 3: no index of command keys. Nothing reads events by command key while a session runs (the room knows its
  // commands from the log it loaded), but every append inserted into this index at a random place in its session's
  // range: with 300 sessions writing, a commit of ten appends wrote ~290 KiB to the disk instead of ~150, and the
  // writer thread spent ~40 % more CPU per append (docs/performance.md, Store). hasCommand reads the session's rows.
  "DROP INDEX IF EXISTS events_by_command;",
];

const ChainMigrationRowSchema = z.strictObject({ seq: z.number().int(), command_key: z.string().nullable(), body: z.string() });
const SessionIdRowSchema = z.strictObject({ session_id: z.string() });

/** Computes the chain over the rows of every existing session, as they are; a gap already there stays visible. */
function addHashChain(db: DatabaseSync): void {
  db.exec(`ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
           ALTER TABLE sessions ADD COLUMN head_seq INTEGER NOT NULL DEFAULT 0;
           ALTER TABLE sessions ADD COLUMN head_hash TEXT NOT NULL DEFAULT '';`);
  const rowsOfSession = db.prepare("SELECT seq, command_key, body FROM events WHERE session_id = ? ORDER BY seq");
  const setHash = db.prepare("UPDATE events SET hash = ? WHERE session_id = ? AND seq = ?");
  const setHead = db.prepare("UPDATE sessions SET head_seq = ?, head_hash = ? WHERE session_id = ?");
  for (const raw of db.prepare("SELECT session_id FROM sessions").all()) {
    const sessionId = SessionIdRowSchema.parse(raw).session_id;
    let head: Head = emptyHead(sessionId);
    for (const rawRow of rowsOfSession.all(sessionId)) {
      const row = ChainMigrationRowSchema.parse(rawRow);
      head = { seq: row.seq, hash: chainHash(head.hash, row.seq, row.command_key, row.body) };
      setHash.run(head.hash, sessionId, row.seq);
    }
    setHead.run(head.seq, head.hash, sessionId);
  }
}

const QuickCheckRowSchema = z.strictObject({ quick_check: z.string() });
const SessionLabelRowSchema = z.strictObject({ session_id: z.string(), label: z.string() });
const UserVersionRowSchema = z.strictObject({ user_version: z.number().int().nonnegative() });

const SESSION_COLUMNS = "session_id, code, secret_hash, label, scenario_id, created_at";

const WriterUsageSchema: z.ZodType<WriterUsage> = z.strictObject({ user: z.number().nonnegative(), system: z.number().nonnegative(), commits: z.number().int().nonnegative() });

const AppendResultSchema = z.discriminatedUnion("ok", [
  z.strictObject({ ok: z.literal(true), lastSeq: z.number().int().nonnegative() }),
  z.strictObject({ ok: z.literal(false), reason: z.literal("conflict"), lastSeq: z.number().int().nonnegative() }),
]);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The session a write is for; null for the writer's own operations. */
function sessionOf(op: WriteOp): string | null {
  switch (op.op) {
    case "create":
      return op.record.sessionId;
    case "append":
    case "delete":
      return op.sessionId;
    case "close":
    case "usage":
      return null;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/**
 * What the writer threads did since the process started (for bench:load's report): messages (each one commit) and
 * how long each took from being posted to its answer, and how long each write waited from being asked for to its
 * answer (gathering, the commit before it, its own commit).
 */
export const storeFigures = { commits: 0, commitMs: 0, maxCommitMs: 0, writes: 0, waitedMs: 0, maxWaitedMs: 0, writesOver50Ms: 0 };

/** The worker thread that writes, and the writes waiting for its answer. */
class Writer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void; answered: Promise<unknown>; askedAt: number }>();
  private outbox: WriteOp[] = [];
  /** Writes posted to the worker and not answered yet; while there are any, new writes wait in the outbox. */
  private inFlight = 0;
  private sendScheduled = false;
  /** When the last message went to the worker (performance.now()), and the session of its first write. */
  private lastSentAt = -Infinity;
  private lastSession: string | null = null;
  private nextId = 1;
  private failed: Error | null = null;
  private closed: Promise<void> | null = null;
  private readonly gatherMs: number;

  constructor(filePath: string, gatherMs: number) {
    this.gatherMs = gatherMs;
    const data: WriterData = { filePath, busyTimeoutMs: BUSY_TIMEOUT_MS };
    this.worker = new Worker(new URL("./sqliteWriter.ts", import.meta.url), { workerData: data });
    // Only writes in flight keep the process alive (a script that is done may exit).
    this.worker.unref();
    this.worker.on("message", (message: unknown) => {
      // Under `node --watch` (npm run dev) Node's own notes ({ "watch:import": [...] }) arrive here too: only answers count.
      const answers = WriteResultsSchema.safeParse(message);
      if (!answers.success) return;
      this.inFlight -= answers.data.length;
      const now = performance.now();
      const commitMs = now - this.lastSentAt;
      storeFigures.commits++;
      storeFigures.commitMs += commitMs;
      storeFigures.maxCommitMs = Math.max(storeFigures.maxCommitMs, commitMs);
      for (const r of answers.data) {
        const entry = this.waiting.get(r.id);
        if (!entry) continue;
        this.waiting.delete(r.id);
        const waited = now - entry.askedAt;
        storeFigures.writes++;
        storeFigures.waitedMs += waited;
        storeFigures.maxWaitedMs = Math.max(storeFigures.maxWaitedMs, waited);
        if (waited > 50) storeFigures.writesOver50Ms++;
        if (r.ok) entry.resolve(r.value);
        else entry.reject(new Error(r.message));
      }
      if (this.waiting.size === 0 && !this.closed) this.worker.unref();
      this.scheduleSend();
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const entry of this.waiting.values()) entry.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", (error) => fail(error instanceof Error ? error : new Error(String(error))));
    this.worker.on("exit", () => fail(new Error("De schrijver van de opslag is gestopt.")));
  }

  /**
   * Queues a write. The worker gets this turn's writes in one message, or, while it is still writing the previous
   * message's, everything that came in meanwhile in one message as soon as those are answered: one message (and one
   * wake-up of each thread) per commit instead of one per turn. It could not have started on them any sooner.
   */
  write(op: DistributiveOmit<WriteOp, "id">): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    let resolve: (value: unknown) => void = () => {};
    let reject: (error: unknown) => void = () => {};
    const answer = new Promise<unknown>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    this.waiting.set(id, { resolve, reject, answered: answer.catch(() => undefined), askedAt: performance.now() });
    this.worker.ref();
    this.outbox.push({ ...op, id } as WriteOp);
    this.scheduleSend();
    return answer;
  }

  /**
   * At the end of this turn, when there is something to send and nothing is in flight; while writes for several
   * sessions come in, no sooner than gatherMs after the previous message (see SqliteStoreOptions.gatherMs).
   */
  private scheduleSend(): void {
    if (this.sendScheduled || this.inFlight > 0 || this.outbox.length === 0) return;
    this.sendScheduled = true;
    const wait = this.gatherMs - (performance.now() - this.lastSentAt);
    if (wait > 0 && this.severalSessions()) setTimeout(() => this.send(), wait);
    else setImmediate(() => this.send());
  }

  /** Whether the outbox and the previous message hold writes for more than one session. */
  private severalSessions(): boolean {
    let seen = this.lastSession;
    for (const op of this.outbox) {
      const session = sessionOf(op);
      if (session === null) continue;
      if (seen !== null && session !== seen) return true;
      seen = session;
    }
    return false;
  }

  private send(): void {
    this.sendScheduled = false;
    if (this.inFlight > 0 || this.outbox.length === 0 || this.failed) return;
    const ops = this.outbox;
    this.outbox = [];
    this.inFlight += ops.length;
    this.lastSentAt = performance.now();
    this.lastSession = ops.map(sessionOf).find((session) => session !== null) ?? null;
    this.worker.postMessage(ops);
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

export interface SqliteStoreOptions {
  /**
   * While writes for more than one session are coming in, the next message goes to the writer thread no sooner than
   * this many milliseconds after the previous one, so that more writes share one synced commit (a commit's sync costs
   * the writer about as much CPU as ten appends). Each write is still answered only after the COMMIT that holds it.
   * One session writing alone (a room, an import) is never held up. 0: send as soon as the writer is free. Default GATHER_MS.
   */
  gatherMs?: number;
}

export class SqliteEventStore implements EventStore {
  private readonly db: DatabaseSync;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly writer: Writer;
  private readonly ledger = new DamageLedger();

  /**
   * Opens (or creates) the file. A file that is not a readable SQLite database, or one SQLite reports as damaged
   * while opening, gives a StoreOpenError with a Dutch message.
   */
  constructor(filePath: string, options: SqliteStoreOptions = {}) {
    mkdirSync(dirname(filePath), { recursive: true });
    // Before SQLite recovers the WAL (and drops whatever follows a damaged frame, silently): see sqliteWal.ts.
    const walDamage = inspectWal(filePath);
    if (walDamage) this.ledger.storageProblem(walDamage);
    try {
      this.db = new DatabaseSync(filePath, { enableForeignKeyConstraints: true, timeout: BUSY_TIMEOUT_MS });
      configure(this.db);
      migrate(this.db);
      this.statements = prepareStatements(this.db);
    } catch (error) {
      if (!isSqliteDamage(error)) throw error;
      throw new StoreOpenError(
        `Het databasebestand ${filePath} kan niet worden gelezen: het is beschadigd of geen Maatwerkspel-database (SQLite: ${messageOf(error)}). ` +
          "Zet een reservekopie terug, of start met een andere DATA_DIR.",
        { cause: error },
      );
    }
    this.writer = new Writer(filePath, options.gatherMs ?? GATHER_MS);
    compileLogSchemas();
  }

  async createSession(record: SessionRecord, firstEvents: SessionEvent[]): Promise<void> {
    const events = firstEvents.map((event) => EventSchema.parse(event));
    await this.writer.write({ op: "create", record, rows: rowsOf(events) });
  }

  async append(sessionId: string, expectedLastSeq: number, commandKey: string | null, events: SessionEvent[]): Promise<AppendResult> {
    // Validate the whole batch before the transaction: an invalid event must leave the log untouched.
    const parsed = events.map((event) => EventSchema.parse(event));
    return AppendResultSchema.parse(await this.writer.write({ op: "append", sessionId, expectedLastSeq, commandKey, rows: rowsOf(parsed) }));
  }

  async load(sessionId: string): Promise<StoredEvent[]> {
    await this.writer.settled();
    let label: string | null = null;
    try {
      const s = this.statements;
      label = SessionLabelRowSchema.safeParse(s.sessionLabel.get(sessionId)).data?.label ?? null;
      return toLog(sessionId, toHead(sessionId, s.head.get(sessionId)), s.loadEvents.all(sessionId));
    } catch (error) {
      const damage = error instanceof DamagedSessionError ? error : isSqliteDamage(error) ? new DamagedSessionError(sessionId, `de opslag kan dit log niet lezen (SQLite: ${messageOf(error)})`, { cause: error }) : null;
      if (!damage) throw error;
      this.ledger.session({ sessionId, label, problem: damage.problem });
      throw damage;
    }
  }

  /** quick_check of the whole file, then every session (and every log without a session) as load reads it. */
  async checkIntegrity(): Promise<IntegrityReport> {
    await this.writer.settled();
    const storage: string[] = [];
    try {
      const found = this.db.prepare("PRAGMA quick_check(20)").all().map((row) => QuickCheckRowSchema.parse(row).quick_check);
      if (found.join() !== "ok") storage.push(`SQLite meldt bij quick_check dat het bestand beschadigd is: ${found.join("; ")}`);
    } catch (error) {
      storage.push(`SQLite kon quick_check niet uitvoeren, het bestand is beschadigd (${messageOf(error)})`);
    }
    const sessions = new Map<string, string | null>();
    const listed = (sql: string) => {
      try {
        for (const row of this.db.prepare(sql).all()) {
          const r = SessionLabelRowSchema.parse(row);
          if (!sessions.has(r.session_id)) sessions.set(r.session_id, r.label);
        }
      } catch (error) {
        if (!isSqliteDamage(error)) throw error;
        storage.push(`de lijst van sessies is niet volledig te lezen (SQLite: ${messageOf(error)})`);
      }
    };
    listed("SELECT session_id, label FROM sessions");
    // Events whose sessions row is gone (or unreadable) are damage too.
    listed("SELECT DISTINCT session_id, '' AS label FROM events");
    const damaged: DamagedSession[] = [];
    for (const [sessionId, label] of sessions) {
      await this.load(sessionId).catch((error: unknown) => {
        if (!(error instanceof DamagedSessionError)) throw error;
        damaged.push({ sessionId, label: label || null, problem: error.problem });
      });
    }
    return this.ledger.checked({ sessionsChecked: sessions.size, storage, damaged });
  }

  integrity(): IntegrityReport {
    return this.ledger.report();
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    await this.writer.settled();
    return this.statements.hasCommand.get(sessionId, commandKey) !== undefined;
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    await this.writer.settled();
    return toRecordOrNull(this.statements.sessionById.get(sessionId));
  }

  async findByCode(code: string): Promise<SessionRecord | null> {
    await this.writer.settled();
    return toRecordOrNull(this.statements.sessionByCode.get(code));
  }

  async findBySecretHash(secretHash: string): Promise<SessionRecord | null> {
    await this.writer.settled();
    return toRecordOrNull(this.statements.sessionBySecretHash.get(secretHash));
  }

  async listSessions(): Promise<SessionRecord[]> {
    await this.writer.settled();
    return this.statements.listSessions.all().map((row) => toRecord(row));
  }

  async listSessionsCreatedBefore(time: number): Promise<SessionRecord[]> {
    await this.writer.settled();
    return this.statements.listCreatedBefore.all(time).map((row) => toRecord(row));
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    this.ledger.forget(sessionId);
    return (await this.writer.write({ op: "delete", sessionId })) === true;
  }

  /** The CPU time (µs) the writer thread has used and the commits it made since it started (bench:store): ask after the writes it should count have resolved. */
  async writerUsage(): Promise<WriterUsage> {
    return WriterUsageSchema.parse(await this.writer.write({ op: "usage" }));
  }

  /** Safe to call twice: tests close a store, reopen the file, and clean up everything at the end. */
  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.isOpen) this.db.close();
  }
}

/** The store could not be opened because the file is damaged or not a database; the message says so in Dutch. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreOpenError";
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
      if (typeof sql === "string") db.exec(sql);
      else sql(db);
      db.exec(`PRAGMA user_version = ${version + index + 1}`);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  });
}

/** A statement that returns its rows as arrays of the selected columns, in their order. */
function withArrays(statement: StatementSync): StatementSync {
  statement.setReturnArrays(true);
  return statement;
}

/** The reads, prepared once per store (the writes are prepared in the writer thread, sqliteWriter.ts). */
function prepareStatements(db: DatabaseSync) {
  const statements = {
    // Rows as arrays (rows.ts EventRow): faster to make and to read than SQLite's row objects.
    loadEvents: withArrays(db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = ? ORDER BY seq`)),
    head: db.prepare(`SELECT ${HEAD_COLUMNS} FROM sessions WHERE session_id = ?`),
    sessionLabel: db.prepare("SELECT session_id, label FROM sessions WHERE session_id = ?"),
    hasCommand: db.prepare("SELECT 1 FROM events WHERE session_id = ? AND command_key = ? LIMIT 1"),
    sessionById: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE session_id = ?`),
    sessionByCode: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE code = ?`),
    sessionBySecretHash: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE secret_hash = ?`),
    // rowid breaks ties between sessions created in the same millisecond: the later insert counts as newer.
    listSessions: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY created_at DESC, rowid DESC`),
    listCreatedBefore: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE created_at < ? ORDER BY created_at, rowid`),
  } satisfies Record<string, StatementSync>;
  return statements;
}

/** Events as the rows the writer inserts. */
const rowsOf = (events: readonly SessionEvent[]): Row[] => events.map((event) => ({ type: event.type, body: JSON.stringify(event) }));


function toRecordOrNull(row: unknown): SessionRecord | null {
  return row === undefined ? null : toRecord(row);
}
