/**
 * What /nieuw shows of a scenario before a trainer picks it: its title and introduction, and per variant the phases
 * with their minutes and what each is about (the round of a rolwissel, the cases of a casustoets). Only what
 * participants see anyway once the session runs: no role's private facts.
 */
import type { Phase, Scenario } from "#shared/protocol/scenario.ts";

export interface ListedStep {
  kind: Phase["kind"];
  minutes: number | null;
  /** The round's title for a rolwissel, the cases' titles for a casustoets; otherwise empty. */
  about: string[];
}

export interface ListedScenario {
  id: string;
  title: string;
  intro: string;
  variants: { id: string; title: string; phases: number; steps: ListedStep[] }[];
}

export function scenarioListing(s: Scenario): ListedScenario {
  const roundTitle = new Map(s.rounds.map((r) => [r.id, r.title]));
  const caseTitle = new Map(s.cases.map((c) => [c.id, c.title]));
  const about = (p: Phase): string[] => {
    switch (p.kind) {
      case "rolwissel":
        return [roundTitle.get(p.roundId) ?? p.roundId];
      case "casustoets":
        return p.caseIds.map((id) => caseTitle.get(id) ?? id);
      case "lobby":
      case "beeldvorming":
      case "samenvoegen":
      case "plenair":
      case "prioriteren":
      case "resultaat":
        return [];
    }
  };
  return {
    id: s.id,
    title: s.title,
    intro: s.intro,
    variants: s.variants.map((v) => ({
      id: v.id,
      title: v.title,
      phases: v.phases.length,
      steps: v.phases.map((p) => ({ kind: p.kind, minutes: "minutes" in p ? (p.minutes ?? null) : null, about: about(p) })),
    })),
  };
}
