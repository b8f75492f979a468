/**
 * The vocabulary of who sees what. A view is made of parts, one per field of PlayerView (and of the Colyseus state the
 * room projects it onto). Each phase's view file (server/core/views/<phase>.ts) says, for the parts its rules make,
 * what they hold and who may see each entry: everyone, the spelleider and the beamer (`staff`), one participant (and
 * perhaps the spelleider), or the board of one tafel. Which viewer that reaches is decided here, in `sees`, and nowhere
 * else: playerView (server/core/view.ts) picks a viewer's entries with it, and the room's projection
 * (server/rooms/projection.ts) grants entries to connections with it.
 */
import type {
  BoardEis,
  CardView,
  CaseView,
  ClusterView,
  CountsView,
  EisView,
  ItemView,
  KaderView,
  MineView,
  PersonView,
  PublicScenario,
  SeatView,
  SessionView,
  SpanningView,
  SuggestionView,
  SupportView,
  TableView,
  TerugkomView,
} from "#shared/protocol/views.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { tableOf, type SessionState } from "../state.ts";

export type Viewer = { kind: "participant"; participantId: string } | { kind: "spelleider" } | { kind: "beamer" };

/** Who is connected right now: presence is not part of the log, the room passes it in. */
export type Online = ReadonlySet<string>;
export const nobodyOnline: Online = new Set();

/** Everything a viewer may see: the shared board, plus own or (for the spelleider) everyone's person entries. */
export interface PlayerView {
  session: SessionView;
  scenario: PublicScenario;
  seats: SeatView[];
  cards: CardView[];
  clusters: ClusterView[];
  eisen: EisView[];
  items: ItemView[];
  spanningen: SpanningView[];
  suggestions: SuggestionView[];
  support: SupportView[];
  cases: CaseView[];
  tables: TableView[];
  kader: KaderView | null;
  terugkom: TerugkomView | null;
  /** Self for a participant, everyone for the spelleider, nobody for the beamer. */
  people: PersonView[];
  mine: MineView | null;
  drafts: EisView[];
  /** Arrivals per function and eisen written per role: for the beamer and the spelleider, null for a participant. */
  counts: CountsView | null;
}

/** Who may see one entry. */
export type SeenBy =
  | { kind: "everyone" }
  /** The spelleider and the beamer. */
  | { kind: "staff" }
  /** One participant; and the spelleider too when `spelleider`. */
  | { kind: "own"; participantId: string; spelleider: boolean }
  /** The board of a tafel (null: the whole group's): the spelleider, the beamer and every participant whose tafel scope holds it. */
  | { kind: "tafel"; tableId: string | null };

export const EVERYONE: SeenBy = { kind: "everyone" };
export const STAFF: SeenBy = { kind: "staff" };

/** A viewer with what decides which entries they see: for a participant, the tafel scope of the board. */
export type Standing = { kind: "spelleider" } | { kind: "beamer" } | { kind: "participant"; participantId: string; scope: string | "all" };

/**
 * Which tafel's work a participant sees: in the tafel phases (a rolwissel-ronde and samenvoegen) only their own
 * tafel's eisen and items, so each tafel works as its own group; in every other phase the whole group's.
 */
export function tableScopeFor(state: SessionState, participantId: string): string | "all" {
  const tableId = tableOf(state, participantId);
  const kind = state.phases[state.phaseIndex]?.kind;
  return tableId !== null && (kind === "rolwissel" || kind === "samenvoegen") ? tableId : "all";
}

export const visibleIn = (scope: string | "all", tableId: string | null): boolean => scope === "all" || tableId === null || tableId === scope;

export function standingOf(state: SessionState, viewer: Viewer): Standing {
  return viewer.kind === "participant" ? { kind: "participant", participantId: viewer.participantId, scope: tableScopeFor(state, viewer.participantId) } : viewer;
}

/** What a standing is made of (see Area): the participants' tafels and the phase. */
export const STANDING_READS: readonly Area[] = ["participants", "tafels", "pacing"];

