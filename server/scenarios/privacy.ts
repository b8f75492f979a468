/**
 * The personal-data guard over a whole scenario: every free text (briefings, private facts, prompts, summaries,
 * cases, titles), not only the cases. Pure, no I/O. The checker (check.ts) reports what it finds at the exact place
 * in the file; the server uses the same walk to hold back a scenario with unconfirmed findings from /nieuw and to
 * refuse a session (and so a SessionCreated in the log) with personal data in its copy of the scenario.
 *
 * A trainer who knows a finding is no personal data (an invented number, the general address of an agency) confirms
 * it in the scenario itself: `"notPersonalData": ["06-12345678"]`, the text exactly as it stands. Only what is listed
 * there counts as confirmed, so a new finding is never confirmed by accident.
 */
import { describePersonalData, findPersonalData, type PersonalDataKind } from "#shared/personalData.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";

export type TextPath = readonly (string | number)[];

/** The field that holds the trainer's confirmations. */
export const CONFIRMATION_FIELD = "notPersonalData";

/**
 * Fields whose strings are no free text: ids, references, kinds, dates, the schema link, and the confirmations
 * themselves. Every other string in a scenario is read by the guard.
 */
const NOT_FREE_TEXT = new Set(["$schema", "schemaVersion", "id", "caseId", "roundId", "caseIds", "kind", "mode", "rolePriority", "perspectief", "date", CONFIRMATION_FIELD]);

/** Whether the string at `path` (as written in the file) is free text the guard reads. */
export function isFreeTextPath(path: TextPath): boolean {
  return !path.some((key) => typeof key === "string" && NOT_FREE_TEXT.has(key));
}

export interface PersonalDataFinding {
  path: TextPath;
  kind: PersonalDataKind;
  match: string;
  /** Where it starts inside the string (UTF-16 index). */
  index: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Every free text of a scenario-shaped value, with its path, in document order. */
export function freeTexts(value: unknown, path: TextPath = []): { path: TextPath; text: string }[] {
  if (typeof value === "string") return isFreeTextPath(path) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => freeTexts(v, [...path, i]));
  if (isRecord(value)) {
    if (!isFreeTextPath(path)) return [];
    return Object.entries(value).flatMap(([k, v]) => freeTexts(v, [...path, k]));
  }
  return [];
}

/** The texts the trainer confirmed as no personal data. */
export function confirmedTexts(value: unknown): Set<string> {
  const list = isRecord(value) ? value[CONFIRMATION_FIELD] : undefined;
  return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : []);
}

/** What looks like personal data in the scenario's free texts and is not confirmed in `notPersonalData`. */
export function unconfirmedPersonalData(scenario: Scenario | unknown): PersonalDataFinding[] {
  const confirmed = confirmedTexts(scenario);
  return freeTexts(scenario).flatMap(({ path, text }) =>
    findPersonalData(text)
      .filter((found) => !confirmed.has(found.match))
      .map((found) => ({ path, kind: found.kind, match: found.match, index: found.index })),
  );
}

/** A path as the checker writes it: `roles.burger.summary`, `cases[0].situation`. */
function shownPath(path: TextPath): string {
  let text = "";
  for (const key of path) text += typeof key === "number" ? `[${key}]` : text === "" ? key : `.${key}`;
  return text || "(scenario)";
}

/**
 * Why a session cannot be made from this scenario, in Dutch; null when nothing unconfirmed was found. Names the first
 * finding's kind and place, never the text itself (the message may end up in a log or on a screen).
 */
export function personalDataRefusal(scenario: Scenario): string | null {
  const found = unconfirmedPersonalData(scenario);
  const first = found[0];
  if (first === undefined) return null;
  const more = found.length > 1 ? ` en nog ${found.length - 1} ${found.length === 2 ? "plek" : "plekken"}` : "";
  return (
    `Scenario '${scenario.id}' wordt niet aangeboden: er lijkt ${describePersonalData(first.kind)} in te staan (bij ${shownPath(first.path)}${more}). ` +
    `De trainer haalt het weg, of bevestigt in "${CONFIRMATION_FIELD}" dat het geen persoonsgegeven is; npm run scenario:check wijst de plek aan.`
  );
}

/** Held back from /nieuw: a scenario with personal data the trainer has not confirmed. Cached per scenario object. */
const refusals = new WeakMap<Scenario, string | null>();
export function isWithheld(scenario: Scenario): boolean {
  let refusal = refusals.get(scenario);
  if (refusal === undefined) {
    refusal = personalDataRefusal(scenario);
    refusals.set(scenario, refusal);
  }
  return refusal !== null;
}
