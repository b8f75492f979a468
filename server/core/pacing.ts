/**
 * Pacing: moving between phases, timers and pause. Timers are facts: a deadline recorded in an event. The room
 * only asks "has it run out?" with `timer.expire` at the deadline; core decides what running out means.
 */
import type { CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf, NewEvent } from "#shared/protocol/events.ts";
import type { Phase } from "#shared/protocol/scenario.ts";
import { accept, reject, type Decision } from "./decision.ts";
import { onEnterRolwissel, onLeaveRolwissel } from "./rolwissel.ts";
import { onLeavePrioriteren } from "./prioriteren.ts";
import { onEnterCasustoets } from "./casustoets.ts";
import type { SessionState } from "./state.ts";
import { PHASE_NAMES } from "./phaseNames.ts";

const MINUTE = 60_000;

const deadlineFor = (phase: Phase, now: number): number | null =>
  "minutes" in phase && phase.minutes ? now + phase.minutes * MINUTE : null;

/** Events that close the phase being left: hidden work becomes visible, whichever way the group moves. */
function leaving(state: SessionState, forward: boolean): NewEvent[] {
  const phase = state.phases[state.phaseIndex];
  if (phase?.kind === "rolwissel") return onLeaveRolwissel(state, phase.roundId);
  if (phase?.kind === "prioriteren" && forward) return onLeavePrioriteren(state);
  return [];
}

function entering(state: SessionState, phase: Phase): NewEvent[] {
  if (phase.kind === "rolwissel") return onEnterRolwissel(state, phase.roundId);
  if (phase.kind === "casustoets") return onEnterCasustoets(state, phase);
  return [];
}

function moveTo(state: SessionState, index: number, forward: boolean, now: number): Decision {
  const phase = state.phases[index];
  if (!phase) return reject("ongeldig", "Die fase bestaat niet in dit scenario.");
  return accept(now, ...leaving(state, forward), { type: "PhaseStarted", phaseIndex: index, deadline: deadlineFor(phase, now) }, ...entering(state, phase));
}

/**
 * A move made from a phase the group has already left is not made again: "Volgende fase" pressed twice while the
 * first waited for the Wi-Fi arrives twice after the reconnect, and would otherwise skip a phase.
 */
function alreadyMoved(state: SessionState, fromIndex: number | undefined): Decision | null {
  if (fromIndex === undefined || fromIndex === state.phaseIndex) return null;
  const phase = state.phases[state.phaseIndex];
  const where = phase ? ` (${PHASE_NAMES[phase.kind]})` : "";
  return reject("ongeldig", `De groep is al in fase ${state.phaseIndex + 1}${where}: deze stap was al gezet.`);
}

export function decidePhaseNext(state: SessionState, cmd: CommandOf<"phase.next">, now: number): Decision {
  const moved = alreadyMoved(state, cmd.fromIndex);
  if (moved) return moved;
  if (state.phaseIndex >= state.phases.length - 1) return reject("ongeldig", "Dit is de laatste fase: het kader op maat is klaar.");
  if (state.phaseIndex === 0 && ![...state.participants.values()].some((p) => !p.removed)) {
    return reject("ongeldig", "Er is nog niemand binnen. Laat deelnemers eerst inloggen met de code.");
  }
  return moveTo(state, state.phaseIndex + 1, true, now);
}

export function decidePhasePrevious(state: SessionState, cmd: CommandOf<"phase.previous">, now: number): Decision {
  const moved = alreadyMoved(state, cmd.fromIndex);
  if (moved) return moved;
  if (state.phaseIndex <= 1) return reject("ongeldig", "Terug naar de lobby kan niet: het spel is al begonnen.");
  return moveTo(state, state.phaseIndex - 1, false, now);
}

