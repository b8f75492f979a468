/**
 * The Colyseus state: a projection of the folded event log. Each entity travels as one JSON string that clients
 * parse with the zod schemas in protocol/views.ts; Colyseus still sends only the entities that changed, and
 * StateView keeps people, briefings and drafts with those allowed to see them.
 */
import { Encoder, schema, t, type SchemaType } from "@colyseus/schema";

/**
 * Encoder buffers start at the library's default size (16 KiB) and every room sizes them, before each patch and each
 * full-state encode, to what that encode can take (rooms/encoding.ts, `fitEncodeBuffers`): a full session encodes to
 * 50 KB (a round of eisen) up to 1.5 MB (60 participants, both days), and a reveal of 1,800 eisen grants ~600 KB to
 * every connection in one patch. tests/integration/bigSession.test.ts and bigReveal.test.ts compare what every viewer
 * decoded with the rules.
 */
Encoder.BUFFER_SIZE = 16 * 1024;

export const Entity = schema({ json: t.string() }, "Entity");
export type Entity = SchemaType<typeof Entity>;

export const SessionRoomState = schema(
  {
    /**
     * The seq of the last event applied: a client whose state shows seq n has seen everything it may see up to n. A
     * connection a command did not concern gets the new seq with its next patch, within five seconds (rooms/patching.ts).
     */
    seq: t.number(),
    /** SessionView: phase, timer, pause, lock, counts. */
    session: t.string(),
    /** PublicScenario: set once. */
    scenario: t.string(),
    seats: t.map(Entity),
    cards: t.map(Entity),
    clusters: t.map(Entity),
    /**
     * Revealed eisen and PvE items of a tafel: granted, so during the tafel phases a participant gets only their own
     * tafel's. Those of the whole group (a session without tafels, the plenair's items) travel in `groupEisen` and
     * `groupItems`: everyone sees them, so each change is encoded once for all connections instead of once for each.
     * A client reads both maps of a kind as one list.
     */
    eisen: t.map(Entity).view(),
    items: t.map(Entity).view(),
    groupEisen: t.map(Entity),
    groupItems: t.map(Entity),
    /** TableView per tafel: progress side by side (counts only). */
    tables: t.map(Entity),
    spanningen: t.map(Entity),
    support: t.map(Entity),
    cases: t.map(Entity),
    /**
     * SuggestionView[] in samenvoegen and plenair. Computed after the commands are answered (rooms/projection.ts), so
     * it may be of an earlier position than `seq`: it is exactly core's list for the state at `suggestionsSeq`.
     */
    suggestions: t.string(),
    /** The log position `suggestions` was computed for. */
    suggestionsSeq: t.number(),
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
