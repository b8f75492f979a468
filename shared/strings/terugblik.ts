/** Dutch texts of the terugblik (the replay of day 1) and of the spelleider's card that opens the terugkombijeenkomst. */
import type { TerugkomStage } from "../protocol/ids.ts";

const STAGE_NAMES: Record<TerugkomStage, string> = {
  terugblik: "Terugblik",
  reflectie: "Reflectie",
  bijstellen: "Bijstellen",
  kader: "Kader versie 2",
};

export const terugblik = {
  viewer: {
    heading: "Terugblik op dag 1",
    loadingTimeline: "Tijdlijn van dag 1 laden…",
    loadingBoard: "Bord laden…",
    empty: "Er is nog niets om op terug te kijken.",
    scrubLabel: "Positie in de tijdlijn",
    scrubValue: (n: number, total: number, label: string) => `Stap ${n} van ${total}: ${label}`,
    step: (n: number, total: number) => `stap ${n} van ${total}`,
    controlsLabel: "Door de tijdlijn stappen",
    first: "Begin",
    firstTitle: "Naar het begin van dag 1",
    prevMarker: "Fase terug",
    prevMarkerTitle: "Naar het begin van deze fase of ronde, en daar naar de vorige (Page Up)",
    prevEvent: "Stap terug",
    prevEventTitle: "Eén gebeurtenis terug (pijl naar links)",
    nextEvent: "Stap verder",
    nextEventTitle: "Eén gebeurtenis verder (pijl naar rechts)",
    nextMarker: "Fase verder",
    nextMarkerTitle: "Naar het begin van de volgende fase of ronde (Page Down)",
    last: "Einde",
    lastTitle: "Naar het einde van dag 1",
    jumpHeading: "Naar een fase of ronde",
    jumpPrefix: (kind: "fase" | "ronde") => (kind === "ronde" ? "Naar ronde " : "Naar fase "),
    phaseStarted: "Begin van deze fase",
    keysHint: "Met het toetsenbord: pijl links en rechts voor één stap, Page Up en Page Down voor een fase of ronde, Home en End voor begin en einde.",
    boardHeading: "Het bord zoals het toen was",
    beamerFollows: (n: number, total: number) => `Beamer: stap ${n} van ${total}`,
    beamerWaiting: "De beamer wacht nog: zet een stap om te beginnen.",
    beamerElsewhere: "De beamer toont een stap van na dag 1.",
  },

  beamer: {
    heading: "Terugblik",
    waitingTitle: "We kijken zo samen terug op de eerste bijeenkomst",
    waitingText: "De spelleider loopt met jullie door wat er toen op het bord kwam: stap voor stap, ronde voor ronde.",
    loading: "Het bord wordt geladen…",
    dayTwo: "Terugkombijeenkomst",
  },

  stages: STAGE_NAMES,

  section: {
    heading: "Terugkombijeenkomst",
    intro: "Kom weken later met dezelfde groep terug om te kijken hoe het kader in de praktijk werkte en het bij te stellen.",
    points: [
      "Dag 1 wordt vastgezet als versie 1 van het kader; daarna verandert er aan dag 1 niets meer.",
      "Deelnemers komen binnen met dezelfde code.",
      "Wie op hetzelfde apparaat terugkomt, krijgt de eigen plek van dag 1 terug.",
    ],
    pointsLabel: "Wat er gebeurt als je opent",
    open: "Terugkombijeenkomst openen",
    confirmTitle: "Terugkombijeenkomst openen?",
    confirm: "Ja, openen",
    confirmText: "Het werk van dag 1 ligt daarna vast: fasen, timer en casussen kun je niet meer veranderen. Je begint met de terugblik.",
    stagesLabel: "Stappen van de terugkombijeenkomst",
    stageNow: "nu",
    stageGo: (name: string) => `Naar de stap ${name}`,
    next: (name: string) => `Verder naar ${name}`,
    codeLabel: "Code om mee te doen",
    codeHint: (host: string) => `Deelnemers gaan naar ${host} en vullen deze code in.`,
    frozen: "Dag 1 ligt vast: fasen, timer en casussen zijn niet meer te veranderen.",
  },

  errors: {
    network: "Geen verbinding met de server. Controleer de verbinding en probeer het opnieuw.",
    unreadable: "Het antwoord van de server kon niet worden gelezen. Laad de pagina opnieuw.",
    status: (status: number) => `De server kon de terugblik niet geven (fout ${status}).`,
    noSecret: "Open de spelleiderstafel met je spelleiderslink om de terugblik te zien.",
    retry: "Opnieuw proberen",
  },
} as const;
