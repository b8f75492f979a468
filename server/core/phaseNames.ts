import type { PhaseKind } from "#shared/protocol/ids.ts";
import type { SessionState } from "./state.ts";
import { commonRejections, type Rejection } from "./decision.ts";

/** How phases are called in Dutch sentences ("kan alleen in de fase …"). */
export const PHASE_NAMES: Record<PhaseKind, string> = {
  lobby: "lobby",
  beeldvorming: "beeldvorming",
  rolwissel: "rolwissel-ronde",
  samenvoegen: "samenvoegen",
  plenair: "plenair samenvoegen",
  prioriteren: "prioriteren",
  casustoets: "casustoets",
  resultaat: "resultaat",
};

/** Rejects unless the session is in a phase of this kind; `what` names the action in Dutch ("Een eis schrijven"). */
export function requirePhase(state: SessionState, kind: PhaseKind, what: string): Rejection | null {
  const phase = state.phases[state.phaseIndex];
  if (phase?.kind === kind) return null;
  return commonRejections.wrongPhase(what, PHASE_NAMES[kind]);
}
