/**
 * Phase 5, casustoets: for each case the group walks the steps of De Omgekeerde Toets strictly in order (a step
 * needs a note before the next; no running ahead); only then does it judge each PvE item (helpt / staat in de weg
 * / niet van toepassing), record a decision with its cost now and later, and add aanvullingen to the PvE.
 * The spelleider can add a case a participant brought in, and opens the case the group discusses.
 */
import { describe, expect, it } from "vitest";
import { itemCaseIds } from "../../server/core/state.ts";
import type { Actor } from "../../server/core/decision.ts";
import type { SessionState } from "../../server/core/state.ts";
import {
  PHASE,
  accepted,
  caseOpened,
  cmd,
  eisWritten,
  eisenRevealed,
  given,
  guest,
  itemCreated,
  joined,
  noteAdded,
  participant,
  phaseStarted,
  play,
  publicPart,
  rejected,
  rolesAssigned,
  spelleider,
  stepAdvanced,
  thenEvents,
  verdictGiven,
  votesRevealed,
  when,
} from "../fixtures/given.ts";

const STEPS = ["effect", "bedoeling", "passend", "uitlegbaar", "wet"] as const;

const toToets = [
  joined("d1", "raadslid"),
  joined("d2", "wethouder"),
  phaseStarted(PHASE.ronde1),
  rolesAssigned("ronde1", { d1: "burger", d2: "raadslid" }),
  eisWritten("e1", "d1", "burger"),
  eisWritten("e2", "d2", "raadslid"),
  eisenRevealed("ronde1", "fase"),
  phaseStarted(PHASE.ronde2),
  rolesAssigned("ronde2", { d1: "wijkteamprofessional", d2: "directeur" }),
  eisenRevealed("ronde2", "fase"),
  phaseStarted(PHASE.samenvoegen),
  itemCreated("i0", ["e1"]),
  itemCreated("i1", ["e1"], { absorbed: ["i0"] }),
  itemCreated("i2", ["e2"]),
  phaseStarted(PHASE.prioriteren),
  votesRevealed("fase"),
  phaseStarted(PHASE.casustoets),
  caseOpened("ebike"),
];
const inToets = (...more: Parameters<typeof given>) => given(...toToets, ...more);

/** All steps of ebike walked, through hand-made events. */
const walked = STEPS.flatMap((step, i) => [noteAdded(`n${i}`, "ebike", step), stepAdvanced("ebike", i + 1)]);

const note = (noteId: string, stepId: string, caseId = "ebike", text = "De inwoner wil werken.") => cmd("toets.note", { noteId, caseId, stepId, text });
const advance = (caseId = "ebike") => cmd("toets.advance", { caseId });
const verdict = (itemId: string, v: "helpt" | "staat_in_de_weg" | "niet_van_toepassing" | null, caseId = "ebike") => cmd("toets.verdict", { caseId, itemId, verdict: v });
const decideCase = (caseId = "ebike") => cmd("toets.decide", { caseId, decision: "We vergoeden de e-bike.", costNow: "laag", costLater: "laag" });
const amend = (itemId: string, caseId = "ebike", categoryId = "ruimte") => cmd("toets.amend", { itemId, caseId, text: "Vervoer naar werk hoort bij re-integratie.", categoryId });

const back = (caseId = "ebike") => cmd("toets.back", { caseId });

/** Walks every step of a case through the real rules: a participant's note, then the spelleider moves on. */
function walk(state: SessionState, caseId: string, actor: Actor = participant("d1")): void {
  STEPS.forEach((step, i) => {
    play(state, note(`${caseId}-n${i}`, step, caseId), actor);
    play(state, advance(caseId), spelleider);
  });
}

