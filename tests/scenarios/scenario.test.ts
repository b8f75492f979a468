import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { loadScenarioDir, parseScenario } from "../../server/scenarios/load.ts";
import { scenarioProblems } from "../../server/scenarios/rules.ts";

const SCENARIO_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));
const DEMO_FILE = join(SCENARIO_DIR, "demo-maatwerk.json");

async function demoJson(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(DEMO_FILE, "utf8")) as Record<string, unknown>;
}

async function demo(): Promise<Scenario> {
  const result = parseScenario(await demoJson());
  if (!result.ok) throw new Error(`demo scenario is ongeldig:\n${result.problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("\n")}`);
  return result.scenario;
}

/** A deep copy of the demo, changed by `edit`; the problems scenarioProblems finds in it. */
async function problemsAfter(edit: (s: Scenario) => void) {
  const s = structuredClone(await demo());
  edit(s);
  return scenarioProblems(s);
}

/** The legal references DOMAIN.md section 4 lists, in the spelling scenarios must use. */
const DOMAIN_LAWS = new Set([
  "Wmo 2015 art. 2.3.2",
  "Wmo 2015 art. 2.3.2 lid 4",
  "Wmo 2015 art. 2.3.5 lid 3",
  "Jeugdwet art. 2.3 lid 1",
  "Participatiewet art. 8a",
  "Participatiewet art. 10",
  "Participatiewet art. 18 lid 1",
  "Participatiewet art. 22a",
  "Participatiewet art. 35",
  "Participatiewet art. 58",
  "Awb art. 3:4 lid 2",
  "Awb art. 4:84",
  "VN-verdrag Handicap art. 19",
]);

