/**
 * The kader op maat as a PDF for paper (A4, Dutch): a title block with a legend of the role colours, per
 * handelingsperspectief the items by rank with a small chart of six bars (support per role, in the role colours of
 * the game), the open spanningen, the beeldvorming's clusters, and the casusboekje. Set in Atkinson Hyperlegible
 * Next, the game's typeface, embedded so é, ë and ö print the same everywhere; numbers in Helvetica (see Writer).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { PALETTE, ROLE_COLOURS } from "#shared/theme.ts";
import type { KaderItem } from "../core/resultaat.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { GAME_ROLES, VERDICTS, type Verdict } from "#shared/protocol/ids.ts";
import { buildReport, sessionMeta, type CaseEntry, type Report } from "./report.ts";
import { COST_NAMES, draagvlakLabel, NO_ROLE_NAME, ROLE_NAMES, ROLE_SHORT, TEXTS, VERDICT_NAMES, dutchList, formatDate, formatNumber, quoted } from "./text.ts";

export type Doc = InstanceType<typeof PDFDocument>;

export const MARGIN = { top: 56, bottom: 60, left: 56, right: 56 };
export const FONT = { regular: "regular", bold: "bold" } as const;
const CHART = { bar: 16, gap: 4, height: 42 };
const CHART_WIDTH = GAME_ROLES.length * CHART.bar + (GAME_ROLES.length - 1) * CHART.gap;
const VERDICT_COLOURS: Record<Verdict, string> = { helpt: PALETTE.ok, staat_in_de_weg: PALETTE.danger, niet_van_toepassing: PALETTE.muted };
/** A light track behind each bar, so an empty bar still shows how high it could have been. */
export const TRACK = "#EEE8DC";
/** A bar whose role does not count as support (MoSCoW: only "kan"), as light as on the beamer (WEAK_ALPHA, chartModel.ts). */
const WEAK_OPACITY = 0.38;

/** The PDF export of a session's log. `now` becomes the file's creation date, so the same input gives the same file. */
export async function kaderPdf(events: readonly SessionEvent[], now: number): Promise<Buffer> {
  const report = buildReport(events);
  const meta = sessionMeta(report);
  const { doc, done } = a4Document(`${TEXTS.title}: ${meta.label}`, meta.scenario, now);
  titleBlock(doc, report);
  kaderSections(doc, report);
  spanningenSection(doc, report);
  beeldSection(doc, report);
  casusboekje(doc, report);
  footers(doc, meta.label);
  doc.end();
  return done;
}

/**
 * A Dutch A4 document with the export's fonts and metadata; `done` resolves with the bytes once it is ended. The
 * dates come from `now`, so the same log and `now` give the same file.
 */
export function a4Document(title: string, subject: string, now: number): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: "nl-NL",
    displayTitle: true,
    info: { Title: title, Author: "Maatwerkspel", Subject: subject, CreationDate: new Date(now), ModDate: new Date(now) },
  });
  const done = collect(doc);
  registerFonts(doc);
  return { doc, done };
}

export function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

// -----------------------------------------------------------------------------------------------------------------
// Fonts and text
// -----------------------------------------------------------------------------------------------------------------

let fontFiles: { regular: Buffer; bold: Buffer } | null = null;

/**
 * The WOFF files of the latin subset (the WOFF2 files make fontkit fail on composite glyphs). Read once: every
 * export needs them. Resolved through the package's LICENSE, the one file its exports map lets us resolve.
 */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (fontFiles) return fontFiles;
  const dir = join(dirname(createRequire(import.meta.url).resolve("@fontsource/atkinson-hyperlegible-next/LICENSE")), "files");
  const file = (weight: number) => readFileSync(join(dir, `atkinson-hyperlegible-next-latin-${weight}-normal.woff`));
  fontFiles = { regular: file(400), bold: file(700) };
  return fontFiles;
}

export function registerFonts(doc: Doc): void {
  const files = loadFonts();
  doc.registerFont(FONT.regular, files.regular);
  doc.registerFont(FONT.bold, files.bold);
}

