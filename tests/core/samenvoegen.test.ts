/**
 * Phase 3, samenvoegen: the group builds one programma van eisen. Similar eisen are merged into one PvE item with
 * new wording; the item keeps its provenance (which eisen, from which roles, in which round). Merges can be
 * undone and items split again. Two items that contradict each other can be marked as a spanning.
 */
import { describe, expect, it } from "vitest";
import { openSpanningen } from "../../server/core/resultaat.ts";
import { itemEisIds } from "../../server/core/state.ts";
import type { BoardRef } from "#shared/protocol/commands.ts";
import {
  PHASE,
  cmd,
  eisWritten,
  eisenRevealed,
  given,
  guest,
  itemCreated,
  joined,
  participant,
  phaseStarted,
  play,
  publicPart,
  rejected,
  rolesAssigned,
  spanningMarked,
  spelleider,
  system,
  thenEvents,
  when,
} from "../fixtures/given.ts";

/** Three players, two rounds, six revealed eisen: e1-e3 from ronde1, e4-e6 from ronde2. */
const board = [
  joined("d1", "raadslid"),
  joined("d2", "wethouder"),
  joined("d3", "directeur"),
  phaseStarted(PHASE.ronde1),
  rolesAssigned("ronde1", { d1: "burger", d2: "raadslid", d3: "wethouder" }),
  eisWritten("e1", "d1", "burger", { text: "Eén vast aanspreekpunt voor de inwoner." }),
  eisWritten("e2", "d2", "raadslid", { text: "Sturen op doelen, niet op regels." }),
  eisWritten("e3", "d3", "wethouder", { text: "De begroting moet kloppen.", categoryId: "ruimte" }),
  eisenRevealed("ronde1", "fase"),
  phaseStarted(PHASE.ronde2),
  rolesAssigned("ronde2", { d1: "wethouder", d2: "directeur", d3: "burger" }),
  eisWritten("e4", "d1", "wethouder", { roundId: "ronde2", text: "Iedere inwoner één contactpersoon." }),
  eisWritten("e5", "d2", "directeur", { roundId: "ronde2", text: "Ruimte voor de professional." }),
  eisWritten("e6", "d3", "burger", { roundId: "ronde2", text: "Niet steeds opnieuw mijn verhaal doen." }),
  eisenRevealed("ronde2", "fase"),
  phaseStarted(PHASE.samenvoegen),
];
const inSamenvoegen = (...more: Parameters<typeof given>) => given(...board, ...more);

const eis = (id: string): BoardRef => ({ kind: "eis", id });
const item = (id: string): BoardRef => ({ kind: "item", id });
const merge = (itemId: string, sources: BoardRef[], text = `Samen: ${itemId}`, categoryId = "kernwaarden") => cmd("pve.merge", { itemId, sources, text, categoryId });

