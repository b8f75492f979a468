/**
 * The writing half of SqliteEventStore, in a worker thread: every write of the store (creating a session, appending,
 * deleting) arrives here as a message and is written with its own connection. A sync (fsync of the WAL, synchronous =
 * FULL) takes from a tenth of a millisecond to tens of milliseconds depending on the disk; here it no longer stops the
 * server's event loop, and all writes that arrive while one commit syncs go into the next commit together (group
 * commit). Each write still gets its answer only after the COMMIT holding it returned, i.e. after the sync.
 *
 * No zod and nothing of the game here: the main thread has validated the events and serialised the rows.
 */
import { DatabaseSync } from "node:sqlite";
import { parentPort, workerData } from "node:worker_threads";
import { chainRows, emptyHead, type Head } from "./chain.ts";

export type WriteOp =
  | { id: number; op: "create"; record: { sessionId: string; code: string; secretHash: string; label: string; scenarioId: string; createdAt: number }; rows: Row[] }
  | { id: number; op: "append"; sessionId: string; expectedLastSeq: number; commandKey: string | null; rows: Row[] }
  | { id: number; op: "delete"; sessionId: string }
  | { id: number; op: "close" }
  /** What this thread has done so far (for bench:store): answered with a WriterUsage, outside any write. */
  | { id: number; op: "usage" };
export type Row = { type: string; body: string };
export type WriteResult = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
/** What the writer thread has done so far: its CPU time (process.threadCpuUsage(), µs) and how many commits. */
export type WriterUsage = { user: number; system: number; commits: number };
export interface WriterData {
  filePath: string;
  busyTimeoutMs: number;
}

const { filePath, busyTimeoutMs } = workerData as WriterData;
const db = new DatabaseSync(filePath, { enableForeignKeyConstraints: true, timeout: busyTimeoutMs });
db.exec("PRAGMA journal_mode = WAL");
db.exec("PRAGMA synchronous = FULL");
db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
db.exec("PRAGMA secure_delete = ON");

const SESSION_COLUMNS = "session_id, code, secret_hash, label, scenario_id, created_at";
const s = {
  insertSession: db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS}, head_seq, head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  insertEvent: db.prepare("INSERT INTO events (session_id, seq, command_key, type, body, hash) VALUES (?, ?, ?, ?, ?, ?)"),
  // The head kept in the sessions row and where the log really ends, in one step: they must agree before an append.
  headAndEnd: db.prepare("SELECT head_seq, head_hash, (SELECT COALESCE(MAX(seq), 0) FROM events WHERE session_id = ?1) AS last_seq FROM sessions WHERE session_id = ?1"),
  updateHead: db.prepare("UPDATE sessions SET head_seq = ?, head_hash = ? WHERE session_id = ?"),
  sessionExists: db.prepare("SELECT 1 FROM sessions WHERE session_id = ?"),
  sessionByCode: db.prepare("SELECT 1 FROM sessions WHERE code = ?"),
  sessionBySecretHash: db.prepare("SELECT 1 FROM sessions WHERE secret_hash = ?"),
  deleteEvents: db.prepare("DELETE FROM events WHERE session_id = ?"),
  deleteSession: db.prepare("DELETE FROM sessions WHERE session_id = ?"),
  // Prepared once: a batch runs these for every write (db.exec would compile them again each time).
  begin: db.prepare("BEGIN IMMEDIATE"),
  commit: db.prepare("COMMIT"),
  savepoint: db.prepare("SAVEPOINT one_write"),
  release: db.prepare("RELEASE one_write"),
  rollbackToSavepoint: db.prepare("ROLLBACK TO one_write"),
};

/** Inserts the rows chained onto `head` (see chain.ts); returns the new head for the sessions row. */
function insertRows(sessionId: string, head: Head, commandKey: string | null, rows: Row[]): Head {
  const chained = chainRows(head, commandKey, rows);
  for (const row of chained.rows) s.insertEvent.run(sessionId, row.seq, commandKey, row.type, row.body, row.hash);
  return chained.head;
}

/**
 * The head in the sessions row and the last seq in the events; null when there is no such session. (The main thread
 * reads them with zod on load.)
 */