/** The code points the latin subset holds (its unicode-range in @fontsource's latin-400.css). */
const COVERED: readonly [number, number][] = [
  [0x0000, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153], [0x02bb, 0x02bc], [0x02c6, 0x02c6], [0x02da, 0x02da], [0x02dc, 0x02dc],
  [0x0304, 0x0304], [0x0308, 0x0308], [0x0329, 0x0329], [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2191, 0x2191],
  [0x2193, 0x2193], [0x2212, 0x2212], [0x2215, 0x2215], [0xfeff, 0xfeff], [0xfffd, 0xfffd],
];
const FALLBACK: Record<string, string> = { ł: "l", Ł: "L", đ: "d", Đ: "D", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "✓": "v", "✔": "v" };

const covered = (ch: string): boolean => {
  const cp = ch.codePointAt(0) ?? 0;
  return COVERED.some(([from, to]) => cp >= from && cp <= to);
};

/**
 * Text as the embedded font can print it. A letter outside the subset (ş, ő) loses its accent rather than print as
 * an empty box; what has no plain form becomes "?", so the reader sees that something was there.
 */
export function printable(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (covered(ch)) {
      out += ch;
      continue;
    }
    const plain = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += plain.length > 0 && [...plain].every(covered) ? plain : (FALLBACK[ch] ?? "?");
  }
  return out;
}

export interface Style {
  font?: keyof typeof FONT;
  size?: number;
  color?: string;
}

/** Sets the style and returns what writes text in it. */
export function style(doc: Doc, s: Style): Writer {
  const weight = s.font ?? "regular";
  const size = s.size ?? 10;
  doc.font(FONT[weight]).fontSize(size).fillColor(s.color ?? PALETTE.ink);
  return new Writer(doc, weight, size);
}

type Weight = keyof typeof FONT;
type TextOptions = PDFKit.Mixins.TextOptions;
/** Helvetica: one of the fonts every PDF reader has, so it is not embedded. */
const NUMBER_FONT: Record<Weight, string> = { regular: "Helvetica", bold: "Helvetica-Bold" };
/** Atkinson Hyperlegible Next's ascender (984 of 1000 units): where its baseline lies below the top of a line. */
export const ATKINSON_ASCENT = 0.984;
const HAS_DIGIT = /\d/;
/** A word that holds a digit, with what sticks to it ("2015,", "(plaats 20)"). */
const DIGIT_WORD = /(\S*\d\S*)/;

interface Run {
  text: string;
  number: boolean;
}

export function digitRuns(text: string): Run[] {
  return text
    .split(DIGIT_WORD)
    .map((part, i) => ({ text: part, number: i % 2 === 1 }))
    .filter((run) => run.text !== "");
}

/**
 * Writes text in the style just set, with every word that holds a digit in Helvetica. Atkinson Hyperlegible Next
 * draws its zero slashed ("Wmo 2Ø15", "38.ØØØ euro") and its subset has no plain one; the web takes the zero from
 * the device's own font (styles.css, "Plain Zero"), which a PDF cannot. A whole word, so each number is in one
 * typeface and lines break where they did; on Atkinson's baseline, and a line that ends in a number keeps
 * Atkinson's line height. Text without a digit is written as before.
 */
export class Writer {
  private readonly doc: Doc;
  private readonly weight: Weight;
  private readonly size: number;

  constructor(doc: Doc, weight: Weight, size: number) {
    this.doc = doc;
    this.weight = weight;
    this.size = size;
  }

  text(text: string, options?: TextOptions): Doc;
  text(text: string, x: number, y: number, options?: TextOptions): Doc;
  text(text: string, xOrOptions?: number | TextOptions, y?: number, options?: TextOptions): Doc {
    const at = typeof xOrOptions === "number" ? { x: xOrOptions, y: y ?? this.doc.y } : null;
    const opts = (typeof xOrOptions === "number" ? options : xOrOptions) ?? {};
    if (!HAS_DIGIT.test(text)) return at ? this.doc.text(text, at.x, at.y, opts) : this.doc.text(text, opts);
    return opts.lineBreak === false ? this.line(text, at, opts) : this.flow(digitRuns(text), at, opts);
  }

  heightOfString(text: string, options?: TextOptions): number {
    return this.doc.heightOfString(text, options);
  }

  private font(run: Run): string {
    return run.number ? NUMBER_FONT[this.weight] : FONT[this.weight];
  }

