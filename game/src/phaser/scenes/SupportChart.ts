/**
 * The support chart: per item six bars in the role colours, growing from their old height to the new one (from
 * zero on reveal) in <= 300 ms, or at once under reduced motion. It reads the model from the registry and decides
 * nothing: numbers come from the server, positions from the DOM.
 */
import * as Phaser from "phaser";
import type { GameRole } from "#shared/protocol/ids.ts";
import { ROLE_COLOURS } from "#shared/theme.ts";
import { CHART_KEY, CHART_READY, GROW_MS, WEAK_ALPHA, type ChartModel } from "../chartModel.ts";
import { TEXTURES } from "./Preloader.ts";

const TRACK = 0xefe9dd;
const BASELINE = 0x8d979e;
const GAP_RATIO = 0.22;

const colour = (role: GameRole): number => Number.parseInt(ROLE_COLOURS[role].slice(1), 16);

interface Bar {
  rect: Phaser.GameObjects.Rectangle;
  share: number;
}

export class SupportChart extends Phaser.Scene {
  private bars = new Map<string, Bar>();
  private backdrop: Phaser.GameObjects.Graphics | null = null;
  private stubs: Phaser.GameObjects.TileSprite[] = [];
  private idleFrames = 0;

  constructor() {
    super("SupportChart");
  }

  create(): void {
    this.backdrop = this.add.graphics();
    const onChange = (_parent: unknown, value: unknown) => {
      if (isModel(value)) this.draw(value);
    };
    this.registry.events.on(`changedata-${CHART_KEY}`, onChange);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.registry.events.off(`changedata-${CHART_KEY}`, onChange);
    });
    const model: unknown = this.registry.get(CHART_KEY);
    if (isModel(model)) this.draw(model);
    this.game.events.emit(CHART_READY);
  }

  /** A still chart needs no frames: the loop sleeps until the next model arrives (draw wakes it). */
  override update(): void {
    this.idleFrames = this.tweens.getTweens().length > 0 ? 0 : this.idleFrames + 1;
    if (this.idleFrames > 3) this.game.loop.sleep();
  }

  private draw(model: ChartModel): void {
    const g = this.backdrop;
    if (!g) return;
    g.clear();
    for (const stub of this.stubs) stub.destroy();
    this.stubs = [];
    const seen = new Set<string>();
    for (const row of model.rows) {
      const slot = row.width / Math.max(1, row.bars.length);
      const barWidth = Math.max(2, slot * (1 - GAP_RATIO));
      const bottom = row.y + row.height;
      row.bars.forEach((bar, i) => {
        const x = row.x + i * slot + (slot - barWidth) / 2;
        g.fillStyle(TRACK, 1);
        g.fillRect(x, row.y, barWidth, row.height);
        if (!bar.present) {
          this.stubs.push(this.add.tileSprite(x, bottom - 8, barWidth, 8, TEXTURES.hatch).setOrigin(0, 0));
          return;
        }
        const key = `${row.key}:${bar.role}`;
        seen.add(key);
        this.placeBar(key, x, bottom, barWidth, row.height, bar.role, clamp(bar.share), model.animate);
        this.bars.get(key)?.rect.setAlpha(bar.weak ? WEAK_ALPHA : 1);
      });
      g.fillStyle(BASELINE, 1);
      g.fillRect(row.x, bottom, row.width, 2);
    }
    for (const [key, bar] of this.bars) {
      if (seen.has(key)) continue;
      this.tweens.killTweensOf(bar.rect);
      bar.rect.destroy();
      this.bars.delete(key);
    }
    // Render what changed: reset the idle count first, so the wake-up frame does not put the loop back to sleep.
    this.idleFrames = 0;
    if (!this.game.loop.running) this.game.loop.wake();
  }

  private placeBar(key: string, x: number, bottom: number, width: number, height: number, role: GameRole, share: number, animate: boolean): void {
    let bar = this.bars.get(key);
    if (!bar) {
      const rect = this.add.rectangle(x, bottom, width, height, colour(role)).setOrigin(0, 1);
      rect.scaleY = 0;
      bar = { rect, share: 0 };
      this.bars.set(key, bar);
    }
    const { rect } = bar;
    rect.setPosition(x, bottom);
    rect.setSize(width, height);
    rect.setDepth(1);
    this.tweens.killTweensOf(rect);
    if (animate && Math.abs(rect.scaleY - share) > 0.001) {
      this.tweens.add({ targets: rect, scaleY: share, duration: GROW_MS, ease: "Cubic.easeOut" });
    } else {
      rect.scaleY = share;
    }
    bar.share = share;
  }
}

const clamp = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/** The registry holds unknown values; check the shape before drawing. */
function isModel(value: unknown): value is ChartModel {
  return typeof value === "object" && value !== null && "rows" in value && Array.isArray(value.rows) && "animate" in value;
}
