/**
 * What the casustoets (server/core/casustoets.ts) makes visible: every case with its notes, verdicts and votes, for
 * everyone; the afloop only after the group's own decision. A proposed case is its author's and the spelleider's
 * until admitted (lobby.ts, the person entry); whose vote a vote is, only the voter sees (lobby.ts, `mine`).
 */
import type { Case } from "#shared/protocol/scenario.ts";
import type { CaseView } from "#shared/protocol/views.ts";
import { caseVoteCounts } from "../casustoets.ts";
import type { SessionState } from "../state.ts";
import { forEveryone, type ListPart } from "./parts.ts";

export function caseViews(state: SessionState): CaseView[] {
  const votes = caseVoteCounts(state);
  const scenarioCases = new Map<string, Case>(state.scenario.cases.map((c) => [c.id, c]));
  return [...state.cases.values()].map((c) => ({
    id: c.id,
    source: c.source,
    title: c.title,
    situation: c.situation,
    effectWanted: c.effectWanted,
    dilemma: c.dilemma ?? "",
    laws: scenarioCases.get(c.id)?.laws ?? [],
    rules: c.rules ?? "",
    stepIndex: c.stepIndex,
    notes: c.notes.map((n) => ({ id: n.id, stepId: n.stepId, text: n.text, role: n.role })),
    verdicts: [...c.verdicts].map(([itemId, verdict]) => ({ itemId, verdict })),
    decision: c.decision ? { ...c.decision } : null,
    hasAfloop: c.afloop !== null,
    // The moment of learning comes after the group's own decision, never before.
    afloop: c.decision ? c.afloop : null,
    votes: votes.get(c.id) ?? 0,
  }));
}

export const cases: ListPart<"cases"> = { kind: "list", name: "cases", reads: ["cases", "toets", "participants"], entries: (state) => forEveryone(caseViews(state), (c) => c.id) };
