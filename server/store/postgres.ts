/**
 * The event store on PostgreSQL (`DATABASE_URL`), for several server processes sharing one truth. Same contract as
 * sqlite.ts (tests/store/contract.ts runs against both): one table of sessions, one of events keyed by
 * (session_id, seq), every write one transaction, rows parsed with zod on the way out. A commit returns only once
 * PostgreSQL has flushed it (synchronous_commit defaults to on), so an acknowledged event survives a crash.
 */
import pg from "pg";
import { z } from "zod";
import { EventSchema, type SessionEvent, type StoredEvent } from "#shared/protocol/events.ts";
import { chainHash, chainRows, emptyHead, type Head } from "./chain.ts";
import { DamageLedger, DamagedSessionError, type DamagedSession, type IntegrityReport } from "./integrity.ts";
import { compileLogSchemas, EVENT_COLUMNS, HEAD_COLUMNS, toHead, toLog, toRecord } from "./rows.ts";
import type { AppendResult, EventStore, SessionRecord } from "./types.ts";

/**
 * Schema migrations, in order; the table schema_migrations records how many have run. Only ever append: existing
 * databases were made by the earlier entries. `inserted` breaks ties between sessions created in the same
 * millisecond, as rowid does in SQLite. The body stays TEXT (not jsonb) so it reads back byte for byte.
 */
const MIGRATIONS: readonly (string | ((db: Queryable) => Promise<void>))[] = [
  `CREATE TABLE sessions (
     session_id  TEXT PRIMARY KEY,
     code        TEXT NOT NULL UNIQUE,
     secret_hash TEXT NOT NULL UNIQUE,
     label       TEXT NOT NULL,
     scenario_id TEXT NOT NULL,
     created_at  BIGINT NOT NULL,
     inserted    BIGINT GENERATED ALWAYS AS IDENTITY
   );
   CREATE TABLE events (
     session_id  TEXT NOT NULL REFERENCES sessions(session_id),
     seq         INTEGER NOT NULL,
     command_key TEXT NULL,
     type        TEXT NOT NULL,
     body        TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   );
   CREATE INDEX events_by_command ON events (session_id, command_key);
   CREATE INDEX sessions_by_created ON sessions (created_at);`,
  // 2: the hash chain (chain.ts): every event row its hash, every session row the head of its log.
  addHashChain,
  // 3: no index of command keys: nothing reads by it while a session runs, and every append paid for it (see
  // sqlite.ts, migration 3). hasCommand reads the session's rows.
  "DROP INDEX IF EXISTS events_by_command;",
];

const ChainMigrationRowSchema = z.strictObject({ seq: z.number().int(), command_key: z.string().nullable(), body: z.string() });
const SessionIdRowSchema = z.strictObject({ session_id: z.string() });
const SessionLabelRowSchema = z.strictObject({ session_id: z.string(), label: z.string() });

/** Computes the chain over the rows of every existing session, as they are; a gap already there stays visible. */
async function addHashChain(db: Queryable): Promise<void> {
  await db.query(`ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
                  ALTER TABLE sessions ADD COLUMN head_seq INTEGER NOT NULL DEFAULT 0;
                  ALTER TABLE sessions ADD COLUMN head_hash TEXT NOT NULL DEFAULT '';`);
  const sessions = await db.query("SELECT session_id FROM sessions");
  for (const raw of sessions.rows) {
    const sessionId = SessionIdRowSchema.parse(raw).session_id;
    let head: Head = emptyHead(sessionId);
    const { rows } = await db.query("SELECT seq, command_key, body FROM events WHERE session_id = $1 ORDER BY seq", [sessionId]);
    for (const rawRow of rows) {
      const row = ChainMigrationRowSchema.parse(rawRow);
      head = { seq: row.seq, hash: chainHash(head.hash, row.seq, row.command_key, row.body) };
      await db.query("UPDATE events SET hash = $1 WHERE session_id = $2 AND seq = $3", [head.hash, sessionId, row.seq]);
    }
    await db.query("UPDATE sessions SET head_seq = $1, head_hash = $2 WHERE session_id = $3", [head.seq, head.hash, sessionId]);
  }
}

/** Any number: every process that starts takes this lock while it migrates, so two never migrate at once. */
const MIGRATION_LOCK = 73_561_202;
/** PostgreSQL's code for a unique violation: the primary key caught two writers at one seq. */
const UNIQUE_VIOLATION = "23505";

const LastSeqRowSchema = z.strictObject({ last_seq: z.number().int().nonnegative() });
const VersionRowSchema = z.strictObject({ version: z.number().int().nonnegative() });
const PgErrorSchema = z.object({ code: z.string() });

const SESSION_COLUMNS = "session_id, code, secret_hash, label, scenario_id, created_at";

type Queryable = Pick<pg.PoolClient, "query">;

export class PostgresEventStore implements EventStore {
  private closed = false;

