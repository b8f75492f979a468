/**
 * The Dutch words of the pattern overview, shared by the page, the CSV and the Markdown, so all three say the same.
 * Role, verdict and draagvlak names come from the game's strings via server/exports/text.ts.
 */
import type { AnalysedSession } from "./analyse.ts";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const PATTERN_TEXTS = {
  title: "Patronen over sessies",
  kicker: "Voor de trainer",
  intro:
    "Hier staat wat terugkomt als meerdere groepen hetzelfde scenario spelen. Komt dezelfde eis of dezelfde blokkade steeds terug, dan is dat een patroon: pas het beleid aan in plaats van er telkens weer een uitzondering voor te maken.",
  method:
    "Items uit de programma's van eisen horen bij elkaar als het spel ze bij het samenvoegen als dubbel zou voorstellen: dezelfde woorden of bijna dezelfde woorden. Per sessie telt hoogstens één item mee, het best passende. Alleen dag 1 telt: wat op een terugkombijeenkomst veranderde, staat hier niet in. Sessies staan hier met datum en naam, nooit met de namen van deelnemers.",
  summary: (counted: number, total: number, patterns: number, blockages: number) =>
    [
      total === counted ? `${count(total, "sessie", "sessies")} vergeleken` : `${counted} van ${count(total, "sessie", "sessies")} vergeleken`,
      count(patterns, "patroon", "patronen"),
      count(blockages, "terugkerende blokkade", "terugkerende blokkades"),
    ].join(" · "),
  inSessions: (n: number, of: number) => `in ${n} van ${of} sessies`,
  blockedInSessions: (n: number, of: number) => `staat in de weg in ${n} van ${of} sessies`,
  blockages: "Terugkerende blokkades",
  blockagesIntro: "Deze items stonden in twee of meer sessies een casus in de weg. Daar zit waarschijnlijk een regel of werkwijze die vaker knelt.",
  noBlockages: "Geen item stond in meer dan één sessie een casus in de weg.",
  patterns: "Patronen",
  patternsIntro: "Items die in twee of meer sessies in het programma van eisen kwamen. Per sessie de tekst zoals die groep hem schreef, de steun per rol en wat de casussen erover zeiden.",
  noPatterns: "Nog geen patronen: er kwam geen item in meer dan één sessie terug.",
  notEnoughSessions: "Er is minder dan twee sessies met een programma van eisen. Patronen zie je zodra een tweede groep dit scenario tot en met het samenvoegen heeft gespeeld.",
  singleItems: (n: number) => `${count(n, "item kwam", "items kwamen")} in maar één sessie voor.`,
  sessions: "Bekeken sessies",
  sessionsIntro: "Per sessie hoeveel items het programma van eisen had. Alleen sessies met een programma van eisen tellen mee.",
  sessionNumber: (n: number) => `Sessie ${n}`,
  date: "Datum",
  label: "Naam van de sessie",
  items: "Items",
  counted: "Meegeteld",
  notCounted: "Nee, nog geen programma van eisen",
  notCountedShort: "niet meegeteld",
  yes: "Ja",
  noVote: "Nog niet gestemd",
  noVoteLong: "Deze sessie heeft de stemming nog niet getoond.",
  afterVote: "Na de stemming toegevoegd",
  afterVoteLong: "Aanvulling uit de casustoets: over dit item is niet gestemd.",
  notVotedInRole: "niemand stemde in deze rol",
  support: "Steun per rol",
  supportNote: (unit: "punten" | "moscow") =>
    unit === "punten"
      ? "Steun per rol: welk deel van de punten die spelers in die rol konden geven naar dit item ging. Een streepje: niemand stemde in die rol."
      : "Steun per rol: de MoSCoW-score als deel van wat spelers in die rol konden geven (moet telt volledig). Een streepje: niemand stemde in die rol.",
  draagvlak: "Draagvlak",
  rank: (n: number) => `plaats ${n} in het kader`,
  noLabel: "geen eigen naam",
  index: "In het kort",
  category: "Categorie",
  verdicts: "In de casussen",
  noVerdicts: "Geen casus oordeelde over dit item.",
  downloads: "Downloaden",
  csv: "Als CSV (Excel)",
  md: "Als Markdown",
  back: "Alle scenario's",
  scenariosTitle: "Trainersoverzicht",
  scenariosIntro: "Kies een scenario om te zien wat in de sessies ervan terugkomt.",
  noScenarios: "Er zijn nog geen sessies gespeeld.",
  sessionCount: (n: number) => count(n, "sessie", "sessies"),
  /** Sessions left out because their stored log is damaged (see docs/deployment.md, "Beschadigde opslag"). */
  damagedLeftOut: (labels: readonly string[]) =>
    `Niet meegeteld: ${labels.length === 1 ? "1 sessie waarvan" : `${labels.length} sessies waarvan`} de opgeslagen gegevens beschadigd zijn` +
    ` (${labels.map((l) => l || "zonder naam").join(", ")}). Meld dit bij de beheerder van Maatwerkspel.`,
  lastPlayed: (date: string) => `laatst gespeeld op ${date}`,
  noSessionsYet: "Met dit scenario is nog geen sessie gespeeld.",
  wrongLink: "Deze trainerslink klopt niet.",
  wrongLinkHelp: "Controleer of je de hele link hebt overgenomen.",
  unknownScenario: "Dit scenario kennen we niet",
  unknownScenarioHelp: (id: string) => `Er is geen scenario en geen sessie met de id ‘${id}’. Kies een scenario uit het overzicht.`,
  footer: "Gemaakt uit de opgeslagen sessies van dit scenario, dag 1. Deel deze pagina niet verder dan nodig: ze toont wat groepen schreven.",
} as const;

/** "Sessie 2 · 12 maart 2026 · Gemeente Oosterwolde": a session by number, date and label, never by who was there. */
export function sessionName(session: Pick<AnalysedSession, "number" | "date" | "label">): string {
  return [PATTERN_TEXTS.sessionNumber(session.number), session.date, session.label.trim()].filter((part) => part !== "").join(" · ");
}

/** A share 0..1 as a whole percentage, "40%"; "–" when nobody voted in that role. */
export const percent = (share: number | null): string => (share === null ? "–" : `${Math.round(share * 100)}%`);

/** File name of a download: `patronen-demo-maatwerk-2026-03-12.csv`, dated the day it was made. */
export const patternFileName = (scenarioId: string, isoDay: string, extension: string): string =>
  `patronen-${scenarioId.replace(/[^A-Za-z0-9_-]/g, "")}-${isoDay}.${extension}`;
