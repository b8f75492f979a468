/**
 * Pacing: the spelleider moves between phases, sets timers and pauses. A timer is a recorded deadline; the room
 * asks "has it run out?" with timer.expire, and core decides what running out means. Leaving a phase makes its
 * hidden work visible; entering a rolwissel-ronde hands out roles.
 */
import { describe, expect, it } from "vitest";
import { GAME_ROLES, ownGameRole, type GameRole } from "#shared/protocol/ids.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import {
  MINUTE,
  NOW,
  PHASE,
  accepted,
  advanceTo,
  caseOpened,
  cmd,
  eisenRevealed,
  given,
  guest,
  joined,
  lobbyWith,
  nameOf,
  participant,
  paused,
  phaseStarted,
  play,
  rejected,
  removed,
  resumed,
  rolesAssigned,
  seatToken,
  spelleider,
  system,
  thenEvents,
  timerExpired,
  timerSet,
  votesRevealed,
  when,
} from "../fixtures/given.ts";

const SIX_LAYERS = ["raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional", "teamleider"] as const;

function assignmentsIn(events: SessionEvent[]): Map<string, GameRole> {
  const assigned = events.find((e) => e.type === "RolesAssigned");
  if (assigned?.type !== "RolesAssigned") throw new Error("geen RolesAssigned");
  return new Map(assigned.assignments.map((a) => [a.participantId, a.role]));
}

describe("phase.next and phase.previous", () => {
  it("the game cannot start before anyone is in", () => {
    rejected(when(given(), cmd("phase.next"), spelleider), "ongeldig", "nog niemand binnen");
  });

  it("removed participants do not count as being in", () => {
    rejected(when(given(joined("d1", "raadslid"), removed("d1")), cmd("phase.next"), spelleider), "ongeldig", "nog niemand binnen");
  });

  it("from the lobby the next phase starts with the scenario's timer as a recorded deadline", () => {
    const state = given(joined("d1", "raadslid"));
    thenEvents(when(state, cmd("phase.next"), spelleider), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE));
  });

  it("a phase without minutes starts without a deadline", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.ronde1), rolesAssigned("ronde1", { d1: "burger" }), phaseStarted(PHASE.ronde2), rolesAssigned("ronde2", { d1: "wethouder" }), eisenRevealed("ronde2"));
    thenEvents(when(state, cmd("phase.next"), spelleider), phaseStarted(PHASE.samenvoegen, null));
  });

  it("the last phase has no next one", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.resultaat));
    rejected(when(state, cmd("phase.next"), spelleider), "ongeldig", "laatste fase");
  });

  it("going back to the lobby is not possible once the game has begun", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming));
    rejected(when(state, cmd("phase.previous"), spelleider), "ongeldig", "Terug naar de lobby kan niet");
    rejected(when(given(joined("d1", "raadslid")), cmd("phase.previous"), spelleider), "ongeldig", "Terug naar de lobby kan niet");
  });

  it("going back one phase starts it again with a fresh timer", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.ronde2), rolesAssigned("ronde2", { d1: "burger" }), eisenRevealed("ronde2"), phaseStarted(PHASE.samenvoegen));
    thenEvents(when(state, cmd("phase.previous"), spelleider), phaseStarted(PHASE.ronde2, NOW + 20 * MINUTE));
  });

  it("a move made from a phase the group has already left is refused, so 'Volgende fase' pressed twice moves once", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming));
    thenEvents(when(state, cmd("phase.next", { fromIndex: PHASE.beeldvorming }), spelleider), ...accepted(when(state, cmd("phase.next"), spelleider)));
    const moved = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming), phaseStarted(PHASE.ronde1));
    rejected(when(moved, cmd("phase.next", { fromIndex: PHASE.beeldvorming }), spelleider), "ongeldig", "De groep is al in fase 3 (rolwissel-ronde): deze stap was al gezet.");
    rejected(when(moved, cmd("phase.previous", { fromIndex: PHASE.beeldvorming }), spelleider), "ongeldig", "De groep is al in fase 3 (rolwissel-ronde)");
  });

  it("only the spelleider paces the game", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming));
    for (const command of [cmd("phase.next"), cmd("phase.previous"), cmd("timer.set", { minutes: 5 }), cmd("timer.extend", { minutes: 2 }), cmd("timer.clear"), cmd("session.pause", { paused: true })]) {
      rejected(when(state, command, participant("d1")), "niet_toegestaan", "Alleen de spelleider");
      rejected(when(state, command, guest), "niet_toegestaan", "Alleen de spelleider");
    }
  });
});

