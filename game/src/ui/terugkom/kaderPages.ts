/**
 * How the beamer splits kader versie 2 (beside versie 1) into pages, decided from the texts alone so that the
 * console's page control ("Pagina op de beamer") counts the same pages as the beamer shows.
 *
 * A fixed number of rows per page had to be sized for the longest texts: four rows of four lines each. A kader of
 * one- and two-line points then filled half the screen, and turned six pages for 21 points. Now each row is estimated
 * in lines from its texts, and as many rows go on a page as fit the height of the beamer's list.
 *
 * Measured in em of the beamer's font (its size follows the smaller of width and height, so 1920x1080 and every
 * 16:9 screen is the tightest shape; a 16:10 or wider screen only has more room), in Chromium at 1920x1080: each
 * column of the comparison is 30.6 em wide; a line is 1.35 em high; a row adds 0.97 em (padding and border) and the
 * gap 0.4 em; the list has 26.2 em from its top to the bottom of the board; a mark ("Gewijzigd") is its words plus
 * 2.4 em. Words are measured with the widths of the beamer's font (Atkinson Hyperlegible Next, regular and bold,
 * measured in Chromium), wrapped at spaces as the browser does; the estimate counts every word 2 % wider (kerning only
 * narrows it) and the list a little lower, so a page it fills does fit. `tests/e2e/terugkom.test.ts` checks it in
 * Chromium with long texts.
 */
/** The beamer's measures in em (see above), with room to spare. */
export const KADER_BEAMER = {
  columnEm: 30.6,
  /** Words are counted this much wider than measured (kerning and rounding differ per screen). */
  spare: 1.02,
  lineEm: 1.35,
  rowEm: 0.97,
  gapEm: 0.4,
  listEm: 25.8,
  /** The clamps of the beamer's rows (terugkom.css): versie 1's text, versie 2's, a category line, a reason. */
  maxLines: { v1: 3, v2: 4, category: 1, reason: 2 },
} as const;

export type Weight = "regular" | "bold";

/** Advance widths of the beamer's font in thousandths of an em (Atkinson Hyperlegible Next; canvas, Chromium). */
const GLYPHS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~éëèêïöüóáàçâîôûÉ’‘“”–—…→€";
const WIDTHS: Record<Weight, readonly number[]> = {
  regular: [
    280, 286, 301, 651, 592, 919, 731, 160, 299, 299, 485, 606, 210, 362, 210, 387, 556, 407, 548, 576, 614, 588, 598, 510, 615, 595, 210, 210, 553, 628,
    553, 480, 778, 626, 613, 645, 669, 569, 552, 694, 694, 392, 512, 631, 541, 824, 693, 714, 592, 724, 614, 592, 558, 690, 593, 856, 623, 575, 607, 317,
    387, 344, 552, 372, 243, 525, 566, 485, 564, 538, 314, 558, 550, 252, 245, 492, 262, 845, 550, 548, 566, 574, 349, 471, 326, 540, 461, 684, 481, 449,
    460, 344, 237, 344, 555, 538, 538, 538, 538, 266, 548, 540, 548, 525, 525, 485, 525, 252, 548, 540, 569, 236, 236, 399, 399, 504, 824, 670, 838, 664,
  ],
  bold: [
    312, 303, 390, 765, 610, 969, 725, 210, 335, 335, 485, 595, 271, 373, 272, 440, 556, 440, 579, 600, 624, 607, 626, 537, 624, 571, 272, 272, 569, 612,
    569, 547, 781, 678, 643, 658, 688, 597, 566, 718, 701, 424, 561, 663, 552, 858, 717, 746, 629, 756, 650, 610, 607, 686, 644, 886, 685, 650, 618, 340,
    440, 344, 582, 400, 288, 552, 596, 510, 596, 563, 365, 593, 571, 300, 259, 555, 318, 882, 571, 576, 596, 599, 376, 508, 376, 567, 530, 740, 539, 521,
    505, 381, 254, 381, 537, 563, 563, 563, 563, 314, 576, 567, 576, 552, 552, 510, 552, 300, 576, 567, 597, 269, 269, 479, 479, 501, 832, 780, 838, 678,
  ],
};
/** A character not in the table counts as wide as a capital M. */
const UNKNOWN: Record<Weight, number> = { regular: 824, bold: 858 };
const INDEX = new Map([...GLYPHS].map((ch, i) => [ch, i]));

