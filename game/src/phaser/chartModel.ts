/**
 * What the beamer's Phaser scenes draw, as plain data. The DOM decides the layout (where each row's bars go) and the
 * server decides the numbers; the scenes only draw this. No Phaser import here, so the beamer's Preact code can use
 * these types without pulling Phaser into the first download.
 */
import type { GameRole } from "#shared/protocol/ids.ts";

export interface ChartBar {
  role: GameRole;
  /** Share of what this role's voters could give, 0..1. */
  share: number;
  /** Whether this role voted at all; absent roles are drawn as a grey stub. */
  present: boolean;
}

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