describe("demo scenario", () => {
  it("parses with no problems", async () => {
    const result = parseScenario(await demoJson());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("has what the training needs", async () => {
    const s = await demo();
    expect(s.id).toBe("demo-maatwerk");
    expect(s.rolePriority).toEqual(["burger", "wijkteamprofessional", "wethouder", "beleidsambtenaar", "raadslid", "directeur"]);
    expect(s.categories.map((c) => c.id)).toEqual([
      "kernwaarden", "doelen", "mandaat", "budget", "rechtmatigheid", "werkproces", "escalatie", "leren", "bejegening", "ruggensteun",
    ]);
    expect(Object.fromEntries(s.categories.map((c) => [c.id, c.perspectief]))).toEqual({
      kernwaarden: "normen", bejegening: "normen", doelen: "doelen", leren: "resultaten",
      mandaat: "ondersteuning", budget: "ondersteuning", rechtmatigheid: "ondersteuning",
      werkproces: "ondersteuning", escalatie: "ondersteuning", ruggensteun: "ondersteuning",
    });
    expect(s.beeldvorming.prompts.map((p) => p.text)).toEqual(["Maatwerk is…", "Maatwerk is niet…", "Wat houdt mij tegen?"]);
    expect(s.omgekeerdeToets.map((t) => t.id)).toEqual(["effect", "impact", "bedoeling", "ethiek", "wet"]);
    expect(s.voting).toEqual({ mode: "punten", budget: 10, maxPerItem: 4 });
    expect(s.variants.map((v) => v.id)).toEqual(["dag", "kort", "tafels"]);
    for (const role of GAME_ROLES) {
      const b = s.roles[role];
      expect(b.concerns.length, role).toBeGreaterThanOrEqual(3);
      expect(b.concerns.length, role).toBeLessThanOrEqual(4);
      expect(b.pressure.length, role).toBeGreaterThanOrEqual(2);
      expect(b.pressure.length, role).toBeLessThanOrEqual(3);
      expect(b.privateFacts.length, role).toBeGreaterThanOrEqual(2);
      expect(b.privateFacts.length, role).toBeLessThanOrEqual(3);
    }
  });

  it("has dated cases with DOMAIN.md law references and facts for at least four roles", async () => {
    const s = await demo();
    expect(s.cases.length).toBeGreaterThanOrEqual(3);
    for (const c of s.cases) {
      expect(c.date, c.id).toMatch(/^2026-/);
      expect(Object.keys(c.factsPerRole).length, c.id).toBeGreaterThanOrEqual(4);
      for (const law of c.laws) expect(DOMAIN_LAWS.has(law), `${c.id}: ${law}`).toBe(true);
      // No personal data: no postcode, e-mail, phone number or date in the situation.
      expect(c.situation, c.id).not.toMatch(/\b\d{4}\s?[A-Z]{2}\b|@|\b0\d{9}\b|\b\d{1,2}-\d{1,2}-\d{4}\b/);
    }
  });
});

describe("scenarioProblems", () => {
  it("finds nothing in the demo", async () => {
    expect(scenarioProblems(await demo())).toEqual([]);
  });

  it("reports a duplicate case id", async () => {
    const problems = await problemsAfter((s) => {
      s.cases.push({ ...s.cases[0]!, title: "Nog een fiets" });
    });
    expect(problems).toEqual([
      {
        path: ["cases", 4, "id"],
        message:
          'De id "ebike" komt twee keer voor in `cases` (plek 1 en plek 5). Elke casus heeft een eigen id nodig: geef deze casus een andere id, of verwijder de dubbele.',
      },
    ]);
  });

  it.each([
    ["categories", (s: Scenario): void => void (s.categories[2]!.id = "doelen"), ["categories", 2, "id"], "categorie"],
    ["rounds", (s: Scenario): void => void (s.rounds[1]!.id = "ronde1"), ["rounds", 1, "id"], "ronde"],
    ["beeldvorming.prompts", (s: Scenario): void => void (s.beeldvorming.prompts[2]!.id = "wel"), ["beeldvorming", "prompts", 2, "id"], "beeldvormingsvraag"],
    ["omgekeerdeToets", (s: Scenario): void => void (s.omgekeerdeToets[4]!.id = "effect"), ["omgekeerdeToets", 4, "id"], "toetsstap"],
    ["variants", (s: Scenario): void => void (s.variants[1]!.id = "dag"), ["variants", 1, "id"], "variant"],
  ] as const)("reports a duplicate id in %s", async (list, edit, path, one) => {
    const problems = await problemsAfter(edit);
    // Changing a round or variant id can break references too; the duplicate is what this test is about.
    const dup = problems.filter((p) => p.message.includes("komt twee keer voor"));
    expect(dup).toHaveLength(1);
    expect(dup[0]!.path).toEqual(path);
    expect(dup[0]!.message).toContain(`in \`${list}\``);
    expect(dup[0]!.message).toContain(`Elke ${one} heeft een eigen id nodig`);
  });

  it("reports kernwaarden not first", async () => {
    const problems = await problemsAfter((s) => {
      s.categories.reverse();
    });
    expect(problems).toEqual([
      {
        path: ["categories", 0, "id"],
        message:
          'De eerste categorie moet `kernwaarden` zijn, maar dat is nu "ruggensteun"; `kernwaarden` staat op plek 10. Zet de categorie `kernwaarden` vooraan in `categories`: maatwerk begint bij de bedoeling.',
      },
    ]);
  });

  it("reports a missing kernwaarden category", async () => {
    const problems = await problemsAfter((s) => {
      s.categories.shift();
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      'De eerste categorie moet `kernwaarden` zijn, maar dat is nu "doelen" en `kernwaarden` ontbreekt. Voeg vooraan in `categories` een categorie met id "kernwaarden" toe: maatwerk begint bij de bedoeling.',
    );
  });

  it("reports a role listed twice in rolePriority", async () => {
    const problems = await problemsAfter((s) => {
      s.rolePriority[5] = "burger";
    });
    expect(problems).toEqual([
      {
        path: ["rolePriority", 5],
        message:
          'De rol "burger" staat twee keer in `rolePriority`. Noem alle zes rollen precies één keer; nu ontbreekt "directeur". Vervang de dubbele door de ontbrekende rol.',
      },
    ]);
  });

  it("reports a dangling round caseId", async () => {
    const problems = await problemsAfter((s) => {
      s.rounds[0]!.caseId = "fiets";
    });
    expect(problems).toEqual([
      {
        path: ["rounds", 0, "caseId"],
        message:
          'Ronde "ronde1" verwijst naar casus "fiets", maar die casus bestaat niet in `cases`. Kies een van "ebike", "kilometerbudget", "mantelzorg", "achttien", of voeg een casus met deze id toe.',
      },
    ]);
  });

  it("guesses the case a reference meant when letters are off (a typo, other capitals), not another number", async () => {
    const problems = await problemsAfter((s) => {
      s.rounds[0]!.caseId = "ebik";
      s.rounds[1]!.caseId = "Mantelzorg";
    });
    expect(problems.map((p) => p.message)).toEqual([
      'Ronde "ronde1" verwijst naar casus "ebik", maar die casus bestaat niet in `cases`. Bedoel je "ebike"? Kies een van "ebike", "kilometerbudget", "mantelzorg", "achttien", of voeg een casus met deze id toe.',
      'Ronde "ronde2" verwijst naar casus "Mantelzorg", maar die casus bestaat niet in `cases`. Bedoel je "mantelzorg"? Kies een van "ebike", "kilometerbudget", "mantelzorg", "achttien", of voeg een casus met deze id toe.',
    ]);
  });

  it("reports a phase with an unknown round", async () => {
    const problems = await problemsAfter((s) => {
      const phase = s.variants[0]!.phases[3]!;
      if (phase.kind !== "rolwissel") throw new Error("fase 4 van dag is geen rolwissel");
      phase.roundId = "ronde3";
    });
    expect(problems).toEqual([
      {
        path: ["variants", 0, "phases", 3, "roundId"],
        message:
          'Variant "dag", fase 4 (rolwissel) verwijst naar ronde "ronde3", maar die ronde bestaat niet in `rounds`. Kies een van "ronde1", "ronde2", of voeg een ronde met deze id toe.',
      },
    ]);
  });

  it("reports a casustoets with an unknown case", async () => {
    const problems = await problemsAfter((s) => {
      const phase = s.variants[1]!.phases[4]!;
      if (phase.kind !== "casustoets") throw new Error("fase 5 van kort is geen casustoets");
      phase.caseIds.push("huishoudelijke-hulp");
    });
    expect(problems).toEqual([
      {
        path: ["variants", 1, "phases", 4, "caseIds", 1],
        message:
          'Variant "kort", fase 5 (casustoets) noemt casus "huishoudelijke-hulp", maar die casus bestaat niet in `cases`. Kies een van "ebike", "kilometerbudget", "mantelzorg", "achttien", of voeg een casus met deze id toe.',
      },
    ]);
  });

  it("reports a round played twice and a case tested twice in one variant", async () => {
    const problems = await problemsAfter((s) => {
      const phases = s.variants[0]!.phases;
      const secondRound = phases[3]!;
      const toets = phases[6]!;
      if (secondRound.kind !== "rolwissel" || toets.kind !== "casustoets") throw new Error("dag is niet meer zoals verwacht");
      secondRound.roundId = "ronde1";
      toets.caseIds.push("mantelzorg");
      phases.splice(7, 0, { kind: "casustoets", caseIds: ["achttien"], minutes: 20 });
    });
    expect(problems).toEqual([
      {
        path: ["variants", 0, "phases", 3, "roundId"],
        message:
          'Variant "dag", fase 4 (rolwissel) speelt ronde "ronde1" nog een keer; die ronde is al fase 3. Een ronde wordt één keer gespeeld: kies hier een andere ronde, of maak in `rounds` een nieuwe ronde met een eigen id.',
      },
      {
        path: ["variants", 0, "phases", 6, "caseIds", 2],
        message:
          'Variant "dag", fase 7 (casustoets) noemt casus "mantelzorg" twee keer. Een casus wordt één keer getoetst: haal de dubbele weg. (Met meer tafels dan casussen krijgen de tafels de casussen vanzelf om de beurt.)',
      },
      {
        path: ["variants", 0, "phases", 7, "caseIds", 0],
        message:
          'Variant "dag", fase 8 (casustoets) noemt casus "achttien" nog een keer; die casus wordt al getoetst in fase 7. Een casus wordt één keer getoetst: haal de dubbele weg. (Met meer tafels dan casussen krijgen de tafels de casussen vanzelf om de beurt.)',
      },
    ]);
  });

  it("reports a variant not starting with lobby", async () => {
    const problems = await problemsAfter((s) => {
      s.variants[1]!.phases.shift();
    });
    expect(problems).toEqual([
      {
        path: ["variants", 1, "phases", 0, "kind"],
        message: 'Variant "kort" begint met de fase "rolwissel". Elke variant begint met de lobby: zet { "kind": "lobby" } als eerste fase.',
      },
    ]);
  });

  it("reports a variant not ending with resultaat", async () => {
    const problems = await problemsAfter((s) => {
      s.variants[1]!.phases.pop();
    });
    expect(problems).toEqual([
      {
        path: ["variants", 1, "phases", 4, "kind"],
        message: 'Variant "kort" eindigt met de fase "casustoets". Elke variant eindigt met het resultaat: zet { "kind": "resultaat" } als laatste fase.',
      },
    ]);
  });

  it("reports a second lobby and a second resultaat", async () => {
    const problems = await problemsAfter((s) => {
      s.variants[1]!.phases.splice(2, 0, { kind: "lobby" }, { kind: "resultaat" });
    });
    expect(problems).toEqual([
      {
        path: ["variants", 1, "phases", 2, "kind"],
        message: 'Variant "kort" heeft meer dan één fase "lobby"; fase 3 is er één te veel. De lobby hoort er één keer in te staan, als eerste fase: verwijder de extra fase.',
      },
      {
        path: ["variants", 1, "phases", 3, "kind"],
        message:
          'Variant "kort" heeft meer dan één fase "resultaat"; fase 4 is er één te veel. Het resultaat hoort er één keer in te staan, als laatste fase: verwijder de extra fase.',
      },
    ]);
  });

  it("reports maxPerItem above the budget", async () => {
    const problems = await problemsAfter((s) => {
      s.voting = { mode: "punten", budget: 5, maxPerItem: 8 };
    });
    expect(problems).toEqual([
      {
        path: ["voting", "maxPerItem"],
        message: "`maxPerItem` (8) is groter dan het puntenbudget (5): zoveel punten heeft niemand. Maak `maxPerItem` hoogstens 5, of verhoog `budget`.",
      },
    ]);
  });
});

describe("parseScenario", () => {
  it("reports a fact for an unknown role (factsPerRole keys are game roles)", async () => {
    const json = await demoJson();
    const cases = json.cases as { factsPerRole: Record<string, string[]> }[];
    cases[0]!.factsPerRole.teamleider = ["Je hebt hier een mening over."];
    const result = parseScenario(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: ["cases", 0, "factsPerRole"],
        message:
          'Bij cases[0] ("ebike").factsPerRole: is geen spelrol: "teamleider". Gebruik als sleutel een van "burger", "raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional".',
      },
    ]);
  });

  it("names the place and the fix for schema errors, in Dutch", async () => {
    const json = await demoJson();
    json.schemaVersion = 2;
    json.extra = true;
    (json.cases as Record<string, unknown>[])[1]!.date = "12-10-2026";
    (json.categories as Record<string, unknown>[])[3]!.name = "";
    delete (json.roles as Record<string, Record<string, unknown>>).burger!.summary;
    ((json.variants as Record<string, unknown>[])[0]!.phases as Record<string, unknown>[])[1]!.kind = "opwarmen";
    const result = parseScenario(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path.join("."), p.message]));
    expect(byPath).toEqual({
      "": 'In het scenario: onbekend veld "extra". Controleer de spelling of haal het weg; welke velden hier mogen, staat in scenario.schema.json.',
      schemaVersion: 'Bij schemaVersion: dit scenarioformaat heeft versie 1: zet "schemaVersion": 1.',
      "roles.burger.summary": "Bij roles.burger.summary: dit veld ontbreekt; vul het in.",
      "categories.3.name": 'Bij categories[3] ("budget").name: mag niet leeg zijn.',
      "cases.1.date": 'Bij cases[1] ("kilometerbudget").date: is geen geldige datum: schrijf hem als JJJJ-MM-DD, bijvoorbeeld "2026-03-16" (nu de tekst "12-10-2026").',
      "variants.0.phases.1.kind":
        'Bij variants[0] ("dag").phases[1].kind: onbekende soort: er staat de tekst "opwarmen". Kies voor "kind" een van "lobby", "beeldvorming", "rolwissel", "samenvoegen", "plenair", "prioriteren", "casustoets", "resultaat".',
    });
  });

  it("reports rule problems after a valid schema", async () => {
    const json = await demoJson();
    (json.rounds as Record<string, unknown>[])[1]!.caseId = "onbekend";
    const result = parseScenario(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([["rounds", 1, "caseId"]]);
  });

  it("rejects something that is not an object", () => {
    const result = parseScenario([1, 2]);
    expect(result).toEqual({ ok: false, problems: [{ path: [], message: "In het scenario: hier hoort een object { … }, maar er staat een lijst." }] });
  });
});

