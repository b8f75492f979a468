/**
 * What the lobby and the pacing rules (server/core/lobby.ts, pacing.ts) make visible, and what every phase shows of
 * the people in it: the session's facts and the scenario (everyone), seats by game role (everyone, never a name),
 * each person's entry (that participant and the spelleider: name, real role, progress), each participant's own screen
 * (only them: role, briefing, ballot, cards) and the counts by function (the spelleider and the beamer).
 */
import { GAME_ROLES, type GameRole, type RealRole } from "#shared/protocol/ids.ts";
import type { Case, Scenario } from "#shared/protocol/scenario.ts";
import type { CountsView, MineView, PersonView, PhaseView, ProposalView, PublicScenario, SeatView, SessionView } from "#shared/protocol/views.ts";
import { hasVoted, pointsSpent } from "../prioriteren.ts";
import { currentCaseFor, currentRoundId, gameRoleOf, tableOf, type CaseProposal, type SessionState } from "../state.ts";
import { mineTerugkom, reflectionCount } from "../terugkom.ts";
import { EVERYONE, nobodyOnline, STAFF, type Entry, type FieldPart, type ListPart, type Online } from "./parts.ts";

export function phaseViews(state: SessionState): PhaseView[] {
  return state.phases.map((p, index) => ({
    index,
    kind: p.kind,
    roundId: p.kind === "rolwissel" ? p.roundId : null,
    caseIds: p.kind === "casustoets" ? p.caseIds : [],
    minutes: "minutes" in p && p.minutes ? p.minutes : null,
  }));
}

const publicScenarios = new WeakMap<Scenario, PublicScenario>();

