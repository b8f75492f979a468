/**
 * evolve: folds one event into the state. It mutates the state it is given and returns it: the caller owns that
 * state (a room's live state, or a fresh one in `replay`), which keeps replaying 10,000 events cheap.
 * `decide` never mutates; it only reads.
 */
import type { EventOf, SessionEvent } from "#shared/protocol/events.ts";
import { applyBeeldvorming } from "./beeldvorming.ts";
import { applyCasustoets } from "./casustoets.ts";
import { applyLobby } from "./lobby.ts";
import { applyPacing } from "./pacing.ts";
import { applyPrioriteren } from "./prioriteren.ts";
import { applyRolwissel } from "./rolwissel.ts";
import { applySamenvoegen } from "./samenvoegen.ts";
import { applyTafels } from "./tafels.ts";
import { applyTerugkom } from "./terugkom.ts";
import { caseFromScenario, type SessionState } from "./state.ts";

/** The state a session starts in: its first event carries the whole scenario. */
export function initialState(created: EventOf<"SessionCreated">): SessionState {
  const variant = created.scenario.variants.find((v) => v.id === created.variantId) ?? created.scenario.variants[0];
  return {
    sessionId: created.sessionId,
    code: created.code,
    label: created.label,
    scenario: created.scenario,
    variantId: created.variantId,
    engineVersion: created.engineVersion,
    createdAt: created.at,
    phases: variant ? variant.phases : [{ kind: "lobby" }, { kind: "resultaat" }],
    phaseIndex: 0,
    deadline: null,
    expiredPhaseIndex: null,
    paused: false,
    pausedRemainingMs: null,
    locked: false,
    participants: new Map(),
    ready: new Map(),
    cards: new Map(),
    clusters: new Map(),
    rounds: new Map(),
    eisen: new Map(),
    items: new Map(),
    spanningen: new Map(),
    ballots: new Map(),
    votesRevealed: false,
    cases: new Map(created.scenario.cases.map((c) => [c.id, caseFromScenario(c)])),
    proposals: new Map(),
    caseVotes: new Map(),
    currentCaseId: null,
    caseByTable: new Map(),
    tables: new Map(),
    terugkom: null,
    lastEventAt: created.at,
  };
}

export function evolve(state: SessionState, event: SessionEvent): SessionState {
  state.lastEventAt = event.at;
  switch (event.type) {
    case "SessionCreated":
      // Only ever the first event; `replay` turns it into the initial state.
      return state;
    case "ParticipantJoined":
    case "ParticipantRemoved":
    case "ReadinessChanged":
    case "SessionLockChanged":
      applyLobby(state, event);
      return state;
    case "TablesAssigned":
    case "ParticipantMoved":
      applyTafels(state, event);
      return state;
    case "PhaseStarted":
    case "TimerSet":
    case "TimerExpired":
    case "SessionPaused":
    case "SessionResumed":
      applyPacing(state, event);
      return state;
    case "CardPosted":
    case "CardRemoved":
    case "ClusterCreated":
    case "ClusterRenamed":
    case "CardClustered":
      applyBeeldvorming(state, event);
      return state;
    case "RolesAssigned":
    case "EisWritten":
    case "EisEdited":
    case "EisDeleted":
    case "EisenRevealed":
      applyRolwissel(state, event);
      return state;
    case "PveItemCreated":
    case "PveItemEdited":
    case "PveMergeUndone":
    case "PveItemSplit":
    case "SpanningMarked":
    case "SpanningRemoved":
      applySamenvoegen(state, event);
      return state;
    case "PointsAllocated":
    case "MoscowChosen":
    case "VotesRevealed":
      applyPrioriteren(state, event);
      return state;
    case "CaseAdded":
    case "CaseProposed":
    case "CaseAdmitted":
    case "CaseDeclined":
    case "CaseVoteCast":
    case "CaseChosen":
    case "CaseOpened":
    case "ToetsNoteAdded":
    case "ToetsStepAdvanced":
    case "ToetsStepReturned":
    case "VerdictGiven":
    case "CaseDecided":
      applyCasustoets(state, event);
      return state;
    case "TerugkomOpened":
    case "TerugkomStageSet":
    case "ReflectionGiven":
    case "KaderItemAmended":
    case "KaderItemAdded":
    case "KaderItemRetired":
    case "KaderItemRestored":
    case "KaderSteunGiven":
      applyTerugkom(state, event);
      return state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** The one fold used by the room after a restart, by the terugkom replay, and by the tests. */
export function replay(events: readonly SessionEvent[]): SessionState {
  const [first, ...rest] = events;
  if (!first || first.type !== "SessionCreated") throw new Error("Een sessielog begint altijd met SessionCreated.");
  const state = initialState(first);
  for (const event of rest) evolve(state, event);
  return state;
}
