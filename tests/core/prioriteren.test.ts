/**
 * Phase 4, prioriteren: each player, in their game role, spends a fixed number of points (or uses MoSCoW; the
 * scenario chooses). Ballots are private until the spelleider reveals them or the phase ends. The result shows
 * support per item per role: supported by every layer that voted is verticaal draagvlak; only one layer is smal.
 */
import { describe, expect, it } from "vitest";
import { draagvlakOf, supportByItem } from "../../server/core/prioriteren.ts";
import { anyScoreWithoutSupport, barsOf } from "../../game/src/phaser/chartModel.ts";
import { draagvlakLabel } from "#shared/strings/index.ts";
import { playerView } from "../../server/core/view.ts";
import type { Scenario, Voting } from "#shared/protocol/scenario.ts";
import {
  PHASE,
  asParticipant,
  asSpelleider,
  beamer,
  cmd,
  eisWritten,
  eisenRevealed,
  given,
  givenIn,
  itemCreated,
  joined,
  moscowChosen,
  participant,
  phaseStarted,
  play,
  pointsAllocated,
  rejected,
  rolesAssigned,
  spelleider,
  thenEvents,
  votesRevealed,
  when,
} from "../fixtures/given.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";

/**
 * Three players; in ronde1 d1 was burger, in ronde2 (the last round, which sets the voting role) d1 is wethouder,
 * d2 directeur, d3 burger. Items i1 (e1+e4), i2 (e2), i3 (e3); i0 was merged into i1's predecessor and is gone.
 */
const toVote = [
  joined("d1", "raadslid"),
  joined("d2", "wethouder"),
  joined("d3", "directeur"),
  phaseStarted(PHASE.ronde1),
  rolesAssigned("ronde1", { d1: "burger", d2: "raadslid", d3: "wethouder" }),
  eisWritten("e1", "d1", "burger"),
  eisWritten("e2", "d2", "raadslid"),
  eisWritten("e3", "d3", "wethouder"),
  eisenRevealed("ronde1", "fase"),
  phaseStarted(PHASE.ronde2),
  rolesAssigned("ronde2", { d1: "wethouder", d2: "directeur", d3: "burger" }),
  eisWritten("e4", "d1", "wethouder", { roundId: "ronde2" }),
  eisenRevealed("ronde2", "fase"),
  phaseStarted(PHASE.samenvoegen),
  itemCreated("i0", ["e1"]),
  itemCreated("i1", ["e1", "e4"], { absorbed: ["i0"] }),
  itemCreated("i2", ["e2"]),
  itemCreated("i3", ["e3"]),
  phaseStarted(PHASE.prioriteren),
];
const inPrioriteren = (...more: Parameters<typeof given>) => given(...toVote, ...more);

const withVoting = (voting: Voting): Scenario => ({ ...minimalScenario(), voting });
const inPrioriterenWith = (voting: Voting, ...more: Parameters<typeof given>) => givenIn(withVoting(voting), ...toVote, ...more);

const points = (itemId: string, n: number) => cmd("vote.points", { itemId, points: n });
const moscow = (itemId: string, choice: "must" | "should" | "could" | "wont" | null) => cmd("vote.moscow", { itemId, choice });

describe("prioriteren: points", () => {
  it("a player puts points on an item, in the game role of the last round", () => {
    thenEvents(when(inPrioriteren(), points("i1", 3), participant("d1")), pointsAllocated("d1", "wethouder", "i1", 3));
  });

  it("the budget holds over all items; changing an item's points only counts the rest", () => {
    const state = inPrioriteren(pointsAllocated("d1", "wethouder", "i1", 8));
    rejected(when(state, points("i2", 3), participant("d1")), "te_veel", "10 punten in totaal; er zijn er nog 2 over");
    thenEvents(when(state, points("i2", 2), participant("d1")), pointsAllocated("d1", "wethouder", "i2", 2));
    thenEvents(when(state, points("i1", 10), participant("d1")), pointsAllocated("d1", "wethouder", "i1", 10));
    // each player has their own budget
    thenEvents(when(state, points("i2", 10), participant("d2")), pointsAllocated("d2", "directeur", "i2", 10));
  });

  it("maxPerItem caps the points on one item", () => {
    const state = inPrioriterenWith({ mode: "punten", budget: 10, maxPerItem: 3 });
    rejected(when(state, points("i1", 4), participant("d1")), "te_veel", "hoogstens 3 punten op één item");
    thenEvents(when(state, points("i1", 3), participant("d1")), pointsAllocated("d1", "wethouder", "i1", 3));
  });

  it("giving the same points again is refused; 0 takes the points back", () => {
    const state = inPrioriteren(pointsAllocated("d1", "wethouder", "i1", 3));
    rejected(when(state, points("i1", 3), participant("d1")), "ongeldig", "al zoveel punten");
    play(state, points("i1", 0), participant("d1"));
    expect(state.ballots.get("d1")?.points.has("i1")).toBe(false);
    expect(playerView(state, asParticipant("d1")).mine?.pointsLeft).toBe(10);
  });

  it("in a points scenario MoSCoW is refused", () => {
    rejected(when(inPrioriteren(), moscow("i1", "must"), participant("d1")), "ongeldig", "stem je met punten, niet met MoSCoW");
  });

  it("only on a live item", () => {
    rejected(when(inPrioriteren(), points("i0", 1), participant("d1")), "niet_gevonden", "niet (meer) in het programma");
    rejected(when(inPrioriteren(), points("i9", 1), participant("d1")), "niet_gevonden", "niet (meer) in het programma");
  });
});