  /** Atkinson's line height less Helvetica's: added to the gap of a line that ends in a number. */
  private lineHeightDifference(): number {
    const atkinson = this.doc.font(FONT[this.weight]).currentLineHeight(true);
    return atkinson - this.doc.font(NUMBER_FONT[this.weight]).currentLineHeight(true);
  }

  /** Wrapped text: the runs as one paragraph, each run continuing the line of the one before. */
  private flow(runs: readonly Run[], at: { x: number; y: number } | null, opts: TextOptions): Doc {
    const { doc } = this;
    const extra = this.lineHeightDifference();
    const gap = opts.lineGap ?? 0;
    runs.forEach((run, i) => {
      const last = i === runs.length - 1;
      const o: TextOptions = { ...opts, baseline: -ATKINSON_ASCENT * this.size, lineGap: run.number ? gap + extra : gap, continued: last ? opts.continued : true };
      doc.font(this.font(run));
      if (i === 0 && at) doc.text(run.text, at.x, at.y, o);
      else doc.text(run.text, o);
    });
    return doc.font(FONT[this.weight]);
  }

  /**
   * One line, not wrapped (labels, the footer): the runs placed one after the other, aligned within `width` as asked,
   * shortened with "…" when `ellipsis` is set and they do not fit. Leaves x and y where pdfkit would.
   */
  private line(text: string, at: { x: number; y: number } | null, opts: TextOptions): Doc {
    const { doc } = this;
    const x = at?.x ?? doc.x;
    const y = at?.y ?? doc.y;
    const measured = (t: string) => {
      const runs = digitRuns(t);
      const widths = runs.map((run) => doc.font(this.font(run)).widthOfString(run.text, { characterSpacing: opts.characterSpacing }));
      return { runs, widths, total: widths.reduce((a, b) => a + b, 0) };
    };
    let shown = measured(text);
    if (opts.ellipsis && opts.width !== undefined && shown.total > opts.width) {
      const mark = typeof opts.ellipsis === "string" ? opts.ellipsis : "…";
      let cut = text;
      while (cut.length > 0 && shown.total > opts.width) {
        cut = cut.slice(0, -1);
        shown = measured(`${cut.trimEnd()}${mark}`);
      }
    }
    const room = opts.width ?? shown.total;
    let cx = opts.align === "center" ? x + (room - shown.total) / 2 : opts.align === "right" ? x + room - shown.total : x;
    const lineHeight = doc.font(FONT[this.weight]).currentLineHeight(true);
    shown.runs.forEach((run, i) => {
      doc.font(this.font(run)).text(run.text, cx, y, { lineBreak: false, baseline: -ATKINSON_ASCENT * this.size, characterSpacing: opts.characterSpacing, strike: opts.strike });
      cx += shown.widths[i] ?? 0;
    });
    doc.font(FONT[this.weight]);
    doc.x = x;
    doc.y = y + lineHeight + (opts.lineGap ?? 0);
    return doc;
  }
}

export const contentWidth = (doc: Doc): number => doc.page.width - MARGIN.left - MARGIN.right;
export const bottom = (doc: Doc): number => doc.page.height - MARGIN.bottom;

/** Starts a new page when `height` does not fit, so a block is never cut in two. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function rule(doc: Doc, color: string = PALETTE.line, width = 0.75): void {
  const y = doc.y;
  doc.save().moveTo(MARGIN.left, y).lineTo(MARGIN.left + contentWidth(doc), y).lineWidth(width).strokeColor(color).stroke().restore();
}

export function heading(doc: Doc, text: string, size: number, keepWith: number): void {
  ensureSpace(doc, size * 2 + keepWith);
  style(doc, { font: "bold", size, color: PALETTE.accent }).text(printable(text), MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.35);
}

/** "Label. text" in one paragraph: the label bold, the text regular. */
function labelled(doc: Doc, label: string, text: string, options: { x?: number; width?: number } = {}): void {
  const x = options.x ?? MARGIN.left;
  const width = options.width ?? contentWidth(doc) - (x - MARGIN.left);
  ensureSpace(doc, 28);
  style(doc, { font: "bold" }).text(printable(`${label}. `), x, doc.y, { width, continued: true });
  style(doc, {}).text(printable(text), { width });
  doc.moveDown(0.3);
}

