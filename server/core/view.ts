/**
 * playerView: what each viewer may see. Everyone sees the shared board with contributions by game role only;
 * a participant also sees their own name, briefing, drafts and ballot; the spelleider sees names, real roles and
 * who is ready, but not drafts or ballots. The room projects these plain views onto Colyseus schema.
 */
import { GAME_ROLES, type GameRole, type RealRole } from "#shared/protocol/ids.ts";
import type { Case, Scenario } from "#shared/protocol/scenario.ts";
import type {
  CardView,
  CaseView,
  ClusterView,
  CountsView,
  EisView,
  ItemView,
  KaderView,
  MineView,
  PersonView,
  PhaseView,
  ProposalView,
  PublicScenario,
  SeatView,
  SessionView,
  SpanningView,
  SuggestionView,
  SupportView,
  TableView,
  TerugkomView,
} from "#shared/protocol/views.ts";
import { caseVoteCounts } from "./casustoets.ts";
import { pointsSpent, supportByItem } from "./prioriteren.ts";
import { kader, openSpanningen } from "./resultaat.ts";
import { currentCaseFor, currentRoundId, eisVisible, gameRoleOf, itemCaseIds, itemEisIds, liveItems, tableOf, type Card, type CaseProposal, type Cluster, type PveItem, type SessionState } from "./state.ts";
import { suggestDuplicates } from "./suggestions.ts";
import { mineTerugkom, reflectionCount, terugkomView } from "./terugkom.ts";

export type Viewer = { kind: "participant"; participantId: string } | { kind: "spelleider" } | { kind: "beamer" };

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

/** Who is connected right now: presence is not part of the log, the room passes it in. */
export type Online = ReadonlySet<string>;
const nobodyOnline: Online = new Set();

export function phaseViews(state: SessionState): PhaseView[] {
  return state.phases.map((p, index) => ({
    index,
    kind: p.kind,
    roundId: p.kind === "rolwissel" ? p.roundId : null,
    caseIds: p.kind === "casustoets" ? p.caseIds : [],
    minutes: "minutes" in p && p.minutes ? p.minutes : null,
  }));
}

export const eisView = (e: { id: string; roundId: string; role: GameRole; categoryId: string; text: string; itemId: string | null; tableId: string | null }): EisView => ({
  id: e.id,
  roundId: e.roundId,
  role: e.role,
  categoryId: e.categoryId,
  text: e.text,
  itemId: e.itemId,
  tableId: e.tableId,
});

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

export function itemViews(state: SessionState): ItemView[] {
  return liveItems(state).map((item) => itemView(state, item));
}

export function itemView(state: SessionState, item: PveItem): ItemView {
  const eisen = itemEisIds(item).flatMap((id) => state.eisen.get(id) ?? []);
  return {
    id: item.id,
    text: item.text,
    categoryId: item.categoryId,
    eisIds: eisen.map((e) => e.id),
    roles: [...new Set(eisen.map((e) => e.role))],
    roundIds: [...new Set(eisen.map((e) => e.roundId))],
    caseIds: itemCaseIds(item),
    tableId: item.tableId,
    tableIds: [...new Set(eisen.flatMap((e) => (e.tableId ? [e.tableId] : [])))],
  };
}

export function caseViews(state: SessionState): CaseView[] {
  const votes = caseVoteCounts(state);
  const scenarioCases = new Map<string, Case>(state.scenario.cases.map((c) => [c.id, c]));
  return [...state.cases.values()].map((c) => ({
    id: c.id,
    source: c.source,
    title: c.title,
    situation: c.situation,
    effectWanted: c.effectWanted,
    dilemma: c.dilemma ?? "",
    laws: scenarioCases.get(c.id)?.laws ?? [],
    rules: c.rules ?? "",
    stepIndex: c.stepIndex,
    notes: c.notes.map((n) => ({ id: n.id, stepId: n.stepId, text: n.text, role: n.role })),
    verdicts: [...c.verdicts].map(([itemId, verdict]) => ({ itemId, verdict })),
    decision: c.decision ? { ...c.decision } : null,
    hasAfloop: c.afloop !== null,
    // The moment of learning comes after the group's own decision, never before.
    afloop: c.decision ? c.afloop : null,
    votes: votes.get(c.id) ?? 0,
  }));
}

