/**
 * What each viewer may see. Contributions are shown with the game role, never the person's name: the shared
 * board carries no names, real roles, author ids or seat tokens. The beamer sees the board and no people; a
 * participant sees themselves, their briefing, drafts and ballot; the spelleider sees everyone's name, real role
 * and progress, but never drafts or ballots.
 */
import { describe, expect, it } from "vitest";
import { replay } from "../../server/core/evolve.ts";
import { playerView } from "../../server/core/view.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";
import {
  FULL_SESSION_NAMES,
  PHASE,
  asParticipant,
  asSpelleider,
  beamer,
  eisWritten,
  fullSession,
  given,
  givenIn,
  itemCreated,
  joined,
  logOf,
  phaseStarted,
  pointsAllocated,
  publicPart,
  removed,
  rolesAssigned,
  votesRevealed,
} from "../fixtures/given.ts";

/** The session after every event of a full game, lobby to resultaat. */
function everyMoment() {
  const log = logOf(fullSession());
  return log.map((_, n) => replay(log.slice(0, n + 1)));
}

describe("view: names never reach the shared board", () => {
  it("at no moment of a whole session does the public view contain a display name or a real role", () => {
    const moments = everyMoment();
    expect(moments.at(-1)?.phaseIndex).toBe(PHASE.resultaat);
    for (const state of moments) {
      const json = JSON.stringify(publicPart(state));
      for (const name of FULL_SESSION_NAMES) expect(json).not.toContain(name);
      expect(json).not.toContain("realRole");
      expect(json).not.toContain("displayName");
      expect(json).not.toContain("authorId");
      expect(json).not.toContain("seatToken");
    }
  });

  it("the beamer sees the board and no people, at every moment", () => {
    for (const state of everyMoment()) {
      const view = playerView(state, beamer);
      expect(view.people).toEqual([]);
      expect(view.mine).toBeNull();
      expect(view.drafts).toEqual([]);
      const json = JSON.stringify(view);
      for (const name of FULL_SESSION_NAMES) expect(json).not.toContain(name);
    }
  });

  it("seats on the board show a game role, not a name", () => {
    const state = given(joined("d1", "raadslid", "Annet"), joined("d2", "wethouder", "Wim"), phaseStarted(PHASE.ronde1), rolesAssigned("ronde1", { d1: "burger", d2: "directeur" }));
    expect(publicPart(state).seats.map(({ participantId, role }) => ({ participantId, role }))).toEqual([
      { participantId: "d1", role: "burger" },
      { participantId: "d2", role: "directeur" },
    ]);
  });

  it("removed participants leave the board", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), removed("d2"));
    expect(publicPart(state).seats.map((s) => s.participantId)).toEqual(["d1"]);
    expect(publicPart(state).session.participantCount).toBe(1);
  });
});

describe("view: people", () => {
  const state = given(joined("d1", "raadslid", "Annet"), joined("d2", "wethouder", "Wim"), joined("d3", "anders", "Ria"), removed("d3"));

  it("the spelleider sees everyone's name and real role, also of removed participants", () => {
    const people = playerView(state, asSpelleider).people;
    expect(people.map(({ participantId, displayName, realRole, removed }) => ({ participantId, displayName, realRole, removed }))).toEqual([
      { participantId: "d1", displayName: "Annet", realRole: "raadslid", removed: false },
      { participantId: "d2", displayName: "Wim", realRole: "wethouder", removed: false },
      { participantId: "d3", displayName: "Ria", realRole: "anders", removed: true },
    ]);
  });

  it("a participant sees only themselves", () => {
    const view = playerView(state, asParticipant("d2"));
    expect(view.people.map((p) => p.displayName)).toEqual(["Wim"]);
    expect(JSON.stringify(view)).not.toContain("Annet");
    expect(view.mine?.participantId).toBe("d2");
  });

  it("the spelleider has no seat: no briefing, no drafts, no ballot", () => {
    const view = playerView(state, asSpelleider);
    expect(view.mine).toBeNull();
    expect(view.drafts).toEqual([]);
  });
});

describe("view: what only one role knows", () => {
  const SECRET = "Er komt een kritisch rekenkamerrapport.";
  const scenario = minimalScenario();
  scenario.roles.raadslid.privateFacts = [SECRET];

  it("a briefing's private facts reach only the player of that role", () => {
    const state = givenIn(scenario, joined("d1", "wethouder"), joined("d2", "directeur"), phaseStarted(PHASE.ronde1), rolesAssigned("ronde1", { d1: "raadslid", d2: "burger" }));
    expect(playerView(state, asParticipant("d1")).mine?.briefing?.privateFacts).toEqual([SECRET]);
    expect(JSON.stringify(playerView(state, asParticipant("d2")))).not.toContain(SECRET);
    expect(JSON.stringify(playerView(state, beamer))).not.toContain(SECRET);
    expect(JSON.stringify(publicPart(state))).not.toContain(SECRET);
  });
});

