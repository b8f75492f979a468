/**
 * The scenario checker's core: everything `npm run scenario:check` reports about a scenario file, each problem
 * with its line, column and path and a Dutch message that says how to fix it. Pure, no process I/O: the CLI
 * (cli/check.ts) reads files and prints, the tests call this directly.
 *
 * Per file, in this order, and all problems at once:
 *   0. the encoding: a file saved as UTF-16 is one error and nothing more; characters that are not UTF-8 (a file saved
 *      as ANSI) are one error at the first of them, and the rest is still checked.
 *   1. syntax (jsonc-parser): a missing or extra comma, a comment, an unclosed string … After a comma or a comment
 *      the rest is still checked; after a worse syntax error only the syntax errors are reported, because what
 *      the parser made of the rest is a guess.
 *   2. the format version: an older one is migrated (migrate.ts) with a warning, a newer one is an error.
 *   3. the zod ScenarioSchema, each issue at its JSON node (an unknown field at its name, with the nearest known
 *      name as a suggestion; a missing field at the object it belongs in).
 *   4. the cross-reference rules (rules.ts) on every part of the scenario that passed the schema.
 *   5. the checker's own advice: timers, the points budget, the order of De Omgekeerde Toets (an error: the order is
 *      the method), the way `laws` are written, cases no variant uses, `$schema`, a field written twice, and personal
 *      data in every free text of the scenario (warnings, at the exact place in the text, unless confirmed in
 *      `notPersonalData`).
 */
import { findNodeAtOffset, getNodePath, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { z } from "zod";
import { describePersonalData, findPersonalData } from "#shared/personalData.ts";
import { GAME_ROLES, IdSchema, type GameRole } from "#shared/protocol/ids.ts";
import { ROLE_NAMES } from "#shared/strings/index.ts";
import { PhaseSchema, SCENARIO_SCHEMA_VERSION, ScenarioSchema } from "#shared/protocol/scenario.ts";
import { formatPath, keyNodeAt, LineIndex, locate, offsetInString, type JsonPath } from "./locate.ts";
import { migrateScenario, V0_UPGRADE_HINT } from "./migrate.ts";
import { CONFIRMATION_FIELD, isFreeTextPath } from "./privacy.ts";
import { nearestName } from "./names.ts";
import { phaseOrderAdvice } from "./phaseOrder.ts";
import { ruleProblems, type RuleInput } from "./rules.ts";

export { editDistance, nearestName } from "./names.ts";

export type Severity = "fout" | "waarschuwing";

export interface CheckProblem {
  severity: Severity;
  /** Offset in the file (after a byte order mark), for sorting. */
  offset: number;
  line: number;
  column: number;
  /** Where in the scenario, e.g. `cases[2].situation`; `(scenario)` for the whole file. */
  path: string;
  /** Dutch, one or more full sentences, saying what is wrong and how to fix it. */
  message: string;
}

export interface FileCheck {
  file: string;
  problems: CheckProblem[];
}

/** The value of `$schema` every scenario in scenarios/ starts with. */
export const SCHEMA_REFERENCE = "./scenario.schema.json";

/** Timers and budgets outside these bounds get a warning. */
export const ADVICE = {
  maxPhaseMinutes: 120,
  minRolwisselMinutes: 5,
  minBudget: 3,
  maxBudget: 30,
  toetsSteps: 5,
  lastToetsStep: "wet",
} as const;

/** The steps of De Omgekeerde Toets in the order that is the method, with how the messages name them. */
export const TOETS_ORDER = [
  { id: "effect", name: "het effect voor de inwoner" },
  { id: "impact", name: "de impact" },
  { id: "bedoeling", name: "de bedoeling van de wet" },
  { id: "ethiek", name: "de ethiek" },
  { id: "wet", name: "de wet zelf" },
] as const;

const ORDINALS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"];
/** 0 → "eerste", 11 → "12e". */
const ordinal = (index: number): string => ORDINALS[index] ?? `${index + 1}e`;

/**
 * The fixed way of writing a `laws` entry that the guide promises: `<wet> art. <artikel>`, optionally `lid <n>` and
 * `onder <letter>` / `sub <letter>` (`"Wmo 2015 art. 2.3.5 lid 3"`, `"Awb art. 4:84"`), or a ruling with its ECLI number.
 */
const LAW_ENTRY = /^(?!.*\bart\..*\bart\.)\S.*? art\. \d+(?:[.:]\d+)*[a-z]{0,2}(?: lid \d+[a-z]?)?(?: (?:onder|sub) [a-z0-9]{1,3}\.?)?$/u;
const RULING = /ECLI:[A-Z]{2}:[A-Z0-9]+:\d{4}:[A-Z0-9.]+/u;
const LID_WORDS: Record<string, number> = { eerste: 1, tweede: 2, derde: 3, vierde: 4, vijfde: 5, zesde: 6, zevende: 7, achtste: 8, negende: 9, tiende: 10 };
/** Short names trainers write, as the guide writes them. */
const LAW_NAMES: Record<string, string> = { wmo: "Wmo 2015", "wmo 2015": "Wmo 2015", pw: "Participatiewet", participatiewet: "Participatiewet", jw: "Jeugdwet", jeugdwet: "Jeugdwet", awb: "Awb" };

const ARTICLE_NUMBER = /(?<![\p{L}\d])(\d+(?:[.:]\d+)*[a-z]{0,2})(?![\p{L}\d])/gu;
/** "2015" in "Wmo 2015": a year after a word is part of the law's name, not its article. */
const isYearOfName = (entry: string, at: number, number: string): boolean => /^(?:19|20)\d\d$/.test(number) && /\p{L}\s$/u.test(entry.slice(0, at));

/** The number of the article in an entry: the one after "art." or "artikel", else the first that is not a year of a name. */
function articleIn(entry: string): { index: number; text: string } | undefined {
  const numbers = [...entry.matchAll(ARTICLE_NUMBER)].map((m) => ({ index: m.index, text: m[1] ?? "" }));
  const afterArt = numbers.find((n) => /\b(?:artikel|art)\.?\s*$/iu.test(entry.slice(0, n.index)));
  return afterArt ?? numbers.find((n) => !isYearOfName(entry, n.index, n.text));
}

/**
 * The entry written the fixed way, as far as its parts can be told apart: "artikel 2.3.6 tweede lid Wmo" → the law
 * "Wmo 2015" and "art. 2.3.6 lid 2"; "Wmo 2015" → the law only; "art. 12" → the article only.
 */
function lawSuggestion(entry: string): { law?: string; article?: string } {
  const article = articleIn(entry);
  let rest = article === undefined ? entry : entry.slice(0, article.index) + " " + entry.slice(article.index + article.text.length);
  let lid: number | undefined;
  const lidWord = /\b(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende) lid\b/iu.exec(rest);
  const lidNumber = /\blid (\d+)\b/iu.exec(rest);
  if (lidWord !== null) {
    lid = LID_WORDS[lidWord[1]?.toLowerCase() ?? ""];
    rest = rest.replace(lidWord[0], " ");
  } else if (lidNumber !== null) {
    lid = Number(lidNumber[1]);
    rest = rest.replace(lidNumber[0], " ");
  }
  const law = rest
    .replace(/\b(?:artikel|artikelen|art)\b\.?/giu, " ")
    .replace(/[,()]/g, " ")
    .replace(/\b(?:van de|van|uit de|uit)\b/giu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const name = lawName(law);
  return {
    ...(name === undefined ? {} : { law: name }),
    ...(article === undefined ? {} : { article: `art. ${article.text}${lid === undefined ? "" : ` lid ${lid}`}` }),
  };
}

/** A law's name as the guide writes it: a short name it knows, or a name with a capital ("Wet …"); "zie boven" is none. */
const lawName = (text: string): string | undefined => LAW_NAMES[text.toLowerCase()] ?? (/^\p{Lu}/u.test(text) ? text : undefined);

/** What to write instead of a law entry that is not in the fixed way. */
function lawAdvice(entry: string): string {
  const { law, article } = lawSuggestion(entry);
  if (law === undefined && article === undefined) return "Schrijf het artikel zo.";
  if (law === undefined) return `Zet de naam van de wet ervoor: ${quote(`<wet> ${article}`)}, zoals ${quote(`Wmo 2015 ${article}`)}.`;
  if (article === undefined) return `Noem ook het artikel: ${quote(`${law} art. `)} met het nummer van het artikel erachter.`;
  return `Schrijf bijvoorbeeld ${quote(`${law} ${article}`)}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

type Key = string | number;
const quote = (v: unknown): string => JSON.stringify(v);
const orList = (values: readonly unknown[]): string => {
  const quoted = values.map(quote);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} of ${quoted[quoted.length - 1]}`;
};
const andList = (values: readonly unknown[]): string => {
  const quoted = values.map(quote);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} en ${quoted[quoted.length - 1]}`;
};
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function describeValue(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "een lijst";
  switch (typeof input) {
    case "string":
      return input === "" ? "een lege tekst" : `de tekst ${quote(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
    case "number":
      return `het getal ${input}`;
    case "boolean":
      return String(input);
    case "object":
      return "een object";
    default:
      return "niets";
  }
}

/** The value at `path` inside a parsed JSON value, and whether it is there at all. */
function valueAt(root: unknown, path: JsonPath): { found: boolean; value: unknown } {
  let value = root;
  for (const key of path) {
    if (typeof key === "number" && Array.isArray(value) && key < value.length) value = value[key];
    else if (typeof key === "string" && isRecord(value) && Object.hasOwn(value, key)) value = value[key];
    else return { found: false, value: undefined };
  }
  return { found: true, value };
}

// ---------------------------------------------------------------------------------------------------------------
// The zod schema at a path
// ---------------------------------------------------------------------------------------------------------------

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current.unwrap();
  return current;
}

/** The object schemas a discriminated union can be. */
function unionOptions(schema: AnySchema): z.ZodObject[] {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return [];
  return schema.options.filter((option): option is z.ZodObject => option instanceof z.ZodObject);
}

/** The option of a discriminated union that `value` chose with its discriminator (`kind`, `mode`). */
function chosenOption(schema: AnySchema, value: unknown): z.ZodObject | undefined {
  if (!(schema instanceof z.ZodDiscriminatedUnion) || !isRecord(value)) return undefined;
  const discriminator = schema._zod.def.discriminator;
  return unionOptions(schema).find((option) => {
    const literal = option.shape[discriminator];
    return literal instanceof z.ZodLiteral && [...literal.values].some((v) => v === value[discriminator]);
  });
}

interface SchemaPlace {
  /** The schema at the path, unwrapped from optional and default; a union already narrowed to its chosen option. */
  schema?: AnySchema;
  /** The schema as written in its parent (with its description and examples). */
  declared?: AnySchema;
  /** When the place is one of a discriminated union's options: all of them. */
  alternatives: z.ZodObject[];
}

function schemaAt(path: JsonPath, root: unknown): SchemaPlace {
  let declared: AnySchema = ScenarioSchema;
  let value: unknown = root;
  let alternatives: z.ZodObject[] = [];
  const narrow = (s: AnySchema): AnySchema | undefined => {
    const u = unwrap(s);
    alternatives = unionOptions(u);
    return alternatives.length > 0 ? chosenOption(u, value) : u;
  };
  let schema = narrow(declared);
  for (const key of path) {
    let next: AnySchema | undefined;
    if (schema instanceof z.ZodObject && typeof key === "string") next = schema.shape[key];
    else if (schema instanceof z.ZodArray && typeof key === "number") next = schema.element;
    else if (schema instanceof z.ZodRecord && typeof key === "string") next = schema.valueType;
    if (next === undefined) return { alternatives: [] };
    declared = next;
    value = valueAt(value, [key]).value;
    schema = narrow(declared);
  }
  return { schema, declared, alternatives };
}

/** The field names an object at this place may have. */
function knownKeys(place: SchemaPlace): string[] {
  const { schema } = place;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord) {
    const keyType = schema.keyType;
    if (keyType instanceof z.ZodEnum) return keyType.options.filter((k): k is string => typeof k === "string");
  }
  return [...new Set(place.alternatives.flatMap((option) => Object.keys(option.shape)))];
}

