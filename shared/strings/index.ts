/**
 * Every text the client shows, in Dutch, in one module. Screens import `t`; nothing in a screen is a literal string
 * a person reads.
 */
import type { GameRole, Moscow, PhaseKind, RealRole, Verdict, CostLevel } from "../protocol/ids.ts";
import { beamer } from "./beamer.ts";
import { board } from "./board.ts";
import { console as consoleTexts } from "./console.ts";
import { feel } from "./feel.ts";
import { participant } from "./participant.ts";
import { tafels } from "./tafels.ts";
import { terugblik } from "./terugblik.ts";
import { terugkom } from "./terugkom.ts";

export { joinTableNames } from "./tafels.ts";

export const ROLE_NAMES: Record<GameRole, string> = {
  burger: "Inwoner",
  raadslid: "Raadslid",
  wethouder: "Wethouder",
  directeur: "Directeur",
  beleidsambtenaar: "Beleidsambtenaar",
  wijkteamprofessional: "Wijkteamprofessional",
};

export const REAL_ROLE_NAMES: Record<RealRole, string> = {
  raadslid: "Raadslid",
  wethouder: "Wethouder",
  directeur: "Directeur of manager sociaal domein",
  beleidsambtenaar: "Beleidsambtenaar",
  teamleider: "Teamleider",
  wijkteamprofessional: "Wijkteamprofessional",
  anders: "Anders",
};

export const PHASE_TITLES: Record<PhaseKind, string> = {
  lobby: "Binnenkomen",
  beeldvorming: "Beeldvorming",
  rolwissel: "Rolwissel",
  samenvoegen: "Samenvoegen",
  plenair: "Plenair samenvoegen",
  prioriteren: "Prioriteren",
  casustoets: "Casustoets",
  resultaat: "Kader op maat",
};

export const VERDICT_NAMES: Record<Verdict, string> = {
  helpt: "Helpt",
  staat_in_de_weg: "Staat in de weg",
  niet_van_toepassing: "Niet van toepassing",
};

export const MOSCOW_NAMES: Record<Moscow, string> = {
  must: "Moet",
  should: "Zou moeten",
  could: "Kan",
  wont: "Niet nu",
};

export const COST_NAMES: Record<CostLevel, string> = {
  laag: "Laag",
  gemiddeld: "Gemiddeld",
  hoog: "Hoog",
  onbekend: "Onbekend",
};

export const DRAAGVLAK_NAMES = {
  verticaal: "Verticaal draagvlak",
  breed: "Breed gedragen",
  gedeeld: "Gedeeld",
  smal: "Smal: één laag",
  geen: "Geen steun",
} as const;

/**
 * The draagvlak label with how many roles back the item, so items with the same word still differ at a glance:
 * "Breed gedragen (5 van 6 rollen)", "Gedeeld (3 van 6 rollen)", "Smal (1 van 6 rollen)".
 */
export function draagvlakLabel(support: { draagvlak: keyof typeof DRAAGVLAK_NAMES; supportingRoles: readonly unknown[]; rolesPresent: readonly unknown[] }): string {
  const n = support.supportingRoles.length;
  const of = support.rolesPresent.length;
  switch (support.draagvlak) {
    case "geen":
      return DRAAGVLAK_NAMES.geen;
    case "verticaal":
      return `${DRAAGVLAK_NAMES.verticaal} (alle ${of} rollen)`;
    case "smal":
      return `Smal (1 van ${of} ${of === 1 ? "rol" : "rollen"})`;
    case "breed":
    case "gedeeld":
      return `${DRAAGVLAK_NAMES[support.draagvlak]} (${n} van ${of} rollen)`;
    default: {
      const unreachable: never = support.draagvlak;
      return unreachable;
    }
  }
}

