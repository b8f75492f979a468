/** Texts of the shared samenvoegen board (beamer, laptop and console) and its text equivalent. */
export const pveBoard = {
  continued: "(vervolg)",
  eisen: (n: number) => (n === 1 ? "1 eis" : `${n} eisen`),
  dropZone: "Sleep een losse eis hierheen om hem op te nemen in het programma",
  similar: "Lijken op elkaar",
  textHeading: "Het bord in tekst",
  laneStats: (items: number, loose: number) =>
    `${items === 1 ? "1 item" : `${items} items`}, ${loose === 1 ? "1 losse eis" : `${loose} losse eisen`}`,
  item: (text: string, roles: string, n: number) => `Item: ${text} (rollen: ${roles}; uit ${n === 1 ? "1 eis" : `${n} eisen`})`,
  looseEis: (role: string, text: string) => `Losse eis van ${role.toLowerCase()}: ${text}`,
  /** After an item or eis in the text equivalent, with tafels: where it comes from. */
  fromTables: (names: string) => ` (${names})`,
  /** The beamer's board, when item titles do not fit whole: where the room reads them. */
  cutNote: "Hele teksten: op je eigen scherm.",
  cluster: (texts: string[]) => `Lijken op elkaar: ${texts.map((x) => `“${x}”`).join(" en ")}`,
  spanning: (a: string, b: string, note: string) => `Spanning tussen “${a}” en “${b}”${note ? `: ${note}` : ""}`,
  spanningenHeading: "Spanningen",
  /** Above the newest item: merged from several eisen, or one eis taken in as it is. */
  spotlight: (eisen: number) => (eisen === 1 ? "Net opgenomen" : "Net samengevoegd"),
  /** The beamer reads out, one by one, the cards whose text does not fit on the board (ringed on the board). */
  tour: "Uitgelicht",
  /** Which of the cards read out are on this turn: "Uitgelicht (4–6 van 150)". */
  tourOf: (first: number, last: number, n: number) => `Uitgelicht (${first === last ? first : `${first}–${last}`} van ${n})`,
  tourEis: (role: string, text: string) => `${role}: ${text}`,
  fromEisen: (n: number) => (n === 1 ? "uit 1 eis" : `uit ${n} eisen`),
  loading: "Het bord wordt getekend…",
  noCanvas: "Dit scherm kan het bord niet tekenen; hieronder staat het als lijst.",
  empty: "Nog geen eisen op het bord.",
  boardLabel: "Het bord met alle kaarten",
  howTo:
    "Sleep een kaart op een andere kaart om ze samen te voegen, of op het vak bovenaan om een eis op te nemen. Klik op kaarten om ze te selecteren. Sleep de achtergrond om te schuiven, scroll om te zoomen; wijs een kaart aan voor de hele tekst.",
  listToo: "Dezelfde kaarten staan hieronder als lijst; daar werkt ook het toetsenbord.",
  showBoard: "Bord tonen",
  hideBoard: "Bord verbergen",
} as const;