function exampleOf(schema: AnySchema | undefined): unknown {
  if (schema === undefined) return undefined;
  const examples = z.globalRegistry.get(schema)?.examples ?? z.globalRegistry.get(unwrap(schema))?.examples;
  return Array.isArray(examples) ? examples[0] : undefined;
}

/** What belongs at a place, as a Dutch phrase: "een tekst van hoogstens 400 tekens", "een geheel getal van 1 tot en met 100". */
function expectation(place: SchemaPlace): string | undefined {
  const schema = place.schema;
  if (schema === undefined) return place.alternatives.length > 0 ? "een object { … }" : undefined;
  if (schema instanceof z.ZodString) {
    if (schema.format === "date") return 'een datum als JJJJ-MM-DD, bijvoorbeeld "2026-03-16"';
    if (schema.format === "regex") return "een korte id van letters, cijfers, - en _";
    return schema.maxLength === null ? "een tekst" : `een tekst van hoogstens ${schema.maxLength} tekens`;
  }
  if (schema instanceof z.ZodNumber) {
    const kind = schema.isInt ? "een geheel getal" : "een getal";
    return schema.minValue !== null && schema.maxValue !== null && Number.isFinite(schema.minValue) && Number.isFinite(schema.maxValue)
      ? `${kind} van ${schema.minValue} tot en met ${schema.maxValue}`
      : kind;
  }
  if (schema instanceof z.ZodBoolean) return "true of false";
  if (schema instanceof z.ZodLiteral) return `de waarde ${orList([...schema.values])}`;
  if (schema instanceof z.ZodEnum) return `een van ${orList(schema.options)}`;
  if (schema instanceof z.ZodArray) return "een lijst [ … ]";
  if (schema instanceof z.ZodObject || schema instanceof z.ZodRecord) return "een object { … }";
  return undefined;
}

/** " Bijvoorbeeld: …" for short examples from the schema's metadata, or nothing. */
function exampleHint(place: SchemaPlace): string {
  const example = exampleOf(place.declared);
  if (typeof example === "number" || (typeof example === "string" && example.length <= 40)) return ` Bijvoorbeeld: ${quote(example)}.`;
  return "";
}

// ---------------------------------------------------------------------------------------------------------------
// Problems before they have a place in the file
// ---------------------------------------------------------------------------------------------------------------

/** Where in the file a problem points: at the value, at a field's name, or at the object a missing field belongs in. */
type Anchor = "value" | "key" | "parent";

interface Draft {
  severity: Severity;
  /** The path in the file as written (already mapped back from a migrated format). */
  path: JsonPath;
  anchor: Anchor;
  message: string;
  /** The path shown, when it differs from `path` (a missing field is shown at the object it belongs in). */
  shownPath?: JsonPath;
}

interface Context {
  /** The scenario in the current format, as zod sees it. */
  value: unknown;
  sourcePath: (path: JsonPath) => JsonPath;
}

type Issue = z.core.$ZodIssue;

const DISCRIMINATOR_NOUNS: Record<string, string> = { kind: "fase", mode: "stemwijze" };

