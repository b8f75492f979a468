/**
 * Phase 2, rolwissel-ronde: each player writes eisen from their game role, with a category. Drafts are private
 * to their author until the spelleider reveals them or the timer ends; then each role's wensenpakket is visible
 * to all, by role, never by name. The spelleider sees who has written something, but not what.
 */
import { describe, expect, it } from "vitest";
import { MAX_EISEN_PER_ROUND } from "../../server/core/rolwissel.ts";
import { playerView } from "../../server/core/view.ts";
import {
  MINUTE,
  NOW,
  PHASE,
  asParticipant,
  asSpelleider,
  beamer,
  cmd,
  eisWritten,
  eisenRevealed,
  given,
  guest,
  joined,
  nameOf,
  participant,
  phaseStarted,
  play,
  publicPart,
  rejected,
  rolesAssigned,
  spelleider,
  system,
  thenEvents,
  when,
} from "../fixtures/given.ts";

const players = [joined("d1", "raadslid"), joined("d2", "wethouder"), joined("d3", "directeur")];
const ronde1Roles = rolesAssigned("ronde1", { d1: "burger", d2: "raadslid", d3: "wethouder" });
const inRonde1 = (...more: Parameters<typeof given>) => given(...players, phaseStarted(PHASE.ronde1, NOW + 20 * MINUTE), ronde1Roles, ...more);

const write = (eisId: string, text = "Ik wil één vast aanspreekpunt.", categoryId = "kernwaarden") => cmd("eis.write", { eisId, text, categoryId });
const edit = (eisId: string, text = "Ik wil één vaste contactpersoon.", categoryId = "kernwaarden") => cmd("eis.edit", { eisId, text, categoryId });

describe("rolwissel: writing eisen", () => {
  it("a player writes an eis; it is recorded with their game role and the round", () => {
    thenEvents(when(inRonde1(), write("e1", "Ik wil gehoord worden.", "ruimte"), participant("d1")), eisWritten("e1", "d1", "burger", { roundId: "ronde1", text: "Ik wil gehoord worden.", categoryId: "ruimte" }));
  });

  it("only in a rolwissel-ronde", () => {
    const beeldvorming = given(...players, phaseStarted(PHASE.beeldvorming));
    rejected(when(beeldvorming, write("e1"), participant("d1")), "verkeerde_fase", "Een eis schrijven kan alleen in de fase rolwissel-ronde");
    const samenvoegen = given(...players, phaseStarted(PHASE.ronde1), ronde1Roles, eisenRevealed("ronde1"), phaseStarted(PHASE.samenvoegen));
    rejected(when(samenvoegen, write("e1"), participant("d1")), "verkeerde_fase", "rolwissel-ronde");
  });

  it("not before the roles are handed out", () => {
    rejected(when(given(...players, phaseStarted(PHASE.ronde1)), write("e1"), participant("d1")), "verkeerde_fase", "nog niet begonnen");
  });

  it("not after the eisen of the round were revealed", () => {
    rejected(when(inRonde1(eisenRevealed("ronde1")), write("e1"), participant("d1")), "verkeerde_fase", "al zichtbaar gemaakt");
  });

  it("not without a role in the round", () => {
    const state = inRonde1(joined("d4", "anders"));
    rejected(when(state, write("e1"), participant("d4")), "niet_toegestaan", "nog geen rol");
  });

  it("only with a category of the scenario", () => {
    rejected(when(inRonde1(), write("e1", "Tekst", "onbekend"), participant("d1")), "niet_gevonden", "Kies een categorie");
  });

  it("an eis id is used once", () => {
    rejected(when(inRonde1(eisWritten("e1", "d2", "raadslid")), write("e1"), participant("d1")), "bestaat_al", "bestaat al");
  });

  it(`at most ${MAX_EISEN_PER_ROUND} eisen per player per round`, () => {
    const full = Array.from({ length: MAX_EISEN_PER_ROUND }, (_, i) => eisWritten(`e${i}`, "d1", "burger"));
    const state = inRonde1(...full);
    rejected(when(state, write("meer"), participant("d1")), "te_veel", `al ${MAX_EISEN_PER_ROUND} eisen`);
    thenEvents(when(state, write("meer"), participant("d2")), eisWritten("meer", "d2", "raadslid", { text: "Ik wil één vast aanspreekpunt." }));
  });

  it("eisen are written by participants, not by the spelleider, a guest or the server", () => {
    rejected(when(inRonde1(), write("e1"), spelleider), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(inRonde1(), write("e1"), guest), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(inRonde1(), write("e1"), system), "niet_toegestaan", "Alleen deelnemers");
  });
});

