/**
 * Reading scenario files: parse with zod (Dutch messages that name the place), then the cross-reference rules.
 * A broken file is reported, never thrown, so one typo does not take the other scenarios down. Files in an older
 * format (schemaVersion 0) are migrated first (migrate.ts). A directory is read with the checker of
 * `npm run scenario:check` (check.ts), so the server says exactly what the checker says, with line and column.
 */
import { readdir, readFile } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import type { z } from "zod";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import { SCENARIO_SCHEMA_VERSION, ScenarioSchema, type Scenario } from "#shared/protocol/scenario.ts";
import { checkScenarioFiles, formatProblem, formatSummary, hasErrors, unreadableFile, type FileCheck } from "./check.ts";
import { formatPath } from "./locate.ts";
import { migrateScenario } from "./migrate.ts";
import { CONFIRMATION_FIELD, isWithheld } from "./privacy.ts";
import { scenarioProblems, type ScenarioPath, type ScenarioProblem } from "./rules.ts";

export type { ScenarioPath, ScenarioProblem } from "./rules.ts";

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** The generated JSON Schema lives beside the scenarios but is not one. */
export const SCHEMA_FILE_NAME = "scenario.schema.json";

type RawIssue = z.core.$ZodRawIssue;

const quote = (v: unknown) => JSON.stringify(v);
const orList = (values: readonly unknown[]) => values.map(quote).join(", ");
const plural = (n: number | bigint, one: string, many: string) => (Number(n) === 1 ? one : many);

const TYPE_NAMES: Record<string, string> = {
  string: "een tekst",
  number: "een getal",
  int: "een geheel getal",
  boolean: "true of false",
  array: "een lijst [ … ]",
  object: "een object { … }",
  record: "een object { … }",
  null: "null",
};