const suggestionCache = new WeakMap<SessionState, { key: string; suggestions: SuggestionView[] }>();

/**
 * Duplicate suggestions among free eisen and items, recomputed only when the board's texts change. In samenvoegen
 * each tafel gets its own (a tafel merges only its own cards); in plenair they span all tafels.
 */
export function boardSuggestions(state: SessionState): SuggestionView[] {
  const kind = state.phases[state.phaseIndex]?.kind;
  if (kind !== "samenvoegen" && kind !== "plenair") return [];
  const entries = [
    ...[...state.eisen.values()]
      .filter((e) => e.itemId === null && eisVisible(state, e))
      .map((e) => ({ ref: { kind: "eis" as const, id: e.id }, text: e.text, role: e.role, tableId: e.tableId })),
    ...liveItems(state).map((i) => ({ ref: { kind: "item" as const, id: i.id }, text: i.text, tableId: i.tableId })),
  ];
  const key = `${kind}\n${entries.map((e) => `${e.ref.kind}:${e.ref.id}:${e.tableId ?? ""}:${e.text}`).join("\n")}`;
  const cached = suggestionCache.get(state);
  if (cached && cached.key === key) return cached.suggestions;
  const groups = new Map<string, typeof entries>();
  for (const e of entries) {
    const group = kind === "plenair" ? "" : (e.tableId ?? "");
    groups.set(group, [...(groups.get(group) ?? []), e]);
  }
  const suggestions = [...groups.values()].flatMap((group) => suggestDuplicates(group));
  suggestionCache.set(state, { key, suggestions });
  return suggestions;
}

export function publicScenario(scenario: Scenario): PublicScenario {
  return {
    id: scenario.id,
    title: scenario.title,
    intro: scenario.intro,
    roles: GAME_ROLES.map((role) => ({ role, name: scenario.roles[role].name, summary: scenario.roles[role].summary })),
    categories: scenario.categories,
    prompts: scenario.beeldvorming.prompts,
    rounds: scenario.rounds,
    omgekeerdeToets: scenario.omgekeerdeToets,
    voting: scenario.voting,
  };
}

export function sessionView(state: SessionState, online: Online = nobodyOnline): SessionView {
  const phases = phaseViews(state);
  const phase = phases[state.phaseIndex] ?? { index: state.phaseIndex, kind: "lobby", roundId: null, caseIds: [], minutes: null };
  const active = [...state.participants.values()].filter((p) => !p.removed);
  return {
    sessionId: state.sessionId,
    code: state.code,
    label: state.label,
    phase,
    phases,
    deadline: state.deadline,
    pausedRemainingMs: state.pausedRemainingMs,
    paused: state.paused,
    timerExpired: state.expiredPhaseIndex === state.phaseIndex,
    locked: state.locked,
    participantCount: active.length,
    onlineCount: active.filter((p) => online.has(p.id)).length,
    rounds: state.scenario.rounds.map((r) => ({ id: r.id, revealed: state.rounds.get(r.id)?.revealed ?? false, assigned: state.rounds.has(r.id) })),
    votesRevealed: state.votesRevealed,
    currentCaseId: state.currentCaseId,
    tables: [...state.tables.values()].map((t) => ({ tableId: t.id, name: t.name })),
    caseByTable: [...state.caseByTable].map(([tableId, caseId]) => ({ tableId, caseId })),
    terugkomStage: state.terugkom?.stage ?? null,
  };
}

export const seatViews = (state: SessionState, online: Online = nobodyOnline): SeatView[] =>
  [...state.participants.values()]
    .filter((p) => !p.removed)
    .map((p) => ({ participantId: p.id, role: gameRoleOf(state, p.id), online: online.has(p.id), tableId: p.tableId }));

export const cardView = (c: Card): CardView => ({ id: c.id, promptId: c.promptId, text: c.text, clusterId: c.clusterId });
export const cardViews = (state: SessionState): CardView[] => [...state.cards.values()].map(cardView);

