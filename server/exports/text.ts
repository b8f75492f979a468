/**
 * Dutch words and number/date formats shared by every export. Role, verdict, cost and draagvlak names come from the
 * client's strings, so a kader on paper uses exactly the words the group saw on screen.
 */
import { COST_NAMES, DRAAGVLAK_NAMES, ROLE_NAMES, VERDICT_NAMES, draagvlakLabel } from "#shared/strings/index.ts";
import type { GameRole } from "#shared/protocol/ids.ts";
import { TIME_ZONE } from "../dates.ts";

export { COST_NAMES, DRAAGVLAK_NAMES, ROLE_NAMES, VERDICT_NAMES, draagvlakLabel };

/** Short role names for the labels under a support chart's bars, where a full name does not fit. */
export const ROLE_SHORT: Record<GameRole, string> = {
  burger: "Inw",
  raadslid: "Raad",
  wethouder: "Weth",
  directeur: "Dir",
  beleidsambtenaar: "Bel",
  wijkteamprofessional: "Wijk",
};

/** A note written at the Toets without a game role came from the spelleider's console. */
export const NO_ROLE_NAME = "Spelleider";

export const TEXTS = {
  title: "Kader op maat",
  intro:
    "Dit kader is samen gemaakt in het Maatwerkspel. De items staan op volgorde van steun; het nummer is de plaats van een item in het hele kader. Bij elk item staat hoeveel steun het kreeg per rol, uit welke eisen het komt en wat de casussen erover lieten zien. Bijdragen staan onder de spelrol, nooit onder de naam van wie ze schreef.",
  meta: (scenario: string, date: string, code: string) => `Scenario: ${scenario} · gespeeld op ${date} · sessiecode ${code}`,
  emptyPerspectief: "Nog niets onder dit kopje. Misschien iets voor de terugkombijeenkomst.",
  category: "Categorie",
  draagvlak: "Draagvlak",
  notVoted: "Er is niet over dit item gestemd.",
  notVotedShort: "Niet gestemd",
  supportCaption: (unit: "punten" | "moscow") =>
    unit === "punten"
      ? "Steun per rol, in punten (– betekent: niemand stemde in deze rol):"
      : "Steun per rol, als MoSCoW-score (moet 3, zou moeten 2, kan 1; – betekent: niemand stemde in deze rol):",
  total: "Totaal",
  supportedBy: "Gesteund door",
  nobody: "niemand",
  fromEisen: "Uit de eisen van:",
  eisLine: (role: string, round: string, table?: string) => `${role} (${table ? `${table}, ` : ""}${round})`,
  supportPerTable: (parts: string) => `Steun per tafel (deel van de stemmers aan die tafel): ${parts}.`,
  aanvulling: "Aanvulling uit de casustoets bij",
  inCases: "In de casussen:",
  spanningen: "Open spanningen",
  spanningenIntro: "Deze items botsen. Bespreek samen hoe je ermee omgaat.",
  noSpanningen: "Er zijn geen open spanningen.",
  and: "en",
  beeld: "Ons beeld van maatwerk",
  beeldIntro:
    "Zo begon de dag: bij elke vraag schreef ieder kaartjes, en de groep legde samen wat bij elkaar hoort in een cluster. Kaartjes zijn anoniem.",
  beeldLoose: "Niet in een cluster",
  cards: (n: number) => (n === 1 ? "1 kaartje" : `${n} kaartjes`),
  cases: "De casussen",
  noCases: "Er zijn geen casussen getoetst.",
  liveCase: "ingebracht tijdens de sessie",
  decision: "Besluit",
  noDecision: "Nog geen besluit genomen.",
  costNow: "Kosten nu",
  costLater: "Kosten later",
  costNote: "Over de kosten",
  helped: "Hielp",
  hindered: "Stond in de weg",
  casusboekje: "Casusboekje",
  casusboekjeIntro:
    "Per casus: de situatie, wat de groep bij elke stap van De Omgekeerde Toets tegenkwam, de oordelen over de items en welke items de doorslag gaven. Het gaat niet om de oplossing als regel, maar om de dilemma's en hoe de gedeelde visie daarin een rol speelde.",
  situation: "Situatie",
  effectWanted: "Effect dat de inwoner wil bereiken",
  dilemma: "Dilemma",
  laws: "Wetten en regels",
  rules: "Wat de regels zeggen",
  afloop: "Wat er echt gebeurde",
  toets: "De Omgekeerde Toets",
  stepNotReached: "Deze stap is niet besproken.",
  stepNoNotes: "Geen aantekeningen.",
  verdicts: "Oordelen: welke items de doorslag gaven",
  noVerdicts: "Er zijn geen oordelen gegeven.",
  rank: (n: number) => `plaats ${n}`,
  notInKader: "niet meer in het kader",
  aanvullingen: "Aanvullingen op het kader",
  costs: (now: string, later: string) => `Kosten nu: ${now.toLowerCase()}, kosten later: ${later.toLowerCase()}.`,
  page: (n: number, total: number) => `pagina ${n} van ${total}`,
  legend: "Steun per rol",
  legendNote:
    "Elke staaf toont welk deel van wat de spelers in die rol konden geven, naar het item ging. Onder de staaf: de punten (of de MoSCoW-score). Een streepje: niemand stemde in die rol.",
  // MoSCoW only: "kan" gives a score, but the draagvlak counts "moet" and "zou moeten".
  legendNoteKan: "Een lichte staaf: in die rol koos men alleen ‘kan’; dat telt niet als steun.",
  overline: "Maatwerkspel · Verticaal maatwerk leren",
  counts: (items: number, cases: number) =>
    `${items === 1 ? "1 item" : `${items} items`} in het kader · ${cases === 1 ? "1 casus" : `${cases} casussen`} getoetst`,
} as const;


