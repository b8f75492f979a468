/**
 * Phase 0, lobby: participants join with the code, a display name and their real role; the spelleider sees the
 * list, can remove someone or lock the session, and starts. "Ik ben klaar" works in every working phase.
 */
import { describe, expect, it } from "vitest";
import { decide } from "../../server/core/decide.ts";
import { hashSeatToken, resolveSeat } from "../../server/core/lobby.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import {
  cmd,
  given,
  guest,
  joined,
  lobbyWith,
  lockChanged,
  nameOf,
  participant,
  phaseStarted,
  play,
  readiness,
  rejected,
  removed,
  rolesAssigned,
  seatToken,
  spelleider,
  system,
  thenEvents,
  when,
} from "../fixtures/given.ts";

const join = (id: string, realRole: Parameters<typeof joined>[1] = "raadslid", displayName = nameOf(id)) =>
  cmd("participant.join", { displayName, realRole, seatToken: seatToken(id) });

describe("lobby: joining", () => {
  it("the first participant gets seat d1, with their name, real role and the hash of their seat token", () => {
    const state = given();
    thenEvents(when(state, join("d1", "wethouder", "Annet"), guest), {
      type: "ParticipantJoined",
      participantId: "d1",
      displayName: "Annet",
      realRole: "wethouder",
      seatTokenHash: hashSeatToken(seatToken("d1")),
    });
  });

  it("later participants get d2, d3, … in order of arrival", () => {
    const state = lobbyWith(["raadslid", "anders", "teamleider"]);
    expect([...state.participants.keys()]).toEqual(["d1", "d2", "d3"]);
    expect(state.participants.get("d2")).toMatchObject({ displayName: nameOf("d2"), realRole: "anders", removed: false });
  });

  it("a seat number is never reused, also not after someone was removed", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), removed("d2"));
    thenEvents(when(state, join("d3"), guest), {
      type: "ParticipantJoined",
      participantId: "d3",
      displayName: nameOf("d3"),
      realRole: "raadslid",
      seatTokenHash: hashSeatToken(seatToken("d3")),
    });
  });

  it("a browser that already has a seat cannot join a second time", () => {
    const state = given(joined("d1", "raadslid"));
    rejected(when(state, join("d1"), guest), "bestaat_al", "al een plek");
  });

  it("a browser whose seat the spelleider removed cannot join again, and is told why", () => {
    const state = given(joined("d1", "raadslid"), removed("d1"));
    rejected(when(state, join("d1"), guest), "niet_toegestaan", "uit deze sessie gehaald");
  });

  it("someone who already sits in the session cannot send join", () => {
    const state = given(joined("d1", "raadslid"));
    rejected(when(state, join("d9"), participant("d1")), "ongeldig", "doet al mee");
  });

  it("a locked session refuses new participants, with a Dutch hint to ask the spelleider", () => {
    const state = given(joined("d1", "raadslid"), lockChanged(true));
    rejected(when(state, join("d2"), guest), "gesloten", "gesloten voor nieuwe deelnemers");
  });

  it("a full session refuses the next participant", () => {
    const events = Array.from({ length: LIMITS.participants }, (_, i) => joined(`d${i + 1}`, "anders"));
    const state = given(...events);
    rejected(when(state, join("extra"), guest), "te_veel", `hoogstens ${LIMITS.participants} deelnemers`);
  });

  it("whoever arrives after roles were handed out gets a role in the current round at once", () => {
    const live = lobbyWith(["raadslid", "wethouder"]);
    play(live, cmd("phase.next"), spelleider);
    play(live, cmd("phase.next"), spelleider);
    const events = play(live, join("d3", "directeur"), guest);
    expect(events.map((e) => e.type)).toEqual(["ParticipantJoined", "RolesAssigned"]);
    const assigned = events[1];
    expect(assigned).toMatchObject({ type: "RolesAssigned", roundId: "ronde1", assignments: [{ participantId: "d3" }] });
    const role = assigned?.type === "RolesAssigned" ? assigned.assignments[0]?.role : undefined;
    expect(role).toBeDefined();
    expect(role).not.toBe("directeur");
  });
});