// -----------------------------------------------------------------------------------------------------------------
// Title block and legend
// -----------------------------------------------------------------------------------------------------------------

function titleBlock(doc: Doc, report: Report): void {
  const meta = sessionMeta(report);
  const width = contentWidth(doc);
  style(doc, { font: "bold", size: 9, color: PALETTE.accent }).text(printable(TEXTS.overline.toUpperCase()), MARGIN.left, MARGIN.top, { width, characterSpacing: 0.6 });
  doc.moveDown(0.6);
  style(doc, { font: "bold", size: 28 }).text(TEXTS.title, { width });
  style(doc, { font: "bold", size: 15, color: PALETTE.accent }).text(printable(meta.label), { width });
  doc.moveDown(0.4);
  style(doc, { size: 10, color: PALETTE.muted }).text(printable(TEXTS.meta(meta.scenario, formatDate(meta.createdAt), meta.code)), { width });
  style(doc, { size: 10, color: PALETTE.muted }).text(meta.counts, { width });
  doc.moveDown(0.8);
  style(doc, { size: 10.5 }).text(TEXTS.intro, { width, lineGap: 1.5 });
  doc.moveDown(0.9);
  legend(doc, report.unit);
  doc.moveDown(0.8);
  rule(doc, PALETTE.accent, 1.25);
  doc.moveDown(1);
}

/** The six role colours with their names, three to a row: the bars below carry colour and a short name only. */
function legend(doc: Doc, unit: Report["unit"]): void {
  const width = contentWidth(doc);
  const column = width / 3;
  style(doc, { font: "bold", size: 10 }).text(TEXTS.legend, MARGIN.left, doc.y, { width });
  doc.moveDown(0.3);
  const top = doc.y;
  GAME_ROLES.forEach((role, i) => {
    const x = MARGIN.left + (i % 3) * column;
    const y = top + Math.floor(i / 3) * 16;
    doc.save().rect(x, y + 1, 10, 10).fill(ROLE_COLOURS[role]).restore();
    style(doc, { size: 9.5 }).text(`${ROLE_NAMES[role]} (${ROLE_SHORT[role]})`, x + 15, y, { width: column - 18, lineBreak: false });
  });
  doc.y = top + 34;
  style(doc, { size: 8.5, color: PALETTE.muted }).text(unit === "moscow" ? `${TEXTS.legendNote} ${TEXTS.legendNoteKan}` : TEXTS.legendNote, MARGIN.left, doc.y, { width, lineGap: 1 });
}

// -----------------------------------------------------------------------------------------------------------------
// The kader: items per handelingsperspectief
// -----------------------------------------------------------------------------------------------------------------

function kaderSections(doc: Doc, report: Report): void {
  const byId = new Map(report.kader.items.map((i) => [i.itemId, i]));
  for (const p of report.kader.perspectieven) {
    const items = p.itemIds.flatMap((id) => byId.get(id) ?? []);
    heading(doc, p.title, 15, 70);
    if (items.length === 0) {
      style(doc, { size: 10, color: PALETTE.muted }).text(TEXTS.emptyPerspectief, MARGIN.left, doc.y, { width: contentWidth(doc) });
      doc.moveDown(1.2);
      continue;
    }
    for (const item of items) itemBlock(doc, report, item);
    doc.moveDown(0.8);
  }
}

interface Line {
  text: string;
  style: Style;
  gapAfter: number;
}

function itemLines(report: Report, item: KaderItem): Line[] {
  const small: Style = { size: 9.5, color: PALETTE.muted };
  const facts = [report.categoryName(item.categoryId), item.support ? draagvlakLabel(item.support) : TEXTS.notVotedShort];
  if (item.support) facts.push(`${TEXTS.total} ${formatNumber(item.support.total)}`);
  const lines: Line[] = [
    { text: item.text, style: { font: "bold", size: 12 }, gapAfter: 3 },
    { text: facts.join(" · "), style: small, gapAfter: 2 },
  ];
  if (item.roles.length > 0) lines.push({ text: `${TEXTS.fromEisen} ${dutchList(item.roles.map((r) => ROLE_NAMES[r]))}`, style: small, gapAfter: 2 });
  if (item.fromCases.length > 0) {
    lines.push({ text: `${TEXTS.aanvulling} ${dutchList(item.fromCases.map((id) => quoted(report.caseTitle(id))))}.`, style: small, gapAfter: 2 });
  }
  for (const e of item.evidence) lines.push({ text: `${VERDICT_NAMES[e.verdict]}: ${quoted(report.caseTitle(e.caseId))}`, style: { size: 9.5, color: VERDICT_COLOURS[e.verdict] }, gapAfter: 1 });
  return lines;
}

