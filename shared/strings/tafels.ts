/** Dutch texts for tafels: a big group split into tables of 5 to 8 (console, beamer and participant screens). */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Tafel 1 + 3" for tafels named "Tafel N"; any other names joined with " + ". */
export function joinTableNames(names: readonly string[]): string {
  if (names.length === 0) return "";
  const numbers = names.map((n) => /^Tafel (\S+)$/.exec(n)?.[1] ?? null);
  if (numbers.every((n) => n !== null)) return `Tafel ${numbers.join(" + ")}`;
  return names.join(" + ");
}

export const tafels = {
  // The lobby card in the console.
  card: {
    heading: "Tafels",
    explain:
      "Bij een grote groep werk je aan tafels van 5 tot 8 mensen. Het spel mengt de echte functies, zodat aan elke tafel een verticale lijn zit: van raad tot wijkteam.",
    oneGroup: "De groep speelt nu als één tafel.",
    split: (n: number) => `De groep zit aan ${plural(n, "tafel", "tafels")}:`,
    tableSize: (name: string, n: number) => `${name}: ${plural(n, "deelnemer", "deelnemers")}`,
    propose: "Indelen volgens voorstel",
    proposeAgain: "Opnieuw indelen volgens voorstel",
    proposeHint: "Het spel kiest het aantal tafels: zo dicht mogelijk bij 6 à 7 per tafel.",
    countLabel: "Aantal tafels",
    countHint: "1 = de hele groep als één tafel",
    assign: "Indelen",
    oneGroupButton: "Terug naar één groep",
    late: "Wie later binnenkomt, schuift aan bij de kleinste tafel.",
    fewPeople: "Tafels van 5 tot 8 mensen worden zinvol vanaf ongeveer 10 deelnemers.",
    noPlenair: "Deze variant heeft geen fase plenair: de programma's van de tafels komen dan niet samen. Kies voor een grote groep de variant met tafels.",
    openControls: "Toch tafels indelen",
  },

  // The side-by-side overview in the console.
  overview: {
    heading: "Tafeloverzicht",
    intro: "Per tafel wat er nu gebeurt. Namen en verplaatsen staan bij Deelnemers.",
    members: (online: number, members: number) => `${plural(members, "deelnemer", "deelnemers")}, ${online} online`,
    ready: (n: number, total: number) => `Klaar: ${n} van ${total}`,
    wrote: (n: number, total: number) => `Geschreven: ${n} van ${total}`,
    eisen: (n: number) => plural(n, "eis", "eisen"),
    revealed: "Eisen zichtbaar",
    hidden: "Eisen nog privé",
    reveal: (name: string) => `Eisen van ${name} zichtbaar maken`,
    items: (n: number) => `Programma: ${plural(n, "item", "items")}`,
    loose: (n: number) => (n === 1 ? "1 eis nog los" : `${n} eisen nog los`),
    inItems: (n: number) => (n === 1 ? "Eisen van deze tafel zitten in 1 item" : `Eisen van deze tafel zitten in ${n} items`),
    voted: (n: number, total: number) => `Gestemd: ${n} van ${total}`,
    noCase: "Nog geen casus",
    step: (n: number, total: number, title: string) => (n > total ? "Alle stappen gedaan" : `Stap ${n} van ${total}: ${title}`),
    walked: "Alle stappen gedaan",
    decided: "Besluit genomen",
    otherCase: "Andere casus voor deze tafel",
    chooseCase: "Kies een casus",
    openCase: "Openen",
    openCaseLabel: (name: string) => `Openen bij ${name}`,
    /** Two tafels with one case share its toets (the case's step, notes and besluit are one): said where it can be undone. */
    sharedCase: (others: string[]) =>
      `Deelt deze casus met ${others.length === 1 ? others[0] : `${others.slice(0, -1).join(", ")} en ${others.at(-1)}`}: één toets samen. Apart toetsen? Open hieronder een andere casus.`,
    rolesLabel: (name: string) => `Rollen aan ${name}`,
    functionsLabel: (name: string) => `Eigen functies aan ${name}`,
    // Short names of real functions, to show the mix at a tafel in one or two lines.
    functions: {
      raadslid: "raadslid",
      wethouder: "wethouder",
      directeur: "directeur",
      beleidsambtenaar: "beleid",
      teamleider: "teamleider",
      wijkteamprofessional: "wijkteam",
      anders: "anders",
    },
  },

  // People in the console.
  move: {
    label: (name: string) => `Tafel van ${name}`,
    groupHeading: (name: string, n: number) => `${name} (${n})`,
    noTable: "Zonder tafel",
  },

  // Console actions and cases when there are tafels.
  actions: {
    revealAll: "Eisen van alle tafels zichtbaar maken",
    revealAllHint: "Of maak ze per tafel zichtbaar in het tafeloverzicht, als een tafel eerder klaar is.",
    allRevealed: "De eisen van alle tafels zijn zichtbaar.",
    revealsRest: "De eisen van de tafels die nog privé zijn, worden dan zichtbaar.",
  },
  cases: {
    pickerLabel: "Open een casus voor alle tafels tegelijk, of kies per tafel in het tafeloverzicht.",
    openAll: "Voor iedereen",
    openAllLabel: (title: string) => `Voor iedereen: casus ${title} openen`,
    openAt: (names: string) => `open bij ${names}`,
    watch: "Bekijk de casus van",
  },

  // The board (samenvoegen, plenair) and the casustoets.
  board: {
    samenvoegenIntro:
      "Voeg de eisen van jouw tafel samen tot één programma van jullie tafel. In de volgende fase komen de programma's van alle tafels samen.",
    samenvoegenIntroSpelleider:
      "Elke tafel maakt zijn eigen programma. Je kunt aan elke tafel helpen; voeg alleen eisen en items van één tafel samen.",
    plenairIntro: "De programma's van alle tafels staan nu samen; voeg samen wat hetzelfde zegt.",
    plenairHow: "Het label op een item zegt van welke tafel of tafels het komt.",
    filterLabel: "Welke tafel wil je zien?",
    allTables: "Alle tafels",
  },
  casustoets: {
    intro: (name: string) => `Jouw tafel, ${name}, bespreekt deze casus. De andere tafels bespreken elk een eigen casus.`,
  },

  rolwissel: {
    someRevealed: (names: readonly string[]) =>
      `De eisen van ${names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`} zijn zichtbaar aan die ${names.length === 1 ? "tafel" : "tafels"}. De andere tafels schrijven nog.`,
  },

  // Participant.
  participant: {
    seatLabel: "Jouw tafel",
    seatHint: "Zoek je tafel op. Daar speel je de rolwissel en maak je samen het programma van jullie tafel.",
    pakkettenIntro: "Alle eisen van jouw tafel in deze ronde, per rol.",
    perTableCaption: "Steun per tafel: wie dit steunt, van wie er stemde",
    perTable: (name: string, backers: number, voters: number) =>
      voters === 0 ? `${name}: niemand stemde` : `${name}: ${backers} van ${voters} steunen dit`,
  },

  // Beamer.
  beamer: {
    splitHeading: (n: number) => `De groep zit aan ${plural(n, "tafel", "tafels")}`,
    splitNote: "Op je telefoon staat aan welke tafel je zit.",
    people: (n: number) => plural(n, "deelnemer", "deelnemers"),
    progressLabel: "Voortgang per tafel",
    wrote: (n: number, total: number) => `${n} van ${total} schreven`,
    eisen: (n: number) => plural(n, "eis", "eisen"),
    revealed: "zichtbaar",
    hidden: "nog privé",
    items: (n: number) => plural(n, "item", "items"),
    loose: (n: number) => `${n} los`,
    ready: (n: number, total: number) => `${n} van ${total} klaar`,
    /** Under the samenvoegen board, where a tafel's facts share one line. */
    readyShort: (n: number, total: number) => `${n}/${total} klaar`,
    voted: (n: number, total: number) => `${n} van ${total} stemden`,
    step: (n: number, total: number) => (n > total ? "Alle stappen gedaan" : `Stap ${n} van ${total}`),
    decided: "besluit genomen",
    noCase: "nog geen casus",
    casesHeading: "Elke tafel toetst een eigen casus",
    /** With five or more tafels a panel shortens a long note (or effect) with "…". */
    shortened: "Lange teksten zijn ingekort: de hele tekst staat op je telefoon.",
    /** A panel without a note at its step shows the case's effect, after this short label. */
    effect: "Gewenst effect",
  },
} as const;
