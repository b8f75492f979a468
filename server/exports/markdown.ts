/**
 * The kader op maat as Markdown: readable as plain text and as rendered Markdown, for the organisation's wiki or
 * intranet. First the kader (per handelingsperspectief the items by rank with their support per role, provenance
 * and case evidence; open spanningen; the beeldvorming's clusters; the cases), then the casusboekje. Game roles only, never names.
 */
import type { KaderItem } from "../core/resultaat.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import { buildReport, sessionMeta, type CaseEntry, type Report, type VerdictEntry } from "./report.ts";
import { COST_NAMES, draagvlakLabel, NO_ROLE_NAME, ROLE_NAMES, TEXTS, VERDICT_NAMES, dutchList, formatDate, formatNumber, quoted } from "./text.ts";

/** The Markdown export of a session's log. */
export function kaderMarkdown(events: readonly SessionEvent[]): string {
  const report = buildReport(events);
  const blocks = [...titleBlock(report), ...kaderBlocks(report), ...spanningenBlocks(report), ...beeldBlocks(report), ...casesBlocks(report), ...casusboekjeBlocks(report)];
  return `${blocks.join("\n\n")}\n`;
}

/**
 * Text people wrote, safe inside a line: characters that Markdown would read as markup are escaped, and line
 * breaks become spaces, so a participant's text can never break a heading, a list or a table.
 */
