/**
 * Commands: what clients ask for. `noun.verb` names, each with a client-made `commandId` so a re-sent command
 * is acknowledged again but applied once. New entities get their id from the client, which keeps re-sends safe.
 */
import { z } from "zod";
import { COST_LEVELS, IdSchema, LIMITS, MOSCOW, RealRoleSchema, TERUGKOM_STAGES, TOEGEPAST, VERDICTS } from "./ids.ts";
import { plainLine, plainText } from "./plainText.ts";

/** Free text, as typed in a text area: its lines kept, control characters and bidi overrides removed (plainText.ts). */
const text = (max: number) => z.string().overwrite(plainText).trim().min(1).max(max);
/** A name, a label or a title: one line (line breaks and tabs become spaces), control characters removed. */
const line = (max: number) => z.string().overwrite(plainLine).trim().min(1).max(max);
/** Free text that may be left empty; empty and absent mean the same. */
const optionalText = (max: number) => z.string().overwrite(plainText).trim().max(max).optional();

const base = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), commandId: IdSchema, ...shape });

export const BoardRefSchema = z.strictObject({ kind: z.enum(["eis", "item"]), id: IdSchema });
export type BoardRef = z.infer<typeof BoardRefSchema>;

export const CaseDraftSchema = z.strictObject({
  title: line(100),
  situation: text(LIMITS.caseText),
  effectWanted: text(600),
  dilemma: text(600).optional(),
  /** What the rules say: the standard answer of the regulations. */
  rules: text(600).optional(),
  /** What really happened: what the municipality finally did, and why. Shown to the group after its decision. */
  afloop: text(LIMITS.afloop).optional(),
});
export type CaseDraft = z.infer<typeof CaseDraftSchema>;

