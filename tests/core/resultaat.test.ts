/**
 * Phase 6, resultaat: het kader op maat. PvE items in order of priority, each with its support per role, its
 * provenance and the case evidence (which cases it helped or hindered); the aanvullingen; the open spanningen;
 * all grouped under the four headings of a handelingsperspectief. Derived from the state, never stored.
 */
import { describe, expect, it } from "vitest";
import { supportByItem } from "../../server/core/prioriteren.ts";
import { PERSPECTIEF_TITLES, kader } from "../../server/core/resultaat.ts";
import {
  PHASE,
  T0,
  at,
  caseOpened,
  eisWritten,
  eisenRevealed,
  given,
  itemCreated,
  joined,
  noteAdded,
  phaseStarted,
  pointsAllocated,
  publicPart,
  rolesAssigned,
  spanningMarked,
  stepAdvanced,
  verdictGiven,
  votesRevealed,
} from "../fixtures/given.ts";

const STEPS = ["effect", "bedoeling", "passend", "uitlegbaar", "wet"];
const walked = (caseId: string) => STEPS.flatMap((step, i) => [noteAdded(`${caseId}-n${i}`, caseId, step), stepAdvanced(caseId, i + 1)]);

const session = [
  joined("d1", "raadslid"),
  joined("d2", "wethouder"),
  joined("d3", "directeur"),
  phaseStarted(PHASE.ronde1),
  rolesAssigned("ronde1", { d1: "burger", d2: "raadslid", d3: "wethouder" }),
  eisWritten("e1", "d1", "burger", { text: "Eén aanspreekpunt." }),
  eisWritten("e2", "d2", "raadslid", { text: "Ruimte voor de professional.", categoryId: "ruimte" }),
  eisWritten("e3", "d3", "wethouder", { text: "De begroting klopt." }),
  eisenRevealed("ronde1", "fase"),
  phaseStarted(PHASE.ronde2),
  rolesAssigned("ronde2", { d1: "wethouder", d2: "directeur", d3: "burger" }),
  eisWritten("e4", "d1", "wethouder", { roundId: "ronde2", text: "Eén contactpersoon." }),
  eisenRevealed("ronde2", "fase"),
  phaseStarted(PHASE.samenvoegen),
  at(T0 + 1, itemCreated("i0", ["e1"], { text: "Aanspreekpunt" })),
  at(T0 + 2, itemCreated("i2", ["e2"], { text: "Ruimte", categoryId: "ruimte" })),
  at(T0 + 3, itemCreated("i3", ["e3"], { text: "Begroting" })),
  at(T0 + 4, spanningMarked("s1", "i0", "i3", "Eén loket kost geld.")),
  at(T0 + 5, itemCreated("i1", ["e1", "e4"], { text: "Eén vast aanspreekpunt", absorbed: ["i0"] })),
  at(T0 + 6, itemCreated("i4", [], { text: "Los item zonder stemmen" })),
  phaseStarted(PHASE.prioriteren),
  pointsAllocated("d1", "wethouder", "i2", 4),
  pointsAllocated("d1", "wethouder", "i1", 6),
  pointsAllocated("d2", "directeur", "i2", 6),
  pointsAllocated("d2", "directeur", "i3", 3),
  pointsAllocated("d3", "burger", "i1", 1),
  votesRevealed("fase"),
  phaseStarted(PHASE.casustoets),
  caseOpened("ebike"),
  ...walked("ebike"),
  verdictGiven("ebike", "i1", "helpt"),
  verdictGiven("ebike", "i3", "staat_in_de_weg"),
  verdictGiven("ebike", "i2", "niet_van_toepassing"),
  { type: "CaseDecided", caseId: "ebike", decision: "E-bike vergoeden.", costNow: "laag", costLater: "gemiddeld", costNote: "" },
  at(T0 + 7, itemCreated("a1", [], { text: "Vervoer hoort bij re-integratie.", categoryId: "ruimte", extraSources: [{ kind: "casus", caseId: "ebike" }] })),
  phaseStarted(PHASE.resultaat),
] as Parameters<typeof given>;

