/**
 * scenarios/scenario.schema.json: up to date with the zod ScenarioSchema, draft-07, Dutch help on every field,
 * strict where zod is strict, referred to by every shipped scenario, and in agreement with zod on real files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ScenarioSchema } from "#shared/protocol/scenario.ts";
import { scenarioJsonSchemaText } from "../../tools/scenarios/jsonSchema.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA_FILE = join(ROOT, "scenarios/scenario.schema.json");
const committed = readFileSync(SCHEMA_FILE, "utf8");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is { [key: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);
const schema: unknown = JSON.parse(committed);
if (!isObject(schema)) throw new Error("scenario.schema.json is geen object");
const definitions = isObject(schema.definitions) ? schema.definitions : {};

/** Every subschema in the file, with where it stands. */
function* subschemas(node: Json, at: string): Generator<[string, { [key: string]: Json }]> {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* subschemas(child, `${at}[${i}]`);
    return;
  }
  if (!isObject(node)) return;
  yield [at, node];
  for (const [key, child] of Object.entries(node)) {
    if (key !== "examples" && key !== "default" && key !== "enum" && key !== "const") yield* subschemas(child, `${at}/${key}`);
  }
}

/**
 * A small draft-07 validator for the keywords the generated schema uses; enough to see that an editor will
 * accept what the server accepts. It throws on a keyword it does not know, so the schema cannot outgrow it unseen.
 */
const KNOWN_KEYWORDS = new Set([
  "$schema", "title", "description", "markdownDescription", "examples", "default", "definitions", "$ref", "type", "properties",
  "required", "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "format",
  "enum", "const", "oneOf", "anyOf", "minimum", "maximum", "uniqueItems",
]);