function measure(doc: Doc, lines: readonly Line[], width: number): number {
  return lines.reduce((sum, line) => sum + style(doc, line.style).heightOfString(printable(line.text), { width }) + line.gapAfter, 0);
}

/** Rank badge, text and facts on the left; the support chart on the right; never split over two pages. */
function itemBlock(doc: Doc, report: Report, item: KaderItem): void {
  const textX = MARGIN.left + 30;
  const textWidth = contentWidth(doc) - 30 - CHART_WIDTH - 24;
  const lines = itemLines(report, item);
  const chartHeight = CHART.height + 24;
  const height = Math.max(measure(doc, lines, textWidth), chartHeight) + 14;
  ensureSpace(doc, height);
  const top = doc.y;
  rankBadge(doc, item.rank, MARGIN.left, top);
  doc.y = top;
  for (const line of lines) {
    style(doc, line.style).text(printable(line.text), textX, doc.y, { width: textWidth });
    doc.y += line.gapAfter;
  }
  supportChart(doc, item, MARGIN.left + contentWidth(doc) - CHART_WIDTH, top + 2);
  doc.y = top + height - 7;
  rule(doc);
  doc.y += 8;
}

function rankBadge(doc: Doc, rank: number, x: number, y: number): void {
  doc.save().circle(x + 11, y + 9, 11).fill(PALETTE.accent).restore();
  style(doc, { font: "bold", size: rank > 99 ? 8 : 10, color: PALETTE.accentInk }).text(String(rank), x, y + 3.5, { width: 22, align: "center", lineBreak: false });
}

/**
 * Six bars, one per role in the game's order and colours. A bar's height is the share of what that role's voters
 * could give (fair when roles differ in size); under it the points and the role's short name.
 */
function supportChart(doc: Doc, item: KaderItem, x: number, y: number): void {
  const support = item.support;
  if (!support) {
    style(doc, { size: 9, color: PALETTE.muted }).text(TEXTS.notVoted, x, y + 10, { width: CHART_WIDTH, align: "center" });
    return;
  }
  const base = y + CHART.height;
  GAME_ROLES.forEach((role, i) => {
    const bx = x + i * (CHART.bar + CHART.gap);
    const present = support.rolesPresent.includes(role);
    const share = Math.min(1, Math.max(0, support.sharePerRole[role]));
    doc.save().rect(bx, y, CHART.bar, CHART.height).fill(TRACK).restore();
    if (present && support.perRole[role] > 0) {
      const h = Math.max(1.5, share * CHART.height);
      // Light when the role does not count as support (MoSCoW: its voters chose only "kan"), as on the beamer.
      const opacity = support.supportingRoles.includes(role) ? 1 : WEAK_OPACITY;
      doc.save().rect(bx, base - h, CHART.bar, h).fillOpacity(opacity).fill(ROLE_COLOURS[role]).restore();
    }
    const value = present ? formatNumber(support.perRole[role]) : "–";
    style(doc, { font: "bold", size: 8 }).text(value, bx - 4, base + 3, { width: CHART.bar + 8, align: "center", lineBreak: false });
    style(doc, { size: 6.5, color: PALETTE.muted }).text(ROLE_SHORT[role], bx - 4, base + 13, { width: CHART.bar + 8, align: "center", lineBreak: false });
  });
  doc.save().moveTo(x - 2, base).lineTo(x + CHART_WIDTH + 2, base).lineWidth(0.75).strokeColor(PALETTE.ink).stroke().restore();
}

// -----------------------------------------------------------------------------------------------------------------
// Spanningen and the casusboekje
// -----------------------------------------------------------------------------------------------------------------

