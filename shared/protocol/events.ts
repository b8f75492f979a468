/**
 * Events: facts, past tense, with their outcomes recorded (who got which role, what a deadline was), so that a
 * replay weeks later gives the same picture even after rules or scenario files have changed.
 * Every event carries `v` (its shape version) and `at` (milliseconds since epoch, from the clock passed to core).
 */
import { z } from "zod";
import { COST_LEVELS, GameRoleSchema, IdSchema, MOSCOW, RealRoleSchema, TERUGKOM_STAGES, TOEGEPAST, VERDICTS } from "./ids.ts";
import { CaseDraftSchema } from "./commands.ts";
import { ScenarioSchema } from "./scenario.ts";

/**
 * The shape version every event is written with. Older versions in a stored log are brought up to this one on read
 * (upcast.ts); raise it only together with a new step there.
 */
export const EVENT_VERSION = 1;

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), v: z.literal(EVENT_VERSION), at: z.number().int().nonnegative(), ...shape });

export const ItemSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("eis"), eisId: IdSchema }),
  z.strictObject({ kind: z.literal("casus"), caseId: IdSchema }),
]);

/** One item of the day-1 kader as it stood when the terugkombijeenkomst opened: version 1, frozen in the log. */
export const KaderV1ItemSchema = z.strictObject({
  itemId: IdSchema,
  rank: z.number().int().positive(),
  text: z.string(),
  categoryId: IdSchema,
  /** Share of day-1 voters who backed it (points, or must/should); null when no votes were revealed. */
  backing: z.number().min(0).max(1).nullable(),
  draagvlak: z.enum(["verticaal", "breed", "gedeeld", "smal", "geen"]).nullable(),
  supportingRoles: z.array(GameRoleSchema),
});
export type KaderV1Item = z.infer<typeof KaderV1ItemSchema>;

