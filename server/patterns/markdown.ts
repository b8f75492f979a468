/**
 * The pattern overview as Markdown, for a trainer's notes or a report to the municipalities: the recurring
 * blockages first (the most to act on), then every pattern with one table row per session, then the sessions
 * compared. Text people wrote goes through `inline`, so it can never break a heading or a table.
 */
import { inline } from "../exports/markdown.ts";
import { DRAAGVLAK_NAMES, ROLE_NAMES, ROLE_SHORT, VERDICT_NAMES, quoted } from "../exports/text.ts";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { AnalysedSession, Pattern, PatternAnalysis, PatternEntry } from "./analyse.ts";
import { PATTERN_TEXTS as T, percent, sessionName } from "./text.ts";

/** `damaged`: labels of sessions left out because their stored log is damaged; the file says so after the summary. */
export function patternsMarkdown(analysis: PatternAnalysis, damaged: readonly string[] = []): string {
  const sessions = new Map(analysis.sessions.map((s) => [s.number, s]));
  const name = (n: number) => {
    const s = sessions.get(n);
    return s ? inline(sessionName(s)) : T.sessionNumber(n);
  };
  const blocks = [
    `# ${T.title}: ${inline(analysis.scenarioTitle)}`,
    T.summary(analysis.counted, analysis.sessions.length, analysis.patterns.length, analysis.blockages.length),
    ...(damaged.length > 0 ? [`**${inline(T.damagedLeftOut(damaged))}**`] : []),
    T.intro,
    T.method,
    ...blockageBlocks(analysis, name),
    ...patternBlocks(analysis, name),
    ...sessionBlocks(analysis.sessions),
  ];
  return `${blocks.join("\n\n")}\n`;
}

function blockageBlocks(analysis: PatternAnalysis, name: (n: number) => string): string[] {
  if (analysis.blockages.length === 0) return [`## ${T.blockages}`, T.noBlockages];
  const lines = analysis.blockages.map((b) => {
    const where = b.blockedIn.map((x) => `  - ${name(x.session)}: ${x.cases.map((c) => quoted(inline(c))).join(", ")}`);
    return [`- **${inline(b.text)}** (${T.blockedInSessions(b.sessionCount, b.sessionTotal)}, patroon ${b.pattern})`, ...where].join("\n");
  });
  return [`## ${T.blockages}`, T.blockagesIntro, lines.join("\n")];
}

function patternBlocks(analysis: PatternAnalysis, name: (n: number) => string): string[] {
  const head = [`## ${T.patterns}`];
  if (analysis.counted < 2) return [...head, T.notEnoughSessions];
  if (analysis.patterns.length === 0) return [...head, T.noPatterns];
  const legend = `Rollen in de tabellen: ${GAME_ROLES.map((r) => `${ROLE_SHORT[r]} = ${ROLE_NAMES[r]}`).join(", ")}.`;
  return [...head, T.patternsIntro, `${T.supportNote(analysis.unit)} ${legend}`, ...analysis.patterns.flatMap((p) => patternBlock(p, name)), T.singleItems(analysis.singleItems)];
}

function patternBlock(pattern: Pattern, name: (n: number) => string): string[] {
  const header = `| Sessie | Item | ${T.draagvlak} | ${GAME_ROLES.map((r) => ROLE_SHORT[r]).join(" | ")} | ${T.verdicts} |`;
  const rule = `| --- | --- | --- |${" ---: |".repeat(GAME_ROLES.length)} --- |`;
  const rows = pattern.entries.map((e) => entryRow(e, name));
  return [`### ${pattern.number}. ${inline(pattern.text)}`, `${capitalise(T.inSessions(pattern.sessionCount, pattern.sessionTotal))}.`, [header, rule, ...rows].join("\n")];
}

function entryRow(entry: PatternEntry, name: (n: number) => string): string {
  const shares = GAME_ROLES.map((r) => percent(entry.support?.[r] ?? null));
  const verdicts = entry.verdicts.length === 0 ? "–" : entry.verdicts.map((v) => `${VERDICT_NAMES[v.verdict]}: ${inline(v.caseTitle)}`).join("; ");
  const draagvlak = entry.draagvlak ? DRAAGVLAK_NAMES[entry.draagvlak] : entry.addedAfterVote ? T.afterVote : T.noVote;
  return `| ${name(entry.session)} | ${inline(entry.text)} (${T.rank(entry.rank)}) | ${draagvlak} | ${shares.join(" | ")} | ${verdicts} |`;
}

function sessionBlocks(sessions: readonly AnalysedSession[]): string[] {
  const rows = sessions.map((s) => `| ${s.number} | ${s.date} | ${inline(s.label) || `_${T.noLabel}_`} | ${s.itemCount} | ${s.counted ? T.yes : T.notCounted} |`);
  return [`## ${T.sessions}`, `| Sessie | ${T.date} | ${T.label} | ${T.items} | ${T.counted} |\n| ---: | --- | --- | ---: | --- |\n${rows.join("\n")}`];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