describe("lobby: returning to a seat (resolveSeat)", () => {
  it("finds the seat of a returning browser by its seat token", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"));
    expect(resolveSeat(state, seatToken("d2"))).toEqual({ kind: "seat", participantId: "d2" });
  });

  it("says 'removed' for the token of a removed participant", () => {
    const state = given(joined("d1", "raadslid"), removed("d1"));
    expect(resolveSeat(state, seatToken("d1"))).toEqual({ kind: "removed" });
  });

  it("says 'none' for an unknown token", () => {
    const state = given(joined("d1", "raadslid"));
    expect(resolveSeat(state, "een-heel-andere-token-0000")).toEqual({ kind: "none" });
  });

  it("never stores the seat token itself, only its hash", () => {
    const state = lobbyWith(["raadslid"]);
    expect(JSON.stringify([...state.participants.values()])).not.toContain(seatToken("d1"));
  });
});

describe("lobby: the spelleider removes everyone who is offline, in one go", () => {
  // Presence is not in the log: the room tells decide who has a connection open right now.
  const removeOffline = (participantIds: string[]) => cmd("participants.removeOffline", { participantIds });
  const decideWith = (state: ReturnType<typeof given>, participantIds: string[], online: string[], actor = spelleider) => {
    const before = structuredClone(state);
    const decision = decide(state, removeOffline(participantIds), actor, 1_000, new Set(online));
    expect(state).toEqual(before);
    return decision;
  };

  it("removes each listed participant who is still offline; one who came back online stays", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), joined("d3", "directeur"));
    const decision = decideWith(state, ["d1", "d2", "d3"], ["d2"]);
    expect(decision).toEqual({ ok: true, events: [{ ...removed("d1"), v: 1, at: 1_000 }, { ...removed("d3"), v: 1, at: 1_000 }] });
  });

  it("frees their seats: a full session takes newcomers again", () => {
    const state = given(...Array.from({ length: LIMITS.participants }, (_, i) => joined(`d${i + 1}`, "raadslid")));
    rejected(when(state, cmd("participant.join", { displayName: "Nieuw", realRole: "raadslid", seatToken: "een-nieuwe-plek-0000000" }), guest), "te_veel", "De sessie is vol");
    const offline = Array.from({ length: 10 }, (_, i) => `d${i + 1}`);
    const decision = decideWith(state, offline, []);
    if (!decision.ok) throw new Error(decision.message);
    const after = given(...Array.from({ length: LIMITS.participants }, (_, i) => joined(`d${i + 1}`, "raadslid")), ...offline.map(removed));
    expect(when(after, cmd("participant.join", { displayName: "Nieuw", realRole: "raadslid", seatToken: "een-nieuwe-plek-0000000" }), guest).decision.ok).toBe(true);
  });

  it("someone already removed is skipped; nobody left to remove is said in Dutch", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), removed("d1"));
    expect(decideWith(state, ["d1", "d2"], [])).toEqual({ ok: true, events: [{ ...removed("d2"), v: 1, at: 1_000 }] });
    expect(decideWith(state, ["d1", "d2"], ["d2"])).toEqual({ ok: false, code: "ongeldig", message: "Niemand van deze deelnemers is nog offline; er is niemand verwijderd." });
  });

  it("an unknown participant in the list changes nothing and is named", () => {
    const state = given(joined("d1", "raadslid"));
    expect(decideWith(state, ["d1", "d9"], [])).toEqual({ ok: false, code: "niet_gevonden", message: "Deelnemer d9 bestaat niet in deze sessie." });
  });

  it("only the spelleider can do it", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"));
    expect(decideWith(state, ["d2"], [], participant("d1"))).toMatchObject({ ok: false, code: "niet_toegestaan" });
  });
});

