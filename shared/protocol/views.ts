/**
 * The shapes clients receive. The room projects each entity onto Colyseus schema as a JSON string; clients parse
 * it with these schemas, so a client never trusts the wire blindly and the types live in one place.
 */
import { z } from "zod";
import { COST_LEVELS, GameRoleSchema, MOSCOW, PHASE_KINDS, RealRoleSchema, TERUGKOM_STAGES, TOEGEPAST, VERDICTS } from "./ids.ts";
import { KaderV1ItemSchema } from "./events.ts";
import { BriefingSchema, CategorySchema, PromptSchema, RoundSchema, ToetsStepSchema, VotingSchema } from "./scenario.ts";

export const PhaseViewSchema = z.object({
  index: z.number(),
  kind: z.enum(PHASE_KINDS),
  roundId: z.string().nullable(),
  caseIds: z.array(z.string()),
  minutes: z.number().nullable(),
});
export type PhaseView = z.infer<typeof PhaseViewSchema>;

/** Session-wide facts that change with pacing. */
export const SessionViewSchema = z.object({
  sessionId: z.string(),
  code: z.string(),
  label: z.string(),
  phase: PhaseViewSchema,
  phases: z.array(PhaseViewSchema),
  deadline: z.number().nullable(),
  pausedRemainingMs: z.number().nullable(),
  paused: z.boolean(),
  timerExpired: z.boolean(),
  locked: z.boolean(),
  participantCount: z.number(),
  onlineCount: z.number(),
  rounds: z.array(z.object({ id: z.string(), revealed: z.boolean(), assigned: z.boolean() })),
  votesRevealed: z.boolean(),
  currentCaseId: z.string().nullable(),
  /** The tafels in order; empty when the group plays as one. */
  tables: z.array(z.object({ tableId: z.string(), name: z.string() })),
  /** Casustoets per tafel: which case each tafel is walking. */
  caseByTable: z.array(z.object({ tableId: z.string(), caseId: z.string() })),
  /** Null on day 1; the stage of the terugkombijeenkomst once it is open. */
  terugkomStage: z.enum(TERUGKOM_STAGES).nullable(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** The scenario as everyone may see it: briefings' private facts and per-role case facts left out. */
export const PublicScenarioSchema = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  roles: z.array(z.object({ role: GameRoleSchema, name: z.string(), summary: z.string() })),
  categories: z.array(CategorySchema),
  prompts: z.array(PromptSchema),
  rounds: z.array(RoundSchema),
  omgekeerdeToets: z.array(ToetsStepSchema),
  voting: VotingSchema,
});
export type PublicScenario = z.infer<typeof PublicScenarioSchema>;

export const SeatViewSchema = z.object({ participantId: z.string(), role: GameRoleSchema.nullable(), online: z.boolean(), tableId: z.string().nullable() });
export type SeatView = z.infer<typeof SeatViewSchema>;

export const CardViewSchema = z.object({ id: z.string(), promptId: z.string(), text: z.string(), clusterId: z.string().nullable() });
export type CardView = z.infer<typeof CardViewSchema>;

export const ClusterViewSchema = z.object({ id: z.string(), promptId: z.string(), label: z.string() });
export type ClusterView = z.infer<typeof ClusterViewSchema>;

export const EisViewSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  role: GameRoleSchema,
  categoryId: z.string(),
  text: z.string(),
  itemId: z.string().nullable(),
  tableId: z.string().nullable(),
});
export type EisView = z.infer<typeof EisViewSchema>;

/**
 * An eis as the room sends it (the `eisen` and `drafts` maps of the Colyseus state): without its item. Which item an
 * eis is in is already in the items' `eisIds`; were it on the eis too, every merge would send every eis of the item
 * again to every screen that shows the board. The client puts it back with `eisenInItems`.
 */
export const BoardEisSchema = EisViewSchema.omit({ itemId: true });
export type BoardEis = z.infer<typeof BoardEisSchema>;

