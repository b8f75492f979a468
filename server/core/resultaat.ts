/**
 * Phase 6, resultaat: the kader op maat, derived from the state (never stored): PvE items in order of priority,
 * with their support profile per role, provenance, case evidence and open spanningen, grouped under the four
 * headings of a handelingsperspectief (seed 003).
 */
import type { CostLevel, GameRole, Perspectief, Verdict } from "#shared/protocol/ids.ts";
import { bySupport, supportByItem, type ItemSupport } from "./prioriteren.ts";
import { itemCaseIds, itemEisIds, liveItemId, liveItems, type SessionState } from "./state.ts";

export const PERSPECTIEF_TITLES: Record<Perspectief, string> = {
  doelen: "Doelen en ambitie",
  resultaten: "Concrete resultaten",
  normen: "Gedeelde normen en waarden",
  ondersteuning: "Wat de organisatie de professional biedt",
};

export interface KaderItem {
  itemId: string;
  rank: number;
  text: string;
  categoryId: string;
  perspectief: Perspectief;
  /** Game roles whose eisen are in it. */
  roles: GameRole[];
  provenance: { eisId: string; role: GameRole; roundId: string; text: string; tableId: string | null }[];
  /** Cases whose casustoets added it: an aanvulling. */
  fromCases: string[];
  support: ItemSupport | null;
  evidence: { caseId: string; verdict: Verdict }[];
}

export interface KaderCase {
  caseId: string;
  title: string;
  source: "scenario" | "live";
  decision: string | null;
  costNow: CostLevel | null;
  costLater: CostLevel | null;
  helped: string[];
  hindered: string[];
}

export interface KaderSpanning {
  spanningId: string;
  itemA: string;
  itemB: string;
  note: string;
}

export interface Kader {
  items: KaderItem[];
  perspectieven: { perspectief: Perspectief; title: string; itemIds: string[] }[];
  spanningen: KaderSpanning[];
  cases: KaderCase[];
}

/** `computed`: supportByItem(state), when the caller has it already (the room projects support and kader together). */
export function kader(state: SessionState, computed?: readonly ItemSupport[]): Kader {
  const support = state.votesRevealed ? new Map((computed ?? supportByItem(state)).map((s) => [s.itemId, s])) : new Map<string, ItemSupport>();
  const categories = new Map(state.scenario.categories.map((c) => [c.id, c]));
  const items = liveItems(state)
    .map((item) => {
      const provenance = itemEisIds(item).flatMap((id) => {
        const eis = state.eisen.get(id);
        return eis ? [{ eisId: eis.id, role: eis.role, roundId: eis.roundId, text: eis.text, tableId: eis.tableId }] : [];
      });
      const evidence = [...state.cases.values()].flatMap((c) => {
        const verdict = c.verdicts.get(item.id);
        return verdict ? [{ caseId: c.id, verdict }] : [];
      });
      return {
        itemId: item.id,
        rank: 0,
        text: item.text,
        categoryId: item.categoryId,
        perspectief: categories.get(item.categoryId)?.perspectief ?? "ondersteuning",
        roles: [...new Set(provenance.map((p) => p.role))],
        provenance,
        fromCases: itemCaseIds(item),
        support: support.get(item.id) ?? null,
        evidence,
        createdAt: item.createdAt,
      };
    })
    // The same order as the vote's reveal (an item nobody could vote on counts as 0).
    .sort((a, b) => bySupport({ ...a, total: a.support?.total ?? 0 }, { ...b, total: b.support?.total ?? 0 }))
    .map(({ createdAt: _createdAt, ...item }, index) => ({ ...item, rank: index + 1 }));
  return {
    items,
    perspectieven: (Object.keys(PERSPECTIEF_TITLES) as Perspectief[]).map((perspectief) => ({
      perspectief,
      title: PERSPECTIEF_TITLES[perspectief],
      itemIds: items.filter((i) => i.perspectief === perspectief).map((i) => i.itemId),
    })),
    spanningen: openSpanningen(state),
    cases: [...state.cases.values()]
      .filter((c) => c.stepIndex > 0 || c.notes.length > 0 || c.decision !== null || c.verdicts.size > 0)
      .map((c) => ({
        caseId: c.id,
        title: c.title,
        source: c.source,
        decision: c.decision?.decision ?? null,
        costNow: c.decision?.costNow ?? null,
        costLater: c.decision?.costLater ?? null,
        helped: [...c.verdicts].filter(([, v]) => v === "helpt").map(([id]) => id),
        hindered: [...c.verdicts].filter(([, v]) => v === "staat_in_de_weg").map(([id]) => id),
      })),
  };
}

/** Spanningen between two different live items, following merges to where their content went. */
export function openSpanningen(state: SessionState): KaderSpanning[] {
  return [...state.spanningen.values()].flatMap((s) => {
    const itemA = liveItemId(state, s.itemA);
    const itemB = liveItemId(state, s.itemB);
    return itemA && itemB && itemA !== itemB ? [{ spanningId: s.id, itemA, itemB, note: s.note }] : [];
  });
}
