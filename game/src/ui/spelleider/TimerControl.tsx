/** The timer: the countdown, set minutes (typed or quick), more minutes while it runs, stop, and pause or resume the whole game. */
import { useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus, Timer } from "../common.tsx";
import { useCommand } from "../hooks.ts";

const QUICK_MINUTES = [5, 10, 15] as const;
/** "Nog even erbij": added to the running timer. */
const EXTEND_MINUTES = [1, 2, 5] as const;

export function TimerControl({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const tm = t.console.timer;
  const { deadline, paused, pausedRemainingMs, timerExpired, phase } = snap.session;
  const [minutes, setMinutes] = useState(String(phase.minutes ?? 10));
  const [runSet, setState] = useCommand(conn);
  const [runClear, clearState] = useCommand(conn);
  const [runPause, pauseState] = useCommand(conn);
  const running = deadline !== null || pausedRemainingMs !== null;

  const submit = (e: Event) => {
    e.preventDefault();
    // The server checks the range; a number that does not parse is sent as 0 so its Dutch answer is shown.
    const value = Number.parseInt(minutes, 10);
    void runSet({ type: "timer.set", minutes: Number.isFinite(value) ? value : 0 });
  };

  return (
    <section class="card stack" aria-labelledby="timer-kop">
      <div class="row timer-head">
        <h2 id="timer-kop">{tm.heading}</h2>
        <span class="console-timer">{running || timerExpired || paused ? <Timer snap={snap} /> : <span class="muted small">{tm.none}</span>}</span>
      </div>
      <form class="timer-form" onSubmit={submit}>
        <div class="field">
          <label for="timer-minuten">{tm.minutes}</label>
          <input id="timer-minuten" type="number" inputMode="numeric" min={1} max={480} value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />
        </div>
        <button type="submit">{tm.set}</button>
      </form>
      <div class="row quick-row" role="group" aria-label={tm.quickGroup}>
        {QUICK_MINUTES.map((n) => (
          <button
            key={n}
            type="button"
            class="secondary"
            onClick={() => {
              setMinutes(String(n));
              void runSet({ type: "timer.set", minutes: n });
            }}
          >
            {tm.quick(n)}
          </button>
        ))}
      </div>
      {deadline !== null && !paused ? (
        <div class="row quick-row" role="group" aria-label={tm.extendGroup}>
          {EXTEND_MINUTES.map((n) => (
            <button key={n} type="button" class="secondary" onClick={() => void runSet({ type: "timer.extend", minutes: n })}>
              {tm.extend(n)}
            </button>
          ))}
        </div>
      ) : null}
      <CommandStatus state={setState} />
      <div class="row">
        <button type="button" class="secondary" onClick={() => runClear({ type: "timer.clear" })}>
          {tm.clear}
        </button>
        <button type="button" class={paused ? "" : "secondary"} onClick={() => runPause({ type: "session.pause", paused: !paused })}>
          {paused ? tm.resume : tm.pause}
        </button>
      </div>
      {clearState.kind !== "idle" ? <CommandStatus state={clearState} /> : null}
      <CommandStatus state={pauseState} />
      {paused ? <p class="paused-note small">{tm.pausedNote}</p> : null}
    </section>
  );
}
