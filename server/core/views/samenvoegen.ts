/**
 * What samenvoegen (server/core/samenvoegen.ts) makes visible: the PvE items (on the board of their tafel, like eisen),
 * the open spanningen, and the duplicate suggestions among the free eisen and items, for everyone.
 *
 * Suggestions are derived: a pure function of the board at a seq, but too costly to compute before every answer. The
 * part gives the board as a snapshot (`input`); the room computes the list from it once the command is answered, at
 * most a few times a second, and the terugblik computes the same list from the replayed state at that seq.
 */
import type { ItemView, SpanningView, SuggestionView } from "#shared/protocol/views.ts";
import { openSpanningen } from "../resultaat.ts";
import { eisVisible, isLive, itemCaseIds, itemEisIds, liveItems, type Eis, type PveItem, type SessionState } from "../state.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { prepareSuggestionText, suggestDuplicates } from "../suggestions.ts";
import { forEveryone, type DerivedInput, type DerivedPart, type Entry, type ListPart } from "./parts.ts";

export function itemView(state: SessionState, item: PveItem): ItemView {
  const eisen = itemEisIds(item).flatMap((id) => state.eisen.get(id) ?? []);
  return {
    id: item.id,
    text: item.text,
    categoryId: item.categoryId,
    eisIds: eisen.map((e) => e.id),
    roles: [...new Set(eisen.map((e) => e.role))],
    roundIds: [...new Set(eisen.map((e) => e.roundId))],
    caseIds: itemCaseIds(item),
    tableId: item.tableId,
    tableIds: [...new Set(eisen.flatMap((e) => (e.tableId ? [e.tableId] : [])))],
  };
}

export function itemViews(state: SessionState): ItemView[] {
  return liveItems(state).map((item) => itemView(state, item));
}

export const openSpanningenView = (state: SessionState): SpanningView[] => openSpanningen(state);

export const items: ListPart<"items"> = {
  kind: "list",
  name: "items",
  reads: ["board"],
  entries: (state) => liveItems(state).map((item) => itemEntry(state, item)),
  keyed: {
    by: "items",
    entry: (state, _online, itemId) => {
      const item = state.items.get(itemId);
      return item && item.absorbedInto === null ? itemEntry(state, item) : null;
    },
  },
};

const itemEntry = (state: SessionState, item: PveItem): Entry<"items"> => ({ key: item.id, value: itemView(state, item), seenBy: { kind: "tafel", tableId: item.tableId } });

export const spanningen: ListPart<"spanningen"> = { kind: "list", name: "spanningen", reads: ["board"], entries: (state) => forEveryone(openSpanningenView(state), (s) => s.spanningId) };

interface BoardEntry {
  ref: { kind: "eis" | "item"; id: string };
  text: string;
  role?: string;
  tableId: string | null;
}

/** The free eisen and items of the board at one seq, grouped as they are compared: per tafel in samenvoegen, all at once in plenair. */
class BoardInput implements DerivedInput {
  readonly cheap: boolean;
  readonly perTable: boolean;
  readonly entries: readonly BoardEntry[];
  constructor(perTable: boolean, entries: readonly BoardEntry[]) {
    this.perTable = perTable;
    this.entries = entries;
    this.cheap = entries.length < 2;
  }

  same(other: DerivedInput): boolean {
    if (!(other instanceof BoardInput) || other.perTable !== this.perTable || other.entries.length !== this.entries.length) return false;
    for (let k = 0; k < this.entries.length; k++) {
      const a = this.entries[k];
      const b = other.entries[k];
      if (a === b) continue;
      if (!a || !b || a.ref.kind !== b.ref.kind || a.ref.id !== b.ref.id || a.text !== b.text || a.role !== b.role || a.tableId !== b.tableId) return false;
    }
    return true;
  }

  compute(): SuggestionView[] {
    if (this.cheap) return [];
    const groups = new Map<string, BoardEntry[]>();
    for (const e of this.entries) {
      const group = this.perTable ? (e.tableId ?? "") : "";
      const list = groups.get(group);
      if (list) list.push(e);
      else groups.set(group, [e]);
    }
    return [...groups.values()].flatMap((group) => suggestDuplicates(group));
  }
}

/**
 * The board entry of a free eis or a live item, the same object as last time while what it says is unchanged: the
 * input is taken after every generation in samenvoegen, and most cards are as they were (`same` then sees it at once,
 * and nothing new is made for them).
 */
const entryOfEis = new WeakMap<Eis, BoardEntry>();
const entryOfItem = new WeakMap<PveItem, BoardEntry>();

function eisBoardEntry(e: Eis): BoardEntry {
  const known = entryOfEis.get(e);
  if (known && known.ref.id === e.id && known.text === e.text && known.role === e.role && known.tableId === e.tableId) return known;
  const entry: BoardEntry = { ref: { kind: "eis", id: e.id }, text: e.text, role: e.role, tableId: e.tableId };
  entryOfEis.set(e, entry);
  return entry;
}

function itemBoardEntry(i: PveItem): BoardEntry {
  const known = entryOfItem.get(i);
  if (known && known.ref.id === i.id && known.text === i.text && known.tableId === i.tableId) return known;
  const entry: BoardEntry = { ref: { kind: "item", id: i.id }, text: i.text, tableId: i.tableId };
  entryOfItem.set(i, entry);
  return entry;
}

/** Only samenvoegen and the plenair have a board to suggest on. */
function boardIdle(state: SessionState): boolean {
  const kind = state.phases[state.phaseIndex]?.kind;
  return kind !== "samenvoegen" && kind !== "plenair";
}

function boardInput(state: SessionState): BoardInput {
  if (boardIdle(state)) return new BoardInput(false, []);
  const entries: BoardEntry[] = [];
  for (const e of state.eisen.values()) if (e.itemId === null && eisVisible(state, e)) entries.push(eisBoardEntry(e));
  for (const i of state.items.values()) if (isLive(i)) entries.push(itemBoardEntry(i));
  return new BoardInput(state.phases[state.phaseIndex]?.kind === "samenvoegen", entries);
}

/**
 * An eis is written (or rewritten) in the rolwissel, while there is no board yet: its text is prepared then, so that at
 * the reveal, when every session's board opens at once, the suggestions only compare. (An item's text comes while the
 * board is open and is compared within moments anyway.)
 */
function prepareEisText(event: SessionEvent): (() => void) | null {
  if (event.type !== "EisWritten" && event.type !== "EisEdited") return null;
  const { text } = event;
  return () => prepareSuggestionText(text);
}

/** Duplicate suggestions among free eisen and items: in samenvoegen each tafel gets its own (a tafel merges only its own cards); in plenair they span all tafels. */
export const suggestions: DerivedPart = { kind: "derived", name: "suggestions", reads: ["pacing", "roles", "eisen", "reveal", "board"], input: boardInput, idle: boardIdle, prepare: prepareEisText };

const computed = new WeakMap<SessionState, { input: DerivedInput; value: SuggestionView[] }>();

/** What is kept for a state's suggestions (its board's texts and the list), for the bench's memory report (tools/bench/memoryReport.ts). */
export function keptSuggestions(state: SessionState): unknown {
  return computed.get(state);
}

/** The suggestions of the state as it is now; computed again only when the board's texts changed. */
export function boardSuggestions(state: SessionState): SuggestionView[] {
  const input = boardInput(state);
  const known = computed.get(state);
  if (known && known.input.same(input)) return known.value;
  const value = input.compute();
  computed.set(state, { input, value });
  return value;
}