describe("casustoets: the steps of De Omgekeerde Toets, in order", () => {
  it("a participant notes something at the current step, with their game role", () => {
    thenEvents(when(inToets(), note("n1", "effect"), participant("d1")), noteAdded("n1", "ebike", "effect", "wijkteamprofessional", "De inwoner wil werken."));
  });

  it("the spelleider's notes carry no role", () => {
    thenEvents(when(inToets(), note("n1", "effect"), spelleider), noteAdded("n1", "ebike", "effect", null, "De inwoner wil werken."));
  });

  it("a note on a later step is refused: no running ahead to the law", () => {
    rejected(when(inToets(), note("n1", "wet"), participant("d1")), "niet_op_volgorde", "Niet vooruitlopen: de groep is bij stap 1: Welk effect wil de inwoner bereiken?");
    rejected(when(inToets(noteAdded("n0", "ebike", "effect"), stepAdvanced("ebike", 1)), note("n1", "passend"), participant("d1")), "niet_op_volgorde", "stap 2");
  });

  it("advancing without a note at the current step is refused", () => {
    rejected(when(inToets(), advance(), spelleider), "niet_op_volgorde", "Schrijf eerst minstens één aantekening bij stap 1");
    rejected(when(inToets(noteAdded("n0", "ebike", "effect"), stepAdvanced("ebike", 1)), advance(), spelleider), "niet_op_volgorde", "bij stap 2: Wat is de bedoeling van de wet?");
  });

  it("with a note, the spelleider moves the group to the next step", () => {
    thenEvents(when(inToets(noteAdded("n0", "ebike", "effect")), advance(), spelleider), stepAdvanced("ebike", 1));
  });

  it("moving on is shared and changes every screen: a participant cannot do it on their own", () => {
    rejected(when(inToets(noteAdded("n0", "ebike", "effect")), advance(), participant("d2")), "niet_toegestaan", "Alleen de spelleider kan dit doen.");
    rejected(when(inToets(...walked), back(), participant("d1")), "niet_toegestaan", "Alleen de spelleider kan dit doen.");
  });

  it("the spelleider can go one step back; the notes stay", () => {
    const state = inToets(noteAdded("n0", "ebike", "effect"), stepAdvanced("ebike", 1));
    thenEvents(when(state, back(), spelleider), { type: "ToetsStepReturned", caseId: "ebike", stepIndex: 0 });
    play(state, back(), spelleider);
    expect(state.cases.get("ebike")).toMatchObject({ stepIndex: 0, notes: [expect.objectContaining({ id: "n0" })] });
    rejected(when(state, back(), spelleider), "ongeldig", "De groep is nog bij de eerste stap; verder terug kan niet.");
  });

  it("a step back from the end closes the verdicts again until the group has walked to the law; given verdicts stay", () => {
    const state = inToets(...walked, verdictGiven("ebike", "i1", "helpt"));
    play(state, back(), spelleider);
    rejected(when(state, verdict("i2", "helpt"), participant("d1")), "niet_op_volgorde", "jullie zijn bij stap 5");
    expect(state.cases.get("ebike")?.verdicts.get("i1")).toBe("helpt");
    play(state, advance(), spelleider);
    accepted(when(state, verdict("i2", "helpt"), participant("d1")));
  });

  it("earlier steps can still get notes", () => {
    const state = inToets(noteAdded("n0", "ebike", "effect"), stepAdvanced("ebike", 1));
    accepted(when(state, note("n1", "effect"), participant("d2")));
  });

  it("after the last step there is no next one", () => {
    rejected(when(inToets(...walked), advance(), spelleider), "ongeldig", "Alle stappen zijn al doorlopen");
  });

  it("unknown steps, unknown cases, taken note ids", () => {
    rejected(when(inToets(), note("n1", "onbekend"), participant("d1")), "niet_gevonden", "hoort niet bij De Omgekeerde Toets");
    rejected(when(inToets(), note("n1", "effect", "onbekend"), participant("d1")), "niet_gevonden", "casus bestaat niet");
    rejected(when(inToets(noteAdded("n1", "ebike", "effect")), note("n1", "effect"), participant("d1")), "bestaat_al", "bestaat al");
  });

  it("only the case that is open is worked on", () => {
    rejected(when(inToets(), note("n1", "effect", "kinderopvang"), participant("d1")), "niet_op_volgorde", "niet aan de beurt");
    rejected(when(inToets(), advance("kinderopvang"), spelleider), "niet_op_volgorde", "niet aan de beurt");
    rejected(when(inToets(), back("kinderopvang"), spelleider), "niet_op_volgorde", "niet aan de beurt");
  });

  it("only in the casustoets", () => {
    const state = given(...toToets.slice(0, -2));
    rejected(when(state, note("n1", "effect"), participant("d1")), "verkeerde_fase", "kan alleen in de fase casustoets");
    rejected(when(state, advance(), spelleider), "verkeerde_fase", "Naar de volgende stap gaan kan alleen in de fase casustoets");
    rejected(when(state, back(), spelleider), "verkeerde_fase", "Een stap teruggaan kan alleen in de fase casustoets");
  });

  it("the board is for participants and the spelleider, not for guests", () => {
    rejected(when(inToets(), note("n1", "effect"), guest), "niet_toegestaan", "Alleen deelnemers");
  });
});