/** The eisen with the item each is in, read from the items' `eisIds` (null: loose on the board, or a draft). */
export function eisenInItems(eisen: readonly BoardEis[], items: readonly { id: string; eisIds: readonly string[] }[]): EisView[] {
  const itemOf = new Map<string, string>();
  for (const item of items) for (const eisId of item.eisIds) itemOf.set(eisId, item.id);
  return eisen.map((e) => ({ ...e, itemId: itemOf.get(e.id) ?? null }));
}

export const ItemViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  categoryId: z.string(),
  eisIds: z.array(z.string()),
  roles: z.array(GameRoleSchema),
  roundIds: z.array(z.string()),
  caseIds: z.array(z.string()),
  /** The tafel whose programma it is in; null in the session's (plenary) programma. */
  tableId: z.string().nullable(),
  /** The tafels its eisen came from (its provenance across tafels after the plenair merge). */
  tableIds: z.array(z.string()),
});
export type ItemView = z.infer<typeof ItemViewSchema>;

export const SpanningViewSchema = z.object({ spanningId: z.string(), itemA: z.string(), itemB: z.string(), note: z.string() });
export type SpanningView = z.infer<typeof SpanningViewSchema>;

const RefSchema = z.object({ kind: z.enum(["eis", "item"]), id: z.string() });
export const SuggestionViewSchema = z.object({ a: RefSchema, b: RefSchema, score: z.number() });
export type SuggestionView = z.infer<typeof SuggestionViewSchema>;

const PerRoleSchema = z.object({
  burger: z.number(),
  raadslid: z.number(),
  wethouder: z.number(),
  directeur: z.number(),
  beleidsambtenaar: z.number(),
  wijkteamprofessional: z.number(),
});
export const DRAAGVLAK = ["verticaal", "breed", "gedeeld", "smal", "geen"] as const;
export type Draagvlak = (typeof DRAAGVLAK)[number];

export const SupportViewSchema = z.object({
  itemId: z.string(),
  perRole: PerRoleSchema,
  sharePerRole: PerRoleSchema,
  total: z.number(),
  supportingRoles: z.array(GameRoleSchema),
  rolesPresent: z.array(GameRoleSchema),
  draagvlak: z.enum(DRAAGVLAK),
  /** Per tafel: how many of its voters voted, and the share of them that supports the item. */
  perTable: z.array(z.object({ tableId: z.string(), voters: z.number(), share: z.number() })),
});
export type SupportView = z.infer<typeof SupportViewSchema>;