describe("rolwissel: editing and deleting, only own and only before the reveal", () => {
  const withDraft = (...more: Parameters<typeof given>) => inRonde1(eisWritten("e1", "d1", "burger", { text: "Ik wil één vast aanspreekpunt." }), ...more);

  it("the author edits their own draft", () => {
    thenEvents(when(withDraft(), edit("e1", "Eén vaste contactpersoon.", "ruimte"), participant("d1")), {
      type: "EisEdited",
      eisId: "e1",
      text: "Eén vaste contactpersoon.",
      categoryId: "ruimte",
    });
  });

  it("an edit that changes nothing is refused", () => {
    rejected(when(withDraft(), edit("e1", "Ik wil één vast aanspreekpunt."), participant("d1")), "ongeldig", "niets veranderd");
  });

  it("an edit needs a category of the scenario", () => {
    rejected(when(withDraft(), edit("e1", "Andere tekst", "onbekend"), participant("d1")), "niet_gevonden", "Kies een categorie");
  });

  it("nobody edits or deletes someone else's eis, and unknown eisen are not found", () => {
    rejected(when(withDraft(), edit("e1"), participant("d2")), "niet_gevonden", "niet van jou");
    rejected(when(withDraft(), cmd("eis.delete", { eisId: "e1" }), participant("d2")), "niet_gevonden", "niet van jou");
    rejected(when(withDraft(), edit("e9"), participant("d1")), "niet_gevonden", "bestaat niet");
    rejected(when(withDraft(), edit("e1"), spelleider), "niet_toegestaan", "Alleen deelnemers");
  });

  it("the author deletes their own draft", () => {
    thenEvents(when(withDraft(), cmd("eis.delete", { eisId: "e1" }), participant("d1")), { type: "EisDeleted", eisId: "e1" });
    const state = withDraft();
    play(state, cmd("eis.delete", { eisId: "e1" }), participant("d1"));
    expect(state.eisen.has("e1")).toBe(false);
  });

  it("after the reveal an eis can no longer be edited or deleted", () => {
    const state = withDraft(eisenRevealed("ronde1"));
    rejected(when(state, edit("e1"), participant("d1")), "verkeerde_fase", "al zichtbaar gemaakt");
    rejected(when(state, cmd("eis.delete", { eisId: "e1" }), participant("d1")), "verkeerde_fase", "al zichtbaar gemaakt");
  });

  it("an eis of an earlier round is fixed, also in the next round", () => {
    const state = withDraft(eisenRevealed("ronde1", "fase"), phaseStarted(PHASE.ronde2), rolesAssigned("ronde2", { d1: "wethouder", d2: "directeur", d3: "burger" }));
    rejected(when(state, edit("e1"), participant("d1")), "verkeerde_fase", "eerdere ronde");
    rejected(when(state, cmd("eis.delete", { eisId: "e1" }), participant("d1")), "verkeerde_fase", "eerdere ronde");
  });
});

