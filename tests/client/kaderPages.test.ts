/**
 * The pages of kader versie 2 on the beamer (game/src/ui/terugkom/kaderPages.ts): as many rows as fit the screen,
 * estimated from the texts, spread evenly, the same on the beamer and in the console's page control.
 * That the estimate fits a real beamer is checked in Chromium (tests/e2e/terugkom.test.ts).
 */
import { describe, expect, it } from "vitest";
import { KADER_BEAMER, kaderPageStarts, kaderRowEm, linesOf, pageStarts, widthEm, type KaderRowTexts } from "../../game/src/ui/terugkom/kaderPages.ts";

const SHORT = "Eén huishouden, één plan, één regisseur.";
const TWO_LINES = "We gaan uit van vertrouwen en houden rekening met het doenvermogen van de inwoner.";
const LONG = `${TWO_LINES} Dat leggen we vast in het mandaat van het wijkteam, zodat de raad elk halfjaar ziet waar en waarom is afgeweken en wat het de inwoner opleverde, ook als het geld kostte.`;

function row(text: string, options: { v1Text?: string | null; marks?: string[]; categoryLine?: string; reasonLine?: string } = {}): KaderRowTexts {
  const v1Text = options.v1Text === undefined ? text : options.v1Text;
  return { v1Text, v2Text: text, marks: options.marks ?? [], categoryLine: options.categoryLine ?? null, reasonLine: options.reasonLine ?? null };
}

describe("de regels van een tekst op de beamer", () => {
  it("een korte tekst is één regel, een lange breekt bij de spaties", () => {
    expect(linesOf(SHORT, "bold", KADER_BEAMER.columnEm)).toBe(1);
    expect(linesOf(TWO_LINES, "bold", KADER_BEAMER.columnEm)).toBe(2);
    expect(linesOf(LONG, "bold", KADER_BEAMER.columnEm)).toBe(5);
  });

  it("vet is breder dan gewoon, en een teken dat de tabel niet kent telt als een M", () => {
    expect(widthEm(TWO_LINES, "bold")).toBeGreaterThan(widthEm(TWO_LINES, "regular"));
    expect(widthEm("ŋ", "bold")).toBeCloseTo(widthEm("M", "bold"));
  });

  it("een woord langer dan de regel breekt waar het moet", () => {
    const word = "x".repeat(200);
    expect(linesOf(word, "bold", KADER_BEAMER.columnEm)).toBe(Math.ceil(widthEm(word, "bold") / KADER_BEAMER.columnEm));
  });

  it("een markering voor de tekst schuift hem op, tot op een volgende regel", () => {
    // Just under a line on its own; with "Gewijzigd" before it, two.
    const words = TWO_LINES.split(" ");
    let text = "";
    while (linesOf(`${text} ${words[0]}`.trim(), "bold", KADER_BEAMER.columnEm) === 1) text = `${text} ${words.shift()}`.trim();
    expect(kaderRowEm(row(text, { v1Text: "kort" }))).toBeLessThan(kaderRowEm(row(text, { v1Text: "kort", marks: ["Gewijzigd"] })));
  });

  it("een rij is zo hoog als de langste kolom, binnen wat de beamer afkapt", () => {
    const line = KADER_BEAMER.lineEm;
    const base = KADER_BEAMER.rowEm + KADER_BEAMER.gapEm;
    expect(kaderRowEm(row(SHORT))).toBeCloseTo(line + base);
    expect(kaderRowEm(row(SHORT, { v1Text: TWO_LINES }))).toBeCloseTo(2 * line + base);
    // Versie 2 shows at most four lines, versie 1 three.
    expect(kaderRowEm(row(LONG.repeat(3), { v1Text: LONG.repeat(3) }))).toBeCloseTo(4 * line + base);
    // A retired point's reason, at most two lines, and a moved category, one.
    const reason = `Reden: ${LONG}`;
    expect(kaderRowEm(row(SHORT, { reasonLine: reason, categoryLine: "Werkproces (eerder: Doelen)" }))).toBeCloseTo(4 * line + 0.6 + base);
  });
});

describe("de pagina's van kader versie 2", () => {
  it("even lange rijen: zoveel als passen, gelijk verdeeld", () => {
    const per = Math.floor((KADER_BEAMER.listEm + KADER_BEAMER.gapEm) / kaderRowEm(row(SHORT)));
    const starts = kaderPageStarts(Array.from({ length: 21 }, () => row(SHORT)));
    expect(starts.length).toBe(Math.ceil(21 / per));
    const sizes = starts.map((s, i) => (starts[i + 1] ?? 21) - s);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("korte punten: minder pagina's dan vier per pagina, lange: minder punten per pagina", () => {
    const short = kaderPageStarts(Array.from({ length: 21 }, () => row(TWO_LINES)));
    expect(short.length).toBeLessThan(Math.ceil(21 / 4));
    const long = kaderPageStarts(Array.from({ length: 21 }, () => row(LONG, { marks: ["Gewijzigd"] })));
    expect(long.length).toBeGreaterThan(Math.ceil(21 / 4));
  });

  it("geen pagina is hoger dan de lijst, behalve een rij die alleen al hoger is", () => {
    const heights = [3, 9, 2, 30, 4, 4, 4, 12, 1, 1, 8];
    const budget = 14;
    const starts = pageStarts(heights, budget);
    expect(starts[0]).toBe(0);
    starts.forEach((s, i) => {
      const page = heights.slice(s, starts[i + 1] ?? heights.length);
      if (page.length > 1) expect(page.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
    });
    // As few pages as greedy filling needs.
    expect(starts.length).toBe(5);
  });

  it("een leeg kader is één (lege) pagina; de console telt dezelfde pagina's als de beamer", () => {
    expect(kaderPageStarts([])).toEqual([0]);
    const rows = [row(SHORT), row(LONG), row(TWO_LINES, { v1Text: null, marks: ["Nieuw"] })];
    expect(kaderPageStarts(rows)).toEqual(kaderPageStarts(rows.map((r) => ({ ...r }))));
  });
});
