/**
 * Patronen over sessies: what keeps coming back when one scenario is played by several groups. When the same eis or
 * the same blockage recurs, that is a pattern to fix in policy, not one more exception (seed: Leerwerkplaats
 * Doorbraak Gestoorde Patronen).
 *
 * Pure: the stored logs of the sessions of one scenario in, the patterns out. Each log is replayed up to the
 * terugkombijeenkomst (day 1 only, like the day-1 exports), its kader derived with server/core/resultaat.ts.
 * PvE items of different sessions are grouped with exactly the similarity the merge suggestions use
 * (`suggestDuplicates`, same threshold), so a trainer sees the same "these mean the same" the groups saw.
 *
 * Nothing from ParticipantJoined is read: a session is known by its date, its label and a number in date order.
 */
import type { ItemSupport } from "../core/prioriteren.ts";
import { DEFAULT_SUGGESTION_THRESHOLD, suggestDuplicates, type SuggestionEntry } from "../core/suggestions.ts";
import { buildReport, dayOneEvents, type Report } from "../exports/report.ts";
import { formatDate } from "../exports/text.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { GameRole, Verdict } from "#shared/protocol/ids.ts";
import type { Draagvlak } from "#shared/protocol/views.ts";

export interface AnalysedSession {
  /** 1, 2, … in the order the sessions were played; how the overview refers to a session. */
  number: number;
  /** "12 maart 2026" (Amsterdam time). */
  date: string;
  createdAt: number;
  /** What the spelleider named the session; "" when they typed nothing (see ownLabel). */
  label: string;
  /** PvE items in its kader (day 1). */
  itemCount: number;
  votesRevealed: boolean;
  /** Only sessions with a programma van eisen count: a session still in its lobby has nothing to compare. */
  counted: boolean;
}

/** Share (0..1) of what that role's voters could give; null when nobody voted in that role. */
export type RoleShares = Record<GameRole, number | null>;

export interface PatternEntry {
  session: number;
  text: string;
  /** Place in that session's kader. */
  rank: number;
  category: string;
  /** Null when the session never showed its vote, or the item came after it (see addedAfterVote). */
  support: RoleShares | null;
  draagvlak: Draagvlak | null;
  /** Made after the vote was shown (an aanvulling from the casustoets): nobody could vote on it, so it has no support. */
  addedAfterVote: boolean;
  verdicts: { caseTitle: string; verdict: Verdict }[];
}

export interface Pattern {
  /** 1, 2, … in the order shown: most sessions first. */
  number: number;
  /** The wording closest to all the others in the group. */
  text: string;
  sessionCount: number;
  /** Sessions that were compared (those with a programma van eisen). */
  sessionTotal: number;
  /** One item per session, in session order. */
  entries: PatternEntry[];
  /** Sessions in which a case found this item standing in the way, with those cases. */
  blockedIn: { session: number; cases: string[] }[];
}

/** A pattern whose items were judged "staat in de weg" in two or more sessions. */
export interface Blockage {
  pattern: number;
  text: string;
  sessionCount: number;
  sessionTotal: number;
  blockedIn: { session: number; cases: string[] }[];
}

export interface PatternAnalysis {
  scenarioId: string;
  scenarioTitle: string;
  /** How support was given: points or MoSCoW (shares mean the same either way). */
  unit: "punten" | "moscow";
  sessions: AnalysedSession[];
  /** Sessions with a programma van eisen. */
  counted: number;
  /** PvE items compared, over all counted sessions. */
  itemCount: number;
  patterns: Pattern[];
  blockages: Blockage[];
  /** Items that came up in one session only. */
  singleItems: number;
}

/** Blocked in this many sessions or more: a recurring blockage. */
export const RECURRING_BLOCKAGE_SESSIONS = 2;

const VERDICT_ORDER: Record<Verdict, number> = { staat_in_de_weg: 0, helpt: 1, niet_van_toepassing: 2 };

interface Candidate {
  key: string;
  session: number;
  entry: PatternEntry;
}

