/**
 * Older event shapes, brought up to the current one (EVENT_VERSION) step by step before zod sees them, so a session
 * stored by an older server keeps loading and replays the same. Like the scenario's schemaVersion migration
 * (server/scenarios/migrate.ts), but for the log: the stored text is never rewritten (the hash chain covers it as it
 * was written), every read upcasts again. Pure, no I/O.
 *
 * How to change an event's shape: raise EVENT_VERSION, change its schema in events.ts (with `v` the new version),
 * and append one step to UPCASTERS that turns any event of the previous version into the new one. Steps never change
 * afterwards: old logs were written in their shapes.
 *
 * Version 0 (the shape before `v: 1`): ParticipantJoined named the display name `name` instead of `displayName`.
 * Every other event was as in version 1.
 */
import { EVENT_VERSION, EventSchema, type SessionEvent } from "./events.ts";

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** UPCASTERS[n] turns an event of version n into version n + 1 (and says so in its `v`). */
const UPCASTERS: readonly ((event: Json) => Json)[] = [
  // 0 -> 1
  (event) => {
    if (event.type !== "ParticipantJoined" || !("name" in event)) return { ...event, v: 1 };
    const { name, ...rest } = event;
    return { ...rest, displayName: name, v: 1 };
  },
];

if (UPCASTERS.length !== EVENT_VERSION) throw new Error(`UPCASTERS heeft ${UPCASTERS.length} stappen, maar EVENT_VERSION is ${EVENT_VERSION}.`);

/**
 * A stored event brought to the current version. Anything that is not an older version is passed on unchanged for
 * zod to judge; a version newer than this server knows is refused in Dutch.
 */
export function upcastEvent(stored: unknown): unknown {
  if (!isRecord(stored)) return stored;
  const version = stored.v;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) return stored;
  if (version > EVENT_VERSION) {
    throw new Error(`de gebeurtenis heeft versie ${version}, nieuwer dan deze server kent (${EVENT_VERSION}); werk Maatwerkspel bij`);
  }
  let event = stored;
  for (let v = version; v < EVENT_VERSION; v++) {
    const step = UPCASTERS[v];
    if (step) event = step(event);
  }
  return event;
}

/**
 * For a zod schema that reads events written elsewhere (an exported session file): upcast what can be upcast, and
 * leave a version this server does not know to the schema, which refuses it.
 */
export function upcastOrKeep(json: unknown): unknown {
  try {
    return upcastEvent(json);
  } catch {
    return json;
  }
}

/**
 * A stored event's JSON, upcast and parsed: the one way events come back out of a store. `schema`: EventSchema or a
 * compiled copy of it (z.compile, which the server's stores use: it parses exactly as EventSchema does).
 */
export function parseStoredEvent(json: unknown, schema: typeof EventSchema = EventSchema): SessionEvent {
  return schema.parse(upcastEvent(json));
}
