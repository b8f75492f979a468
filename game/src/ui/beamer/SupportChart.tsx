/**
 * The support chart: one row per item with its text and draagvlak in the DOM (readable, accessible), and six bars
 * per row drawn by Phaser on a canvas laid over the rows. Phaser is imported lazily, only here, only on the beamer.
 * Each row's bars also carry a text equivalent (role="img" with the numbers); if Phaser cannot start, the same bars
 * are drawn in the DOM.
 */
import { Fragment } from "preact";
import { useRef } from "preact/hooks";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { SupportView } from "#shared/protocol/views.ts";
import { anyScoreWithoutSupport, barsOf, scoresWithoutSupport, type ChartModel, type ChartRow } from "../../phaser/chartModel.ts";
import { draagvlakLabel, ROLE_NAMES, t } from "#shared/strings/index.ts";
import { ROLE_COLOURS } from "#shared/theme.ts";
import { RoleChip, RoleIcon } from "../common.tsx";
import { reducedMotion, useOverlayGame } from "./useStage.ts";

export interface ChartEntry {
  id: string;
  text: string;
  support: SupportView;
  /** Its place in the whole list, where the rows are not consecutive (the kader per perspectief); else firstRank + i. */
  rank?: number;
  /** A heading over this row and the ones after it with the same group (the kader's handelingsperspectieven). */
  group?: string;
}

/**
 * An item in the list nobody could vote on (an aanvulling from the casustoets, made after the vote): a row in its group
 * like the others, with what it is in place of bars and draagvlak.
 */
export interface UnvotedEntry {
  id: string;
  text: string;
  rank?: number;
  group?: string;
  /** What stands where the bars would be ("Aanvulling uit de casustoets, niet gestemd"). */
  unvoted: string;
}

type Row = ChartEntry | UnvotedEntry;
const isUnvoted = (row: Row): row is UnvotedEntry => "unvoted" in row;
const voted = (rows: readonly Row[]): ChartEntry[] => rows.flatMap((row) => (isUnvoted(row) ? [] : [row]));

/** Consecutive entries with the same group together, in order. */
function grouped(entries: readonly Row[]): { group: string | undefined; entries: Row[]; first: number }[] {
  const groups: { group: string | undefined; entries: Row[]; first: number }[] = [];
  entries.forEach((entry, i) => {
    const last = groups.at(-1);
    if (last && last.group === entry.group) last.entries.push(entry);
    else groups.push({ group: entry.group, entries: [entry], first: i });
  });
  return groups;
}

export type Unit = "punten" | "moscow";

function describe(support: SupportView, unit: Unit = "punten"): string {
  const c = t.beamer.chart;
  return GAME_ROLES.map((role) =>
    support.rolesPresent.includes(role)
      ? c.share(ROLE_NAMES[role], Math.round(support.sharePerRole[role] * 100), support.perRole[role], unit) + (scoresWithoutSupport(support, role) ? c.onlyKan : "")
      : c.noVoters(ROLE_NAMES[role]),
  ).join("; ");
}

/**
 * Six bars, one per role, in the DOM (the chart and the podium measure them and draw over them in Phaser; without
 * Phaser they are the bars), with the numbers as their text equivalent. `dataBars` is where the measuring finds them.
 */
export function RoleBars({ support, unit, class: className, dataBars }: { support: SupportView; unit: Unit; class: string; dataBars: string }) {
  return (
    <span class={className} data-bars={dataBars} role="img" aria-label={describe(support, unit)}>
      {barsOf(support).map((bar) => (
        <span key={bar.role} class="chart-slot">
          <span
            class={`chart-bar ${bar.present ? "" : "absent"} ${bar.weak ? "weak" : ""}`}
            style={bar.present ? { height: `${Math.round(bar.share * 100)}%`, background: ROLE_COLOURS[bar.role] } : undefined}
          />
        </span>
      ))}
    </span>
  );
}