function issueDrafts(issue: Issue, ctx: Context, suppressedMissing: Set<string>): Draft[] {
  const path: JsonPath = issue.path.map((k): Key => (typeof k === "number" ? k : String(k)));
  const parentPath = path.slice(0, -1);
  const field = path[path.length - 1];
  const place = schemaAt(path, ctx.value);
  const present = valueAt(ctx.value, path);
  const input = present.value;
  const error = (message: string, anchor: Anchor = "value", at: JsonPath = path): Draft => ({
    severity: "fout",
    path: ctx.sourcePath(at),
    anchor,
    message,
  });

  // A field that is not there at all, whatever zod calls it.
  if (!present.found && typeof field === "string" && path.length > 0) {
    if (suppressedMissing.has(formatPath(path))) return [];
    const shown = ctx.sourcePath(parentPath);
    if (parentPath.length === 1 && parentPath[0] === "roles") {
      return [
        {
          ...error(
            `De rol ${quote(field)} heeft geen briefing. Voeg onder "roles" een briefing voor ${quote(field)} toe, ` +
              'met "name", "summary", "concerns", "pressure" en "privateFacts": elke spelrol heeft er een nodig.',
            "parent",
          ),
          shownPath: shown,
        },
      ];
    }
    let what = expectation(place);
    const options = unionIssueOptions(issue);
    if (what === undefined && options.length > 0) what = `een van ${orList(options)}`;
    return [
      {
        ...error(`Het verplichte veld ${quote(field)} ontbreekt. Voeg ${quote(field)} toe${what === undefined ? "" : `, met ${what}`}.${exampleHint(place)}`, "parent"),
        shownPath: shown,
      },
    ];
  }

  switch (issue.code) {
    case "invalid_type": {
      if (path.length === 0) {
        return [error(`Een scenario is één object tussen accolades { … }, maar hier staat ${describeValue(input)}. Zet het hele scenario tussen { en }.`)];
      }
      const wanted = expectation(place) ?? (issue.expected === "int" ? "een geheel getal" : issue.expected === "number" ? "een getal" : issue.expected);
      const now = `Hier hoort ${wanted}, maar er staat ${describeValue(input)}.`;
      if ((issue.expected === "number" || issue.expected === "int") && typeof input === "string" && input.trim() !== "" && Number.isFinite(Number(input))) {
        const written = typeof field === "string" ? `${quote(field)}: ${Number(input)}` : String(Number(input));
        return [error(`${now} Schrijf het getal zonder aanhalingstekens: ${written}.`)];
      }
      if (issue.expected === "int" && typeof input === "number") {
        return [error(`${now} Kies een heel getal, bijvoorbeeld ${Math.max(1, Math.round(input))}.`)];
      }
      if (issue.expected === "string" && (typeof input === "number" || typeof input === "boolean")) {
        return [error(`${now} Zet de tekst tussen dubbele aanhalingstekens: ${quote(String(input))}.`)];
      }
      if (issue.expected === "array" && typeof input === "string") {
        return [error(`${now} Zet de tekst in een lijst, tussen blokhaken: [ ${quote(input.length > 30 ? `${input.slice(0, 30)}…` : input)} ].`)];
      }
      if (issue.expected === "object") {
        const keys = knownKeys(place);
        return [error(`${now} Schrijf hier een object { … }${keys.length > 0 ? ` met de velden ${andList(keys)}` : ""}.`)];
      }
      if ((issue.expected === "number" || issue.expected === "int") && typeof input === "string") {
        return [error(`${now} Schrijf een getal, zonder aanhalingstekens.${exampleHint(place)}`)];
      }
      if (issue.expected === "boolean") {
        const value = typeof input === "string" && /^\s*(nee|false|onwaar|no|n)\s*$/i.test(input) ? "false" : "true";
        return [error(`${now} Schrijf true (ja) of false (nee), zonder aanhalingstekens: ${typeof field === "string" ? `${quote(field)}: ${value}` : value}.`)];
      }
      return [error(`${now}${exampleHint(place) || " Vervang de waarde."}`)];
    }

    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") {
        const max = place.schema instanceof z.ZodString ? place.schema.maxLength : null;
        if (n <= 1) {
          const canGo = typeof field === "string" && (place.declared instanceof z.ZodOptional || place.declared instanceof z.ZodDefault);
          const fill = `Vul een tekst in${max === null ? "" : ` van hoogstens ${max} tekens`}`;
          return [error(`Dit veld mag niet leeg zijn. ${fill}${canGo ? `, of haal het veld ${quote(field)} weg: het mag ontbreken` : ""}.`)];
        }
        return [error(`De tekst is te kort: schrijf minstens ${n} tekens.`)];
      }
      if (issue.origin === "array") {
        const count = Array.isArray(input) ? input.length : 0;
        if (path.length === 1 && path[0] === "omgekeerdeToets") {
          return [
            error(
              "De Omgekeerde Toets heeft geen stappen, en zonder toets is er geen casustoets. Voeg de vijf stappen toe, in deze volgorde: " +
                'het effect voor de inwoner, de impact, de bedoeling van de wet, de ethiek en als laatste de wet zelf ("id": "wet").',
            ),
          ];
        }
        if (path.length === 1 && path[0] === "rolePriority") return [error(rolePriorityMessage(count, input))];
        if (issue.exact) return [error(`Deze lijst moet precies ${plural(n, "element", "elementen")} hebben; er staan er nu ${count}.`)];
        return [error(`Deze lijst moet minstens ${plural(n, "element", "elementen")} hebben; er ${count === 1 ? "staat er nu 1" : `staan er nu ${count}`}. Voeg er ${n - count} toe.`)];
      }
      return [error(`Het getal ${describeNumber(input)} is te klein: het moet minstens ${n} zijn.${rangeHint(place)}`)];
    }

    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") {
        const length = typeof input === "string" ? input.length : 0;
        return [error(`De tekst is te lang: ${length} tekens, terwijl hier hoogstens ${n} mogen. Maak hem ${length - n} tekens korter.`)];
      }
      if (issue.origin === "array") {
        const count = Array.isArray(input) ? input.length : 0;
        if (path.length === 1 && path[0] === "rolePriority") return [error(rolePriorityMessage(count, input))];
        return [error(`Deze lijst mag hoogstens ${plural(n, "element", "elementen")} hebben; er staan er nu ${count}. Haal er ${count - n} weg.`)];
      }
      return [error(`Het getal ${describeNumber(input)} is te groot: het mag hoogstens ${n} zijn.${rangeHint(place)}`)];
    }

    case "invalid_format": {
      const text = typeof input === "string" ? input : "";
      if (issue.format === "date") {
        const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
        const suggestion = dmy === null ? "2026-03-16" : `${dmy[3]}-${dmy[2]?.padStart(2, "0")}-${dmy[1]?.padStart(2, "0")}`;
        return [error(`${quote(text)} is geen geldige datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld ${quote(suggestion)}.`)];
      }
      if (issue.format === "regex") {
        return [
          error(
            `De id ${quote(text)} bevat tekens die in een id niet mogen: gebruik alleen letters zonder accenten, cijfers, - en _ ` +
              `(geen spaties). Bijvoorbeeld: ${quote(slug(text))}.`,
          ),
        ];
      }
      return [error(`Deze waarde heeft niet de juiste vorm (${issue.format}).`)];
    }

    case "invalid_value": {
      if (path.length === 1 && path[0] === "schemaVersion") {
        if (input === String(SCENARIO_SCHEMA_VERSION)) {
          return [error(`Schrijf de versie als getal, zonder aanhalingstekens: "schemaVersion": ${SCENARIO_SCHEMA_VERSION}.`)];
        }
        return [error(`Dit scenarioformaat heeft versie ${SCENARIO_SCHEMA_VERSION}, maar er staat ${describeValue(input)}. Zet "schemaVersion": ${SCENARIO_SCHEMA_VERSION}.`)];
      }
      const values = issue.values.filter((v): v is string => typeof v === "string");
      const isRole = values.length === GAME_ROLES.length && GAME_ROLES.every((role) => values.includes(role));
      if (isRole && typeof input === "string") {
        return [error(`${quote(input)} is geen spelrol.${roleHint(roleGuess(input))} Kies een van ${orList(issue.values)}.`)];
      }
      const guess = typeof input === "string" ? nearestName(input, values) : undefined;
      return [error(`${capitalize(`${describeValue(input)} mag hier niet.`)}${guess === undefined ? "" : ` Bedoel je ${quote(guess)}?`} Kies een van ${orList(issue.values)}.`)];
    }

    case "invalid_union": {
      if (issue.discriminator === undefined) {
        return [error("Deze waarde past bij geen van de vormen die hier mogen; vergelijk haar met de voorbeelden in scenario.schema.json.")];
      }
      const options = unionIssueOptions(issue);
      const disc = issue.discriminator;
      const noun = DISCRIMINATOR_NOUNS[disc] ?? "soort";
      const chosen = valueAt(ctx.value, path).value;
      if (disc === "mode" && chosen === "points") {
        return [error('Stemmen met punten heet sinds versie 1 "punten": schrijf "mode": "punten".')];
      }
      const guess = typeof chosen === "string" ? nearestName(chosen, options) : undefined;
      const target = path[path.length - 1] === disc ? path : [...path, disc];
      return [
        error(
          `Onbekende ${noun}: ${describeValue(chosen)}.${guess === undefined ? "" : ` Bedoel je ${quote(guess)}?`} Kies voor ${quote(disc)} een van ${orList(options)}.`,
          "value",
          target,
        ),
      ];
    }

    case "unrecognized_keys":
      return issue.keys.map((key) => unknownKeyDraft(key, path, place, ctx));

    default:
      return [error(`Deze waarde klopt niet: ${issue.message}.`)];
  }
}

