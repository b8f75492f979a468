/**
 * Rows as both stores read them back (SQLite and PostgreSQL use the same column names): checked at the boundary (zod;
 * an event row by hand, see isEventRow), then turned into a SessionRecord or a StoredEvent. A log is only handed out
 * whole: its hash chain and its head are checked first (chain.ts), then every event is upcast to the current version
 * and parsed with the (compiled) event schema (upcast.ts).
 */
import { z } from "zod";
import { EventSchema, type StoredEvent } from "#shared/protocol/events.ts";
import { parseStoredEvent } from "#shared/protocol/upcast.ts";
import { chainProblem, type ChainedRow, type Head } from "./chain.ts";
import { DamagedSessionError, messageOf } from "./integrity.ts";
import type { SessionRecord } from "./types.ts";

/** Milliseconds since 1970: a number from SQLite; pg returns BIGINT as a string (it may not fit a JS number; ours do). */
const MillisSchema = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);

const SessionRowSchema = z.strictObject({
  session_id: z.string(),
  code: z.string(),
  secret_hash: z.string(),
  label: z.string(),
  scenario_id: z.string(),
  created_at: MillisSchema,
});

/**
 * An event row as load reads it: the four EVENT_COLUMNS as an array, in their order (each store asks its driver for
 * arrays: SQLite's setReturnArrays, pg's rowMode "array"); seq a positive integer, the command key text or null, body
 * and hash text. Checked by hand (isEventRow), not with a zod schema: the check runs once per row, ten thousand times
 * on a big session's re-open, and is a few typeof tests (a zod schema, even compiled, cost about 8 ms of a cold load,
 * and SQLite's row objects, without a prototype and in dictionary mode, are slow to read).
 */
type EventRow = [seq: number, commandKey: string | null, body: string, hash: string];
const EVENT_ROW_LENGTH = 4;

function isEventRow(raw: unknown): raw is EventRow {
  if (!Array.isArray(raw) || raw.length !== EVENT_ROW_LENGTH) return false;
  const [seq, commandKey, body, hash]: unknown[] = raw;
  return typeof seq === "number" && Number.isInteger(seq) && seq > 0 && (commandKey === null || typeof commandKey === "string") && typeof body === "string" && typeof hash === "string";
}

/**
 * The schemas a load runs ten thousand times, compiled (z.compile): one generated parser for the whole event union
 * instead of zod's per-shape fast paths, each built the first time its shape is met and run cold. A compiled schema
 * parses exactly as its source (what it refuses goes through zod's own parser, so the ZodError and its path are the
 * same). Compiled once per process, when a store opens (compileLogSchemas, about 30 ms), or else on the first load:
 * a cold re-open of 10,000 events then parses them in well under half the time (docs/performance.md, bench:replay).
 * On the server only: a browser's CSP forbids the `new Function` it uses.
 */
let compiledEventSchema: typeof EventSchema | undefined;
const compiledEvents = () => (compiledEventSchema ??= z.compile(EventSchema));

/** Compiles what a load parses, once per process: the stores call it when they open, before any room loads a log. */
export function compileLogSchemas(): void {
  compiledEvents();
}

/** Not strict: a query may read the head together with other columns of the sessions row. */
const HeadRowSchema = z.object({ head_seq: z.number().int().nonnegative(), head_hash: z.string() });

/** The columns load reads, in the order of EventRow (each row an array of them). */
export const EVENT_COLUMNS = "seq, command_key, body, hash";
/** The columns of the head in the sessions row. */
export const HEAD_COLUMNS = "head_seq, head_hash";

export function toRecord(row: unknown): SessionRecord {
  const r = SessionRowSchema.parse(row);
  return { sessionId: r.session_id, code: r.code, secretHash: r.secret_hash, label: r.label, scenarioId: r.scenario_id, createdAt: r.created_at };
}

/** The head in a sessions row; undefined (no row) gives null. */
export function toHead(sessionId: string, row: unknown): Head | null {
  if (row === undefined) return null;
  const parsed = HeadRowSchema.safeParse(row);
  if (!parsed.success) throw new DamagedSessionError(sessionId, "de kop van het log in de sessiegegevens is onleesbaar");
  return { seq: parsed.data.head_seq, hash: parsed.data.head_hash };
}

/**
 * A session's log from its rows (ordered by seq) and its head: refused whole, with a DamagedSessionError that says
 * where, when a row is unreadable, the chain is broken, the log ends elsewhere than its head, or an event does not
 * parse. No sessions row and no events: an empty log (an unknown session).
 */
export function toLog(sessionId: string, head: Head | null, rawRows: readonly unknown[]): StoredEvent[] {
  const rows: ChainedRow[] = rawRows.map((raw, index) => {
    if (!isEventRow(raw)) throw new DamagedSessionError(sessionId, `rij ${index + 1} van het log is onleesbaar`);
    const [seq, commandKey, body, hash] = raw;
    return { seq, commandKey, body, hash };
  });
  const eventSchema = compiledEvents();
  const problem = chainProblem(sessionId, rows, head);
  if (problem) throw new DamagedSessionError(sessionId, problem);
  return rows.map((row) => {
    try {
      return { seq: row.seq, commandKey: row.commandKey, event: parseStoredEvent(JSON.parse(row.body), eventSchema) };
    } catch (error) {
      throw new DamagedSessionError(sessionId, `gebeurtenis ${row.seq} is onleesbaar: ${whyUnreadable(error)}`, { cause: error });
    }
  });
}

/** Why a body did not parse, in Dutch: not JSON, not a valid event (and where), or the upcaster's own reason. */
function whyUnreadable(error: unknown): string {
  if (error instanceof SyntaxError) return "geen geldige JSON";
  if (error instanceof z.ZodError) {
    const where = error.issues[0]?.path.join(".");
    return where ? `geen geldige gebeurtenis (bij "${where}")` : "geen geldige gebeurtenis";
  }
  return messageOf(error);
}