export const t = {
  participant,
  board,
  console: consoleTexts,
  beamer,
  feel,
  terugkom,
  terugblik,
  tafels,
  app: {
    name: "Maatwerkspel",
    tagline: "In de schoenen van een ander: samen eisen stellen aan maatwerk.",
  },
  connection: {
    verbonden: "Verbonden",
    "opnieuw-verbinden": "Verbinding weg: je werk is bewaard en wordt verstuurd zodra de verbinding terug is.",
    gestopt: "Je bent niet meer verbonden met deze sessie.",
    label: "Verbinding",
    noServer: "Geen verbinding met de server. Controleer de wifi en probeer het opnieuw.",
    unreadable:
      "Het antwoord van de server kon niet worden gelezen. Moet je op deze wifi eerst inloggen of akkoord gaan? Open dan eerst een andere website, en probeer het daarna opnieuw.",
    waiting: "Wachten op de server",
    retrying: "Er is nog geen verbinding met de server. We proberen het elke paar seconden opnieuw; je hoeft niets te doen.",
    lateRefusal: "Niet opgeslagen toen de verbinding terug was:",
    lateText: "Wat je had geschreven, om over te nemen:",
    dismiss: "Sluiten",
  },
  status: {
    pending: "Bezig…",
    done: "Opgeslagen",
  },
  join: {
    title: "Meedoen",
    intro: "Vul de code in die de spelleider laat zien. Je krijgt straks een andere rol dan je eigen functie.",
    code: "Code",
    codeHint: "Zes tekens, bijvoorbeeld K7MPQ2",
    name: "Je naam",
    nameHint: "Alleen de spelleider ziet je naam. Wat je schrijft, verschijnt onder je spelrol.",
    realRole: "Je eigen functie",
    realRolePlaceholder: "Kies je functie",
    submit: "Meedoen",
    busy: "Even geduld…",
    rejoining: "Je plek wordt teruggezocht…",
    unknownCode: "Deze code kennen we niet. Controleer de code op het scherm van de spelleider.",
    missingName: "Vul je naam in.",
    missingRole: "Kies je eigen functie.",
    spelleiderLink: "Ben je spelleider? Start een nieuwe sessie",
  },
  create: {
    title: "Nieuwe sessie",
    scenario: "Scenario en variant",
    label: "Naam van de sessie (optioneel)",
    labelPlaceholder: "Bijvoorbeeld: Gemeente Oosterwolde, ochtendgroep",
    submit: "Sessie maken",
    made: "De sessie staat klaar.",
    keepLink: "Bewaar deze spelleiderslink goed: hij wordt maar één keer getoond en is je sleutel tot de sessie.",
    open: "Open de spelleiderstafel",
    totalMinutes: (n: number) => `${n} min`,
    holds: (phases: number, minutes: number) => `Deze variant heeft ${phases} fasen, samen ongeveer ${minutes} minuten (binnenkomen en het kader op maat niet meegeteld):`,
    minutes: (n: number) => `${n} min`,
    intro: "Waar dit scenario over gaat (de inleiding die deelnemers lezen)",
    copy: "Link kopiëren",
    copied: "Gekopieerd. Bewaar de link op een veilige plek.",
    copyFailed: "Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.",
  },
  header: {
    phase: "Fase",
    timeLeft: "Nog",
    timeUp: "Tijd is om",
    paused: "Pauze",
    yourRole: "Jouw rol",
    noRole: "Nog geen rol",
    participants: (n: number) => (n === 1 ? "1 deelnemer" : `${n} deelnemers`),
  },
  lobby: {
    waiting: "Je bent binnen. De spelleider start zo.",
    welcome: (name: string) => `Welkom, ${name}.`,
  },
  common: {
    ready: "Ik ben klaar",
    notReady: "Toch nog niet klaar",
    readyDone: "Je staat op klaar.",
    cancel: "Annuleren",
    save: "Opslaan",
    edit: "Aanpassen",
    remove: "Weghalen",
    add: "Toevoegen",
    close: "Sluiten",
    category: "Categorie",
    chooseCategory: "Kies een categorie",
    charactersLeft: (n: number) => `nog ${n} tekens`,
    loading: "Sessie laden…",
    error: "Er ging iets mis",
  },
} as const;

/** Minutes and seconds as a timer shows them. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}
