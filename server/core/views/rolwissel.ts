/**
 * What the rolwissel (server/core/rolwissel.ts) makes visible: an eis is a draft its author alone sees until its round
 * (or its tafel) is revealed; then it is on the board, with its game role and never its author, for the spelleider,
 * the beamer and the participants whose tafel scope holds it (with tafels, in the tafel phases only their own tafel's).
 */
import type { BoardEis } from "#shared/protocol/views.ts";
import { eisVisible, type Eis } from "../state.ts";
import type { Entry, ListPart } from "./parts.ts";

/** An eis as the board and the drafts hold it: without its item (see BoardEis; the items say which eisen they hold). */
const boardEis = (e: Eis): BoardEis => ({ id: e.id, roundId: e.roundId, role: e.role, categoryId: e.categoryId, text: e.text, tableId: e.tableId });

const known = new WeakMap<Eis, BoardEis>();

/**
 * The view of an eis of the state, the same object as last time while the eis is unchanged: the board and the drafts
 * are taken again after every eis written, and most of them are as they were (the projection then sees at once that
 * nothing changed). A merge does not change it.
 */
function viewOf(e: Eis): BoardEis {
  const v = known.get(e);
  if (v && v.text === e.text && v.categoryId === e.categoryId && v.role === e.role && v.roundId === e.roundId && v.tableId === e.tableId) return v;
  const view = boardEis(e);
  known.set(e, view);
  return view;
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
