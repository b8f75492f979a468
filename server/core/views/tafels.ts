/** What the tafel rules (server/core/tafels.ts) make visible: every tafel's progress side by side, counts only, for everyone. */
import type { TableView } from "#shared/protocol/views.ts";
import { hasVoted } from "../prioriteren.ts";
import { currentRoundId, liveItems, type SessionState } from "../state.ts";
import { nobodyOnline, type ListPart, type Online } from "./parts.ts";

/** Every tafel's progress, counts only: what the spelleider and the beamer show side by side. */
export function tableViews(state: SessionState, online: Online = nobodyOnline): TableView[] {
  if (state.tables.size === 0) return [];
  const roundId = currentRoundId(state);
  const round = roundId ? state.rounds.get(roundId) : undefined;
  const ready = state.ready.get(state.phaseIndex) ?? new Set<string>();
  const items = liveItems(state);
  return [...state.tables.values()].map((table) => {
    const members = [...state.participants.values()].filter((p) => !p.removed && p.tableId === table.id);
    const ids = new Set(members.map((p) => p.id));
    const eisen = roundId ? [...state.eisen.values()].filter((e) => e.roundId === roundId && e.tableId === table.id) : [];
    const caseId = state.caseByTable.get(table.id) ?? state.currentCaseId;
    return {
      tableId: table.id,
      name: table.name,
      members: members.length,
      online: members.filter((p) => online.has(p.id)).length,
      ready: members.filter((p) => ready.has(p.id)).length,
      wrote: new Set(eisen.map((e) => e.authorId).filter((id) => ids.has(id))).size,
      eisen: eisen.length,
      revealed: Boolean(round && (round.revealed || round.revealedTables.has(table.id))),
      items: items.filter((i) => i.tableId === table.id).length,
      voted: members.filter((p) => hasVoted(state, p.id)).length,
      caseId,
      stepIndex: caseId ? (state.cases.get(caseId)?.stepIndex ?? null) : null,
      roles: [...new Set(members.flatMap((p) => round?.assignments.get(p.id) ?? []))],
    };
  });
}

export const tables: ListPart<"tables"> = {
  kind: "list",
  name: "tables",
  entries: (state, online) => tableViews(state, online).map((value) => ({ key: value.tableId, value, seenBy: { kind: "everyone" } })),
};