/** The values a discriminated union's discriminator may have, from its issue. */
function unionIssueOptions(issue: Issue): string[] {
  if (issue.code !== "invalid_union" || !("options" in issue) || !Array.isArray(issue.options)) return [];
  return issue.options.filter((o): o is string => typeof o === "string");
}

function unknownKeyDraft(key: string, objectPath: JsonPath, place: SchemaPlace, ctx: Context): Draft {
  const keys = knownKeys(place);
  const draft = (message: string): Draft => ({ severity: "fout", path: ctx.sourcePath([...objectPath, key]), anchor: "key", message });
  const guess = nearestName(key, keys);
  const objectValue = valueAt(ctx.value, objectPath).value;
  const missing = guess !== undefined && isRecord(objectValue) && !Object.hasOwn(objectValue, guess);
  const missingNote = missing ? " Dat veld ontbreekt nu." : "";

  const isRoleMap = keys.length === GAME_ROLES.length && GAME_ROLES.every((role) => keys.includes(role));
  if (isRoleMap) {
    // Under "roles" every role is required; in factsPerRole a role without facts is fine.
    const role = roleGuess(key);
    const briefingMissing = role !== undefined && isRecord(objectValue) && !Object.hasOwn(objectValue, role);
    const roleNote = briefingMissing && objectPath.length === 1 && objectPath[0] === "roles" ? ` De briefing voor ${quote(role)} ontbreekt nu.` : "";
    return draft(`${quote(key)} is geen spelrol.${roleHint(role)}${roleNote} Gebruik als naam een van ${orList(GAME_ROLES)}.`);
  }
  if (guess !== undefined) return draft(`Onbekend veld ${quote(key)}: bedoel je ${quote(guess)}?${missingNote} Verbeter de naam.`);
  if (objectPath.length === 0 && key === "phases") {
    return draft(
      'Onbekend veld "phases". Sinds versie 1 staan de fasen in een speelvariant: ' +
        '"variants": [{ "id": "standaard", "title": "Standaard", "phases": [ … ] }]. Verplaats de fasen daarheen.',
    );
  }
  // A field another kind of phase has, e.g. "minutes" on the lobby.
  const shape = place.schema instanceof z.ZodObject ? place.schema.shape : {};
  const disc = Object.keys(DISCRIMINATOR_NOUNS).find((d) => d in shape);
  if (disc !== undefined && place.alternatives.some((option) => key in option.shape) && isRecord(objectValue)) {
    const noun = DISCRIMINATOR_NOUNS[disc] ?? "soort";
    return draft(`Een ${noun} ${quote(objectValue[disc])} heeft geen ${quote(key)}. Haal het veld weg.`);
  }
  return draft(`Onbekend veld ${quote(key)}. Hier mogen alleen ${andList(keys)}. Haal het veld weg, of verbeter de naam.`);
}

/** Missing fields that an unknown field next to them is a misspelling of: reported once, at the misspelling. */
function misspelledFields(issues: readonly Issue[], ctx: Context): Set<string> {
  const result = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const path: JsonPath = issue.path.map((k): Key => (typeof k === "number" ? k : String(k)));
    const keys = knownKeys(schemaAt(path, ctx.value));
    const objectValue = valueAt(ctx.value, path).value;
    for (const key of issue.keys) {
      const guess = nearestName(key, keys);
      if (guess !== undefined && isRecord(objectValue) && !Object.hasOwn(objectValue, guess)) result.add(formatPath([...path, guess]));
    }
  }
  return result;
}

function rolePriorityMessage(count: number, input: unknown): string {
  const listed = Array.isArray(input) ? input : [];
  const missing = GAME_ROLES.filter((role) => !listed.includes(role));
  return (
    `Noem in "rolePriority" alle zes rollen precies één keer; er staan er nu ${count}.` +
    (missing.length > 0 ? ` Er ontbreekt ${andList(missing)}.` : "")
  );
}

function describeNumber(input: unknown): string {
  return typeof input === "number" ? String(input) : describeValue(input);
}

