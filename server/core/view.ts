/**
 * playerView: what each viewer may see. Everyone sees the shared board with contributions by game role only;
 * a participant also sees their own name, briefing, drafts and ballot; the spelleider sees names, real roles and
 * who is ready, but not drafts or ballots. The room projects these plain views onto Colyseus schema.
 */
import type { GameRole, Moscow, PhaseKind, RealRole, Verdict } from "../protocol/ids.ts";
import type { Briefing, Case } from "../protocol/scenario.ts";
import { supportByItem, type ItemSupport } from "./prioriteren.ts";
import { kader, openSpanningen, type Kader, type KaderSpanning } from "./resultaat.ts";
import { currentRoundId, gameRoleOf, itemCaseIds, itemEisIds, liveItems, type SessionState } from "./state.ts";
import { suggestDuplicates, type Suggestion } from "./suggestions.ts";

export type Viewer = { kind: "participant"; participantId: string } | { kind: "spelleider" } | { kind: "beamer" };

export interface PhaseView {
  index: number;
  kind: PhaseKind;
  roundId: string | null;
  caseIds: string[];
  minutes: number | null;
}

export interface EisView {
  id: string;
  roundId: string;
  role: GameRole;
  categoryId: string;
  text: string;
  itemId: string | null;
}

export interface ItemView {
  id: string;
  text: string;
  categoryId: string;
  eisIds: string[];
  roles: GameRole[];
  roundIds: string[];
  caseIds: string[];
}

export interface CaseView {
  id: string;
  source: "scenario" | "live";
  title: string;
  situation: string;
  effectWanted: string;
  dilemma: string;
  laws: string[];
  stepIndex: number;
  notes: { id: string; stepId: string; text: string; role: GameRole | null }[];
  verdicts: { itemId: string; verdict: Verdict }[];
  decision: string;
  costNow: string;
  costLater: string;
  costNote: string;
}

export interface PublicView {
  sessionId: string;
  code: string;
  phase: PhaseView;
  phases: PhaseView[];
  deadline: number | null;
  pausedRemainingMs: number | null;
  paused: boolean;
  timerExpired: boolean;
  locked: boolean;
  participantCount: number;
  seats: { participantId: string; role: GameRole | null }[];
  cards: { id: string; promptId: string; text: string; clusterId: string | null }[];
  clusters: { id: string; promptId: string; label: string }[];
  rounds: { id: string; revealed: boolean; assigned: boolean }[];
  eisen: EisView[];
  items: ItemView[];
  spanningen: KaderSpanning[];
  suggestions: Suggestion[];
  votesRevealed: boolean;
  support: ItemSupport[];
  cases: CaseView[];
  currentCaseId: string | null;
  kader: Kader | null;
}

export interface PersonView {
  participantId: string;
  displayName: string;
  realRole: RealRole;
  role: GameRole | null;
  ready: boolean;
  removed: boolean;
  cards: number;
  eisen: number;
  votes: number;
}

export interface MineView {
  participantId: string;
  role: GameRole | null;
  briefing: Briefing | null;
  /** Facts only this role knows about the current round's case. */
  caseFacts: string[];
  cardIds: string[];
  points: { itemId: string; points: number }[];
  moscow: { itemId: string; choice: Moscow }[];
  pointsLeft: number;
}

export interface PlayerView {
  public: PublicView;
  /** Self for a participant, everyone for the spelleider, nobody for the beamer. */
  people: PersonView[];
  mine: MineView | null;
  drafts: EisView[];
}

export function phaseViews(state: SessionState): PhaseView[] {
  return state.phases.map((p, index) => ({
    index,
    kind: p.kind,
    roundId: p.kind === "rolwissel" ? p.roundId : null,
    caseIds: p.kind === "casustoets" ? p.caseIds : [],
    minutes: "minutes" in p && p.minutes ? p.minutes : null,
  }));
}

const eisView = (e: { id: string; roundId: string; role: GameRole; categoryId: string; text: string; itemId: string | null }): EisView => ({
  id: e.id,
  roundId: e.roundId,
  role: e.role,
  categoryId: e.categoryId,
  text: e.text,
  itemId: e.itemId,
});

function itemViews(state: SessionState): ItemView[] {
  return liveItems(state).map((item) => {
    const eisen = itemEisIds(item).flatMap((id) => state.eisen.get(id) ?? []);
    return {
      id: item.id,
      text: item.text,
      categoryId: item.categoryId,
      eisIds: eisen.map((e) => e.id),
      roles: [...new Set(eisen.map((e) => e.role))],
      roundIds: [...new Set(eisen.map((e) => e.roundId))],
      caseIds: itemCaseIds(item),
    };
  });
}

function caseViews(state: SessionState): CaseView[] {
  const scenarioCases = new Map<string, Case>(state.scenario.cases.map((c) => [c.id, c]));
  return [...state.cases.values()].map((c) => ({
    id: c.id,
    source: c.source,
    title: c.title,
    situation: c.situation,
    effectWanted: c.effectWanted,
    dilemma: c.dilemma ?? "",
    laws: scenarioCases.get(c.id)?.laws ?? [],
    stepIndex: c.stepIndex,
    notes: c.notes.map((n) => ({ id: n.id, stepId: n.stepId, text: n.text, role: n.role })),
    verdicts: [...c.verdicts].map(([itemId, verdict]) => ({ itemId, verdict })),
    decision: c.decision?.decision ?? "",
    costNow: c.decision?.costNow ?? "",
    costLater: c.decision?.costLater ?? "",
    costNote: c.decision?.costNote ?? "",
  }));
}

