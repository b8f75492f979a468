/**
 * What the rolwissel (server/core/rolwissel.ts) makes visible: an eis is a draft its author alone sees until its round
 * (or its tafel) is revealed; then it is on the board, with its game role and never its author, for the spelleider,
 * the beamer and the participants whose tafel scope holds it (with tafels, in the tafel phases only their own tafel's).
 */
import type { GameRole } from "#shared/protocol/ids.ts";
import type { EisView } from "#shared/protocol/views.ts";
import { eisVisible, type Eis, type SessionState } from "../state.ts";
import type { Entry, ListPart } from "./parts.ts";

export const eisView = (e: { id: string; roundId: string; role: GameRole; categoryId: string; text: string; itemId: string | null; tableId: string | null }): EisView => ({
  id: e.id,
  roundId: e.roundId,
  role: e.role,
  categoryId: e.categoryId,
  text: e.text,
  itemId: e.itemId,
  tableId: e.tableId,
});

const known = new WeakMap<Eis, EisView>();

/**
 * The view of an eis of the state, the same object as last time while the eis is unchanged: the board and the drafts
 * are taken again after every eis written, and most of them are as they were (the projection then sees at once that
 * nothing changed).
 */
function viewOf(e: Eis): EisView {
  const v = known.get(e);
  if (v && v.text === e.text && v.categoryId === e.categoryId && v.itemId === e.itemId && v.role === e.role && v.roundId === e.roundId && v.tableId === e.tableId) return v;
  const view = eisView(e);
  known.set(e, view);
  return view;
}

/** Eisen the group may see: those of revealed rounds (or of a tafel revealed on its own). */
export const revealedEisen = (state: SessionState): EisView[] => [...state.eisen.values()].filter((e) => eisVisible(state, e)).map(eisView);

/** A participant's own eisen that are not yet visible to the group. */
export function draftsOf(state: SessionState, participantId: string): EisView[] {
  return [...state.eisen.values()].filter((e) => e.authorId === participantId && !eisVisible(state, e)).map(eisView);
}

/**
 * The entries of an eis on the board and among the drafts, the same objects as last time while its view is: after every
 * eis written the whole board is taken again (see viewOf) without making a new entry for each eis on it.
 */
const onBoard = new WeakMap<Eis, Entry<"eisen">>();
const asDraft = new WeakMap<Eis, Entry<"drafts">>();

function boardEntry(e: Eis): Entry<"eisen"> {
  const value = viewOf(e);
  const known = onBoard.get(e);
  if (known?.value === value) return known;
  const entry: Entry<"eisen"> = { key: e.id, value, seenBy: { kind: "tafel", tableId: e.tableId } };
  onBoard.set(e, entry);
  return entry;
}

function draftEntry(e: Eis): Entry<"drafts"> {
  const value = viewOf(e);
  const known = asDraft.get(e);
  if (known?.value === value) return known;
  const entry: Entry<"drafts"> = { key: e.id, value, seenBy: { kind: "own", participantId: e.authorId, spelleider: false } };
  asDraft.set(e, entry);
  return entry;
}

export const eisen: ListPart<"eisen"> = {
  kind: "list",
  name: "eisen",
  reads: ["eisen", "reveal", "roles", "board"],
  entries: (state) => {
    const entries: Entry<"eisen">[] = [];
    for (const e of state.eisen.values()) if (eisVisible(state, e)) entries.push(boardEntry(e));
    return entries;
  },
  keyed: {
    by: "eisen",
    entry: (state, _online, eisId) => {
      const e = state.eisen.get(eisId);
      return e && eisVisible(state, e) ? boardEntry(e) : null;
    },
  },
};

export const drafts: ListPart<"drafts"> = {
  kind: "list",
  name: "drafts",
  reads: ["eisen", "reveal", "roles", "board"],
  entries: (state) => {
    const entries: Entry<"drafts">[] = [];
    for (const e of state.eisen.values()) if (!eisVisible(state, e)) entries.push(draftEntry(e));
    return entries;
  },
  keyed: {
    by: "eisen",
    entry: (state, _online, eisId) => {
      const e = state.eisen.get(eisId);
      return e && !eisVisible(state, e) ? draftEntry(e) : null;
    },
  },
};
