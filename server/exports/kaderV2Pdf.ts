/**
 * Kader versie 2 as a PDF for paper (A4, Dutch), in the style of day 1's (pdf.ts: the same embedded typeface,
 * margins, colours and footers): a title block, the summary as five counts, and every item — v1's in v1's order,
 * then the added ones — with its status, what changed, the reflections and, on the right, its steun in versie 1
 * and versie 2 as two small bars.
 */
import { PALETTE } from "#shared/theme.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { KaderStatus, KaderV2Item } from "#shared/protocol/views.ts";
import {
  MARGIN,
  TRACK,
  a4Document,
  contentWidth,
  ensureSpace,
  footers,
  heading,
  printable,
  rule,
  style,
  type Doc,
  type Style,
} from "./pdf.ts";
import {
  STEUN_DREMPEL_PUNTEN,
  changedV1Text,
  hasReflectionRow,
  reflectionLists,
  reflectionTotal,
  requireKaderV2Report,
  summaryCounts,
  type KaderV2Report,
} from "./kaderV2.ts";
import { TEXTS, TEXTS_V2, formatDate, formatShare, quoted } from "./text.ts";

const STATUS_COLOURS: Record<KaderStatus, string> = {
  ongewijzigd: PALETTE.muted,
  gewijzigd: PALETTE.accent,
  nieuw: PALETTE.ok,
  vervallen: PALETTE.danger,
};
/** The summary's fifth count, and the arrow beside steun that moved. */
const CHANGE_COLOUR = "#8A5A00";
/** Two bars: v1 in a quiet grey-blue, v2 in the accent colour. */
const BAR = { width: 92, height: 9, gap: 5, label: 22, value: 30 };
const CHART_WIDTH = BAR.label + BAR.width + 4 + BAR.value;
const BAR_COLOURS = { v1: "#8FA3AE", v2: PALETTE.accent } as const;

/** The PDF of kader versie 2. `now` becomes the file's creation date. Throws when the log has no terugkombijeenkomst. */
export async function kaderV2Pdf(events: readonly SessionEvent[], now: number): Promise<Buffer> {
  const report = requireKaderV2Report(events);
  const { doc, done } = a4Document(`${TEXTS_V2.title}: ${report.label}`, report.scenario, now);
  titleBlock(doc, report);
  summary(doc, report);
  items(doc, report);
  footers(doc, report.label, TEXTS_V2.title);
  doc.end();
  return done;
}

function titleBlock(doc: Doc, report: KaderV2Report): void {
  const width = contentWidth(doc);
  style(doc, { font: "bold", size: 9, color: PALETTE.accent }).text(printable(TEXTS.overline.toUpperCase()), MARGIN.left, MARGIN.top, { width, characterSpacing: 0.6 });
  doc.moveDown(0.6);
  style(doc, { font: "bold", size: 26 }).text(printable(TEXTS_V2.title), { width });
  style(doc, { font: "bold", size: 15, color: PALETTE.accent }).text(printable(report.label), { width });
  doc.moveDown(0.4);
  style(doc, { size: 10, color: PALETTE.muted }).text(printable(TEXTS_V2.meta(formatDate(report.openedAt), report.code, formatDate(report.createdAt))), { width });
  style(doc, { size: 10, color: PALETTE.muted }).text(printable(TEXTS_V2.scenario(report.scenario)), { width });
  doc.moveDown(0.8);
  style(doc, { size: 10.5 }).text(TEXTS_V2.intro, { width, lineGap: 1.5 });
  doc.moveDown(1);
}

/** Five boxes in a row: a coloured band, the count, the word. Then who took part, and what steun means. */
function summary(doc: Doc, report: KaderV2Report): void {
  const width = contentWidth(doc);
  heading(doc, TEXTS_V2.summary, 15, 90);
  const counts = summaryCounts(report.view);
  const colours = [STATUS_COLOURS.ongewijzigd, STATUS_COLOURS.gewijzigd, STATUS_COLOURS.nieuw, STATUS_COLOURS.vervallen, CHANGE_COLOUR];
  const gap = 8;
  const box = (width - gap * (counts.length - 1)) / counts.length;
  const top = doc.y + 2;
  counts.forEach((c, i) => {
    const x = MARGIN.left + i * (box + gap);
    doc.save().rect(x, top, box, 52).fill("#FBF8F2").restore();
    doc.save().rect(x, top, box, 4).fill(colours[i] ?? PALETTE.muted).restore();
    style(doc, { font: "bold", size: 20 }).text(String(c.count), x, top + 10, { width: box, align: "center", lineBreak: false });
    style(doc, { size: 9, color: PALETTE.muted }).text(c.label, x, top + 35, { width: box, align: "center", lineBreak: false });
  });
  doc.y = top + 64;
  style(doc, { size: 10 }).text(TEXTS_V2.people(report.view.reflectors, report.view.steunGivers), MARGIN.left, doc.y, { width });
  doc.moveDown(0.4);
  style(doc, { size: 8.5, color: PALETTE.muted }).text(`${TEXTS_V2.steunNote(STEUN_DREMPEL_PUNTEN)} ${TEXTS_V2.legend}`, MARGIN.left, doc.y, { width, lineGap: 1 });
  doc.moveDown(0.8);
  rule(doc, PALETTE.accent, 1.25);
  doc.moveDown(1);
}

