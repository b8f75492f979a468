/**
 * The Omgekeerde Toets as a track: a road through five stops (the centres of the step cards below, measured from the
 * DOM), walked stretches in green, the group's token (a ring in the accent colour) on the current stop. When the step
 * changes the token walks to the next stop in <= 280 ms; under reduced motion it is simply there. The last stop is the
 * law: drawn as a gate (two posts and a bar), so the room sees the law comes last.
 */
import type * as Phaser from "phaser";
import { PALETTE } from "#shared/theme.ts";
import { MOTION_MS, type ToetsModel } from "../stageModel.ts";
import { StageScene, hex } from "./stageScene.ts";

const ROAD = 0xd9d2c5;
const WALKED = hex(PALETTE.ok);
const ACCENT = hex(PALETTE.accent);
const LAW = 0x6b4a00;

export class ToetsTrack extends StageScene<ToetsModel> {
  protected readonly kind = "toets";
  private road: Phaser.GameObjects.Graphics | null = null;
  private token: Phaser.GameObjects.Container | null = null;
  private at = -1;

  constructor() {
    super("ToetsTrack");
  }

  protected draw(model: ToetsModel): void {
    const stops = model.stops;
    if (stops.length === 0) return;
    const g = this.road ?? this.add.graphics();
    this.road = g;
    g.clear();
    const y = stops[0]?.y ?? model.height / 2;
    const r = Math.max(8, Math.min(24, model.height * 0.3));
    // The road, then the walked part over it.
    g.lineStyle(6, ROAD, 1);
    g.lineBetween(stops[0]?.x ?? 0, y, stops.at(-1)?.x ?? 0, y);
    const reached = Math.min(model.token, stops.length - 1);
    if (reached > 0) {
      g.lineStyle(6, WALKED, 1);
      g.lineBetween(stops[0]?.x ?? 0, y, stops[reached]?.x ?? 0, y);
    }
    for (const stop of stops) {
      if (stop.law) {
        // The gate of the law: two posts and a bar across, dashed colour until it is reached.
        const colour = stop.state === "todo" ? LAW : stop.state === "done" ? WALKED : ACCENT;
        g.fillStyle(colour, 1);
        g.fillRect(stop.x - r * 1.3, y - r * 1.4, 5, r * 2.8);
        g.fillRect(stop.x + r * 1.3 - 5, y - r * 1.4, 5, r * 2.8);
        g.fillRect(stop.x - r * 1.3, y - r * 1.4, r * 2.6, 5);
      }
      g.fillStyle(0xffffff, 1);
      g.fillCircle(stop.x, y, r * 0.62);
      g.lineStyle(4, stop.state === "done" ? WALKED : stop.state === "current" ? ACCENT : ROAD, 1);
      g.strokeCircle(stop.x, y, r * 0.62);
      if (stop.state === "done") {
        g.fillStyle(WALKED, 1);
        g.fillCircle(stop.x, y, r * 0.36);
      }
    }
    // The token: past the last stop it rests just beyond the gate.
    const last = stops.at(-1);
    const target = model.token < stops.length ? stops[model.token] : last ? { x: last.x + r * 2.6, y } : null;
    if (!target) return;
    if (!this.token) {
      const ring = this.add.circle(0, 0, r, ACCENT).setStrokeStyle(4, 0xffffff);
      const dot = this.add.circle(0, 0, r * 0.38, 0xffffff);
      this.token = this.add.container(target.x, y, [ring, dot]).setDepth(2);
      this.at = model.token;
      return;
    }
    this.tweens.killTweensOf(this.token);
    if (model.animate && this.at !== model.token) this.tweens.add({ targets: this.token, x: target.x, y, duration: MOTION_MS, ease: "Cubic.easeInOut" });
    else this.token.setPosition(target.x, y);
    this.at = model.token;
  }
}
