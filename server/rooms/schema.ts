/**
 * The Colyseus state: a projection of the folded event log. Each entity travels as one JSON string that clients
 * parse with the zod schemas in protocol/views.ts; Colyseus still sends only the entities that changed, and
 * StateView keeps people, briefings and drafts with those allowed to see them.
 */
import { Encoder, schema, t, type SchemaType } from "@colyseus/schema";

/**
 * Encoder buffers: the library's default size, and a full-encode buffer per room that grows with its state.
 *
 * A full session encodes to 50 KB (a round of eisen) up to 1.5 MB (60 participants, both days). When the state does not
 * fit the buffer a full encode writes into, @colyseus/schema 5.0 grows the buffer and encodes again, but Colyseus'
 * SchemaSerializer keeps using its old `fullEncodeBuffer` for the private part of each joining connection: the shared
 * part that connection receives is then cut off at the old size (entities arrive empty). That is what a fixed 512 KiB
 * `Encoder.BUFFER_SIZE` used to hide for sessions below 512 KB, at 1 MiB of memory per room (two buffers) whether the
 * session needs it or not. Instead, every projection makes sure the room's full-encode buffer can hold the whole state
 * (`fitFullEncodeBuffer`), so that path is never taken; patches grow their own buffer correctly.
 * tests/integration/bigSession.test.ts joins a 1.5 MB session from the log and compares what every viewer decoded.
 */
Encoder.BUFFER_SIZE = 16 * 1024;

/** The field of Colyseus' SchemaSerializer (Room#_serializer) that holds its full-encode buffer. */
const FULL_ENCODE_BUFFER = "fullEncodeBuffer";

/**
 * Grows the room's full-encode buffer (never shrinks it) to hold `bytes`, with room to spare, keeping its first byte
 * (the protocol code the serializer put there). `room` is the Colyseus room; its serializer is private, so this
 * checks what it finds and does nothing if Colyseus changed.
 */
export function fitFullEncodeBuffer(room: object, bytes: number): void {
  const serializer: unknown = (room as { _serializer?: unknown })._serializer;
  if (typeof serializer !== "object" || serializer === null || !(FULL_ENCODE_BUFFER in serializer)) return;
  const current: unknown = (serializer as Record<string, unknown>)[FULL_ENCODE_BUFFER];
  if (!(current instanceof Uint8Array) || current.byteLength >= bytes) return;
  const size = Math.ceil((bytes * 1.25) / Encoder.BUFFER_SIZE) * Encoder.BUFFER_SIZE;
  const grown = new Uint8Array(size);
  grown[0] = current[0] ?? 0;
  (serializer as Record<string, unknown>)[FULL_ENCODE_BUFFER] = grown;
}

export const Entity = schema({ json: t.string() }, "Entity");
export type Entity = SchemaType<typeof Entity>;

export const SessionRoomState = schema(
  {
    /**
     * The seq of the last event applied: a client whose state shows seq n has seen everything it may see up to n. A
     * connection a command did not concern gets the new seq with its next patch, within a second (SessionRoom).
     */
    seq: t.number(),
    /** SessionView: phase, timer, pause, lock, counts. */
    session: t.string(),
    /** PublicScenario: set once. */
    scenario: t.string(),
    seats: t.map(Entity),
    cards: t.map(Entity),
    clusters: t.map(Entity),
    /** Revealed eisen and PvE items: with tafels, during the tafel phases a participant gets only their own tafel's. */
    eisen: t.map(Entity).view(),
    items: t.map(Entity).view(),
    /** TableView per tafel: progress side by side (counts only). */
    tables: t.map(Entity),
    spanningen: t.map(Entity),
    support: t.map(Entity),
    cases: t.map(Entity),
    /** SuggestionView[] during samenvoegen. */
    suggestions: t.string(),
    /** KaderView in the resultaat phase, else "null". */
    kader: t.string(),
    /**
     * TerugkomView without its v2 items once the terugkombijeenkomst is open, else "null"; the items travel one entity
     * each in `terugkomItems`, so one reflection patches one item instead of the whole kader.
     */
    terugkom: t.string(),
    terugkomItems: t.map(Entity),
    /** Where the spelleider is in the terugblik (a log position), so the beamer can follow; 0 = not replaying. Not logged. */
    replaySeq: t.number(),
    /** PersonView per participant: the spelleider sees all, a participant their own. */
    people: t.map(Entity).view(),
    /** MineView per participant: only their own (briefing, ballot, cards). */
    mine: t.map(Entity).view(),
    /** Unrevealed eisen: only their author. */
    drafts: t.map(Entity).view(),
    /** CountsView under the one key "counts": only the beamer and the spelleider (arrivals per function, eisen per role). */
    counts: t.map(Entity).view(),
    /** BeamerPage as JSON ("null": turn pages by itself): the spelleider's choice of page on the beamer. Not logged. */
    beamerPage: t.string(),
  },
  "SessionRoomState",
);
export type SessionRoomState = SchemaType<typeof SessionRoomState>;
