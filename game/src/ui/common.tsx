/** Small pieces every screen uses: role chips, the timer, the top bar, command states, the offline banner. */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import type { GameRole } from "#shared/protocol/ids.ts";
import type { Connection, Snapshot } from "../net/connection.ts";
import { formatCountdown, PHASE_TITLES, ROLE_NAMES, t } from "#shared/strings/index.ts";
import { ROLE_COLOURS, ROLE_ICONS, ROLE_INK } from "#shared/theme.ts";
import "../styles/tafels.css";
import { useNow, type CommandState } from "./hooks.ts";
import { serverNow } from "../net/serverClock.ts";

export function RoleIcon({ role, size = 16 }: { role: GameRole; size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      <path d={ROLE_ICONS[role]} />
    </svg>
  );
}

/** A role shown as colour, icon and name together. */
/**
 * A role name with a soft hyphen between the parts of a compound ("Wijkteam-professional"), so a narrow phone breaks
 * it there, with a hyphen, and never mid-word ("Wijkteamprofession / al").
 */
export const breakableName = (name: string): string =>
  name.replace(/(?<=\p{L}{3})(professional|ambtenaar|medewerker|leider|coördinator|adviseur|consulent)/gu, "\u00AD$1");

export function RoleChip({ role, label }: { role: GameRole; label?: string }) {
  return (
    <span class="role-chip" style={{ color: ROLE_INK[role] }}>
      <span class="icon" style={{ background: ROLE_COLOURS[role] }}>
        <RoleIcon role={role} />
      </span>
      <span>{breakableName(label ?? ROLE_NAMES[role])}</span>
    </span>
  );
}

export function CommandStatus({ state }: { state: CommandState }) {
  const text = state.kind === "pending" ? t.status.pending : state.kind === "done" ? t.status.done : state.kind === "rejected" ? state.message : "";
  return (
    <p class={`state ${state.kind}`} role={state.kind === "rejected" ? "alert" : "status"} aria-live="polite">
      {text}
    </p>
  );
}

const LAST_MINUTE_MS = 60_000;

/** Time left by the server's clock (serverClock.ts), read when drawn: right after "Timer zetten" it says 15:00, not 15:01. */
export function Timer({ snap }: { snap: Snapshot }) {
  useNow();
  const { deadline, paused, pausedRemainingMs, timerExpired } = snap.session;
  if (paused) {
    return <span class="timer">{t.header.paused}{pausedRemainingMs !== null ? ` · ${formatCountdown(pausedRemainingMs)}` : ""}</span>;
  }
  if (deadline === null) return timerExpired ? <span class="timer up">{t.header.timeUp}</span> : null;
  const left = deadline - serverNow();
  // The last minute is in the colour of "De tijd is om": the room sees it coming, without motion or sound.
  const state = left <= 0 ? "up" : left <= LAST_MINUTE_MS ? "soon" : "";
  return (
    <span class={`timer ${state}`} role="timer" aria-live="off">
      {left <= 0 ? t.header.timeUp : `${t.header.timeLeft} ${formatCountdown(left)}`}
    </span>
  );
}

export function ConnectionBanner({ conn }: { conn: Connection }) {
  if (conn.status === "verbonden") return null;
  return (
    <div class="banner offline" role="alert">
      {conn.status === "gestopt" ? conn.statusDetail || t.connection.gestopt : t.connection["opnieuw-verbinden"]}
    </div>
  );
}

/**
 * Work sent again after a reconnect and refused: said here, since the screen that sent it may be gone. Under the
 * sticky bar, not in it (with the text to copy it would cover half a phone), and the page goes to it when one arrives.
 */
export function LateRefusals({ conn }: { conn: Connection }) {
  const count = conn.lateRefusals.length;
  useEffect(() => {
    // The notice stands right under the bar, at the top of the page.
    if (count > 0) window.scrollTo({ top: 0, left: 0, behavior: "instant" });
  }, [count]);
  if (count === 0) return null;
  return (
    <div class="banner late-refusals" role="alert">
      {conn.lateRefusals.map((refusal) => (
        <div class="late-refusal" key={refusal.commandId}>
          <p>
            {t.connection.lateRefusal} {refusal.message}
          </p>
          {refusal.text ? (
            <>
              <p class="late-text-label">{t.connection.lateText}</p>
              <blockquote class="late-text">{refusal.text}</blockquote>
            </>
          ) : null}
          <button type="button" class="secondary" onClick={() => conn.dismissLateRefusal(refusal.commandId)}>
            {t.connection.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}

export function TopBar({ conn, snap, children }: { conn: Connection; snap: Snapshot; children?: ComponentChildren }) {
  // On day 2 nobody plays a role any more, and the day-1 phase is history: the pill names the day-2 stage.
  const stage = snap.session.terugkomStage;
  const role = stage ? null : (snap.mine?.role ?? null);
  // With tafels a participant sees where they sit, next to their role (day 2 is the whole group again).
  const tableId = stage ? null : (snap.mine?.tableId ?? null);
  const table = tableId === null ? null : (snap.session.tables.find((x) => x.tableId === tableId)?.name ?? null);
  return (
    <>
      <header class="topbar">
        <div class="inner">
          <span class="title">{snap.scenario.title}</span>
          <span class="phase-pill">{stage ? t.terugkom.steps[stage] : PHASE_TITLES[snap.session.phase.kind]}</span>
          <Timer snap={snap} />
          <span class="grow" />
          {table ? <span class="tafel-pill">{table}</span> : null}
          {role ? <RoleChip role={role} /> : null}
          {children}
          <span class="row small" title={t.connection.label}>
            <span class={`dot ${conn.status === "verbonden" ? "on" : ""}`} aria-hidden="true" />
            <span class="sr-only">{conn.status === "verbonden" ? t.connection.verbonden : t.connection["opnieuw-verbinden"]}</span>
          </span>
        </div>
        <ConnectionBanner conn={conn} />
        {snap.session.paused ? <div class="banner paused" role="status">{t.header.paused}</div> : null}
      </header>
      <LateRefusals conn={conn} />
    </>
  );
}

/** A multi-line text field with its label and a character count, for eisen, notes and cards. */
export function TextField(props: { id: string; label: string; value: string; onInput: (v: string) => void; max: number; rows?: number; hint?: string }) {
  const left = props.max - props.value.length;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea id={props.id} rows={props.rows ?? 3} maxLength={props.max} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} aria-describedby={`${props.id}-hint`} />
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint ? `${props.hint} · ` : ""}
        {t.common.charactersLeft(left)}
      </p>
    </div>
  );
}
