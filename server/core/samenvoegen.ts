/**
 * Phase 3, samenvoegen: the group builds one programma van eisen. Merging eisen (and items) makes a PvE item
 * with new wording that keeps its provenance; merges can be undone, items split, and two items can be marked
 * as a spanning. Merges flatten: an item lists every eis it holds and remembers which items it swallowed.
 */
import type { BoardRef, CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf, NewEvent } from "#shared/protocol/events.ts";
import { accept, reject, type Actor, type Decision, type Rejection } from "./decision.ts";
import { PHASE_NAMES } from "./phaseNames.ts";
import { eisVisible, itemEisIds, liveItemId, type ItemSource, type SessionState } from "./state.ts";

/**
 * Which programma an actor works on. In samenvoegen a participant at a tafel merges only their tafel's eisen and
 * items; in plenair everyone works on the whole, and the spelleider may always help any tafel.
 */
type Scope = "all" | { tableId: string | null };

function scopeOf(state: SessionState, actor: Actor): Scope {
  if (actor.kind !== "participant" || state.phases[state.phaseIndex]?.kind === "plenair") return "all";
  return { tableId: state.participants.get(actor.participantId)?.tableId ?? null };
}

const inScope = (scope: Scope, tableId: string | null): boolean => scope === "all" || scope.tableId === tableId;
const otherTable = () => reject("niet_toegestaan", "Dit hoort bij het programma van een andere tafel. Aan tafels samen werken jullie in de fase plenair.");

/** Merging happens at the tafels (samenvoegen) and, with tafels, once more for the whole group (plenair). */
function requireMerging(state: SessionState, what: string): Rejection | null {
  const kind = state.phases[state.phaseIndex]?.kind;
  if (kind === "samenvoegen" || kind === "plenair") return null;
  return reject("verkeerde_fase", `${what} kan alleen in de fase ${PHASE_NAMES.samenvoegen} of ${PHASE_NAMES.plenair}.`);
}

const categoryExists = (state: SessionState, categoryId: string) => state.scenario.categories.some((c) => c.id === categoryId);

function checkSource(state: SessionState, ref: BoardRef, scope: Scope): Rejection | { sources: ItemSource[]; tableId: string | null } {
  if (ref.kind === "eis") {
    const eis = state.eisen.get(ref.id);
    if (!eis || !eisVisible(state, eis)) return reject("niet_gevonden", "Deze eis bestaat niet of is nog niet zichtbaar.");
    if (eis.itemId) return reject("ongeldig", "Deze eis zit al in een item van het programma. Voeg dat item samen in plaats van de losse eis.");
    if (!inScope(scope, eis.tableId)) return otherTable();
    return { sources: [{ kind: "eis", eisId: eis.id }], tableId: eis.tableId };
  }
  const item = state.items.get(ref.id);
  if (!item || item.absorbedInto) return reject("niet_gevonden", "Dit item staat niet (meer) in het programma van eisen.");
  if (!inScope(scope, item.tableId)) return otherTable();
  return { sources: item.sources, tableId: item.tableId };
}

export function decideMerge(state: SessionState, cmd: CommandOf<"pve.merge">, actor: Actor, now: number): Decision {
  const wrong = requireMerging(state, "Eisen samenvoegen");
  if (wrong) return wrong;
  if (state.items.has(cmd.itemId)) return reject("bestaat_al", "Dit item bestaat al.");
  if (!categoryExists(state, cmd.categoryId)) return reject("niet_gevonden", "Kies een categorie uit de lijst van dit scenario.");
  const keys = cmd.sources.map((r) => `${r.kind}:${r.id}`);
  if (new Set(keys).size !== keys.length) return reject("ongeldig", "Dezelfde eis of hetzelfde item staat twee keer in de samenvoeging.");
  const scope = scopeOf(state, actor);
  const sources: ItemSource[] = [];
  const tables = new Set<string | null>();
  for (const ref of cmd.sources) {
    const checked = checkSource(state, ref, scope);
    if ("ok" in checked) return checked;
    sources.push(...checked.sources);
    tables.add(checked.tableId);
  }
  const plenair = state.phases[state.phaseIndex]?.kind === "plenair";
  if (!plenair && tables.size > 1) return reject("ongeldig", "In samenvoegen voeg je alleen eisen van één tafel samen. Tafels samen komen in de fase plenair.");
  const tableId = plenair ? null : ([...tables][0] ?? null);
  const absorbedItemIds = cmd.sources.filter((r) => r.kind === "item").map((r) => r.id);
  return accept(now, { type: "PveItemCreated", itemId: cmd.itemId, text: cmd.text, categoryId: cmd.categoryId, sources, absorbedItemIds, ...(tableId ? { tableId } : {}) });
}

/**
 * The rest in one go: every eis listed becomes an item of its own, with the eis's own words and category. Saves two
 * clicks per leftover eis at the end of samenvoegen. All or nothing: one eis that cannot go in stops the whole list,
 * with the reason for that eis.
 */