  private readonly pool: pg.Pool;
  private readonly ledger = new DamageLedger();
  /** Per session, the append under way (see append). */
  private readonly appending = new Map<string, Promise<void>>();

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Connects, brings the database up to the latest schema, and returns the store. */
  static async open(connectionString: string, options: { maxConnections?: number } = {}): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    // An idle connection that breaks (database restarted) must not crash the process; the next query reconnects.
    pool.on("error", (error) => console.error("PostgreSQL-verbinding verbroken:", error.message));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    compileLogSchemas();
    return new PostgresEventStore(pool);
  }

  async createSession(record: SessionRecord, firstEvents: SessionEvent[]): Promise<void> {
    const events = firstEvents.map((event) => EventSchema.parse(event));
    await this.transaction(async (db) => {
      await assertUnique(db, record);
      const { rows, head } = chainRows(emptyHead(record.sessionId), null, rowsOf(events));
      await db.query(`INSERT INTO sessions (${SESSION_COLUMNS}, ${HEAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        record.sessionId, record.code, record.secretHash, record.label, record.scenarioId, record.createdAt, head.seq, head.hash,
      ]);
      await insertEvents(db, record.sessionId, null, rows);
    });
  }

  append(sessionId: string, expectedLastSeq: number, commandKey: string | null, events: SessionEvent[]): Promise<AppendResult> {
    // Validate the whole batch before the transaction: an invalid event must leave the log untouched.
    let parsed: SessionEvent[];
    try {
      parsed = events.map((event) => EventSchema.parse(event));
    } catch (error) {
      return Promise.reject(error);
    }
    // One after another per session, in call order: on the pool, a later transaction could otherwise take the row lock
    // first and find the seq it expects not yet written.
    const previous = this.appending.get(sessionId) ?? Promise.resolve();
    const next = previous.then(() => this.appendNow(sessionId, expectedLastSeq, commandKey, parsed));
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.appending.set(sessionId, settled);
    void settled.then(() => {
      if (this.appending.get(sessionId) === settled) this.appending.delete(sessionId);
    });
    return next;
  }

  private async appendNow(sessionId: string, expectedLastSeq: number, commandKey: string | null, parsed: SessionEvent[]): Promise<AppendResult> {
    try {
      return await this.transaction(async (db): Promise<AppendResult> => {
        // The row lock queues appends to one session from every process, so "read last seq, insert" cannot interleave.
        const locked = await db.query(`SELECT ${HEAD_COLUMNS} FROM sessions WHERE session_id = $1 FOR UPDATE`, [sessionId]);
        const head = toHead(sessionId, locked.rows[0]);
        if (!head) throw new Error(`Onbekende sessie: ${sessionId}.`);
        const lastSeq = await readLastSeq(db, sessionId);
        // The log must end where the last append left it; otherwise it is damaged and nothing is added to it.
        if (lastSeq !== head.seq) throw new DamagedSessionError(sessionId, `het log eindigt bij ${lastSeq}, maar er waren er ${head.seq} vastgelegd`);
        if (lastSeq !== expectedLastSeq) return { ok: false, reason: "conflict", lastSeq };
        const chained = chainRows(head, commandKey, rowsOf(parsed));
        await insertEvents(db, sessionId, commandKey, chained.rows);
        await db.query("UPDATE sessions SET head_seq = $1, head_hash = $2 WHERE session_id = $3", [chained.head.seq, chained.head.hash, sessionId]);
        return { ok: true, lastSeq: chained.head.seq };
      });
    } catch (error) {
      // Backstop: should the lock ever be bypassed, the primary key still refuses a second event at one seq.
      if (PgErrorSchema.safeParse(error).data?.code !== UNIQUE_VIOLATION) throw error;
      return { ok: false, reason: "conflict", lastSeq: await readLastSeq(this.pool, sessionId) };
    }
  }

  async load(sessionId: string): Promise<StoredEvent[]> {
    // One snapshot for the head and the rows: an append committing in between must not look like damage.
    const { session, rows } = await this.transaction(async (db): Promise<{ session: unknown; rows: unknown[] }> => {
      await db.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const found = await db.query(`SELECT ${HEAD_COLUMNS}, label FROM sessions WHERE session_id = $1`, [sessionId]);
      const events = await db.query({ text: `SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = $1 ORDER BY seq`, values: [sessionId], rowMode: "array" });
      return { session: found.rows[0], rows: events.rows };
    });
    const label = z.object({ label: z.string() }).safeParse(session).data?.label ?? null;
    try {
      const head = toHead(sessionId, session);
      return toLog(sessionId, head, rows);
    } catch (error) {
      if (error instanceof DamagedSessionError) this.ledger.session({ sessionId, label, problem: error.problem });
      throw error;
    }
  }

  /** Every session (and every log without a session) as load reads it. PostgreSQL checks its own pages. */
  async checkIntegrity(): Promise<IntegrityReport> {
    const { rows } = await this.query("SELECT session_id, label FROM sessions UNION ALL SELECT DISTINCT session_id, '' FROM events WHERE session_id NOT IN (SELECT session_id FROM sessions)", []);
    const damaged: DamagedSession[] = [];
    for (const raw of rows) {
      const { session_id: sessionId, label } = SessionLabelRowSchema.parse(raw);
      await this.load(sessionId).catch((error: unknown) => {
        if (!(error instanceof DamagedSessionError)) throw error;
        damaged.push({ sessionId, label: label || null, problem: error.problem });
      });
    }
    return this.ledger.checked({ sessionsChecked: rows.length, storage: [], damaged });
  }

  integrity(): IntegrityReport {
    return this.ledger.report();
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    const { rowCount } = await this.query("SELECT 1 FROM events WHERE session_id = $1 AND command_key = $2 LIMIT 1", [sessionId, commandKey]);
    return (rowCount ?? 0) > 0;
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    return this.oneSession("session_id", sessionId);
  }

  async findByCode(code: string): Promise<SessionRecord | null> {
    return this.oneSession("code", code);
  }

  async findBySecretHash(secretHash: string): Promise<SessionRecord | null> {
    return this.oneSession("secret_hash", secretHash);
  }

  async listSessions(): Promise<SessionRecord[]> {
    const { rows } = await this.query(`SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY created_at DESC, inserted DESC`, []);
    return rows.map((row) => toRecord(row));
  }

  async listSessionsCreatedBefore(time: number): Promise<SessionRecord[]> {
    const { rows } = await this.query(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE created_at < $1 ORDER BY created_at, inserted`, [time]);
    return rows.map((row) => toRecord(row));
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    this.ledger.forget(sessionId);
    return this.transaction(async (db) => {
      // Events first: they reference the session row.
      await db.query("DELETE FROM events WHERE session_id = $1", [sessionId]);
      const { rowCount } = await db.query("DELETE FROM sessions WHERE session_id = $1", [sessionId]);
      return (rowCount ?? 0) > 0;
    });
  }

  /** Safe to call twice, as the SQLite store's close is. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async oneSession(column: "session_id" | "code" | "secret_hash", value: string): Promise<SessionRecord | null> {
    const { rows } = await this.query(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE ${column} = $1`, [value]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  private query(sql: string, values: unknown[]): Promise<pg.QueryResult> {
    if (this.closed) throw new Error("De event store is gesloten.");
    return this.pool.query(sql, values);
  }

  /** Runs `work` on one connection between BEGIN and COMMIT; any error rolls everything back. */
  private async transaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error("De event store is gesloten.");
    return inTransaction(this.pool, work);
  }
}