function rangeHint(place: SchemaPlace): string {
  const what = expectation(place);
  return what === undefined ? "" : ` Kies ${what}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A valid id made from a text: "Kern waarden!" → "kern-waarden". */
function slug(text: string): string {
  const id = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id === "" ? "mijn-id" : id;
}

// ---------------------------------------------------------------------------------------------------------------
// Advice on the parts that passed the schema
// ---------------------------------------------------------------------------------------------------------------

/** Just the ids of a list's elements: enough for the uniqueness and reference rules when another field is broken. */
const idsOnly = z.array(z.looseObject({ id: IdSchema }));

/**
 * The sound parts of a scenario whose whole did not pass the schema, for the rules and the advice: each section
 * that passes on its own, and for the lists the rules only need ids of, the ids.
 */
function soundParts(value: unknown): RuleInput {
  if (!isRecord(value)) return {};
  const shape = ScenarioSchema.shape;
  const parse = <T>(schema: z.ZodType<T>, v: unknown): T | undefined => {
    const result = schema.safeParse(v);
    return result.success ? result.data : undefined;
  };
  return {
    rolePriority: parse(shape.rolePriority, value.rolePriority),
    categories: parse(idsOnly, value.categories),
    beeldvorming: parse(z.looseObject({ prompts: idsOnly }), value.beeldvorming),
    rounds: parse(z.array(z.looseObject({ id: IdSchema, caseId: IdSchema })), value.rounds),
    cases: parse(idsOnly, value.cases),
    omgekeerdeToets: parse(shape.omgekeerdeToets, value.omgekeerdeToets),
    voting: parse(shape.voting, value.voting),
    variants: parse(z.array(z.looseObject({ id: IdSchema, phases: z.array(PhaseSchema) })), value.variants),
  };
}

function adviceDrafts(parts: RuleInput, ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const warn = (path: JsonPath, message: string): void => {
    drafts.push({ severity: "waarschuwing", path: ctx.sourcePath(path), anchor: "value", message });
  };

  // Timers, phase by phase: one broken phase does not hide the others.
  const variants = valueAt(ctx.value, ["variants"]).value;
  (Array.isArray(variants) ? variants : []).forEach((variant: unknown, v) => {
    const phases = valueAt(variant, ["phases"]).value;
    (Array.isArray(phases) ? phases : []).forEach((raw: unknown, p) => {
      const parsed = PhaseSchema.safeParse(raw);
      if (!parsed.success) return;
      const phase = parsed.data;
      if (!("minutes" in phase) || phase.minutes === undefined) return;
      const path = ["variants", v, "phases", p, "minutes"];
      if (phase.minutes > ADVICE.maxPhaseMinutes) {
        warn(
          path,
          `Deze fase (${phase.kind}) duurt ${phase.minutes} minuten, langer dan twee uur. Klopt dat? ` +
            `Geef één fase hoogstens ${ADVICE.maxPhaseMinutes} minuten, of verdeel het werk over meer fasen.`,
        );
      } else if (phase.kind === "rolwissel" && phase.minutes < ADVICE.minRolwisselMinutes) {
        warn(
          path,
          `Deze rolwissel-ronde duurt maar ${plural(phase.minutes, "minuut", "minuten")}: te kort om de casus en je briefing te lezen ` +
            `en eisen op te schrijven. Geef een rolwissel minstens ${ADVICE.minRolwisselMinutes} minuten, liever 15 of meer.`,
        );
      }
    });
  });

  // Each phase has something to work on: eisen before samenvoegen, a programma before prioriteren and the toets.
  (parts.variants ?? []).forEach((variant, v) => {
    for (const { index, message } of phaseOrderAdvice(variant.id, variant.phases)) warn(["variants", v, "phases", index, "kind"], message);
  });

  const voting = parts.voting;
  if (voting?.mode === "punten") {
    if (voting.budget < ADVICE.minBudget) {
      warn(
        ["voting", "budget"],
        `Met ${plural(voting.budget, "punt", "punten")} per speler valt er weinig te verdelen: iedereen kiest hooguit een paar eisen. ` +
          `Kies een budget van ${ADVICE.minBudget} tot en met ${ADVICE.maxBudget}, bijvoorbeeld 10.`,
      );
    } else if (voting.budget > ADVICE.maxBudget) {
      warn(
        ["voting", "budget"],
        `Met ${voting.budget} punten per speler wordt verdelen rekenwerk, en zegt één punt weinig meer. ` +
          `Kies een budget van ${ADVICE.minBudget} tot en met ${ADVICE.maxBudget}, bijvoorbeeld 10.`,
      );
    }
  }

  const toets = parts.omgekeerdeToets;
  if (toets !== undefined && toets.length > 0) {
    if (toets.length < ADVICE.toetsSteps) {
      warn(
        ["omgekeerdeToets"],
        `De Omgekeerde Toets heeft vijf stappen, maar hier staan er ${toets.length}. Vul aan tot de vijf: het effect voor de inwoner, ` +
          "de impact, de bedoeling van de wet, de ethiek en als laatste de wet zelf, zodat de groep geen stap overslaat.",
      );
    }
    drafts.push(...toetsOrderDrafts(toets, ctx));
  }

  // Laws written the fixed way, so the casustoets and the exports show them alike.
  const cases = valueAt(ctx.value, ["cases"]).value;
  (Array.isArray(cases) ? cases : []).forEach((c: unknown, i) => {
    const laws = valueAt(c, ["laws"]).value;
    (Array.isArray(laws) ? laws : []).forEach((law: unknown, j) => {
      if (typeof law !== "string" || law.trim() === "" || LAW_ENTRY.test(law.trim()) || RULING.test(law)) return;
      warn(
        ["cases", i, "laws", j],
        `${quote(law)} is niet in de vaste schrijfwijze van een wetsartikel: "<wet> art. <artikel>", eventueel met "lid <nummer>", ` +
          `zoals "Wmo 2015 art. 2.3.5 lid 3" of "Awb art. 4:84"; een uitspraak noem je met haar ECLI-nummer. ` +
          lawAdvice(law),
      );
    });
  });

  // A case that no round and no casustoets uses is never seen in the game.
  if (parts.cases !== undefined && parts.rounds !== undefined && parts.variants !== undefined) {
    const used = new Set<string>([
      ...parts.rounds.map((r) => r.caseId),
      ...parts.variants.flatMap((v) => v.phases.flatMap((phase) => (phase.kind === "casustoets" ? phase.caseIds : []))),
    ]);
    // A reference to a case that does not exist is already an error; the case it was meant for is not "unused".
    const known = new Set(parts.cases.map((c) => c.id));
    const dangling = [...used].some((id) => !known.has(id));
    parts.cases.forEach((c, i) => {
      if (dangling || used.has(c.id)) return;
      warn(
        ["cases", i, "id"],
        `De casus ${quote(c.id)} wordt nergens gespeeld: geen ronde in "rounds" en geen casustoets in "variants" noemt hem. ` +
          `Zet ${quote(c.id)} in de "caseIds" van een casustoets of als "caseId" van een ronde, of haal de casus weg.`,
      );
    });
  }
  return drafts;
}

/**
 * The order of De Omgekeerde Toets is the method: effect, impact, bedoeling, ethiek and the law last. A step out of
 * that order is an error, reported at the step that is misplaced: the law anywhere but last; otherwise each step that
 * comes after a step it should precede. Steps with other ids (a trainer's own) are left alone.
 */
function toetsOrderDrafts(toets: readonly { id: string }[], ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const fail = (index: number, message: string): void => {
    drafts.push({ severity: "fout", path: ctx.sourcePath(["omgekeerdeToets", index, "id"]), anchor: "value", message });
  };
  const rank = (id: string): number => TOETS_ORDER.findIndex((step) => step.id === id);
  const order = TOETS_ORDER.map((step) => step.id).join(", ");
  const count = toets.length;
  const law = toets.findIndex((step) => step.id === ADVICE.lastToetsStep);
  if (law >= 0 && law !== count - 1) {
    fail(
      law,
      `De stap "wet" staat als ${ordinal(law)} van de ${count} stappen, maar in De Omgekeerde Toets komt de wet als laatste: ` +
        `pas als het effect, de impact, de bedoeling en de ethiek zijn besproken, kijk je of de wet echt in de weg staat. ` +
        `Zet deze stap achteraan (de volgorde is ${order}).`,
    );
  }
  let highest = -1;
  toets.forEach((step, index) => {
    const r = rank(step.id);
    if (r < 0 || step.id === ADVICE.lastToetsStep) return;
    if (r < highest) {
      const other = toets.find((candidate) => rank(candidate.id) > r && candidate.id !== ADVICE.lastToetsStep);
      fail(
        index,
        `De stap ${quote(step.id)} staat als ${ordinal(index)}, na de stap ${quote(other?.id ?? "")}, maar hoort ervóór: ` +
          `De Omgekeerde Toets begint bij ${TOETS_ORDER[0].name} en gaat via ${TOETS_ORDER[1].name}, ${TOETS_ORDER[2].name} en ${TOETS_ORDER[3].name} naar ${TOETS_ORDER[4].name}. ` +
          `Zet de stappen in de volgorde ${order}.`,
      );
    }
    highest = Math.max(highest, r);
  });
  const lastStep = toets[count - 1];
  if (law < 0 && lastStep !== undefined) {
    drafts.push({
      severity: "waarschuwing",
      path: ctx.sourcePath(["omgekeerdeToets", count - 1, "id"]),
      anchor: "value",
      message:
        'De laatste stap van De Omgekeerde Toets hoort over de wet te gaan ("id": "wet"): pas als laatste kijk je of de wet echt in de weg staat. ' +
        'Voeg als laatste stap een stap over de wet toe, met "id": "wet".',
    });
  }
  return drafts;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks on the file itself: syntax, fields written twice, $schema, personal data
// ---------------------------------------------------------------------------------------------------------------

/** Syntax errors about the structure (brackets, commas, colons) rather than about one word or string. */
const STRUCTURAL = new Set([
  "CommaExpected",
  "PropertyNameExpected",
  "ValueExpected",
  "ColonExpected",
  "CloseBraceExpected",
  "CloseBracketExpected",
  "EndOfFileExpected",
]);

interface SyntaxProblem {
  offset: number;
  message: string;
  recoverable: boolean;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? "")) i -= 1;
  return i;
}

/**
 * What a trainer may call a game role: the name the screens show ("Inwoner" is the role `burger`) or a word from
 * practice. Ambiguous words (teamleider, professional) are left out: those get the list to choose from.
 */
const ROLE_ALIASES: Readonly<Record<string, GameRole>> = {
  inwoner: "burger",
  bewoner: "burger",
  client: "burger",
  gemeenteraadslid: "raadslid",
  raad: "raadslid",
  gemeenteraad: "raadslid",
  college: "wethouder",
  manager: "directeur",
  beleidsmedewerker: "beleidsambtenaar",
  beleidsadviseur: "beleidsambtenaar",
  beleid: "beleidsambtenaar",
  wijkteam: "wijkteamprofessional",
  wijkprofessional: "wijkteamprofessional",
  wijkteammedewerker: "wijkteamprofessional",
};

function roleGuess(input: string): GameRole | undefined {
  const near = nearestName(input, GAME_ROLES);
  const known = GAME_ROLES.find((role) => role === near);
  if (known !== undefined) return known;
  const plain = input.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]/g, "");
  return Object.hasOwn(ROLE_ALIASES, plain) ? ROLE_ALIASES[plain] : undefined;
}

/** " Bedoel je "burger"? (Op de schermen heet die rol "Inwoner".)", or nothing without a guess. */
function roleHint(role: GameRole | undefined): string {
  if (role === undefined) return "";
  const shown = ROLE_NAMES[role];
  return ` Bedoel je ${quote(role)}?${shown.toLowerCase() === role ? "" : ` (Op de schermen heet die rol ${quote(shown)}.)`}`;
}

function syntaxProblem(error: ParseError, text: string): SyntaxProblem {
  const at = error.offset;
  const found = text.slice(at, at + Math.max(1, Math.min(error.length, 20)));
  const closing = text[at] === "}" || text[at] === "]";
  const before = previousNonSpace(text, at);
  const code = printParseErrorCode(error.error);
  switch (code) {
    case "CommaExpected":
      // An object that ends inside a list, or a list inside an object: the closing bracket is what is missing.
      if (closing) {
        const [missing, noun] = text[at] === "}" ? ["]", "lijst"] : ["}", "object"];
        return {
          offset: before + 1,
          message:
            `Hier ontbreekt een ${missing === "]" ? "sluitende blokhaak ]" : "sluitende accolade }"}: ${noun === "lijst" ? "de lijst is niet afgesloten" : "het object is niet afgesloten"} ` +
            `voordat de ${text[at]} erna ${noun === "lijst" ? "het object" : "de lijst"} afsluit. Zet hier een ${missing}, of een komma als er nog iets volgt.`,
          recoverable: false,
        };
      }
      return {
        offset: before + 1,
        message: "Hier ontbreekt een komma. Zet een komma achter deze waarde: tussen twee velden of twee elementen van een lijst staat altijd een komma.",
        recoverable: true,
      };
    case "PropertyNameExpected":
    case "ValueExpected":
      if (closing && text[before] === ",") {
        return {
          offset: before,
          message: `Overbodige komma: na het laatste ${text[at] === "}" ? "veld van een object" : "element van een lijst"} mag geen komma staan. Haal deze komma weg.`,
          recoverable: true,
        };
      }
      if (text.trim() === "") return { offset: 0, message: "Het bestand is leeg. Een scenario is één object tussen accolades { … }.", recoverable: false };
      if (code === "PropertyNameExpected" && text.slice(at).trim() === "") {
        return {
          offset: at,
          message:
            "Het bestand houdt hier op, midden in een object: er hoort nog een veldnaam te volgen, of een } die het afsluit. " +
            "Is het einde weggevallen bij het kopiëren of opslaan? Vergelijk het einde met een meegeleverd scenario.",
          recoverable: false,
        };
      }
      if (code === "PropertyNameExpected") {
        return {
          offset: at,
          message: `Hier hoort een veldnaam tussen dubbele aanhalingstekens, zoals "title", maar er staat ${quote(found)}. Enkele aanhalingstekens (') werken niet.`,
          recoverable: false,
        };
      }
      return {
        offset: at,
        message: `Hier ontbreekt een waarde: een tekst tussen dubbele aanhalingstekens, een getal, een lijst [ … ] of een object { … }. ${found === "" ? "Het bestand houdt hier op: is het afgebroken?" : `Er staat ${quote(found)}.`}`,
        recoverable: false,
      };
    case "ColonExpected":
      return { offset: at, message: 'Hier ontbreekt een dubbele punt: tussen een veldnaam en de waarde staat altijd ":", zoals "title": "…".', recoverable: false };
    case "CloseBraceExpected":
      return { offset: at, message: "Hier ontbreekt een sluitende accolade }: een object dat eerder begint, is niet afgesloten. Zoek het bijbehorende { en sluit het af.", recoverable: false };
    case "CloseBracketExpected":
      return { offset: at, message: "Hier ontbreekt een sluitende blokhaak ]: een lijst die eerder begint, is niet afgesloten. Zoek de bijbehorende [ en sluit haar af.", recoverable: false };
    case "EndOfFileExpected":
      return { offset: at, message: "Na het einde van het scenario staat nog tekst. Het hele scenario staat tussen één paar accolades { }: haal wat erna komt weg, of zet het erbinnen.", recoverable: false };
    case "InvalidCommentToken":
      return { offset: at, message: "Commentaar (// of /* */) mag niet in een scenariobestand: de server leest gewone JSON. Haal het commentaar weg.", recoverable: true };
    case "UnexpectedEndOfComment":
      return { offset: at, message: "Dit commentaar is niet afgesloten, en commentaar mag niet in een scenariobestand. Haal het weg.", recoverable: false };
    case "UnexpectedEndOfString":
      return {
        offset: at,
        message: 'Deze tekst is niet afgesloten: aan het eind ontbreekt een dubbel aanhalingsteken ("). Een tekst eindigt op dezelfde regel; een nieuwe regel schrijf je als \\n.',
        recoverable: false,
      };
    case "InvalidCharacter":
      return { offset: at, message: "In een tekst mag geen tab of ander stuurteken staan, en ook geen regeleinde. Gebruik een spatie, of \\n voor een nieuwe regel.", recoverable: false };
    case "InvalidEscapeCharacter":
      return { offset: at, message: 'Na een backslash (\\) mag alleen " \\ / b f n r t of u volgen. Bedoel je een backslash zelf, schrijf dan \\\\.', recoverable: false };
    case "InvalidUnicode":
      return { offset: at, message: "Na \\u horen vier hexadecimale tekens, zoals \\u00e9. Typ het teken liever gewoon zelf.", recoverable: false };
    case "InvalidNumberFormat":
    case "UnexpectedEndOfNumber":
      return { offset: at, message: `Dit getal is niet goed geschreven (${quote(found)}). Schrijf een getal zonder spaties of aanhalingstekens, zoals 20.`, recoverable: false };
    default: {
      const bare = found.replace(/^['‘’“”„]+|['‘’“”„]+$/g, "");
      const hint = /^(true|false|null)$/i.test(found)
        ? `Schrijf ${found.toLowerCase()} met kleine letters.`
        : bare !== found
          ? `Zet tekst tussen rechte dubbele aanhalingstekens: ${quote(bare)}. Enkele (') en gekrulde aanhalingstekens („ ” “) werken niet.`
          : 'Tekst hoort tussen rechte dubbele aanhalingstekens ("…").';
      return { offset: at, message: `Dit kan hier niet staan: ${quote(found)}. ${hint}`, recoverable: false };
    }
  }
}