export function decideTimerSet(state: SessionState, cmd: CommandOf<"timer.set">, now: number): Decision {
  if (state.paused) return reject("gepauzeerd", "Hervat eerst het spel; dan kun je de timer zetten.");
  return accept(now, { type: "TimerSet", deadline: now + cmd.minutes * MINUTE });
}

/**
 * More time for the running timer: "nog twee minuten erbij" counts from the deadline, or from now once the time is up
 * (the group gets the minutes it was promised either way).
 */
export function decideTimerExtend(state: SessionState, cmd: CommandOf<"timer.extend">, now: number): Decision {
  if (state.paused) return reject("gepauzeerd", "Hervat eerst het spel; dan kun je de timer verlengen.");
  if (state.deadline === null) return reject("ongeldig", "Er loopt geen timer om te verlengen. Zet eerst een timer.");
  return accept(now, { type: "TimerSet", deadline: Math.max(state.deadline, now) + cmd.minutes * MINUTE });
}

export function decideTimerClear(state: SessionState, _cmd: CommandOf<"timer.clear">, now: number): Decision {
  if (state.deadline === null && state.pausedRemainingMs === null) return reject("ongeldig", "Er loopt geen timer.");
  if (state.paused) return reject("gepauzeerd", "Hervat eerst het spel; dan kun je de timer stoppen.");
  return accept(now, { type: "TimerSet", deadline: null });
}

export function decideTimerExpire(state: SessionState, _cmd: CommandOf<"timer.expire">, now: number): Decision {
  if (state.deadline === null || now < state.deadline) return reject("ongeldig", "De timer is nog niet afgelopen.");
  if (state.expiredPhaseIndex === state.phaseIndex) return reject("ongeldig", "De timer van deze fase is al afgelopen.");
  const phase = state.phases[state.phaseIndex];
  const reveal = phase?.kind === "rolwissel" && !state.rounds.get(phase.roundId)?.revealed;
  const expired: NewEvent = { type: "TimerExpired", phaseIndex: state.phaseIndex };
  return reveal && phase?.kind === "rolwissel"
    ? accept(now, expired, { type: "EisenRevealed", roundId: phase.roundId, reason: "timer" })
    : accept(now, expired);
}

export function decidePause(state: SessionState, cmd: CommandOf<"session.pause">, now: number): Decision {
  if (state.paused === cmd.paused) return reject("ongeldig", cmd.paused ? "Het spel staat al op pauze." : "Het spel loopt al.");
  if (cmd.paused) return accept(now, { type: "SessionPaused", remainingMs: state.deadline === null ? null : Math.max(0, state.deadline - now) });
  return accept(now, { type: "SessionResumed", deadline: state.pausedRemainingMs === null ? null : now + state.pausedRemainingMs });
}

type PacingEvent = EventOf<"PhaseStarted" | "TimerSet" | "TimerExpired" | "SessionPaused" | "SessionResumed">;

export function applyPacing(state: SessionState, event: PacingEvent): void {
  switch (event.type) {
    case "PhaseStarted":
      state.phaseIndex = event.phaseIndex;
      state.expiredPhaseIndex = null;
      setTimer(state, event.deadline, event.at);
      return;
    case "TimerSet":
      state.expiredPhaseIndex = null;
      setTimer(state, event.deadline, event.at);
      return;
    case "TimerExpired":
      state.expiredPhaseIndex = event.phaseIndex;
      return;
    case "SessionPaused":
      state.paused = true;
      state.pausedRemainingMs = event.remainingMs;
      state.deadline = null;
      return;
    case "SessionResumed":
      state.paused = false;
      state.pausedRemainingMs = null;
      state.deadline = event.deadline;
      return;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** While paused a new timer waits as remaining time, so pausing never eats anyone's minutes. */
function setTimer(state: SessionState, deadline: number | null, at: number): void {
  if (state.paused) {
    state.pausedRemainingMs = deadline === null ? null : Math.max(0, deadline - at);
    state.deadline = null;
  } else {
    state.deadline = deadline;
  }
}