const suggestionCache = new WeakMap<SessionState, { key: string; suggestions: Suggestion[] }>();

/** Duplicate suggestions among free eisen and items, recomputed only when the board's texts change. */
export function boardSuggestions(state: SessionState): Suggestion[] {
  if (state.phases[state.phaseIndex]?.kind !== "samenvoegen") return [];
  const entries = [
    ...[...state.eisen.values()]
      .filter((e) => e.itemId === null && state.rounds.get(e.roundId)?.revealed)
      .map((e) => ({ ref: { kind: "eis" as const, id: e.id }, text: e.text, role: e.role })),
    ...liveItems(state).map((i) => ({ ref: { kind: "item" as const, id: i.id }, text: i.text })),
  ];
  const key = entries.map((e) => `${e.ref.kind}:${e.ref.id}:${e.text}`).join("\n");
  const cached = suggestionCache.get(state);
  if (cached && cached.key === key) return cached.suggestions;
  const suggestions = suggestDuplicates(entries);
  suggestionCache.set(state, { key, suggestions });
  return suggestions;
}

export function publicView(state: SessionState): PublicView {
  const phases = phaseViews(state);
  const phase = phases[state.phaseIndex] ?? { index: state.phaseIndex, kind: "lobby", roundId: null, caseIds: [], minutes: null };
  const active = [...state.participants.values()].filter((p) => !p.removed);
  return {
    sessionId: state.sessionId,
    code: state.code,
    phase,
    phases,
    deadline: state.deadline,
    pausedRemainingMs: state.pausedRemainingMs,
    paused: state.paused,
    timerExpired: state.expiredPhaseIndex === state.phaseIndex,
    locked: state.locked,
    participantCount: active.length,
    seats: active.map((p) => ({ participantId: p.id, role: gameRoleOf(state, p.id) })),
    cards: [...state.cards.values()].map((c) => ({ id: c.id, promptId: c.promptId, text: c.text, clusterId: c.clusterId })),
    clusters: [...state.clusters.values()].map((c) => ({ id: c.id, promptId: c.promptId, label: c.label })),
    rounds: state.scenario.rounds.map((r) => ({ id: r.id, revealed: state.rounds.get(r.id)?.revealed ?? false, assigned: state.rounds.has(r.id) })),
    eisen: [...state.eisen.values()].filter((e) => state.rounds.get(e.roundId)?.revealed).map(eisView),
    items: itemViews(state),
    spanningen: openSpanningen(state),
    suggestions: boardSuggestions(state),
    votesRevealed: state.votesRevealed,
    support: state.votesRevealed ? supportByItem(state) : [],
    cases: caseViews(state),
    currentCaseId: state.currentCaseId,
    kader: phase.kind === "resultaat" ? kader(state) : null,
  };
}

export function personView(state: SessionState, participantId: string): PersonView | null {
  const p = state.participants.get(participantId);
  if (!p) return null;
  const ballot = state.ballots.get(p.id);
  return {
    participantId: p.id,
    displayName: p.displayName,
    realRole: p.realRole,
    role: gameRoleOf(state, p.id),
    ready: state.ready.get(state.phaseIndex)?.has(p.id) ?? false,
    removed: p.removed,
    cards: [...state.cards.values()].filter((c) => c.authorId === p.id).length,
    eisen: [...state.eisen.values()].filter((e) => e.authorId === p.id && e.roundId === currentRoundId(state)).length,
    votes: ballot ? ballot.points.size + ballot.moscow.size : 0,
  };
}

export function mineView(state: SessionState, participantId: string): MineView {
  const role = gameRoleOf(state, participantId);
  const roundId = currentRoundId(state);
  const caseId = state.scenario.rounds.find((r) => r.id === roundId)?.caseId;
  const scenarioCase = state.scenario.cases.find((c) => c.id === caseId);
  const ballot = state.ballots.get(participantId);
  const spent = [...(ballot?.points.values() ?? [])].reduce((a, b) => a + b, 0);
  const budget = state.scenario.voting.mode === "punten" ? state.scenario.voting.budget : 0;
  return {
    participantId,
    role,
    briefing: role ? state.scenario.roles[role] : null,
    caseFacts: role && scenarioCase ? (scenarioCase.factsPerRole[role] ?? []) : [],
    cardIds: [...state.cards.values()].filter((c) => c.authorId === participantId).map((c) => c.id),
    points: [...(ballot?.points ?? [])].map(([itemId, points]) => ({ itemId, points })),
    moscow: [...(ballot?.moscow ?? [])].map(([itemId, choice]) => ({ itemId, choice })),
    pointsLeft: budget - spent,
  };
}

/** A participant's own eisen that are not yet visible to the group. */
export function draftsOf(state: SessionState, participantId: string): EisView[] {
  return [...state.eisen.values()].filter((e) => e.authorId === participantId && !state.rounds.get(e.roundId)?.revealed).map(eisView);
}

export function playerView(state: SessionState, viewer: Viewer): PlayerView {
  const pub = publicView(state);
  switch (viewer.kind) {
    case "beamer":
      return { public: pub, people: [], mine: null, drafts: [] };
    case "spelleider":
      return { public: pub, people: [...state.participants.keys()].flatMap((id) => personView(state, id) ?? []), mine: null, drafts: [] };
    case "participant": {
      const person = personView(state, viewer.participantId);
      return {
        public: pub,
        people: person ? [person] : [],
        mine: person ? mineView(state, viewer.participantId) : null,
        drafts: draftsOf(state, viewer.participantId),
      };
    }
    default: {
      const unreachable: never = viewer;
      return unreachable;
    }
  }
}
