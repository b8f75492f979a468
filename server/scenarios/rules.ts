/**
 * Cross-reference rules for a scenario that the zod schema cannot express: unique ids, references between
 * rounds, phases and cases, the order of phases in a variant. Every message is Dutch, names the place and says
 * how to fix it, because a trainer reads it after writing a scenario by hand.
 */
import { GAME_ROLES, type GameRole } from "#shared/protocol/ids.ts";
import type { Phase, Scenario, Voting } from "#shared/protocol/scenario.ts";
import { nearestName } from "./names.ts";

export type ScenarioPath = (string | number)[];
export interface ScenarioProblem {
  path: ScenarioPath;
  message: string;
}

const quote = (s: string) => `"${s}"`;
const list = (items: readonly string[]) => (items.length === 0 ? "(geen)" : items.map(quote).join(", "));
/**
 * How to fix a reference to an id (`wrong`) that is not in `listName`: the known id it was probably meant to be, then
 * pick a known one or add it; with none known, add it.
 */
const pickOrAdd = (wrong: string, known: readonly string[], listName: string, one: string) => {
  if (known.length === 0) return `Er staat nog geen ${one} in \`${listName}\`: voeg een ${one} met deze id toe.`;
  // "ronde3" for "ronde1" is another round, not a typo: a guess only where letters differ.
  const digitsOnly = (a: string, b: string) => a.replace(/\d+/g, "#").toLowerCase() === b.replace(/\d+/g, "#").toLowerCase() && a.toLowerCase() !== b.toLowerCase();
  const guess = nearestName(wrong, known);
  const near = guess !== undefined && !digitsOnly(guess, wrong) ? guess : undefined;
  return `${near === undefined ? "" : `Bedoel je ${quote(near)}? `}Kies een van ${list(known)}, of voeg een ${one} met deze id toe.`;
};

/** Dutch names of the lists whose ids must be unique, with the word for one element. */
const ID_LISTS = [
  { key: "categories", one: "categorie" },
  { key: "cases", one: "casus" },
  { key: "rounds", one: "ronde" },
  { key: "prompts", one: "beeldvormingsvraag" },
  { key: "omgekeerdeToets", one: "toetsstap" },
  { key: "variants", one: "variant" },
] as const;

function duplicateIds(items: readonly { id: string }[], basePath: ScenarioPath, one: string, listName: string): ScenarioProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: ScenarioProblem[] = [];
  items.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) {
      firstIndex.set(item.id, index);
      return;
    }
    problems.push({
      path: [...basePath, index, "id"],
      message:
        `De id ${quote(item.id)} komt twee keer voor in \`${listName}\` (plek ${earlier + 1} en plek ${index + 1}). ` +
        `Elke ${one} heeft een eigen id nodig: geef deze ${one} een andere id, of verwijder de dubbele.`,
    });
  });
  return problems;
}

/**
 * A round is played once and a case is tested once per variant: the game keeps one state per round (its roles, its
 * reveal) and per case (its steps, its besluit), so a second mention would open what is already done.
 */
function repeatedInVariant(phases: readonly Phase[], base: ScenarioPath, name: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const roundAt = new Map<string, number>();
  const caseAt = new Map<string, number>();
  phases.forEach((phase, p) => {
    if (phase.kind === "rolwissel") {
      const earlier = roundAt.get(phase.roundId);
      if (earlier !== undefined) {
        problems.push({
          path: [...base, p, "roundId"],
          message:
            `${name}, fase ${p + 1} (rolwissel) speelt ronde ${quote(phase.roundId)} nog een keer; die ronde is al fase ${earlier + 1}. ` +
            `Een ronde wordt één keer gespeeld: kies hier een andere ronde, of maak in \`rounds\` een nieuwe ronde met een eigen id.`,
        });
      } else roundAt.set(phase.roundId, p);
    }
    if (phase.kind === "casustoets") {
      phase.caseIds.forEach((caseId, k) => {
        const earlier = caseAt.get(caseId);
        if (earlier === undefined) {
          caseAt.set(caseId, p);
          return;
        }
        problems.push({
          path: [...base, p, "caseIds", k],
          message:
            (earlier === p
              ? `${name}, fase ${p + 1} (casustoets) noemt casus ${quote(caseId)} twee keer. `
              : `${name}, fase ${p + 1} (casustoets) noemt casus ${quote(caseId)} nog een keer; die casus wordt al getoetst in fase ${earlier + 1}. `) +
            `Een casus wordt één keer getoetst: haal de dubbele weg. (Met meer tafels dan casussen krijgen de tafels de casussen vanzelf om de beurt.)`,
        });
      });
    }
  });
  return problems;
}