/** The scenario as everyone may see it (no afloop, no facts per role); made once per scenario. */
export function publicScenario(scenario: Scenario): PublicScenario {
  const known = publicScenarios.get(scenario);
  if (known) return known;
  const view: PublicScenario = {
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
  publicScenarios.set(scenario, view);
  return view;
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

/** What each participant made, counted once for all of them (a person entry counts, a screen lists its cards). */
interface Authored {
  cardIds: Map<string, string[]>;
  eisenThisRound: Map<string, number>;
  proposals: Map<string, ProposalView[]>;
  /** The round that sets the roles now, and its case in the scenario. */
  roundId: string | null;
  scenarioCase: Case | undefined;
}

/** What everyone made, or (with `only`) what that one participant made. */
function authored(state: SessionState, only?: string): Authored {
  const cardIds = new Map<string, string[]>();
  for (const c of state.cards.values()) {
    if (only !== undefined && c.authorId !== only) continue;
    const list = cardIds.get(c.authorId);
    if (list) list.push(c.id);
    else cardIds.set(c.authorId, [c.id]);
  }
  const roundId = currentRoundId(state);
  const eisenThisRound = new Map<string, number>();
  for (const e of state.eisen.values()) if (e.roundId === roundId && (only === undefined || e.authorId === only)) eisenThisRound.set(e.authorId, (eisenThisRound.get(e.authorId) ?? 0) + 1);
  const proposals = new Map<string, ProposalView[]>();
  for (const c of state.proposals.values()) {
    if (only !== undefined && c.authorId !== only) continue;
    const list = proposals.get(c.authorId);
    if (list) list.push(proposalView(c));
    else proposals.set(c.authorId, [proposalView(c)]);
  }
  const caseId = state.scenario.rounds.find((r) => r.id === roundId)?.caseId;
  return { cardIds, eisenThisRound, proposals, roundId, scenarioCase: state.scenario.cases.find((c) => c.id === caseId) };
}

export function personView(state: SessionState, participantId: string, online: Online = nobodyOnline, made: Authored = authored(state)): PersonView | null {
  const p = state.participants.get(participantId);
  if (!p) return null;
  const ballot = state.ballots.get(p.id);
  return {
    participantId: p.id,
    displayName: p.displayName,
    realRole: p.realRole,
    tableId: p.tableId,
    role: gameRoleOf(state, p.id),
    ready: state.ready.get(state.phaseIndex)?.has(p.id) ?? false,
    removed: p.removed,
    online: online.has(p.id),
    cards: made.cardIds.get(p.id)?.length ?? 0,
    eisen: made.eisenThisRound.get(p.id) ?? 0,
    votes: ballot ? ballot.points.size + ballot.moscow.size : 0,
    reflecties: reflectionCount(state, p.id),
    proposals: made.proposals.get(p.id) ?? [],
  };
}

export function mineView(state: SessionState, participantId: string, made: Authored = authored(state)): MineView {
  const role = made.roundId ? (state.rounds.get(made.roundId)?.assignments.get(participantId) ?? null) : null;
  const scenarioCase = made.scenarioCase;
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
    cardIds: made.cardIds.get(participantId) ?? [],
    points: [...(ballot?.points ?? [])].map(([itemId, points]) => ({ itemId, points })),
    moscow: [...(ballot?.moscow ?? [])].map(([itemId, choice]) => ({ itemId, choice })),
    pointsLeft: budget - spent,
    caseVote: state.caseVotes.get(participantId) ?? null,
    ...mineTerugkom(state, participantId),
  };
}

/**
 * The shared screen's counts: arrivals per own function (numbers only, no ids); in a rolwissel-ronde the eisen
 * written per role so far, drafts included, as numbers: the room sees the work grow while the texts stay private;
 * and while the vote is open, how many of those who may vote (everyone with a game role) have voted, not who.
 */
export function countsView(state: SessionState): CountsView {
  const arrivals: Record<RealRole, number> = { raadslid: 0, wethouder: 0, directeur: 0, beleidsambtenaar: 0, teamleider: 0, wijkteamprofessional: 0, anders: 0 };
  for (const p of state.participants.values()) if (!p.removed) arrivals[p.realRole] += 1;
  const phase = state.phases[state.phaseIndex];
  const voting = phase?.kind === "prioriteren" && !state.votesRevealed ? votingCount(state) : null;
  const roundId = phase?.kind === "rolwissel" && state.rounds.has(phase.roundId) ? phase.roundId : null;
  if (roundId === null) return { arrivals, written: null, voting };
  const perRole: Record<GameRole, number> = { burger: 0, raadslid: 0, wethouder: 0, directeur: 0, beleidsambtenaar: 0, wijkteamprofessional: 0 };
  for (const e of state.eisen.values()) if (e.roundId === roundId) perRole[e.role] += 1;
  return { arrivals, written: { roundId, perRole }, voting };
}

function votingCount(state: SessionState): { voted: number; voters: number } {
  let voters = 0;
  let voted = 0;
  for (const p of state.participants.values()) {
    if (p.removed || gameRoleOf(state, p.id) === null) continue;
    voters += 1;
    if (hasVoted(state, p.id)) voted += 1;
  }
  return { voted, voters };
}

/** The one key of the counts part (and of its map in the room's state). */
export const COUNTS_KEY = "counts";

export const session: FieldPart<"session"> = {
  kind: "field",
  name: "session",
  reads: ["participants", "tafels", "pacing", "roles", "reveal", "cases", "terugkom", "presence"],
  value: sessionView,
};

/** Set once: a session keeps its scenario. */
export const scenario: FieldPart<"scenario"> = { kind: "field", name: "scenario", reads: [], value: (state) => publicScenario(state.scenario) };

export const seats: ListPart<"seats"> = {
  kind: "list",
  name: "seats",
  reads: ["participants", "tafels", "pacing", "roles", "presence"],
  entries: (state, online) => seatViews(state, online).map((value) => ({ key: value.participantId, value, seenBy: EVERYONE })),
};

/** Each person's entry: that participant, and the spelleider (names and real roles never reach the board). */
export const people: ListPart<"people"> = {
  kind: "list",
  name: "people",
  reads: ["participants", "ready", "tafels", "pacing", "roles", "cards", "eisen", "ballots", "cases", "terugkom", "presence"],
  entries: (state, online) => {
    const made = authored(state);
    return [...state.participants.keys()].flatMap((id): Entry<"people">[] => {
      const entry = personEntry(state, online, id, made);
      return entry ? [entry] : [];
    });
  },
  keyed: { by: "participants", entry: (state, online, participantId) => personEntry(state, online, participantId, authored(state, participantId)) },
};

function personEntry(state: SessionState, online: Online, participantId: string, made: Authored): Entry<"people"> | null {
  const value = personView(state, participantId, online, made);
  return value ? { key: participantId, value, seenBy: { kind: "own", participantId, spelleider: true } } : null;
}

/** Each participant's own screen: briefing, ballot, cards. Only theirs; not even the spelleider sees a ballot. */
export const mine: ListPart<"mine"> = {
  kind: "list",
  name: "mine",
  reads: ["participants", "tafels", "pacing", "roles", "cards", "board", "ballots", "cases", "terugkom"],
  entries: (state) => {
    const made = authored(state);
    return [...state.participants.keys()].map((id) => mineEntry(state, id, made));
  },
  keyed: { by: "participants", entry: (state, _online, participantId) => (state.participants.has(participantId) ? mineEntry(state, participantId, authored(state, participantId)) : null) },
};

const mineEntry = (state: SessionState, participantId: string, made: Authored): Entry<"mine"> => ({
  key: participantId,
  value: mineView(state, participantId, made),
  seenBy: { kind: "own", participantId, spelleider: false },
});

export const counts: ListPart<"counts"> = {
  kind: "list",
  name: "counts",
  reads: ["participants", "pacing", "roles", "eisen", "ballots", "reveal"],
  entries: (state) => [{ key: COUNTS_KEY, value: countsView(state), seenBy: STAFF }],
};