export const CommandSchema = z.discriminatedUnion("type", [
  // lobby
  base("participant.join", { displayName: line(LIMITS.displayName), realRole: RealRoleSchema, seatToken: z.string().min(16).max(128) }),
  base("participant.remove", { participantId: IdSchema }),
  // everyone the spelleider saw offline and confirmed; whoever is back online by then stays
  base("participants.removeOffline", { participantIds: z.array(IdSchema).min(1).max(LIMITS.participants) }),
  base("participant.ready", { ready: z.boolean() }),
  base("session.lock", { locked: z.boolean() }),
  // tafels: count null = let the server propose a number (5-8 per tafel); 1 = no tafels
  base("tables.assign", { count: z.number().int().min(1).max(LIMITS.tables).nullable() }),
  base("participant.move", { participantId: IdSchema, tableId: IdSchema }),
  // pacing
  // fromIndex: the phase the spelleider moves from; a move sent twice (pressed again while the first waited for the
  // Wi-Fi) then moves once
  base("phase.next", { fromIndex: z.number().int().min(0).max(1000).optional() }),
  base("phase.previous", { fromIndex: z.number().int().min(0).max(1000).optional() }),
  base("timer.set", { minutes: z.number().int().min(1).max(480) }),
  base("timer.clear", {}),
  /** Adds minutes to the running timer (from its deadline; after "De tijd is om", from now). */
  base("timer.extend", { minutes: z.number().int().min(1).max(60) }),
  base("timer.expire", {}),
  base("session.pause", { paused: z.boolean() }),
  // beeldvorming
  base("card.post", { cardId: IdSchema, promptId: IdSchema, text: text(LIMITS.card) }),
  base("card.remove", { cardId: IdSchema }),
  base("cluster.create", { clusterId: IdSchema, promptId: IdSchema, label: line(LIMITS.label) }),
  base("cluster.rename", { clusterId: IdSchema, label: line(LIMITS.label) }),
  base("card.cluster", { cardId: IdSchema, clusterId: IdSchema.nullable() }),
  // rolwissel
  base("eis.write", { eisId: IdSchema, text: text(LIMITS.eis), categoryId: IdSchema }),
  base("eis.edit", { eisId: IdSchema, text: text(LIMITS.eis), categoryId: IdSchema }),
  base("eis.delete", { eisId: IdSchema }),
  // tableId: reveal one tafel's eisen only; without it, every tafel's
  base("eisen.reveal", { tableId: IdSchema.optional() }),
  // samenvoegen
  base("pve.merge", { itemId: IdSchema, sources: z.array(BoardRefSchema).min(1).max(50), text: text(LIMITS.itemText), categoryId: IdSchema }),
  // the leftover eisen each as an item of its own, with their own words (at most 100 per command; send more in turns)
  base("pve.adopt", { adopt: z.array(z.strictObject({ itemId: IdSchema, eisId: IdSchema })).min(1).max(100) }),
  base("pve.edit", { itemId: IdSchema, text: text(LIMITS.itemText), categoryId: IdSchema }),
  base("pve.undo", { itemId: IdSchema }),
  base("pve.split", { itemId: IdSchema, newItemId: IdSchema, eisIds: z.array(IdSchema).min(1).max(50), text: text(LIMITS.itemText) }),
  base("spanning.mark", { spanningId: IdSchema, itemA: IdSchema, itemB: IdSchema, note: text(LIMITS.note) }),
  base("spanning.remove", { spanningId: IdSchema }),
  // prioriteren
  base("vote.points", { itemId: IdSchema, points: z.number().int().min(0).max(100) }),
  base("vote.moscow", { itemId: IdSchema, choice: z.enum(MOSCOW).nullable() }),
  base("votes.reveal", {}),
  // casustoets
  // confirmPersonalData: the spelleider saw the personal-data warning and says these are no real personal data.
  base("case.add", { caseId: IdSchema, draft: CaseDraftSchema, confirmPersonalData: z.boolean().optional() }),
  // cases from the room: a participant brings in a case from their own practice (again with the same caseId: edits it
  // until it is admitted); the spelleider admits it, edited or not; the group votes which case to test next, and the
  // spelleider closes the vote, which opens the chosen case
  base("case.propose", { caseId: IdSchema, draft: CaseDraftSchema }),
  base("case.admit", { caseId: IdSchema, draft: CaseDraftSchema, confirmPersonalData: z.boolean().optional() }),
  // the spelleider turns a case brought in down (not yet admitted); the reason, if any, is for its author only
  base("case.decline", { caseId: IdSchema, reason: optionalText(LIMITS.declineReason) }),
  base("case.vote", { caseId: IdSchema.nullable() }),
  base("case.choose", {}),
  // tableId: open the case for one tafel only (casustoets per tafel); without it, for everyone
  base("case.open", { caseId: IdSchema, tableId: IdSchema.optional() }),
  base("toets.note", { noteId: IdSchema, caseId: IdSchema, stepId: IdSchema, text: text(LIMITS.note) }),
  // advance and back: the spelleider's call, for the whole group (or the tafel) at once
  // fromStep: the step the spelleider moves from (as fromIndex for phases: a move sent twice moves once)
  base("toets.advance", { caseId: IdSchema, fromStep: z.number().int().min(0).max(100).optional() }),
  base("toets.back", { caseId: IdSchema, fromStep: z.number().int().min(0).max(100).optional() }),
  base("toets.verdict", { caseId: IdSchema, itemId: IdSchema, verdict: z.enum(VERDICTS).nullable() }),
  base("toets.decide", {
    caseId: IdSchema,
    decision: text(LIMITS.note),
    costNow: z.enum(COST_LEVELS),
    costLater: z.enum(COST_LEVELS),
    costNote: optionalText(LIMITS.note),
  }),
  base("toets.amend", { itemId: IdSchema, caseId: IdSchema, text: text(LIMITS.itemText), categoryId: IdSchema }),
  // terugkombijeenkomst (day 2)
  base("terugkom.open", {}),
  base("terugkom.stage", { stage: z.enum(TERUGKOM_STAGES) }),
  base("reflectie.give", {
    itemId: IdSchema,
    toegepast: z.enum(TOEGEPAST),
    goed: optionalText(LIMITS.reflection),
    beter: optionalText(LIMITS.reflection),
    indicator: optionalText(LIMITS.reflection),
  }),
  base("kader.amend", { itemId: IdSchema, text: text(LIMITS.itemText), categoryId: IdSchema }),
  base("kader.add", { itemId: IdSchema, text: text(LIMITS.itemText), categoryId: IdSchema }),
  base("kader.retire", { itemId: IdSchema, reason: optionalText(LIMITS.note) }),
  base("kader.restore", { itemId: IdSchema }),
  base("kader.steun", { itemId: IdSchema, steun: z.boolean().nullable() }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export const COMMAND_TYPES = CommandSchema.options.map((option) => option.shape.type.value);
