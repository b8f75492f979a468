/**
 * The beamer's moment scenes (lobby arrivals, podium, toets track): one small Phaser game per board, on a transparent
 * canvas laid over the DOM that holds the text. Loaded only through a dynamic import, like the support chart.
 * Scenes draw in CSS pixels; the camera zooms by the device pixel ratio so lines stay crisp.
 */
import { newOverlayGame, pixelRatio, resizeOverlayGame, whenDrawn } from "./overlayGame.ts";
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
  const dpr = pixelRatio();
  const game = newOverlayGame({ parent, width: model.width, height: model.height, dpr, scenes: [SCENES[model.kind]] });
  game.registry.set("dpr", dpr);
  game.registry.set(STAGE_KEY, model);
  return whenDrawn(game, STAGE_READY, () => ({
    canvas: game.canvas,
    show(next: StageModel) {
      resizeOverlayGame(game, next.width, next.height, dpr);
      game.registry.set(STAGE_KEY, next);
      if (!game.loop.running) game.loop.wake();
    },
    destroy() {
      game.destroy(true);
    },
  }));
}