function items(doc: Doc, report: KaderV2Report): void {
  heading(doc, TEXTS_V2.items, 15, 90);
  if (report.view.v2.length === 0) {
    style(doc, { color: PALETTE.muted }).text(TEXTS_V2.noItems, MARGIN.left, doc.y, { width: contentWidth(doc) });
    return;
  }
  for (const item of report.view.v2) itemBlock(doc, report, item);
}

interface Line {
  text: string;
  style: Style;
  gapAfter: number;
  strike?: boolean;
}

const SMALL: Style = { size: 9.5, color: PALETTE.muted };

/** What stays beside the chart: status, text, what changed, toegepast. */
function headLines(report: KaderV2Report, item: KaderV2Item): Line[] {
  const retired = item.status === "vervallen";
  const lines: Line[] = [
    { text: `${TEXTS_V2.status[item.status].toUpperCase()} · ${report.categoryName(item.categoryId)}`, style: { font: "bold", size: 8.5, color: STATUS_COLOURS[item.status] }, gapAfter: 2 },
    { text: item.text, style: { font: "bold", size: 12, color: retired ? PALETTE.muted : PALETTE.ink }, gapAfter: 3, strike: retired },
  ];
  const v1Text = changedV1Text(item);
  if (v1Text !== null) lines.push({ text: `${TEXTS_V2.v1Text}: ${quoted(v1Text)}`, style: SMALL, gapAfter: 2 });
  if (item.v1CategoryId !== null) lines.push({ text: `${TEXTS_V2.v1Category}: ${report.categoryName(item.v1CategoryId)}`, style: SMALL, gapAfter: 2 });
  if (item.retiredReason !== null) {
    lines.push({ text: `${TEXTS_V2.reason}: ${item.retiredReason.trim() || TEXTS_V2.noReason}`, style: { size: 9.5, color: STATUS_COLOURS.vervallen }, gapAfter: 2 });
  }
  if (hasReflectionRow(item)) {
    const { ja, deels, nee } = item.reflecties;
    const text = reflectionTotal(item) === 0 ? TEXTS_V2.noReflections : TEXTS_V2.toegepastCounts(ja, deels, nee);
    lines.push({ text: `${TEXTS_V2.toegepast}: ${text}`, style: SMALL, gapAfter: 2 });
  }
  return lines;
}

function measure(doc: Doc, lines: readonly Line[], width: number): number {
  return lines.reduce((sum, line) => sum + style(doc, line.style).heightOfString(printable(line.text), { width }) + line.gapAfter, 0);
}

/**
 * Badge, head lines and the steun chart are kept together on one page; the reflections follow below them, each
 * kept whole, so a long list can go on to the next page without cutting a text in two.
 */
function itemBlock(doc: Doc, report: KaderV2Report, item: KaderV2Item): void {
  const textX = MARGIN.left + 30;
  const fullWidth = contentWidth(doc) - 30;
  const headWidth = fullWidth - CHART_WIDTH - 20;
  const lines = headLines(report, item);
  const chartHeight = 2 * BAR.height + BAR.gap + (item.steunVerandering ? 33 : 17);
  const headHeight = Math.max(measure(doc, lines, headWidth), chartHeight);
  const lists = reflectionLists(item).filter(([, texts]) => texts.length > 0);
  // Keep the head with the first reflection, if there is one.
  const firstList = lists[0];
  const keep = firstList ? 16 + style(doc, SMALL).heightOfString(printable(quoted(firstList[1][0] ?? "")), { width: fullWidth - 12 }) : 0;
  ensureSpace(doc, headHeight + keep + 14);
  const top = doc.y;
  badge(doc, item, MARGIN.left, top);
  doc.y = top;
  for (const line of lines) {
    const y = doc.y;
    style(doc, line.style).text(printable(line.text), textX, y, { width: headWidth, strike: line.strike ?? false });
    doc.y += line.gapAfter;
  }
  // Text drawn in the chart moves doc.y too: the reflections start below whichever of the two ends lower.
  const headBottom = doc.y;
  steunChart(doc, item, MARGIN.left + contentWidth(doc) - CHART_WIDTH, top + 2);
  doc.y = Math.max(headBottom, top + chartHeight);
  for (const [label, texts] of lists) reflectionList(doc, label, texts, textX, fullWidth);
  doc.y += 6;
  ensureSpace(doc, 8);
  rule(doc);
  doc.y += 8;
}