describe("loadScenarioDir", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("loads the shipped scenarios without errors", async () => {
    const { scenarios, errors } = await loadScenarioDir(SCENARIO_DIR);
    expect(errors).toEqual([]);
    expect(scenarios.get("demo-maatwerk")?.title).toBe("Maatwerk in de wijk: wie bepaalt wat past?");
  });

  it("reports broken files without throwing and keeps the good ones", async () => {
    dir = await mkdtemp(join(tmpdir(), "maatwerk-scenarios-"));
    const good = await demoJson();
    await writeFile(join(dir, "goed.json"), JSON.stringify(good));
    await writeFile(join(dir, "kapot.json"), '{ "schemaVersion": 1, "id": ');
    await writeFile(join(dir, "dubbel.json"), JSON.stringify(good));
    // A broken copy with the same id, sorting first: skipped for its own error, it does not take the id.
    await writeFile(join(dir, "a-kopie.json"), JSON.stringify({ ...good, voting: { mode: "punten", budget: "tien" } }));
    const bad = structuredClone(good);
    bad.id = "fout";
    (bad.rounds as Record<string, unknown>[])[0]!.caseId = "fiets";
    await writeFile(join(dir, "fout.json"), JSON.stringify(bad));
    await writeFile(join(dir, "scenario.schema.json"), JSON.stringify({ type: "object" }));
    await writeFile(join(dir, "notities.txt"), "geen scenario");

    const { scenarios, errors } = await loadScenarioDir(dir);
    expect([...scenarios.keys()]).toEqual(["demo-maatwerk"]);
    const byFile = Object.fromEntries(errors.map((e) => [e.file.slice(dir!.length + 1), e.problems]));
    expect(Object.keys(byFile).sort()).toEqual(["a-kopie.json", "fout.json", "goed.json", "kapot.json"]);
    expect(byFile["a-kopie.json"]!.map((p) => p.path)).toEqual(["voting.budget"]);
    // "dubbel.json" sorts first, so it is the one that got the id; the later file with the same id is reported.
    // The server reads files with the checker: its messages, with line, column and path.
    expect(byFile["goed.json"]).toEqual([
      {
        severity: "fout",
        offset: JSON.stringify(good).indexOf('"demo-maatwerk"'),
        line: 1,
        column: JSON.stringify(good).indexOf('"demo-maatwerk"') + 1,
        path: "id",
        message: `Het scenario-id "demo-maatwerk" wordt al gebruikt door ${join(dir, "dubbel.json")}. Geef dit scenario een eigen id.`,
      },
    ]);
    expect(byFile["kapot.json"]!.map((p) => `${p.line}:${p.column}  ${p.severity}: ${p.message}`)).toEqual([
      "1:29  fout: Hier ontbreekt een waarde: een tekst tussen dubbele aanhalingstekens, een getal, een lijst [ … ] of een object { … }. Het bestand houdt hier op: is het afgebroken?",
    ]);
    expect(byFile["fout.json"]!.map((p) => p.path)).toEqual(["rounds[0].caseId"]);
  });

  it("reports a missing directory without throwing", async () => {
    const missing = join(tmpdir(), "bestaat-niet-maatwerk-scenarios");
    const { scenarios, errors } = await loadScenarioDir(missing);
    expect(scenarios.size).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(missing);
    expect(errors[0]!.problems[0]!.message).toMatch(/^De map met scenario's kon niet worden gelezen: /);
  });
});
