/**
 * The session state: what the event log folds into. Collections are Maps (ids may look like numbers, and
 * Maps keep insertion order whatever the key). Core owns no clock: times in here came from events.
 */
import type { CaseDraft } from "#shared/protocol/commands.ts";
import type { KaderV1Item } from "#shared/protocol/events.ts";
import type { CostLevel, GameRole, Moscow, RealRole, TerugkomStage, Toegepast, Verdict } from "#shared/protocol/ids.ts";
import type { Case, Phase, Scenario } from "#shared/protocol/scenario.ts";

export const ENGINE_VERSION = "1.0.0";

export interface Participant {
  id: string;
  displayName: string;
  realRole: RealRole;
  /** SHA-256 of the seat token the participant's browser keeps; lets them reclaim the seat. */
  seatTokenHash: string;
  joinedAt: number;
  removed: boolean;
  /** The tafel the participant sits at; null when the session is not split into tafels. */
  tableId: string | null;
}

export interface Table {
  id: string;
  name: string;
}

export interface Card {
  id: string;
  promptId: string;
  text: string;
  /** Kept so the author can take their card back; never shown to others. */
  authorId: string;
  clusterId: string | null;
}

export interface Cluster {
  id: string;
  promptId: string;
  label: string;
}

export interface RoundState {
  roundId: string;
  /** participantId -> game role, as recorded in RolesAssigned (late joiners added later). */
  assignments: Map<string, GameRole>;
  /** Every tafel's eisen are visible. */
  revealed: boolean;
  /** Tafels whose eisen were revealed on their own (the spelleider paces tafels one by one). */
  revealedTables: Set<string>;
}

export interface Eis {
  id: string;
  roundId: string;
  authorId: string;
  role: GameRole;
  categoryId: string;
  text: string;
  writtenAt: number;
  /** The live PvE item this eis is part of, if any. */
  itemId: string | null;
  /** The author's tafel when it was written (null without tafels). */
  tableId: string | null;
}

export type ItemSource = { kind: "eis"; eisId: string } | { kind: "casus"; caseId: string };

export interface PveItem {
  id: string;
  text: string;
  categoryId: string;
  sources: ItemSource[];
  /** Items merged into this one; they come back on undo (sources above already include theirs). */
  absorbedItemIds: string[];
  /** Set when a later merge swallowed this item. */
  absorbedInto: string | null;
  createdAt: number;
  /** The tafel whose programma it is in; null for the session's (plenary) programma. */
  tableId: string | null;
}

export interface Spanning {
  id: string;
  itemA: string;
  itemB: string;
  note: string;
}

export interface Ballot {
  /** The game role the participant voted in. */
  role: GameRole;
  points: Map<string, number>;
  moscow: Map<string, Moscow>;
}

export interface ToetsNote {
  id: string;
  stepId: string;
  text: string;
  role: GameRole | null;
  at: number;
}

/** A case a participant brought in from their own practice: seen by its author and the spelleider until admitted. */
export interface CaseProposal {
  id: string;
  authorId: string;
  draft: CaseDraft;
  admitted: boolean;
  /** Turned down by the spelleider, with the reason for its author ("" when none); null while not declined. */
  declined: { reason: string } | null;
  at: number;
}

export interface CaseDecision {
  decision: string;
  costNow: CostLevel;
  costLater: CostLevel;
  costNote: string;
}

export interface CaseState {
  id: string;
  source: "scenario" | "live";
  title: string;
  situation: string;
  effectWanted: string;
  dilemma: string | null;
  /** What the rules say (a case brought in during the session); null for the scenario's cases and when left empty. */
  rules: string | null;
  /** What really happened; the group sees it only after its decision. */
  afloop: string | null;
  /** Index of the Toets step the group is at; equal to the number of steps once all are walked. */
  stepIndex: number;
  notes: ToetsNote[];
  verdicts: Map<string, Verdict>;
  decision: CaseDecision | null;
}

export interface Reflection {
  toegepast: Toegepast;
  goed: string;
  beter: string;
  indicator: string;
}

/** An item of kader v2: starts as a copy of a v1 item, or is added at the terugkombijeenkomst. */
export interface KaderV2Entry {
  id: string;
  text: string;
  categoryId: string;
  origin: "v1" | "nieuw";
  /** Null while the item is in the kader; the reason ("" when none was given) once the group retired it. */
  retiredReason: string | null;
}

/** Day 2. Day 1's state stays as it was; the terugkom work lives beside it. */
export interface TerugkomState {
  openedAt: number;
  stage: TerugkomStage;
  v1: KaderV1Item[];
  items: Map<string, KaderV2Entry>;
  /** itemId -> participantId -> reflection (a participant's latest one counts). */
  reflections: Map<string, Map<string, Reflection>>;
  /** itemId -> participantId -> backs the item in v2 or not. */
  steun: Map<string, Map<string, boolean>>;
}

