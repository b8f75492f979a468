/**
 * De Omgekeerde Toets as a path of five steps the group walks in order: done steps ticked, the current step large
 * with its question, the law visibly last.
 */
import type { ToetsStep } from "#shared/protocol/scenario.ts";
import { t } from "#shared/strings/index.ts";

export function ToetsPath({ steps, stepIndex }: { steps: ToetsStep[]; stepIndex: number }) {
  const b = t.beamer.casustoets;
  return (
    <ol class="toets-path" aria-label={b.pathLabel}>
      {steps.map((step, i) => {
        const state = i < stepIndex ? "done" : i === stepIndex ? "current" : "todo";
        const last = i === steps.length - 1;
        return (
          <li key={step.id} class={`toets-step ${state} ${last ? "law" : ""}`} aria-current={state === "current" ? "step" : undefined}>
            <span class="toets-num" aria-hidden="true">
              {state === "done" ? "✓" : last ? "§" : i + 1}
            </span>
            <span class="toets-body">
              <span class="toets-kicker">
                {b.step(i + 1)}
                {state === "done" ? <span class="sr-only"> ({b.done})</span> : null}
                {state === "current" ? ` · ${b.now}` : last ? ` · ${b.lawLast}` : ""}
              </span>
              <span class="toets-title">{step.title}</span>
              {state === "current" ? <span class="toets-prompt">{step.prompt}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
