/**
 * What bots write: plausible Dutch cards, eisen per category, Toets notes and decisions, so a bot-played session
 * reads like a real one in replays and exports. Several wordings per idea, so duplicate suggestions have work.
 */
import type { GameRole } from "#shared/protocol/ids.ts";

export const CARD_TEXTS: Record<string, string[]> = {
  default: [
    "Kijken naar wat iemand echt nodig heeft",
    "Niet elke keer het wiel opnieuw uitvinden",
    "Ruimte voor de professional om af te wijken",
    "Een uitzondering die uitlegbaar is",
    "Angst voor precedentwerking",
    "Regels die niet bij het leven passen",
    "Geen tijd om goed uit te zoeken wat er speelt",
    "Niet weten wie mag beslissen",
  ],
};

/** Eisen by category id; categories a scenario does not have are simply not used. */
export const EIS_TEXTS: Record<string, string[]> = {
  kernwaarden: [
    "We beginnen bij het effect dat de inwoner wil bereiken, niet bij de regeling.",
    "We starten bij wat de inwoner wil bereiken en pas daarna bij de regels.",
    "Het doel van de inwoner staat voorop, de regeling volgt.",
  ],
  doelen: [
    "Maatwerk is gericht op een duurzame oplossing, zodat ondersteuning waar mogelijk overbodig wordt.",
    "Een oplossing moet op lange termijn werken, niet alleen vandaag.",
  ],
  mandaat: [
    "De professional mag binnen het maatwerkbudget zelfstandig besluiten tot een vastgesteld bedrag.",
    "De wijkprofessional mag zelf beslissen tot een vast bedrag uit het maatwerkbudget.",
    "Duidelijk vastleggen wie waarover mag beslissen.",
  ],
  budget: [
    "De goedkoopst adequate oplossing gaat voor, mits het beoogde effect wordt bereikt.",
    "Kosten op lange termijn wegen mee, niet alleen de kosten van nu.",
  ],
  rechtmatigheid: [
    "Iedere maatwerkbeslissing is herleidbaar tot een wettelijke grondslag of de hardheidsclausule.",
    "Elke afwijking wordt gemotiveerd en vastgelegd in het dossier.",
  ],
  werkproces: [
    "Eén huishouden, één plan, één regisseur.",
    "De inwoner heeft één vast aanspreekpunt en wordt niet van het kastje naar de muur gestuurd.",
    "Eén contactpersoon voor de inwoner, die alles coördineert.",
  ],
  escalatie: [
    "Loopt een casus vast, dan besluit het doorbraakteam binnen vijf werkdagen.",
    "Er is een snelle escalatieroute naar iemand met doorzettingsmacht.",
  ],
  leren: [
    "Alle afwijkingen komen in een geanonimiseerd maatwerkregister.",
    "Bij terugkerende patronen passen we de regel aan in plaats van telkens een uitzondering te maken.",
  ],
  bejegening: [
    "We gaan uit van vertrouwen en houden rekening met het doenvermogen van de inwoner.",
    "De inwoner wordt als gelijkwaardige gesprekspartner behandeld.",
  ],
  ruggensteun: [
    "Wie binnen de spelregels afwijkt, wordt gesteund, ook als de uitkomst tegenvalt.",
    "Leidinggevenden staan achter professionals die gemotiveerd afwijken.",
  ],
};

export const TOETS_NOTES: string[] = [
  "De inwoner wil zelfstandig blijven en niet afhankelijk worden van anderen.",
  "Het huishouden raakt overbelast als er niets gebeurt; dat kost later meer.",
  "De bedoeling van de wet is meedoen; deze oplossing past daarbij.",
  "Het is ethisch verantwoord: de oplossing is proportioneel en uitlegbaar.",
  "De wet staat niet in de weg; de beleidsregel wel, en daar mogen we van afwijken.",
];

export const DECISIONS: string[] = [
  "We kennen de oplossing toe als maatwerk, leggen de motivering vast en evalueren na drie maanden.",
  "We wijken gemotiveerd af van de beleidsregel en melden het patroon bij beleid.",
];

export const AMENDMENTS: string[] = [
  "Bij een vastgelopen casus kijkt één regisseur over de grenzen van wetten heen.",
  "Afwijkingen van de beleidsregel worden elk kwartaal besproken met beleid en raad.",
];

/** Bots vary their eisen by role, so the wensenpakketten differ like real ones do. */
export const ROLE_FAVOURITES: Record<GameRole, string[]> = {
  burger: ["bejegening", "werkproces", "kernwaarden"],
  raadslid: ["leren", "doelen", "rechtmatigheid"],
  wethouder: ["kernwaarden", "budget", "rechtmatigheid"],
  directeur: ["budget", "mandaat", "escalatie"],
  beleidsambtenaar: ["rechtmatigheid", "leren", "doelen"],
  wijkteamprofessional: ["mandaat", "ruggensteun", "werkproces"],
};

/** What bots say at the terugkombijeenkomst: short, plausible answers from practice. */
export const REFLECTIE_GOED: string[] = [
  "In het wijkteam bespreken we nu elke week één casus met deze vraag erbij.",
  "De beschikking werd sneller afgegeven omdat iedereen wist wie mocht beslissen.",
  "Inwoners merkten dat ze hun verhaal niet opnieuw hoefden te vertellen.",
  "De raad vroeg zelf naar voorbeelden in plaats van naar cijfers.",
];
export const REFLECTIE_BETER: string[] = [
  "Het mandaat staat nog niet op papier; teamleiders twijfelen.",
  "We vergeten het als het druk is; het moet in het werkoverleg terugkomen.",
  "Financiën is nog niet aangehaakt bij de afwegingen.",
  "De monitoring telt nog steeds alleen aantallen beschikkingen.",
];
export const REFLECTIE_INDICATOREN: string[] = [
  "Aantal casussen waarin we afweken en waarom, per kwartaal.",
  "Tevredenheid van inwoners over het eerste gesprek.",
  "Doorlooptijd van melding tot passende hulp.",
  "",
];
export const NIEUWE_KADERPUNTEN: string[] = [
  "Elk kwartaal bespreken raad, college en wijkteam samen twee casussen waarin werd afgeweken.",
  "Financiën schuift aan bij het casusoverleg wanneer een afwijking meer dan een jaarbudget kost.",
];
