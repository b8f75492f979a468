/**
 * Stable string ids shared by scenario files, commands, events and storage.
 * Never renumber or rename: stored sessions and exports refer to these strings.
 */
import { z } from "zod";

/** The six game roles a participant can be given in a rolwissel-ronde. */
export const GAME_ROLES = [
  "burger",
  "raadslid",
  "wethouder",
  "directeur",
  "beleidsambtenaar",
  "wijkteamprofessional",
] as const;
export type GameRole = (typeof GAME_ROLES)[number];
export const GameRoleSchema = z.enum(GAME_ROLES);

/** A participant's real job. `teamleider` and `anders` have no game role of their own. */
export const REAL_ROLES = [
  "raadslid",
  "wethouder",
  "directeur",
  "beleidsambtenaar",
  "teamleider",
  "wijkteamprofessional",
  "anders",
] as const;
export type RealRole = (typeof REAL_ROLES)[number];
export const RealRoleSchema = z.enum(REAL_ROLES);

/** The game role that is a participant's own job, which they may never play. */
export function ownGameRole(realRole: RealRole): GameRole | null {
  switch (realRole) {
    case "raadslid":
    case "wethouder":
    case "directeur":
    case "beleidsambtenaar":
    case "wijkteamprofessional":
      return realRole;
    case "teamleider":
    case "anders":
      return null;
    default: {
      const unreachable: never = realRole;
      return unreachable;
    }
  }
}

/** Kinds of phase a scenario can list, in GAME.md order. */
export const PHASE_KINDS = [
  "lobby",
  "beeldvorming",
  "rolwissel",
  "samenvoegen",
  "plenair",
  "prioriteren",
  "casustoets",
  "resultaat",
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Verdicts of one PvE item on one case in the casustoets. */
export const VERDICTS = ["helpt", "staat_in_de_weg", "niet_van_toepassing"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** MoSCoW choices when the scenario votes that way. */
export const MOSCOW = ["must", "should", "could", "wont"] as const;
export type Moscow = (typeof MOSCOW)[number];

/** Rough cost levels the group notes for a case decision, now and over time. */
export const COST_LEVELS = ["laag", "gemiddeld", "hoog", "onbekend"] as const;
export type CostLevel = (typeof COST_LEVELS)[number];

/** The four headings of a handelingsperspectief (seed 003) the kader is presented under. */
export const PERSPECTIEVEN = ["doelen", "resultaten", "normen", "ondersteuning"] as const;
export type Perspectief = (typeof PERSPECTIEVEN)[number];

/** Stages of the terugkombijeenkomst (day 2): look back, reflect per item, amend the kader, show v2 beside v1. */
export const TERUGKOM_STAGES = ["terugblik", "reflectie", "bijstellen", "kader"] as const;
export type TerugkomStage = (typeof TERUGKOM_STAGES)[number];

/** Whether a kader item was applied in practice between the two days. */
export const TOEGEPAST = ["ja", "deels", "nee"] as const;
export type Toegepast = (typeof TOEGEPAST)[number];

/** Limits on text people type, in characters. */
export const LIMITS = {
  displayName: 40,
  card: 200,
  eis: 300,
  itemText: 400,
  note: 600,
  caseText: 4000,
  /** What really happened, in a case brought in during the session (a scenario's own afloop may be as long as a situation). */
  afloop: 1200,
  label: 80,
  reflection: 600,
  /** Most participants one session accepts. */
  participants: 60,
  /** Most tafels one session can be split into. */
  tables: 12,
  /** Most cases one participant may bring in during a casustoets. */
  proposalsPerParticipant: 3,
  /** Why the spelleider did not choose a case brought in: a short line, shown to its author only. */
  declineReason: 200,
} as const;

/** A client-made id: short, url-safe, so it can live in logs and urls. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "alleen letters, cijfers, - en _");
