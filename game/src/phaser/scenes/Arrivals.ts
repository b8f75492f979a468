/**
 * The lobby's arrivals: one disc per participant with the icon and colour of their own function, grouped by function
 * in a grid that fills the panel. A new arrival pops in (grows from nothing in <= 280 ms); the others glide to their
 * new place. Names never reach the beamer: the scene gets counts per function only.
 */
import type * as Phaser from "phaser";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { FUNCTION_COLOURS, FUNCTION_ICONS, FUNCTION_ICON_INK } from "#shared/theme.ts";
import { MOTION_MS, type ArrivalsModel } from "../stageModel.ts";
import { StageScene } from "./stageScene.ts";

const TEXTURE_PX = 128;

export class Arrivals extends StageScene<ArrivalsModel> {
  protected readonly kind = "arrivals";
  private discs = new Map<string, Phaser.GameObjects.Image>();

  constructor() {
    super("Arrivals");
  }

  override create(): void {
    for (const fn of REAL_ROLES) this.makeTexture(fn);
    super.create();
  }

  /** A disc in the function's colour with its icon stroked on it, drawn once on a canvas (no files to fetch). */
  private makeTexture(fn: RealRole): void {
    const key = `fn-${fn}`;
    if (this.textures.exists(key)) return;
    const canvas = document.createElement("canvas");
    canvas.width = TEXTURE_PX;
    canvas.height = TEXTURE_PX;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    const r = TEXTURE_PX / 2;
    ctx.fillStyle = FUNCTION_COLOURS[fn];
    ctx.beginPath();
    ctx.arc(r, r, r - 3, 0, Math.PI * 2);
    ctx.fill();
    ctx.lineWidth = 4;
    ctx.strokeStyle = "#FFFFFF";
    ctx.stroke();
    const scale = (TEXTURE_PX * 0.56) / 24;
    ctx.save();
    ctx.translate(r - 12 * scale, r - 12 * scale);
    ctx.scale(scale, scale);
    ctx.strokeStyle = FUNCTION_ICON_INK[fn];
    ctx.lineWidth = 2;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.stroke(new Path2D(FUNCTION_ICONS[fn]));
    ctx.restore();
    this.textures.addCanvas(key, canvas);
  }

  protected draw(model: ArrivalsModel): void {
    const people = model.groups.flatMap((g) => Array.from({ length: g.count }, (_, i) => ({ key: `${g.fn}:${i}`, fn: g.fn })));
    const { size, cols, capacity } = gridFor(model.width, model.height, people.length);
    const gap = size * 0.22;
    const shown = people.slice(0, capacity);
    const seen = new Set<string>();
    shown.forEach((person, i) => {
      seen.add(person.key);
      const x = (i % cols) * (size + gap) + size / 2;
      const y = Math.floor(i / cols) * (size + gap) + size / 2;
      const scale = size / TEXTURE_PX;
      let disc = this.discs.get(person.key);
      if (!disc) {
        disc = this.add.image(x, y, `fn-${person.fn}`).setScale(model.animate ? 0 : scale);
        this.discs.set(person.key, disc);
        if (model.animate) this.tweens.add({ targets: disc, scale, duration: MOTION_MS, ease: "Back.easeOut" });
        return;
      }
      this.tweens.killTweensOf(disc);
      if (model.animate) this.tweens.add({ targets: disc, x, y, scale, duration: MOTION_MS, ease: "Cubic.easeOut" });
      else disc.setPosition(x, y).setScale(scale);
    });
    for (const [key, disc] of this.discs) {
      if (seen.has(key)) continue;
      this.tweens.killTweensOf(disc);
      disc.destroy();
      this.discs.delete(key);
    }
  }
}

/** The largest disc (at most 88 px, at least 30 px) for which everyone fits the panel. */
export function gridFor(width: number, height: number, n: number): { size: number; cols: number; capacity: number } {
  let size = 88;
  for (; size > 30; size -= 2) {
    const step = size * 1.22;
    const cols = Math.max(1, Math.floor((width + size * 0.22) / step));
    const rows = Math.max(1, Math.floor((height + size * 0.22) / step));
    if (cols * rows >= n) break;
  }
  const step = size * 1.22;
  const cols = Math.max(1, Math.floor((width + size * 0.22) / step));
  const rows = Math.max(1, Math.floor((height + size * 0.22) / step));
  return { size, cols, capacity: cols * rows };
}