describe("prioriteren: MoSCoW", () => {
  const MOSCOW: Voting = { mode: "moscow" };

  it("a player picks must, should, could or won't per item", () => {
    thenEvents(when(inPrioriterenWith(MOSCOW), moscow("i1", "must"), participant("d2")), moscowChosen("d2", "directeur", "i1", "must"));
  });

  it("the same choice twice is refused; null takes it back", () => {
    const state = inPrioriterenWith(MOSCOW, moscowChosen("d2", "directeur", "i1", "must"));
    rejected(when(state, moscow("i1", "must"), participant("d2")), "ongeldig", "al gekozen");
    play(state, moscow("i1", null), participant("d2"));
    expect(state.ballots.get("d2")?.moscow.has("i1")).toBe(false);
  });

  it("in a MoSCoW scenario points are refused", () => {
    rejected(when(inPrioriterenWith(MOSCOW), points("i1", 2), participant("d1")), "ongeldig", "stem je met MoSCoW, niet met punten");
  });
});

describe("prioriteren: who and when", () => {
  it("only in the prioriteren", () => {
    const state = given(...toVote.slice(0, -1));
    rejected(when(state, points("i1", 1), participant("d1")), "verkeerde_fase", "Stemmen kan alleen in de fase prioriteren");
  });

  it("not after the votes were revealed", () => {
    rejected(when(inPrioriteren(votesRevealed()), points("i1", 1), participant("d1")), "verkeerde_fase", "stemming is gesloten");
  });

  it("not without a game role", () => {
    rejected(when(inPrioriteren(joined("d4", "anders")), points("i1", 1), participant("d4")), "niet_toegestaan", "geen spelrol");
  });

  it("the spelleider does not vote", () => {
    rejected(when(inPrioriteren(), points("i1", 1), spelleider), "niet_toegestaan", "Alleen deelnemers");
  });

  it("participants cannot vote while the game is paused", () => {
    rejected(when(inPrioriteren({ type: "SessionPaused", remainingMs: null }), points("i1", 1), participant("d1")), "gepauzeerd", "pauze");
  });
});