export const CaseViewSchema = z.object({
  id: z.string(),
  source: z.enum(["scenario", "live"]),
  title: z.string(),
  situation: z.string(),
  effectWanted: z.string(),
  dilemma: z.string(),
  laws: z.array(z.string()),
  /** What the rules say, as a participant or the spelleider wrote it ("" when not given). */
  rules: z.string(),
  stepIndex: z.number(),
  notes: z.array(z.object({ id: z.string(), stepId: z.string(), text: z.string(), role: GameRoleSchema.nullable() })),
  verdicts: z.array(z.object({ itemId: z.string(), verdict: z.enum(VERDICTS) })),
  decision: z.object({ decision: z.string(), costNow: z.enum(COST_LEVELS), costLater: z.enum(COST_LEVELS), costNote: z.string() }).nullable(),
  /** Whether the case carries what really happened; the text itself comes only with the group's decision. */
  hasAfloop: z.boolean(),
  /** What really happened: null until the group has decided (or when the case has none). */
  afloop: z.string().nullable(),
  /** Votes to test this case next (anonymous: a count only). */
  votes: z.number(),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

export const PersonViewSchema = z.object({
  participantId: z.string(),
  displayName: z.string(),
  realRole: RealRoleSchema,
  tableId: z.string().nullable(),
  role: GameRoleSchema.nullable(),
  ready: z.boolean(),
  removed: z.boolean(),
  online: z.boolean(),
  cards: z.number(),
  eisen: z.number(),
  votes: z.number(),
  /** Kader items this participant reflected on at the terugkombijeenkomst. */
  reflecties: z.number(),
  /** Cases this participant brought in: seen by them and the spelleider only (anonymous to the others). */
  proposals: z.array(
    z.object({
      caseId: z.string(),
      title: z.string(),
      situation: z.string(),
      effectWanted: z.string(),
      dilemma: z.string(),
      rules: z.string(),
      afloop: z.string(),
      admitted: z.boolean(),
      /** Turned down by the spelleider (case.decline); the reason is shown to the author ("" when none). */
      declined: z.boolean(),
      declineReason: z.string(),
    }),
  ),
});
export type ProposalView = PersonView["proposals"][number];
export type PersonView = z.infer<typeof PersonViewSchema>;

export const MineViewSchema = z.object({
  participantId: z.string(),
  role: GameRoleSchema.nullable(),
  /** Own tafel, and the case it walks in a casustoets per tafel (else the group's case). */
  tableId: z.string().nullable(),
  currentCaseId: z.string().nullable(),
  briefing: BriefingSchema.nullable(),
  caseFacts: z.array(z.string()),
  cardIds: z.array(z.string()),
  points: z.array(z.object({ itemId: z.string(), points: z.number() })),
  moscow: z.array(z.object({ itemId: z.string(), choice: z.enum(MOSCOW) })),
  pointsLeft: z.number(),
  reflecties: z.array(z.object({ itemId: z.string(), toegepast: z.enum(TOEGEPAST), goed: z.string(), beter: z.string(), indicator: z.string() })),
  steun: z.array(z.object({ itemId: z.string(), steun: z.boolean() })),
  /** The case this participant votes to test next, or null. */
  caseVote: z.string().nullable(),
});
export type MineView = z.infer<typeof MineViewSchema>;

export const KaderViewSchema = z.object({
  items: z.array(
    z.object({
      itemId: z.string(),
      rank: z.number(),
      text: z.string(),
      categoryId: z.string(),
      perspectief: z.enum(["doelen", "resultaten", "normen", "ondersteuning"]),
      roles: z.array(GameRoleSchema),
      provenance: z.array(z.object({ eisId: z.string(), role: GameRoleSchema, roundId: z.string(), text: z.string(), tableId: z.string().nullable() })),
      fromCases: z.array(z.string()),
      support: SupportViewSchema.nullable(),
      evidence: z.array(z.object({ caseId: z.string(), verdict: z.enum(VERDICTS) })),
    }),
  ),
  perspectieven: z.array(z.object({ perspectief: z.enum(["doelen", "resultaten", "normen", "ondersteuning"]), title: z.string(), itemIds: z.array(z.string()) })),
  spanningen: z.array(SpanningViewSchema),
  cases: z.array(
    z.object({
      caseId: z.string(),
      title: z.string(),
      source: z.enum(["scenario", "live"]),
      decision: z.string().nullable(),
      costNow: z.enum(COST_LEVELS).nullable(),
      costLater: z.enum(COST_LEVELS).nullable(),
      helped: z.array(z.string()),
      hindered: z.array(z.string()),
    }),
  ),
});
export type KaderView = z.infer<typeof KaderViewSchema>;

export const KADER_STATUS = ["ongewijzigd", "gewijzigd", "nieuw", "vervallen"] as const;
export type KaderStatus = (typeof KADER_STATUS)[number];

/** One item of kader v2 with what changed since v1 and what the group said about it. Reflections are anonymous. */
export const KaderV2ItemSchema = z.object({
  itemId: z.string(),
  text: z.string(),
  categoryId: z.string(),
  status: z.enum(KADER_STATUS),
  /** The v1 wording when it changed (text or category), else null. */
  v1Text: z.string().nullable(),
  v1CategoryId: z.string().nullable(),
  v1Rank: z.number().nullable(),
  retiredReason: z.string().nullable(),
  reflecties: z.object({
    ja: z.number(),
    deels: z.number(),
    nee: z.number(),
    goed: z.array(z.string()),
    beter: z.array(z.string()),
    indicatoren: z.array(z.string()),
  }),
  steun: z.object({ voor: z.number(), tegen: z.number(), backing: z.number().nullable() }),
  backingV1: z.number().nullable(),
  /** Set when the share of backers moved by at least STEUN_DREMPEL between v1 and v2. */
  steunVerandering: z.enum(["meer", "minder"]).nullable(),
});
export type KaderV2Item = z.infer<typeof KaderV2ItemSchema>;

export const TerugkomViewSchema = z.object({
  stage: z.enum(TERUGKOM_STAGES),
  openedAt: z.number(),
  v1: z.array(KaderV1ItemSchema),
  /** v1's items in v1 order (retired ones included), then the added ones. */
  v2: z.array(KaderV2ItemSchema),
  /** How many participants reflected on at least one item, and how many gave steun on at least one. */
  reflectors: z.number(),
  steunGivers: z.number(),
  counts: z.object({ ongewijzigd: z.number(), gewijzigd: z.number(), nieuw: z.number(), vervallen: z.number(), steunVeranderd: z.number() }),
});
export type TerugkomView = z.infer<typeof TerugkomViewSchema>;

/** How the room sends a TerugkomView: without the items (they come one entity each), with their order. */
export const TerugkomHeaderSchema = TerugkomViewSchema.extend({ v2Order: z.array(z.string()) });

/** One tafel's progress, side by side for the spelleider and the beamer (counts only, no names). */
export const TableViewSchema = z.object({
  tableId: z.string(),
  name: z.string(),
  members: z.number(),
  online: z.number(),
  /** People at this tafel who said "klaar" in the current phase. */
  ready: z.number(),
  /** In a rolwissel-ronde: people who wrote at least one eis this round, and the eisen written. */
  wrote: z.number(),
  eisen: z.number(),
  /** This round's eisen of this tafel are visible. */
  revealed: z.boolean(),
  /** Live items in this tafel's own programma. */
  items: z.number(),
  /** People who voted at all. */
  voted: z.number(),
  /** The case this tafel walks and its step, in a casustoets (its own or the group's). */
  caseId: z.string().nullable(),
  stepIndex: z.number().nullable(),
  roles: z.array(GameRoleSchema),
});
export type TableView = z.infer<typeof TableViewSchema>;

/**
 * Counts for the shared screen and the console, never for participants: who has arrived by their own function (a
 * number per function, no ids, so no seat can be linked to a function) and, in a rolwissel-ronde, how many eisen each
 * role has written so far (drafts included, as a number only: their text stays with their author).
 */
export const CountsViewSchema = z.object({
  arrivals: z.object({
    raadslid: z.number(),
    wethouder: z.number(),
    directeur: z.number(),
    beleidsambtenaar: z.number(),
    teamleider: z.number(),
    wijkteamprofessional: z.number(),
    anders: z.number(),
  }),
  written: z.object({ roundId: z.string(), perRole: PerRoleSchema }).nullable(),
  /** While the vote is open: how many of those who may vote (everyone with a game role) voted at all. */
  voting: z.object({ voted: z.number(), voters: z.number() }).nullable(),
});
export type CountsView = z.infer<typeof CountsViewSchema>;

/** Messages the server sends besides state patches. */
/** `seq`: the log position after the command; on a re-send, the current position. */
export const AckSchema = z.object({ commandId: z.string(), seq: z.number() });
export const RejectedSchema = z.object({ commandId: z.string().nullable(), code: z.string(), message: z.string() });
export type Rejected = z.infer<typeof RejectedSchema>;
export const NoticeSchema = z.object({ message: z.string() });
export const SERVER_MESSAGES = { ack: "ack", rejected: "rejected", notice: "notice", clock: "klok" } as const;
/** The one message type clients send commands on. */
export const COMMAND_MESSAGE = "command";

/** How a client says who it is when it connects. */
export const JoinOptionsSchema = z.discriminatedUnion("as", [
  z.strictObject({
    as: z.literal("deelnemer"),
    sessionId: z.string().min(1).max(64),
    seatToken: z.string().min(16).max(128),
    displayName: z.string().max(200).optional(),
    realRole: z.string().max(40).optional(),
  }),
  z.strictObject({ as: z.literal("spelleider"), sessionId: z.string().min(1).max(64), secret: z.string().min(16).max(200) }),
  z.strictObject({ as: z.literal("beamer"), sessionId: z.string().min(1).max(64) }),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** Everything one viewer sees at once; the terugblik sends the beamer's view of a replayed state in this shape. */
export const PlayerViewSchema = z.object({
  session: SessionViewSchema,
  scenario: PublicScenarioSchema,
  seats: z.array(SeatViewSchema),
  cards: z.array(CardViewSchema),
  clusters: z.array(ClusterViewSchema),
  eisen: z.array(EisViewSchema),
  items: z.array(ItemViewSchema),
  spanningen: z.array(SpanningViewSchema),
  suggestions: z.array(SuggestionViewSchema),
  support: z.array(SupportViewSchema),
  cases: z.array(CaseViewSchema),
  tables: z.array(TableViewSchema),
  kader: KaderViewSchema.nullable(),
  terugkom: TerugkomViewSchema.nullable(),
  people: z.array(PersonViewSchema),
  mine: MineViewSchema.nullable(),
  drafts: z.array(EisViewSchema),
  /** Beamer and spelleider only (null for a participant). */
  counts: CountsViewSchema.nullable(),
});

export type PlayerViewData = z.infer<typeof PlayerViewSchema>;

export const TimelineSchema = z.object({
  entries: z.array(
    z.object({
      seq: z.number(),
      at: z.number(),
      type: z.string(),
      label: z.string(),
      phaseIndex: z.number(),
      phaseKind: z.enum(PHASE_KINDS),
      marker: z.object({ kind: z.enum(["fase", "ronde"]), title: z.string() }).nullable(),
    }),
  ),
  dayOneEnd: z.number(),
});
export type TimelineView = z.infer<typeof TimelineSchema>;

/** GET …/terugblik/<seq>: the board right after that event. */
export const BoardAtSchema = z.object({ seq: z.number(), view: PlayerViewSchema });
export type BoardAt = z.infer<typeof BoardAtSchema>;

/** The spelleider's position in the terugblik, sent on its own message type: not a command, never logged. */
export const REPLAY_POSITION_MESSAGE = "terugblik.positie";
export const ReplayPositionSchema = z.strictObject({ seq: z.number().int().min(0) });

/**
 * Which page of a long list the beamer shows, chosen by the spelleider on the console. Presentation only, like the
 * terugblik position: its own message type, not a command, never logged. `board` names the board the choice was
 * made for (see beamerBoardKey in the client); the beamer ignores a choice for another board, so a new phase or a
 * reveal starts on page 1 again. `page` null: turn pages by itself.
 */
export const BEAMER_PAGE_MESSAGE = "beamer.pagina";
export const BeamerPageSchema = z.strictObject({ board: z.string().min(1).max(80), page: z.number().int().min(0).max(999).nullable() });
export type BeamerPage = z.infer<typeof BeamerPageSchema>;

/**
 * A screen asks for the server's clock, on its own message type (not a command, never logged): the timers count down
 * to deadlines set by the server's clock, and a phone or laptop whose clock is off by minutes would show the wrong
 * time left. `sent` is the screen's own clock when it asked; the answer (`ClockSchema`, message type
 * SERVER_MESSAGES.clock) gives it back with the server's, so the screen knows the round trip too.
 */
export const CLOCK_MESSAGE = "klok";
export const ClockRequestSchema = z.strictObject({ sent: z.number().finite().min(0) });
export const ClockSchema = z.object({ sent: z.number(), now: z.number() });