/** The width of a text in em, on one line. */
export function widthEm(text: string, weight: Weight): number {
  const widths = WIDTHS[weight];
  let sum = 0;
  for (const ch of text) {
    const i = INDEX.get(ch);
    sum += i === undefined ? UNKNOWN[weight] : (widths[i] ?? UNKNOWN[weight]);
  }
  return (sum / 1000) * KADER_BEAMER.spare;
}

/** Lines a text takes in a column `columnEm` wide, wrapped at spaces, its first line starting `indentEm` in. */
export function linesOf(text: string, weight: Weight, columnEm: number, indentEm = 0): number {
  const space = widthEm(" ", weight);
  let lines = 1;
  let used = indentEm;
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const width = widthEm(word, weight);
    const needed = used === 0 ? width : used + space + width;
    if (needed <= columnEm) {
      used = needed;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than the line breaks anywhere (overflow-wrap: anywhere).
    const extra = Math.ceil(width / columnEm) - 1;
    lines += extra;
    used = width - extra * columnEm;
  }
  return lines;
}

/** The width in em of a mark before versie 2's text ("Gewijzigd", "Meer steun: 40% → 70%"): icon, padding, gap. */
const markEm = (label: string) => widthEm(label, "bold") + 2.4;

export interface KaderRowTexts {
  /** Versie 1's text, or null for a new point ("Stond niet in versie 1", one line). */
  v1Text: string | null;
  v2Text: string;
  /** The labels of the marks shown before versie 2's text. */
  marks: string[];
  /** The category line under versie 2 (when the category moved), or null. */
  categoryLine: string | null;
  /** The reason line of a retired point, or null. */
  reasonLine: string | null;
}

/** The height of one row on the beamer, in em, gap included. */
export function kaderRowEm(row: KaderRowTexts): number {
  const m = KADER_BEAMER;
  const width = m.columnEm;
  const v1Lines = row.v1Text === null ? 1 : Math.min(m.maxLines.v1, linesOf(row.v1Text, "regular", width, 1.6));
  // The marks stand apart by 0.3 em, and 0.4 em before the text.
  const indent = row.marks.reduce((sum, label) => sum + markEm(label) + 0.3, row.marks.length > 0 ? 0.1 : 0);
  let v2Lines = Math.min(m.maxLines.v2, linesOf(row.v2Text, "bold", width, indent));
  if (row.categoryLine) v2Lines += Math.min(m.maxLines.category, linesOf(row.categoryLine, "bold", width));
  if (row.reasonLine) v2Lines += Math.min(m.maxLines.reason, linesOf(row.reasonLine, "regular", width));
  // The v2 column's parts stand 0.3 em apart.
  const v2Em = v2Lines * m.lineEm + ((row.categoryLine ? 1 : 0) + (row.reasonLine ? 1 : 0)) * 0.3;
  return Math.max(v1Lines * m.lineEm, v2Em) + m.rowEm + m.gapEm;
}

/**
 * The first row of each page, for rows of the given heights on a list `budgetEm` high: as few pages as fit, and the
 * rows spread evenly over them (21 short rows as 7 + 7 + 7, not 9 + 9 + 3). A row higher than a page gets a page
 * of its own.
 */
export function pageStarts(heights: readonly number[], budgetEm: number): number[] {
  if (heights.length === 0) return [0];
  const greedy = (limit: number): number[] => {
    const starts = [0];
    let used = 0;
    heights.forEach((h, i) => {
      if (i > 0 && used + h > limit) {
        starts.push(i);
        used = 0;
      }
      used += h;
    });
    return starts;
  };
  const fewest = greedy(budgetEm).length;
  // The lowest page height (never above the budget) that still needs no more pages: pages as even as the rows allow.
  let low = Math.min(Math.max(...heights), budgetEm);
  let high = budgetEm;
  if (greedy(low).length <= fewest) return greedy(low);
  for (let step = 0; step < 30; step++) {
    const mid = (low + high) / 2;
    if (greedy(mid).length <= fewest) high = mid;
    else low = mid;
  }
  return greedy(high);
}

/** The pages of kader versie 2 on the beamer: each page's first index in `rows`. */
export function kaderPageStarts(rows: readonly KaderRowTexts[]): number[] {
  // The last row of a page has no gap below it.
  return pageStarts(rows.map(kaderRowEm), KADER_BEAMER.listEm + KADER_BEAMER.gapEm);
}
