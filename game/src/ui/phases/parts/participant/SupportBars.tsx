/**
 * Support per role as six small bars in role colours (height: the share of what that role's voters could give),
 * each with its role icon and a screen-reader label (role + points), and the draagvlak label. Sized in em, so the
 * beamer's larger type scales it up. Shared: prioriteren, beamer and the kader use it.
 */
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { SupportView } from "#shared/protocol/views.ts";
import { draagvlakLabel, ROLE_NAMES, t } from "#shared/strings/index.ts";
import { ROLE_COLOURS, ROLE_INK } from "#shared/theme.ts";
import "../../../../styles/participant.css";
import { scoresWithoutSupport } from "../../../../phaser/chartModel.ts";
import { RoleIcon } from "../../../common.tsx";

export type SupportUnit = "punten" | "moscow";

/** What a light bar is, once above a list that has one (anyScoreWithoutSupport). */
export function WeakBarsNote() {
  return <p class="small muted">{t.participant.support.weakLegend}</p>;
}

export function SupportBars({ support, unit = "punten", label }: { support: SupportView; unit?: SupportUnit; label?: string }) {
  const texts = t.participant.support;
  return (
    <ul class="p-bars" aria-label={label ?? texts.caption}>
      {GAME_ROLES.map((role) => {
        const present = support.rolesPresent.includes(role);
        const value = support.perRole[role];
        const share = Math.max(0, Math.min(1, support.sharePerRole[role]));
        const name = ROLE_NAMES[role];
        const weak = scoresWithoutSupport(support, role);
        const spoken = !present ? texts.noVoters(name) : (unit === "punten" ? texts.barPoints(name, value) : texts.barScore(name, value)) + (weak ? texts.onlyKan : "");
        return (
          <li key={role} class={`p-bar${present ? "" : " p-bar-absent"}${weak ? " p-bar-weak" : ""}`} title={spoken}>
            <span class="sr-only">{spoken}</span>
            <span class="p-bar-value" aria-hidden="true">{present ? value : "–"}</span>
            <span class="p-bar-track" aria-hidden="true">
              <span class="p-bar-fill" style={{ height: `${Math.round(share * 100)}%`, background: ROLE_COLOURS[role] }} />
            </span>
            <span class="p-bar-icon" aria-hidden="true" style={{ color: ROLE_INK[role] }}>
              <RoleIcon role={role} size={14} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function DraagvlakLabel({ support }: { support: SupportView }) {
  return (
    <span class={`p-draagvlak p-draagvlak-${support.draagvlak}`}>
      <span class="sr-only">{t.participant.support.draagvlak}: </span>
      {draagvlakLabel(support)}
    </span>
  );
}

/** Bars, draagvlak and total together, as an item shows them once the votes are revealed. */
export function SupportSummary({ support, unit = "punten" }: { support: SupportView; unit?: SupportUnit }) {
  const texts = t.participant.prioriteren;
  return (
    <div class="p-support">
      <SupportBars support={support} unit={unit} />
      <div class="p-support-text">
        <DraagvlakLabel support={support} />
        <span class="small muted">{unit === "punten" ? texts.total(support.total) : texts.totalScore(support.total)}</span>
      </div>
    </div>
  );
}