describe("samenvoegen: merging", () => {
  it("merging eisen makes a PvE item with new wording that lists its eisen", () => {
    thenEvents(when(inSamenvoegen(), merge("i1", [eis("e1"), eis("e4")], "Eén vast aanspreekpunt"), participant("d1")), itemCreated("i1", ["e1", "e4"], { text: "Eén vast aanspreekpunt" }));
  });

  it("the item keeps its provenance: which eisen, from which roles, in which rounds", () => {
    const state = inSamenvoegen();
    play(state, merge("i1", [eis("e1"), eis("e4")]), participant("d2"));
    expect(state.eisen.get("e1")?.itemId).toBe("i1");
    expect(state.eisen.get("e4")?.itemId).toBe("i1");
    expect(publicPart(state).items).toEqual([
      { id: "i1", text: "Samen: i1", categoryId: "kernwaarden", eisIds: ["e1", "e4"], roles: ["burger", "wethouder"], roundIds: ["ronde1", "ronde2"], caseIds: [], tableId: null, tableIds: [] },
    ]);
  });

  it("a single eis can become an item of its own", () => {
    thenEvents(when(inSamenvoegen(), merge("i1", [eis("e3")], "Een kloppende begroting", "ruimte"), spelleider), itemCreated("i1", ["e3"], { text: "Een kloppende begroting", categoryId: "ruimte" }));
  });

  it("merging an item with an eis into a new item takes over all its eisen and remembers the item", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4"]));
    thenEvents(when(state, merge("i2", [item("i1"), eis("e6")], "Eén aanspreekpunt, één verhaal"), participant("d3")), itemCreated("i2", ["e1", "e4", "e6"], { text: "Eén aanspreekpunt, één verhaal", absorbed: ["i1"] }));
    play(state, merge("i2", [item("i1"), eis("e6")]), participant("d3"));
    expect(state.items.get("i1")?.absorbedInto).toBe("i2");
    expect(publicPart(state).items.map((i) => i.id)).toEqual(["i2"]);
    expect(publicPart(state).items[0]).toMatchObject({ eisIds: ["e1", "e4", "e6"], roles: ["burger", "wethouder"], roundIds: ["ronde1", "ronde2"] });
    expect(state.eisen.get("e1")?.itemId).toBe("i2");
  });

  it("only in the samenvoegen", () => {
    const state = given(...board.slice(0, -1));
    rejected(when(state, merge("i1", [eis("e1")]), participant("d1")), "verkeerde_fase", "Eisen samenvoegen kan alleen in de fase samenvoegen");
  });

  it("a new item needs a fresh id and a category of the scenario", () => {
    rejected(when(inSamenvoegen(itemCreated("i1", ["e1"])), merge("i1", [eis("e2")]), participant("d1")), "bestaat_al", "bestaat al");
    rejected(when(inSamenvoegen(), merge("i1", [eis("e2")], "Tekst", "onbekend"), participant("d1")), "niet_gevonden", "Kies een categorie");
  });

  it("the same eis or item cannot be in one merge twice", () => {
    rejected(when(inSamenvoegen(), merge("i1", [eis("e1"), eis("e1")]), participant("d1")), "ongeldig", "twee keer");
  });

  it("unknown eisen and eisen not yet revealed cannot be merged", () => {
    rejected(when(inSamenvoegen(), merge("i1", [eis("e99")]), participant("d1")), "niet_gevonden", "nog niet zichtbaar");
    const hidden = given(...board.slice(0, -2), eisWritten("e7", "d1", "wethouder", { roundId: "ronde2" }), phaseStarted(PHASE.samenvoegen));
    rejected(when(hidden, merge("i1", [eis("e7")]), participant("d1")), "niet_gevonden", "nog niet zichtbaar");
  });

  it("an eis that is already in an item is merged through that item", () => {
    rejected(when(inSamenvoegen(itemCreated("i1", ["e1"])), merge("i2", [eis("e1"), eis("e4")]), participant("d1")), "ongeldig", "zit al in een item");
  });

  it("an item that was merged away, or never existed, cannot be merged", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1"]), itemCreated("i2", ["e1", "e4"], { absorbed: ["i1"] }));
    rejected(when(state, merge("i3", [item("i1")]), participant("d1")), "niet_gevonden", "niet (meer) in het programma");
    rejected(when(state, merge("i3", [item("i9")]), participant("d1")), "niet_gevonden", "niet (meer) in het programma");
  });

  it("the board is for participants and the spelleider, not for guests or the server", () => {
    rejected(when(inSamenvoegen(), merge("i1", [eis("e1")]), guest), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(inSamenvoegen(), merge("i1", [eis("e1")]), system), "niet_toegestaan", "Alleen deelnemers");
  });
});