describe("lobby: the spelleider removes someone", () => {
  it("removes a participant", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"));
    thenEvents(when(state, cmd("participant.remove", { participantId: "d2" }), spelleider), removed("d2"));
  });

  it("an unknown participant cannot be removed", () => {
    const state = given(joined("d1", "raadslid"));
    rejected(when(state, cmd("participant.remove", { participantId: "d7" }), spelleider), "niet_gevonden", "bestaat niet");
  });

  it("a participant cannot be removed twice", () => {
    const state = given(joined("d1", "raadslid"), removed("d1"));
    rejected(when(state, cmd("participant.remove", { participantId: "d1" }), spelleider), "niet_gevonden", "al verwijderd");
  });

  it("only the spelleider can remove someone", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"));
    rejected(when(state, cmd("participant.remove", { participantId: "d2" }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(state, cmd("participant.remove", { participantId: "d2" }), guest), "niet_toegestaan", "Alleen de spelleider");
  });

  it("a removed participant can no longer act, in any phase", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), removed("d2"), phaseStarted(1));
    rejected(when(state, cmd("participant.ready", { ready: true }), participant("d2")), "niet_toegestaan", "geen plek (meer)");
    rejected(when(state, cmd("card.post", { cardId: "k1", promptId: "wel", text: "Maatwerk is luisteren." }), participant("d2")), "niet_toegestaan", "geen plek (meer)");
  });

  it("a participant id that never joined cannot act either", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(1));
    rejected(when(state, cmd("participant.ready", { ready: true }), participant("d5")), "niet_toegestaan", "geen plek (meer)");
  });

  it("removing someone also takes them off the ready lists", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(1), readiness("d1", 1), removed("d1"));
    expect(state.ready.get(1)?.has("d1")).toBe(false);
  });
});

describe("lobby: lock", () => {
  it("the spelleider locks and opens the session", () => {
    const state = given(joined("d1", "raadslid"));
    thenEvents(when(state, cmd("session.lock", { locked: true }), spelleider), lockChanged(true));
    const locked = given(lockChanged(true));
    thenEvents(when(locked, cmd("session.lock", { locked: false }), spelleider), lockChanged(false));
  });

  it("locking a locked session, or opening an open one, says so", () => {
    rejected(when(given(lockChanged(true)), cmd("session.lock", { locked: true }), spelleider), "ongeldig", "al gesloten");
    rejected(when(given(), cmd("session.lock", { locked: false }), spelleider), "ongeldig", "al open");
  });

  it("only the spelleider can lock", () => {
    const state = given(joined("d1", "raadslid"));
    rejected(when(state, cmd("session.lock", { locked: true }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(state, cmd("session.lock", { locked: true }), system), "niet_toegestaan", "Alleen de spelleider");
  });

  it("a participant who lost their connection keeps their seat in a locked session", () => {
    const state = given(joined("d1", "raadslid"), lockChanged(true));
    expect(resolveSeat(state, seatToken("d1"))).toEqual({ kind: "seat", participantId: "d1" });
  });
});

describe("ik ben klaar (participant.ready)", () => {
  it("a participant says they are done with the current phase, and can take it back", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(1));
    thenEvents(when(state, cmd("participant.ready", { ready: true }), participant("d1")), readiness("d1", 1, true));
    const ready = given(joined("d1", "raadslid"), phaseStarted(1), readiness("d1", 1));
    thenEvents(when(ready, cmd("participant.ready", { ready: false }), participant("d1")), readiness("d1", 1, false));
  });

  it("saying the same twice is refused", () => {
    rejected(when(given(joined("d1", "raadslid"), phaseStarted(1), readiness("d1", 1)), cmd("participant.ready", { ready: true }), participant("d1")), "ongeldig", "al aangegeven");
    rejected(when(given(joined("d1", "raadslid"), phaseStarted(1)), cmd("participant.ready", { ready: false }), participant("d1")), "ongeldig", "nog niet op klaar");
  });

  it("is not needed in the lobby or the resultaat", () => {
    rejected(when(given(joined("d1", "raadslid")), cmd("participant.ready", { ready: true }), participant("d1")), "verkeerde_fase", "hoef je niet");
    rejected(when(given(joined("d1", "raadslid"), phaseStarted(7)), cmd("participant.ready", { ready: true }), participant("d1")), "verkeerde_fase", "hoef je niet");
  });

  it("in a rolwissel-ronde only someone with a role can say they are done", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), phaseStarted(2), rolesAssigned("ronde1", { d1: "burger" }));
    rejected(when(state, cmd("participant.ready", { ready: true }), participant("d2")), "niet_toegestaan", "nog geen rol");
    thenEvents(when(state, cmd("participant.ready", { ready: true }), participant("d1")), readiness("d1", 2));
  });

  it("the spelleider cannot say 'klaar'", () => {
    rejected(when(given(joined("d1", "raadslid"), phaseStarted(1)), cmd("participant.ready", { ready: true }), spelleider), "niet_toegestaan", "Alleen deelnemers");
  });
});
