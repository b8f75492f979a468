/**
 * What the beamer's Phaser scenes draw, as plain data. The DOM decides the layout (where each row's bars go) and the
 * server decides the numbers; the scenes only draw this. No Phaser import here, so the beamer's Preact code can use
 * these types without pulling Phaser into the first download.
 */
import { GAME_ROLES, type GameRole } from "#shared/protocol/ids.ts";
import type { SupportView } from "#shared/protocol/views.ts";

export interface ChartBar {
  role: GameRole;
  /** Share of what this role's voters could give, 0..1. */
  share: number;
  /** Whether this role voted at all; absent roles are drawn as a grey stub. */
  present: boolean;
  /**
   * A score that does not count as support for the item (its draagvlak). Only in MoSCoW can a role have a bar and not
   * back the item: its voters chose only "kan"; such a bar is drawn light (WEAK_ALPHA), or "2 van 6 rollen" stood
   * under six bars.
   */
  weak: boolean;
}

/** The opacity of a bar whose role does not count as support (see ChartBar.weak). */
export const WEAK_ALPHA = 0.38;

/** The one rule for the light bar: the role has a score on the item and does not count as support ("kan" only). */
export const scoresWithoutSupport = (support: SupportView, role: GameRole): boolean =>
  support.rolesPresent.includes(role) && support.perRole[role] > 0 && !support.supportingRoles.includes(role);

/** Whether any of these has a light bar: then the screen says once what a light bar is. Items without support (null) have none. */
export const anyScoreWithoutSupport = (supports: readonly (SupportView | null)[]): boolean =>
  supports.some((support) => support !== null && GAME_ROLES.some((role) => scoresWithoutSupport(support, role)));

/** One bar per role: its share of the item's support, or absent when the role did not vote. */
export const barsOf = (support: SupportView): ChartBar[] =>
  GAME_ROLES.map((role) => ({ role, share: support.sharePerRole[role], present: support.rolesPresent.includes(role), weak: scoresWithoutSupport(support, role) }));

/** One item's six bars, placed in CSS pixels relative to the canvas. */
export interface ChartRow {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  bars: ChartBar[];
}

export interface ChartModel {
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  rows: ChartRow[];
  /** False under prefers-reduced-motion: bars are drawn at their height at once. */
  animate: boolean;
}

/** The registry key the scenes read the model from. */
export const CHART_KEY = "supportChart";
/** Event the chart scene emits on the game once it has drawn for the first time. */
export const CHART_READY = "supportChartReady";
/** Bars grow on reveal in at most this long (VISUAL.md: motion <= 300 ms). */
export const GROW_MS = 280;
