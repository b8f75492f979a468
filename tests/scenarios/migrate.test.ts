/**
 * Scenario format versions: a version-0 file (phases at the top, "mode": "points") loads on the server and equals
 * its hand-written version-1 form; a version newer than the code knows is refused in Dutch; the checker reports
 * problems in a version-0 file at the place they have in that file.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkScenarioText } from "../../server/scenarios/check.ts";
import { loadScenarioDir, parseScenario, parseScenarioJson } from "../../server/scenarios/load.ts";
import { migrateScenario } from "../../server/scenarios/migrate.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const V0_FILE = join(ROOT, "tests/scenarios/broken/oud-formaat.json");
const DEMO_FILE = join(ROOT, "scenarios/demo-maatwerk.json");

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

async function readJson(file: string): Promise<Record<string, unknown>> {
  const json: unknown = JSON.parse(await readFile(file, "utf8"));
  if (!isObject(json)) throw new Error(`${file} is geen object`);
  return json;
}

/**
 * oud-formaat.json in version 1, written out by hand: the demo (whose other parts the file copies) with its own id,
 * points voting spelled "punten", and the file's top-level phases as the one variant "standaard".
 */
async function handWrittenV1(): Promise<Record<string, unknown>> {
  const { variants: _demoVariants, ...demo } = await readJson(DEMO_FILE);
  // The old file predates "afloop" (what really happened), which the demo's cases have since: it is left out here.
  const cases = Array.isArray(demo.cases) ? demo.cases.map((c: unknown) => (isObject(c) ? Object.fromEntries(Object.entries(c).filter(([key]) => key !== "afloop")) : c)) : demo.cases;
  return {
    ...demo,
    cases,
    schemaVersion: 1,
    id: "oud-formaat",
    voting: { mode: "punten", budget: 10, maxPerItem: 4 },
    variants: [
      {
        id: "standaard",
        title: "Standaard",
        phases: [
          { kind: "lobby" },
          { kind: "beeldvorming", minutes: 20 },
          { kind: "rolwissel", roundId: "ronde1", minutes: 25 },
          { kind: "rolwissel", roundId: "ronde2", minutes: 25 },
          { kind: "samenvoegen", minutes: 40 },
          { kind: "prioriteren", minutes: 15 },
          { kind: "casustoets", caseIds: ["mantelzorg", "achttien"], minutes: 60 },
          { kind: "resultaat" },
        ],
      },
    ],
  };
}

describe("version 0 → version 1", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("the file really is version 0", async () => {
    const v0 = await readJson(V0_FILE);
    expect(v0.schemaVersion).toBe(0);
    expect("variants" in v0).toBe(false);
    expect(Array.isArray(v0.phases)).toBe(true);
    expect(v0.voting).toEqual({ mode: "points", budget: 10, maxPerItem: 4 });
  });

  it("migrates to exactly the hand-written version-1 form", async () => {
    const migration = migrateScenario(await readJson(V0_FILE));
    expect(migration.ok).toBe(true);
    if (!migration.ok) return;
    expect(migration.migratedFrom).toBe(0);
    expect(migration.value).toEqual(await handWrittenV1());
  });

  it("loads on the server as the same scenario as its version-1 form", async () => {
    dir = await mkdtemp(join(tmpdir(), "maatwerk-migratie-"));
    await copyFile(V0_FILE, join(dir, "oud-formaat.json"));
    const { scenarios, errors } = await loadScenarioDir(dir);
    expect(errors).toEqual([]);
    const expected = parseScenario(await handWrittenV1());
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    expect(scenarios.get("oud-formaat")).toEqual(expected.scenario);
  });

  it("leaves a version-1 scenario alone", async () => {
    const demo = await readJson(DEMO_FILE);
    const migration = migrateScenario(demo);
    expect(migration.ok && migration.value).toBe(demo);
    expect(migration.ok && migration.migratedFrom).toBeUndefined();
  });

  it("only renames points voting in version 0; in version 1 it is an error", async () => {
    const demo = await readJson(DEMO_FILE);
    const result = parseScenarioJson({ ...demo, voting: { mode: "points", budget: 10 } });
    expect(result.ok).toBe(false);
  });

  it("refuses a version-0 file with variants, or without phases", async () => {
    const v0 = await readJson(V0_FILE);
    expect(migrateScenario({ ...v0, variants: [] })).toEqual({
      ok: false,
      problems: [
        {
          path: ["variants"],
          message:
            'Dit scenario zegt "schemaVersion": 0, maar heeft "variants", en die bestaan pas sinds versie 1. Zet "schemaVersion": 1, of zet in het oude formaat de fasen in "phases".',
        },
      ],
    });
    const { phases: _phases, ...withoutPhases } = v0;
    expect(migrateScenario(withoutPhases)).toEqual({
      ok: false,
      problems: [
        {
          path: [],
          message:
            'In een scenario met "schemaVersion": 0 staan de fasen in "phases", maar dat veld ontbreekt. Voeg "phases": [ … ] toe, met als eerste fase { "kind": "lobby" } en als laatste { "kind": "resultaat" }.',
        },
      ],
    });
  });
});

