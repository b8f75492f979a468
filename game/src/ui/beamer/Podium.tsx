/**
 * The vote's reveal, Kahoot's podium for draagvlak per role: first the rest of the result appears from the bottom up
 * (the lowest rank first), then the top three are staged: third, second, and first last, each on a pedestal with its
 * six bars of support per role. The pedestals and bars are a Phaser scene (phaser/scenes/Podium.ts) behind the DOM,
 * which holds every word: the items in rank order, their draagvlak and points, and per place the bars as a text
 * (role="img"). Under reduced motion everything stands at once; without Phaser the DOM draws pedestals and bars.
 */
import { useRef } from "preact/hooks";
import { MOTION_MS, type PodiumModel } from "../../phaser/stageModel.ts";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { SupportView } from "#shared/protocol/views.ts";
import { draagvlakLabel, t } from "#shared/strings/index.ts";
import { ROLE_COLOURS } from "#shared/theme.ts";
import { RoleIcon } from "../common.tsx";
import { anyScoreWithoutSupport, barsOf } from "../../phaser/chartModel.ts";
import { RoleBars, type ChartEntry } from "./SupportChart.tsx";
import { boxIn, reducedMotion, useStage } from "./useStage.ts";

/** Whether the podium shows a light bar (a role that chose only "kan"); the board's head then says what it is. */
export const podiumHasWeakBars = (entries: readonly ChartEntry[]): boolean => anyScoreWithoutSupport(entries.slice(0, podiumPlaces(entries)).map((e) => e.support));

/** The rest list shows ranks 4 to 4 + REST - 1 on the podium page; all of them follow on the chart pages. */
const REST = 6;
/** Between two rows of the rest appearing, and between two pedestals. */
const ROW_STEP_MS = 110;
const PLACE_STEP_MS = 360;

/**
 * How many items stand on the podium: the first three, but only those with any support. An item nobody gave anything
 * stood on a pedestal as "2" with "Geen steun · Totaalscore 0" when a small group voted on one or two items; it is in
 * the rest of the result instead. The entries come in the order of support, so those without are last.
 */
export function podiumPlaces(entries: readonly { support: SupportView }[]): number {
  let places = 0;
  while (places < 3 && (entries[places]?.support.total ?? 0) > 0) places++;
  return places;
}

/** When each rank appears, from the start of the reveal: the rest bottom-up, then the places from the last to the first. */
export function revealDelays(total: number, places: number): { rest: (rank: number) => number; place: (rank: number) => number } {
  const lastRest = Math.min(total, places + REST);
  const restRows = Math.max(0, lastRest - places);
  const podiumStart = restRows * ROW_STEP_MS + (restRows > 0 ? 200 : 0);
  return {
    rest: (rank) => (lastRest - rank) * ROW_STEP_MS,
    place: (rank) => podiumStart + (places - rank) * PLACE_STEP_MS,
  };
}

/** `unit`: the voting mode, so MoSCoW results read "Totaalscore", never "punten". */
export function Podium({ entries, unit = "punten" }: { entries: ChartEntry[]; unit?: "punten" | "moscow" }) {
  const p = t.feel.podium;
  const places = podiumPlaces(entries);
  const top = entries.slice(0, places);
  const rest = entries.slice(places, places + REST);
  const more = Math.max(0, entries.length - places - REST);
  const delays = revealDelays(entries.length, places);

  const stageRef = useRef<HTMLDivElement>(null);
  const measure = (): PodiumModel | null => {
    const stage = stageRef.current;
    if (!stage) return null;
    const origin = stage.getBoundingClientRect();
    const places = top.flatMap((entry, i) => {
      const li = stage.querySelector(`[data-place="${i + 1}"]`);
      const pedestal = li?.querySelector("[data-pedestal]");
      const bars = li?.querySelector("[data-bars]");
      if (!pedestal || !bars) return [];
      return [{ key: entry.id, rank: i + 1, pedestal: boxIn(pedestal, origin), bars: boxIn(bars, origin), share: barsOf(entry.support), delayMs: delays.place(i + 1) }];
    });
    return { kind: "podium", width: origin.width, height: origin.height, places, animate: !reducedMotion() };
  };
  const { host, mode } = useStage(measure);

  return (
    <div class={`podium-board ${mode}`} style={{ "--motion": `${MOTION_MS}ms` }}>
      {/* Not a landmark of its own: the board around it is the region "De top drie" (axe: landmark-unique). */}
      <div class="podium-stage" ref={stageRef}>
        <div class="podium-canvas" ref={host} aria-hidden="true" />
        {places === 0 ? <p class="beamer-empty">{p.noSupport}</p> : null}
        <ol class="podium-places">
          {top.map((entry, i) => (
            <li key={entry.id} class={`podium-place rank-${i + 1}`} data-place={i + 1} style={{ "--delay": `${delays.place(i + 1)}ms` }}>
              <span class="sr-only">{p.place(i + 1)}: </span>
              <span class="podium-text">{entry.text}</span>
              <span class="podium-meta">
                <span class={`draagvlak ${entry.support.draagvlak}`}>{draagvlakLabel(entry.support)}</span>
                <span class="muted"> · {t.beamer.chart.total(entry.support.total, unit)}</span>
              </span>
              <RoleBars class="podium-bars" dataBars="" support={entry.support} unit={unit} />
              {/* Which bar is which role: the icon under each bar, as on the phone (never colour alone). */}
              <span class="podium-icons" aria-hidden="true">
                {GAME_ROLES.map((role) => (
                  <span key={role} class="chart-head-icon" style={{ background: ROLE_COLOURS[role] }}>
                    <RoleIcon role={role} />
                  </span>
                ))}
              </span>
              <span class="podium-pedestal" data-pedestal="" aria-hidden="true">
                <span class="podium-rank">{i + 1}</span>
              </span>
            </li>
          ))}
        </ol>
      </div>
      {rest.length > 0 ? (
        <section class="podium-rest beamer-panel" aria-labelledby="rest-kop">
          <h3 id="rest-kop" class="beamer-label">
            {p.restHeading}
          </h3>
          <ol start={places + 1}>
            {rest.map((entry, i) => (
              <li key={entry.id} style={{ "--delay": `${delays.rest(places + 1 + i)}ms` }}>
                <span class="podium-rest-rank" aria-hidden="true">
                  {places + 1 + i}.
                </span>
                <span class="clamp-2">{entry.text}</span>
                <span class={`draagvlak ${entry.support.draagvlak}`}>{draagvlakLabel(entry.support)}</span>
              </li>
            ))}
          </ol>
          {more > 0 ? <p class="beamer-more">{p.restMore(more)}</p> : null}
        </section>
      ) : null}
    </div>
  );
}

/** What a light bar is, beside the board's heading. */
export function WeakNote() {
  return (
    <p class="chart-weak">
      <span class="weak-swatch" aria-hidden="true" /> {t.beamer.chart.weak}
    </p>
  );
}