/** v1's rank in a circle in the status colour; a new item has no rank and gets a plus. */
function badge(doc: Doc, item: KaderV2Item, x: number, y: number): void {
  const colour = STATUS_COLOURS[item.status];
  const label = item.v1Rank === null ? "+" : String(item.v1Rank);
  doc.save().circle(x + 11, y + 11, 11).fill(colour).restore();
  style(doc, { font: "bold", size: item.v1Rank !== null && item.v1Rank > 99 ? 8 : 10, color: PALETTE.accentInk }).text(label, x, y + 5.5, { width: 22, align: "center", lineBreak: false });
}

function reflectionList(doc: Doc, label: string, texts: readonly string[], x: number, width: number): void {
  // The label never ends a page on its own: it stays with the first text under it.
  const first = printable(quoted((texts[0] ?? "").trim()));
  ensureSpace(doc, 20 + style(doc, { size: 9.5 }).heightOfString(first, { width: width - 12 }));
  doc.y += 3;
  style(doc, { font: "bold", size: 9.5 }).text(label, x, doc.y, { width });
  doc.y += 1;
  for (const text of texts) {
    const printed = printable(quoted(text.trim()));
    ensureSpace(doc, style(doc, { size: 9.5 }).heightOfString(printed, { width: width - 12 }) + 2);
    const y = doc.y;
    doc.save().circle(x + 3, y + 5.5, 1.6).fill(PALETTE.muted).restore();
    style(doc, { size: 9.5 }).text(printed, x + 12, y, { width: width - 12 });
    doc.y += 1;
  }
}

/**
 * Two bars on a light track, the share of backers in versie 1 and in versie 2, each with its percentage; under them
 * an arrow and "meer steun" or "minder steun" when the steun moved by the threshold or more.
 */
function steunChart(doc: Doc, item: KaderV2Item, x: number, y: number): void {
  style(doc, { font: "bold", size: 8, color: PALETTE.muted }).text(TEXTS_V2.steun.toUpperCase(), x, y - 1, { width: CHART_WIDTH, characterSpacing: 0.4, lineBreak: false });
  const rows = [
    { label: "v1", share: item.v1Rank === null ? null : item.backingV1, colour: BAR_COLOURS.v1, empty: item.v1Rank === null ? TEXTS_V2.status.nieuw.toLowerCase() : TEXTS_V2.notVotedV1 },
    { label: "v2", share: item.steun.backing, colour: BAR_COLOURS.v2, empty: TEXTS_V2.noSteun },
  ];
  rows.forEach((row, i) => {
    const by = y + 12 + i * (BAR.height + BAR.gap);
    const bx = x + BAR.label;
    style(doc, { font: "bold", size: 8 }).text(row.label, x, by + 0.5, { width: BAR.label - 4, lineBreak: false });
    doc.save().rect(bx, by, BAR.width, BAR.height).fill(TRACK).restore();
    if (row.share !== null && row.share > 0) doc.save().rect(bx, by, Math.max(1.5, Math.min(1, row.share) * BAR.width), BAR.height).fill(row.colour).restore();
    if (row.share === null) {
      // Nothing to draw: say why inside the empty track ("niet gestemd" is wider than the value column).
      style(doc, { size: 7.5, color: PALETTE.muted }).text(row.empty, bx + 3, by + 0.8, { width: BAR.width - 6, lineBreak: false });
      return;
    }
    style(doc, { font: "bold", size: 8, color: PALETTE.ink }).text(formatShare(row.share), bx + BAR.width + 4, by + 0.5, {
      width: BAR.value,
      lineBreak: false,
    });
  });
  if (item.steunVerandering) {
    // The arrow drawn, not typed: the typeface's subset has no arrow glyphs.
    const ty = y + 12 + 2 * (BAR.height + BAR.gap) + 1;
    const tx = x + BAR.label;
    const up = item.steunVerandering === "meer";
    const points: [number, number][] = up ? [[tx, ty + 8], [tx + 8, ty + 8], [tx + 4, ty + 1]] : [[tx, ty + 1], [tx + 8, ty + 1], [tx + 4, ty + 8]];
    doc.save().polygon(...points).fill(CHANGE_COLOUR).restore();
    style(doc, { font: "bold", size: 8.5, color: CHANGE_COLOUR }).text(TEXTS_V2.change[item.steunVerandering], tx + 12, ty, { width: BAR.width + BAR.value - 12, lineBreak: false });
  }
}