describe("entering and leaving a rolwissel-ronde", () => {
  it("entering a rolwissel-ronde records who plays which role, and nobody plays their own job", () => {
    const state = advanceTo(lobbyWith([...SIX_LAYERS]), PHASE.beeldvorming);
    const events = accepted(when(state, cmd("phase.next"), spelleider));
    expect(events.map((e) => e.type)).toEqual(["PhaseStarted", "RolesAssigned"]);
    expect(events[0]).toMatchObject(phaseStarted(PHASE.ronde1, NOW + 20 * MINUTE));
    expect(events[1]).toMatchObject({ type: "RolesAssigned", roundId: "ronde1" });
    const roles = assignmentsIn(events);
    expect([...roles.keys()].sort()).toEqual(["d1", "d2", "d3", "d4", "d5", "d6"]);
    for (const [id, role] of roles) expect(role).not.toBe(ownGameRole(state.participants.get(id)!.realRole));
    // six players: all six roles are covered
    expect(new Set(roles.values())).toEqual(new Set(GAME_ROLES));
  });

  it("in the second round nobody plays the same role again (when that can be avoided)", () => {
    const state = advanceTo(lobbyWith([...SIX_LAYERS]), PHASE.ronde1);
    const first = state.rounds.get("ronde1")!.assignments;
    const events = accepted(when(state, cmd("phase.next"), spelleider));
    expect(events.map((e) => e.type)).toEqual(["EisenRevealed", "PhaseStarted", "RolesAssigned"]);
    const second = assignmentsIn(events);
    for (const [id, role] of second) {
      expect(role).not.toBe(first.get(id));
      expect(role).not.toBe(ownGameRole(state.participants.get(id)!.realRole));
    }
  });

  it("the assignment is the same however often it is decided (no randomness of core's own)", () => {
    const state = advanceTo(lobbyWith(["raadslid", "wethouder", "anders"]), PHASE.beeldvorming);
    const a = accepted(when(state, cmd("phase.next"), spelleider));
    const b = accepted(when(state, cmd("phase.next"), spelleider, NOW));
    expect(a).toEqual(b);
  });

  it("removed participants get no role", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), removed("d2"), phaseStarted(PHASE.beeldvorming));
    const roles = assignmentsIn(accepted(when(state, cmd("phase.next"), spelleider)));
    expect([...roles.keys()]).toEqual(["d1"]);
  });

  it("leaving a rolwissel-ronde forward reveals its eisen (reason: fase)", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.ronde1), rolesAssigned("ronde1", { d1: "burger" }));
    const events = accepted(when(state, cmd("phase.next"), spelleider));
    expect(events[0]).toEqual({ ...eisenRevealed("ronde1", "fase"), v: 1, at: NOW });
  });

  it("leaving a rolwissel-ronde backward reveals its eisen too", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.ronde1), rolesAssigned("ronde1", { d1: "burger" }), eisenRevealed("ronde1"), phaseStarted(PHASE.ronde2), rolesAssigned("ronde2", { d1: "wethouder" }));
    thenEvents(when(state, cmd("phase.previous"), spelleider), eisenRevealed("ronde2", "fase"), phaseStarted(PHASE.ronde1, NOW + 20 * MINUTE));
  });

  it("a round that was already revealed is not revealed again when the group moves on", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.ronde2), rolesAssigned("ronde2", { d1: "burger" }), eisenRevealed("ronde2"));
    thenEvents(when(state, cmd("phase.next"), spelleider), phaseStarted(PHASE.samenvoegen));
  });

  it("going back to a round that has begun keeps everyone's role; only newcomers get one", () => {
    const state = given(
      joined("d1", "raadslid"),
      phaseStarted(PHASE.ronde1),
      rolesAssigned("ronde1", { d1: "burger" }),
      eisenRevealed("ronde1"),
      phaseStarted(PHASE.ronde2),
      rolesAssigned("ronde2", { d1: "wethouder" }),
      eisenRevealed("ronde2"),
    );
    thenEvents(when(state, cmd("phase.previous"), spelleider), phaseStarted(PHASE.ronde1, NOW + 20 * MINUTE));
    play(state, cmd("participant.join", { displayName: nameOf("d2"), realRole: "directeur", seatToken: seatToken("d2") }), guest);
    // d2 joined during ronde2 and got a role there; going back to ronde1 gives them one in ronde1 as well
    const events = accepted(when(state, cmd("phase.previous"), spelleider));
    expect(events.map((e) => e.type)).toEqual(["PhaseStarted", "RolesAssigned"]);
    const roles = assignmentsIn(events);
    expect([...roles.keys()]).toEqual(["d2"]);
    expect(roles.get("d2")).not.toBe("directeur");
  });
});

