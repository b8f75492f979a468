/**
 * The common part of the moment scenes: the camera in CSS pixels, the model from the registry (checked before it is
 * drawn), and a loop that sleeps while nothing moves, so a still beamer costs no frames.
 */
import * as Phaser from "phaser";
import type { StageModel } from "../stageModel.ts";

const STAGE_KEY = "stageModel";
const STAGE_READY = "stageReady";

export abstract class StageScene<M extends StageModel> extends Phaser.Scene {
  private idleFrames = 0;

  protected abstract readonly kind: M["kind"];
  protected abstract draw(model: M): void;

  create(): void {
    const dpr: unknown = this.registry.get("dpr");
    this.cameras.main.setOrigin(0, 0).setZoom(typeof dpr === "number" ? dpr : 1);
    const onChange = (_parent: unknown, value: unknown) => this.take(value);
    this.registry.events.on(`changedata-${STAGE_KEY}`, onChange);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.registry.events.off(`changedata-${STAGE_KEY}`, onChange));
    this.take(this.registry.get(STAGE_KEY));
    this.game.events.emit(STAGE_READY);
  }

  override update(): void {
    this.idleFrames = this.tweens.getTweens().length > 0 ? 0 : this.idleFrames + 1;
    if (this.idleFrames > 3) this.game.loop.sleep();
  }

  private take(value: unknown): void {
    if (!isStageModel(value) || value.kind !== this.kind) return;
    this.idleFrames = 0;
    // The registry holds unknown values; the kind was checked above.
    this.draw(value as M);
    if (!this.game.loop.running) this.game.loop.wake();
  }
}

function isStageModel(value: unknown): value is StageModel {
  return typeof value === "object" && value !== null && "kind" in value && "width" in value && "height" in value && "animate" in value;
}

export const hex = (colour: string): number => Number.parseInt(colour.slice(1), 16);