function describeValue(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "een lijst";
  switch (typeof input) {
    case "string":
      return `de tekst ${quote(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
    case "number":
      return Number.isInteger(input) ? `het getal ${input}` : `het getal ${input} (geen geheel getal)`;
    case "boolean":
      return String(input);
    case "object":
      return "een object";
    default:
      return typeof input;
  }
}

function lastKey(issue: RawIssue): PropertyKey | undefined {
  const path = issue.path ?? [];
  return path[path.length - 1];
}

/** Dutch text for zod's own checks (short fragments after "Bij <plek>:"; the checker has its own, longer texts). Messages written in the schema itself (already Dutch) take precedence. */
function dutchMessage(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "dit veld ontbreekt; vul het in";
      if (issue.expected === "int") return `hier hoort een geheel getal, maar er staat ${describeValue(issue.input)}`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `hier hoort ${expected}, maar er staat ${describeValue(issue.input)}`;
    }
    case "too_small": {
      const n = issue.minimum;
      if (issue.origin === "string") {
        return Number(n) <= 1 ? "mag niet leeg zijn" : `is te kort: schrijf minstens ${n} tekens`;
      }
      if (issue.origin === "array") {
        if (issue.exact) return `moet precies ${n} ${plural(n, "element", "elementen")} hebben`;
        return `moet minstens ${n} ${plural(n, "element", "elementen")} hebben`;
      }
      return `moet minstens ${n} zijn, maar er staat ${describeValue(issue.input)}`;
    }
    case "too_big": {
      const n = issue.maximum;
      if (issue.origin === "string") {
        const length = typeof issue.input === "string" ? ` (nu ${issue.input.length})` : "";
        return `is te lang: hoogstens ${n} tekens${length}. Maak de tekst korter`;
      }
      if (issue.origin === "array") {
        if (issue.exact) return `moet precies ${n} ${plural(n, "element", "elementen")} hebben`;
        return `mag hoogstens ${n} ${plural(n, "element", "elementen")} hebben`;
      }
      return `mag hoogstens ${n} zijn, maar er staat ${describeValue(issue.input)}`;
    }
    case "invalid_format": {
      if (issue.format === "date") {
        return `is geen geldige datum: schrijf hem als JJJJ-MM-DD, bijvoorbeeld "2026-03-16" (nu ${describeValue(issue.input)})`;
      }
      if (issue.format === "regex") return "bevat tekens die hier niet mogen; gebruik alleen letters, cijfers, - en _";
      return `heeft niet de juiste vorm (${issue.format})`;
    }
    case "invalid_value": {
      if (lastKey(issue) === "schemaVersion") {
        return `dit scenarioformaat heeft versie ${SCENARIO_SCHEMA_VERSION}: zet "schemaVersion": ${SCENARIO_SCHEMA_VERSION}`;
      }
      if (issue.values.length === 1) return `moet ${quote(issue.values[0])} zijn, maar er staat ${describeValue(issue.input)}`;
      return `${describeValue(issue.input)} is hier niet toegestaan; kies een van ${orList(issue.values)}`;
    }
    case "unrecognized_keys": {
      const keys = issue.keys;
      if (lastKey(issue) === "factsPerRole") {
        return (
          `${plural(keys.length, "is geen spelrol", "zijn geen spelrollen")}: ${orList(keys)}. ` +
          `Gebruik als sleutel een van ${orList(GAME_ROLES)}`
        );
      }
      return (
        `${plural(keys.length, "onbekend veld", "onbekende velden")} ${orList(keys)}. ` +
        "Controleer de spelling of haal het weg; welke velden hier mogen, staat in scenario.schema.json"
      );
    }
    case "invalid_union": {
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        const options = "options" in issue && Array.isArray(issue.options) ? issue.options : [];
        const value = issue.input !== null && typeof issue.input === "object" ? (issue.input as Record<string, unknown>)[issue.discriminator] : undefined;
        const now = value === undefined ? `"${issue.discriminator}" ontbreekt` : `er staat ${describeValue(value)}`;
        return `onbekende soort: ${now}. Kies voor "${issue.discriminator}" een van ${orList(options)}`;
      }
      return "past bij geen van de toegestane vormen; vergelijk met de voorbeelden in scenario.schema.json";
    }
    case "invalid_key":
      return "bevat een ongeldige sleutel";
    case "invalid_element":
      return "bevat een ongeldig element";
    case "not_multiple_of":
      return `moet een veelvoud van ${issue.divisor} zijn`;
    default:
      return "is ongeldig";
  }
}

/** A readable place in the scenario, e.g. `cases[1] ("kilometerbudget").situation`. */
export function describePath(path: ScenarioPath, root: unknown): string {
  if (path.length === 0) return "In het scenario";
  let text = "";
  let node: unknown = root;
  for (const key of path) {
    if (typeof key === "number") {
      text += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = node !== null && typeof node === "object" ? (node as Record<string, unknown>).id : undefined;
      if (typeof id === "string" && id.length > 0) text += ` (${quote(id)})`;
    } else {
      text += text === "" ? key : `.${key}`;
      node = node !== null && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return `Bij ${text}`;
}

const toPath = (path: readonly PropertyKey[]): ScenarioPath => path.map((k) => (typeof k === "number" ? k : String(k)));

export function parseScenario(json: unknown): ParseScenarioResult {
  const parsed = ScenarioSchema.safeParse(json, { error: dutchMessage });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = toPath(issue.path);
      return { path, message: `${describePath(path, json)}: ${issue.message}.`.replace(/\.\.$/, ".") };
    });
    return { ok: false, problems };
  }
  const problems = scenarioProblems(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: parsed.data };
}

/**
 * A scenario as read from a file: older formats are brought up to date first (migrate.ts), a format newer than
 * this code knows is reported; then parseScenario. Problem paths refer to the current format.
 */
export function parseScenarioJson(json: unknown): ParseScenarioResult {
  const migration = migrateScenario(json);
  if (!migration.ok) return { ok: false, problems: migration.problems };
  return parseScenario(migration.value);
}

export interface ScenarioFileError {
  file: string;
  problems: ScenarioProblem[];
}

export interface ScenarioDirLoad {
  scenarios: Map<string, Scenario>;
  /** Files the server skips: the checker found an error in them, or they could not be read. */
  errors: FileCheck[];
  /** Files loaded with warnings from the checker. A scenario with unconfirmed personal data among them is loaded but not offered (privacy.ts). */
  warnings: FileCheck[];
}

/** The checker's warnings for a scenario loaded from a file, with the file as named in them (for the trainer's preview). */
const warningsOf = new WeakMap<Scenario, FileCheck>();
export function loadWarnings(scenario: Scenario): FileCheck | undefined {
  return warningsOf.get(scenario);
}

/** A file as the server names it in its messages: from where it was started, like `npm run scenario:check` does. */
export function shownFileName(file: string, from = process.cwd()): string {
  const rel = relative(from, file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

/**
 * Reads every `*.json` in `dir` except the JSON Schema, with the same checker as `npm run scenario:check`
 * (check.ts): a file with an error (also an id another file already uses) is skipped with exactly the checker's
 * messages, line:column and paths; a file with only warnings is loaded and its warnings kept. Never throws.
 */
export async function loadScenarioDir(dir: string): Promise<ScenarioDirLoad> {
  const scenarios = new Map<string, Scenario>();
  const errors: FileCheck[] = [];
  const warnings: FileCheck[] = [];

  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith(".json") && entry.name !== SCHEMA_FILE_NAME)
      .map((entry) => entry.name)
      .sort();
  } catch (err) {
    const folder = unreadableFile(shownFileName(dir), errorText(err));
    errors.push({ ...folder, problems: folder.problems.map((p) => ({ ...p, path: "(map)", message: `De map met scenario's kon niet worden gelezen: ${errorText(err)}.` })) });
    return { scenarios, errors, warnings };
  }

  const readable: { file: string; text: string }[] = [];
  for (const name of names) {
    const file = shownFileName(join(dir, name));
    try {
      readable.push({ file, text: await readFile(join(dir, name), "utf8") });
    } catch (err) {
      errors.push(unreadableFile(file, errorText(err)));
    }
  }

  const texts = new Map(readable.map((r) => [r.file, r.text]));
  for (const check of checkScenarioFiles(readable)) {
    if (hasErrors([check])) {
      errors.push(check);
      continue;
    }
    // No errors: the text is valid JSON and a valid scenario (the checker ran the same schema and rules).
    const result = parseScenarioJson(JSON.parse((texts.get(check.file) ?? "").replace(/^\uFEFF/, "")));
    if (!result.ok) {
      errors.push({ file: check.file, problems: result.problems.map((p) => ({ severity: "fout", offset: 0, line: 1, column: 1, path: formatPath(p.path), message: p.message })) });
      continue;
    }
    scenarios.set(result.scenario.id, result.scenario);
    warningsOf.set(result.scenario, check);
    if (check.problems.length > 0) warnings.push(check);
  }
  return { scenarios, errors, warnings };
}

