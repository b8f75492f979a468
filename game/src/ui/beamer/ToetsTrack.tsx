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

/**
 * The toets scene over a row of step marks (found in the `walk` element by `marks`), drawn in the `track` element with
 * the token on step `at` (`stepCount`: past the law). Shared by the plenary track and each tafel's.
 */
export function useToetsTrack(marks: string, at: number, stepCount: number) {
  const walk = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const measure = (): ToetsModel | null => {
    const el = walk.current;
    const strip = track.current;
    if (!el || !strip) return null;
    const origin = strip.getBoundingClientRect();
    // Each stop sits right above its step's mark.
    const stops = Array.from(el.querySelectorAll(marks)).map((mark, i) => {
      const r = mark.getBoundingClientRect();
      return {
        x: r.left - origin.left + r.width / 2,
        y: origin.height / 2,
        state: i < at ? ("done" as const) : i === at ? ("current" as const) : ("todo" as const),
        law: i === stepCount - 1,
      };
    });
    return { kind: "toets", width: origin.width, height: origin.height, stops, token: Math.min(at, stepCount), animate: !reducedMotion() };
  };
  const { host, mode } = useStage(measure);
  return { walk, track, host, mode };
}

export function ToetsWalk({ steps, stepIndex }: { steps: ToetsStep[]; stepIndex: number }) {
  const { walk, track, host, mode } = useToetsTrack(".toets-step .toets-num", stepIndex, steps.length);
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
