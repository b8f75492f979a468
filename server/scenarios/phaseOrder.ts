/**
 * Advice on the order of a variant's phases: each phase works on what an earlier one made (a rolwissel writes eisen,
 * samenvoegen makes the programma of them, prioriteren and the casustoets work on the programma). A phase with
 * nothing to work on still runs, on an empty board, so this is a warning that says what the room would see.
 */
import type { Phase } from "#shared/protocol/scenario.ts";

export interface PhaseAdvice {
  /** The phase the advice is about, counted from 0. */
  index: number;
  message: string;
}

const MERGES = new Set<Phase["kind"]>(["samenvoegen", "plenair"]);

export function phaseOrderAdvice(variantId: string, phases: readonly Phase[]): PhaseAdvice[] {
  const advice: PhaseAdvice[] = [];
  const at = (p: number, kind: string) => `Variant "${variantId}", fase ${p + 1} (${kind})`;
  const before = (p: number, kinds: ReadonlySet<Phase["kind"]>) => phases.slice(0, p).some((phase) => kinds.has(phase.kind));
  const after = (p: number, kinds: ReadonlySet<Phase["kind"]>) => phases.slice(p + 1).some((phase) => kinds.has(phase.kind));
  phases.forEach((phase, p) => {
    switch (phase.kind) {
      case "rolwissel":
        if (!after(p, MERGES)) {
          advice.push({
            index: p,
            message:
              `${at(p, "rolwissel")} heeft geen fase samenvoegen na zich: de eisen van deze ronde komen dan niet in het programma van eisen ` +
              `en niet in het kader. Zet na deze ronde een fase { "kind": "samenvoegen" }.`,
          });
        }
        return;
      case "samenvoegen":
        if (!before(p, new Set(["rolwissel"]))) {
          advice.push({
            index: p,
            message:
              `${at(p, "samenvoegen")} komt vóór elke rolwissel: er zijn dan nog geen eisen om samen te voegen, en het bord blijft leeg. ` +
              `Zet er minstens één fase { "kind": "rolwissel", … } voor.`,
          });
        }
        return;
      case "prioriteren":
      case "casustoets":
        if (!before(p, MERGES)) {
          const what = phase.kind === "prioriteren" ? "er zijn dan nog geen items om punten op te zetten" : "het programma van eisen is dan nog leeg en er is niets om te toetsen";
          advice.push({ index: p, message: `${at(p, phase.kind)} komt vóór het samenvoegen: ${what}. Zet er een fase { "kind": "samenvoegen" } voor.` });
        }
        return;
      case "lobby":
      case "beeldvorming":
      case "plenair":
      case "resultaat":
        return;
    }
  });
  return advice;
}