/** Every rule, on a scenario that passed the zod schema. */
export function scenarioProblems(s: Scenario): ScenarioProblem[] {
  return ruleProblems(s);
}

/**
 * What the rules read: ids, references, phases, the vote. A whole Scenario is one; the checker also passes the
 * parts of a broken file that are sound (say, the ids of the cases when one case's text is too long), and a rule
 * whose parts are missing is skipped. So rule problems are reported next to schema errors elsewhere in the file.
 */
export interface RuleInput {
  rolePriority?: readonly GameRole[] | undefined;
  categories?: readonly { id: string }[] | undefined;
  beeldvorming?: { prompts: readonly { id: string }[] } | undefined;
  rounds?: readonly { id: string; caseId: string }[] | undefined;
  cases?: readonly { id: string }[] | undefined;
  omgekeerdeToets?: readonly { id: string }[] | undefined;
  voting?: Voting | undefined;
  variants?: readonly { id: string; phases: readonly Phase[] }[] | undefined;
}

export function ruleProblems(s: RuleInput): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];

  // 1. Unique ids within each list.
  for (const { key, one } of ID_LISTS) {
    if (key === "prompts") {
      if (s.beeldvorming !== undefined) {
        problems.push(...duplicateIds(s.beeldvorming.prompts, ["beeldvorming", "prompts"], one, "beeldvorming.prompts"));
      }
    } else {
      const items = s[key];
      if (items !== undefined) problems.push(...duplicateIds(items, [key], one, key));
    }
  }

  // 2. The first category is kernwaarden.
  const categories = s.categories ?? [];
  const first = categories[0];
  if (first !== undefined && first.id !== "kernwaarden") {
    const at = categories.findIndex((c) => c.id === "kernwaarden");
    problems.push({
      path: ["categories", 0, "id"],
      message:
        at >= 0
          ? `De eerste categorie moet \`kernwaarden\` zijn, maar dat is nu ${quote(first.id)}; \`kernwaarden\` staat op plek ${at + 1}. ` +
            `Zet de categorie \`kernwaarden\` vooraan in \`categories\`: maatwerk begint bij de bedoeling.`
          : `De eerste categorie moet \`kernwaarden\` zijn, maar dat is nu ${quote(first.id)} en \`kernwaarden\` ontbreekt. ` +
            `Voeg vooraan in \`categories\` een categorie met id "kernwaarden" toe: maatwerk begint bij de bedoeling.`,
    });
  }

  // 3. rolePriority names all six roles once.
  const seenRoles = new Set<GameRole>();
  const rolePriority = s.rolePriority ?? [];
  rolePriority.forEach((role, index) => {
    if (seenRoles.has(role)) {
      const missing = GAME_ROLES.filter((r) => !rolePriority.includes(r));
      problems.push({
        path: ["rolePriority", index],
        message:
          `De rol ${quote(role)} staat twee keer in \`rolePriority\`. Noem alle zes rollen precies één keer` +
          (missing.length > 0 ? `; nu ontbreekt ${list(missing)}. Vervang de dubbele door de ontbrekende rol.` : "."),
      });
    }
    seenRoles.add(role);
  });

  // 4. Every round's case exists (only known when the cases themselves are valid).
  const caseIds = new Set((s.cases ?? []).map((c) => c.id));
  const knownCases = [...caseIds];
  const checkCases = s.cases !== undefined;
  (s.rounds ?? []).forEach((round, index) => {
    if (checkCases && !caseIds.has(round.caseId)) {
      problems.push({
        path: ["rounds", index, "caseId"],
        message:
          `Ronde ${quote(round.id)} verwijst naar casus ${quote(round.caseId)}, maar die casus bestaat niet in \`cases\`. ` +
          pickOrAdd(round.caseId, knownCases, "cases", "casus"),
      });
    }
  });

  // 5. Phases refer to existing rounds and cases; 6. variants start with lobby and end with resultaat.
  const roundIds = new Set((s.rounds ?? []).map((r) => r.id));
  const knownRounds = [...roundIds];
  const checkRounds = s.rounds !== undefined;
  (s.variants ?? []).forEach((variant, v) => {
    const base: ScenarioPath = ["variants", v, "phases"];
    const name = `Variant ${quote(variant.id)}`;
    variant.phases.forEach((phase, p) => {
      if (phase.kind === "rolwissel" && checkRounds && !roundIds.has(phase.roundId)) {
        problems.push({
          path: [...base, p, "roundId"],
          message:
            `${name}, fase ${p + 1} (rolwissel) verwijst naar ronde ${quote(phase.roundId)}, maar die ronde bestaat niet in \`rounds\`. ` +
            pickOrAdd(phase.roundId, knownRounds, "rounds", "ronde"),
        });
      }
      if (phase.kind === "casustoets" && checkCases) {
        phase.caseIds.forEach((caseId, k) => {
          if (!caseIds.has(caseId)) {
            problems.push({
              path: [...base, p, "caseIds", k],
              message:
                `${name}, fase ${p + 1} (casustoets) noemt casus ${quote(caseId)}, maar die casus bestaat niet in \`cases\`. ` +
                pickOrAdd(caseId, knownCases, "cases", "casus"),
            });
          }
        });
      }
    });

    problems.push(...repeatedInVariant(variant.phases, base, name));

    const phases = variant.phases;
    const firstPhase = phases[0];
    if (firstPhase !== undefined && firstPhase.kind !== "lobby") {
      problems.push({
        path: [...base, 0, "kind"],
        message: `${name} begint met de fase ${quote(firstPhase.kind)}. Elke variant begint met de lobby: zet { "kind": "lobby" } als eerste fase.`,
      });
    }
    const lastIndex = phases.length - 1;
    const lastPhase = phases[lastIndex];
    if (lastPhase !== undefined && lastPhase.kind !== "resultaat") {
      problems.push({
        path: [...base, lastIndex, "kind"],
        message: `${name} eindigt met de fase ${quote(lastPhase.kind)}. Elke variant eindigt met het resultaat: zet { "kind": "resultaat" } als laatste fase.`,
      });
    }
    // One lobby (the first) and one resultaat (the last); any other occurrence is one too many.
    for (const [kind, rule, keep] of [
      ["lobby", "De lobby hoort er één keer in te staan, als eerste fase", "first"],
      ["resultaat", "Het resultaat hoort er één keer in te staan, als laatste fase", "last"],
    ] as const) {
      const at = phases.flatMap((phase, p) => (phase.kind === kind ? [p] : []));
      if (at.length < 2) continue;
      const kept = keep === "first" ? at[0] : at[at.length - 1];
      for (const p of at) {
        if (p === kept) continue;
        problems.push({
          path: [...base, p, "kind"],
          message: `${name} heeft meer dan één fase ${quote(kind)}; fase ${p + 1} is er één te veel. ${rule}: verwijder de extra fase.`,
        });
      }
    }
  });

  // 6b. Plenair merges what the tafels merged: it needs a samenvoegen before it.
  (s.variants ?? []).forEach((variant, v) => {
    const firstMerge = variant.phases.findIndex((phase) => phase.kind === "samenvoegen");
    variant.phases.forEach((phase, p) => {
      if (phase.kind !== "plenair" || (firstMerge >= 0 && firstMerge < p)) return;
      problems.push({
        path: ["variants", v, "phases", p, "kind"],
        message:
          `Variant ${quote(variant.id)}, fase ${p + 1} (plenair) komt niet na een fase samenvoegen. Plenair voegt samen wat de tafels samenvoegden: ` +
          `zet eerst { "kind": "samenvoegen" } en daarna { "kind": "plenair" }.`,
      });
    });
  });

  // 7. factsPerRole keys are game roles: the schema already allows only the six role ids (partialRecord of the enum).

  // 8. Points voting: at most the whole budget on one item.
  if (s.voting?.mode === "punten" && s.voting.maxPerItem !== undefined && s.voting.maxPerItem > s.voting.budget) {
    problems.push({
      path: ["voting", "maxPerItem"],
      message:
        `\`maxPerItem\` (${s.voting.maxPerItem}) is groter dan het puntenbudget (${s.voting.budget}): zoveel punten heeft niemand. ` +
        `Maak \`maxPerItem\` hoogstens ${s.voting.budget}, of verhoog \`budget\`.`,
    });
  }

  return problems;
}
