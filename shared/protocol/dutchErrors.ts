/**
 * Turns zod's findings about a command into one Dutch sentence a participant understands: which field, what is
 * wrong with it, what is allowed. Used for every command that fails to parse.
 */
import type { z } from "zod";
import { COMMAND_TYPES } from "./commands.ts";

const FIELD_NAMES: Record<string, string> = {
  type: "het soort opdracht",
  commandId: "het opdrachtnummer",
  displayName: "je naam",
  realRole: "je eigen functie",
  seatToken: "de plaatscode van je browser",
  text: "de tekst",
  label: "de naam van het cluster",
  note: "de toelichting",
  categoryId: "de categorie",
  promptId: "de vraag",
  cardId: "het kaartje",
  clusterId: "het cluster",
  eisId: "de eis",
  eisIds: "de eisen",
  itemId: "het item",
  newItemId: "het nieuwe item",
  itemA: "het eerste item",
  itemB: "het tweede item",
  sources: "wat je samenvoegt",
  adopt: "de eisen die een eigen item worden",
  spanningId: "de spanning",
  participantId: "de deelnemer",
  participantIds: "de deelnemers",
  tableId: "de tafel",
  count: "het aantal tafels",
  points: "het aantal punten",
  choice: "je keuze",
  minutes: "het aantal minuten",
  caseId: "de casus",
  stepId: "de stap",
  verdict: "het oordeel",
  decision: "het besluit",
  costNow: "de kosten nu",
  costLater: "de kosten op termijn",
  costNote: "de toelichting op de kosten",
  title: "de titel",
  situation: "de situatie",
  effectWanted: "het gewenste effect",
  dilemma: "het dilemma",
  draft: "de casus",
  rules: "wat de regels zeggen",
  afloop: "wat er echt gebeurde",
  locked: "gesloten of open",
  paused: "pauze of niet",
  ready: "klaar of niet",
  kind: "het soort",
  id: "het nummer",
  noteId: "de aantekening",
  confirmPersonalData: "de bevestiging over persoonsgegevens",
  stage: "het onderdeel van de terugkombijeenkomst",
  toegepast: "of het is toegepast",
  goed: "wat ging goed",
  beter: "wat kan beter",
  indicator: "de indicator",
  reason: "de reden",
  steun: "je steun",
  fromIndex: "het nummer van de fase waar je vandaan gaat",
  fromStep: "het nummer van de stap waar je vandaan gaat",
};

/** Fields a person chooses from a list rather than types: empty, they are "niet gekozen", not "leeg". */
const CHOSEN: ReadonlySet<string> = new Set(["categoryId", "realRole", "tableId", "caseId"]);

function fieldName(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((p): p is string => typeof p === "string");
  return named ? (FIELD_NAMES[named] ?? `het veld '${named}'`) : "de opdracht";
}

/** zod does not report the input by default; look the value up ourselves to tell "missing" from "wrong". */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = fieldName(issue.path);
  const last = issue.path[issue.path.length - 1];
  const value = valueAt(input, issue.path);
  if (typeof last === "string" && CHOSEN.has(last) && (value === undefined || value === "")) return `${field} is niet gekozen: kies er een.`;
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string"
        ? `${field} is te lang: hoogstens ${String(issue.maximum)} tekens.`
        : `${field} is te groot: hoogstens ${String(issue.maximum)}.`;
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1
        ? `${field} is leeg: vul iets in.`
        : `${field} is te klein: minstens ${String(issue.minimum)}.`;
    case "invalid_type":
      return value === undefined ? `${field} ontbreekt.` : `${field} heeft het verkeerde soort waarde.`;
    case "invalid_value":
      return `${field} heeft geen toegestane waarde.`;
    case "unrecognized_keys":
      return `De opdracht bevat onbekende velden: ${issue.keys.join(", ")}.`;
    case "invalid_union":
      return `${field} klopt niet.`;
    case "invalid_format":
      return `${field} heeft niet de juiste vorm.`;
    default:
      return `${field} klopt niet.`;
  }
}

/** One Dutch message for a command that did not parse. */
export function describeCommandError(input: unknown, error: z.ZodError): string {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return "Dit bericht is geen geldige opdracht. Laad de pagina opnieuw als dit blijft gebeuren.";
  }
  const type = "type" in input ? input.type : undefined;
  if (typeof type !== "string" || !COMMAND_TYPES.some((known) => known === type)) {
    return `Onbekende opdracht${typeof type === "string" ? ` '${type.slice(0, 40)}'` : ""}. Laad de pagina opnieuw als dit blijft gebeuren.`;
  }
  const first = error.issues[0];
  return first ? describeIssue(first, input).replace(/^./, (c) => c.toUpperCase()) : "De opdracht klopt niet.";
}