function readHead(sessionId: string): { head: Head; lastSeq: number } | null {
  const row = s.headAndEnd.get(sessionId);
  if (row === undefined) return null;
  return { head: { seq: Number(row.head_seq), hash: String(row.head_hash) }, lastSeq: Number(row.last_seq) };
}

/** One write, inside the batch's transaction. Throws with a Dutch message for the caller when it cannot be done. */
function apply(op: Exclude<WriteOp, { op: "close" | "usage" }>): unknown {
  switch (op.op) {
    case "create": {
      const r = op.record;
      // Clear Dutch reasons instead of SQLite's constraint messages; the UNIQUE constraints remain the backstop.
      if (s.sessionExists.get(r.sessionId)) throw new Error(`Sessie ${r.sessionId} bestaat al.`);
      if (s.sessionByCode.get(r.code)) throw new Error(`De code ${r.code} is al in gebruik.`);
      if (s.sessionBySecretHash.get(r.secretHash)) throw new Error("Dit spelleidersgeheim is al in gebruik.");
      // The session row first (the events reference it), with the head its first events will leave.
      const start = emptyHead(r.sessionId);
      const { head } = chainRows(start, null, op.rows);
      s.insertSession.run(r.sessionId, r.code, r.secretHash, r.label, r.scenarioId, r.createdAt, head.seq, head.hash);
      insertRows(r.sessionId, start, null, op.rows);
      return null;
    }
    case "append": {
      const found = readHead(op.sessionId);
      if (!found) throw new Error(`Onbekende sessie: ${op.sessionId}.`);
      const { head, lastSeq } = found;
      // The log must end where the last append left it; otherwise it is damaged and nothing is added to it.
      if (lastSeq !== head.seq) throw new Error(`Sessie ${op.sessionId} is beschadigd: het log eindigt bij ${lastSeq}, maar er waren er ${head.seq} vastgelegd.`);
      if (lastSeq !== op.expectedLastSeq) return { ok: false, reason: "conflict", lastSeq };
      const next = insertRows(op.sessionId, head, op.commandKey, op.rows);
      s.updateHead.run(next.seq, next.hash, op.sessionId);
      return { ok: true, lastSeq: next.seq };
    }
    case "delete":
      // Events first: they reference the session row.
      s.deleteEvents.run(op.sessionId);
      return Number(s.deleteSession.run(op.sessionId).changes) > 0;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

const queue: WriteOp[] = [];
let scheduled = false;
/** How many batches were committed (bench:store divides the writes by it). */
let commits = 0;

/**
 * Everything that arrived since the last commit, in one transaction: each write in a savepoint, so one that fails
 * (unknown session, a clash) is rolled back alone and answered with its reason while the others commit.
 */
function flush(): void {
  scheduled = false;
  const batch = queue.splice(0);
  if (batch.length === 0) return;
  const results: WriteResult[] = [];
  let closing = false;
  let deleted = false;
  try {
    s.begin.run();
    for (const op of batch) {
      if (op.op === "close") {
        closing = true;
        results.push({ id: op.id, ok: true, value: null });
        continue;
      }
      if (op.op === "usage") {
        const usage: WriterUsage = { ...process.threadCpuUsage(), commits };
        results.push({ id: op.id, ok: true, value: usage });
        continue;
      }
      s.savepoint.run();
      try {
        const value = apply(op);
        if (op.op === "delete" && value === true) deleted = true;
        s.release.run();
        results.push({ id: op.id, ok: true, value });
      } catch (error) {
        s.rollbackToSavepoint.run();
        s.release.run();
        results.push({ id: op.id, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    }
    s.commit.run();
    commits++;
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    const message = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage(batch.map((op): WriteResult => ({ id: op.id, ok: false, message })));
    return;
  }
  // Deleted data must be gone from the disk, not only from queries: secure_delete zeroed the freed pages, and this
  // moves them into the main file and empties the WAL, which still holds the old versions of those pages.
  if (deleted) db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  parentPort?.postMessage(results);
  if (closing) {
    db.close();
    parentPort?.close();
  }
}

parentPort?.on("message", (ops: WriteOp[]) => {
  queue.push(...ops);
  if (!scheduled) {
    scheduled = true;
    // After this turn's messages: whatever arrived while the last commit was syncing joins this one.
    setImmediate(flush);
  }
});