const UTF16_MESSAGE =
  'Dit bestand is niet als UTF-8 opgeslagen, maar als UTF-16 ("Unicode"), en zo kan de server het niet lezen. Sla het op als UTF-8: ' +
  'in VS Code klik je rechtsonder op de codering ("UTF-16 LE"), kies je "Opslaan met codering" en dan "UTF-8"; in Kladblok kies je bij ' +
  '"Opslaan als" de codering "UTF-8".';

const NOT_TEXT_MESSAGE =
  "Dit is geen tekstbestand: het lijkt een ander soort bestand (bijvoorbeeld een Word-document of een afbeelding) dat een naam op .json " +
  "heeft gekregen. Een scenario is een tekstbestand in JSON: kopieer een meegeleverd scenario (zoals scenarios/demo-maatwerk.json) en " +
  "pas dat aan in een teksteditor zoals VS Code.";

/** The share of characters that were not UTF-8 (read as U+FFFD): a few in an ANSI text, most in a file that is no text. */
function unreadableShare(text: string): number {
  return text.length === 0 ? 0 : (text.split("\uFFFD").length - 1) / text.length;
}

/** A file saved as ANSI (Windows-1252) or Latin-1, read as UTF-8: `count` characters came out as U+FFFD. */
function notUtf8Message(count: number): string {
  return (
    `Hier staat een teken dat niet als UTF-8 te lezen is${count > 1 ? ` (in dit bestand ${count} keer)` : ""}: het bestand is in een andere ` +
    "codering opgeslagen, waarschijnlijk ANSI (Windows-1252), en dan zien deelnemers letters als é en ë als \uFFFD. Open het bestand opnieuw " +
    'in die codering en sla het op als UTF-8: in VS Code klik je rechtsonder op "UTF-8", kies je "Opnieuw openen met codering" en ' +
    '"Western (Windows 1252)", en daarna via dezelfde knop "Opslaan met codering" en "UTF-8".'
  );
}

const INNER_QUOTE_MESSAGE =
  'In deze tekst staat een dubbel aanhalingsteken ("), en dat sluit de tekst hier al af. Wil je een aanhalingsteken in de tekst, ' +
  "schrijf dan \\\" (met een backslash ervoor), of gebruik enkele aanhalingstekens: 'zo'.";

/** The line an offset is on (without its line end), and where it starts. */
function lineAround(text: string, offset: number): { lineStart: number; line: string } {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  return { lineStart, line: text.slice(lineStart, newline < 0 ? text.length : newline).replace(/\r$/, "") };
}

/** A line's start up to where its value begins: a field's name and colon, or nothing (an element of a list). */
const FIELD_PREFIX = String.raw`^(\s*(?:"(?:[^"\\]|\\.)*"\s*:\s*)?)`;
const OPENED_CURLY = new RegExp(FIELD_PREFIX + "([“”„‘’])", "u");
const CLOSED_CURLY = new RegExp(FIELD_PREFIX + String.raw`"((?:[^"\\]|\\.)*)([“”])\s*,?\s*$`, "u");

