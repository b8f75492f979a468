/**
 * The beamer's Phaser game: Boot -> Preloader -> SupportChart, on a transparent canvas laid over the DOM chart.
 * Loaded only by the beamer through a dynamic import, so participants never download Phaser.
 */
import * as Phaser from "phaser";
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
  // Draw in device pixels and show at CSS size, so bars stay crisp on a high-density screen.
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const scaled = (m: ChartModel): ChartModel => ({
    ...m,
    width: m.width * dpr,
    height: m.height * dpr,
    rows: m.rows.map((r) => ({ ...r, x: r.x * dpr, y: r.y * dpr, width: r.width * dpr, height: r.height * dpr })),
  });
  const size = (m: ChartModel) => ({ w: Math.max(1, Math.round(m.width * dpr)), h: Math.max(1, Math.round(m.height * dpr)) });
  const first = size(model);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: first.w,
    height: first.h,
    transparent: true,
    banner: false,
    input: false,
    audio: { noAudio: true },
    disableContextMenu: false,
    render: { antialias: true },
    scale: { mode: Phaser.Scale.NONE, zoom: 1 / dpr },
    scene: [Boot, Preloader, SupportChart],
  });
  game.registry.set(CHART_KEY, scaled(model));

  return new Promise((resolve, reject) => {
    const timeout = window.setTimeout(() => reject(new Error("Phaser startte niet")), 10_000);
    game.events.once(CHART_READY, () => {
      window.clearTimeout(timeout);
      resolve({
        canvas: game.canvas,
        show(next) {
          const { w, h } = size(next);
          if (game.scale.width !== w || game.scale.height !== h) {
            game.scale.resize(w, h);
            game.scale.setZoom(1 / dpr);
          }
          game.registry.set(CHART_KEY, scaled(next));
        },
        destroy() {
          game.destroy(true);
        },
      });
    });
  });
}
