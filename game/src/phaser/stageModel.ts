/**
 * What the beamer's moment scenes draw, as plain data (no Phaser import, so Preact code can build it without pulling
 * Phaser into the first download). The DOM lays out and says everything in words (the text equivalent); the server
 * decides the numbers; a scene only draws this model, with motion of at most 300 ms, or none under reduced motion.
 *
 * - arrivals: the lobby. One disc per participant, with the icon and colour of their own function, grouped by
 *   function; a new arrival pops in.
 * - podium: the vote's top three. Three pedestals rise (third, second, first), then each item's six bars grow.
 * - toets: the Omgekeerde Toets as a track of five stops; the group's token walks to the current stop; the law is
 *   the last stop, drawn as a gate.
 */
import type { GameRole, RealRole } from "#shared/protocol/ids.ts";
import type { ChartBar } from "./chartModel.ts";

/** Motion that explains a change: never longer than this (VISUAL.md). */
export const MOTION_MS = 280;

export interface ArrivalsModel {
  kind: "arrivals";
  width: number;
  height: number;
  /** In the fixed order of the functions; `count` people of each. */
  groups: { fn: RealRole; count: number }[];
  animate: boolean;
}

export interface PodiumPlace {
  key: string;
  /** 1, 2 or 3. */
  rank: number;
  /** The pedestal and the six bars above it, in CSS pixels relative to the canvas (measured from the DOM). */
  pedestal: { x: number; y: number; width: number; height: number };
  bars: { x: number; y: number; width: number; height: number };
  share: ChartBar[];
  /** When this place rises, counted from the reveal (the DOM's text of the place appears at the same moment). */
  delayMs: number;
}

export interface PodiumModel {
  kind: "podium";
  width: number;
  height: number;
  places: PodiumPlace[];
  animate: boolean;
}

export interface ToetsStop {
  x: number;
  y: number;
  state: "done" | "current" | "todo";
  law: boolean;
}

export interface ToetsModel {
  kind: "toets";
  width: number;
  height: number;
  stops: ToetsStop[];
  /** Where the group's token stands: the current stop, or past the last one when the toets is walked. */
  token: number;
  animate: boolean;
}

export type StageModel = ArrivalsModel | PodiumModel | ToetsModel;

/** The order pedestals rise in: third, second, first (the winner last). */
export const PODIUM_ORDER = [3, 2, 1] as const;

/** Colours of the functions on the beamer: the game roles' Okabe-Ito colours, and two more for teamleider and anders. */
export type FunctionKey = RealRole;
export const isGameRoleFunction = (fn: RealRole): fn is GameRole & RealRole => fn !== "teamleider" && fn !== "anders";
