/**
 * Dutch texts of the moments through the day: arrivals in the lobby, the role reveal, the live count of eisen, the
 * podium, the toets track, the finished kader, the terugblik's autoplay, and the spelleider's page control for the
 * beamer. Every moving picture has its words here: what a screen reader reads, and what the room can read.
 */
const n1 = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const feel = {
  lobby: {
    arrivalsHeading: "Wie er binnen is",
    arrivalsLabel: "Aankomsten per functie",
    perFunction: (name: string, n: number) => `${name}: ${n}`,
    nobody: "Wie binnenkomt, verschijnt hier met het teken van de eigen functie.",
  },
  rolwissel: {
    writtenHeading: "Eisen geschreven",
    written: (n: number) => `${n1(n, "eis", "eisen")} geschreven`,
    writtenTotal: (n: number) => `Samen ${n1(n, "eis", "eisen")} geschreven`,
    writtenLabel: (role: string, n: number) => `${role}: ${n1(n, "eis", "eisen")} geschreven`,
    privateNote: "De tekst blijft privé tot de spelleider de eisen zichtbaar maakt; hier telt alleen het aantal.",
    privateNoteReplay: "De tekst bleef privé tot de spelleider de eisen zichtbaar maakte; hier telde alleen het aantal.",
    revealOrder: "De wensenpakketten verschijnen rol voor rol.",
    more: (n: number) => `+${n} meer`,
    moreLabel: (n: number) => (n === 1 ? "en nog 1 eis die hier niet past" : `en nog ${n} eisen die hier niet passen`),
  },
  reveal: {
    turnHint: "Je kaart wordt omgedraaid…",
    announce: (role: string) => `Je rol is bekend: ${role}.`,
  },
  podium: {
    heading: "De top drie",
    // Fewer than three items had any support: only those stand on the podium.
    headingFew: (places: number) => (places === 2 ? "De top twee" : "De top"),
    place: (n: number) => `${n}e plaats`,
    restHeading: "De rest van de uitslag",
    // Nobody gave any item anything: no podium to stand on.
    noSupport: "Geen enkel item kreeg steun: er staat niemand op het podium.",
    restMore: (n: number) => `+${n} meer op de volgende pagina's`,
    allHeading: "Alle items, met draagvlak per rol",
  },
  toets: {
    position: (step: number, total: number, title: string) => `Onze pion staat op stap ${step} van ${total}: ${title}`,
    walked: (total: number) => `Alle ${total} stappen zijn gelopen; de wet kwam als laatste.`,
  },
  finish: {
    heading: "Het kader op maat is klaar",
    stats: (items: number, roles: number) => `${n1(items, "item", "items")}, samengesteld uit de eisen van ${n1(roles, "rol", "rollen")}`,
    thanks: "Dank voor het werk van vandaag. De spelleider deelt het kader.",
    /** In the terugblik, weeks later: not today's work any more. */
    thanksReplay: "Zo stond het kader er aan het eind van dag 1.",
  },
  autoplay: {
    play: "Afspelen",
    pause: "Pauzeren",
    playTitle: "Speel de dag af als een versnelde film (spatiebalk)",
    pauseTitle: "Zet de film stil (spatiebalk)",
    speedLabel: "Snelheid",
    speed: (x: number) => `${x}×`,
    speedTitle: (x: number) => (x === 1 ? "1×: een minuut van de sessie per seconde" : `${x}×: ${x} minuten van de sessie per seconde`),
    playing: (x: number) => `Speelt af op ${x}×`,
    paused: "Stilgezet",
    ended: "Einde van dag 1 bereikt",
  },
  beamerPages: {
    heading: "Pagina op de beamer",
    auto: (count: number) => `Bladert zelf (${count} pagina's)`,
    held: (page: number, count: number) => `Pagina ${page} van ${count}, vastgezet`,
    previous: "Vorige pagina",
    next: "Volgende pagina",
    release: "Zelf laten bladeren",
  },
  /** The long text the beamer shows in parts (the introduction, a case's situatie or afloop). */
  beamerParts: {
    heading: "Tekst op de beamer",
    what: { intro: "De introductie", situatie: "De situatie van de casus", afloop: "De afloop van de casus" },
    auto: (what: string) => `${what} slaat zelf om`,
    held: (what: string, part: number) => `${what}: deel ${part} vastgezet`,
    note: "Past de tekst niet in één keer, dan toont de beamer hem in delen; hoeveel, meet de beamer zelf. Vraag je een deel na het laatste, dan blijft hij op het laatste staan.",
    previous: "Vorig deel",
    next: "Volgend deel",
    release: "Zelf laten omslaan",
  },
} as const;