export interface StartupLine {
  level: "error" | "warn";
  text: string;
}

/**
 * What the server says at start about its scenarios: every skipped file and every file with warnings, each problem
 * as one line exactly as `npm run scenario:check` prints it. A scenario with personal data that is not confirmed is
 * said to be held back from /nieuw.
 */
export function startupReport(load: ScenarioDirLoad): StartupLine[] {
  const lines: StartupLine[] = [];
  const detail = (level: StartupLine["level"], check: FileCheck) => {
    for (const p of check.problems) lines.push({ level, text: `  ${formatProblem(check.file, p)}` });
  };
  for (const check of load.errors) {
    const summary = formatSummary([check]).replace(/, 0 waarschuwingen in 1 bestand$| in 1 bestand$/, "");
    lines.push({ level: "error", text: `Scenario ${check.file} wordt overgeslagen (${summary}). Los de fouten op (npm run scenario:check) en start de server opnieuw.` });
    detail("error", check);
  }
  const idOf = new Map([...load.scenarios.values()].flatMap((s) => { const w = loadWarnings(s); return w ? [[w.file, s] as const] : []; }));
  for (const check of load.warnings) {
    const scenario = idOf.get(check.file);
    const count = check.problems.length === 1 ? "1 waarschuwing" : `${check.problems.length} waarschuwingen`;
    if (scenario !== undefined && isWithheld(scenario)) {
      lines.push({
        level: "warn",
        text:
          `Scenario ${check.file} ("${scenario.id}") wordt niet aangeboden in /nieuw: er lijken persoonsgegevens in te staan (${count}). ` +
          `Haal ze weg, of bevestig in "${CONFIRMATION_FIELD}" dat het geen persoonsgegevens zijn (zie scenarios/README.md), en start de server opnieuw.`,
      });
    } else {
      lines.push({ level: "warn", text: `Scenario ${check.file}${scenario ? ` ("${scenario.id}")` : ""} is geladen, met ${count} van de controle:` });
    }
    detail("warn", check);
  }
  return lines;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