/**
 * When the line of a syntax error has a text value that starts with a curly quote (`"title": “Maatwerk…",`) or,
 * opened with a straight one, ends with a curly one and no straight one (`"title": "Maatwerk…”,`): where that quote is.
 */
function curlyQuote(
  text: string,
  offset: number,
): { quote: number; field: number; mark: string; where: "opens" | "closes" | "both"; lineStart: number } | undefined {
  const { lineStart, line } = lineAround(text, offset);
  // The field the value belongs to is found by its name (the parser made no node for a value it could not read).
  const field = lineStart + (/^\s*/.exec(line)?.[0].length ?? 0);
  const opened = OPENED_CURLY.exec(line);
  if (opened !== null) {
    const both = /[“”]\s*,?\s*$/u.test(line.slice((opened[1] ?? "").length + 1));
    return { quote: lineStart + (opened[1] ?? "").length, field, mark: opened[2] ?? "“", where: both ? "both" : "opens", lineStart };
  }
  const closed = CLOSED_CURLY.exec(line);
  if (closed !== null) {
    return { quote: lineStart + (closed[1] ?? "").length + 1 + (closed[2] ?? "").length, field, mark: closed[3] ?? "”", where: "closes", lineStart };
  }
  return undefined;
}

function curlyQuoteMessage(curly: { mark: string; where: "opens" | "closes" | "both" }): string {
  const what = { opens: `begint met een gekruld aanhalingsteken (${curly.mark})`, closes: `eindigt op een gekruld aanhalingsteken (${curly.mark})`, both: "staat tussen gekrulde aanhalingstekens (“ ”)" }[curly.where];
  const fix = curly.where === "both" ? 'Vervang ze allebei door ".' : 'Vervang dit teken door ".';
  return `Deze tekst ${what}, maar in JSON staat een tekst tussen rechte dubbele aanhalingstekens ("). Word en e-mailprogramma's maken daar vaak gekrulde van. ${fix}`;
}

/**
 * When the line of a syntax error is one text value (`"veld": "…",` or `"…",` in a list) with an unescaped " inside
 * it: where that quote is, where the value starts and where the line starts.
 */
function innerQuote(text: string, offset: number): { quote: number; value: number; lineStart: number } | undefined {
  const { lineStart, line } = lineAround(text, offset);
  const m = /^(\s*(?:"(?:[^"\\]|\\.)*"\s*:\s*)?)"(.*)"\s*,?\s*$/u.exec(line);
  if (m === null) return undefined;
  const prefix = m[1] ?? "";
  const inner = m[2] ?? "";
  for (let i = 0; i < inner.length; i += 1) {
    if (inner[i] === "\\") i += 1;
    else if (inner[i] === '"') return { quote: lineStart + prefix.length + 1 + i, value: lineStart + prefix.length, lineStart };
  }
  return undefined;
}

/**
 * When the text that starts at `offset` and runs to the end of its line goes on over the next lines and closes on a
 * later one (`…denkt.",`), empty lines between paragraphs included: where that closing line ends. Undefined when a
 * line before that looks like anything else (a field, a bracket): then the text was just not closed.
 */
function continuedText(text: string, offset: number): { end: number } | undefined {
  let lineEnd = text.indexOf("\n", offset);
  while (lineEnd >= 0) {
    const start = lineEnd + 1;
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).replace(/\r$/, "");
    if (/^\s*[\[\]{}]/.test(line) || /^\s*"(?:[^"\\]|\\.)*"\s*:/.test(line)) return undefined;
    const quotes = [...line.matchAll(/(?<!\\)"/g)].length;
    if (quotes === 1 && /"\s*,?\s*$/.test(line)) return { end };
    if (quotes > 0) return undefined;
    lineEnd = newline;
  }
  return undefined;
}

function continuedTextMessage(lastLine: number): string {
  return (
    `Deze tekst loopt door tot en met regel ${lastLine}, maar een tekst staat in JSON op één regel. Haal de regeleinden weg, ` +
    "zodat de hele tekst op deze regel staat; wil je toch een nieuwe regel in de tekst, schrijf dan \\n."
  );
}

function nodePath(root: Node | undefined, offset: number): JsonPath {
  if (root === undefined) return [];
  const node = findNodeAtOffset(root, offset, false);
  if (node === undefined) return [];
  // On a property's name: the path of the property itself.
  const target = node.parent?.type === "property" && node.parent.children?.[0] === node ? (node.parent.children[1] ?? node) : node;
  return getNodePath(target);
}

function duplicateKeyDrafts(node: Node, path: JsonPath, drafts: Draft[]): void {
  if (node.type === "object") {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value;
      if (typeof key !== "string") continue;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count === 2) {
        drafts.push({
          severity: "fout",
          path: [...path, key],
          anchor: "key",
          message: `Het veld ${quote(key)} staat twee keer in dit object; alleen de laatste telt. Haal een van de twee weg, of voeg ze samen.`,
        });
      }
    }
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value;
      const value = property.children?.[1];
      if (typeof key === "string" && value !== undefined) duplicateKeyDrafts(value, [...path, key], drafts);
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, i) => duplicateKeyDrafts(child, [...path, i], drafts));
  }
}

interface PersonalDataFinding {
  path: JsonPath;
  offset: number;
  message: string;
}