function validate(value: unknown, s: Json, errors: string[], at = ""): void {
  if (!isObject(s)) return;
  for (const key of Object.keys(s)) if (!KNOWN_KEYWORDS.has(key)) throw new Error(`onbekend keyword ${key} bij ${at}`);
  if (typeof s.$ref === "string") {
    const target = definitions[s.$ref.replace("#/definitions/", "")];
    if (target === undefined) throw new Error(`kapotte $ref ${s.$ref}`);
    validate(value, target, errors, at);
    return;
  }
  const fail = (why: string): void => {
    errors.push(`${at || "/"}: ${why}`);
  };
  const type = s.type;
  if (type === "object" && !isObject(value)) return fail("geen object");
  if (type === "array" && !Array.isArray(value)) return fail("geen lijst");
  if (type === "string" && typeof value !== "string") return fail("geen tekst");
  if (type === "number" && typeof value !== "number") return fail("geen getal");
  if (type === "integer" && !Number.isInteger(value)) return fail("geen geheel getal");
  if (s.const !== undefined && value !== s.const) fail(`niet ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === value)) fail("niet in enum");
  if (typeof value === "string") {
    if (typeof s.minLength === "number" && value.length < s.minLength) fail("te kort");
    if (typeof s.maxLength === "number" && value.length > s.maxLength) fail("te lang");
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) fail("patroon");
    if (s.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail("datum");
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) fail("te klein");
    if (typeof s.maximum === "number" && value > s.maximum) fail("te groot");
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) fail("te weinig elementen");
    if (typeof s.maxItems === "number" && value.length > s.maxItems) fail("te veel elementen");
    if (s.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size < value.length) fail("dubbele elementen");
    if (s.items !== undefined) value.forEach((item, i) => validate(item, s.items ?? null, errors, `${at}/${i}`));
  }
  if (isObject(value)) {
    const properties = isObject(s.properties) ? s.properties : {};
    for (const key of Array.isArray(s.required) ? s.required : []) if (typeof key === "string" && !(key in value)) fail(`${key} ontbreekt`);
    for (const [key, child] of Object.entries(value)) {
      const sub = properties[key];
      if (sub !== undefined) validate(child, sub, errors, `${at}/${key}`);
      else if (s.additionalProperties === false) fail(`onbekend veld ${key}`);
    }
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const options = s[keyword];
    if (!Array.isArray(options)) continue;
    const matching = options.filter((option) => {
      const sub: string[] = [];
      validate(value, option, sub, at);
      return sub.length === 0;
    }).length;
    if (keyword === "oneOf" ? matching !== 1 : matching === 0) fail(`${keyword}: ${matching} passen`);
  }
}

function shippedScenarios(): { name: string; text: string }[] {
  return readdirSync(join(ROOT, "scenarios"))
    .filter((name) => name.endsWith(".json") && name !== "scenario.schema.json")
    .sort()
    .map((name) => ({ name, text: readFileSync(join(ROOT, "scenarios", name), "utf8") }));
}

describe("scenarios/scenario.schema.json", () => {
  it("is up to date with the zod schema", () => {
    expect(committed, "scenarios/scenario.schema.json is verouderd: voer `npm run scenario:schema` uit en commit het resultaat").toBe(
      scenarioJsonSchemaText(),
    );
  });

  it("is draft-07, with named definitions for the parts of a scenario", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.title).toBe("Maatwerkspel-scenario");
    expect(Object.keys(definitions).sort()).toEqual(["Briefing", "Case", "Category", "Phase", "Prompt", "Round", "ToetsStep", "Variant", "Voting"]);
  });

  it("has additionalProperties: false on every object, as the zod objects are strict", () => {
    const objects = [...subschemas(schema, "#")].filter(([, s]) => s.type === "object");
    expect(objects.length).toBeGreaterThan(15);
    expect(objects.filter(([, s]) => s.additionalProperties !== false).map(([at]) => at)).toEqual([]);
  });

  it("has a Dutch description on every field, and examples on the texts and ids", () => {
    const fields = [...subschemas(schema, "#")].flatMap(([at, s]) => (isObject(s.properties) ? Object.entries(s.properties).map(([key, f]): [string, Json] => [`${at}/${key}`, f]) : []));
    const undescribed = fields.filter(([, f]) => isObject(f) && typeof f.description !== "string" && typeof f.$ref !== "string").map(([at]) => at);
    expect(undescribed).toEqual([]);
    const roles = isObject(schema.properties) && isObject(schema.properties.roles) ? schema.properties.roles : {};
    expect(roles.description).toBe("De zes spelrollen, elk met een eigen briefing. Alle zes zijn verplicht.");
    const caseProps = isObject(definitions.Case) && isObject(definitions.Case.properties) ? definitions.Case.properties : {};
    const situation = isObject(caseProps.situation) ? caseProps.situation : {};
    expect(situation.description).toMatch(/^De situatie, geanonimiseerd/);
    expect(situation.examples).toHaveLength(1);
    // Editors suggest the role names in factsPerRole.
    const facts = isObject(caseProps.factsPerRole) ? caseProps.factsPerRole : {};
    expect(Object.keys(isObject(facts.properties) ? facts.properties : {})).toEqual(["burger", "raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional"]);
  });

  it("accepts every shipped scenario, as zod does", () => {
    for (const { name, text } of shippedScenarios()) {
      const json: unknown = JSON.parse(text);
      const errors: string[] = [];
      validate(json, schema, errors);
      expect(errors, name).toEqual([]);
      expect(ScenarioSchema.safeParse(json).success, name).toBe(true);
    }
  });

  it("rejects what zod rejects in the broken corpus (the schema-level ones)", () => {
    const verdict = (name: string) => {
      const json: unknown = JSON.parse(readFileSync(join(ROOT, "tests/scenarios/broken", name), "utf8"));
      const errors: string[] = [];
      validate(json, schema, errors);
      return { schema: errors.length === 0, zod: ScenarioSchema.safeParse(json).success };
    };
    for (const name of ["budget-als-tekst.json", "onbekend-veld.json", "rol-zonder-briefing.json", "oud-formaat.json"]) {
      expect(verdict(name), name).toEqual({ schema: false, zod: false });
    }
    // Cross references and advice are the checker's; the schema lets these through, like zod.
    for (const name of ["onbekende-casus.json", "kernwaarden-niet-eerst.json", "persoonsgegevens.json"]) {
      expect(verdict(name), name).toEqual({ schema: true, zod: true });
    }
  });

  it("marks a case named twice in a casustoets in the editor (uniqueItems), which the checker reports as an error", () => {
    const demo = shippedScenarios().find((s) => s.name.includes("demo-maatwerk"));
    const json = JSON.parse(demo?.text ?? "{}") as { variants: { phases: { kind: string; caseIds?: string[] }[] }[] };
    const toets = json.variants[0]?.phases.find((p) => p.kind === "casustoets");
    toets?.caseIds?.push(toets.caseIds[0] ?? "");
    const errors: string[] = [];
    validate(json, schema, errors);
    // The phase matches none of the phase shapes once its caseIds hold a case twice (the shipped file passes above).
    expect(errors).toEqual(["/variants/0/phases/6: oneOf: 0 passen"]);
  });
});

describe("the shipped scenarios", () => {
  it('start with "$schema": "./scenario.schema.json"', () => {
    for (const { name, text } of shippedScenarios()) {
      const json: unknown = JSON.parse(text);
      expect(isObject(json) ? Object.entries(json)[0] : undefined, name).toEqual(["$schema", "./scenario.schema.json"]);
    }
  });
});
