/**
 * What every Phaser game of the client shares: a transparent canvas laid over the DOM that holds the text, drawn in
 * device pixels and shown at CSS size (the camera zooms by the device pixel ratio, so lines stay crisp on a
 * high-density screen), no sound, no banner. The support chart, the beamer's moments and the samenvoegen board each
 * start one through here.
 */
import * as Phaser from "phaser";

/** The device pixel ratio the games draw at: at least 1, at most 3 (a 4K beamer gains nothing from more). */
export function pixelRatio(): number {
  return Math.max(1, Math.min(3, window.devicePixelRatio || 1));
}

/** A size in CSS pixels as the canvas's size in device pixels (never 0: Phaser refuses an empty canvas). */
export function devicePixels(width: number, height: number, dpr: number): { w: number; h: number } {
  return { w: Math.max(1, Math.round(width * dpr)), h: Math.max(1, Math.round(height * dpr)) };
}

export interface OverlayGameOptions {
  parent: HTMLElement;
  /** Size in CSS pixels. */
  width: number;
  height: number;
  dpr: number;
  scenes: Phaser.Types.Scenes.SceneType[];
  /** Canvas for the board (crisp text, no GPU driver surprises); AUTO for the rest. */
  type?: number;
  /** false (the default) for screens that only show. */
  input?: Phaser.Types.Core.InputConfig | false;
}

export function newOverlayGame(options: OverlayGameOptions): Phaser.Game {
  const { w, h } = devicePixels(options.width, options.height, options.dpr);
  return new Phaser.Game({
    type: options.type ?? Phaser.AUTO,
    parent: options.parent,
    width: w,
    height: h,
    transparent: true,
    banner: false,
    input: options.input ?? false,
    audio: { noAudio: true },
    disableContextMenu: false,
    render: { antialias: true },
    scale: { mode: Phaser.Scale.NONE, zoom: 1 / options.dpr },
    scene: options.scenes,
  });
}

/** Gives the canvas a new size in CSS pixels, if it changed. */
export function resizeOverlayGame(game: Phaser.Game, width: number, height: number, dpr: number): void {
  const { w, h } = devicePixels(width, height, dpr);
  if (game.scale.width === w && game.scale.height === h) return;
  game.scale.resize(w, h);
  game.scale.setZoom(1 / dpr);
}

/** Resolves with `start()`'s value once the scene says `event`; rejects in Dutch if Phaser never gets there. */
export function whenDrawn<T>(game: Phaser.Game, event: string, start: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timeout = window.setTimeout(() => reject(new Error("Phaser startte niet")), 10_000);
    game.events.once(event, () => {
      window.clearTimeout(timeout);
      resolve(start());
    });
  });
}