function spanningenSection(doc: Doc, report: Report): void {
  const width = contentWidth(doc);
  heading(doc, TEXTS.spanningen, 15, 40);
  const { spanningen } = report.kader;
  if (spanningen.length === 0) {
    style(doc, { color: PALETTE.muted }).text(TEXTS.noSpanningen, MARGIN.left, doc.y, { width });
    return;
  }
  style(doc, { color: PALETTE.muted }).text(TEXTS.spanningenIntro, MARGIN.left, doc.y, { width });
  doc.moveDown(0.5);
  // The two items on one line, the group's note under them: items often end in a full stop of their own.
  for (const s of spanningen) {
    ensureSpace(doc, 36);
    const pair = `${quoted(report.itemText(s.itemA))} ${TEXTS.and} ${quoted(report.itemText(s.itemB))}`;
    style(doc, { font: "bold" }).text(printable(pair), MARGIN.left, doc.y, { width });
    if (s.note.trim()) style(doc, {}).text(printable(s.note.trim()), MARGIN.left + 14, doc.y, { width: width - 14 });
    doc.moveDown(0.5);
  }
}

/** The beeldvorming: per question the clusters, each a label with its cards as a list, then the cards in none. */
function beeldSection(doc: Doc, report: Report): void {
  if (report.beeld.length === 0) return;
  const width = contentWidth(doc);
  doc.moveDown(1);
  heading(doc, TEXTS.beeld, 15, 60);
  style(doc, { color: PALETTE.muted }).text(TEXTS.beeldIntro, MARGIN.left, doc.y, { width });
  for (const entry of report.beeld) {
    doc.moveDown(0.6);
    ensureSpace(doc, 60);
    style(doc, { font: "bold", size: 12 }).text(printable(entry.prompt), MARGIN.left, doc.y, { width });
    doc.moveDown(0.2);
    const groups = [...entry.clusters, ...(entry.loose.length > 0 ? [{ label: TEXTS.beeldLoose, cards: entry.loose }] : [])];
    for (const group of groups) {
      ensureSpace(doc, 30);
      style(doc, { font: "bold", size: 10 }).text(printable(`${group.label} `), MARGIN.left, doc.y, { width, continued: true });
      style(doc, { size: 10, color: PALETTE.muted }).text(`(${TEXTS.cards(group.cards.length)})`, { width });
      for (const card of group.cards) {
        ensureSpace(doc, 14);
        doc.save().circle(MARGIN.left + 6, doc.y + 6, 2).fill(PALETTE.accent).restore();
        style(doc, { size: 9.5 }).text(printable(card), MARGIN.left + 14, doc.y, { width: width - 14 });
      }
      doc.moveDown(0.3);
    }
  }
}

function casusboekje(doc: Doc, report: Report): void {
  doc.addPage();
  const width = contentWidth(doc);
  style(doc, { font: "bold", size: 22 }).text(TEXTS.casusboekje, MARGIN.left, MARGIN.top, { width });
  doc.moveDown(0.3);
  style(doc, { size: 10.5 }).text(TEXTS.casusboekjeIntro, { width, lineGap: 1.5 });
  doc.moveDown(1);
  if (report.cases.length === 0) {
    style(doc, { color: PALETTE.muted }).text(TEXTS.noCases, { width });
    return;
  }
  for (const c of report.cases) caseBlock(doc, c);
}

function caseBlock(doc: Doc, c: CaseEntry): void {
  heading(doc, c.title, 14, 60);
  if (c.source === "live") {
    style(doc, { size: 9, color: PALETTE.muted }).text(TEXTS.liveCase.charAt(0).toUpperCase() + TEXTS.liveCase.slice(1), MARGIN.left, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.3);
  }
  labelled(doc, TEXTS.situation, c.situation);
  labelled(doc, TEXTS.effectWanted, c.effectWanted);
  if (c.dilemma) labelled(doc, TEXTS.dilemma, c.dilemma);
  if (c.laws.length > 0) labelled(doc, TEXTS.laws, c.laws.join("; "));
  if (c.rules) labelled(doc, TEXTS.rules, c.rules);
  toetsSteps(doc, c);
  verdicts(doc, c);
  const decision = c.decision
    ? `${c.decision.decision} ${TEXTS.costs(COST_NAMES[c.decision.costNow], COST_NAMES[c.decision.costLater])}${c.decision.costNote.trim() ? ` ${c.decision.costNote}` : ""}`
    : TEXTS.noDecision;
  labelled(doc, TEXTS.decision, decision);
  if (c.afloop) labelled(doc, TEXTS.afloop, c.afloop);
  if (c.aanvullingen.length > 0) {
    labelled(doc, TEXTS.aanvullingen, c.aanvullingen.map((a) => `${quoted(a.text)}${a.rank ? ` (${TEXTS.rank(a.rank)})` : ""}`).join("; "));
  }
  doc.moveDown(0.4);
  rule(doc);
  doc.moveDown(1);
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.3);
  style(doc, { font: "bold", size: 11 }).text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