/** Patterns over the logs of the sessions of one scenario (in any order). Throws on a log without SessionCreated. */
export function analysePatterns(logs: readonly (readonly SessionEvent[])[]): PatternAnalysis {
  const reports = logs
    .map((events) => ({ report: buildReport(events), afterVote: itemsMadeAfterVote(dayOneEvents(events)) }))
    .sort((a, b) => a.report.state.createdAt - b.report.state.createdAt || a.report.state.sessionId.localeCompare(b.report.state.sessionId));
  const sessions = reports.map(({ report }, index): AnalysedSession => ({
    number: index + 1,
    date: formatDate(report.state.createdAt),
    createdAt: report.state.createdAt,
    label: ownLabel(report.state.label, report.state.scenario.title),
    itemCount: report.kader.items.length,
    votesRevealed: report.state.votesRevealed,
    counted: report.kader.items.length > 0,
  }));
  const candidates = reports.flatMap(({ report, afterVote }, index) => candidatesOf(report, afterVote, index + 1));
  const counted = sessions.filter((s) => s.counted).length;
  const groups = groupAcrossSessions(candidates);
  const patterns = groups
    .map((group) => toPattern(group.members, group.scores, counted))
    .sort(
      (a, b) =>
        b.sessionCount - a.sessionCount ||
        b.blockedIn.length - a.blockedIn.length ||
        (a.entries[0]?.session ?? 0) - (b.entries[0]?.session ?? 0) ||
        (a.entries[0]?.rank ?? 0) - (b.entries[0]?.rank ?? 0),
    )
    .map((pattern, index) => ({ ...pattern, number: index + 1 }));
  const newest = reports.at(-1)?.report.state.scenario;
  return {
    scenarioId: newest?.id ?? "",
    scenarioTitle: newest?.title ?? "",
    unit: newest?.voting.mode === "moscow" ? "moscow" : "punten",
    sessions,
    counted,
    itemCount: candidates.length,
    patterns,
    blockages: patterns
      .filter((p) => p.blockedIn.length >= RECURRING_BLOCKAGE_SESSIONS)
      .map((p) => ({ pattern: p.number, text: p.text, sessionCount: p.blockedIn.length, sessionTotal: p.sessionTotal, blockedIn: p.blockedIn })),
    singleItems: candidates.length - groups.reduce((sum, g) => sum + g.members.length, 0),
  };
}

/**
 * The label without the one the game makes when the spelleider typed none ("<scenario title>, 12-3-2026", or with
 * " · " after a title ending in "?"; sessions.ts defaultLabel): that
 * repeats the title and date the overview already shows, and would make every session look alike.
 */
function ownLabel(label: string, scenarioTitle: string): string {
  const trimmed = label.trim();
  const rest = trimmed.startsWith(scenarioTitle) ? trimmed.slice(scenarioTitle.length) : null;
  return rest === "" || (rest !== null && /^(?:,| ·) \d{1,2}-\d{1,2}-\d{4}$/.test(rest)) ? "" : trimmed;
}

/**
 * Items made once the vote was shown (aanvullingen from the casustoets): by log order, not time, as several events
 * can share a millisecond.
 */
function itemsMadeAfterVote(events: readonly SessionEvent[]): ReadonlySet<string> {
  const shown = events.findIndex((e) => e.type === "VotesRevealed");
  if (shown === -1) return new Set();
  return new Set(events.slice(shown).flatMap((e) => (e.type === "PveItemCreated" ? [e.itemId] : e.type === "PveItemSplit" ? [e.newItemId] : [])));
}

function candidatesOf(report: Report, afterVote: ReadonlySet<string>, session: number): Candidate[] {
  return report.kader.items.map((item) => {
    // The vote counts such an item as 0 points from everyone: it would look rejected by every role.
    const addedAfterVote = afterVote.has(item.itemId);
    const support = addedAfterVote ? null : item.support;
    return {
      key: `${session}/${item.itemId}`,
      session,
      entry: {
        session,
        text: item.text,
        rank: item.rank,
        category: report.categoryName(item.categoryId),
        support: support ? sharesOf(support) : null,
        draagvlak: support?.draagvlak ?? null,
        addedAfterVote,
        verdicts: item.evidence
          .map((e) => ({ caseTitle: report.caseTitle(e.caseId), verdict: e.verdict }))
          .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || a.caseTitle.localeCompare(b.caseTitle, "nl")),
      },
    };
  });
}