describe("samenvoegen: the rest in one go", () => {
  const adopt = (pairs: [string, string][]) => cmd("pve.adopt", { adopt: pairs.map(([itemId, eisId]) => ({ itemId, eisId })) });

  it("every leftover eis listed becomes an item of its own, in its own words and category", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4"], { text: "Eén vast aanspreekpunt" }));
    thenEvents(
      when(state, adopt([["a2", "e2"], ["a3", "e3"], ["a5", "e5"], ["a6", "e6"]]), participant("d2")),
      itemCreated("a2", ["e2"], { text: "Sturen op doelen, niet op regels." }),
      itemCreated("a3", ["e3"], { text: "De begroting moet kloppen.", categoryId: "ruimte" }),
      itemCreated("a5", ["e5"], { text: "Ruimte voor de professional." }),
      itemCreated("a6", ["e6"], { text: "Niet steeds opnieuw mijn verhaal doen." }),
    );
    play(state, adopt([["a2", "e2"], ["a3", "e3"], ["a5", "e5"], ["a6", "e6"]]), spelleider);
    expect(publicPart(state).eisen.filter((e) => e.itemId === null)).toEqual([]);
  });

  it("all or nothing: an eis already in an item stops the list, naming that eis", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4"]));
    rejected(when(state, adopt([["a2", "e2"], ["a1", "e1"]]), participant("d1")), "ongeldig", "‘Eén vast aanspreekpunt voor de inwoner.’: Deze eis zit al in een item");
    rejected(when(state, adopt([["a2", "e2"], ["a3", "e2"]]), participant("d1")), "ongeldig", "Dezelfde eis staat twee keer in de lijst.");
    rejected(when(state, adopt([["a2", "e2"], ["a2", "e3"]]), participant("d1")), "bestaat_al", "Een van de nieuwe items bestaat al.");
    rejected(when(state, adopt([["i1", "e2"]]), participant("d1")), "bestaat_al", "Een van de nieuwe items bestaat al.");
    rejected(when(state, adopt([["a9", "e9"]]), participant("d1")), "niet_gevonden", "Deze eis bestaat niet");
  });

  it("only while merging, and not by a guest", () => {
    rejected(when(given(...board.slice(0, -1)), adopt([["a2", "e2"]]), participant("d1")), "verkeerde_fase", "Losse eisen als eigen item opnemen kan alleen in de fase");
    rejected(when(inSamenvoegen(), adopt([["a2", "e2"]]), guest), "niet_toegestaan", "Alleen deelnemers");
  });
});

describe("samenvoegen: editing an item", () => {
  it("the group rewords an item or changes its category", () => {
    thenEvents(when(inSamenvoegen(itemCreated("i1", ["e1"])), cmd("pve.edit", { itemId: "i1", text: "Beter verwoord", categoryId: "ruimte" }), participant("d1")), {
      type: "PveItemEdited",
      itemId: "i1",
      text: "Beter verwoord",
      categoryId: "ruimte",
    });
  });

  it("refuses no-op edits, unknown categories, absorbed or unknown items, and other phases", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1"], { text: "Tekst" }), itemCreated("i2", ["e1"], { absorbed: ["i1"] }));
    rejected(when(state, cmd("pve.edit", { itemId: "i2", text: "Item i2", categoryId: "kernwaarden" }), spelleider), "ongeldig", "niets veranderd");
    rejected(when(state, cmd("pve.edit", { itemId: "i2", text: "Nieuw", categoryId: "onbekend" }), spelleider), "niet_gevonden", "Kies een categorie");
    rejected(when(state, cmd("pve.edit", { itemId: "i1", text: "Nieuw", categoryId: "kernwaarden" }), spelleider), "niet_gevonden", "niet (meer)");
    rejected(when(state, cmd("pve.edit", { itemId: "i9", text: "Nieuw", categoryId: "kernwaarden" }), spelleider), "niet_gevonden", "niet (meer)");
    const later = inSamenvoegen(itemCreated("i1", ["e1"]), phaseStarted(PHASE.prioriteren));
    rejected(when(later, cmd("pve.edit", { itemId: "i1", text: "Nieuw", categoryId: "kernwaarden" }), spelleider), "verkeerde_fase", "Een item aanpassen");
  });
});

