/**
 * The shapes clients receive. The room projects each entity onto Colyseus schema as a JSON string; clients parse
 * it with these schemas, so a client never trusts the wire blindly and the types live in one place.
 */
import { z } from "zod";
import { COST_LEVELS, GameRoleSchema, MOSCOW, PHASE_KINDS, RealRoleSchema, VERDICTS } from "./ids.ts";
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

export const SeatViewSchema = z.object({ participantId: z.string(), role: GameRoleSchema.nullable(), online: z.boolean() });
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
});
export type EisView = z.infer<typeof EisViewSchema>;

export const ItemViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  categoryId: z.string(),
  eisIds: z.array(z.string()),
  roles: z.array(GameRoleSchema),
  roundIds: z.array(z.string()),
  caseIds: z.array(z.string()),
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
  stepIndex: z.number(),
  notes: z.array(z.object({ id: z.string(), stepId: z.string(), text: z.string(), role: GameRoleSchema.nullable() })),
  verdicts: z.array(z.object({ itemId: z.string(), verdict: z.enum(VERDICTS) })),
  decision: z.object({ decision: z.string(), costNow: z.enum(COST_LEVELS), costLater: z.enum(COST_LEVELS), costNote: z.string() }).nullable(),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

export const PersonViewSchema = z.object({
  participantId: z.string(),
  displayName: z.string(),
  realRole: RealRoleSchema,
  role: GameRoleSchema.nullable(),
  ready: z.boolean(),
  removed: z.boolean(),
  online: z.boolean(),
  cards: z.number(),
  eisen: z.number(),
  votes: z.number(),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

export const MineViewSchema = z.object({
  participantId: z.string(),
  role: GameRoleSchema.nullable(),
  briefing: BriefingSchema.nullable(),
  caseFacts: z.array(z.string()),
  cardIds: z.array(z.string()),
  points: z.array(z.object({ itemId: z.string(), points: z.number() })),
  moscow: z.array(z.object({ itemId: z.string(), choice: z.enum(MOSCOW) })),
  pointsLeft: z.number(),
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
      provenance: z.array(z.object({ eisId: z.string(), role: GameRoleSchema, roundId: z.string(), text: z.string() })),
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

/** Messages the server sends besides state patches. */
/** `seq`: the log position after the command; on a re-send, the current position. */
export const AckSchema = z.object({ commandId: z.string(), seq: z.number() });
export const RejectedSchema = z.object({ commandId: z.string().nullable(), code: z.string(), message: z.string() });
export type Rejected = z.infer<typeof RejectedSchema>;
export const NoticeSchema = z.object({ message: z.string() });
export const SERVER_MESSAGES = { ack: "ack", rejected: "rejected", notice: "notice" } as const;
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