/** `unit`: the scenario's voting mode; MoSCoW totals read "Totaalscore", points "punten". */
export function SupportChart({ entries, firstRank, unit = "punten" }: { entries: Row[]; firstRank: number; unit?: Unit }) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(entries);
  latest.current = entries;

  /** Where each row's bars are, measured from the DOM the rows were laid out in. */
  const measure = (): ChartModel | null => {
    const box = container.current;
    if (!box) return null;
    const origin = box.getBoundingClientRect();
    const rows: ChartRow[] = [];
    for (const entry of voted(latest.current)) {
      const el = box.querySelector(`[data-bars="${CSS.escape(entry.id)}"]`);
      if (!(el instanceof HTMLElement)) continue;
      const r = el.getBoundingClientRect();
      rows.push({ key: entry.id, x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height, bars: barsOf(entry.support) });
    }
    return { width: origin.width, height: origin.height, rows, animate: !reducedMotion() };
  };

  const { host, mode } = useOverlayGame(measure, (el, model: ChartModel) => import("../../phaser/beamerGame.ts").then((m) => m.startBeamerGame(el, model)), "Grafiek zonder Phaser");

  const c = t.beamer.chart;
  return (
    <div class={`chart ${mode}`} ref={container}>
      <ul class="chart-legend" aria-label={c.legend}>
        {GAME_ROLES.map((role) => (
          <li key={role}>
            <RoleChip role={role} />
          </li>
        ))}
        {/* Only when a role did not vote: otherwise the room reads about hatching it cannot see. */}
        {voted(entries).some((e) => e.support.rolesPresent.length < GAME_ROLES.length) ? (
          <li class="chart-absent">
            <span class="hatch" aria-hidden="true" /> {c.absent}
          </li>
        ) : null}
        {anyScoreWithoutSupport(voted(entries).map((e) => e.support)) ? (
          <li class="chart-weak">
            <span class="weak-swatch" aria-hidden="true" /> {c.weak}
          </li>
        ) : null}
      </ul>
      {entries.length === 0 ? (
        <p class="beamer-empty">{c.none}</p>
      ) : (
        <>
        {/* Which bar is which role, right above the bars; the legend above gives the names. */}
        <div class="chart-row chart-head" aria-hidden="true">
          <span />
          <span />
          <span class="chart-bars-head">
            {GAME_ROLES.map((role) => (
              <span key={role} class="chart-head-icon" style={{ background: ROLE_COLOURS[role] }}>
                <RoleIcon role={role} />
              </span>
            ))}
          </span>
          <span />
        </div>
        {grouped(entries).map(({ group, entries: rows, first }) => (
          <Fragment key={`${group ?? ""}:${first}`}>
            {group === undefined ? null : <h3 class="chart-group">{group}</h3>}
            <ol class="chart-rows" start={firstRank + first}>
              {rows.map((entry, k) => {
                const rank = entry.rank ?? firstRank + first + k;
                return (
                  <li key={entry.id} class="chart-row" value={rank}>
                    <span class="chart-rank" aria-hidden="true">
                      {c.rank(rank)}
                    </span>
                    <span class="chart-text clamp-2">{entry.text}</span>
                    {isUnvoted(entry) ? (
                      <span class="chart-unvoted muted">{entry.unvoted}</span>
                    ) : (
                      <>
                        <RoleBars class="chart-bars" dataBars={entry.id} support={entry.support} unit={unit} />
                        <span class="chart-meta">
                          <span class={`draagvlak ${entry.support.draagvlak}`}>{draagvlakLabel(entry.support)}</span>
                          <span class="muted">{c.total(entry.support.total, unit)}</span>
                        </span>
                      </>
                    )}
                  </li>
                );
              })}
            </ol>
          </Fragment>
        ))}
        </>
      )}
      <div class="chart-canvas" ref={host} aria-hidden="true" />
    </div>
  );
}