export function decideAdopt(state: SessionState, cmd: CommandOf<"pve.adopt">, actor: Actor, now: number): Decision {
  const wrong = requireMerging(state, "Losse eisen als eigen item opnemen");
  if (wrong) return wrong;
  const itemIds = cmd.adopt.map((a) => a.itemId);
  const eisIds = cmd.adopt.map((a) => a.eisId);
  if (new Set(eisIds).size !== eisIds.length) return reject("ongeldig", "Dezelfde eis staat twee keer in de lijst.");
  if (new Set(itemIds).size !== itemIds.length || itemIds.some((id) => state.items.has(id))) return reject("bestaat_al", "Een van de nieuwe items bestaat al.");
  const scope = scopeOf(state, actor);
  const plenair = state.phases[state.phaseIndex]?.kind === "plenair";
  const events: NewEvent[] = [];
  for (const { itemId, eisId } of cmd.adopt) {
    const checked = checkSource(state, { kind: "eis", id: eisId }, scope);
    if ("ok" in checked) {
      const eis = state.eisen.get(eisId);
      return eis ? reject(checked.code, `‘${shorten(eis.text)}’: ${checked.message}`) : checked;
    }
    const eis = state.eisen.get(eisId);
    if (!eis) return reject("niet_gevonden", "Deze eis bestaat niet of is nog niet zichtbaar.");
    const tableId = plenair ? null : checked.tableId;
    events.push({ type: "PveItemCreated", itemId, text: eis.text, categoryId: eis.categoryId, sources: checked.sources, absorbedItemIds: [], ...(tableId ? { tableId } : {}) });
  }
  return accept(now, ...events);
}

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

function liveItem(state: SessionState, itemId: string) {
  const item = state.items.get(itemId);
  return item && !item.absorbedInto ? item : null;
}
const noItem = () => reject("niet_gevonden", "Dit item staat niet (meer) in het programma van eisen.");

export function decideItemEdit(state: SessionState, cmd: CommandOf<"pve.edit">, actor: Actor, now: number): Decision {
  const wrong = requireMerging(state, "Een item aanpassen");
  if (wrong) return wrong;
  const item = liveItem(state, cmd.itemId);
  if (!item) return noItem();
  if (!inScope(scopeOf(state, actor), item.tableId)) return otherTable();
  if (!categoryExists(state, cmd.categoryId)) return reject("niet_gevonden", "Kies een categorie uit de lijst van dit scenario.");
  if (item.text === cmd.text && item.categoryId === cmd.categoryId) return reject("ongeldig", "Er is niets veranderd.");
  return accept(now, { type: "PveItemEdited", itemId: item.id, text: cmd.text, categoryId: cmd.categoryId });
}

export function decideUndo(state: SessionState, cmd: CommandOf<"pve.undo">, actor: Actor, now: number): Decision {
  const wrong = requireMerging(state, "Een samenvoeging ongedaan maken");
  if (wrong) return wrong;
  const item = liveItem(state, cmd.itemId);
  if (!item) return noItem();
  if (!inScope(scopeOf(state, actor), item.tableId)) return otherTable();
  return accept(now, { type: "PveMergeUndone", itemId: cmd.itemId });
}

export function decideSplit(state: SessionState, cmd: CommandOf<"pve.split">, actor: Actor, now: number): Decision {
  const wrong = requireMerging(state, "Een item splitsen");
  if (wrong) return wrong;
  const item = liveItem(state, cmd.itemId);
  if (!item) return noItem();
  if (!inScope(scopeOf(state, actor), item.tableId)) return otherTable();
  if (state.items.has(cmd.newItemId)) return reject("bestaat_al", "Het nieuwe item bestaat al.");
  const inside = new Set(itemEisIds(item));
  const moving = new Set(cmd.eisIds);
  if (moving.size !== cmd.eisIds.length) return reject("ongeldig", "Dezelfde eis staat twee keer in de splitsing.");
  if (cmd.eisIds.some((id) => !inside.has(id))) return reject("ongeldig", "Je kunt alleen eisen afsplitsen die in dit item zitten.");
  const remaining = item.sources.filter((s) => s.kind !== "eis" || !moving.has(s.eisId));
  if (remaining.length === 0) return reject("ongeldig", "Laat minstens één eis in het oorspronkelijke item; anders kun je beter de samenvoeging ongedaan maken.");
  return accept(now, { type: "PveItemSplit", itemId: item.id, newItemId: cmd.newItemId, eisIds: cmd.eisIds, text: cmd.text });
}

