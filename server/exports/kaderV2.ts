/**
 * Kader versie 2, made at the terugkombijeenkomst (day 2), as Markdown and CSV; the PDF is in kaderV2Pdf.ts. All
 * three draw from one KaderV2Report: the log replayed, and the TerugkomView the game itself shows (v1's items in
 * v1's rank order, then the added ones, each with its status, reflections and steun). Pure functions of the log.
 *
 * Reflections are anonymous and have no role; the names of participants appear nowhere.
 */
import { replay } from "../core/evolve.ts";
import { STEUN_DREMPEL, terugkomView } from "../core/terugkom.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { KaderV2Item, TerugkomView } from "#shared/protocol/views.ts";
import { csvField } from "./csv.ts";
import { inline } from "./markdown.ts";
import { TEXTS_V2, formatDate, formatShare, quoted } from "./text.ts";

export interface KaderV2Report {
  label: string;
  code: string;
  scenario: string;
  /** When day 1 was played (the session was created) and when the terugkombijeenkomst opened. */
  createdAt: number;
  openedAt: number;
  view: TerugkomView;
  categoryName(categoryId: string): string;
}

/** Null when the log has no terugkombijeenkomst yet: then there is no version 2. */
export function buildKaderV2Report(events: readonly SessionEvent[]): KaderV2Report | null {
  const state = replay(events);
  const view = terugkomView(state);
  if (!view) return null;
  const categories = new Map(state.scenario.categories.map((c) => [c.id, c.name]));
  return {
    label: state.label,
    code: state.code,
    scenario: state.scenario.title,
    createdAt: state.createdAt,
    openedAt: view.openedAt,
    view,
    categoryName: (categoryId) => categories.get(categoryId) ?? categoryId,
  };
}

export function requireKaderV2Report(events: readonly SessionEvent[]): KaderV2Report {
  const report = buildKaderV2Report(events);
  if (!report) throw new Error(TEXTS_V2.notOpened);
  return report;
}

/** The threshold of "steun veranderd", in percentage points. */
export const STEUN_DREMPEL_PUNTEN = Math.round(STEUN_DREMPEL * 100);

/** The five counts of the summary, in the order they are shown. */
export function summaryCounts(view: TerugkomView): { label: string; count: number }[] {
  const { counts } = view;
  return [
    { label: TEXTS_V2.status.ongewijzigd, count: counts.ongewijzigd },
    { label: TEXTS_V2.status.gewijzigd, count: counts.gewijzigd },
    { label: TEXTS_V2.status.nieuw, count: counts.nieuw },
    { label: TEXTS_V2.status.vervallen, count: counts.vervallen },
    { label: TEXTS_V2.steunVeranderd, count: counts.steunVeranderd },
  ];
}

/** Whether the v1 wording should be shown beside the item: only when the text itself changed. */
export const changedV1Text = (item: KaderV2Item): string | null => (item.v1Text !== null && item.v1Text !== item.text ? item.v1Text : null);

/** "versie 1 25% · versie 2 75% (3 voor, 1 tegen) · meer steun"; new items have no v1 part. */
export function steunLine(item: KaderV2Item): string {
  const { backing, voor, tegen } = item.steun;
  const parts = item.status === "nieuw" || item.v1Rank === null ? [] : [`${TEXTS_V2.v1} ${item.backingV1 === null ? TEXTS_V2.notVotedV1 : formatShare(item.backingV1)}`];
  parts.push(`${TEXTS_V2.v2} ${backing === null ? `${TEXTS_V2.noSteun} (${TEXTS_V2.noSteunYet})` : `${formatShare(backing)} (${TEXTS_V2.voorTegen(voor, tegen)})`}`);
  if (item.steunVerandering) parts.push(`**${TEXTS_V2.change[item.steunVerandering]}**`);
  return parts.join(" · ");
}

/** Reflections only exist for v1's items: the new ones were not there to apply. */
export const hasReflectionRow = (item: KaderV2Item): boolean => item.v1Rank !== null;

export const reflectionTotal = (item: KaderV2Item): number => item.reflecties.ja + item.reflecties.deels + item.reflecties.nee;

// -----------------------------------------------------------------------------------------------------------------
// Markdown
// -----------------------------------------------------------------------------------------------------------------

/** The Markdown export of kader versie 2. Throws when the log has no terugkombijeenkomst. */
export function kaderV2Markdown(events: readonly SessionEvent[]): string {
  const report = requireKaderV2Report(events);
  const blocks = [...titleBlocks(report), ...summaryBlocks(report), ...itemsBlocks(report)];
  return `${blocks.join("\n\n")}\n`;
}

function titleBlocks(report: KaderV2Report): string[] {
  return [
    `# ${TEXTS_V2.title}: ${inline(report.label)}`,
    inline(TEXTS_V2.meta(formatDate(report.openedAt), report.code, formatDate(report.createdAt))),
    inline(TEXTS_V2.scenario(report.scenario)),
    TEXTS_V2.intro,
  ];
}

