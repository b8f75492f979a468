/**
 * The beamer's tour of the cards whose text does not fit on the board (game/src/ui/beamer/tourPages.ts): as many
 * whole cards per turn as fit the two lines under the board, each turn as long as its text takes to read, so a full
 * board goes round in minutes, and a text longer than the line is shown whole in parts.
 */
import { describe, expect, it } from "vitest";
import { tourAt, tourPages, TOUR_SEPARATOR, type TourEntry } from "../../game/src/ui/beamer/tourPages.ts";
import { wrapWords } from "../../game/src/phaser/boardLayout.ts";
import { EIS_TEXTS } from "../../tools/bots/texts.ts";

/** Every character 14 px wide: about Atkinson Hyperlegible Next at 28 px, the beamer's size. */
const measure = (s: string) => s.length * 14;
/** The band under the board on a 1920x1080 beamer, less its border and padding (and 4 % for the browser's wrapping). */
const WIDTH = Math.round((1848 - 6 - 17) * 0.96);
const PREFIX = "150 items · 0 eisen nog los. Uitgelicht (150–150 van 150): ";

const texts = Object.values(EIS_TEXTS).flat();
const entries = (n: number): TourEntry[] => Array.from({ length: n }, (_, i) => ({ key: `item:i${i}`, text: `${texts[i % texts.length] ?? ""} (uit 1 eis)` }));

describe("de rondgang langs kaarten die niet heel op het bord passen", () => {
  it("toont per beurt zoveel hele kaarten als er in twee regels passen, in de volgorde van het bord", () => {
    const list = entries(40);
    const pages = tourPages(list, PREFIX, WIDTH, measure);
    expect(pages.flatMap((p) => p.keys)).toEqual(list.map((e) => e.key));
    expect(pages.some((p) => p.keys.length >= 2)).toBe(true);
    for (const page of pages) {
      // Whole texts, and together within two lines of the line under the board.
      expect(page.texts).toEqual(page.keys.map((k) => list.find((e) => e.key === k)?.text));
      expect(wrapWords(`${PREFIX}${page.texts.join(TOUR_SEPARATOR)}`, WIDTH, 99, measure).length).toBeLessThanOrEqual(2);
      // Long enough to read its longest text from the back of the room (at most 22 characters a second).
      expect(page.ms).toBeGreaterThanOrEqual(5_000);
      expect(page.ms).toBeGreaterThanOrEqual(Math.max(...page.texts.map((x) => x.length)) * 45);
    }
  });

  it("gaat bij een vol bord (150 kaarten) rond in ruim de helft van de tijd van een kaart per 8 seconden", () => {
    const pages = tourPages(entries(150), PREFIX, WIDTH, measure);
    const total = pages.reduce((sum, p) => sum + p.ms, 0);
    // One card per 8 s: 20 minutes; now about 10 (the samenvoegen of a short day lasts 20).
    expect(total).toBeLessThan(150 * 8_000 * 0.55);
    expect(pages.length).toBeLessThan(150 * 0.6);
  });

  it("een tekst langer dan de regel staat er heel, in delen die elkaar opvolgen", () => {
    const long = "Een oplossing moet op lange termijn werken, niet alleen vandaag, en de inwoner moet weten wie er over zijn situatie beslist, waarom, en wat hij kan doen als hij het er niet mee eens is; dat geldt voor elke regeling die het wijkteam toepast, ook als de regel zelf iets anders lijkt te zeggen.";
    const list = [{ key: "eis:a", text: "Burger: kort." }, { key: "eis:lang", text: long }, { key: "eis:b", text: "Raadslid: ook kort." }];
    const pages = tourPages(list, PREFIX, 700, measure);
    const parts = pages.filter((p) => p.keys.includes("eis:lang"));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.keys).toEqual(["eis:lang"]);
      expect(wrapWords(`${PREFIX}${p.texts.join("")}`, 700, 99, measure).length).toBeLessThanOrEqual(2);
    }
    const joined = parts.map((p) => (p.texts[0] ?? "").replace(/^…/, "").replace(/ …$/, "")).join(" ");
    expect(joined).toBe(long);
  });

  it("gaat rond: na de laatste beurt weer de eerste", () => {
    const pages = tourPages(entries(10), PREFIX, WIDTH, measure);
    const total = pages.reduce((sum, p) => sum + p.ms, 0);
    expect(tourAt(pages, 0)?.index).toBe(0);
    expect(tourAt(pages, (pages[0]?.ms ?? 0) + 1)?.index).toBe(pages.length > 1 ? 1 : 0);
    expect(tourAt(pages, total)?.index).toBe(0);
    expect(tourAt([], 5_000)).toBeNull();
  });
});
