/**
 * The scenario checker (`npm run scenario:check`): exact report lines for every file in the broken corpus
 * (tests/scenarios/broken/, each the demo scenario with one thing broken), the shipped scenarios pass, the other
 * checks on small edits of the demo, and the CLI's output and exit codes.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkScenarioFiles, checkScenarioText, editDistance, formatProblem, formatReport, nearestName, type CheckProblem } from "../../server/scenarios/check.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BROKEN_DIR = join(ROOT, "tests/scenarios/broken");
const SCENARIO_DIR = join(ROOT, "scenarios");
const DEMO = readFileSync(join(SCENARIO_DIR, "demo-maatwerk.json"), "utf8");

/** The report lines (without the summary) for one file, named as the CLI names it from the repository root. */
function reportLines(name: string): string[] {
  const file = `tests/scenarios/broken/${name}`;
  const [check] = checkScenarioFiles([{ file, text: readFileSync(join(ROOT, file), "utf8") }]);
  return (check?.problems ?? []).map((p) => formatProblem(file, p));
}

/** The demo with `edits` applied; every `from` must occur exactly once, so a changed demo fails loudly here. */
function demoWith(...edits: [from: string, to: string][]): string {
  let text = DEMO;
  for (const [from, to] of edits) {
    expect(text.split(from).length - 1, `"${from}" komt niet precies één keer voor in de demo`).toBe(1);
    text = text.replace(from, to);
  }
  return text;
}

/** The line of the demo's points budget, counted from 1 (the demo grows; the tests below do not hard-code it). */
const budgetLine = DEMO.split("\n").findIndex((line) => line.includes('"budget": 10')) + 1;

/** The text at a problem's line and column, to prove the position without trusting the checker's arithmetic. */
function textAt(text: string, p: Pick<CheckProblem, "line" | "column">, length: number): string {
  const line = text.split("\n")[p.line - 1] ?? "";
  return line.slice(p.column - 1, p.column - 1 + length);
}

const brief = (p: CheckProblem) => `${p.path}  ${p.severity}: ${p.message}`;