export const sameStanding = (a: Standing, b: Standing): boolean =>
  a.kind === "participant" ? b.kind === "participant" && a.participantId === b.participantId && a.scope === b.scope : a.kind === b.kind;

/** The one rule of visibility: may a viewer in this standing see an entry seen by `seenBy`? */
export function sees(standing: Standing, seenBy: SeenBy): boolean {
  switch (seenBy.kind) {
    case "everyone":
      return true;
    case "staff":
      return standing.kind !== "participant";
    case "own":
      return standing.kind === "participant" ? standing.participantId === seenBy.participantId : standing.kind === "spelleider" && seenBy.spelleider;
    case "tafel":
      return standing.kind !== "participant" || visibleIn(standing.scope, seenBy.tableId);
    default: {
      const unreachable: never = seenBy;
      return unreachable;
    }
  }
}

/** Whether every viewer, in any standing, sees an entry seen by `seenBy` (the room then sends it once for all). */
export const seenByAll = (seenBy: SeenBy): boolean => seenBy.kind === "everyone" || (seenBy.kind === "tafel" && seenBy.tableId === null);

export const sameSeenBy = (a: SeenBy, b: SeenBy): boolean => {
  switch (a.kind) {
    case "everyone":
    case "staff":
      return a.kind === b.kind;
    case "own":
      return b.kind === "own" && a.participantId === b.participantId && a.spelleider === b.spelleider;
    case "tafel":
      return b.kind === "tafel" && a.tableId === b.tableId;
    default: {
      const unreachable: never = a;
      return unreachable;
    }
  }
};

/**
 * The areas of the state, by what changes them: each event changes one (the rules in server/core fold it, see
 * evolve.ts), and who is online changes `presence`. A part may say which areas it is made from (`reads`): the
 * projection then takes it again only after a generation that changed one of them. A part without `reads` is taken
 * after every generation. tests/integration/projection.test.ts checks, for random sessions, that this is enough.
 */
export type Area = "participants" | "ready" | "tafels" | "pacing" | "cards" | "roles" | "eisen" | "reveal" | "board" | "ballots" | "cases" | "toets" | "terugkom" | "presence";

export const AREA_OF: { readonly [T in SessionEvent["type"]]: Area } = {
  SessionCreated: "pacing",
  ParticipantJoined: "participants",
  ParticipantRemoved: "participants",
  ReadinessChanged: "ready",
  SessionLockChanged: "pacing",
  TablesAssigned: "tafels",
  ParticipantMoved: "tafels",
  PhaseStarted: "pacing",
  TimerSet: "pacing",
  TimerExpired: "pacing",
  SessionPaused: "pacing",
  SessionResumed: "pacing",
  CardPosted: "cards",
  CardRemoved: "cards",
  ClusterCreated: "cards",
  ClusterRenamed: "cards",
  CardClustered: "cards",
  RolesAssigned: "roles",
  EisWritten: "eisen",
  EisEdited: "eisen",
  EisDeleted: "eisen",
  EisenRevealed: "reveal",
  PveItemCreated: "board",
  PveItemEdited: "board",
  PveMergeUndone: "board",
  PveItemSplit: "board",
  SpanningMarked: "board",
  SpanningRemoved: "board",
  PointsAllocated: "ballots",
  MoscowChosen: "ballots",
  // The reveal, not a ballot: the session view and the support read it; a vote itself changes neither.
  VotesRevealed: "reveal",
  CaseAdded: "cases",
  CaseProposed: "cases",
  CaseAdmitted: "cases",
  CaseDeclined: "cases",
  CaseVoteCast: "cases",
  CaseChosen: "cases",
  CaseOpened: "cases",
  ToetsNoteAdded: "toets",
  ToetsStepAdvanced: "toets",
  ToetsStepReturned: "toets",
  VerdictGiven: "toets",
  CaseDecided: "toets",
  TerugkomOpened: "terugkom",
  TerugkomStageSet: "terugkom",
  ReflectionGiven: "terugkom",
  KaderItemAmended: "terugkom",
  KaderItemAdded: "terugkom",
  KaderItemRetired: "terugkom",
  KaderItemRestored: "terugkom",
  KaderSteunGiven: "terugkom",
};

