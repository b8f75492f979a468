/**
 * Phase 7, de terugkombijeenkomst. Weeks after day 1 the spelleider opens it on the same session: day 1 is frozen
 * and its kader becomes version 1. The group reflects per item (toegepast ja/deels/nee, goed, beter, indicator),
 * amends, adds and retires items and says what it backs; kader v2 is shown beside v1 with what changed.
 */
import { describe, expect, it } from "vitest";
import { replay } from "../../server/core/evolve.ts";
import { kaderV1, STEUN_DREMPEL, terugkomView } from "../../server/core/terugkom.ts";
import { boardAt, timeline } from "../../server/core/timeline.ts";
import { playerView } from "../../server/core/view.ts";
import { CommandSchema } from "#shared/protocol/commands.ts";
import { describeCommandError } from "#shared/protocol/dutchErrors.ts";
import type { StoredEvent } from "#shared/protocol/events.ts";
import {
  FULL_SESSION_NAMES,
  PHASE,
  advanceTo,
  asParticipant,
  asSpelleider,
  beamer,
  cmd,
  fullSession,
  guest,
  lobbyWith,
  logOf,
  participant,
  play,
  publicPart,
  rejected,
  seatToken,
  spelleider,
  thenEvents,
  when,
} from "../fixtures/given.ts";
import type { SessionState } from "../../server/core/state.ts";

/** Day 1 played through, then the terugkombijeenkomst opened and moved to `stage`. */
function dayTwo(stage: "terugblik" | "reflectie" | "bijstellen" | "kader" = "terugblik"): SessionState {
  const state = fullSession();
  play(state, cmd("terugkom.open"), spelleider);
  if (stage !== "terugblik") play(state, cmd("terugkom.stage", { stage }), spelleider);
  return state;
}

const v2 = (state: SessionState, itemId: string) => {
  const item = terugkomView(state)?.v2.find((i) => i.itemId === itemId);
  if (!item) throw new Error(`${itemId} staat niet in kader v2`);
  return item;
};

