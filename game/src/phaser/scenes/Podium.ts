/**
 * The vote's top three, staged: the pedestals rise one by one (third, second, first), each in <= 280 ms, and the six
 * bars of draagvlak per role grow on each as its pedestal lands. Under reduced motion all stands at once. Positions
 * come from the DOM (which holds the texts), numbers from the server.
 */
import type * as Phaser from "phaser";
import type { GameRole } from "#shared/protocol/ids.ts";
import { ROLE_COLOURS } from "#shared/theme.ts";
import { WEAK_ALPHA } from "../chartModel.ts";
import { MOTION_MS, type PodiumModel } from "../stageModel.ts";
import { StageScene, hex } from "./stageScene.ts";

const PEDESTAL = { 1: 0x0b5f78, 2: 0x4f8596, 3: 0x86a9b4 } as const;
const TRACK = 0xefe9dd;
const BASELINE = 0x8d979e;
const STUB = 0xb8b0a2;

export class Podium extends StageScene<PodiumModel> {
  protected readonly kind = "podium";
  private drawn = new Map<string, Phaser.GameObjects.GameObject[]>();
  private shown = "";

  constructor() {
    super("Podium");
  }

  protected draw(model: PodiumModel): void {
    // Same places in the same spots: nothing to do (a resize or new numbers draws again, without the reveal).
    const key = JSON.stringify(model.places.map((p) => [p.key, p.pedestal, p.bars, p.share]));
    if (key === this.shown) return;
    const first = this.shown === "";
    this.shown = key;
    for (const objects of this.drawn.values()) for (const o of objects) o.destroy();
    this.drawn.clear();
    for (const place of model.places) {
      const animate = model.animate && first;
      const delay = animate ? place.delayMs : 0;
      const objects: Phaser.GameObjects.GameObject[] = [];
      const { pedestal, bars } = place;
      const colour = PEDESTAL[place.rank === 1 ? 1 : place.rank === 2 ? 2 : 3];
      const block = this.add.rectangle(pedestal.x, pedestal.y + pedestal.height, pedestal.width, pedestal.height, colour).setOrigin(0, 1);
      objects.push(block);
      if (animate) {
        block.scaleY = 0;
        this.tweens.add({ targets: block, scaleY: 1, delay, duration: MOTION_MS, ease: "Cubic.easeOut" });
      }
      const g = this.add.graphics();
      objects.push(g);
      const slot = bars.width / Math.max(1, place.share.length);
      const barWidth = Math.max(2, slot * 0.78);
      const bottom = bars.y + bars.height;
      place.share.forEach((bar, i) => {
        const x = bars.x + i * slot + (slot - barWidth) / 2;
        g.fillStyle(TRACK, 1);
        g.fillRect(x, bars.y, barWidth, bars.height);
        if (!bar.present) {
          g.fillStyle(STUB, 1);
          g.fillRect(x, bottom - 8, barWidth, 8);
          return;
        }
        const share = Number.isFinite(bar.share) ? Math.min(1, Math.max(0, bar.share)) : 0;
        const rect = this.add.rectangle(x, bottom, barWidth, bars.height, colour6(bar.role)).setOrigin(0, 1).setDepth(1).setAlpha(bar.weak ? WEAK_ALPHA : 1);
        objects.push(rect);
        if (animate) {
          rect.scaleY = 0;
          this.tweens.add({ targets: rect, scaleY: share, delay: delay + MOTION_MS, duration: MOTION_MS, ease: "Cubic.easeOut" });
        } else rect.scaleY = share;
      });
      g.fillStyle(BASELINE, 1);
      g.fillRect(bars.x, bottom, bars.width, 2);
      if (animate) {
        g.alpha = 0;
        this.tweens.add({ targets: g, alpha: 1, delay: delay + MOTION_MS, duration: 120 });
      }
      this.drawn.set(place.key, objects);
    }
  }
}

const colour6 = (role: GameRole): number => hex(ROLE_COLOURS[role]);
