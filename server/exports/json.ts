/**
 * The full session as JSON: every stored event with its seq and commandKey, enough to import the session on another
 * server (`npm run session:import`) and replay it there. The scenario is also in the first event; it is repeated at
 * the top so a person opening the file sees at once what was played.
 *
 * Unlike the other exports this file holds participants' display names (in ParticipantJoined): a replay needs them.
 */
import { z } from "zod";
import { EventSchema, StoredEventSchema, type StoredEvent } from "#shared/protocol/events.ts";
import { ScenarioSchema } from "#shared/protocol/scenario.ts";
import { upcastOrKeep } from "#shared/protocol/upcast.ts";

export const SESSION_EXPORT_FORMAT = "maatwerkspel-sessie";
export const SESSION_EXPORT_VERSION = 1;

export const SessionExportSchema = z.strictObject({
  format: z.literal(SESSION_EXPORT_FORMAT),
  version: z.literal(SESSION_EXPORT_VERSION),
  /** When the file was made (ISO 8601). */
  exportedAt: z.iso.datetime(),
  session: z.strictObject({ sessionId: z.string(), code: z.string(), label: z.string() }),
  scenario: ScenarioSchema,
  /** Events as they are read back: a file written by an older server may hold older event versions (upcast.ts). */
  events: z.array(StoredEventSchema.extend({ event: z.preprocess(upcastOrKeep, EventSchema) })).min(1),
});
export type SessionExport = z.infer<typeof SessionExportSchema>;

/** The export object of a stored log. Throws when the log does not start with SessionCreated. */
export function sessionExport(stored: readonly StoredEvent[], now: number): SessionExport {
  const first = stored[0]?.event;
  if (!first || first.type !== "SessionCreated") throw new Error("Een sessielog begint altijd met SessionCreated.");
  return {
    format: SESSION_EXPORT_FORMAT,
    version: SESSION_EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    session: { sessionId: first.sessionId, code: first.code, label: first.label },
    scenario: first.scenario,
    events: [...stored],
  };
}

/** Indented, so the file can be read and diffed by people too. */
export const sessionExportJson = (stored: readonly StoredEvent[], now: number): string => `${JSON.stringify(sessionExport(stored, now), null, 2)}\n`;