/** Shares per role; a role nobody voted in has no share (0 would read as "voted against"). */
function sharesOf(support: ItemSupport): RoleShares {
  const share = (role: GameRole) => (support.rolesPresent.includes(role) ? support.sharePerRole[role] : null);
  return {
    burger: share("burger"),
    raadslid: share("raadslid"),
    wethouder: share("wethouder"),
    directeur: share("directeur"),
    beleidsambtenaar: share("beleidsambtenaar"),
    wijkteamprofessional: share("wijkteamprofessional"),
  };
}

interface Group {
  members: Candidate[];
  /** Similarity of pairs inside the group (only pairs above the threshold), by candidate key. */
  scores: Map<string, number>;
}

/**
 * Groups items of different sessions that the merge suggestions would call the same. Pairs are taken best first and
 * two groups join only when they share no session, so a group holds at most one item per session: the best match.
 * That keeps the side-by-side view one column per session, and stops a chain of loose matches from sweeping half a
 * session's items into one group.
 */
function groupAcrossSessions(candidates: readonly Candidate[]): Group[] {
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const entries: SuggestionEntry[] = candidates.map((c) => ({ ref: { kind: "item", id: c.key }, text: c.entry.text }));
  // Every pair above the threshold, not only the top 20 a group is shown while merging.
  const pairs = suggestDuplicates(entries, { threshold: DEFAULT_SUGGESTION_THRESHOLD, max: Number.MAX_SAFE_INTEGER });
  const groupOf = new Map<string, Group>(candidates.map((c) => [c.key, { members: [c], scores: new Map() }]));
  const sessionsOf = (g: Group) => new Set(g.members.map((m) => m.session));
  for (const pair of pairs) {
    const a = byKey.get(pair.a.id);
    const b = byKey.get(pair.b.id);
    if (!a || !b || a.session === b.session) continue;
    const ga = groupOf.get(a.key);
    const gb = groupOf.get(b.key);
    if (!ga || !gb) continue;
    if (ga === gb) {
      addScore(ga, a.key, b.key, pair.score);
      continue;
    }
    const taken = sessionsOf(ga);
    if (gb.members.some((m) => taken.has(m.session))) continue;
    ga.members.push(...gb.members);
    for (const [key, score] of gb.scores) ga.scores.set(key, score);
    for (const m of gb.members) groupOf.set(m.key, ga);
    addScore(ga, a.key, b.key, pair.score);
  }
  return [...new Set(groupOf.values())].filter((g) => g.members.length >= 2);
}

const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

function addScore(group: Group, x: string, y: string, score: number): void {
  group.scores.set(pairKey(x, y), score);
}

function toPattern(members: readonly Candidate[], scores: ReadonlyMap<string, number>, sessionTotal: number): Omit<Pattern, "number"> {
  const ordered = [...members].sort((a, b) => a.session - b.session || a.entry.rank - b.entry.rank);
  // The representative: the wording most like all the others (scores of pairs under the threshold count as 0).
  const closeness = (c: Candidate) => ordered.reduce((sum, o) => sum + (o === c ? 0 : (scores.get(pairKey(c.key, o.key)) ?? 0)), 0);
  const representative = ordered.reduce((best, c) => (closeness(c) > closeness(best) ? c : best), ordered[0]!);
  const blockedIn = ordered.flatMap((c) => {
    const cases = c.entry.verdicts.filter((v) => v.verdict === "staat_in_de_weg").map((v) => v.caseTitle);
    return cases.length > 0 ? [{ session: c.session, cases }] : [];
  });
  return {
    text: representative.entry.text,
    sessionCount: ordered.length,
    sessionTotal,
    entries: ordered.map((c) => c.entry),
    blockedIn,
  };
}