/** Personal data in every free text of the scenario, at the exact place inside the string; and confirmations that confirm nothing. */
function personalDataFindings(root: Node, text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const confirmationNode = locate(root, [CONFIRMATION_FIELD]);
  const confirmations = confirmationNode.depth === 1 && confirmationNode.node.type === "array" ? (confirmationNode.node.children ?? []) : [];
  const confirmed = new Set(confirmations.flatMap((n) => (typeof n.value === "string" ? [n.value] : [])));
  const used = new Set<string>();
  const walk = (node: Node, path: JsonPath): void => {
    if (!isFreeTextPath(path)) return;
    if (node.type === "string" && typeof node.value === "string") {
      for (const found of findPersonalData(node.value)) {
        if (confirmed.has(found.match)) {
          used.add(found.match);
          continue;
        }
        findings.push({
          path,
          offset: offsetInString(text, node, found.index),
          message:
            `Dit lijkt ${describePersonalData(found.kind)}: ${quote(found.match)}. Een scenario moet anoniem zijn: ` +
            `haal dit gegeven weg, of beschrijf het in algemene woorden. Is het verzonnen, zet het dan in ${quote(CONFIRMATION_FIELD)}; ` +
            "tot dan biedt de server dit scenario niet aan.",
        });
      }
    } else if (node.type === "object") {
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value;
        const value = property.children?.[1];
        if (typeof key === "string" && value !== undefined) walk(value, [...path, key]);
      }
    } else if (node.type === "array") {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(root, []);
  confirmations.forEach((node, i) => {
    if (typeof node.value !== "string" || used.has(node.value)) return;
    findings.push({
      path: [CONFIRMATION_FIELD, i],
      offset: node.offset,
      message: `${quote(node.value)} staat in ${quote(CONFIRMATION_FIELD)}, maar de controle vindt het nergens als persoonsgegeven in het scenario. Haal het uit de lijst, zodat er alleen bevestigd staat wat echt in het scenario voorkomt.`,
    });
  });
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// One file, many files
// ---------------------------------------------------------------------------------------------------------------

export interface TextCheck {
  problems: CheckProblem[];
  /** The scenario's id and where it stands, for noticing two files with the same id. */
  id?: { value: string; offset: number };
}

/** Checks the text of one scenario file. */
export function checkScenarioText(input: string): TextCheck {
  const text = input.replace(/^\uFEFF/, "");
  const lines = new LineIndex(text);
  const problems: CheckProblem[] = [];
  const add = (severity: Severity, offset: number, path: JsonPath, message: string): void => {
    const { line, column } = lines.at(offset);
    problems.push({ severity, offset, line, column, path: formatPath(path), message });
  };

  // 0. The encoding. A file read as UTF-8 that was saved otherwise: UTF-16 has a NUL in every ASCII character (the
  // parser would trip over each one), ANSI / Windows-1252 turns é and ë into U+FFFD, which participants would see.
  const nuls = text.split("\u0000").length - 1;
  if (nuls > 0 || unreadableShare(text) > 0.1) {
    // UTF-16 text has a NUL beside nearly every character; a file of another kind (a Word document, a picture)
    // renamed to .json has a few, or mostly bytes that are no text at all.
    add("fout", 0, [], nuls >= text.length / 4 ? UTF16_MESSAGE : NOT_TEXT_MESSAGE);
    return { problems };
  }
  const unreadable = text.indexOf("\uFFFD");

  // 1. Syntax.
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (unreadable >= 0) {
    const count = text.split("\uFFFD").length - 1;
    add("fout", unreadable, nodePath(root, unreadable), notUtf8Message(count));
  }
  const seen = new Set<string>();
  let recoverable = true;
  const quoteLines = new Set<number>();
  let skipUntil = -1;
  for (const error of errors) {
    if (error.offset < skipUntil) continue;
    // A text with a line break in it (pasted from a document): one message, at the text, and not one for every
    // word on the lines after the break up to where the text closes.
    const broken = printParseErrorCode(error.error) === "UnexpectedEndOfString" ? continuedText(text, error.offset) : undefined;
    if (broken !== undefined) {
      skipUntil = broken.end;
      recoverable = false;
      add("fout", error.offset, nodePath(root, error.offset), continuedTextMessage(lines.at(broken.end).line));
      continue;
    }
    // A text opened or closed with a curly quote (pasted from Word or an e-mail): one message, at that quote.
    const curly = curlyQuote(text, error.offset);
    if (curly !== undefined) {
      if (quoteLines.has(curly.lineStart)) continue;
      quoteLines.add(curly.lineStart);
      recoverable = false;
      add("fout", curly.quote, nodePath(root, curly.field), curlyQuoteMessage(curly));
      continue;
    }
    // A " inside a text ends it early; the parser then trips over every word after it. One message, at that quote.
    const inner = innerQuote(text, error.offset);
    if (inner !== undefined) {
      if (quoteLines.has(inner.lineStart)) continue;
      quoteLines.add(inner.lineStart);
      recoverable = false;
      add("fout", inner.quote, nodePath(root, inner.value), INNER_QUOTE_MESSAGE);
      continue;
    }
    const problem = syntaxProblem(error, text);
    const key = `${problem.offset}:${problem.message}`;
    // After the first error the parser cannot recover from, structural errors are mostly its echo (a missing
    // value, a missing bracket further on); errors in a single word or string still stand on their own.
    if (seen.has(key) || (!recoverable && STRUCTURAL.has(printParseErrorCode(error.error)))) continue;
    seen.add(key);
    recoverable &&= problem.recoverable;
    add("fout", problem.offset, nodePath(root, Math.max(0, problem.offset - (printParseErrorCode(error.error) === "CommaExpected" ? 1 : 0))), problem.message);
  }
  if (root === undefined || !recoverable) return { problems: sortProblems(problems) };

  const drafts: Draft[] = [];
  const place = (draft: Draft): void => {
    let offset: number;
    if (draft.anchor === "key") {
      offset = (keyNodeAt(root, draft.path) ?? locate(root, draft.path).node).offset;
    } else {
      const { node, depth } = locate(root, draft.path);
      // A missing field: at the name of the object it belongs in (or the object itself, in a list).
      const property = node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
      offset = draft.anchor === "parent" || depth < draft.path.length ? (property ?? node).offset : node.offset;
    }
    add(draft.severity, offset, draft.shownPath ?? draft.path, draft.message);
  };

  const json: unknown = getNodeValue(root);
  duplicateKeyDrafts(root, [], drafts);

  if (isRecord(json) && json.$schema === undefined) {
    drafts.push({
      severity: "waarschuwing",
      path: [],
      anchor: "value",
      message: `"$schema" ontbreekt. Zet bovenaan "$schema": ${quote(SCHEMA_REFERENCE)}, dan helpt je editor met aanvullen en uitleg bij elk veld.`,
    });
  }

  // 2. Format version.
  const migration = migrateScenario(json);
  if (!migration.ok) {
    for (const problem of migration.problems) drafts.push({ severity: "fout", path: problem.path, anchor: "value", message: problem.message });
  } else {
    if (migration.migratedFrom !== undefined) {
      drafts.push({
        severity: "waarschuwing",
        path: ["schemaVersion"],
        anchor: "value",
        message: `Dit scenario heeft het oude formaat (versie ${migration.migratedFrom}). De server zet het bij het laden om, maar werk het bij naar versie ${SCENARIO_SCHEMA_VERSION}: ${V0_UPGRADE_HINT}`,
      });
    }
    const ctx: Context = { value: migration.value, sourcePath: migration.sourcePath };

    // 3. Schema.
    const parsed = ScenarioSchema.safeParse(migration.value, { reportInput: true });
    if (!parsed.success) {
      const suppressed = misspelledFields(parsed.error.issues, ctx);
      for (const issue of parsed.error.issues) drafts.push(...issueDrafts(issue, ctx, suppressed));
    }

    // 4. Rules, 5. advice: on every part that is valid by itself.
    const parts = parsed.success ? parsed.data : soundParts(migration.value);
    for (const problem of ruleProblems(parts)) drafts.push({ severity: "fout", path: ctx.sourcePath(problem.path), anchor: "value", message: problem.message });
    drafts.push(...adviceDrafts(parts, ctx));
  }

  for (const draft of drafts) place(draft);
  for (const finding of personalDataFindings(root, text)) add("waarschuwing", finding.offset, finding.path, finding.message);

  const idNode = locate(root, ["id"]);
  const id = idNode.depth === 1 && typeof idNode.node.value === "string" ? { value: idNode.node.value, offset: idNode.node.offset } : undefined;
  return { problems: sortProblems(problems), ...(id === undefined ? {} : { id }) };
}

function sortProblems(problems: CheckProblem[]): CheckProblem[] {
  const rank = (p: CheckProblem): number => (p.severity === "fout" ? 0 : 1);
  return problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.offset - b.p.offset || rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

/**
 * Checks several files together: each on its own, and no two with the same scenario id (the server would load
 * only the first, in the order given). A file with an error does not take its id: the server skips it, so a broken
 * copy does not keep the sound file with the same id out.
 */
export function checkScenarioFiles(files: readonly { file: string; text: string }[]): FileCheck[] {
  const firstWithId = new Map<string, string>();
  return files.map(({ file, text }) => {
    const result = checkScenarioText(text);
    const problems = [...result.problems];
    if (result.id !== undefined) {
      const earlier = firstWithId.get(result.id.value);
      if (earlier === undefined) {
        if (!problems.some((p) => p.severity === "fout")) firstWithId.set(result.id.value, file);
      } else {
        const { line, column } = new LineIndex(text.replace(/^\uFEFF/, "")).at(result.id.offset);
        problems.push({
          severity: "fout",
          offset: result.id.offset,
          line,
          column,
          path: "id",
          message: `Het scenario-id ${quote(result.id.value)} wordt al gebruikt door ${earlier}. Geef dit scenario een eigen id.`,
        });
      }
    }
    return { file, problems: sortProblems(problems) };
  });
}

/** A file that could not be read, as a problem in the report. */
export function unreadableFile(file: string, reason: string): FileCheck {
  return { file, problems: [{ severity: "fout", offset: 0, line: 1, column: 1, path: "(bestand)", message: `Het bestand kon niet worden gelezen: ${reason}.` }] };
}

/** One line of the report: `file:line:column  path  fout: message`. */
export function formatProblem(file: string, p: CheckProblem): string {
  return `${file}:${p.line}:${p.column}  ${p.path}  ${p.severity}: ${p.message}`;
}

/** The last line: "2 fouten, 1 waarschuwing in 3 bestanden". */
export function formatSummary(checks: readonly FileCheck[]): string {
  const all = checks.flatMap((c) => c.problems);
  const errors = all.filter((p) => p.severity === "fout").length;
  const warnings = all.length - errors;
  return `${plural(errors, "fout", "fouten")}, ${plural(warnings, "waarschuwing", "waarschuwingen")} in ${plural(checks.length, "bestand", "bestanden")}`;
}

/** The whole report: every problem of every file, then the summary. */
export function formatReport(checks: readonly FileCheck[]): string[] {
  return [...checks.flatMap((c) => c.problems.map((p) => formatProblem(c.file, p))), formatSummary(checks)];
}

export function hasErrors(checks: readonly FileCheck[]): boolean {
  return checks.some((c) => c.problems.some((p) => p.severity === "fout"));
}
