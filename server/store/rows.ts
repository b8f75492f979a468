/**
 * Rows as both stores read them back (SQLite and PostgreSQL use the same column names): parsed with zod at the
 * boundary, then turned into a SessionRecord or a StoredEvent.
 */
import { z } from "zod";
import { EventSchema, type StoredEvent } from "../protocol/events.ts";
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

const EventRowSchema = z.strictObject({
  seq: z.number().int().positive(),
  command_key: z.string().nullable(),
  body: z.string(),
});

export function toRecord(row: unknown): SessionRecord {
  const r = SessionRowSchema.parse(row);
  return { sessionId: r.session_id, code: r.code, secretHash: r.secret_hash, label: r.label, scenarioId: r.scenario_id, createdAt: r.created_at };
}

/** A row whose body is not valid JSON or not a valid event is a corrupt log: say exactly where, then stop. */
export function toStoredEvent(sessionId: string, raw: unknown): StoredEvent {
  const row = EventRowSchema.parse(raw);
  try {
    return { seq: row.seq, commandKey: row.command_key, event: EventSchema.parse(JSON.parse(row.body)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Gebeurtenis ${row.seq} van sessie ${sessionId} is onleesbaar: ${reason}`, { cause: error });
  }
}
