/**
 * The casustoets as a track the group walks: a road through the five steps (drawn over the step cards' centres by
 * phaser/scenes/ToetsTrack.ts), the group's token on the current step, walking on when the step changes, and the law
 * as a gate at the end. The words are in the step cards and in `ToetsPosition`; under reduced motion the token jumps.
 */
import { useRef } from "preact/hooks";
import type { ToetsStep } from "#shared/protocol/scenario.ts";
import type { ToetsModel } from "../../phaser/stageModel.ts";
import { t } from "#shared/strings/index.ts";
import { ToetsPath } from "./ToetsPath.tsx";
import { reducedMotion, useStage } from "./useStage.ts";

export function ToetsWalk({ steps, stepIndex }: { steps: ToetsStep[]; stepIndex: number }) {
  const walk = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const measure = (): ToetsModel | null => {
    const el = walk.current;
    const strip = track.current;
    if (!el || !strip) return null;
    const origin = strip.getBoundingClientRect();
    // Each stop sits right above its step's number.
    const numbers = Array.from(el.querySelectorAll(".toets-step .toets-num"));
    const stops = numbers.map((num, i) => {
      const r = num.getBoundingClientRect();
      return {
        x: r.left - origin.left + r.width / 2,
        y: origin.height / 2,
        state: i < stepIndex ? ("done" as const) : i === stepIndex ? ("current" as const) : ("todo" as const),
        law: i === steps.length - 1,
      };
    });
    return { kind: "toets", width: origin.width, height: origin.height, stops, token: Math.min(stepIndex, steps.length), animate: !reducedMotion() };
  };
  const { host, mode } = useStage(measure);
  return (
    <div class={`toets-walk ${mode}`} ref={walk}>
      <div class="toets-track" ref={track} aria-hidden="true">
        <div class="toets-track-canvas" ref={host} />
      </div>
      <ToetsPath steps={steps} stepIndex={stepIndex} />
    </div>
  );
}

/** Where the token stands, in words: read by the room and by a screen reader (announced when it moves). */
export function ToetsPosition({ steps, stepIndex }: { steps: ToetsStep[]; stepIndex: number }) {
  const f = t.feel.toets;
  const step = steps[stepIndex];
  return (
    <p class="toets-position" aria-live="polite">
      {step ? f.position(stepIndex + 1, steps.length, step.title) : f.walked(steps.length)}
    </p>
  );
}