describe("the broken corpus: exact report lines", () => {
  const EXPECTED: Record<string, string[]> = {
    "ontbrekende-komma.json": [
      "tests/scenarios/broken/ontbrekende-komma.json:217:113  cases[0].effectWanted  fout: Hier ontbreekt een komma. Zet een komma achter deze waarde: tussen twee velden of twee elementen van een lijst staat altijd een komma.",
    ],
    "overbodige-komma.json": [
      "tests/scenarios/broken/overbodige-komma.json:397:32  variants[1].phases  fout: Overbodige komma: na het laatste element van een lijst mag geen komma staan. Haal deze komma weg.",
    ],
    "budget-als-tekst.json": [
      'tests/scenarios/broken/budget-als-tekst.json:372:43  voting.budget  fout: Hier hoort een geheel getal van 1 tot en met 100, maar er staat de tekst "10". Schrijf het getal zonder aanhalingstekens: "budget": 10.',
    ],
    "onbekend-veld.json": [
      'tests/scenarios/broken/onbekend-veld.json:50:7  roles.wethouder.sumary  fout: Onbekend veld "sumary": bedoel je "summary"? Dat veld ontbreekt nu. Verbeter de naam.',
    ],
    "onbekende-casus.json": [
      'tests/scenarios/broken/onbekende-casus.json:201:17  rounds[0].caseId  fout: Ronde "ronde1" verwijst naar casus "fiets", maar die casus bestaat niet in `cases`. Kies een van "ebike", "kilometerbudget", "mantelzorg", "achttien", of voeg een casus met deze id toe.',
    ],
    "rol-zonder-briefing.json": [
      'tests/scenarios/broken/rol-zonder-briefing.json:7:3  roles  fout: De rol "directeur" heeft geen briefing. Voeg onder "roles" een briefing voor "directeur" toe, met "name", "summary", "concerns", "pressure" en "privateFacts": elke spelrol heeft er een nodig.',
    ],
    "persoonsgegevens.json": [
      'tests/scenarios/broken/persoonsgegevens.json:216:787  cases[0].situation  waarschuwing: Dit lijkt een e-mailadres: "fietser.oosterwolde@example.nl". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
      'tests/scenarios/broken/persoonsgegevens.json:216:839  cases[0].situation  waarschuwing: Dit lijkt een BSN: "123456782". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
    ],
    "kernwaarden-niet-eerst.json": [
      'tests/scenarios/broken/kernwaarden-niet-eerst.json:130:13  categories[0].id  fout: De eerste categorie moet `kernwaarden` zijn, maar dat is nu "doelen"; `kernwaarden` staat op plek 2. Zet de categorie `kernwaarden` vooraan in `categories`: maatwerk begint bij de bedoeling.',
    ],
    "wet-eerst.json": [
      'tests/scenarios/broken/wet-eerst.json:347:13  omgekeerdeToets[0].id  fout: De stap "wet" staat als eerste van de 5 stappen, maar in De Omgekeerde Toets komt de wet als laatste: pas als het effect, de impact, de bedoeling en de ethiek zijn besproken, kijk je of de wet echt in de weg staat. Zet deze stap achteraan (de volgorde is effect, impact, bedoeling, ethiek, wet).',
    ],
    "effect-impact-omgedraaid.json": [
      'tests/scenarios/broken/effect-impact-omgedraaid.json:352:13  omgekeerdeToets[1].id  fout: De stap "effect" staat als tweede, na de stap "impact", maar hoort ervóór: De Omgekeerde Toets begint bij het effect voor de inwoner en gaat via de impact, de bedoeling van de wet en de ethiek naar de wet zelf. Zet de stappen in de volgorde effect, impact, bedoeling, ethiek, wet.',
    ],
    "bsn-in-briefing.json": [
      'tests/scenarios/broken/bsn-in-briefing.json:10:207  roles.burger.summary  waarschuwing: Dit lijkt een BSN: "123456782". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
    ],
    "email-in-beeldvorming.json": [
      'tests/scenarios/broken/email-in-beeldvorming.json:194:84  beeldvorming.prompts[2].text  waarschuwing: Dit lijkt een e-mailadres: "p.jansen@example.nl". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
    ],
    "wet-slecht-geschreven.json": [
      'tests/scenarios/broken/wet-slecht-geschreven.json:252:45  cases[1].laws[1]  waarschuwing: "artikel 2.3.6 tweede lid Wmo" is niet in de vaste schrijfwijze van een wetsartikel: "<wet> art. <artikel>", eventueel met "lid <nummer>", zoals "Wmo 2015 art. 2.3.5 lid 3" of "Awb art. 4:84"; een uitspraak noem je met haar ECLI-nummer. Schrijf bijvoorbeeld "Wmo 2015 art. 2.3.6 lid 2".',
    ],
    "ongebruikte-casus.json": [
      'tests/scenarios/broken/ongebruikte-casus.json:314:13  cases[3].id  waarschuwing: De casus "achttien" wordt nergens gespeeld: geen ronde in "rounds" en geen casustoets in "variants" noemt hem. Zet "achttien" in de "caseIds" van een casustoets of als "caseId" van een ronde, of haal de casus weg.',
    ],
    "aanhalingsteken-in-tekst.json": [
      "tests/scenarios/broken/aanhalingsteken-in-tekst.json:216:39  cases[0].situation  fout: In deze tekst staat een dubbel aanhalingsteken (\"), en dat sluit de tekst hier al af. Wil je een aanhalingsteken in de tekst, schrijf dan \\\" (met een backslash ervoor), of gebruik enkele aanhalingstekens: 'zo'.",
    ],
    "persoonsgegevens-half-bevestigd.json": [
      'tests/scenarios/broken/persoonsgegevens-half-bevestigd.json:202:92  rounds[0].instruction  waarschuwing: Dit lijkt een IBAN: "NL91ABNA0417164300". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
    ],
    "oud-formaat.json": [
      'tests/scenarios/broken/oud-formaat.json:3:20  schemaVersion  waarschuwing: Dit scenario heeft het oude formaat (versie 0). De server zet het bij het laden om, maar werk het bij naar versie 1: zet "schemaVersion": 1, vervang "phases": [ … ] door "variants": [{ "id": "standaard", "title": "Standaard", "phases": [ … ] }] en schrijf bij "voting" "mode": "punten" in plaats van "points".',
    ],
    "niet-utf8.json": [
      'tests/scenarios/broken/niet-utf8.json:6:397  intro  fout: Hier staat een teken dat niet als UTF-8 te lezen is (in dit bestand 21 keer): het bestand is in een andere codering opgeslagen, waarschijnlijk ANSI (Windows-1252), en dan zien deelnemers letters als é en ë als \uFFFD. Open het bestand opnieuw in die codering en sla het op als UTF-8: in VS Code klik je rechtsonder op "UTF-8", kies je "Opnieuw openen met codering" en "Western (Windows 1252)", en daarna via dezelfde knop "Opslaan met codering" en "UTF-8".',
    ],
  };

  it("has an expectation for every file in the corpus, and a file for every expectation", () => {
    const files = readdirSync(BROKEN_DIR).filter((name) => name.endsWith(".json")).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, lines] of Object.entries(EXPECTED)) {
    it(name, () => {
      expect(reportLines(name)).toEqual(lines);
    });
  }

  it("points at the right characters (checked against the file, not the checker)", () => {
    const at = (name: string, line: number, column: number, length: number) =>
      textAt(readFileSync(join(BROKEN_DIR, name), "utf8"), { line, column }, length);
    // The comma goes right after the closing quote, at the end of the line.
    expect(at("ontbrekende-komma.json", 217, 111, 10)).toBe('."');
    expect(at("overbodige-komma.json", 397, 32, 1)).toBe(",");
    expect(at("budget-als-tekst.json", 372, 43, 4)).toBe('"10"');
    expect(at("onbekend-veld.json", 50, 7, 8)).toBe('"sumary"');
    expect(at("onbekende-casus.json", 201, 17, 7)).toBe('"fiets"');
    expect(at("rol-zonder-briefing.json", 7, 3, 7)).toBe('"roles"');
    expect(at("persoonsgegevens.json", 216, 787, 30)).toBe("fietser.oosterwolde@example.nl");
    expect(at("persoonsgegevens.json", 216, 839, 9)).toBe("123456782");
    expect(at("kernwaarden-niet-eerst.json", 130, 13, 8)).toBe('"doelen"');
    expect(at("wet-eerst.json", 347, 13, 5)).toBe('"wet"');
    expect(at("effect-impact-omgedraaid.json", 352, 13, 8)).toBe('"effect"');
    expect(at("bsn-in-briefing.json", 10, 207, 9)).toBe("123456782");
    expect(at("email-in-beeldvorming.json", 194, 84, 19)).toBe("p.jansen@example.nl");
    expect(at("wet-slecht-geschreven.json", 252, 45, 30)).toBe('"artikel 2.3.6 tweede lid Wmo"');
    expect(at("ongebruikte-casus.json", 314, 13, 10)).toBe('"achttien"');
    // The quote that ends the text too early: the one before "ik wil".
    expect(at("aanhalingsteken-in-tekst.json", 216, 39, 7)).toBe('"ik wil');
    expect(at("persoonsgegevens-half-bevestigd.json", 202, 92, 18)).toBe("NL91ABNA0417164300");
    // "één" in the intro, saved as Windows-1252: each é is one byte that is not UTF-8.
    expect(at("niet-utf8.json", 6, 396, 4)).toBe(" \uFFFD\uFFFDn");
  });
});

