/**
 * The beamer's Phaser game: Boot -> Preloader -> SupportChart, on a transparent canvas laid over the DOM chart.
 * Loaded only by the beamer through a dynamic import, so participants never download Phaser.
 */
import { newOverlayGame, pixelRatio, resizeOverlayGame, whenDrawn } from "./overlayGame.ts";
import { CHART_KEY, CHART_READY, type ChartModel } from "./chartModel.ts";
import { Boot } from "./scenes/Boot.ts";
import { Preloader } from "./scenes/Preloader.ts";
import { SupportChart } from "./scenes/SupportChart.ts";

export interface BeamerGame {
  canvas: HTMLCanvasElement;
  show(model: ChartModel): void;
  destroy(): void;
}

/** Starts the game in `parent`; resolves once the chart scene has drawn `model`. */
export function startBeamerGame(parent: HTMLElement, model: ChartModel): Promise<BeamerGame> {
  const dpr = pixelRatio();
  // The chart scene draws in device pixels: its model is scaled here.
  const scaled = (m: ChartModel): ChartModel => ({
    ...m,
    width: m.width * dpr,
    height: m.height * dpr,
    rows: m.rows.map((r) => ({ ...r, x: r.x * dpr, y: r.y * dpr, width: r.width * dpr, height: r.height * dpr })),
  });
  const game = newOverlayGame({ parent, width: model.width, height: model.height, dpr, scenes: [Boot, Preloader, SupportChart] });
  game.registry.set(CHART_KEY, scaled(model));
  return whenDrawn(game, CHART_READY, () => ({
    canvas: game.canvas,
    show(next: ChartModel) {
      resizeOverlayGame(game, next.width, next.height, dpr);
      game.registry.set(CHART_KEY, scaled(next));
    },
    destroy() {
      game.destroy(true);
    },
  }));
}