export const clusterView = (c: Cluster): ClusterView => ({ id: c.id, promptId: c.promptId, label: c.label });
export const clusterViews = (state: SessionState): ClusterView[] => [...state.clusters.values()].map(clusterView);

/** Eisen the group may see: those of revealed rounds (or of a tafel revealed on its own). */
export const revealedEisen = (state: SessionState): EisView[] => [...state.eisen.values()].filter((e) => eisVisible(state, e)).map(eisView);

export const openSpanningenView = (state: SessionState): SpanningView[] => openSpanningen(state);

export const supportViews = (state: SessionState): SupportView[] => (state.votesRevealed ? supportByItem(state) : []);

/** `support`: supportViews(state), when the caller has it already. */
export const kaderView = (state: SessionState, support?: readonly SupportView[]): KaderView | null =>
  state.phases[state.phaseIndex]?.kind === "resultaat" ? kader(state, support) : null;

export function personView(state: SessionState, participantId: string, online: Online = nobodyOnline): PersonView | null {
  const p = state.participants.get(participantId);
  if (!p) return null;
  const ballot = state.ballots.get(p.id);
  const roundId = currentRoundId(state);
  return {
    participantId: p.id,
    displayName: p.displayName,
    realRole: p.realRole,
    tableId: p.tableId,
    role: gameRoleOf(state, p.id),
    ready: state.ready.get(state.phaseIndex)?.has(p.id) ?? false,
    removed: p.removed,
    online: online.has(p.id),
    cards: [...state.cards.values()].filter((c) => c.authorId === p.id).length,
    eisen: [...state.eisen.values()].filter((e) => e.authorId === p.id && e.roundId === roundId).length,
    votes: ballot ? ballot.points.size + ballot.moscow.size : 0,
    reflecties: reflectionCount(state, p.id),
    proposals: [...state.proposals.values()].filter((c) => c.authorId === p.id).map(proposalView),
  };
}

export const proposalView = (c: CaseProposal): ProposalView => ({
  caseId: c.id,
  title: c.draft.title,
  situation: c.draft.situation,
  effectWanted: c.draft.effectWanted,
  dilemma: c.draft.dilemma ?? "",
  rules: c.draft.rules ?? "",
  afloop: c.draft.afloop ?? "",
  admitted: c.admitted,
  declined: c.declined !== null,
  declineReason: c.declined?.reason ?? "",
});

export function mineView(state: SessionState, participantId: string): MineView {
  const role = gameRoleOf(state, participantId);
  const roundId = currentRoundId(state);
  const caseId = state.scenario.rounds.find((r) => r.id === roundId)?.caseId;
  const scenarioCase: Case | undefined = state.scenario.cases.find((c) => c.id === caseId);
  const ballot = state.ballots.get(participantId);
  const spent = pointsSpent(state, participantId);
  const budget = state.scenario.voting.mode === "punten" ? state.scenario.voting.budget : 0;
  return {
    participantId,
    role,
    tableId: tableOf(state, participantId),
    currentCaseId: currentCaseFor(state, participantId),
    briefing: role ? state.scenario.roles[role] : null,
    caseFacts: role && scenarioCase ? (scenarioCase.factsPerRole[role] ?? []) : [],
    cardIds: [...state.cards.values()].filter((c) => c.authorId === participantId).map((c) => c.id),
    points: [...(ballot?.points ?? [])].map(([itemId, points]) => ({ itemId, points })),
    moscow: [...(ballot?.moscow ?? [])].map(([itemId, choice]) => ({ itemId, choice })),
    pointsLeft: budget - spent,
    caseVote: state.caseVotes.get(participantId) ?? null,
    ...mineTerugkom(state, participantId),
  };
}

/** A participant's own eisen that are not yet visible to the group. */
export function draftsOf(state: SessionState, participantId: string): EisView[] {
  return [...state.eisen.values()].filter((e) => e.authorId === participantId && !eisVisible(state, e)).map(eisView);
}

/**
 * The shared screen's counts: arrivals per own function (numbers only, no ids), and in a rolwissel-ronde the eisen
 * written per role so far, drafts included, as numbers: the room sees the work grow while the texts stay private.
 */
