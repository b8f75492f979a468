/**
 * De Omgekeerde Toets as a path of five steps the group walks in order: done steps ticked, the current step marked,
 * every title whole, the law visibly last. Compact, so the case below gets the screen's height.
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
              {/* The number says which step; the law says aloud that it comes last. The current step's question is
                  beside the case below (CasustoetsBoard), where there is room for it whole. */}
              <span class="sr-only">
                {b.step(i + 1)}
                {state === "done" ? ` (${b.done})` : state === "current" ? ` · ${b.now}` : ""}
                {last ? ` · ${b.lawLast}` : ""}:{" "}
              </span>
              {last ? (
                <span class="toets-kicker" aria-hidden="true">
                  {`${b.step(i + 1)} · ${b.lawLast}`}
                </span>
              ) : null}
              <span class="toets-title">{step.title}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
