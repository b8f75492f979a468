/**
 * The pattern overview as one CSV for Excel with Dutch settings, like the kader's CSV: `;`, a UTF-8 byte order mark,
 * CRLF, every field quoted and formula-safe (csvField). One table, one header row, so a filter works at once:
 *   - `patroon`: one pattern — number, representative text, in how many sessions of how many, recurring blockage.
 *   - `item`: that pattern's item in one session — session number, date and label, the text as that group wrote it,
 *     its place, category, draagvlak, the share of support per role (whole percentages; empty when nobody voted in
 *     that role) and the cases where it stood in the way, helped, or did not apply.
 * Patterns in the order of the page, each followed by its items in session order.
 */
import { csvField } from "../exports/csv.ts";
import { DRAAGVLAK_NAMES, ROLE_NAMES } from "../exports/text.ts";
import { GAME_ROLES, type Verdict } from "#shared/protocol/ids.ts";
import type { Pattern, PatternAnalysis, PatternEntry } from "./analyse.ts";
import { PATTERN_TEXTS } from "./text.ts";

const BOM = "\uFEFF";
const EOL = "\r\n";

type Cell = string | number | null;

const HEADER: readonly string[] = [
  "soort",
  "patroon",
  "tekst",
  "in sessies",
  "van sessies",
  "terugkerende blokkade",
  "sessie",
  "datum",
  "naam van de sessie",
  "plaats",
  "categorie",
  "draagvlak",
  ...GAME_ROLES.map((r) => `${ROLE_NAMES[r]} (% steun)`),
  "staat in de weg bij",
  "helpt bij",
  "niet van toepassing bij",
];

export function patternsCsv(analysis: PatternAnalysis): string {
  const blocked = new Set(analysis.blockages.map((b) => b.pattern));
  const sessions = new Map(analysis.sessions.map((s) => [s.number, s]));
  const rows: Cell[][] = [[...HEADER]];
  for (const pattern of analysis.patterns) {
    rows.push(patternRow(pattern, blocked.has(pattern.number)));
    for (const entry of pattern.entries) {
      const session = sessions.get(entry.session);
      rows.push(entryRow(pattern, entry, session?.date ?? null, session?.label ?? null));
    }
  }
  return BOM + rows.map((row) => row.map(csvField).join(";")).join(EOL) + EOL;
}

const emptyItemColumns = (): Cell[] => [null, null, null, null, null, null, ...GAME_ROLES.map(() => null), null, null, null];

function patternRow(pattern: Pattern, blocked: boolean): Cell[] {
  return ["patroon", pattern.number, pattern.text, pattern.sessionCount, pattern.sessionTotal, blocked ? "ja" : "nee", ...emptyItemColumns()];
}

function entryRow(pattern: Pattern, entry: PatternEntry, date: string | null, label: string | null): Cell[] {
  const cases = (verdict: Verdict) => entry.verdicts.filter((v) => v.verdict === verdict).map((v) => v.caseTitle).join("; ") || null;
  const shares = GAME_ROLES.map((role) => {
    const share = entry.support?.[role] ?? null;
    return share === null ? null : Math.round(share * 100);
  });
  return [
    "item",
    pattern.number,
    entry.text,
    null,
    null,
    null,
    entry.session,
    date,
    label,
    entry.rank,
    entry.category,
    entry.draagvlak ? DRAAGVLAK_NAMES[entry.draagvlak] : entry.addedAfterVote ? PATTERN_TEXTS.afterVote : PATTERN_TEXTS.noVote,
    ...shares,
    cases("staat_in_de_weg"),
    cases("helpt"),
    cases("niet_van_toepassing"),
  ];
}