const longDate = new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
const isoParts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** "15 januari 2026". */
export const formatDate = (ms: number): string => longDate.format(ms);

/** "2026-01-15": sorts well in a file name. */
export const isoDate = (ms: number): string => isoParts.format(ms);

/** `kader-ABC123-2026-01-15.md`: the code says which session, the date which day it was played. */
export const exportFileName = (code: string, createdAt: number, extension: string): string =>
  `kader-${code.replace(/[^A-Za-z0-9]/g, "")}-${isoDate(createdAt)}.${extension}`;

const dutchNumber = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2, useGrouping: false });

/** A number as Dutch Excel reads it: a decimal comma, no thousands separator. */
export const formatNumber = (n: number): string => dutchNumber.format(n);

/** A list in running Dutch text: "a, b en c". */
export function dutchList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} ${TEXTS.and} ${parts[parts.length - 1]}`;
}

/** Text people wrote, quoted the Dutch way. */
export const quoted = (text: string): string => `‘${text}’`;

/** Words of the day-2 exports: kader versie 2, made at the terugkombijeenkomst. */
export const TEXTS_V2 = {
  title: "Kader op maat — versie 2",
  meta: (opened: string, code: string, dayOne: string) => `Terugkombijeenkomst op ${opened} · sessiecode ${code} · dag 1 gespeeld op ${dayOne}`,
  scenario: (scenario: string) => `Scenario: ${scenario}`,
  people: (reflectors: number, steunGivers: number) =>
    `${reflectors === 1 ? "1 deelnemer reflecteerde" : `${reflectors} deelnemers reflecteerden`} op het kader · ${steunGivers === 1 ? "1 deelnemer gaf" : `${steunGivers} deelnemers gaven`} steun aan versie 2`,
  intro:
    "Dit is versie 2 van het kader op maat, bijgesteld op de terugkombijeenkomst. Eerst staan de kaderpunten van versie 1, op hun plaats van toen; daarna de nieuwe. Bij elk punt staat wat er veranderde, of het in de praktijk is toegepast, wat goed ging en wat beter kan, aan welke indicatoren je het merkt en hoeveel steun het had, in versie 1 en nu. Reflecties zijn anoniem: zonder naam en zonder rol.",
  summary: "Samenvatting",
  status: { ongewijzigd: "Ongewijzigd", gewijzigd: "Gewijzigd", nieuw: "Nieuw", vervallen: "Vervallen" },
  steunVeranderd: "Steun veranderd",
  steunNote: (threshold: number) =>
    `Steun is het deel van de deelnemers dat een kaderpunt steunde: in versie 1 met hun stem op dag 1 (punten, of moet of zou moeten), in versie 2 met voor of tegen op de terugkombijeenkomst. Een verschil van ${threshold} procentpunten of meer telt als veranderde steun.`,
  items: "De kaderpunten",
  noItems: "Er staan geen punten in het kader.",
  newHeading: "Nieuw",
  category: "Categorie",
  v1Text: "In versie 1",
  v1Category: "Categorie in versie 1",
  reason: "Reden vervallen",
  noReason: "Geen reden opgegeven.",
  toegepast: "Toegepast",
  toegepastCounts: (ja: number, deels: number, nee: number) => `ja ${ja} · deels ${deels} · nee ${nee}`,
  noReflections: "Nog niemand reflecteerde op dit punt.",
  goed: "Wat ging goed",
  beter: "Wat kan beter",
  indicatoren: "Indicatoren",
  steun: "Steun",
  v1: "versie 1",
  v2: "versie 2",
  noSteun: "–",
  /** A v1 point nobody could vote on on day 1 (an aanvulling from the casustoets), or no vote at all. */
  notVotedV1: "niet gestemd",
  noSteunYet: "nog niemand gaf steun",
  voorTegen: (voor: number, tegen: number) => `${voor} voor, ${tegen} tegen`,
  change: { meer: "meer steun", minder: "minder steun" },
  legend:
    "Rechts bij elk punt de steun in twee staven: de bovenste voor versie 1 (dag 1), de onderste voor versie 2 (de terugkombijeenkomst). Een pijl: de steun veranderde.",
  notOpened: "De terugkombijeenkomst is nog niet geopend: versie 2 van het kader bestaat nog niet.",
} as const;

/** A share 0..1 as a whole percentage, "75%"; "–" when there is none. */
export const formatShare = (share: number | null): string => (share === null ? TEXTS_V2.noSteun : `${formatNumber(Math.round(share * 100))}%`);

/** `kader-ABC123-2026-02-12-v2.md`: beside day 1's file, dated the day of the terugkombijeenkomst. */
export const exportFileNameV2 = (code: string, openedAt: number, extension: string): string =>
  `kader-${code.replace(/[^A-Za-z0-9]/g, "")}-${isoDate(openedAt)}-v2.${extension}`;
