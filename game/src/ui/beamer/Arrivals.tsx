/**
 * The lobby's arrivals: a disc per participant with the icon of their own function, popping in as they arrive
 * (phaser/scenes/Arrivals.ts), and beside it in words how many of each function are in. Only counts reach the beamer:
 * names stay on the console. Under reduced motion the discs are simply there; without Phaser the DOM draws them.
 */
import { useRef } from "preact/hooks";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import type { CountsView } from "#shared/protocol/views.ts";
import type { ArrivalsModel } from "../../phaser/stageModel.ts";
import { REAL_ROLE_NAMES, t } from "#shared/strings/index.ts";
import { FUNCTION_COLOURS, FUNCTION_ICONS, FUNCTION_ICON_INK } from "#shared/theme.ts";
import { reducedMotion, useStage } from "./useStage.ts";

export function FunctionIcon({ fn }: { fn: RealRole }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke={FUNCTION_ICON_INK[fn]} stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      <path d={FUNCTION_ICONS[fn]} />
    </svg>
  );
}

export function Arrivals({ counts }: { counts: CountsView["arrivals"] }) {
  const a = t.feel.lobby;
  const groups = REAL_ROLES.map((fn) => ({ fn, count: counts[fn] }));
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const field = useRef<HTMLDivElement>(null);
  const measure = (): ArrivalsModel | null => {
    const el = field.current;
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { kind: "arrivals", width: r.width, height: r.height, groups, animate: !reducedMotion() };
  };
  const { host, mode } = useStage(measure);
  return (
    <section class="lobby-arrivals beamer-panel" aria-labelledby="aankomst-kop">
      <div class="lobby-arrivals-head">
        <h2 id="aankomst-kop">{a.arrivalsHeading}</h2>
      </div>
      <ul class="arrivals-legend" aria-label={a.arrivalsLabel}>
        {groups
          .filter((g) => g.count > 0)
          .map((g) => (
            <li key={g.fn} data-function={g.fn}>
              <span class="swatch" style={{ background: FUNCTION_COLOURS[g.fn] }}>
                <FunctionIcon fn={g.fn} />
              </span>
              {a.perFunction(REAL_ROLE_NAMES[g.fn], g.count)}
            </li>
          ))}
      </ul>
      {total === 0 ? <p class="muted">{a.nobody}</p> : null}
      <div class={`arrivals-field ${mode}`} ref={field}>
        <div class="arrivals-canvas" ref={host} aria-hidden="true" />
        <div class="arrivals-dom" aria-hidden="true">
          {groups.flatMap((g) =>
            Array.from({ length: Math.min(g.count, 60) }, (_, i) => (
              <span key={`${g.fn}:${i}`} class="arrival-disc" style={{ background: FUNCTION_COLOURS[g.fn] }}>
                <FunctionIcon fn={g.fn} />
              </span>
            )),
          )}
        </div>
      </div>
    </section>
  );
}
