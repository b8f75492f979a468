/**
 * Makes the few textures the chart uses (drawn here, so there are no files to fetch or license), then starts the
 * chart scene.
 */
import * as Phaser from "phaser";

export const TEXTURES = { hatch: "hatch" } as const;

export class Preloader extends Phaser.Scene {
  constructor() {
    super("Preloader");
  }

  create(): void {
    // A small diagonal hatch: the stub for a role that did not vote, so "no voters" never looks like "zero support".
    const g = this.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(0xd9d2c5, 1);
    g.fillRect(0, 0, 8, 8);
    g.lineStyle(2, 0x8d979e, 1);
    g.lineBetween(0, 8, 8, 0);
    g.generateTexture(TEXTURES.hatch, 8, 8);
    g.destroy();
    this.scene.start("SupportChart");
  }
}
