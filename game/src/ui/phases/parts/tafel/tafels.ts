/**
 * Look-ups for tafels that several screens share (console, beamer, participant). Without tafels every function
 * answers as before (no name, the group's case, the round's own reveal), so callers need no special case.
 */
import type { Snapshot } from "../../../../net/connection.ts";
import type { TableView } from "#shared/protocol/views.ts";
import { joinTableNames } from "#shared/strings/index.ts";

export const hasTables = (snap: Snapshot): boolean => snap.session.tables.length > 0;

export function tableName(snap: Snapshot, tableId: string | null): string | null {
  if (tableId === null) return null;
  return snap.session.tables.find((x) => x.tableId === tableId)?.name ?? null;
}

/** "Tafel 2", or "Tafel 1 + 3" for an item made of eisen from more tafels; in the session's order. */
export function tablesLabel(snap: Snapshot, tableIds: readonly string[]): string {
  const names = snap.session.tables.filter((x) => tableIds.includes(x.tableId)).map((x) => x.name);
  return joinTableNames(names);
}

/** The participant's own tafel (null for the spelleider, the beamer, and without tafels). */
export function myTable(snap: Snapshot): TableView | null {
  const id = snap.mine?.tableId ?? null;
  return id === null ? null : (snap.tables.find((x) => x.tableId === id) ?? null);
}

/**
 * Whether this round's eisen are visible to whoever looks: for everyone once the whole round is revealed; for a
 * participant also when their own tafel was revealed on its own; for the spelleider when every tafel is.
 */
export function roundRevealed(snap: Snapshot, roundId: string | null): boolean {
  if (snap.session.rounds.find((r) => r.id === roundId)?.revealed) return true;
  const mine = myTable(snap);
  if (mine) return mine.revealed;
  return snap.mine === null && snap.tables.length > 0 && snap.tables.every((x) => x.revealed);
}

/** The case this participant's group walks: their tafel's own case in a casustoets per tafel, else the group's. */
export function currentCaseIdFor(snap: Snapshot): string | null {
  return snap.mine ? snap.mine.currentCaseId : snap.session.currentCaseId;
}

/** The tafels each case is open at, in a casustoets per tafel. */
export function tablesOfCase(snap: Snapshot, caseId: string): string[] {
  return snap.session.caseByTable.filter((x) => x.caseId === caseId).map((x) => x.tableId);
}