/**
 * Which entries of the keyed parts an event can change: the parts with one entry per participant (people, mine) and
 * per eis (eisen, drafts). `null`: any of them. Most commands of a busy session are one participant's about one thing
 * (an eis written or edited, points moved, ready): the projection then takes those parts again for those keys alone
 * instead of for every participant and every eis of the session. tests/integration/projection.test.ts checks, for
 * random sessions, that this is enough.
 */
export interface EventScope {
  /** Whose person entry and own screen. */
  participants: readonly string[] | null;
  /** Which eisen. */
  eisen: readonly string[] | null;
  /** Which PvE items. */
  items: readonly string[] | null;
}

/** The key a keyed part's entries are found by: a participant's id or an eis's id. */
export type KeyKind = keyof EventScope;

const NONE: readonly string[] = [];
const scope = (participants: readonly string[] | null, eisen: readonly string[] | null, items: readonly string[] = NONE): EventScope => ({ participants, eisen, items });
const ANY: EventScope = { participants: null, eisen: null, items: null };

/** Who has points on any of `itemIds`: merging an item away gives its points back (their own screens show what is left). */
function votersOn(state: SessionState, itemIds: readonly string[]): string[] {
  if (itemIds.length === 0) return [];
  const voters: string[] = [];
  for (const [participantId, ballot] of state.ballots) if (itemIds.some((id) => ballot.points.has(id))) voters.push(participantId);
  return voters;
}