export interface SessionState {
  sessionId: string;
  code: string;
  label: string;
  scenario: Scenario;
  variantId: string;
  engineVersion: string;
  createdAt: number;
  phases: Phase[];
  phaseIndex: number;
  /** When the current phase's timer runs out; null when there is no timer or the session is paused. */
  deadline: number | null;
  /** The phase whose timer already ran out (timers expire once). */
  expiredPhaseIndex: number | null;
  paused: boolean;
  pausedRemainingMs: number | null;
  locked: boolean;
  participants: Map<string, Participant>;
  /** phaseIndex -> participants who said they are done. */
  ready: Map<number, Set<string>>;
  cards: Map<string, Card>;
  clusters: Map<string, Cluster>;
  rounds: Map<string, RoundState>;
  eisen: Map<string, Eis>;
  items: Map<string, PveItem>;
  spanningen: Map<string, Spanning>;
  ballots: Map<string, Ballot>;
  votesRevealed: boolean;
  cases: Map<string, CaseState>;
  /** Cases participants brought in, in the order they came; an admitted one is also in `cases` (same id). */
  proposals: Map<string, CaseProposal>;
  /** participantId -> the case they vote to test next; cleared when a case is opened for everyone. */
  caseVotes: Map<string, string>;
  currentCaseId: string | null;
  /** Casustoets per tafel: tableId -> the case that tafel is walking. */
  caseByTable: Map<string, string>;
  /** The tafels, in order; empty when the group plays as one. */
  tables: Map<string, Table>;
  /** Null on day 1. Once set, day 1's work is frozen. */
  terugkom: TerugkomState | null;
  lastEventAt: number;
}

/** Case state for a scenario case, before anyone has worked on it. */
export function caseFromScenario(c: Case): CaseState {
  return {
    id: c.id,
    source: "scenario",
    title: c.title,
    situation: c.situation,
    effectWanted: c.effectWanted,
    dilemma: c.dilemma,
    rules: null,
    afloop: c.afloop ?? null,
    stepIndex: 0,
    notes: [],
    verdicts: new Map(),
    decision: null,
  };
}

export function caseFromDraft(caseId: string, d: CaseDraft): CaseState {
  return {
    id: caseId,
    source: "live",
    title: d.title,
    situation: d.situation,
    effectWanted: d.effectWanted,
    dilemma: d.dilemma ?? null,
    rules: d.rules ?? null,
    afloop: d.afloop ?? null,
    stepIndex: 0,
    notes: [],
    verdicts: new Map(),
    decision: null,
  };
}

export function currentPhase(state: SessionState): Phase {
  const phase = state.phases[state.phaseIndex];
  if (!phase) throw new Error(`fase ${state.phaseIndex} bestaat niet`);
  return phase;
}

/**
 * The round that sets everyone's game role now: the round of the current phase, or else of the last rolwissel
 * phase before it that has begun. Derived from the phase position, so going back a phase changes it too.
 */
export function currentRoundId(state: SessionState): string | null {
  for (let i = Math.min(state.phaseIndex, state.phases.length - 1); i >= 0; i--) {
    const phase = state.phases[i];
    if (phase?.kind === "rolwissel" && state.rounds.has(phase.roundId)) return phase.roundId;
  }
  return null;
}

/** Whether the group can see this eis: its round is revealed for everyone, or for the author's tafel. */
export function eisVisible(state: SessionState, eis: Eis): boolean {
  const round = state.rounds.get(eis.roundId);
  return Boolean(round && (round.revealed || (eis.tableId !== null && round.revealedTables.has(eis.tableId))));
}

export const tableOf = (state: SessionState, participantId: string): string | null => state.participants.get(participantId)?.tableId ?? null;

/** The case a participant's group is walking: their tafel's own case in a casustoets per tafel, else the group's. */
export function currentCaseFor(state: SessionState, participantId: string | null): string | null {
  const tableId = participantId ? tableOf(state, participantId) : null;
  return (tableId ? state.caseByTable.get(tableId) : undefined) ?? state.currentCaseId;
}

/** A participant's game role in the current round, or null before the first rolwissel. */
export function gameRoleOf(state: SessionState, participantId: string): GameRole | null {
  const roundId = currentRoundId(state);
  return roundId ? (state.rounds.get(roundId)?.assignments.get(participantId) ?? null) : null;
}

/** How many values of `map` meet `test`, without copying them (these counts run for every command that adds something). */
export function countWhere<V>(map: ReadonlyMap<string, V>, test: (value: V) => boolean): number {
  let n = 0;
  for (const value of map.values()) if (test(value)) n++;
  return n;
}

export function activeParticipants(state: SessionState): Participant[] {
  return [...state.participants.values()].filter((p) => !p.removed);
}

/** Follows absorptions to the live item that now holds an item's content. */
export function liveItemId(state: SessionState, itemId: string): string | null {
  let item = state.items.get(itemId);
  for (let hops = 0; item && item.absorbedInto && hops < 1000; hops++) item = state.items.get(item.absorbedInto);
  return item && !item.absorbedInto ? item.id : null;
}

/** An item still on the board: not absorbed into another by a merge. */
export const isLive = (item: PveItem): boolean => item.absorbedInto === null;

export function liveItems(state: SessionState): PveItem[] {
  return [...state.items.values()].filter(isLive);
}

/** Eisen in the item. Merges flatten: an item lists every eis it holds, also those of items it absorbed. */
export function itemEisIds(item: PveItem): string[] {
  return eisIdsOf(item.sources);
}

/** The eisen among an item's sources (a merge's, a split's). */
export function eisIdsOf(sources: readonly ItemSource[]): string[] {
  return sources.flatMap((s) => (s.kind === "eis" ? [s.eisId] : []));
}

/** Cases whose casustoets added this item (an aanvulling), or that were merged into it. */
export function itemCaseIds(item: PveItem): string[] {
  return item.sources.flatMap((s) => (s.kind === "casus" ? [s.caseId] : []));
}