function summaryBlocks(report: KaderV2Report): string[] {
  const counts = summaryCounts(report.view);
  const table = [`| ${counts.map((c) => c.label).join(" | ")} |`, `|${" ---: |".repeat(counts.length)}`, `| ${counts.map((c) => c.count).join(" | ")} |`].join("\n");
  return [`## ${TEXTS_V2.summary}`, table, TEXTS_V2.people(report.view.reflectors, report.view.steunGivers), TEXTS_V2.steunNote(STEUN_DREMPEL_PUNTEN)];
}

function itemsBlocks(report: KaderV2Report): string[] {
  const { v2 } = report.view;
  if (v2.length === 0) return [`## ${TEXTS_V2.items}`, TEXTS_V2.noItems];
  return [`## ${TEXTS_V2.items}`, ...v2.flatMap((item) => itemBlocks(report, item))];
}

function itemBlocks(report: KaderV2Report, item: KaderV2Item): string[] {
  const number = item.v1Rank === null ? `${TEXTS_V2.newHeading}:` : `${item.v1Rank}.`;
  const facts = [`**${TEXTS_V2.status[item.status]}**`, `${TEXTS_V2.category}: ${inline(report.categoryName(item.categoryId))}`];
  const blocks = [`### ${number} ${inline(item.text)}`, facts.join(" · ")];
  const v1Text = changedV1Text(item);
  if (v1Text !== null) blocks.push(`${TEXTS_V2.v1Text}: ${quoted(inline(v1Text))}`);
  if (item.v1CategoryId !== null) blocks.push(`${TEXTS_V2.v1Category}: ${inline(report.categoryName(item.v1CategoryId))}`);
  if (item.retiredReason !== null) blocks.push(`${TEXTS_V2.reason}: ${item.retiredReason.trim() ? inline(item.retiredReason) : TEXTS_V2.noReason}`);
  if (hasReflectionRow(item)) {
    const { ja, deels, nee } = item.reflecties;
    blocks.push(reflectionTotal(item) === 0 ? `${TEXTS_V2.toegepast}: _${TEXTS_V2.noReflections}_` : `${TEXTS_V2.toegepast}: ${TEXTS_V2.toegepastCounts(ja, deels, nee)}`);
  }
  blocks.push(`${TEXTS_V2.steun}: ${steunLine(item)}`);
  for (const [label, texts] of reflectionLists(item)) {
    if (texts.length > 0) blocks.push(`${label}:\n\n${texts.map((t) => `- ${quoted(inline(t))}`).join("\n")}`);
  }
  return blocks;
}

export function reflectionLists(item: KaderV2Item): [string, string[]][] {
  return [
    [TEXTS_V2.goed, item.reflecties.goed],
    [TEXTS_V2.beter, item.reflecties.beter],
    [TEXTS_V2.indicatoren, item.reflecties.indicatoren],
  ];
}

// -----------------------------------------------------------------------------------------------------------------
// CSV
// -----------------------------------------------------------------------------------------------------------------

const BOM = "\uFEFF";
const EOL = "\r\n";
/** Between several texts in one cell. */
const JOIN = " | ";

export const KADER_V2_CSV_HEADER: readonly string[] = [
  "rang v1",
  "status",
  "kaderpunt",
  "tekst v1",
  "categorie",
  "toegepast ja",
  "toegepast deels",
  "toegepast nee",
  "steun v1",
  "steun v2",
  "steun veranderd",
  "wat ging goed",
  "wat kan beter",
  "indicatoren",
  "reden vervallen",
];

/**
 * Kader versie 2 as one CSV for Excel with Dutch settings, like day 1's (`;`, BOM, CRLF, every field quoted,
 * formulas defused): one row per item, v1's in v1's order, then the added ones. Steun as a whole percentage
 * ("75%", which Excel reads as a number); an empty cell where there is nothing (no v1 for a new item, nobody gave
 * steun, nothing written). Several texts in one cell are joined with " | ".
 */
export function kaderV2Csv(events: readonly SessionEvent[]): string {
  const report = requireKaderV2Report(events);
  const rows = [KADER_V2_CSV_HEADER, ...report.view.v2.map((item) => csvRow(report, item))];
  return BOM + rows.map((row) => row.map(csvField).join(";")).join(EOL) + EOL;
}

function csvRow(report: KaderV2Report, item: KaderV2Item): (string | number | null)[] {
  const reflected = hasReflectionRow(item);
  const texts = (xs: readonly string[]) => (xs.length > 0 ? xs.map((x) => x.trim()).join(JOIN) : null);
  const share = (s: number | null) => (s === null ? null : formatShare(s));
  return [
    item.v1Rank,
    item.status,
    item.text,
    item.v1Text,
    report.categoryName(item.categoryId),
    reflected ? item.reflecties.ja : null,
    reflected ? item.reflecties.deels : null,
    reflected ? item.reflecties.nee : null,
    item.v1Rank === null ? null : item.backingV1 === null ? TEXTS_V2.notVotedV1 : formatShare(item.backingV1),
    share(item.steun.backing),
    item.steunVerandering,
    texts(item.reflecties.goed),
    texts(item.reflecties.beter),
    texts(item.reflecties.indicatoren),
    item.retiredReason?.trim() || null,
  ];
}