describe("view: drafts", () => {
  it("a participant's drafts are theirs alone; other views show nothing of them", () => {
    const state = given(joined("d1", "raadslid"), joined("d2", "wethouder"), phaseStarted(PHASE.ronde1), rolesAssigned("ronde1", { d1: "burger", d2: "directeur" }), eisWritten("e1", "d1", "burger", { text: "Mijn geheime concept" }));
    expect(playerView(state, asParticipant("d1")).drafts.map((e) => e.text)).toEqual(["Mijn geheime concept"]);
    for (const viewer of [asParticipant("d2"), asSpelleider, beamer]) expect(JSON.stringify(playerView(state, viewer))).not.toContain("Mijn geheime concept");
  });
});

describe("view: the shared screen's counts (arrivals per function, eisen per role)", () => {
  const lobby = given(joined("d1", "raadslid", "Annet"), joined("d2", "wethouder", "Wim"), joined("d3", "anders", "Ria"), joined("d4", "anders", "Bas"), removed("d4"));

  it("in the lobby the beamer counts arrivals per own function, without ids or names, and no eisen yet", () => {
    const counts = playerView(lobby, beamer).counts;
    expect(counts).toEqual({
      arrivals: { raadslid: 1, wethouder: 1, directeur: 0, beleidsambtenaar: 0, teamleider: 0, wijkteamprofessional: 0, anders: 1 },
      written: null,
      voting: null,
    });
    const json = JSON.stringify(counts);
    for (const word of ["d1", "d2", "d3", "Annet", "Wim", "Ria"]) expect(json).not.toContain(word);
  });

  const writing = given(
    joined("d1", "raadslid", "Annet"),
    joined("d2", "wethouder", "Wim"),
    joined("d3", "anders", "Ria"),
    phaseStarted(PHASE.ronde1),
    rolesAssigned("ronde1", { d1: "burger", d2: "directeur", d3: "burger" }),
    eisWritten("e1", "d1", "burger", { text: "Geheime eerste eis van de burger" }),
    eisWritten("e2", "d3", "burger", { text: "Geheime tweede eis van de burger" }),
    eisWritten("e3", "d2", "directeur", { text: "Geheime eis van de directeur" }),
  );

  it("while the drafts are private, the beamer and the spelleider see how many eisen each role wrote, never their text", () => {
    for (const viewer of [beamer, asSpelleider]) {
      const view = playerView(writing, viewer);
      expect(view.counts?.written).toEqual({ roundId: "ronde1", perRole: { burger: 2, raadslid: 0, wethouder: 0, directeur: 1, beleidsambtenaar: 0, wijkteamprofessional: 0 } });
      expect(view.eisen).toEqual([]);
      expect(view.drafts).toEqual([]);
      expect(JSON.stringify(view)).not.toContain("Geheime");
    }
  });

  it("a participant gets no counts: their own drafts only", () => {
    const view = playerView(writing, asParticipant("d1"));
    expect(view.counts).toBeNull();
    expect(view.drafts.map((d) => d.id)).toEqual(["e1"]);
  });

  it("outside a rolwissel-ronde nothing is counted as written", () => {
    const after = given(...logOf(writing).slice(1), phaseStarted(PHASE.samenvoegen));
    expect(playerView(after, beamer).counts?.written).toBeNull();
  });

  it("while the vote is open the beamer counts who voted of those with a game role, not who; after the reveal no more", () => {
    const voting = given(...logOf(writing).slice(1), joined("d4", "anders", "Bas"), phaseStarted(PHASE.samenvoegen), itemCreated("i1", ["e1", "e2"]), phaseStarted(PHASE.prioriteren), pointsAllocated("d1", "burger", "i1", 3));
    // d4 came after the roles were dealt in ronde1: no game role, so no vote to count.
    expect(playerView(voting, beamer).counts?.voting).toEqual({ voted: 1, voters: 3 });
    expect(playerView(voting, asSpelleider).counts?.voting).toEqual({ voted: 1, voters: 3 });
    expect(playerView(voting, asParticipant("d2")).counts).toBeNull();
    const revealed = given(...logOf(voting).slice(1), votesRevealed());
    expect(playerView(revealed, beamer).counts?.voting).toBeNull();
  });
});