describe("leaving prioriteren and entering casustoets", () => {
  it("leaving prioriteren forward shows the votes (reason: fase)", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.prioriteren));
    thenEvents(when(state, cmd("phase.next"), spelleider), votesRevealed("fase"), phaseStarted(PHASE.casustoets), caseOpened("ebike"));
  });

  it("going back from prioriteren keeps the ballots hidden", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.prioriteren));
    thenEvents(when(state, cmd("phase.previous"), spelleider), phaseStarted(PHASE.samenvoegen));
  });

  it("entering the casustoets opens its first case", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.prioriteren), votesRevealed());
    thenEvents(when(state, cmd("phase.next"), spelleider), phaseStarted(PHASE.casustoets), caseOpened("ebike"));
  });
});

describe("timers", () => {
  const inBeeldvorming = () => given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE));

  it("timer.expire is refused before the deadline", () => {
    rejected(when(inBeeldvorming(), cmd("timer.expire"), system, NOW + 15 * MINUTE - 1), "ongeldig", "nog niet afgelopen");
  });

  it("timer.expire is refused when there is no timer", () => {
    rejected(when(given(joined("d1", "raadslid"), phaseStarted(PHASE.samenvoegen)), cmd("timer.expire"), system, NOW + 999 * MINUTE), "ongeldig", "nog niet afgelopen");
  });

  it("at the deadline the timer expires, once", () => {
    const state = inBeeldvorming();
    const events = play(state, cmd("timer.expire"), system, NOW + 15 * MINUTE);
    expect(events).toEqual([{ ...timerExpired(PHASE.beeldvorming), v: 1, at: NOW + 15 * MINUTE }]);
    expect(state.expiredPhaseIndex).toBe(PHASE.beeldvorming);
    rejected(when(state, cmd("timer.expire"), system, NOW + 16 * MINUTE), "ongeldig", "al afgelopen");
  });

  it("only the server's clock sends timer.expire", () => {
    rejected(when(inBeeldvorming(), cmd("timer.expire"), spelleider, NOW + 20 * MINUTE), "niet_toegestaan", "server zelf");
    rejected(when(inBeeldvorming(), cmd("timer.expire"), participant("d1"), NOW + 20 * MINUTE), "niet_toegestaan", "server zelf");
  });

  it("when the timer of a rolwissel-ronde runs out, its eisen become visible (reason: timer)", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.ronde1, NOW + 20 * MINUTE), rolesAssigned("ronde1", { d1: "burger" }));
    thenEvents(when(state, cmd("timer.expire"), system, NOW + 20 * MINUTE), timerExpired(PHASE.ronde1), eisenRevealed("ronde1", "timer"));
  });

  it("a round the spelleider already revealed is not revealed again by the timer", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.ronde1, NOW + 20 * MINUTE), rolesAssigned("ronde1", { d1: "burger" }), eisenRevealed("ronde1"));
    thenEvents(when(state, cmd("timer.expire"), system, NOW + 21 * MINUTE), timerExpired(PHASE.ronde1));
  });

  it("the spelleider sets a timer: a deadline from now", () => {
    thenEvents(when(inBeeldvorming(), cmd("timer.set", { minutes: 5 }), spelleider, NOW + MINUTE), timerSet(NOW + 6 * MINUTE));
  });

  it("a new timer can expire again after the old one ran out", () => {
    const state = inBeeldvorming();
    play(state, cmd("timer.expire"), system, NOW + 15 * MINUTE);
    play(state, cmd("timer.set", { minutes: 5 }), spelleider, NOW + 16 * MINUTE);
    expect(state.expiredPhaseIndex).toBeNull();
    thenEvents(when(state, cmd("timer.expire"), system, NOW + 21 * MINUTE), timerExpired(PHASE.beeldvorming));
  });

  it("'+2 min' adds two minutes to the deadline, however much is left", () => {
    thenEvents(when(inBeeldvorming(), cmd("timer.extend", { minutes: 2 }), spelleider, NOW + 3 * MINUTE), timerSet(NOW + 17 * MINUTE));
  });

  it("after 'De tijd is om' the extra minutes count from now, and the timer can run out again", () => {
    const state = inBeeldvorming();
    play(state, cmd("timer.expire"), system, NOW + 15 * MINUTE);
    thenEvents(when(state, cmd("timer.extend", { minutes: 2 }), spelleider, NOW + 18 * MINUTE), timerSet(NOW + 20 * MINUTE));
    play(state, cmd("timer.extend", { minutes: 2 }), spelleider, NOW + 18 * MINUTE);
    thenEvents(when(state, cmd("timer.expire"), system, NOW + 20 * MINUTE), timerExpired(PHASE.beeldvorming));
  });

  it("extending is refused when no timer runs, or while paused, in Dutch", () => {
    rejected(when(given(joined("d1", "raadslid"), phaseStarted(PHASE.samenvoegen)), cmd("timer.extend", { minutes: 2 }), spelleider), "ongeldig", "Er loopt geen timer om te verlengen");
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE), paused(14 * MINUTE));
    rejected(when(state, cmd("timer.extend", { minutes: 2 }), spelleider), "gepauzeerd", "Hervat eerst het spel; dan kun je de timer verlengen.");
  });

  it("the spelleider stops the timer", () => {
    thenEvents(when(inBeeldvorming(), cmd("timer.clear"), spelleider), timerSet(null));
  });

  it("stopping is refused when no timer runs", () => {
    rejected(when(given(joined("d1", "raadslid"), phaseStarted(PHASE.samenvoegen)), cmd("timer.clear"), spelleider), "ongeldig", "geen timer");
  });

  it("setting or stopping the timer waits until the game is resumed", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE), paused(14 * MINUTE));
    rejected(when(state, cmd("timer.set", { minutes: 5 }), spelleider), "gepauzeerd", "Hervat eerst");
    rejected(when(state, cmd("timer.clear"), spelleider), "gepauzeerd", "Hervat eerst");
  });
});