async function inTransaction<T>(pool: pg.Pool, work: (db: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Brings the database up to the latest schema; every step in one transaction together with its version number. */
async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (db) => {
    await db.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await db.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL)");
    const { rows } = await db.query("SELECT COALESCE(MAX(version), 0)::int AS version FROM schema_migrations");
    const version = VersionRowSchema.parse(rows[0]).version;
    if (version > MIGRATIONS.length) {
      throw new Error(`De database heeft schemaversie ${version}, nieuwer dan deze server kent (${MIGRATIONS.length}).`);
    }
    for (const [index, step] of MIGRATIONS.slice(version).entries()) {
      if (typeof step === "string") await db.query(step);
      else await step(db);
      await db.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version + index + 1]);
    }
  });
}

/** Clear Dutch reasons instead of PostgreSQL's constraint messages; the UNIQUE constraints remain the backstop. */
async function assertUnique(db: Queryable, record: SessionRecord): Promise<void> {
  const taken = async (column: string, value: string) => ((await db.query(`SELECT 1 FROM sessions WHERE ${column} = $1`, [value])).rowCount ?? 0) > 0;
  if (await taken("session_id", record.sessionId)) throw new Error(`Sessie ${record.sessionId} bestaat al.`);
  if (await taken("code", record.code)) throw new Error(`De code ${record.code} is al in gebruik.`);
  if (await taken("secret_hash", record.secretHash)) throw new Error("Dit spelleidersgeheim is al in gebruik.");
}

async function readLastSeq(db: Queryable, sessionId: string): Promise<number> {
  const { rows } = await db.query("SELECT COALESCE(MAX(seq), 0)::int AS last_seq FROM events WHERE session_id = $1", [sessionId]);
  return LastSeqRowSchema.parse(rows[0]).last_seq;
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement, six per row here. */
const ROWS_PER_INSERT = 1_000;

type Row = { type: string; body: string };
const rowsOf = (events: readonly SessionEvent[]): Row[] => events.map((event) => ({ type: event.type, body: JSON.stringify(event) }));

/** Inserts rows already numbered and chained (chainRows). */
async function insertEvents(db: Queryable, sessionId: string, commandKey: string | null, rows: readonly (Row & { seq: number; hash: string })[]): Promise<void> {
  // One statement per batch: a command's events cost one round trip, not one per event (an import may hold thousands).
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const values: unknown[] = [];
    const tuples = rows.slice(start, start + ROWS_PER_INSERT).map((row, index) => {
      values.push(sessionId, row.seq, commandKey, row.type, row.body, row.hash);
      const p = index * 6;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
    });
    await db.query(`INSERT INTO events (session_id, seq, command_key, type, body, hash) VALUES ${tuples.join(", ")}`, values);
  }
}