/** The scope of an event, given the state it was folded into. */
export function scopeOf(event: SessionEvent, state: SessionState): EventScope {
  switch (event.type) {
    case "ReadinessChanged":
    case "PointsAllocated":
    case "MoscowChosen":
    case "CaseVoteCast":
    case "ReflectionGiven":
    case "KaderSteunGiven":
      return scope([event.participantId], NONE);
    case "CardPosted":
    case "CaseProposed":
      return scope([event.authorId], NONE);
    // The author's count of eisen changes, and the eis itself; no other eis, whoever may see it.
    case "EisWritten":
      return scope([event.authorId], [event.eisId]);
    // Its text and category are on no one's person entry or own screen.
    case "EisEdited":
      return scope(NONE, [event.eisId]);
    // The new item and the items it swallowed; points on a swallowed item come back. No eis: an eis's entry does not
    // say which item it is in (the items' eisIds do, see BoardEis).
    case "PveItemCreated":
      return scope(votersOn(state, event.absorbedItemIds), NONE, [event.itemId, ...event.absorbedItemIds]);
    case "PveItemEdited":
      return scope(NONE, NONE, [event.itemId]);
    // Both items live on, so no points come back; the eisen that moved say nothing of it themselves.
    case "PveItemSplit":
      return scope(NONE, NONE, [event.itemId, event.newItemId]);
    // Spanningen are a part of their own; no item, eis or person shows them.
    case "SpanningMarked":
    case "SpanningRemoved":
      return scope(NONE, NONE);
    case "SessionCreated":
    case "ParticipantJoined":
    case "ParticipantRemoved":
    case "SessionLockChanged":
    case "TablesAssigned":
    case "ParticipantMoved":
    case "PhaseStarted":
    case "TimerSet":
    case "TimerExpired":
    case "SessionPaused":
    case "SessionResumed":
    case "CardRemoved":
    case "ClusterCreated":
    case "ClusterRenamed":
    case "CardClustered":
    case "RolesAssigned":
    case "EisDeleted":
    case "EisenRevealed":
    case "PveMergeUndone":
    case "VotesRevealed":
    case "CaseAdded":
    case "CaseAdmitted":
    case "CaseDeclined":
    case "CaseChosen":
    case "CaseOpened":
    case "ToetsNoteAdded":
    case "ToetsStepAdvanced":
    case "ToetsStepReturned":
    case "VerdictGiven":
    case "CaseDecided":
    case "TerugkomOpened":
    case "TerugkomStageSet":
    case "KaderItemAmended":
    case "KaderItemAdded":
    case "KaderItemRetired":
    case "KaderItemRestored":
      return ANY;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** The parts of PlayerView made of entries, with the type of one entry (mine and counts: at most one per viewer). */
export interface Listed {
  seats: SeatView;
  cards: CardView;
  clusters: ClusterView;
  eisen: BoardEis;
  items: ItemView;
  spanningen: SpanningView;
  support: SupportView;
  cases: CaseView;
  tables: TableView;
  people: PersonView;
  mine: MineView;
  drafts: BoardEis;
  counts: CountsView;
}
export type ListName = keyof Listed;

export interface Entry<N extends ListName> {
  key: string;
  value: Listed[N];
  seenBy: SeenBy;
}

/** A part made of entries, each with its key (unique within the part) and who may see it. */
export interface ListPart<N extends ListName> {
  kind: "list";
  name: N;
  /** The areas of the state it is made from; without: all of them. */
  reads?: readonly Area[];
  entries(state: SessionState, online: Online): Entry<N>[];
  /**
   * For a part with one entry per participant or per eis, keyed by its id: the entry of one key alone (null: none),
   * the same as that key's among `entries`. Lets the projection take only the keys a generation's events can change
   * (see scopeOf).
   */
  keyed?: { by: KeyKind; entry(state: SessionState, online: Online, key: string): Entry<N> | null };
}

/** A part that is one value everyone sees. */
export type FieldName = "session" | "scenario" | "kader" | "terugkom";
export interface FieldPart<N extends FieldName> {
  kind: "field";
  name: N;
  reads?: readonly Area[];
  value(state: SessionState, online: Online): PlayerView[N];
}

/**
 * What a derived part is computed from, taken from the state at one seq: a snapshot (it does not change when the state
 * does), cheap to take and to compare; computing the value from it may be expensive.
 */
export interface DerivedInput {
  /** Computing this is cheap (e.g. nothing to compare): it need not wait. */
  readonly cheap: boolean;
  same(other: DerivedInput): boolean;
  compute(): SuggestionView[];
}

/**
 * A part everyone sees that is a pure function of the state but expensive to compute (duplicate suggestions). The
 * projection may compute it after the command is answered, from the input taken at a later seq than that command's
 * (never from a state with events that are not stored and projected); a replay of the log up to that seq computes the
 * same value.
 */
export interface DerivedPart {
  kind: "derived";
  name: "suggestions";
  reads?: readonly Area[];
  input(state: SessionState): DerivedInput;
  /** Whether the state gives nothing to compute (the value is empty): then the input is taken and computed at once. */
  idle(state: SessionState): boolean;
  /**
   * Work an event allows ahead of the computations it will be part of, which only makes them cheaper, never
   * different (the text of an eis written in the rolwissel, prepared long before the board opens); null: none.
   */
  prepare(event: SessionEvent): (() => void) | null;
}

export type Part = { [N in ListName]: ListPart<N> }[ListName] | { [N in FieldName]: FieldPart<N> }[FieldName] | DerivedPart;

/** Entries of a part everyone sees. */
export const forEveryone = <N extends ListName>(values: readonly Listed[N][], key: (value: Listed[N]) => string): Entry<N>[] =>
  values.map((value) => ({ key: key(value), value, seenBy: EVERYONE }));

/**
 * Whether two view values are the same data (JSON-like: plain objects, arrays, strings, numbers, booleans, null).
 * May say "different" for values whose JSON is the same (an undefined field), never the other way round.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Our own view values: plain objects made by the parts above.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !sameValue(x[k], y[k])) return false;
    keys++;
  }
  for (const _ in y) keys--;
  return keys === 0;
}