describe("casustoets: verdicts, decision and aanvullingen come only after all steps", () => {
  it("before the last step they are refused, naming the step the group is at", () => {
    const state = inToets(noteAdded("n0", "ebike", "effect"), stepAdvanced("ebike", 1));
    for (const command of [verdict("i1", "helpt"), decideCase(), amend("a1")]) {
      rejected(when(state, command, participant("d1")), "niet_op_volgorde", "Loop eerst alle stappen van De Omgekeerde Toets door; jullie zijn bij stap 2: Wat is de bedoeling van de wet?");
    }
  });

  it("walking the steps through the real rules opens the verdicts", () => {
    const state = inToets();
    walk(state, "ebike");
    expect(state.cases.get("ebike")?.stepIndex).toBe(STEPS.length);
    thenEvents(when(state, verdict("i1", "helpt"), participant("d1")), verdictGiven("ebike", "i1", "helpt"));
  });

  it("a verdict per item; the same verdict twice is refused; null takes it back", () => {
    const state = inToets(...walked, verdictGiven("ebike", "i1", "helpt"));
    rejected(when(state, verdict("i1", "helpt"), participant("d1")), "ongeldig", "staat er al");
    thenEvents(when(state, verdict("i1", "staat_in_de_weg"), spelleider), verdictGiven("ebike", "i1", "staat_in_de_weg"));
    play(state, verdict("i1", null), participant("d2"));
    expect(state.cases.get("ebike")?.verdicts.size).toBe(0);
  });

  it("only live items get a verdict", () => {
    rejected(when(inToets(...walked), verdict("i0", "helpt"), participant("d1")), "niet_gevonden", "niet (meer) in het programma");
    rejected(when(inToets(...walked), verdict("i9", "helpt"), participant("d1")), "niet_gevonden", "niet (meer) in het programma");
  });

  it("the decision records the cost now and over time", () => {
    thenEvents(when(inToets(...walked), cmd("toets.decide", { caseId: "ebike", decision: "We vergoeden de e-bike.", costNow: "laag", costLater: "hoog", costNote: "Onderhoud." }), participant("d1")), {
      type: "CaseDecided",
      caseId: "ebike",
      decision: "We vergoeden de e-bike.",
      costNow: "laag",
      costLater: "hoog",
      costNote: "Onderhoud.",
    });
    thenEvents(when(inToets(...walked), decideCase(), spelleider), {
      type: "CaseDecided",
      caseId: "ebike",
      decision: "We vergoeden de e-bike.",
      costNow: "laag",
      costLater: "laag",
      costNote: "",
    });
  });

  it("an aanvulling becomes a PvE item whose provenance is the case", () => {
    const state = inToets(...walked);
    thenEvents(when(state, amend("a1"), participant("d2")), {
      type: "PveItemCreated",
      itemId: "a1",
      text: "Vervoer naar werk hoort bij re-integratie.",
      categoryId: "ruimte",
      sources: [{ kind: "casus", caseId: "ebike" }],
      absorbedItemIds: [],
    });
    play(state, amend("a1"), participant("d2"));
    expect(itemCaseIds(state.items.get("a1")!)).toEqual(["ebike"]);
    expect(publicPart(state).items.find((i) => i.id === "a1")).toEqual({
      id: "a1",
      text: "Vervoer naar werk hoort bij re-integratie.",
      categoryId: "ruimte",
      eisIds: [],
      roles: [],
      roundIds: [],
      caseIds: ["ebike"],
      tableId: null,
      tableIds: [],
    });
  });

  it("an aanvulling needs a fresh item id and a category of the scenario", () => {
    rejected(when(inToets(...walked), amend("i1"), participant("d1")), "bestaat_al", "bestaat al");
    rejected(when(inToets(...walked), amend("a1", "ebike", "onbekend"), participant("d1")), "niet_gevonden", "Kies een categorie");
  });
});