describe("samenvoegen: undo", () => {
  it("undoing a merge of eisen frees the eisen and removes the item", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4"]));
    thenEvents(when(state, cmd("pve.undo", { itemId: "i1" }), participant("d1")), { type: "PveMergeUndone", itemId: "i1" });
    play(state, cmd("pve.undo", { itemId: "i1" }), participant("d1"));
    expect(state.items.has("i1")).toBe(false);
    expect(state.eisen.get("e1")?.itemId).toBeNull();
    expect(state.eisen.get("e4")?.itemId).toBeNull();
    // the eisen can be merged again
    play(state, merge("i2", [eis("e1"), eis("e4")]), participant("d1"));
  });

  it("undoing a merge that swallowed an item brings that item back and frees the other eisen", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4"], { text: "Origineel" }));
    play(state, merge("i2", [item("i1"), eis("e6")]), participant("d1"));
    play(state, cmd("pve.undo", { itemId: "i2" }), participant("d2"));
    expect(state.items.has("i2")).toBe(false);
    expect(state.items.get("i1")).toMatchObject({ text: "Origineel", absorbedInto: null, sources: [{ kind: "eis", eisId: "e1" }, { kind: "eis", eisId: "e4" }] });
    expect(state.eisen.get("e1")?.itemId).toBe("i1");
    expect(state.eisen.get("e4")?.itemId).toBe("i1");
    expect(state.eisen.get("e6")?.itemId).toBeNull();
    expect(publicPart(state).items.map((i) => i.id)).toEqual(["i1"]);
  });

  it("an eis that was split off since stays where it went when the merge is undone", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4"]));
    play(state, merge("i2", [item("i1"), eis("e2")]), participant("d1"));
    play(state, cmd("pve.split", { itemId: "i2", newItemId: "i3", eisIds: ["e1"], text: "Afgesplitst" }), participant("d1"));
    play(state, cmd("pve.undo", { itemId: "i2" }), participant("d1"));
    expect(itemEisIds(state.items.get("i1")!)).toEqual(["e4"]);
    expect(itemEisIds(state.items.get("i3")!)).toEqual(["e1"]);
    expect(state.eisen.get("e1")?.itemId).toBe("i3");
    expect(state.eisen.get("e2")?.itemId).toBeNull();
  });

  it("only a live item can be undone", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1"]), itemCreated("i2", ["e1", "e4"], { absorbed: ["i1"] }));
    rejected(when(state, cmd("pve.undo", { itemId: "i1" }), participant("d1")), "niet_gevonden", "niet (meer)");
    rejected(when(state, cmd("pve.undo", { itemId: "i9" }), participant("d1")), "niet_gevonden", "niet (meer)");
    const later = inSamenvoegen(itemCreated("i1", ["e1"]), phaseStarted(PHASE.prioriteren));
    rejected(when(later, cmd("pve.undo", { itemId: "i1" }), participant("d1")), "verkeerde_fase", "Een samenvoeging ongedaan maken");
  });
});

describe("samenvoegen: split", () => {
  const split = (itemId: string, newItemId: string, eisIds: string[], text = "Apart") => cmd("pve.split", { itemId, newItemId, eisIds, text });

  it("splitting moves eisen to a new item with the same category", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4", "e6"], { categoryId: "ruimte" }));
    thenEvents(when(state, split("i1", "i2", ["e6"], "Eén verhaal"), participant("d1")), { type: "PveItemSplit", itemId: "i1", newItemId: "i2", eisIds: ["e6"], text: "Eén verhaal" });
    play(state, split("i1", "i2", ["e6"], "Eén verhaal"), participant("d1"));
    expect(itemEisIds(state.items.get("i1")!)).toEqual(["e1", "e4"]);
    expect(state.items.get("i2")).toMatchObject({ text: "Eén verhaal", categoryId: "ruimte", sources: [{ kind: "eis", eisId: "e6" }], absorbedInto: null });
    expect(state.eisen.get("e6")?.itemId).toBe("i2");
  });

  it("refuses to empty the item: that is what undo is for", () => {
    rejected(when(inSamenvoegen(itemCreated("i1", ["e1", "e4"])), split("i1", "i2", ["e1", "e4"]), participant("d1")), "ongeldig", "minstens één eis");
  });

  it("refuses eisen that are not in the item, the same eis twice, a taken id and a missing item", () => {
    const state = inSamenvoegen(itemCreated("i1", ["e1", "e4"]), itemCreated("i2", ["e2"]));
    rejected(when(state, split("i1", "i3", ["e2"]), participant("d1")), "ongeldig", "die in dit item zitten");
    rejected(when(state, split("i1", "i3", ["e1", "e1"]), participant("d1")), "ongeldig", "twee keer");
    rejected(when(state, split("i1", "i2", ["e1"]), participant("d1")), "bestaat_al", "nieuwe item bestaat al");
    rejected(when(state, split("i9", "i3", ["e1"]), participant("d1")), "niet_gevonden", "niet (meer)");
  });

  it("only in the samenvoegen", () => {
    const later = inSamenvoegen(itemCreated("i1", ["e1", "e4"]), phaseStarted(PHASE.prioriteren));
    rejected(when(later, split("i1", "i2", ["e1"]), participant("d1")), "verkeerde_fase", "Een item splitsen");
  });
});