export function countsView(state: SessionState): CountsView {
  const arrivals: Record<RealRole, number> = { raadslid: 0, wethouder: 0, directeur: 0, beleidsambtenaar: 0, teamleider: 0, wijkteamprofessional: 0, anders: 0 };
  for (const p of state.participants.values()) if (!p.removed) arrivals[p.realRole] += 1;
  const phase = state.phases[state.phaseIndex];
  const roundId = phase?.kind === "rolwissel" && state.rounds.has(phase.roundId) ? phase.roundId : null;
  if (roundId === null) return { arrivals, written: null };
  const perRole: Record<GameRole, number> = { burger: 0, raadslid: 0, wethouder: 0, directeur: 0, beleidsambtenaar: 0, wijkteamprofessional: 0 };
  for (const e of state.eisen.values()) if (e.roundId === roundId) perRole[e.role] += 1;
  return { arrivals, written: { roundId, perRole } };
}

/** Every tafel's progress, counts only: what the spelleider and the beamer show side by side. */
export function tableViews(state: SessionState, online: Online = nobodyOnline): TableView[] {
  const roundId = currentRoundId(state);
  const round = roundId ? state.rounds.get(roundId) : undefined;
  const ready = state.ready.get(state.phaseIndex) ?? new Set<string>();
  return [...state.tables.values()].map((table) => {
    const members = [...state.participants.values()].filter((p) => !p.removed && p.tableId === table.id);
    const ids = new Set(members.map((p) => p.id));
    const eisen = roundId ? [...state.eisen.values()].filter((e) => e.roundId === roundId && e.tableId === table.id) : [];
    const caseId = state.caseByTable.get(table.id) ?? state.currentCaseId;
    return {
      tableId: table.id,
      name: table.name,
      members: members.length,
      online: members.filter((p) => online.has(p.id)).length,
      ready: members.filter((p) => ready.has(p.id)).length,
      wrote: new Set(eisen.map((e) => e.authorId).filter((id) => ids.has(id))).size,
      eisen: eisen.length,
      revealed: Boolean(round && (round.revealed || round.revealedTables.has(table.id))),
      items: liveItems(state).filter((i) => i.tableId === table.id).length,
      voted: members.filter((p) => {
        const b = state.ballots.get(p.id);
        return b !== undefined && b.points.size + b.moscow.size > 0;
      }).length,
      caseId,
      stepIndex: caseId ? (state.cases.get(caseId)?.stepIndex ?? null) : null,
      roles: [...new Set(members.flatMap((p) => round?.assignments.get(p.id) ?? []))],
    };
  });
}

export function playerView(state: SessionState, viewer: Viewer, online: Online = nobodyOnline): PlayerView {
  const shared = {
    session: sessionView(state, online),
    scenario: publicScenario(state.scenario),
    seats: seatViews(state, online),
    cards: cardViews(state),
    clusters: clusterViews(state),
    eisen: revealedEisen(state),
    items: itemViews(state),
    spanningen: openSpanningen(state),
    suggestions: boardSuggestions(state),
    support: supportViews(state),
    cases: caseViews(state),
    tables: tableViews(state, online),
    kader: kaderView(state),
    terugkom: terugkomView(state),
  };
  switch (viewer.kind) {
    case "beamer":
      return { ...shared, people: [], mine: null, drafts: [], counts: countsView(state) };
    case "spelleider":
      return { ...shared, people: [...state.participants.keys()].flatMap((id) => personView(state, id, online) ?? []), mine: null, drafts: [], counts: countsView(state) };
    case "participant": {
      const person = personView(state, viewer.participantId, online);
      const scope = tableScopeFor(state, viewer.participantId);
      return {
        ...shared,
        eisen: shared.eisen.filter((e) => visibleIn(scope, e.tableId)),
        items: shared.items.filter((i) => visibleIn(scope, i.tableId)),
        people: person ? [person] : [],
        mine: person ? mineView(state, viewer.participantId) : null,
        drafts: draftsOf(state, viewer.participantId),
        counts: null,
      };
    }
    default: {
      const unreachable: never = viewer;
      return unreachable;
    }
  }
}