/** Each step of the Toets with what the group noted there, each note marked with its role's colour and name. */
function toetsSteps(doc: Doc, c: CaseEntry): void {
  subheading(doc, TEXTS.toets);
  const x = MARGIN.left + 14;
  const width = contentWidth(doc) - 14;
  c.steps.forEach((step, index) => {
    ensureSpace(doc, 30);
    style(doc, { font: "bold" }).text(printable(`${index + 1}. ${step.title}`), MARGIN.left, doc.y, { width: contentWidth(doc) });
    if (step.notes.length === 0) {
      style(doc, { size: 9.5, color: PALETTE.muted }).text(step.reached ? TEXTS.stepNoNotes : TEXTS.stepNotReached, x, doc.y, { width });
    }
    for (const note of step.notes) {
      ensureSpace(doc, 16);
      const top = doc.y;
      doc.save().rect(x, top + 3, 6, 6).fill(note.role ? ROLE_COLOURS[note.role] : PALETTE.muted).restore();
      style(doc, { font: "bold", size: 9.5 }).text(`${note.role ? ROLE_NAMES[note.role] : NO_ROLE_NAME}: `, x + 10, top, { width: width - 10, continued: true });
      style(doc, { size: 9.5 }).text(printable(note.text), { width: width - 10 });
    }
    doc.moveDown(0.3);
  });
}

/** Grouped by verdict (helpt, staat in de weg, niet van toepassing), each item with its place in the kader. */
function verdicts(doc: Doc, c: CaseEntry): void {
  subheading(doc, TEXTS.verdicts);
  const width = contentWidth(doc);
  if (c.verdicts.length === 0) {
    style(doc, { size: 9.5, color: PALETTE.muted }).text(TEXTS.noVerdicts, MARGIN.left, doc.y, { width });
    doc.moveDown(0.3);
    return;
  }
  for (const verdict of VERDICTS) {
    const group = c.verdicts.filter((v) => v.verdict === verdict);
    if (group.length === 0) continue;
    ensureSpace(doc, 30);
    style(doc, { font: "bold", size: 9.5, color: VERDICT_COLOURS[verdict] }).text(VERDICT_NAMES[verdict], MARGIN.left, doc.y, { width });
    for (const v of group) {
      ensureSpace(doc, 14);
      const text = `${v.text} (${v.rank ? TEXTS.rank(v.rank) : TEXTS.notInKader})`;
      doc.save().circle(MARGIN.left + 6, doc.y + 6, 2).fill(VERDICT_COLOURS[verdict]).restore();
      style(doc, { size: 9.5 }).text(printable(text), MARGIN.left + 14, doc.y, { width: width - 14 });
    }
    doc.moveDown(0.3);
  }
}

// -----------------------------------------------------------------------------------------------------------------
// Page footers
// -----------------------------------------------------------------------------------------------------------------

/**
 * Written last, when the number of pages is known. The bottom margin is lifted meanwhile: text there would
 * otherwise make pdfkit start a new page.
 */
export function footers(doc: Doc, label: string, title: string = TEXTS.title): void {
  const range = doc.bufferedPageRange();
  const width = contentWidth(doc);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 38;
    style(doc, { size: 8, color: PALETTE.muted }).text(printable(`${title} · ${label}`), MARGIN.left, y, { width: width - 90, lineBreak: false, ellipsis: true });
    style(doc, { size: 8, color: PALETTE.muted }).text(TEXTS.page(i - range.start + 1, range.count), MARGIN.left + width - 90, y, { width: 90, align: "right", lineBreak: false });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}
