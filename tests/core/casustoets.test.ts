/**
 * Phase 5, casustoets: for each case the group walks the steps of De Omgekeerde Toets strictly in order (a step
 * needs a note before the next; no running ahead); only then does it judge each PvE item (helpt / staat in de weg
 * / niet van toepassing), record a decision with its cost now and later, and add aanvullingen to the PvE.
 * The spelleider can add a case a participant brought in, and opens the case the group discusses.
 */
import { describe, expect, it } from "vitest";
import { itemCaseIds } from "../../server/core/state.ts";
import { playerView } from "../../server/core/view.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";
import type { Actor } from "../../server/core/decision.ts";
import type { SessionState } from "../../server/core/state.ts";
import {
  PHASE,
  accepted,
  asParticipant,
  asSpelleider,
  beamer,
  caseOpened,
  cmd,
  eisWritten,
  eisenRevealed,
  given,
  givenIn,
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

  it("a step made from a step the group has already left is refused, so a button pressed twice moves once", () => {
    const state = inToets(noteAdded("n0", "ebike", "effect"), stepAdvanced("ebike", 1));
    rejected(when(state, cmd("toets.advance", { caseId: "ebike", fromStep: 0 }), spelleider), "ongeldig", "De groep is al bij stap 2: deze stap was al gezet.");
    rejected(when(state, cmd("toets.back", { caseId: "ebike", fromStep: 2 }), spelleider), "ongeldig", "De groep is al bij stap 2: deze stap was al gezet.");
    thenEvents(when(state, cmd("toets.back", { caseId: "ebike", fromStep: 1 }), spelleider), { type: "ToetsStepReturned", caseId: "ebike", stepIndex: 0 });
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

describe("casustoets: cases from the room (seed 002, stap 3: echte casuïstiek ingebracht door de deelnemers)", () => {
  const bijstand = {
    title: "Bijstand en een tweede huis",
    situation: "Een vrouw in de bijstand erft een deel van een vakantiehuisje dat ze niet kan verkopen.",
    effectWanted: "Haar uitkering houden tot het huisje verkocht is.",
    rules: "Vermogen boven de grens: geen recht op bijstand (Participatiewet art. 34).",
  };
  const jeugd = {
    title: "Jeugdhulp na 18",
    situation: "Een jongen van 18 in een pleeggezin wil blijven tot hij zijn opleiding af heeft.",
    effectWanted: "Een thuis tot zijn diploma.",
    afloop: "De gemeente verlengde de pleegzorg tot zijn 21e (Jeugdwet art. 1.1): de pleegouders bleven, hij haalde zijn diploma.",
  };
  const propose = (caseId: string, draft: typeof bijstand | typeof jeugd) => cmd("case.propose", { caseId, draft });
  const proposed = (caseId: string, authorId: string, draft: typeof bijstand | typeof jeugd) => ({ type: "CaseProposed" as const, caseId, authorId, draft });
  const admitted = (caseId: string, draft: typeof bijstand | typeof jeugd) => ({ type: "CaseAdmitted" as const, caseId, draft });
  const vote = (caseId: string | null) => cmd("case.vote", { caseId });

  it("in the casustoets a participant brings in a case from their own practice: situation, what the inwoner wants, what the rules say", () => {
    thenEvents(when(inToets(), propose("bijstand", bijstand), participant("d1")), proposed("bijstand", "d1", bijstand));
  });

  it("personal data is blocked, with a Dutch refusal naming what was found and never the data itself", () => {
    const withBsn = { ...bijstand, situation: "Mevrouw (BSN 123456782) erft een deel van een vakantiehuisje." };
    const outcome = when(inToets(), propose("bijstand", withBsn), participant("d1"));
    rejected(outcome, "persoonsgegevens", "Je casus lijkt een BSN te bevatten. Haal die gegevens weg");
    expect(JSON.stringify(outcome.decision)).not.toContain("123456782");
    // every text is read, also what the rules say and what really happened
    rejected(when(inToets(), propose("bijstand", { ...bijstand, rules: "Bel de consulent op 06-12345678." }), participant("d1")), "persoonsgegevens", "een telefoonnummer");
    rejected(when(inToets(), propose("jeugd", { ...jeugd, afloop: "Mail j.jansen@voorbeeld.nl voor het dossier." }), participant("d1")), "persoonsgegevens", "een e-mailadres");
  });

  it("only in the casustoets, only by participants, and a name not already taken", () => {
    rejected(when(given(...toToets.slice(0, -2)), propose("bijstand", bijstand), participant("d1")), "verkeerde_fase", "Een casus inbrengen kan alleen in de fase casustoets");
    rejected(when(inToets(), propose("bijstand", bijstand), spelleider), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(inToets(), propose("ebike", bijstand), participant("d1")), "bestaat_al", "al een casus");
    rejected(when(inToets(proposed("bijstand", "d1", bijstand)), propose("bijstand", bijstand), participant("d2")), "bestaat_al", "al een casus");
  });

  it("the author may change the case until it is admitted, and brings in at most three", () => {
    const changed = { ...bijstand, effectWanted: "Rust tot het huisje verkocht is." };
    thenEvents(when(inToets(proposed("bijstand", "d1", bijstand)), propose("bijstand", changed), participant("d1")), proposed("bijstand", "d1", changed));
    rejected(when(inToets(proposed("bijstand", "d1", bijstand), admitted("bijstand", bijstand)), propose("bijstand", changed), participant("d1")), "ongeldig", "al toegelaten");
    const three = inToets(proposed("a", "d1", bijstand), proposed("b", "d1", bijstand), proposed("c", "d1", bijstand));
    rejected(when(three, propose("d", bijstand), participant("d1")), "te_veel", "al 3 casussen");
    accepted(when(three, propose("d", bijstand), participant("d2")));
  });

  it("the spelleider sees it, may edit it, and admits it: then it is a case like the others", () => {
    const state = inToets(proposed("bijstand", "d1", bijstand));
    expect(playerView(state, asSpelleider).people.find((p) => p.participantId === "d1")?.proposals).toEqual([
      { caseId: "bijstand", ...bijstand, dilemma: "", afloop: "", admitted: false, declined: false, declineReason: "" },
    ]);
    const edited = { ...bijstand, title: "Een erfenis in de bijstand" };
    thenEvents(when(state, cmd("case.admit", { caseId: "bijstand", draft: edited }), spelleider), admitted("bijstand", edited));
    play(state, cmd("case.admit", { caseId: "bijstand", draft: edited }), spelleider);
    expect(state.cases.get("bijstand")).toMatchObject({ source: "live", title: "Een erfenis in de bijstand", rules: bijstand.rules, stepIndex: 0, decision: null });
    expect(playerView(state, asParticipant("d1")).people[0]?.proposals[0]).toMatchObject({ title: "Een erfenis in de bijstand", admitted: true });
  });

  it("admitting: only the spelleider, once, a case that was brought in, and without personal data unless confirmed", () => {
    const state = inToets(proposed("bijstand", "d1", bijstand));
    rejected(when(state, cmd("case.admit", { caseId: "bijstand", draft: bijstand }), participant("d2")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(state, cmd("case.admit", { caseId: "onbekend", draft: bijstand }), spelleider), "niet_gevonden", "bestaat niet");
    rejected(when(inToets(proposed("bijstand", "d1", bijstand), admitted("bijstand", bijstand)), cmd("case.admit", { caseId: "bijstand", draft: bijstand }), spelleider), "bestaat_al", "al toegelaten");
    const withPhone = { ...bijstand, situation: "Een vrouw (06-12345678) erft een deel van een huisje." };
    rejected(when(state, cmd("case.admit", { caseId: "bijstand", draft: withPhone }), spelleider), "persoonsgegevens", "De casus lijkt een telefoonnummer te bevatten");
    thenEvents(when(state, cmd("case.admit", { caseId: "bijstand", draft: withPhone, confirmPersonalData: true }), spelleider), admitted("bijstand", withPhone));
  });

  it("the spelleider may turn a case brought in down: its author reads 'niet gekozen' and the reason, nobody else sees it", () => {
    const state = inToets(proposed("bijstand", "d1", bijstand));
    const decline = (reason?: string) => cmd("case.decline", reason === undefined ? { caseId: "bijstand" } : { caseId: "bijstand", reason });
    thenEvents(when(state, decline("Lijkt te veel op de e-bike-casus."), spelleider), { type: "CaseDeclined", caseId: "bijstand", reason: "Lijkt te veel op de e-bike-casus." });
    // without a reason: the reason is empty
    thenEvents(when(state, decline(), spelleider), { type: "CaseDeclined", caseId: "bijstand", reason: "" });
    play(state, decline("Lijkt te veel op de e-bike-casus."), spelleider);
    expect(playerView(state, asParticipant("d1")).people[0]?.proposals[0]).toMatchObject({ declined: true, declineReason: "Lijkt te veel op de e-bike-casus.", admitted: false });
    expect(playerView(state, asSpelleider).people.find((p) => p.participantId === "d1")?.proposals[0]).toMatchObject({ declined: true });
    // anonymous: another participant and the beamer see neither the case nor the reason
    expect(JSON.stringify(playerView(state, asParticipant("d2")))).not.toContain("e-bike-casus");
    expect(JSON.stringify(playerView(state, beamer))).not.toContain("e-bike-casus");
    // it is not a case: nobody can vote for it, and its author cannot change it any more
    expect(state.cases.has("bijstand")).toBe(false);
    rejected(when(state, vote("bijstand"), participant("d2")), "niet_toegestaan", "nog niet toegelaten");
    rejected(when(state, propose("bijstand", bijstand), participant("d1")), "ongeldig", "De spelleider heeft deze casus niet gekozen; aanpassen kan niet meer.");
  });

  it("declining: only the spelleider, in the casustoets, once, a case not yet admitted, and a reason without personal data", () => {
    const state = inToets(proposed("bijstand", "d1", bijstand));
    rejected(when(state, cmd("case.decline", { caseId: "bijstand" }), participant("d2")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(state, cmd("case.decline", { caseId: "bijstand" }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(given(...toToets.slice(0, -2)), cmd("case.decline", { caseId: "bijstand" }), spelleider), "verkeerde_fase", "Een ingebrachte casus niet kiezen kan alleen in de fase casustoets");
    rejected(when(state, cmd("case.decline", { caseId: "onbekend" }), spelleider), "niet_gevonden", "Deze ingebrachte casus bestaat niet.");
    rejected(when(state, cmd("case.decline", { caseId: "ebike" }), spelleider), "niet_gevonden", "Deze ingebrachte casus bestaat niet.");
    rejected(when(inToets(proposed("bijstand", "d1", bijstand), admitted("bijstand", bijstand)), cmd("case.decline", { caseId: "bijstand" }), spelleider), "ongeldig", "al toegelaten");
    rejected(when(inToets(proposed("bijstand", "d1", bijstand), { type: "CaseDeclined", caseId: "bijstand", reason: "" }), cmd("case.decline", { caseId: "bijstand" }), spelleider), "ongeldig", "al niet gekozen");
    // a declined case cannot be admitted afterwards either: it is the author's to bring in again, as a new case
    rejected(when(inToets(proposed("bijstand", "d1", bijstand), { type: "CaseDeclined", caseId: "bijstand", reason: "" }), cmd("case.admit", { caseId: "bijstand", draft: bijstand }), spelleider), "ongeldig", "niet gekozen");
    const outcome = when(state, cmd("case.decline", { caseId: "bijstand", reason: "Bel mij even op 06-12345678." }), spelleider);
    rejected(outcome, "persoonsgegevens", "De reden lijkt een telefoonnummer te bevatten.");
    expect(JSON.stringify(outcome.decision)).not.toContain("12345678");
  });

  it("a case turned down does not count toward the three: its author may bring in another", () => {
    const declined = { type: "CaseDeclined" as const, caseId: "c", reason: "" };
    const three = inToets(proposed("a", "d1", bijstand), proposed("b", "d1", bijstand), proposed("c", "d1", bijstand));
    rejected(when(three, propose("d", bijstand), participant("d1")), "te_veel", "al 3 casussen");
    const oneDeclined = inToets(proposed("a", "d1", bijstand), proposed("b", "d1", bijstand), proposed("c", "d1", bijstand), declined);
    thenEvents(when(oneDeclined, propose("d", bijstand), participant("d1")), proposed("d", "d1", bijstand));
  });

  it("the group votes which case to test; the spelleider closes the vote and the chosen case opens for everyone", () => {
    const state = inToets(proposed("bijstand", "d1", bijstand), admitted("bijstand", bijstand));
    thenEvents(when(state, vote("bijstand"), participant("d1")), { type: "CaseVoteCast", participantId: "d1", caseId: "bijstand" });
    play(state, vote("bijstand"), participant("d1"));
    play(state, vote("kinderopvang"), participant("d2"));
    rejected(when(state, cmd("case.choose"), spelleider), "ongeldig", "De stemmen staken (1 elk) tussen 'De e-bike als re-integratievoorziening'".slice(0, 30));
    play(state, vote("bijstand"), participant("d2"));
    expect(playerView(state, beamer).cases.find((c) => c.id === "bijstand")?.votes).toBe(2);
    expect(playerView(state, asParticipant("d2")).mine?.caseVote).toBe("bijstand");
    thenEvents(when(state, cmd("case.choose"), spelleider), { type: "CaseChosen", caseId: "bijstand", votes: 2 });
    play(state, cmd("case.choose"), spelleider);
    expect(state.currentCaseId).toBe("bijstand");
    // the vote is over: a next round starts from nothing
    expect(playerView(state, beamer).cases.every((c) => c.votes === 0)).toBe(true);
    // and the Omgekeerde Toets starts on the chosen case
    walk(state, "bijstand");
    accepted(when(state, verdict("i2", "helpt", "bijstand"), participant("d1")));
  });

  it("only admitted cases can be chosen, and not one the group already decided", () => {
    const state = inToets(proposed("bijstand", "d1", bijstand));
    rejected(when(state, vote("bijstand"), participant("d2")), "niet_toegestaan", "nog niet toegelaten");
    rejected(when(state, vote("onbekend"), participant("d2")), "niet_gevonden", "bestaat niet");
    const decided = inToets(...walked, { type: "CaseDecided", caseId: "ebike", decision: "Ja", costNow: "laag", costLater: "laag", costNote: "" });
    rejected(when(decided, vote("ebike"), participant("d1")), "ongeldig", "al een besluit");
    rejected(when(state, cmd("case.choose"), spelleider), "ongeldig", "Er is nog niet gestemd");
  });

  it("voting: participants only, in the casustoets, a vote can be withdrawn", () => {
    rejected(when(inToets(), vote("kinderopvang"), spelleider), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(given(...toToets.slice(0, -2)), vote("kinderopvang"), participant("d1")), "verkeerde_fase", "alleen in de fase casustoets");
    rejected(when(given(...toToets.slice(0, -2)), cmd("case.choose"), spelleider), "verkeerde_fase", "alleen in de fase casustoets");
    rejected(when(inToets(), cmd("case.choose"), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(inToets(), vote(null), participant("d1")), "ongeldig", "nog niet gestemd");
    const voted = inToets({ type: "CaseVoteCast", participantId: "d1", caseId: "kinderopvang" });
    rejected(when(voted, vote("kinderopvang"), participant("d1")), "ongeldig", "al op deze casus gestemd");
    thenEvents(when(voted, vote(null), participant("d1")), { type: "CaseVoteCast", participantId: "d1", caseId: null });
  });

  it("anonymous: the other participants and the beamer see the admitted case without its author; a draft only its author and the spelleider", () => {
    const state = inToets(proposed("bijstand", "d1", bijstand), proposed("jeugd", "d1", jeugd));
    const serialized = (v: unknown) => JSON.stringify(v);
    expect(serialized(playerView(state, asParticipant("d2")))).not.toContain(bijstand.situation);
    expect(serialized(playerView(state, beamer))).not.toContain(bijstand.situation);
    expect(serialized(playerView(state, asParticipant("d1")))).toContain(bijstand.situation);
    expect(serialized(playerView(state, asSpelleider))).toContain(bijstand.situation);
    play(state, cmd("case.admit", { caseId: "bijstand", draft: bijstand }), spelleider);
    for (const viewer of [asParticipant("d2"), beamer]) {
      const view = playerView(state, viewer);
      const c = view.cases.find((x) => x.id === "bijstand");
      expect(c).toMatchObject({ source: "live", situation: bijstand.situation, rules: bijstand.rules });
      // no author: not in the case, nor anywhere in the view by name (seats carry ids, never who wrote what)
      expect(serialized(c)).not.toContain("d1");
      expect(serialized(view)).not.toContain("Naam-d1");
      // and the case not yet admitted stays away
      expect(serialized(view)).not.toContain(jeugd.situation);
    }
  });

  it("what really happened is hidden until the group's decision, then shown", () => {
    const scenario = minimalScenario();
    const afloop = "De gemeente verstrekte de e-bike als maatwerk: goedkoper dan een jaar bijstand.";
    scenario.cases = scenario.cases.map((c) => (c.id === "ebike" ? { ...c, afloop } : c));
    const state = givenIn(scenario, ...toToets, ...walked);
    for (const viewer of [asParticipant("d1"), beamer, asSpelleider]) {
      const c = playerView(state, viewer).cases.find((x) => x.id === "ebike");
      expect(c).toMatchObject({ hasAfloop: true, afloop: null });
      expect(JSON.stringify(playerView(state, viewer))).not.toContain(afloop);
    }
    play(state, decideCase(), participant("d1"));
    for (const viewer of [asParticipant("d1"), beamer, asSpelleider]) {
      expect(playerView(state, viewer).cases.find((x) => x.id === "ebike")).toMatchObject({ hasAfloop: true, afloop });
    }
    // a case without one says so
    expect(playerView(state, beamer).cases.find((x) => x.id === "kinderopvang")).toMatchObject({ hasAfloop: false, afloop: null });
  });

  it("a case brought in may carry its afloop too, shown after the decision like a prepared one", () => {
    const state = inToets(proposed("jeugd", "d2", jeugd), admitted("jeugd", jeugd), caseOpened("jeugd"));
    expect(playerView(state, asParticipant("d1")).cases.find((c) => c.id === "jeugd")).toMatchObject({ hasAfloop: true, afloop: null });
    walk(state, "jeugd");
    play(state, decideCase("jeugd"), participant("d1"));
    expect(playerView(state, asParticipant("d1")).cases.find((c) => c.id === "jeugd")?.afloop).toBe(jeugd.afloop);
  });
});
