/** How a phase is named to people: its title plus the round or the cases it is about. Shared with the beamer. */
import type { Snapshot } from "../../net/connection.ts";
import type { PhaseView } from "#shared/protocol/views.ts";
import { PHASE_TITLES } from "#shared/strings/index.ts";

/** The round's title in a rolwissel, the case titles in a casustoets, otherwise nothing. */
export function phaseDetail(snap: Snapshot, phase: PhaseView): string | null {
  if (phase.kind === "rolwissel" && phase.roundId) {
    return snap.scenario.rounds.find((r) => r.id === phase.roundId)?.title ?? null;
  }
  if (phase.kind === "casustoets" && phase.caseIds.length > 0) {
    return phase.caseIds.map((id) => snap.cases.find((c) => c.id === id)?.title ?? id).join(", ");
  }
  return null;
}

export function phaseName(phase: PhaseView): string {
  return PHASE_TITLES[phase.kind];
}

/** Phases in which participants say "klaar"; the server refuses it in the lobby and the resultaat. */
export const tracksReadiness = (phase: PhaseView): boolean => phase.kind !== "lobby" && phase.kind !== "resultaat";
