/**
 * The Colyseus state: a projection of the folded event log. Each entity travels as one JSON string that clients
 * parse with the zod schemas in protocol/views.ts; Colyseus still sends only the entities that changed, and
 * StateView keeps people, briefings and drafts with those allowed to see them.
 */
import { Encoder, schema, t, type SchemaType } from "@colyseus/schema";

/**
 * A full session (scenario, cases, dozens of eisen and items) encodes to 50-150 KB; the default 16 KB buffer would
 * have to grow during a full encode, and growing while encoding per-client views lost fields in our tests.
 */
Encoder.BUFFER_SIZE = 512 * 1024;

export const Entity = schema({ json: t.string() }, "Entity");
export type Entity = SchemaType<typeof Entity>;

export const SessionRoomState = schema(
  {
    /** The seq of the last event applied: a client whose state shows seq n has seen everything up to n. */
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
  },
  "SessionRoomState",
);
export type SessionRoomState = SchemaType<typeof SessionRoomState>;
