/**
 * What every day-1 export of a session draws from: the log replayed, the kader derived from it, and the casusboekje (seed
 * 001): per case the situation, the notes the group made at each Toets step, the verdicts and the decision. Pure: the
 * same log always gives the same report, so exports can be compared byte for byte.
 */
import { replay } from "../core/evolve.ts";
import { kader, type Kader, type KaderItem } from "../core/resultaat.ts";
import type { CaseDecision, CaseState, SessionState } from "../core/state.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { GameRole, Verdict } from "#shared/protocol/ids.ts";
import { TEXTS } from "./text.ts";

export interface StepEntry {
  stepId: string;
  title: string;
  /** Whether the group got to this step: walked past it, or wrote something at it. */
  reached: boolean;
  notes: { role: GameRole | null; text: string }[];
}

/** One item as a case judged it; items merged away since keep their text but have no rank. */
export interface VerdictEntry {
  itemId: string;
  text: string;
  rank: number | null;
  verdict: Verdict;
}

export interface CaseEntry {
  caseId: string;
  title: string;
  source: "scenario" | "live";
  situation: string;
  effectWanted: string;
  dilemma: string | null;
  laws: string[];
  /** What the rules say, for a case brought in during the session; null when not given. */
  rules: string | null;
  steps: StepEntry[];
  verdicts: VerdictEntry[];
  decision: CaseDecision | null;
  /** What really happened, when the case carries it (in the casusboekje whether or not the group decided). */
  afloop: string | null;
  /** Kader items this case added (aanvullingen). */
  aanvullingen: { text: string; rank: number | null }[];
}

/**
 * A beeldvorming question with the cards the group wrote at it: in the clusters the group made (in the order made),
 * then the cards it left out of them. Cards are anonymous: their text only.
 */
export interface BeeldEntry {
  prompt: string;
  clusters: { label: string; cards: string[] }[];
  loose: string[];
}

export interface Report {
  state: SessionState;
  kader: Kader;
  /** The beeldvorming's result, per question with at least one card; empty when the session had none. */
  beeld: BeeldEntry[];
  /** Cases the group worked on, in the order of the scenario, live cases after them. */
  cases: CaseEntry[];
  unit: "punten" | "moscow";
  itemText(itemId: string): string;
  caseTitle(caseId: string): string;
  categoryName(categoryId: string): string;
  roundTitle(roundId: string): string;
  tableName(tableId: string): string;
}

const VERDICT_ORDER: Record<Verdict, number> = { helpt: 0, staat_in_de_weg: 1, niet_van_toepassing: 2 };

/**
 * The log of day 1: everything before the terugkombijeenkomst opened. Day-1 exports are built from it, so they stay
 * byte for byte what they were, whatever happens on day 2 (someone removed there would otherwise lose their votes).
 */
export function dayOneEvents(events: readonly SessionEvent[]): readonly SessionEvent[] {
  const opened = events.findIndex((e) => e.type === "TerugkomOpened");
  return opened === -1 ? events : events.slice(0, opened);
}

export function buildReport(events: readonly SessionEvent[]): Report {
  const state = replay(dayOneEvents(events));
  const result = kader(state);
  const ranks = new Map(result.items.map((i) => [i.itemId, i.rank]));
  const categories = new Map(state.scenario.categories.map((c) => [c.id, c.name]));
  const rounds = new Map(state.scenario.rounds.map((r) => [r.id, r.title]));
  const itemText = (itemId: string) => state.items.get(itemId)?.text ?? itemId;
  const worked = new Set(result.cases.map((c) => c.caseId));
  return {
    state,
    kader: result,
    beeld: beeldEntries(state),
    cases: [...state.cases.values()].filter((c) => worked.has(c.id)).map((c) => caseEntry(state, c, result.items, ranks, itemText)),
    unit: state.scenario.voting.mode === "punten" ? "punten" : "moscow",
    itemText,
    caseTitle: (caseId) => state.cases.get(caseId)?.title ?? caseId,
    categoryName: (categoryId) => categories.get(categoryId) ?? categoryId,
    roundTitle: (roundId) => rounds.get(roundId) ?? roundId,
    tableName: (tableId) => state.tables.get(tableId)?.name ?? tableId,
  };
}

function beeldEntries(state: SessionState): BeeldEntry[] {
  const cards = [...state.cards.values()];
  const clusters = [...state.clusters.values()];
  return state.scenario.beeldvorming.prompts.flatMap((prompt) => {
    const here = cards.filter((c) => c.promptId === prompt.id);
    if (here.length === 0) return [];
    const made = clusters
      .filter((c) => c.promptId === prompt.id)
      .map((cluster) => ({ label: cluster.label, cards: here.filter((c) => c.clusterId === cluster.id).map((c) => c.text) }))
      .filter((cluster) => cluster.cards.length > 0);
    const clustered = new Set(clusters.map((c) => c.id));
    const loose = here.filter((c) => c.clusterId === null || !clustered.has(c.clusterId)).map((c) => c.text);
    return [{ prompt: prompt.text, clusters: made, loose }];
  });
}

function caseEntry(
  state: SessionState,
  c: CaseState,
  items: readonly KaderItem[],
  ranks: ReadonlyMap<string, number>,
  itemText: (id: string) => string,
): CaseEntry {
  const scenarioCase = state.scenario.cases.find((s) => s.id === c.id);
  const verdicts = [...c.verdicts]
    .map(([itemId, verdict]) => ({ itemId, text: itemText(itemId), rank: ranks.get(itemId) ?? null, verdict }))
    .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return {
    caseId: c.id,
    title: c.title,
    source: c.source,
    situation: c.situation,
    effectWanted: c.effectWanted,
    dilemma: c.dilemma,
    laws: scenarioCase?.laws ?? [],
    rules: c.rules,
    steps: state.scenario.omgekeerdeToets.map((step, index) => {
      const notes = c.notes.filter((n) => n.stepId === step.id).map((n) => ({ role: n.role, text: n.text }));
      return { stepId: step.id, title: step.title, reached: index < c.stepIndex || notes.length > 0, notes };
    }),
    verdicts,
    decision: c.decision,
    afloop: c.afloop,
    aanvullingen: items.filter((i) => i.fromCases.includes(c.id)).map((i) => ({ text: i.text, rank: i.rank })),
  };
}

/** The session's facts for a title block. */
export function sessionMeta(report: Report): { label: string; scenario: string; code: string; createdAt: number; counts: string } {
  const { state } = report;
  return {
    label: state.label,
    scenario: state.scenario.title,
    code: state.code,
    createdAt: state.createdAt,
    counts: TEXTS.counts(report.kader.items.length, report.cases.length),
  };
}
