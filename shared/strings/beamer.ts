/** Dutch texts of the beamer (projector) screen: short, readable from the back of the room. */
export const beamer = {
  joinShort: "Meedoen via",
  codeLabel: "met code",
  paused: "Pauze: het spel staat even stil",
  page: (n: number, total: number) => `${n} / ${total}`,
  /** A part of a long text (the introduction, a case's situatie or afloop). */
  part: (n: number, total: number) => `Deel ${n} van ${total}`,
  more: (n: number) => (n === 1 ? "en nog 1" : `en nog ${n}`),

  lobby: {
    heading: "Doe mee",
    step1: "Scan de QR-code of ga naar",
    codeLabel: "Code",
    qrAlt: (code: string) => `QR-code om mee te doen met code ${code}`,
    count: (n: number) => (n === 0 ? "Nog niemand binnen" : n === 1 ? "1 deelnemer binnen" : `${n} deelnemers binnen`),
    roleNote: "Je krijgt straks een andere rol dan je eigen functie.",
  },

  beeldvorming: {
    heading: "Ons beeld van maatwerk",
    empty: "Nog geen kaartjes. Schrijf op je eigen scherm.",
    emptyReplay: "Nog geen kaartjes.",
    emptyPrompt: "Nog geen kaartjes bij deze vraag.",
    loose: "Nog niet ingedeeld",
    cards: (n: number) => (n === 1 ? "1 kaartje" : `${n} kaartjes`),
  },

  rolwissel: {
    caseLabel: "Casus",
    effect: "Wat de inwoner wil bereiken",
    instructionLabel: "Opdracht",
    rolesHeading: "Rollen in deze ronde",
    players: (n: number) => (n === 1 ? "1 speler" : `${n} spelers`),
    /** The moment between the round's start and the roles being dealt (seen in the terugblik, step by step). */
    rolesComing: "De rollen worden verdeeld…",
    privateNote: "De eisen blijven privé tot de spelleider ze zichtbaar maakt.",
    /** In the terugblik: what held then, not what the room is asked now. */
    privateNoteReplay: "De eisen bleven privé tot de spelleider ze zichtbaar maakte.",
    packagesHeading: "Wensenpakketten",
    packagesStats: (eisen: number, roles: number) => `${eisen === 1 ? "1 eis" : `${eisen} eisen`} uit ${roles === 1 ? "1 rol" : `${roles} rollen`}`,
    noEisen: "Geen eisen",
    eisen: (n: number) => (n === 1 ? "1 eis" : `${n} eisen`),
  },

  samenvoegen: {
    heading: "Programma van eisen",
    stats: (items: number, loose: number) =>
      `${items === 1 ? "1 item" : `${items} items`} · ${loose === 1 ? "1 eis nog los" : `${loose} eisen nog los`}`,
    empty: "Nog geen items. Voeg eisen samen op je eigen scherm.",
    fromEisen: (n: number) => (n === 1 ? "uit 1 eis" : `uit ${n} eisen`),
    spanningen: "Spanningen om te bespreken",
    between: "botst met",
  },

  prioriteren: {
    voting: "Er wordt gestemd",
    points: (budget: number, max: number | null) =>
      max ? `Verdeel ${budget} punten over de items, hoogstens ${max} op één item.` : `Verdeel ${budget} punten over de items.`,
    moscow: "Kies per item: moet, zou moeten, kan of niet nu.",
    asRole: "Je stemt vanuit je spelrol. De uitslag komt per rol op dit scherm.",
    voted: (voted: number, voters: number) => `Gestemd: ${voted} van de ${voters}`,
    /** The same in the terugblik, where nobody votes any more: told as what happened. */
    votingReplay: "Er werd gestemd",
    pointsReplay: (budget: number, max: number | null) =>
      max ? `Ieder verdeelde ${budget} punten over de items, hoogstens ${max} op één item.` : `Ieder verdeelde ${budget} punten over de items.`,
    moscowReplay: "Ieder koos per item: moet, zou moeten, kan of niet nu.",
    asRoleReplay: "Ieder stemde vanuit de eigen spelrol.",
    itemsHeading: "De items",
    chartHeading: "Draagvlak per rol",
  },

  chart: {
    legend: "Rollen",
    canvasLabel: "Staafdiagram: per item zes staven, één per rol, zo hoog als het deel van wat die rol kon geven.",
    absent: "Grijs gestreept: deze rol heeft niet gestemd.",
    // MoSCoW: "kan" gives a score but is not support (draagvlak counts "moet" and "zou moeten").
    weak: "Lichte staaf: alleen ‘kan’, telt niet als steun.",
    onlyKan: ", alleen ‘kan’: telt niet als steun",
    // MoSCoW results are a score (moet 3, zou moeten 2, kan 1), never "punten": the same word as on every other screen.
    share: (role: string, pct: number, points: number, unit: "punten" | "moscow" = "punten") =>
      `${role}: ${pct}% (${unit === "moscow" ? `score ${points}` : points === 1 ? "1 punt" : `${points} punten`})`,
    noVoters: (role: string) => `${role}: niet gestemd`,
    total: (n: number, unit: "punten" | "moscow" = "punten") => (unit === "moscow" ? `Totaalscore ${n}` : n === 1 ? "1 punt" : `${n} punten`),
    rank: (n: number) => `${n}.`,
    none: "Nog geen uitslag.",
  },

  casustoets: {
    noCase: "De spelleider opent zo een casus.",
    noCaseReplay: "Nog geen casus geopend.",
    effect: "Het effect dat de inwoner wil",
    situation: "De situatie",
    pathLabel: "De Omgekeerde Toets",
    step: (n: number) => `Stap ${n}`,
    now: "nu",
    done: "gedaan",
    lawLast: "pas als laatste",
    notesHeading: (n: number) => `Aantekeningen bij stap ${n}`,
    noNotes: "Nog geen aantekeningen bij deze stap.",
    spelleider: "Spelleider",
    allDone: "Alle stappen zijn doorlopen: nu per item oordelen.",
    verdictsHeading: "Oordeel per item",
    decision: "Besluit",
    /** The items this case added to the programma (aanvullingen), under the besluit. */
    amendmentsHeading: (n: number) => (n === 1 ? "Aanvulling op het programma" : `${n} aanvullingen op het programma, de laatste`),
    cost: (now: string, later: string) => `Kosten nu: ${now.toLowerCase()} · later: ${later.toLowerCase()}`,
    live: "Ingebracht door een deelnemer",
    afloop: "Wat er echt gebeurde",
    afloopLater: "Na jullie besluit: wat er echt gebeurde.",
    votesHeading: "De groep kiest de volgende casus",
    votes: (n: number) => (n === 1 ? "1 stem" : `${n} stemmen`),
  },

  resultaat: {
    heading: "Het kader op maat",
    top: "De items met het meeste draagvlak",
    empty: "Het kader heeft nog geen items.",
    spanningen: (n: number) => (n === 1 ? "1 open spanning" : `${n} open spanningen`),
    amendments: (n: number) => (n === 1 ? "1 aanvulling uit de casussen" : `${n} aanvullingen uit de casussen`),
    whole: "Het hele kader, per handelingsperspectief",
    continued: (title: string) => `${title} (vervolg)`,
    unvoted: "Niet gestemd",
    unvotedAmendment: "Aanvulling uit de casustoets, niet gestemd",
  },
} as const;