describe("the shipped scenarios", () => {
  const files = readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith(".json") && name !== "scenario.schema.json")
    .sort()
    .map((name) => ({ file: `scenarios/${name}`, text: readFileSync(join(SCENARIO_DIR, name), "utf8") }));

  it("are there", () => {
    expect(files.map((f) => f.file)).toContain("scenarios/demo-maatwerk.json");
  });

  it("have no errors, checked together (so also no scenario id twice)", () => {
    const errors = checkScenarioFiles(files).flatMap((c) => c.problems.filter((p) => p.severity === "fout").map((p) => formatProblem(c.file, p)));
    expect(errors).toEqual([]);
  });

  it("the demo has no warnings either", () => {
    expect(checkScenarioText(DEMO).problems).toEqual([]);
  });
});

describe("checks on edits of the demo", () => {
  it("reports every problem at once, sorted by position, schema errors next to rule problems", () => {
    const text = demoWith(
      ['"title": "Maatwerk in de wijk: wie bepaalt wat past?"', '"title": ""'],
      ['"caseId": "kilometerbudget"', '"caseId": "km"'],
      ['"voting": { "mode": "punten", "budget": 10, "maxPerItem": 4 }', '"voting": { "mode": "punten", "budget": 2, "maxPerItem": 4 }'],
    );
    expect(checkScenarioText(text).problems.map(brief)).toEqual([
      "title  fout: Dit veld mag niet leeg zijn. Vul een tekst in van hoogstens 120 tekens.",
      'rounds[1].caseId  fout: Ronde "ronde2" verwijst naar casus "km", maar die casus bestaat niet in `cases`. Kies een van "ebike", "kilometerbudget", "mantelzorg", "achttien", of voeg een casus met deze id toe.',
      "voting.budget  waarschuwing: Met 2 punten per speler valt er weinig te verdelen: iedereen kiest hooguit een paar eisen. Kies een budget van 3 tot en met 30, bijvoorbeeld 10.",
      "voting.maxPerItem  fout: `maxPerItem` (4) is groter dan het puntenbudget (2): zoveel punten heeft niemand. Maak `maxPerItem` hoogstens 2, of verhoog `budget`.",
    ]);
  });

  it("says an empty field that may be left out can also go", () => {
    const text = demoWith(['"afloop": "De gemeente verhoogde haar kilometerbudget', '"afloop": "", "x": "De gemeente verhoogde haar kilometerbudget']);
    expect(checkScenarioText(text).problems.map(brief).filter((p) => p.startsWith("cases[1].afloop"))).toEqual([
      'cases[1].afloop  fout: Dit veld mag niet leeg zijn. Vul een tekst in van hoogstens 4000 tekens, of haal het veld "afloop" weg: het mag ontbreken.',
    ]);
  });

  it("still checks references when a case elsewhere has a schema error", () => {
    const text = demoWith(['"caseId": "ebike"', '"caseId": "fiets"'], ['"date": "2026-10-12"', '"date": "12-10-2026"']);
    expect(checkScenarioText(text).problems.map(brief)).toEqual([
      'rounds[0].caseId  fout: Ronde "ronde1" verwijst naar casus "fiets", maar die casus bestaat niet in `cases`. Kies een van "ebike", "kilometerbudget", "mantelzorg", "achttien", of voeg een casus met deze id toe.',
      'cases[1].date  fout: "12-10-2026" is geen geldige datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld "2026-10-12".',
    ]);
  });

  it("warns about timers: a phase over two hours, a rolwissel under five minutes", () => {
    const text = demoWith(
      ['{ "kind": "samenvoegen", "minutes": 40 }', '{ "kind": "samenvoegen", "minutes": 150 }'],
      ['{ "kind": "rolwissel", "roundId": "ronde1", "minutes": 15 }', '{ "kind": "rolwissel", "roundId": "ronde1", "minutes": 4 }'],
    );
    const problems = checkScenarioText(text).problems;
    expect(problems.map(brief)).toEqual([
      "variants[0].phases[4].minutes  waarschuwing: Deze fase (samenvoegen) duurt 150 minuten, langer dan twee uur. Klopt dat? Geef één fase hoogstens 120 minuten, of verdeel het werk over meer fasen.",
      "variants[1].phases[1].minutes  waarschuwing: Deze rolwissel-ronde duurt maar 4 minuten: te kort om de casus en je briefing te lezen en eisen op te schrijven. Geef een rolwissel minstens 5 minuten, liever 15 of meer.",
    ]);
    expect(problems.map((p) => textAt(text, p, 3))).toEqual(["150", "4 }"]);
  });

  it("warns about a phase with nothing to work on: eisen before samenvoegen, a programma before prioriteren and the toets", () => {
    // "kort" with its merge moved to the end: the vote and the toets come before it, the round has no merge after it.
    const text = demoWith(
      ['{ "kind": "samenvoegen", "minutes": 20 },\n        { "kind": "prioriteren", "minutes": 10 },', '{ "kind": "prioriteren", "minutes": 10 },'],
      ['{ "kind": "casustoets", "caseIds": ["mantelzorg"], "minutes": 25 },\n        { "kind": "resultaat" }', '{ "kind": "casustoets", "caseIds": ["mantelzorg"], "minutes": 25 },\n        { "kind": "samenvoegen" },\n        { "kind": "resultaat" }'],
    );
    const problems = checkScenarioText(text).problems;
    expect(problems.map(brief)).toEqual([
      'variants[1].phases[2].kind  waarschuwing: Variant "kort", fase 3 (prioriteren) komt vóór het samenvoegen: er zijn dan nog geen items om punten op te zetten. Zet er een fase { "kind": "samenvoegen" } voor.',
      'variants[1].phases[3].kind  waarschuwing: Variant "kort", fase 4 (casustoets) komt vóór het samenvoegen: het programma van eisen is dan nog leeg en er is niets om te toetsen. Zet er een fase { "kind": "samenvoegen" } voor.',
    ]);
    expect(problems.map((p) => textAt(text, p, 13))).toEqual(['"prioriteren"', '"casustoets",']);
    const early = demoWith(['{ "kind": "rolwissel", "roundId": "ronde1", "minutes": 15 },\n        { "kind": "samenvoegen", "minutes": 20 },', '{ "kind": "samenvoegen", "minutes": 20 },\n        { "kind": "rolwissel", "roundId": "ronde1", "minutes": 15 },']);
    expect(checkScenarioText(early).problems.map(brief)).toEqual([
      'variants[1].phases[1].kind  waarschuwing: Variant "kort", fase 2 (samenvoegen) komt vóór elke rolwissel: er zijn dan nog geen eisen om samen te voegen, en het bord blijft leeg. Zet er minstens één fase { "kind": "rolwissel", … } voor.',
      'variants[1].phases[2].kind  waarschuwing: Variant "kort", fase 3 (rolwissel) heeft geen fase samenvoegen na zich: de eisen van deze ronde komen dan niet in het programma van eisen en niet in het kader. Zet na deze ronde een fase { "kind": "samenvoegen" }.',
    ]);
  });

  it("warns about a budget over 30 and accepts 3 and 30", () => {
    const budget = (n: number) =>
      checkScenarioText(demoWith(['"budget": 10, "maxPerItem": 4', `"budget": ${n}, "maxPerItem": 3`])).problems.map(brief);
    expect(budget(3)).toEqual([]);
    expect(budget(30)).toEqual([]);
    expect(budget(31)).toEqual([
      "voting.budget  waarschuwing: Met 31 punten per speler wordt verdelen rekenwerk, en zegt één punt weinig meer. Kies een budget van 3 tot en met 30, bijvoorbeeld 10.",
    ]);
  });

  it("reports an empty Omgekeerde Toets and a step out of order as errors, at the misplaced step; too few steps as a warning", () => {
    const start = DEMO.indexOf('  "omgekeerdeToets": [');
    const end = DEMO.indexOf('  "voting":');
    const toets = (steps: string) => `${DEMO.slice(0, start)}  "omgekeerdeToets": ${steps},\n${DEMO.slice(end)}`;
    const step = (id: string) => `{ "id": "${id}", "title": "Stap ${id}", "prompt": "Wat vraag je je af bij ${id}?" }`;
    const steps = (...ids: string[]) => `[${ids.map(step).join(", ")}]`;
    const ORDER = "Zet de stappen in de volgorde effect, impact, bedoeling, ethiek, wet.";
    const LAW_LAST = "maar in De Omgekeerde Toets komt de wet als laatste: pas als het effect, de impact, de bedoeling en de ethiek zijn besproken, kijk je of de wet echt in de weg staat. Zet deze stap achteraan (de volgorde is effect, impact, bedoeling, ethiek, wet).";

    expect(checkScenarioText(toets("[]")).problems.map(brief)).toEqual([
      'omgekeerdeToets  fout: De Omgekeerde Toets heeft geen stappen, en zonder toets is er geen casustoets. Voeg de vijf stappen toe, in deze volgorde: het effect voor de inwoner, de impact, de bedoeling van de wet, de ethiek en als laatste de wet zelf ("id": "wet").',
    ]);
    expect(checkScenarioText(toets(steps("effect", "wet", "ethiek"))).problems.map(brief)).toEqual([
      "omgekeerdeToets  waarschuwing: De Omgekeerde Toets heeft vijf stappen, maar hier staan er 3. Vul aan tot de vijf: het effect voor de inwoner, de impact, de bedoeling van de wet, de ethiek en als laatste de wet zelf, zodat de groep geen stap overslaat.",
      `omgekeerdeToets[1].id  fout: De stap "wet" staat als tweede van de 3 stappen, ${LAW_LAST}`,
    ]);
    // The law in the middle, and bedoeling and ethiek swapped: each misplaced step once, at its own place.
    const mixed = checkScenarioText(toets(steps("effect", "impact", "wet", "ethiek", "bedoeling"))).problems;
    expect(mixed.map(brief)).toEqual([
      `omgekeerdeToets[2].id  fout: De stap "wet" staat als derde van de 5 stappen, ${LAW_LAST}`,
      `omgekeerdeToets[4].id  fout: De stap "bedoeling" staat als vijfde, na de stap "ethiek", maar hoort ervóór: De Omgekeerde Toets begint bij het effect voor de inwoner en gaat via de impact, de bedoeling van de wet en de ethiek naar de wet zelf. ${ORDER}`,
    ]);
    expect(mixed.map((p) => textAt(toets(steps("effect", "impact", "wet", "ethiek", "bedoeling")), p, 11))).toEqual(['"wet", "tit', '"bedoeling"']);
    // A trainer's own extra step is left alone, as long as the five keep their order.
    expect(checkScenarioText(toets(steps("effect", "impact", "context", "bedoeling", "ethiek", "wet"))).problems).toEqual([]);
    expect(checkScenarioText(toets(steps("effect", "impact", "bedoeling", "ethiek", "regels"))).problems.map(brief)).toEqual([
      'omgekeerdeToets[4].id  waarschuwing: De laatste stap van De Omgekeerde Toets hoort over de wet te gaan ("id": "wet"): pas als laatste kijk je of de wet echt in de weg staat. Voeg als laatste stap een stap over de wet toe, met "id": "wet".',
    ]);
  });

  it("checks how laws are written, and accepts the fixed way and rulings", () => {
    const laws = (...entries: string[]) =>
      checkScenarioText(demoWith(['"laws": ["Participatiewet art. 8a", "Participatiewet art. 10", "Wmo 2015 art. 2.3.5 lid 3"]', `"laws": ${JSON.stringify(entries)}`])).problems.map(brief);
    expect(laws("Participatiewet art. 17 lid 1", "Awb art. 4:84", "Jeugdwet art. 1.1", "Participatiewet art. 41 lid 4", "Wmo 2015 art. 2.3.2 lid 4 onder b", "CRvB 18-05-2016, ECLI:NL:CRVB:2016:1402")).toEqual([]);
    expect(laws("art. 18 Participatiewet", "Wet gemeentelijke schuldhulpverlening")).toEqual([
      'cases[0].laws[0]  waarschuwing: "art. 18 Participatiewet" is niet in de vaste schrijfwijze van een wetsartikel: "<wet> art. <artikel>", eventueel met "lid <nummer>", zoals "Wmo 2015 art. 2.3.5 lid 3" of "Awb art. 4:84"; een uitspraak noem je met haar ECLI-nummer. Schrijf bijvoorbeeld "Participatiewet art. 18".',
      'cases[0].laws[1]  waarschuwing: "Wet gemeentelijke schuldhulpverlening" is niet in de vaste schrijfwijze van een wetsartikel: "<wet> art. <artikel>", eventueel met "lid <nummer>", zoals "Wmo 2015 art. 2.3.5 lid 3" of "Awb art. 4:84"; een uitspraak noem je met haar ECLI-nummer. Noem ook het artikel: "Wet gemeentelijke schuldhulpverlening art. " met het nummer van het artikel erachter.',
    ]);
    // The year in a law's name is not its article: "Wmo 2015" names no article, "Wmo 2015 2.3.5" names one.
    expect(laws("Wmo 2015", "Wmo 2015 2.3.5", "artikel 2.3.6 Wmo 2015", "art. 12", "zie boven").map((p) => p.slice(p.indexOf("ECLI-nummer. ") + 13))).toEqual([
      'Noem ook het artikel: "Wmo 2015 art. " met het nummer van het artikel erachter.',
      'Schrijf bijvoorbeeld "Wmo 2015 art. 2.3.5".',
      'Schrijf bijvoorbeeld "Wmo 2015 art. 2.3.6".',
      'Zet de naam van de wet ervoor: "<wet> art. 12", zoals "Wmo 2015 art. 12".',
      "Schrijf het artikel zo.",
    ]);
  });

  it("names a text opened or closed with a curly quote (pasted from Word) at that quote, also in a list", () => {
    const TAIL = `maar in JSON staat een tekst tussen rechte dubbele aanhalingstekens ("). Word en e-mailprogramma's maken daar vaak gekrulde van.`;
    const title = "Maatwerk in de wijk: wie bepaalt wat past?";
    const opened = demoWith([`"title": "${title}"`, `"title": “${title}"`]);
    expect(checkScenarioText(opened).problems.map(brief)).toEqual([`title  fout: Deze tekst begint met een gekruld aanhalingsteken (“), ${TAIL} Vervang dit teken door ".`]);
    expect(checkScenarioText(opened).problems.map((p) => textAt(opened, p, 3))).toEqual(["“Ma"]);
    const closed = demoWith([`"title": "${title}"`, `"title": "${title}”`]);
    expect(checkScenarioText(closed).problems.map(brief)).toEqual([`title  fout: Deze tekst eindigt op een gekruld aanhalingsteken (”), ${TAIL} Vervang dit teken door ".`]);
    expect(checkScenarioText(closed).problems.map((p) => textAt(closed, p, 2))).toEqual(["”,"]);
    const both = demoWith(['"Je hebt het een week op een gewone fiets geprobeerd. Daarna kon je de trap bijna niet meer op."', "“Je hebt het een week op een gewone fiets geprobeerd. Daarna kon je de trap bijna niet meer op.”"]);
    expect(checkScenarioText(both).problems.map(brief)).toEqual([
      `cases[0].factsPerRole.burger  fout: Deze tekst staat tussen gekrulde aanhalingstekens (“ ”), ${TAIL} Vervang ze allebei door ".`,
    ]);
    // Curly quotes inside a text are just characters of it.
    expect(checkScenarioText(demoWith([`"title": "${title}"`, `"title": "Maatwerk in de wijk: “wie bepaalt wat past?”"`])).problems).toEqual([]);
  });

  it("gives one message for a quote inside a text, also in a list, and checks nothing else after it", () => {
    const text = demoWith(['"Je hebt het een week op een gewone fiets geprobeerd.', '"Je zei: "dat lukt nooit, echt niet." Je hebt het een week op een gewone fiets geprobeerd.']);
    const problems = checkScenarioText(text).problems;
    expect(problems.map(brief)).toEqual([
      "cases[0].factsPerRole.burger[1]  fout: In deze tekst staat een dubbel aanhalingsteken (\"), en dat sluit de tekst hier al af. Wil je een aanhalingsteken in de tekst, schrijf dan \\\" (met een backslash ervoor), of gebruik enkele aanhalingstekens: 'zo'.",
    ]);
    expect(problems.map((p) => textAt(text, p, 5))).toEqual(['"dat ']);
    // Written with \" it is a good text.
    expect(checkScenarioText(demoWith(['"Je hebt het een week op een gewone fiets geprobeerd.', '"Je zei: \\"dat lukt nooit\\". Je hebt het een week op een gewone fiets geprobeerd.'])).problems).toEqual([]);
  });

  it("suggests the nearest field name, also for a phase and for a role, and names a field another phase kind has", () => {
    const text = demoWith(
      ['{ "kind": "rolwissel", "roundId": "ronde2", "minutes": 25 }', '{ "kind": "rolwissel", "roundID": "ronde2", "minutes": 25 }'],
      ['{ "kind": "samenvoegen", "minutes": 20 }', '{ "kind": "samenvoegen", "minutes": 20, "roundId": "ronde1" }'],
      ['"id": "ebike",\n      "title":', '"id": "ebike",\n      "titel":'],
    );
    const problems = checkScenarioText(text).problems;
    expect(problems.map(brief)).toEqual([
      'cases[0].titel  fout: Onbekend veld "titel": bedoel je "title"? Dat veld ontbreekt nu. Verbeter de naam.',
      'variants[0].phases[3].roundID  fout: Onbekend veld "roundID": bedoel je "roundId"? Dat veld ontbreekt nu. Verbeter de naam.',
      'variants[1].phases[2].roundId  fout: Een fase "samenvoegen" heeft geen "roundId". Haal het veld weg.',
    ]);
    // Unknown fields are reported at their name.
    expect(problems.map((p) => textAt(text, p, 9))).toEqual(['"titel": ', '"roundID"', '"roundId"']);
  });

  it("reports an unknown field without a near name with the fields that may stand there", () => {
    const text = demoWith(['"rolePriority":', '"opmerking": "nog nakijken",\n  "rolePriority":']);
    expect(checkScenarioText(text).problems.map(brief)).toEqual([
      'opmerking  fout: Onbekend veld "opmerking". Hier mogen alleen "$schema", "schemaVersion", "id", "title", "intro", "roles", "rolePriority", "categories", "beeldvorming", "rounds", "cases", "omgekeerdeToets", "voting", "variants" en "notPersonalData". Haal het veld weg, of verbeter de naam.',
    ]);
  });

  it("explains an unknown phase kind, a points vote written the old way and a role that does not exist", () => {
    const text = demoWith(
      ['{ "kind": "beeldvorming", "minutes": 20 }', '{ "kind": "beeldvroming", "minutes": 20 }'],
      ['"mode": "punten"', '"mode": "points"'],
      ['"rolePriority": ["burger",', '"rolePriority": ["burgr",'],
    );
    expect(checkScenarioText(text).problems.map(brief)).toEqual([
      'rolePriority[0]  fout: "burgr" is geen spelrol. Bedoel je "burger"? (Op de schermen heet die rol "Inwoner".) Kies een van "burger", "raadslid", "wethouder", "directeur", "beleidsambtenaar" of "wijkteamprofessional".',
      'voting.mode  fout: Stemmen met punten heet sinds versie 1 "punten": schrijf "mode": "punten".',
      'variants[0].phases[1].kind  fout: Onbekende fase: de tekst "beeldvroming". Bedoel je "beeldvorming"? Kies voor "kind" een van "lobby", "beeldvorming", "rolwissel", "samenvoegen", "plenair", "prioriteren", "casustoets" of "resultaat".',
    ]);
  });

  it("knows a role by the name the screens show or a word from practice: inwoner is burger, beleidsmedewerker beleidsambtenaar", () => {
    const text = demoWith(['"rolePriority": ["burger",', '"rolePriority": ["inwoner",']);
    expect(checkScenarioText(text).problems.map(brief)[0]).toBe(
      'rolePriority[0]  fout: "inwoner" is geen spelrol. Bedoel je "burger"? (Op de schermen heet die rol "Inwoner".) Kies een van "burger", "raadslid", "wethouder", "directeur", "beleidsambtenaar" of "wijkteamprofessional".',
    );
    const facts = checkScenarioText(
      demoWith(['"burger": [\n          "Je hebt al twee keer eerder', '"Beleidsmedewerker": ["Een feit."],\n        "burger": [\n          "Je hebt al twee keer eerder']),
    ).problems.map(brief);
    expect(facts.some((p) => p.includes('"Beleidsmedewerker" is geen spelrol. Bedoel je "beleidsambtenaar"? Gebruik als naam een van'))).toBe(true);
    const unknown = checkScenarioText(demoWith(['"rolePriority": ["burger",', '"rolePriority": ["teamleider",'])).problems.map(brief);
    expect(unknown[0]).toBe('rolePriority[0]  fout: "teamleider" is geen spelrol. Kies een van "burger", "raadslid", "wethouder", "directeur", "beleidsambtenaar" of "wijkteamprofessional".');
  });

  it("reports a missing field at the object it belongs in, with what to fill in", () => {
    const text = demoWith(['      "dilemma": "Rek je de re-integratieregels', '      "dilemma_": "Rek je de re-integratieregels']);
    const problems = checkScenarioText(text).problems;
    expect(problems.map(brief)).toEqual([
      'cases[0].dilemma_  fout: Onbekend veld "dilemma_": bedoel je "dilemma"? Dat veld ontbreekt nu. Verbeter de naam.',
    ]);
    const removed = DEMO.replace(/\n\s*"standardAnswer": "Vervoer hoort bij de Wmo[^\n]*/, "");
    const missing = checkScenarioText(removed).problems;
    expect(missing.map(brief)).toEqual([
      'cases[0]  fout: Het verplichte veld "standardAnswer" ontbreekt. Voeg "standardAnswer" toe, met een tekst van hoogstens 600 tekens.',
    ]);
    expect(textAt(removed, missing[0]!, 1)).toBe("{");
  });

  it("reports a field written twice and a missing $schema", () => {
    const text = demoWith(['  "$schema": "./scenario.schema.json",\n', ""], ['"budget": 10,', '"budget": 10, "budget": 12,']);
    expect(checkScenarioText(text).problems.map(brief)).toEqual([
      '(scenario)  waarschuwing: "$schema" ontbreekt. Zet bovenaan "$schema": "./scenario.schema.json", dan helpt je editor met aanvullen en uitleg bij elk veld.',
      'voting.budget  fout: Het veld "budget" staat twee keer in dit object; alleen de laatste telt. Haal een van de twee weg, of voeg ze samen.',
    ]);
  });

  it("finds personal data in every case text, at the exact character, also after escapes", () => {
    const text = demoWith(
      ['"Je hebt het een week op een gewone fiets geprobeerd.', '"Zijn \\"mentor\\" belt op 06-12345678 of mailt naar hulp@voorbeeld.nl. Je hebt het een week op een gewone fiets geprobeerd.'],
      ['"title": "Het kilometerbudget is op"', '"title": "Het kilometerbudget is op (NL91ABNA0417164300)"'],
    );
    const problems = checkScenarioText(text).problems;
    expect(problems.map(brief)).toEqual([
      'cases[0].factsPerRole.burger[1]  waarschuwing: Dit lijkt een telefoonnummer: "06-12345678". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
      'cases[0].factsPerRole.burger[1]  waarschuwing: Dit lijkt een e-mailadres: "hulp@voorbeeld.nl". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
      'cases[1].title  waarschuwing: Dit lijkt een IBAN: "NL91ABNA0417164300". Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in "notPersonalData"; tot dan biedt de server dit scenario niet aan.',
    ]);
    expect(problems.map((p) => textAt(text, p, 6))).toEqual(["06-123", "hulp@v", "NL91AB"]);
  });

  it("reports a comment and checks the rest; after an unclosed string only the syntax", () => {
    const comment = demoWith(['  "intro":', '  // TODO inleiding\n  "intro":'], ['"budget": 10', '"budget": "tien"']);
    expect(checkScenarioText(comment).problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`)).toEqual([
      "6:3  (scenario)  fout: Commentaar (// of /* */) mag niet in een scenariobestand: de server leest gewone JSON. Haal het commentaar weg.",
      `${budgetLine + 1}:43  voting.budget  fout: Hier hoort een geheel getal van 1 tot en met 100, maar er staat de tekst "tien". Schrijf een getal, zonder aanhalingstekens. Bijvoorbeeld: 10.`,
    ]);
    const unclosed = demoWith(['"title": "Maatwerk in de wijk: wie bepaalt wat past?"', '"title": "Maatwerk in de wijk: wie bepaalt wat past?'], ['"budget": 10', '"budget": "tien"']);
    expect(checkScenarioText(unclosed).problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`)).toEqual([
      '5:12  title  fout: Deze tekst is niet afgesloten: aan het eind ontbreekt een dubbel aanhalingsteken ("). Een tekst eindigt op dezelfde regel; een nieuwe regel schrijf je als \\n.',
    ]);
  });

  it("explains quotes that JSON does not know and a list that is not closed", () => {
    expect(checkScenarioText("{\n  'id': 'x'\n}\n").problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`)).toEqual([
      `2:3  (scenario)  fout: Dit kan hier niet staan: "'id'". Zet tekst tussen rechte dubbele aanhalingstekens: "id". Enkele (') en gekrulde aanhalingstekens („ ” “) werken niet.`,
      `2:9  (scenario)  fout: Dit kan hier niet staan: "'x'". Zet tekst tussen rechte dubbele aanhalingstekens: "x". Enkele (') en gekrulde aanhalingstekens („ ” “) werken niet.`,
    ]);
    expect(checkScenarioText('{\n  "cases": [ { "id": "y" }\n}\n').problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`)).toEqual([
      "2:27  cases[0]  fout: Hier ontbreekt een sluitende blokhaak ]: de lijst is niet afgesloten voordat de } erna het object afsluit. Zet hier een ], of een komma als er nog iets volgt.",
    ]);
    expect(checkScenarioText("").problems.map(brief)).toEqual(["(scenario)  fout: Het bestand is leeg. Een scenario is één object tussen accolades { … }."]);
  });

  it("counts lines after a byte order mark and with Windows line ends like an editor", () => {
    const text = `\uFEFF${DEMO.replace('"budget": 10', '"budget": "10"').replace(/\n/g, "\r\n")}`;
    const [problem] = checkScenarioText(text).problems;
    expect(problem && `${problem.line}:${problem.column}`).toBe(`${budgetLine}:43`);
  });

  it("reports a file saved as UTF-16 once, not at every character", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DEMO, "utf16le")]).toString("utf8");
    expect(checkScenarioText(utf16).problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`)).toEqual([
      '1:1  (scenario)  fout: Dit bestand is niet als UTF-8 opgeslagen, maar als UTF-16 ("Unicode"), en zo kan de server het niet lezen. Sla het op als UTF-8: in VS Code klik je rechtsonder op de codering ("UTF-16 LE"), kies je "Opslaan met codering" en dan "UTF-8"; in Kladblok kies je bij "Opslaan als" de codering "UTF-8".',
    ]);
  });

  it("says a file that is no text at all (a Word document or a picture renamed to .json) is not a scenario, once", () => {
    // A .docx is a zip: a few NUL bytes among bytes that are mostly no UTF-8; random bytes likewise.
    const zipLike = Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1"), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 151 + 17) % 256))]).toString("utf8");
    const problems = checkScenarioText(zipLike).problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^1:1 {2}\(scenario\) {2}fout: Dit is geen tekstbestand: het lijkt een ander soort bestand \(bijvoorbeeld een Word-document of een afbeelding\)/);
  });

  it("says where a file that was cut off ends, without an empty quote", () => {
    const cut = DEMO.slice(0, DEMO.indexOf('"title"'));
    const problems = checkScenarioText(cut).problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`);
    expect(problems[0]).toMatch(/fout: Het bestand houdt hier op, midden in een object: er hoort nog een veldnaam te volgen, of een } die het afsluit\./);
    expect(problems.join("\n")).not.toContain('""');
  });

  it("reports a text with line breaks in it once, up to the line where it closes", () => {
    // Pasted from a document: two paragraphs with an empty line between them, and a line break in the second.
    const pasted = demoWith(
      ["Welkom in Oosterwolde. Iedereen", "Welkom in Oosterwolde.\n\nIedereen"],
      ["Zeg dus gerust wat je denkt.", "Zeg dus\ngerust wat je denkt."],
      ['"budget": 10', '"budget": "tien"'],
    );
    expect(checkScenarioText(pasted).problems.map((p) => `${p.line}:${p.column}  ${brief(p)}`)).toEqual([
      "6:12  intro  fout: Deze tekst loopt door tot en met regel 9, maar een tekst staat in JSON op één regel. Haal de regeleinden weg, zodat de hele tekst op deze regel staat; wil je toch een nieuwe regel in de tekst, schrijf dan \\n.",
    ]);
  });

  it("says how to write true or false, and what to do when a list a phase refers to is empty", () => {
    const text = demoWith(['"caseIds": ["mantelzorg"], "minutes": 25 }', '"caseIds": ["mantelzorg"], "perTafel": "ja", "minutes": 25 }']);
    expect(checkScenarioText(text).problems.map(brief)).toEqual([
      'variants[1].phases[4].perTafel  fout: Hier hoort true of false, maar er staat de tekst "ja". Schrijf true (ja) of false (nee), zonder aanhalingstekens: "perTafel": true.',
    ]);
    const noRounds = JSON.parse(DEMO) as { rounds: unknown[] };
    noRounds.rounds = [];
    const messages = checkScenarioText(JSON.stringify(noRounds, null, 2)).problems.map(brief);
    expect(messages).toContain(
      'variants[0].phases[2].roundId  fout: Variant "dag", fase 3 (rolwissel) verwijst naar ronde "ronde1", maar die ronde bestaat niet in `rounds`. Er staat nog geen ronde in `rounds`: voeg een ronde met deze id toe.',
    );
    expect(messages.join("\n")).not.toContain("(geen)");
  });

  it("does not let a broken file take the id of a sound one: the sound file is loaded, the broken one skipped for its own error", () => {
    const broken = DEMO.replace('"budget": 10', '"budget": "tien"');
    const checks = checkScenarioFiles([
      { file: "demo-kopie.json", text: broken },
      { file: "demo.json", text: DEMO },
    ]);
    expect(formatReport(checks)).toEqual([
      `demo-kopie.json:${budgetLine}:43  voting.budget  fout: Hier hoort een geheel getal van 1 tot en met 100, maar er staat de tekst "tien". Schrijf een getal, zonder aanhalingstekens. Bijvoorbeeld: 10.`,
      "1 fout, 0 waarschuwingen in 2 bestanden",
    ]);
  });

  it("reports a scenario id that another file already uses", () => {
    const checks = checkScenarioFiles([
      { file: "a.json", text: DEMO },
      { file: "b.json", text: DEMO },
    ]);
    expect(formatReport(checks)).toEqual([
      'b.json:4:9  id  fout: Het scenario-id "demo-maatwerk" wordt al gebruikt door a.json. Geef dit scenario een eigen id.',
      "1 fout, 0 waarschuwingen in 2 bestanden",
    ]);
  });
});

describe("nearest field names", () => {
  it("counts edits, with a swap of two letters as one", () => {
    expect(editDistance("briefng", "briefing")).toBe(1);
    expect(editDistance("titel", "title")).toBe(1);
    expect(editDistance("caseid", "caseId")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only names that are close enough", () => {
    expect(nearestName("briefng", ["briefing", "summary"])).toBe("briefing");
    expect(nearestName("situatie", ["title", "situation", "dilemma"])).toBe("situation");
    expect(nearestName("opmerking", ["title", "situation", "dilemma"])).toBeUndefined();
    expect(nearestName("title", ["title"])).toBeUndefined();
  });
});

describe("the CLI", () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, [join(ROOT, "tools/scenarios/check.ts"), ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? "" }),
    );

  it("checks the shipped scenarios without arguments and exits 0", async () => {
    const { code, stdout } = await cli();
    const count = readdirSync(SCENARIO_DIR).filter((n) => n.endsWith(".json") && n !== "scenario.schema.json").length;
    expect(stdout.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^0 fouten, \\d+ waarschuwingen? in ${count} bestand(en)?$`));
    expect(code).toBe(0);
  });

  it("exits 1 on errors and prints every problem, then the summary", async () => {
    const { code, stdout } = await cli("tests/scenarios/broken/budget-als-tekst.json", "tests/scenarios/broken/persoonsgegevens.json");
    expect(code).toBe(1);
    expect(stdout.trimEnd().split("\n")).toEqual([
      ...reportLines("budget-als-tekst.json"),
      ...reportLines("persoonsgegevens.json"),
      "1 fout, 2 waarschuwingen in 2 bestanden",
    ]);
  });

  it("exits 0 with only warnings", async () => {
    const { code, stdout } = await cli("tests/scenarios/broken/oud-formaat.json");
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("0 fouten, 1 waarschuwing in 1 bestand");
  });

  it("checks a directory, and reports a file that does not exist as an error", async () => {
    const all = await cli("tests/scenarios/broken");
    expect(all.code).toBe(1);
    expect(all.stdout.trimEnd().split("\n").at(-1)).toBe("11 fouten, 8 waarschuwingen in 18 bestanden");
    const missing = await cli("scenarios/bestaat-niet.json");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^scenarios\/bestaat-niet\.json:1:1 {2}\(bestand\) {2}fout: Het bestand kon niet worden gelezen: /);
  });

  it("passes over the JSON Schema also when named, as scenarios/*.json does, and says so", async () => {
    const { code, stdout } = await cli("scenarios/scenario.schema.json", "scenarios/demo-maatwerk.json");
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toEqual([
      "scenarios/scenario.schema.json  overgeslagen: dit is het schema dat je editor gebruikt (aanvullingen en uitleg), geen scenario.",
      "0 fouten, 0 waarschuwingen in 1 bestand",
    ]);
  });

  it("names files relative to where it was started", async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, "tools/scenarios/check.ts"), "broken/oud-formaat.json"], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: join(ROOT, "tests/scenarios") },
    });
    expect(stdout.split("\n")[0]).toMatch(/^broken\/oud-formaat\.json:3:20 {2}schemaVersion {2}waarschuwing: /);
    expect(relative(ROOT, BROKEN_DIR)).toBe(join("tests", "scenarios", "broken"));
  });
});