describe("rolwissel: the spelleider reveals", () => {
  it("the spelleider makes the round's eisen visible", () => {
    thenEvents(when(inRonde1(), cmd("eisen.reveal"), spelleider), eisenRevealed("ronde1", "spelleider"));
  });

  it("revealing twice says so", () => {
    rejected(when(inRonde1(eisenRevealed("ronde1", "timer")), cmd("eisen.reveal"), spelleider), "ongeldig", "al zichtbaar");
  });

  it("only in a rolwissel-ronde", () => {
    rejected(when(given(...players, phaseStarted(PHASE.beeldvorming)), cmd("eisen.reveal"), spelleider), "verkeerde_fase", "Eisen zichtbaar maken kan alleen in de fase rolwissel-ronde");
  });

  it("only the spelleider reveals", () => {
    rejected(when(inRonde1(), cmd("eisen.reveal"), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
  });
});

describe("rolwissel: drafts are private until the reveal", () => {
  const DRAFT = "Geheime conceptzin van het raadslid over budget";
  const withDraft = (...more: Parameters<typeof given>) => inRonde1(eisWritten("e1", "d2", "raadslid", { text: DRAFT }), ...more);

  it("another participant does not see a draft", () => {
    const view = playerView(withDraft(), asParticipant("d1"));
    expect(view.eisen).toEqual([]);
    expect(view.drafts).toEqual([]);
    expect(JSON.stringify(view)).not.toContain(DRAFT);
  });

  it("the author sees their own draft", () => {
    const view = playerView(withDraft(), asParticipant("d2"));
    expect(view.drafts).toEqual([{ id: "e1", roundId: "ronde1", role: "raadslid", categoryId: "kernwaarden", text: DRAFT, itemId: null, tableId: null }]);
    expect(view.eisen).toEqual([]);
  });

  it("the spelleider and the beamer never see draft text before the reveal; the spelleider sees who wrote how many", () => {
    const state = withDraft();
    const leader = playerView(state, asSpelleider);
    expect(JSON.stringify(leader)).not.toContain(DRAFT);
    expect(leader.drafts).toEqual([]);
    expect(leader.people.find((p) => p.participantId === "d2")).toMatchObject({ displayName: nameOf("d2"), eisen: 1 });
    expect(leader.people.find((p) => p.participantId === "d1")).toMatchObject({ eisen: 0 });
    expect(JSON.stringify(playerView(state, beamer))).not.toContain(DRAFT);
  });

  it("other participants do not see who has written how many", () => {
    const view = playerView(withDraft(), asParticipant("d1"));
    expect(view.people.map((p) => p.participantId)).toEqual(["d1"]);
  });

  it("after the reveal everyone sees the eis, by role and without author", () => {
    for (const reason of ["spelleider", "timer", "fase"] as const) {
      const state = withDraft(eisenRevealed("ronde1", reason));
      const expected = [{ id: "e1", roundId: "ronde1", role: "raadslid", categoryId: "kernwaarden", text: DRAFT, itemId: null, tableId: null }];
      for (const viewer of [asParticipant("d1"), asParticipant("d3"), asSpelleider, beamer]) expect(playerView(state, viewer).eisen).toEqual(expected);
      expect(playerView(state, asParticipant("d2")).drafts).toEqual([]);
      expect(JSON.stringify(publicPart(state).eisen)).not.toContain("d2");
    }
  });
});

describe("rolwissel: each player sees their own role's briefing and facts", () => {
  it("a player sees the briefing of their game role", () => {
    const state = inRonde1();
    const mine = playerView(state, asParticipant("d1")).mine;
    expect(mine?.role).toBe("burger");
    expect(mine?.briefing?.name).toBe("Burger");
  });

  it("facts of the round's case that only one role knows are shown only to that role", () => {
    const FACT = "Ze staat op de wachtlijst van de opleiding.";
    const state = given(...players, phaseStarted(PHASE.ronde2), rolesAssigned("ronde2", { d1: "wijkteamprofessional", d2: "burger", d3: "raadslid" }));
    expect(playerView(state, asParticipant("d1")).mine?.caseFacts).toEqual([FACT]);
    expect(JSON.stringify(playerView(state, asParticipant("d2")))).not.toContain(FACT);
    expect(JSON.stringify(playerView(state, beamer))).not.toContain(FACT);
  });
});
