/** Lookups the board screens share: names of categories and rounds, texts of board references, suggestions per card. */
import type { BoardRef } from "#shared/protocol/commands.ts";
import type { EisView, ItemView, SuggestionView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../../../net/connection.ts";

export type { BoardRef };

export const refKey = (ref: BoardRef): string => `${ref.kind}:${ref.id}`;

export function categoryName(snap: Snapshot, categoryId: string): string {
  return snap.scenario.categories.find((c) => c.id === categoryId)?.name ?? categoryId;
}

export function roundTitle(snap: Snapshot, roundId: string): string {
  return snap.scenario.rounds.find((r) => r.id === roundId)?.title ?? roundId;
}

/** Cuts a text at a word boundary, for badges and labels that must stay on one line. */
export function shorten(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/** The board's entities by id, built once per render. */
export interface BoardIndex {
  eisen: Map<string, EisView>;
  items: Map<string, ItemView>;
}

export function boardIndex(snap: Snapshot): BoardIndex {
  return {
    eisen: new Map(snap.eisen.map((e) => [e.id, e])),
    items: new Map(snap.items.map((i) => [i.id, i])),
  };
}

/** What a reference points at, if it still exists. */
export type Resolved = { kind: "eis"; eis: EisView } | { kind: "item"; item: ItemView };

export function resolve(index: BoardIndex, ref: BoardRef): Resolved | null {
  if (ref.kind === "eis") {
    const eis = index.eisen.get(ref.id);
    return eis ? { kind: "eis", eis } : null;
  }
  const item = index.items.get(ref.id);
  return item ? { kind: "item", item } : null;
}

export function resolvedText(r: Resolved): string {
  return r.kind === "eis" ? r.eis.text : r.item.text;
}

export function resolvedCategory(r: Resolved): string {
  return r.kind === "eis" ? r.eis.categoryId : r.item.categoryId;
}

/** A reference is still on the board: a free eis, or a live item. */
export function onBoard(index: BoardIndex, ref: BoardRef): boolean {
  const r = resolve(index, ref);
  return r !== null && (r.kind === "item" || r.eis.itemId === null);
}

/** For each card, the other cards the server thinks it resembles, best first. */
export function similarByKey(index: BoardIndex, suggestions: readonly SuggestionView[]): Map<string, BoardRef[]> {
  const out = new Map<string, BoardRef[]>();
  const sorted = [...suggestions].sort((x, y) => y.score - x.score);
  for (const s of sorted) {
    if (!onBoard(index, s.a) || !onBoard(index, s.b)) continue;
    for (const [from, to] of [[s.a, s.b], [s.b, s.a]] as const) {
      const list = out.get(refKey(from)) ?? [];
      list.push(to);
      out.set(refKey(from), list);
    }
  }
  return out;
}

/** A set of cards the server thinks belong together, with its best pair score. */
export interface SuggestionGroup {
  refs: BoardRef[];
  score: number;
}

const MAX_GROUP = 4;

/**
 * Pairs that share a card are shown as one group (three identical eisen are one suggestion, not three). A chain that
 * grows larger than a handful is shown as its pairs again, since a long chain usually links unrelated ends.
 */
export function suggestionGroups(index: BoardIndex, suggestions: readonly SuggestionView[]): SuggestionGroup[] {
  const live = suggestions.filter((s) => onBoard(index, s.a) && onBoard(index, s.b));
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  const refs = new Map<string, BoardRef>();
  for (const s of live) {
    for (const ref of [s.a, s.b]) {
      if (!parent.has(refKey(ref))) parent.set(refKey(ref), refKey(ref));
      refs.set(refKey(ref), ref);
    }
    parent.set(find(refKey(s.a)), find(refKey(s.b)));
  }
  const components = new Map<string, { keys: Set<string>; pairs: SuggestionView[] }>();
  for (const s of live) {
    const root = find(refKey(s.a));
    const c = components.get(root) ?? { keys: new Set<string>(), pairs: [] };
    c.keys.add(refKey(s.a));
    c.keys.add(refKey(s.b));
    c.pairs.push(s);
    components.set(root, c);
  }
  const groups: SuggestionGroup[] = [];
  for (const c of components.values()) {
    const best = Math.max(...c.pairs.map((p) => p.score));
    if (c.keys.size <= MAX_GROUP) groups.push({ refs: [...c.keys].flatMap((k) => refs.get(k) ?? []), score: best });
    else for (const p of c.pairs) groups.push({ refs: [p.a, p.b], score: p.score });
  }
  return groups.sort((x, y) => y.score - x.score);
}