export function inline(text: string): string {
  return text
    .trim()
    .replace(/\s*\n\s*/g, " ")
    .replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

/** Longer text (a case's situation) as paragraphs; a paragraph that looks like a list or quote stays text. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => inline(p).replace(/^([-+>]|\d+[.)])/, "\\$1"))
    .filter((p) => p.length > 0);
}

function titleBlock(report: Report): string[] {
  const meta = sessionMeta(report);
  return [`# ${TEXTS.title}: ${inline(meta.label)}`, inline(TEXTS.meta(meta.scenario, formatDate(meta.createdAt), meta.code)), meta.counts, TEXTS.intro];
}

function kaderBlocks(report: Report): string[] {
  const byId = new Map(report.kader.items.map((i) => [i.itemId, i]));
  return report.kader.perspectieven.flatMap((p) => {
    const items = p.itemIds.flatMap((id) => byId.get(id) ?? []);
    return [`## ${p.title}`, ...(items.length === 0 ? [`_${TEXTS.emptyPerspectief}_`] : items.flatMap((item) => itemBlocks(report, item)))];
  });
}

function itemBlocks(report: Report, item: KaderItem): string[] {
  const facts = [`${TEXTS.category}: ${inline(report.categoryName(item.categoryId))}`];
  if (item.support) facts.push(`${TEXTS.draagvlak}: ${draagvlakLabel(item.support)}`);
  return [`### ${item.rank}. ${inline(item.text)}`, facts.join(" · "), ...supportBlocks(report, item), ...provenanceBlocks(report, item), ...evidenceBlocks(report, item)];
}

/** One small table, one column per role: six rows would make a long kader even longer. */
function supportBlocks(report: Report, item: KaderItem): string[] {
  const support = item.support;
  if (!support) return [`_${TEXTS.notVoted}_`];
  const cell = (role: (typeof GAME_ROLES)[number]) => (support.rolesPresent.includes(role) ? formatNumber(support.perRole[role]) : "–");
  const table = [
    `| ${GAME_ROLES.map((r) => ROLE_NAMES[r]).join(" | ")} | ${TEXTS.total} |`,
    `|${" ---: |".repeat(GAME_ROLES.length + 1)}`,
    `| ${GAME_ROLES.map(cell).join(" | ")} | ${formatNumber(support.total)} |`,
  ].join("\n");
  const supporters = support.supportingRoles.map((r) => ROLE_NAMES[r]);
  const perTable = support.perTable.filter((t) => t.voters > 0).map((t) => `${report.tableName(t.tableId)} ${Math.round(t.share * 100)}%`);
  return [
    TEXTS.supportCaption(report.unit),
    table,
    `${TEXTS.supportedBy}: ${supporters.length > 0 ? dutchList(supporters) : TEXTS.nobody}.`,
    ...(perTable.length > 0 ? [TEXTS.supportPerTable(perTable.join(" · "))] : []),
  ];
}

function provenanceBlocks(report: Report, item: KaderItem): string[] {
  const blocks: string[] = [];
  if (item.provenance.length > 0) {
    const lines = item.provenance.map(
      (p) => `- ${TEXTS.eisLine(ROLE_NAMES[p.role], inline(report.roundTitle(p.roundId)), p.tableId ? report.tableName(p.tableId) : undefined)}: ${quoted(inline(p.text))}`,
    );
    blocks.push(`${TEXTS.fromEisen}\n\n${lines.join("\n")}`);
  }
  if (item.fromCases.length > 0) {
    blocks.push(`${TEXTS.aanvulling} ${dutchList(item.fromCases.map((id) => quoted(inline(report.caseTitle(id)))))}.`);
  }
  return blocks;
}

function evidenceBlocks(report: Report, item: KaderItem): string[] {
  if (item.evidence.length === 0) return [];
  const lines = item.evidence.map((e) => `- ${VERDICT_NAMES[e.verdict]}: ${quoted(inline(report.caseTitle(e.caseId)))}`);
  return [`${TEXTS.inCases}\n\n${lines.join("\n")}`];
}

function spanningenBlocks(report: Report): string[] {
  const { spanningen } = report.kader;
  if (spanningen.length === 0) return [`## ${TEXTS.spanningen}`, TEXTS.noSpanningen];
  const lines = spanningen.map((s) => {
    const pair = `${quoted(inline(report.itemText(s.itemA)))} ${TEXTS.and} ${quoted(inline(report.itemText(s.itemB)))}`;
    return `- ${pair}${s.note.trim() ? `: ${inline(s.note)}` : ""}`;
  });
  return [`## ${TEXTS.spanningen}`, TEXTS.spanningenIntro, lines.join("\n")];
}

/** The beeldvorming: per question the clusters with their cards, then the cards in none. Left out without cards. */
function beeldBlocks(report: Report): string[] {
  if (report.beeld.length === 0) return [];
  const list = (cards: readonly string[]) => cards.map((c) => `- ${inline(c)}`).join("\n");
  return [
    `## ${TEXTS.beeld}`,
    TEXTS.beeldIntro,
    ...report.beeld.flatMap((entry) => [
      `### ${inline(entry.prompt)}`,
      ...entry.clusters.flatMap((c) => [`**${inline(c.label)}** (${TEXTS.cards(c.cards.length)})`, list(c.cards)]),
      ...(entry.loose.length > 0 ? [`**${TEXTS.beeldLoose}** (${TEXTS.cards(entry.loose.length)})`, list(entry.loose)] : []),
    ]),
  ];
}

/** The kader's own short view of the cases: what was decided and what it costs. */
function casesBlocks(report: Report): string[] {
  if (report.cases.length === 0) return [`## ${TEXTS.cases}`, TEXTS.noCases];
  return [`## ${TEXTS.cases}`, ...report.cases.flatMap((c) => [caseHeading(c), caseSummary(c)])];
}

function caseHeading(c: CaseEntry): string {
  return `### ${inline(c.title)}${c.source === "live" ? ` (${TEXTS.liveCase})` : ""}`;
}

function caseSummary(c: CaseEntry): string {
  const lines = [`- ${TEXTS.decision}: ${c.decision ? inline(c.decision.decision) : TEXTS.noDecision}`];
  if (c.decision) {
    lines.push(`- ${TEXTS.costNow}: ${COST_NAMES[c.decision.costNow]} · ${TEXTS.costLater}: ${COST_NAMES[c.decision.costLater]}`);
    if (c.decision.costNote.trim()) lines.push(`- ${TEXTS.costNote}: ${inline(c.decision.costNote)}`);
  }
  const helped = c.verdicts.filter((v) => v.verdict === "helpt").map((v) => quoted(inline(v.text)));
  const hindered = c.verdicts.filter((v) => v.verdict === "staat_in_de_weg").map((v) => quoted(inline(v.text)));
  if (helped.length > 0) lines.push(`- ${TEXTS.helped}: ${dutchList(helped)}`);
  if (hindered.length > 0) lines.push(`- ${TEXTS.hindered}: ${dutchList(hindered)}`);
  return lines.join("\n");
}

function casusboekjeBlocks(report: Report): string[] {
  if (report.cases.length === 0) return [`## ${TEXTS.casusboekje}`, TEXTS.noCases];
  return [`## ${TEXTS.casusboekje}`, TEXTS.casusboekjeIntro, ...report.cases.flatMap(caseBookBlocks)];
}

function caseBookBlocks(c: CaseEntry): string[] {
  const blocks = [caseHeading(c), `**${TEXTS.situation}.** ${paragraphs(c.situation).join("\n\n")}`, `**${TEXTS.effectWanted}.** ${inline(c.effectWanted)}`];
  if (c.dilemma) blocks.push(`**${TEXTS.dilemma}.** ${inline(c.dilemma)}`);
  if (c.laws.length > 0) blocks.push(`**${TEXTS.laws}.** ${c.laws.map(inline).join("; ")}`);
  if (c.rules) blocks.push(`**${TEXTS.rules}.** ${inline(c.rules)}`);
  blocks.push(`**${TEXTS.toets}**`, stepsList(c), `**${TEXTS.verdicts}**`, verdictsList(c.verdicts));
  if (c.decision) {
    const costs = TEXTS.costs(COST_NAMES[c.decision.costNow], COST_NAMES[c.decision.costLater]);
    const note = c.decision.costNote.trim() ? ` ${inline(c.decision.costNote)}` : "";
    blocks.push(`**${TEXTS.decision}.** ${inline(c.decision.decision)} ${costs}${note}`);
  } else {
    blocks.push(`**${TEXTS.decision}.** ${TEXTS.noDecision}`);
  }
  if (c.afloop) blocks.push(`**${TEXTS.afloop}.** ${paragraphs(c.afloop).join("\n\n")}`);
  if (c.aanvullingen.length > 0) {
    blocks.push(`**${TEXTS.aanvullingen}**\n\n${c.aanvullingen.map((a) => `- ${quoted(inline(a.text))}${a.rank ? ` (${TEXTS.rank(a.rank)})` : ""}`).join("\n")}`);
  }
  return blocks;
}

/** Numbered like the Toets itself, each step's notes under it with the game role that wrote them. */
function stepsList(c: CaseEntry): string {
  return c.steps
    .map((step, index) => {
      const notes = step.notes.map((n) => `   - ${n.role ? ROLE_NAMES[n.role] : NO_ROLE_NAME}: ${inline(n.text)}`);
      const empty = `   - _${step.reached ? TEXTS.stepNoNotes : TEXTS.stepNotReached}_`;
      return `${index + 1}. ${inline(step.title)}\n${notes.length > 0 ? notes.join("\n") : empty}`;
    })
    .join("\n");
}

function verdictsList(verdicts: readonly VerdictEntry[]): string {
  if (verdicts.length === 0) return `_${TEXTS.noVerdicts}_`;
  return verdicts
    .map((v) => `- ${VERDICT_NAMES[v.verdict]}: ${quoted(inline(v.text))} (${v.rank ? TEXTS.rank(v.rank) : TEXTS.notInKader})`)
    .join("\n");
}