describe("opening the terugkombijeenkomst", () => {
  it("freezes day 1's kader as version 1, and opens the session for people coming back", () => {
    const state = fullSession();
    expect(state.locked).toBe(true);
    thenEvents(when(state, cmd("terugkom.open"), spelleider), { type: "TerugkomOpened", kaderV1: kaderV1(state) }, { type: "SessionLockChanged", locked: false });
  });

  it("records each v1 item with its rank and the share of day-1 voters who backed it", () => {
    const v1 = kaderV1(fullSession());
    // Four voters remained (d5 was removed); all four gave points to i1, one each to i2, i3 and i5.
    expect(v1[0]).toMatchObject({ itemId: "i1", rank: 1, backing: 1, draagvlak: "verticaal" });
    expect(v1.find((i) => i.itemId === "i2")?.backing).toBe(0.25);
    expect(v1.find((i) => i.itemId === "i6")?.backing).toBe(0);
    // The aanvulling from the casustoets came after the vote: not 0% but niet gestemd (null), so no "0% -> 100%".
    expect(v1.find((i) => i.itemId === "a1")).toMatchObject({ backing: null, draagvlak: null, supportingRoles: [] });
    expect(v1.map((i) => i.rank)).toEqual(v1.map((_, index) => index + 1));
  });

  it("can only be opened by the spelleider, once, and only when day 1 is at its resultaat", () => {
    rejected(when(fullSession(), cmd("terugkom.open"), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(dayTwo(), cmd("terugkom.open"), spelleider), "bestaat_al", "al geopend");
    const early = advanceTo(lobbyWith(["raadslid", "wethouder"]), PHASE.samenvoegen);
    rejected(when(early, cmd("terugkom.open"), spelleider), "verkeerde_fase", "pas beginnen als dag 1 bij het resultaat");
  });

  it("starts at the terugblik and lets the spelleider move between the stages in any order", () => {
    const state = dayTwo();
    expect(state.terugkom?.stage).toBe("terugblik");
    thenEvents(when(state, cmd("terugkom.stage", { stage: "bijstellen" }), spelleider), { type: "TerugkomStageSet", stage: "bijstellen" });
    rejected(when(state, cmd("terugkom.stage", { stage: "terugblik" }), spelleider), "ongeldig", "al bij de stap terugblik");
    rejected(when(state, cmd("terugkom.stage", { stage: "reflectie" }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(fullSession(), cmd("terugkom.stage", { stage: "reflectie" }), spelleider), "verkeerde_fase", "Open eerst de terugkombijeenkomst");
  });
});

describe("day 1 is frozen once the terugkombijeenkomst has begun", () => {
  const frozen = "het werk van dag 1 ligt vast";
  it.each([
    ["phase.previous", () => cmd("phase.previous"), spelleider],
    ["timer.set", () => cmd("timer.set", { minutes: 10 }), spelleider],
    ["pve.edit", () => cmd("pve.edit", { itemId: "i1", text: "Anders", categoryId: "kernwaarden" }), participant("d1")],
    ["vote.points", () => cmd("vote.points", { itemId: "i1", points: 1 }), participant("d1")],
    ["toets.note", () => cmd("toets.note", { noteId: "laat", caseId: "ebike", stepId: "effect", text: "Te laat." }), participant("d2")],
    ["case.add", () => cmd("case.add", { caseId: "nieuw", draft: { title: "Nieuw", situation: "Iets.", effectWanted: "Iets anders." } }), spelleider],
  ] as const)("%s is refused in Dutch", (_type, command, actor) => {
    rejected(when(dayTwo(), command(), actor), "verkeerde_fase", frozen);
  });

  it("still lets people join, be removed, and the spelleider pause", () => {
    const state = dayTwo();
    const events = play(state, cmd("participant.join", { displayName: "Nieuwe Collega", realRole: "teamleider", seatToken: seatToken("nieuw") }), guest);
    // A newcomer gets no game role on day 2: the reflection is about their own work.
    expect(events.map((e) => e.type)).toEqual(["ParticipantJoined"]);
    play(state, cmd("participant.remove", { participantId: "d4" }), spelleider);
    play(state, cmd("session.pause", { paused: true }), spelleider);
    expect(state.paused).toBe(true);
  });
});

describe("reflectie: per v1 item, toegepast, goed, beter and an indicator", () => {
  it("stores a participant's reflection, with empty texts when left out", () => {
    const state = dayTwo("reflectie");
    thenEvents(
      when(state, cmd("reflectie.give", { itemId: "i1", toegepast: "deels", goed: "Iedereen weet wie het aanspreekpunt is." }), participant("d1")),
      { type: "ReflectionGiven", participantId: "d1", itemId: "i1", toegepast: "deels", goed: "Iedereen weet wie het aanspreekpunt is.", beter: "", indicator: "" },
    );
  });

  it("a second reflection on the same item replaces the first", () => {
    const state = dayTwo("reflectie");
    play(state, cmd("reflectie.give", { itemId: "i1", toegepast: "nee", beter: "Nog niet begonnen." }), participant("d1"));
    play(state, cmd("reflectie.give", { itemId: "i1", toegepast: "ja", goed: "Toch gelukt." }), participant("d1"));
    expect(v2(state, "i1").reflecties).toEqual({ ja: 1, deels: 0, nee: 0, goed: ["Toch gelukt."], beter: [], indicatoren: [] });
    expect(playerView(state, asParticipant("d1")).mine?.reflecties).toEqual([{ itemId: "i1", toegepast: "ja", goed: "Toch gelukt.", beter: "", indicator: "" }]);
    expect(playerView(state, asSpelleider).people.find((p) => p.participantId === "d1")?.reflecties).toBe(1);
  });

  it("is refused in other stages, before the opening, from the spelleider, and for items not in v1", () => {
    const give = () => cmd("reflectie.give", { itemId: "i1", toegepast: "ja" });
    rejected(when(dayTwo("terugblik"), give(), participant("d1")), "verkeerde_fase", "alleen in de stap reflectie");
    rejected(when(dayTwo("bijstellen"), give(), participant("d1")), "verkeerde_fase", "alleen in de stap reflectie");
    rejected(when(fullSession(), give(), participant("d1")), "verkeerde_fase", "pas als de spelleider de terugkombijeenkomst heeft geopend");
    rejected(when(dayTwo("reflectie"), give(), spelleider), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(dayTwo("reflectie"), give(), participant("d5")), "niet_toegestaan", "geen plek");
    rejected(when(dayTwo("reflectie"), cmd("reflectie.give", { itemId: "bestaat-niet", toegepast: "ja" }), participant("d1")), "niet_gevonden", "niet in versie 1");
  });

  it("a reflection that is too long or has no valid toegepast never reaches core, and says why in Dutch", () => {
    const tooLong = { type: "reflectie.give", commandId: "c1", itemId: "i1", toegepast: "ja", goed: "x".repeat(601) };
    const parsed = CommandSchema.safeParse(tooLong);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeCommandError(tooLong, parsed.error)).toMatch(/goed.*600|600.*goed/);
    const wrong = { type: "reflectie.give", commandId: "c2", itemId: "i1", toegepast: "misschien" };
    const parsedWrong = CommandSchema.safeParse(wrong);
    expect(parsedWrong.success).toBe(false);
    if (!parsedWrong.success) expect(describeCommandError(wrong, parsedWrong.error)).toContain("toegepast");
  });

  it("a newcomer on day 2 can reflect too; a removed participant's reflections no longer count", () => {
    const state = dayTwo("reflectie");
    play(state, cmd("participant.join", { displayName: "Nieuwe Collega", realRole: "teamleider", seatToken: seatToken("nieuw") }), guest);
    play(state, cmd("reflectie.give", { itemId: "i2", toegepast: "ja" }), participant("d6"));
    play(state, cmd("reflectie.give", { itemId: "i2", toegepast: "nee" }), participant("d2"));
    expect(v2(state, "i2").reflecties).toMatchObject({ ja: 1, nee: 1 });
    play(state, cmd("participant.remove", { participantId: "d2" }), spelleider);
    expect(v2(state, "i2").reflecties).toMatchObject({ ja: 1, nee: 0 });
    expect(terugkomView(state)?.reflectors).toBe(1);
  });
});

describe("bijstellen: amend, add, retire, restore, and steun", () => {
  it("amends an item's text and category", () => {
    const state = dayTwo("bijstellen");
    thenEvents(when(state, cmd("kader.amend", { itemId: "i2", text: "Mandaat met een budget", categoryId: "ruimte" }), participant("d3")), {
      type: "KaderItemAmended",
      itemId: "i2",
      text: "Mandaat met een budget",
      categoryId: "ruimte",
    });
  });

  it("refuses an amendment that changes nothing, of an unknown item or category, or of a retired item", () => {
    const state = dayTwo("bijstellen");
    rejected(when(state, cmd("kader.amend", { itemId: "i2", text: "Mandaat voor de professional", categoryId: "ruimte" }), spelleider), "ongeldig", "niets veranderd");
    rejected(when(state, cmd("kader.amend", { itemId: "zz", text: "Iets", categoryId: "ruimte" }), spelleider), "niet_gevonden", "bestaat niet");
    rejected(when(state, cmd("kader.amend", { itemId: "i2", text: "Iets", categoryId: "onbekend" }), spelleider), "niet_gevonden", "categorie");
    play(state, cmd("kader.retire", { itemId: "i2", reason: "Zit al in i1." }), spelleider);
    rejected(when(state, cmd("kader.amend", { itemId: "i2", text: "Iets", categoryId: "ruimte" }), spelleider), "ongeldig", "vervallen");
    rejected(when(state, cmd("kader.retire", { itemId: "i2" }), spelleider), "ongeldig", "vervallen");
  });

  it("adds a new item, but not under an id already used on day 1 or day 2", () => {
    const state = dayTwo("bijstellen");
    thenEvents(when(state, cmd("kader.add", { itemId: "k1", text: "Elk kwartaal een casusoverleg", categoryId: "kernwaarden" }), participant("d1")), {
      type: "KaderItemAdded",
      itemId: "k1",
      text: "Elk kwartaal een casusoverleg",
      categoryId: "kernwaarden",
    });
    rejected(when(state, cmd("kader.add", { itemId: "i1", text: "Dubbel", categoryId: "kernwaarden" }), spelleider), "bestaat_al", "al een kaderpunt");
    play(state, cmd("kader.add", { itemId: "k1", text: "Elk kwartaal een casusoverleg", categoryId: "kernwaarden" }), participant("d1"));
    rejected(when(state, cmd("kader.add", { itemId: "k1", text: "Nog een keer", categoryId: "kernwaarden" }), spelleider), "bestaat_al", "al een kaderpunt");
  });

  it("retires with a reason and restores again", () => {
    const state = dayTwo("bijstellen");
    play(state, cmd("kader.retire", { itemId: "i6", reason: "Hoort in de begroting." }), participant("d2"));
    expect(v2(state, "i6")).toMatchObject({ status: "vervallen", retiredReason: "Hoort in de begroting." });
    play(state, cmd("kader.restore", { itemId: "i6" }), spelleider);
    expect(v2(state, "i6")).toMatchObject({ status: "ongewijzigd", retiredReason: null });
    rejected(when(state, cmd("kader.restore", { itemId: "i6" }), spelleider), "ongeldig", "niet vervallen");
  });

  it("steun comes from participants, on items still in the kader, and can be taken back", () => {
    const state = dayTwo("bijstellen");
    play(state, cmd("kader.steun", { itemId: "i1", steun: true }), participant("d1"));
    expect(playerView(state, asParticipant("d1")).mine?.steun).toEqual([{ itemId: "i1", steun: true }]);
    play(state, cmd("kader.steun", { itemId: "i1", steun: null }), participant("d1"));
    expect(v2(state, "i1").steun).toEqual({ voor: 0, tegen: 0, backing: null });
    rejected(when(state, cmd("kader.steun", { itemId: "i1", steun: true }), spelleider), "niet_toegestaan", "Alleen deelnemers");
    play(state, cmd("kader.retire", { itemId: "i6" }), spelleider);
    rejected(when(state, cmd("kader.steun", { itemId: "i6", steun: true }), participant("d1")), "ongeldig", "vervallen");
  });

  it("every bijstel-command is refused outside the stage bijstellen", () => {
    const state = dayTwo("reflectie");
    rejected(when(state, cmd("kader.amend", { itemId: "i2", text: "Iets", categoryId: "ruimte" }), spelleider), "verkeerde_fase", "alleen in de stap bijstellen");
    rejected(when(state, cmd("kader.add", { itemId: "k9", text: "Iets", categoryId: "ruimte" }), spelleider), "verkeerde_fase", "alleen in de stap bijstellen");
    rejected(when(state, cmd("kader.retire", { itemId: "i2" }), participant("d1")), "verkeerde_fase", "alleen in de stap bijstellen");
    rejected(when(state, cmd("kader.steun", { itemId: "i2", steun: true }), participant("d1")), "verkeerde_fase", "alleen in de stap bijstellen");
  });
});

describe("kader v2 beside v1: what was added, changed, retired, and where support changed", () => {
  /** Day 2 with one change of each kind; four participants say what they back. */
  function constructed(): SessionState {
    const state = dayTwo("bijstellen");
    play(state, cmd("kader.amend", { itemId: "i3", text: "Het budget is vooraf bekend en wordt jaarlijks herzien", categoryId: "ruimte" }), participant("d1"));
    play(state, cmd("kader.amend", { itemId: "i5", text: "Geen nieuwe formulieren", categoryId: "ruimte" }), spelleider); // category only
    play(state, cmd("kader.add", { itemId: "k1", text: "Elk kwartaal een casusoverleg", categoryId: "kernwaarden" }), participant("d2"));
    play(state, cmd("kader.add", { itemId: "k2", text: "Toch niet", categoryId: "kernwaarden" }), participant("d2"));
    play(state, cmd("kader.retire", { itemId: "k2" }), participant("d2")); // added and dropped again: struck through
    play(state, cmd("kader.retire", { itemId: "i6", reason: "Hoort in de begroting." }), participant("d3"));
    // i1 was backed by all on day 1 (1.0); now two of four: 0.5 -> minder.
    for (const [id, steun] of [["d1", true], ["d2", true], ["d3", false], ["d4", false]] as const) play(state, cmd("kader.steun", { itemId: "i1", steun }), participant(id));
    // i2 had 0.25; now three of three: 1.0 -> meer.
    for (const id of ["d1", "d2", "d3"]) play(state, cmd("kader.steun", { itemId: "i2", steun: true }), participant(id));
    // i5 had 0.25; now one of three: 0.33 -> not moved enough.
    for (const [id, steun] of [["d1", true], ["d2", false], ["d3", false]] as const) play(state, cmd("kader.steun", { itemId: "i5", steun }), participant(id));
    play(state, cmd("terugkom.stage", { stage: "kader" }), spelleider);
    return state;
  }

  it("marks each item's status and keeps the v1 wording of changed ones", () => {
    const state = constructed();
    expect(v2(state, "i1")).toMatchObject({ status: "ongewijzigd", v1Text: null, v1Rank: 1 });
    expect(v2(state, "i3")).toMatchObject({ status: "gewijzigd", text: "Het budget is vooraf bekend en wordt jaarlijks herzien", v1Text: "Het budget is vooraf bekend" });
    expect(v2(state, "i5")).toMatchObject({ status: "gewijzigd", categoryId: "ruimte", v1CategoryId: "kernwaarden" });
    expect(v2(state, "k1")).toMatchObject({ status: "nieuw", v1Text: null, v1Rank: null, backingV1: null });
    expect(v2(state, "i6")).toMatchObject({ status: "vervallen", retiredReason: "Hoort in de begroting." });
    expect(v2(state, "k2")).toMatchObject({ status: "vervallen", text: "Toch niet", v1Rank: null, backingV1: null, retiredReason: "" });
  });

  it("an item added today and then dropped stays struck through, as the dialog promises, and can be restored", () => {
    const state = constructed();
    play(state, cmd("terugkom.stage", { stage: "bijstellen" }), spelleider);
    play(state, cmd("kader.restore", { itemId: "k2" }), participant("d1"));
    expect(v2(state, "k2")).toMatchObject({ status: "nieuw", retiredReason: null });
    expect(terugkomView(state)?.counts).toMatchObject({ nieuw: 2, vervallen: 1 });
  });

  it(`marks support as changed when the share of backers moved by at least ${STEUN_DREMPEL * 100} points`, () => {
    const state = constructed();
    expect(v2(state, "i1")).toMatchObject({ backingV1: 1, steun: { voor: 2, tegen: 2, backing: 0.5 }, steunVerandering: "minder" });
    expect(v2(state, "i2")).toMatchObject({ backingV1: 0.25, steun: { voor: 3, tegen: 0, backing: 1 }, steunVerandering: "meer" });
    expect(v2(state, "i5").steunVerandering).toBeNull();
    expect(v2(state, "i3").steunVerandering).toBeNull(); // nobody said anything: no v2 figure
  });

  it("counts the differences, v1 items first in their rank order, then the added ones", () => {
    const view = terugkomView(constructed());
    expect(view?.counts).toEqual({ ongewijzigd: view!.v1.length - 3, gewijzigd: 2, nieuw: 1, vervallen: 2, steunVeranderd: 2 });
    expect(view?.v2.map((i) => i.itemId)).toEqual([...view!.v1.map((i) => i.itemId), "k1", "k2"]);
  });

  it("shows nobody's name: reflections and steun are anonymous on the board", () => {
    const state = constructed();
    play(state, cmd("terugkom.stage", { stage: "reflectie" }), spelleider);
    play(state, cmd("reflectie.give", { itemId: "i1", toegepast: "ja", goed: "Het werkt." }), participant("d1"));
    const board = JSON.stringify(publicPart(state));
    for (const name of FULL_SESSION_NAMES) expect(board).not.toContain(name);
  });

  it("replaying the log gives the same day 2", () => {
    const state = constructed();
    expect(replay(logOf(state))).toEqual(state);
  });
});

describe("terugblik: the day-1 log as a timeline, and the board at any point of it", () => {
  const stored = (state: SessionState): StoredEvent[] => logOf(state).map((event, i) => ({ seq: i + 1, commandKey: null, event }));

  it("has a marker for every phase and every round, and labels without names", () => {
    const state = dayTwo("reflectie");
    const line = timeline(stored(state));
    const markers = line.entries.flatMap((e) => (e.marker ? [`${e.marker.kind}:${e.marker.title}`] : []));
    expect(markers.filter((m) => m.startsWith("fase:"))).toHaveLength(PHASE.resultaat);
    expect(markers.filter((m) => m.startsWith("ronde:"))).toHaveLength(2);
    const text = JSON.stringify(line);
    for (const name of FULL_SESSION_NAMES) expect(text).not.toContain(name);
    expect(line.entries.every((e) => e.label.length > 0)).toBe(true);
  });

  it("day 1 ends right before the terugkombijeenkomst opened", () => {
    const log = stored(dayTwo("reflectie"));
    const opened = log.find((s) => s.event.type === "TerugkomOpened");
    expect(timeline(log).dayOneEnd).toBe(opened!.seq - 1);
    const dayOneOnly = stored(fullSession());
    expect(timeline(dayOneOnly).dayOneEnd).toBe(dayOneOnly.length);
  });

  it("the board at each position is the beamer's view of the log replayed up to there", () => {
    const log = stored(fullSession());
    for (const seq of [1, 10, Math.floor(log.length / 2), log.length]) {
      expect(boardAt(log, seq)).toEqual(playerView(replay(log.slice(0, seq).map((s) => s.event)), beamer));
    }
    expect(boardAt(log, log.length).people).toEqual([]);
  });
});