describe("a version newer than this code knows", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const FUTURE =
    "Dit scenario heeft schemaVersion 2, een nieuwer formaat dan deze versie van Maatwerkspel kent (die leest tot en met versie 1). " +
    'Werk Maatwerkspel bij, of schrijf het scenario in versie 1 met "schemaVersion": 1.';

  it("is refused by the server, in Dutch, without taking the other scenarios down", async () => {
    dir = await mkdtemp(join(tmpdir(), "maatwerk-migratie-"));
    const demo = await readJson(DEMO_FILE);
    await writeFile(join(dir, "nieuw.json"), JSON.stringify({ ...demo, id: "nieuw", schemaVersion: 2 }));
    await copyFile(DEMO_FILE, join(dir, "demo.json"));
    const { scenarios, errors } = await loadScenarioDir(dir);
    expect([...scenarios.keys()]).toEqual(["demo-maatwerk"]);
    // The server reads the file with the checker: the same message, at the place of the value (one line of JSON).
    const text = JSON.stringify({ ...demo, id: "nieuw", schemaVersion: 2 });
    const column = text.indexOf('"schemaVersion":2') + '"schemaVersion":'.length + 1;
    expect(errors).toEqual([{ file: join(dir, "nieuw.json"), problems: [{ severity: "fout", offset: column - 1, line: 1, column, path: "schemaVersion", message: FUTURE }] }]);
  });

  it("is an error in the checker, at schemaVersion", async () => {
    const text = (await readFile(DEMO_FILE, "utf8")).replace('"schemaVersion": 1', '"schemaVersion": 2');
    expect(checkScenarioText(text).problems.map((p) => `${p.line}:${p.column}  ${p.path}  ${p.severity}: ${p.message}`)).toEqual([
      `3:20  schemaVersion  fout: ${FUTURE}`,
    ]);
  });
});

describe("the checker on a version-0 file", () => {
  it("reports a problem in the phases where it stands in the file, not where the migration put it", async () => {
    const text = (await readFile(V0_FILE, "utf8")).replace('"roundId": "ronde2"', '"roundId": "ronde9"').replace('{ "kind": "samenvoegen", "minutes": 40 }', '{ "kind": "samenvoegen", "minutes": 400 }');
    const problems = checkScenarioText(text).problems;
    const lines = text.split("\n");
    expect(problems.map((p) => `${p.path}  ${p.severity}: ${p.message}`)).toEqual([
      expect.stringMatching(/^schemaVersion {2}waarschuwing: Dit scenario heeft het oude formaat \(versie 0\)\./),
      'phases[3].roundId  fout: Variant "standaard", fase 4 (rolwissel) verwijst naar ronde "ronde9", maar die ronde bestaat niet in `rounds`. Kies een van "ronde1", "ronde2", of voeg een ronde met deze id toe.',
      "phases[4].minutes  waarschuwing: Deze fase (samenvoegen) duurt 400 minuten, langer dan twee uur. Klopt dat? Geef één fase hoogstens 120 minuten, of verdeel het werk over meer fasen.",
    ]);
    const at = (i: number, length: number) => {
      const p = problems[i]!;
      return (lines[p.line - 1] ?? "").slice(p.column - 1, p.column - 1 + length);
    };
    expect(at(1, 8)).toBe('"ronde9"');
    expect(at(2, 3)).toBe("400");
  });
});
