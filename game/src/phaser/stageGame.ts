/**
 * The beamer's moment scenes (lobby arrivals, podium, toets track): one small Phaser game per board, on a transparent
 * canvas laid over the DOM that holds the text. Loaded only through a dynamic import, like the support chart.
 * Scenes draw in CSS pixels; the camera zooms by the device pixel ratio so lines stay crisp.
 */
import * as Phaser from "phaser";
import type { StageModel } from "./stageModel.ts";
import { Arrivals } from "./scenes/Arrivals.ts";
import { Podium } from "./scenes/Podium.ts";
import { ToetsTrack } from "./scenes/ToetsTrack.ts";

export const STAGE_KEY = "stageModel";
export const STAGE_READY = "stageReady";

export interface StageGame {
  canvas: HTMLCanvasElement;
  show(model: StageModel): void;
  destroy(): void;
}

const SCENES = { arrivals: Arrivals, podium: Podium, toets: ToetsTrack } as const;

export function startStage(parent: HTMLElement, model: StageModel): Promise<StageGame> {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const size = (m: StageModel) => ({ w: Math.max(1, Math.round(m.width * dpr)), h: Math.max(1, Math.round(m.height * dpr)) });
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
    scene: [SCENES[model.kind]],
  });
  game.registry.set("dpr", dpr);
  game.registry.set(STAGE_KEY, model);
  return new Promise((resolve, reject) => {
    const timeout = window.setTimeout(() => reject(new Error("Phaser startte niet")), 10_000);
    game.events.once(STAGE_READY, () => {
      window.clearTimeout(timeout);
      resolve({
        canvas: game.canvas,
        show(next) {
          const { w, h } = size(next);
          if (game.scale.width !== w || game.scale.height !== h) {
            game.scale.resize(w, h);
            game.scale.setZoom(1 / dpr);
          }
          game.registry.set(STAGE_KEY, next);
          if (!game.loop.running) game.loop.wake();
        },
        destroy() {
          game.destroy(true);
        },
      });
    });
  });
}