describe("samenvoegen: spanningen", () => {
  const mark = (spanningId: string, itemA: string, itemB: string, note = "Ruimte botst met de begroting.") => cmd("spanning.mark", { spanningId, itemA, itemB, note });
  const twoItems = (...more: Parameters<typeof given>) => inSamenvoegen(itemCreated("i1", ["e5"]), itemCreated("i2", ["e3"]), ...more);

  it("two live items are marked as a spanning", () => {
    thenEvents(when(twoItems(), mark("s1", "i1", "i2"), participant("d1")), spanningMarked("s1", "i1", "i2", "Ruimte botst met de begroting."));
  });

  it("a spanning needs two different live items, a fresh id, and no spanning already between them", () => {
    const state = twoItems(itemCreated("i3", ["e1"]), itemCreated("i4", ["e1", "e4"], { absorbed: ["i3"] }), spanningMarked("s1", "i1", "i2"));
    rejected(when(state, mark("s2", "i1", "i1"), participant("d1")), "ongeldig", "twee verschillende items");
    rejected(when(state, mark("s2", "i1", "i3"), participant("d1")), "niet_gevonden", "niet (meer)");
    rejected(when(state, mark("s2", "i9", "i1"), participant("d1")), "niet_gevonden", "niet (meer)");
    rejected(when(state, mark("s1", "i1", "i4"), participant("d1")), "bestaat_al", "Deze spanning bestaat al");
    rejected(when(state, mark("s2", "i2", "i1"), participant("d1")), "bestaat_al", "al een spanning");
  });

  it("a spanning follows its item into a merge", () => {
    const state = twoItems(spanningMarked("s1", "i1", "i2"));
    play(state, merge("i3", [item("i1"), eis("e2")]), participant("d1"));
    expect(openSpanningen(state)).toEqual([{ spanningId: "s1", itemA: "i3", itemB: "i2", note: "Deze twee botsen." }]);
    expect(publicPart(state).spanningen).toEqual(openSpanningen(state));
  });

  it("a spanning is no longer open when both sides end up in one item, and comes back on undo", () => {
    const state = twoItems(spanningMarked("s1", "i1", "i2"));
    play(state, merge("i3", [item("i1"), item("i2")]), participant("d1"));
    expect(openSpanningen(state)).toEqual([]);
    play(state, cmd("pve.undo", { itemId: "i3" }), participant("d1"));
    expect(openSpanningen(state)).toEqual([{ spanningId: "s1", itemA: "i1", itemB: "i2", note: "Deze twee botsen." }]);
  });

  it("a spanning that followed a merge counts as the spanning between the merged item and the other", () => {
    const state = twoItems(spanningMarked("s1", "i1", "i2"));
    play(state, merge("i3", [item("i1"), eis("e2")]), participant("d1"));
    rejected(when(state, mark("s2", "i3", "i2"), participant("d1")), "bestaat_al", "al een spanning");
  });

  it("undoing an item removes the spanningen marked on it", () => {
    const state = twoItems(itemCreated("i3", ["e1", "e4"]), spanningMarked("s1", "i3", "i2"));
    play(state, cmd("pve.undo", { itemId: "i3" }), participant("d1"));
    expect(state.spanningen.size).toBe(0);
  });

  it("a spanning can be taken away, if it exists", () => {
    thenEvents(when(twoItems(spanningMarked("s1", "i1", "i2")), cmd("spanning.remove", { spanningId: "s1" }), spelleider), { type: "SpanningRemoved", spanningId: "s1" });
    rejected(when(twoItems(), cmd("spanning.remove", { spanningId: "s1" }), spelleider), "niet_gevonden", "bestaat niet");
  });

  it("only in the samenvoegen", () => {
    const later = twoItems(spanningMarked("s1", "i1", "i2"), phaseStarted(PHASE.prioriteren));
    rejected(when(later, mark("s2", "i1", "i2"), participant("d1")), "verkeerde_fase", "Een spanning markeren");
    rejected(when(later, cmd("spanning.remove", { spanningId: "s1" }), participant("d1")), "verkeerde_fase", "Een spanning weghalen");
  });
});