export function decideSpanningMark(state: SessionState, cmd: CommandOf<"spanning.mark">, actor: Actor, now: number): Decision {
  const wrong = requireMerging(state, "Een spanning markeren");
  if (wrong) return wrong;
  if (state.spanningen.has(cmd.spanningId)) return reject("bestaat_al", "Deze spanning bestaat al.");
  if (cmd.itemA === cmd.itemB) return reject("ongeldig", "Een spanning gaat over twee verschillende items.");
  const a = liveItem(state, cmd.itemA);
  const b = liveItem(state, cmd.itemB);
  if (!a || !b) return noItem();
  const scope = scopeOf(state, actor);
  if (!inScope(scope, a.tableId) || !inScope(scope, b.tableId)) return otherTable();
  // Spanningen follow merges (see openSpanningen), so compare the live items they now stand between.
  const pair = new Set([cmd.itemA, cmd.itemB]);
  for (const s of state.spanningen.values()) {
    const a = liveItemId(state, s.itemA);
    const b = liveItemId(state, s.itemB);
    if (a && b && a !== b && pair.has(a) && pair.has(b)) return reject("bestaat_al", "Tussen deze twee items staat al een spanning.");
  }
  return accept(now, { type: "SpanningMarked", spanningId: cmd.spanningId, itemA: cmd.itemA, itemB: cmd.itemB, note: cmd.note });
}

export function decideSpanningRemove(state: SessionState, cmd: CommandOf<"spanning.remove">, _actor: Actor, now: number): Decision {
  const wrong = requireMerging(state, "Een spanning weghalen");
  if (wrong) return wrong;
  if (!state.spanningen.has(cmd.spanningId)) return reject("niet_gevonden", "Deze spanning bestaat niet (meer).");
  return accept(now, { type: "SpanningRemoved", spanningId: cmd.spanningId });
}

type SamenvoegenEvent = EventOf<"PveItemCreated" | "PveItemEdited" | "PveMergeUndone" | "PveItemSplit" | "SpanningMarked" | "SpanningRemoved">;

export function applySamenvoegen(state: SessionState, event: SamenvoegenEvent): void {
  switch (event.type) {
    case "PveItemCreated":
      for (const id of event.absorbedItemIds) {
        const absorbed = state.items.get(id);
        if (absorbed) absorbed.absorbedInto = event.itemId;
      }
      state.items.set(event.itemId, {
        id: event.itemId,
        text: event.text,
        categoryId: event.categoryId,
        sources: event.sources,
        absorbedItemIds: event.absorbedItemIds,
        absorbedInto: null,
        createdAt: event.at,
        tableId: event.tableId ?? null,
      });
      setEisenItem(state, event.sources, event.itemId);
      return;
    case "PveItemEdited": {
      const item = state.items.get(event.itemId);
      if (item) Object.assign(item, { text: event.text, categoryId: event.categoryId });
      return;
    }
    case "PveMergeUndone":
      undoMerge(state, event.itemId);
      return;
    case "PveItemSplit": {
      const item = state.items.get(event.itemId);
      if (!item) return;
      const moving = new Set(event.eisIds);
      const moved = item.sources.filter((s) => s.kind === "eis" && moving.has(s.eisId));
      item.sources = item.sources.filter((s) => !(s.kind === "eis" && moving.has(s.eisId)));
      state.items.set(event.newItemId, {
        id: event.newItemId,
        text: event.text,
        categoryId: item.categoryId,
        sources: moved,
        absorbedItemIds: [],
        absorbedInto: null,
        createdAt: event.at,
        tableId: item.tableId,
      });
      setEisenItem(state, moved, event.newItemId);
      return;
    }
    case "SpanningMarked":
      state.spanningen.set(event.spanningId, { id: event.spanningId, itemA: event.itemA, itemB: event.itemB, note: event.note });
      return;
    case "SpanningRemoved":
      state.spanningen.delete(event.spanningId);
      return;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function setEisenItem(state: SessionState, sources: readonly ItemSource[], itemId: string | null): void {
  for (const s of sources) {
    const eis = s.kind === "eis" ? state.eisen.get(s.eisId) : undefined;
    if (eis) eis.itemId = itemId;
  }
}

/**
 * The item dissolves: items it swallowed come back with the eisen they still share with it (an eis split off
 * since stays where it went), other eisen are free again, and spanningen on the item go with it.
 */
function undoMerge(state: SessionState, itemId: string): void {
  const item = state.items.get(itemId);
  if (!item) return;
  const stillHere = new Set(itemEisIds(item));
  setEisenItem(state, item.sources, null);
  for (const id of item.absorbedItemIds) {
    const back = state.items.get(id);
    if (!back) continue;
    back.absorbedInto = null;
    back.sources = back.sources.filter((s) => s.kind !== "eis" || stillHere.has(s.eisId));
    if (back.sources.length === 0) state.items.delete(id);
    else setEisenItem(state, back.sources, id);
  }
  state.items.delete(itemId);
  for (const s of [...state.spanningen.values()]) {
    if (s.itemA === itemId || s.itemB === itemId) state.spanningen.delete(s.id);
  }
}