describe("resultaat: het kader op maat", () => {
  it("orders the items by support, highest first; items without support after, oldest first", () => {
    const k = kader(given(...session));
    expect(k.items.map((i) => [i.rank, i.itemId, i.support?.total])).toEqual([
      [1, "i2", 10],
      [2, "i1", 7],
      [3, "i3", 3],
      [4, "i4", 0],
      [5, "a1", undefined],
    ]);
  });

  it("equal support: the vote's reveal and the kader give the same order, the item made first on top", () => {
    // z3 and z4 are made before a1 and a2 (so the ids alone would give another order); all four get 5 points.
    const tied = [
      ...session.slice(0, 14),
      at(T0 + 1, itemCreated("z3", ["e3"], { text: "Begroting" })),
      at(T0 + 2, itemCreated("z4", ["e4"], { text: "Eén contactpersoon" })),
      at(T0 + 3, itemCreated("a1", ["e1"], { text: "Aanspreekpunt" })),
      at(T0 + 4, itemCreated("a2", ["e2"], { text: "Ruimte", categoryId: "ruimte" })),
      phaseStarted(PHASE.prioriteren),
      pointsAllocated("d1", "wethouder", "a2", 5),
      pointsAllocated("d1", "wethouder", "z4", 5),
      pointsAllocated("d2", "directeur", "a1", 5),
      pointsAllocated("d2", "directeur", "z3", 5),
      votesRevealed("fase"),
    ] as Parameters<typeof given>;
    const state = given(...tied);
    const reveal = supportByItem(state).map((s) => s.itemId);
    expect(reveal).toEqual(["z3", "z4", "a1", "a2"]);
    expect(kader(state).items.map((i) => i.itemId)).toEqual(reveal);
  });

  it("each item carries its support profile per role", () => {
    const i1 = kader(given(...session)).items.find((i) => i.itemId === "i1")!;
    expect(i1.support).toMatchObject({ perRole: { wethouder: 6, burger: 1, directeur: 0 }, supportingRoles: ["burger", "wethouder"], draagvlak: "breed" });
  });

  it("each item keeps its provenance: eisen with role and round", () => {
    const i1 = kader(given(...session)).items.find((i) => i.itemId === "i1")!;
    expect(i1.provenance).toEqual([
      { eisId: "e1", role: "burger", roundId: "ronde1", text: "Eén aanspreekpunt.", tableId: null },
      { eisId: "e4", role: "wethouder", roundId: "ronde2", text: "Eén contactpersoon.", tableId: null },
    ]);
    expect(i1.roles).toEqual(["burger", "wethouder"]);
    expect(i1.fromCases).toEqual([]);
  });

  it("an aanvulling shows the case it came from, and has no support at all: it came after the vote (niet gestemd, not zero)", () => {
    const a1 = kader(given(...session)).items.find((i) => i.itemId === "a1")!;
    expect(a1).toMatchObject({ fromCases: ["ebike"], provenance: [], roles: [], support: null });
  });

  it("an aanvulling the group did vote on (back in prioriteren) counts like any other item", () => {
    const k = kader(given(...session, phaseStarted(PHASE.prioriteren), pointsAllocated("d2", "directeur", "a1", 2)));
    expect(k.items.find((i) => i.itemId === "a1")?.support).toMatchObject({ total: 2, supportingRoles: ["directeur"] });
  });

  it("groups the items under the four headings of the handelingsperspectief, in rank order", () => {
    const k = kader(given(...session));
    expect(k.perspectieven).toEqual([
      { perspectief: "doelen", title: PERSPECTIEF_TITLES.doelen, itemIds: [] },
      { perspectief: "resultaten", title: PERSPECTIEF_TITLES.resultaten, itemIds: [] },
      { perspectief: "normen", title: PERSPECTIEF_TITLES.normen, itemIds: ["i1", "i3", "i4"] },
      { perspectief: "ondersteuning", title: PERSPECTIEF_TITLES.ondersteuning, itemIds: ["i2", "a1"] },
    ]);
  });

  it("lists the case evidence per item and per case", () => {
    const k = kader(given(...session));
    expect(k.items.find((i) => i.itemId === "i1")?.evidence).toEqual([{ caseId: "ebike", verdict: "helpt" }]);
    expect(k.items.find((i) => i.itemId === "i3")?.evidence).toEqual([{ caseId: "ebike", verdict: "staat_in_de_weg" }]);
    expect(k.items.find((i) => i.itemId === "i4")?.evidence).toEqual([]);
    // only cases the group worked on
    expect(k.cases).toEqual([
      {
        caseId: "ebike",
        title: "De e-bike als re-integratievoorziening",
        source: "scenario",
        decision: "E-bike vergoeden.",
        costNow: "laag",
        costLater: "gemiddeld",
        helped: ["i1"],
        hindered: ["i3"],
      },
    ]);
  });

  it("lists the open spanningen, following merges to the items that hold them now", () => {
    expect(kader(given(...session)).spanningen).toEqual([{ spanningId: "s1", itemA: "i1", itemB: "i3", note: "Eén loket kost geld." }]);
  });

  it("without revealed votes there is no support, and the order is the order of making", () => {
    const hidden = session.filter((e) => e.type !== "VotesRevealed");
    const k = kader(given(...hidden));
    expect(k.items.map((i) => i.itemId)).toEqual(["i2", "i3", "i1", "i4", "a1"]);
    expect(k.items.every((i) => i.support === null)).toBe(true);
  });

  it("is part of everyone's view in the resultaat, and only there", () => {
    const state = given(...session);
    expect(publicPart(state).kader).toEqual(kader(state));
    expect(publicPart(given(...session.slice(0, -1))).kader).toBeNull();
  });
});