describe("pause and resume", () => {
  it("pausing records the time left, and resuming gives exactly that time back", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE));
    const pauseAt = NOW + 5 * MINUTE;
    expect(play(state, cmd("session.pause", { paused: true }), spelleider, pauseAt)).toEqual([{ ...paused(10 * MINUTE), v: 1, at: pauseAt }]);
    expect(state).toMatchObject({ paused: true, deadline: null, pausedRemainingMs: 10 * MINUTE });
    // a long coffee break: the clock must not eat anyone's minutes
    const resumeAt = NOW + 65 * MINUTE;
    expect(play(state, cmd("session.pause", { paused: false }), spelleider, resumeAt)).toEqual([{ ...resumed(resumeAt + 10 * MINUTE), v: 1, at: resumeAt }]);
    expect(state).toMatchObject({ paused: false, deadline: resumeAt + 10 * MINUTE, pausedRemainingMs: null });
  });

  it("while paused the timer cannot run out", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE), paused(10 * MINUTE));
    rejected(when(state, cmd("timer.expire"), system, NOW + 60 * MINUTE), "ongeldig", "nog niet afgelopen");
  });

  it("pausing without a timer records no time left", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.samenvoegen));
    thenEvents(when(state, cmd("session.pause", { paused: true }), spelleider), paused(null));
    thenEvents(when(given(joined("d1", "raadslid"), phaseStarted(PHASE.samenvoegen), paused(null)), cmd("session.pause", { paused: false }), spelleider), resumed(null));
  });

  it("pausing twice, or resuming a running game, says so", () => {
    rejected(when(given(joined("d1", "raadslid"), paused(null)), cmd("session.pause", { paused: true }), spelleider), "ongeldig", "al op pauze");
    rejected(when(given(joined("d1", "raadslid")), cmd("session.pause", { paused: false }), spelleider), "ongeldig", "loopt al");
  });

  it("participants' commands are refused while paused, and nothing changes", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE), paused(10 * MINUTE));
    rejected(when(state, cmd("card.post", { cardId: "k1", promptId: "wel", text: "Maatwerk is luisteren." }), participant("d1")), "gepauzeerd", "op pauze");
    rejected(when(state, cmd("participant.ready", { ready: true }), participant("d1")), "gepauzeerd", "op pauze");
    rejected(when(state, cmd("cluster.create", { clusterId: "c1", promptId: "wel", label: "Luisteren" }), participant("d1")), "gepauzeerd", "Je werk is bewaard");
  });

  it("the spelleider, the clock's owner and newcomers carry on during a pause", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE), paused(10 * MINUTE));
    accepted(when(state, cmd("cluster.create", { clusterId: "c1", promptId: "wel", label: "Luisteren" }), spelleider));
    accepted(when(state, cmd("participant.join", { displayName: "Nieuw", realRole: "anders", seatToken: seatToken("d2") }), guest));
  });

  it("a phase started during a pause keeps its whole timer for after the pause", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming, NOW + 15 * MINUTE), paused(10 * MINUTE));
    play(state, cmd("phase.next"), spelleider, NOW + 30 * MINUTE);
    expect(state).toMatchObject({ phaseIndex: PHASE.ronde1, paused: true, deadline: null, pausedRemainingMs: 20 * MINUTE });
    play(state, cmd("session.pause", { paused: false }), spelleider, NOW + 40 * MINUTE);
    expect(state.deadline).toBe(NOW + 60 * MINUTE);
  });
});