describe("prioriteren: reveal", () => {
  it("the spelleider shows the result", () => {
    thenEvents(when(inPrioriteren(), cmd("votes.reveal"), spelleider), votesRevealed("spelleider"));
  });

  it("showing it twice, in another phase, or as a participant is refused", () => {
    rejected(when(inPrioriteren(votesRevealed()), cmd("votes.reveal"), spelleider), "ongeldig", "al zichtbaar");
    rejected(when(given(...toVote.slice(0, -1)), cmd("votes.reveal"), spelleider), "verkeerde_fase", "De uitslag tonen kan alleen in de fase prioriteren");
    rejected(when(inPrioriteren(), cmd("votes.reveal"), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
  });

  it("ballots are private until the reveal: a player sees only their own, the spelleider only how many", () => {
    const state = inPrioriteren(pointsAllocated("d1", "wethouder", "i1", 7));
    const own = playerView(state, asParticipant("d1"));
    expect(own.mine?.points).toEqual([{ itemId: "i1", points: 7 }]);
    expect(own.mine?.pointsLeft).toBe(3);
    expect(own.support).toEqual([]);
    const other = playerView(state, asParticipant("d2"));
    expect(other.mine?.points).toEqual([]);
    expect(other.support).toEqual([]);
    expect(JSON.stringify(other)).not.toMatch(/"points":7/);
    const leader = playerView(state, asSpelleider);
    expect(leader.support).toEqual([]);
    expect(leader.people.find((p) => p.participantId === "d1")?.votes).toBe(1);
    expect(JSON.stringify(leader)).not.toMatch(/"points":7/);
    expect(playerView(state, beamer).support).toEqual([]);
  });

  it("after the reveal everyone sees support per role", () => {
    const state = inPrioriteren(pointsAllocated("d1", "wethouder", "i1", 7), votesRevealed());
    for (const viewer of [asParticipant("d2"), asSpelleider, beamer]) {
      expect(playerView(state, viewer).support.find((s) => s.itemId === "i1")?.perRole.wethouder).toBe(7);
    }
  });
});

describe("prioriteren: support per item per role, and draagvlak", () => {
  const ballots = [
    pointsAllocated("d1", "wethouder", "i1", 5),
    pointsAllocated("d1", "wethouder", "i2", 5),
    pointsAllocated("d2", "directeur", "i1", 4),
    pointsAllocated("d2", "directeur", "i3", 6),
    pointsAllocated("d3", "burger", "i1", 2),
    pointsAllocated("d3", "burger", "i2", 8),
  ];

  it("adds up points per role, highest total first", () => {
    const support = supportByItem(inPrioriteren(...ballots));
    expect(support.map((s) => [s.itemId, s.total])).toEqual([
      ["i2", 13],
      ["i1", 11],
      ["i3", 6],
    ]);
    const i1 = support.find((s) => s.itemId === "i1")!;
    expect(i1.perRole).toEqual({ burger: 2, raadslid: 0, wethouder: 5, directeur: 4, beleidsambtenaar: 0, wijkteamprofessional: 0 });
    expect(i1.sharePerRole.wethouder).toBeCloseTo(0.5);
    expect(i1.rolesPresent).toEqual(["burger", "wethouder", "directeur"]);
  });

  it("an item every present role supports has verticaal draagvlak; one role only is smal", () => {
    const support = new Map(supportByItem(inPrioriteren(...ballots)).map((s) => [s.itemId, s]));
    expect(support.get("i1")).toMatchObject({ supportingRoles: ["burger", "wethouder", "directeur"], draagvlak: "verticaal" });
    expect(support.get("i2")).toMatchObject({ supportingRoles: ["burger", "wethouder"], draagvlak: "breed" });
    expect(support.get("i3")).toMatchObject({ supportingRoles: ["directeur"], draagvlak: "smal" });
  });

  it("an item nobody voted for has no draagvlak", () => {
    const support = supportByItem(inPrioriteren(pointsAllocated("d1", "wethouder", "i1", 5)));
    expect(support.find((s) => s.itemId === "i3")).toMatchObject({ total: 0, supportingRoles: [], draagvlak: "geen" });
  });

  it("the labels, by number of supporting and present roles: breed from two thirds of the roles", () => {
    expect(draagvlakOf(0, 4)).toBe("geen");
    expect(draagvlakOf(3, 3)).toBe("verticaal");
    expect(draagvlakOf(6, 6)).toBe("verticaal");
    expect(draagvlakOf(2, 2)).toBe("breed"); // all, but two layers are not yet vertical
    expect(draagvlakOf(1, 5)).toBe("smal");
    expect(draagvlakOf(5, 6)).toBe("breed");
    expect(draagvlakOf(4, 6)).toBe("breed");
    expect(draagvlakOf(3, 6)).toBe("gedeeld"); // half is not broad: the play test had nearly every item "breed"
    expect(draagvlakOf(3, 5)).toBe("gedeeld");
    expect(draagvlakOf(2, 5)).toBe("gedeeld");
  });

  it("the label says how many roles, so items with the same word still differ", () => {
    const of = (supporting: number, present: number) =>
      draagvlakLabel({ draagvlak: draagvlakOf(supporting, present), supportingRoles: Array(supporting).fill("x"), rolesPresent: Array(present).fill("x") });
    expect([of(6, 6), of(5, 6), of(4, 6), of(3, 6), of(1, 6), of(0, 6)]).toEqual([
      "Verticaal draagvlak (alle 6 rollen)",
      "Breed gedragen (5 van 6 rollen)",
      "Breed gedragen (4 van 6 rollen)",
      "Gedeeld (3 van 6 rollen)",
      "Smal (1 van 6 rollen)",
      "Geen steun",
    ]);
  });

  it("in MoSCoW, must and should count as support, could does not", () => {
    const state = inPrioriterenWith(
      { mode: "moscow" },
      moscowChosen("d1", "wethouder", "i1", "must"),
      moscowChosen("d2", "directeur", "i1", "should"),
      moscowChosen("d3", "burger", "i1", "could"),
    );
    const i1 = supportByItem(state).find((s) => s.itemId === "i1")!;
    expect(i1.perRole).toMatchObject({ wethouder: 3, directeur: 2, burger: 1 });
    expect(i1.supportingRoles).toEqual(["wethouder", "directeur"]);
    expect(i1.draagvlak).toBe("breed");
    // The charts draw the inwoner's bar light: a score, but no support ("2 van 3 rollen" under three full bars read wrong).
    expect(barsOf(i1).filter((bar) => bar.weak).map((bar) => bar.role)).toEqual(["burger"]);
    expect(anyScoreWithoutSupport([i1])).toBe(true);
  });

  it("with points every bar is support: none is drawn light", () => {
    const state = inPrioriteren(pointsAllocated("d1", "wethouder", "i1", 1), pointsAllocated("d2", "directeur", "i1", 6));
    const supports = supportByItem(state);
    expect(supports.flatMap((s) => barsOf(s).filter((bar) => bar.weak))).toEqual([]);
    expect(anyScoreWithoutSupport(supports)).toBe(false);
  });

  it("two voters in one role: the share is fair to the size of the role", () => {
    const state = inPrioriteren(
      joined("d4", "anders"),
      rolesAssigned("ronde2", { d4: "burger" }),
      pointsAllocated("d3", "burger", "i1", 10),
      pointsAllocated("d4", "burger", "i2", 10),
    );
    const support = new Map(supportByItem(state).map((s) => [s.itemId, s]));
    expect(support.get("i1")?.sharePerRole.burger).toBeCloseTo(0.5);
    expect(support.get("i2")?.sharePerRole.burger).toBeCloseTo(0.5);
  });
});