describe("casustoets: cases", () => {
  const draft = { title: "Schulden en een baan", situation: "Een jongen met schulden kan een baan krijgen.", effectWanted: "Schuldenvrij aan het werk." };

  it("the spelleider adds a case a participant brought in", () => {
    thenEvents(when(inToets(), cmd("case.add", { caseId: "schulden", draft }), spelleider), { type: "CaseAdded", caseId: "schulden", draft });
  });

  it("then opens it, and the group walks it like any other", () => {
    const state = inToets();
    play(state, cmd("case.add", { caseId: "schulden", draft }), spelleider);
    thenEvents(when(state, cmd("case.open", { caseId: "schulden" }), spelleider), caseOpened("schulden"));
    play(state, cmd("case.open", { caseId: "schulden" }), spelleider);
    expect(state.cases.get("schulden")).toMatchObject({ source: "live", title: "Schulden en een baan", dilemma: null, stepIndex: 0 });
    rejected(when(state, note("n1", "effect", "ebike"), participant("d1")), "niet_op_volgorde", "niet aan de beurt");
    walk(state, "schulden");
    accepted(when(state, verdict("i2", "helpt", "schulden"), participant("d1")));
  });

  it("only the spelleider adds or opens a case", () => {
    rejected(when(inToets(), cmd("case.add", { caseId: "schulden", draft }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(inToets(), cmd("case.open", { caseId: "kinderopvang" }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
  });

  it("a case id is used once", () => {
    rejected(when(inToets(), cmd("case.add", { caseId: "ebike", draft }), spelleider), "bestaat_al", "al een casus");
  });

  it("no new cases once the kader is done", () => {
    rejected(when(inToets(phaseStarted(PHASE.resultaat)), cmd("case.add", { caseId: "schulden", draft }), spelleider), "verkeerde_fase", "Het kader is al klaar");
  });

  it("opening: only an existing case, not the one already open, and only in the casustoets", () => {
    thenEvents(when(inToets(), cmd("case.open", { caseId: "kinderopvang" }), spelleider), caseOpened("kinderopvang"));
    rejected(when(inToets(), cmd("case.open", { caseId: "ebike" }), spelleider), "ongeldig", "staat al open");
    rejected(when(inToets(), cmd("case.open", { caseId: "onbekend" }), spelleider), "niet_gevonden", "bestaat niet");
    rejected(when(given(...toToets.slice(0, -2)), cmd("case.open", { caseId: "ebike" }), spelleider), "verkeerde_fase", "Een casus openen kan alleen in de fase casustoets");
  });

  it("coming back into the casustoets keeps the open case, also a live one; otherwise the first undecided case opens", () => {
    const decided = given(...toToets, ...walked, { type: "CaseDecided", caseId: "ebike", decision: "Ja", costNow: "laag", costLater: "laag", costNote: "" }, { type: "CaseOpened", caseId: "ebike" }, phaseStarted(PHASE.prioriteren));
    // the open case (ebike) is in the phase's list: it stays open
    thenEvents(when(decided, cmd("phase.next"), spelleider), phaseStarted(PHASE.casustoets));
    // a live case the spelleider added is on the table: it stays open
    const live = given(
      ...toToets,
      ...walked,
      { type: "CaseDecided", caseId: "ebike", decision: "Ja", costNow: "laag", costLater: "laag", costNote: "" },
      { type: "CaseAdded", caseId: "schulden", draft },
      caseOpened("schulden"),
      phaseStarted(PHASE.prioriteren),
    );
    thenEvents(when(live, cmd("phase.next"), spelleider), phaseStarted(PHASE.casustoets));
    // nothing open yet: the first undecided case of the phase opens
    const fresh = given(...toToets.filter((e) => e.type !== "CaseOpened"), phaseStarted(PHASE.prioriteren));
    thenEvents(when(fresh, cmd("phase.next"), spelleider), phaseStarted(PHASE.casustoets), caseOpened("ebike"));
  });
});

describe("casustoets: a live case with personal data", () => {
  const clean = { title: "Schulden en een baan", situation: "Een jongen met schulden kan per 1 maart 2026 een baan krijgen.", effectWanted: "Schuldenvrij aan het werk." };
  const withContact = { ...clean, situation: "Een jongen met schulden (bel 06-12345678 of mail j.jansen@voorbeeld.nl) kan een baan krijgen." };

  it("a case that seems to hold personal data is stopped, with the kinds named in Dutch and the data itself left out", () => {
    const outcome = when(inToets(), cmd("case.add", { caseId: "schulden", draft: withContact }), spelleider);
    rejected(
      outcome,
      "persoonsgegevens",
      "De casus lijkt een telefoonnummer en een e-mailadres te bevatten. Haal die gegevens weg, of bevestig dat het geen echte persoonsgegevens zijn.",
    );
    expect(JSON.stringify(outcome.decision)).not.toContain("06-12345678");
    expect(JSON.stringify(outcome.decision)).not.toContain("j.jansen");
  });

  it("every text of the case is checked: title, situation, effect and dilemma", () => {
    const drafts = [
      { ...clean, title: "Mevrouw (geb. 12-03-1987)" },
      { ...clean, situation: "Het gezin woont op 1234 AB 12 en heeft schulden." },
      { ...clean, effectWanted: "De huur gaat weer naar NL91ABNA0417164300." },
      { ...clean, dilemma: "Mag de consulent BSN 123456782 opvragen bij de werkgever?" },
    ];
    const names = ["een geboortedatum", "een postcode met huisnummer", "een IBAN", "een BSN"];
    drafts.forEach((draft, i) => {
      rejected(when(inToets(), cmd("case.add", { caseId: "schulden", draft }), spelleider), "persoonsgegevens", `De casus lijkt ${names[i]} te bevatten.`);
    });
  });

  it("confirmed as no real personal data, the case is added as written", () => {
    thenEvents(when(inToets(), cmd("case.add", { caseId: "schulden", draft: withContact, confirmPersonalData: true }), spelleider), { type: "CaseAdded", caseId: "schulden", draft: withContact });
  });

  it("a confirmation of false counts as none", () => {
    rejected(when(inToets(), cmd("case.add", { caseId: "schulden", draft: withContact, confirmPersonalData: false }), spelleider), "persoonsgegevens", "een telefoonnummer");
  });

  it("ordinary case text with dates, amounts and articles needs no confirmation", () => {
    const draft = {
      title: "Terugvordering na boodschappen",
      situation: "De gemeente vorderde op 3 maart 2026 € 7.000 terug (Participatiewet art. 58); zie CRvB 18-5-2016, ECLI:NL:CRVB:2016:1402.",
      effectWanted: "Rondkomen in de regio 1234, met 2.000 euro minder schuld.",
      dilemma: "Is 50% terugbetalen evenredig (Awb art. 3:4 lid 2)?",
    };
    thenEvents(when(inToets(), cmd("case.add", { caseId: "boodschappen", draft }), spelleider), { type: "CaseAdded", caseId: "boodschappen", draft });
  });

  it("the other rules come first: a confirmation does not get a case in after the kader is done", () => {
    rejected(
      when(inToets(phaseStarted(PHASE.resultaat)), cmd("case.add", { caseId: "schulden", draft: withContact, confirmPersonalData: true }), spelleider),
      "verkeerde_fase",
      "Het kader is al klaar",
    );
    rejected(when(inToets(), cmd("case.add", { caseId: "schulden", draft: withContact }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
  });
});