export const EventSchema = z.discriminatedUnion("type", [
  ev("SessionCreated", {
    sessionId: IdSchema,
    code: z.string(),
    label: z.string(),
    scenario: ScenarioSchema,
    variantId: IdSchema,
    engineVersion: z.string(),
  }),
  // lobby
  ev("ParticipantJoined", {
    participantId: IdSchema,
    displayName: z.string(),
    realRole: RealRoleSchema,
    seatTokenHash: z.string(),
  }),
  ev("ParticipantRemoved", { participantId: IdSchema }),
  ev("ReadinessChanged", { participantId: IdSchema, phaseIndex: z.number().int(), ready: z.boolean() }),
  ev("SessionLockChanged", { locked: z.boolean() }),
  // tafels: the outcome is recorded, so a replay shows the same split
  ev("TablesAssigned", {
    tables: z.array(z.strictObject({ tableId: IdSchema, name: z.string() })),
    assignments: z.array(z.strictObject({ participantId: IdSchema, tableId: IdSchema })),
  }),
  ev("ParticipantMoved", { participantId: IdSchema, tableId: IdSchema }),
  // pacing
  ev("PhaseStarted", { phaseIndex: z.number().int().nonnegative(), deadline: z.number().int().nullable() }),
  ev("TimerSet", { deadline: z.number().int().nullable() }),
  ev("TimerExpired", { phaseIndex: z.number().int() }),
  ev("SessionPaused", { remainingMs: z.number().int().nullable() }),
  ev("SessionResumed", { deadline: z.number().int().nullable() }),
  // beeldvorming
  ev("CardPosted", { cardId: IdSchema, promptId: IdSchema, text: z.string(), authorId: IdSchema }),
  ev("CardRemoved", { cardId: IdSchema }),
  ev("ClusterCreated", { clusterId: IdSchema, promptId: IdSchema, label: z.string() }),
  ev("ClusterRenamed", { clusterId: IdSchema, label: z.string() }),
  ev("CardClustered", { cardId: IdSchema, clusterId: IdSchema.nullable() }),
  // rolwissel
  ev("RolesAssigned", {
    roundId: IdSchema,
    assignments: z.array(z.strictObject({ participantId: IdSchema, role: GameRoleSchema })),
  }),
  ev("EisWritten", {
    eisId: IdSchema,
    roundId: IdSchema,
    authorId: IdSchema,
    role: GameRoleSchema,
    categoryId: IdSchema,
    text: z.string(),
  }),
  ev("EisEdited", { eisId: IdSchema, categoryId: IdSchema, text: z.string() }),
  ev("EisDeleted", { eisId: IdSchema }),
  ev("EisenRevealed", { roundId: IdSchema, reason: z.enum(["spelleider", "timer", "fase"]), tableId: IdSchema.optional() }),
  // samenvoegen
  ev("PveItemCreated", {
    itemId: IdSchema,
    text: z.string(),
    categoryId: IdSchema,
    sources: z.array(ItemSourceSchema),
    absorbedItemIds: z.array(IdSchema),
    /** The tafel whose programma it belongs to; absent or null: the session's (plenary) programma. */
    tableId: IdSchema.nullable().optional(),
  }),
  ev("PveItemEdited", { itemId: IdSchema, text: z.string(), categoryId: IdSchema }),
  ev("PveMergeUndone", { itemId: IdSchema }),
  ev("PveItemSplit", { itemId: IdSchema, newItemId: IdSchema, eisIds: z.array(IdSchema), text: z.string() }),
  ev("SpanningMarked", { spanningId: IdSchema, itemA: IdSchema, itemB: IdSchema, note: z.string() }),
  ev("SpanningRemoved", { spanningId: IdSchema }),
  // prioriteren
  ev("PointsAllocated", { participantId: IdSchema, role: GameRoleSchema, itemId: IdSchema, points: z.number().int().nonnegative() }),
  ev("MoscowChosen", { participantId: IdSchema, role: GameRoleSchema, itemId: IdSchema, choice: z.enum(MOSCOW).nullable() }),
  ev("VotesRevealed", { reason: z.enum(["spelleider", "fase"]) }),
  // casustoets
  ev("CaseAdded", { caseId: IdSchema, draft: CaseDraftSchema }),
  ev("CaseProposed", { caseId: IdSchema, authorId: IdSchema, draft: CaseDraftSchema }),
  ev("CaseAdmitted", { caseId: IdSchema, draft: CaseDraftSchema }),
  // reason "" when the spelleider gave none
  ev("CaseDeclined", { caseId: IdSchema, reason: z.string() }),
  ev("CaseVoteCast", { participantId: IdSchema, caseId: IdSchema.nullable() }),
  // the vote's outcome is recorded: the case with the most votes, and how many it had
  ev("CaseChosen", { caseId: IdSchema, votes: z.number().int().nonnegative() }),
  ev("CaseOpened", { caseId: IdSchema, tableId: IdSchema.optional() }),
  ev("ToetsNoteAdded", { noteId: IdSchema, caseId: IdSchema, stepId: IdSchema, text: z.string(), role: GameRoleSchema.nullable() }),
  ev("ToetsStepAdvanced", { caseId: IdSchema, stepIndex: z.number().int().nonnegative() }),
  ev("ToetsStepReturned", { caseId: IdSchema, stepIndex: z.number().int().nonnegative() }),
  ev("VerdictGiven", { caseId: IdSchema, itemId: IdSchema, verdict: z.enum(VERDICTS).nullable() }),
  ev("CaseDecided", {
    caseId: IdSchema,
    decision: z.string(),
    costNow: z.enum(COST_LEVELS),
    costLater: z.enum(COST_LEVELS),
    costNote: z.string(),
  }),
  // terugkombijeenkomst
  ev("TerugkomOpened", { kaderV1: z.array(KaderV1ItemSchema) }),
  ev("TerugkomStageSet", { stage: z.enum(TERUGKOM_STAGES) }),
  ev("ReflectionGiven", {
    participantId: IdSchema,
    itemId: IdSchema,
    toegepast: z.enum(TOEGEPAST),
    goed: z.string(),
    beter: z.string(),
    indicator: z.string(),
  }),
  ev("KaderItemAmended", { itemId: IdSchema, text: z.string(), categoryId: IdSchema }),
  ev("KaderItemAdded", { itemId: IdSchema, text: z.string(), categoryId: IdSchema }),
  ev("KaderItemRetired", { itemId: IdSchema, reason: z.string() }),
  ev("KaderItemRestored", { itemId: IdSchema }),
  ev("KaderSteunGiven", { participantId: IdSchema, itemId: IdSchema, steun: z.boolean().nullable() }),
]);
export type SessionEvent = z.infer<typeof EventSchema>;
export type EventType = SessionEvent["type"];
export type EventOf<T extends EventType> = Extract<SessionEvent, { type: T }>;

/** An event as stored: its place in the session's log and the command that caused it. */
export const StoredEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  commandKey: z.string().nullable(),
  event: EventSchema,
});
export type StoredEvent = z.infer<typeof StoredEventSchema>;

/** Distributes Omit over a union, so `NewEvent` keeps each event's own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as core writes it, before the envelope fields are stamped on. */
export type NewEvent = DistributiveOmit<SessionEvent, "v" | "at">;
