/**
 * Pacing: the session's phases with the current one marked, and previous/next behind a short confirmation that
 * says what comes and what moving on will do (reveal eisen, close the vote).
 */
import { useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import type { PhaseView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { roundRevealed } from "../phases/parts/tafel/tafels.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import { phaseDetail, phaseName, tracksReadiness } from "./phaseLabels.ts";

export function PhaseControl({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const p = t.console.phases;
  const { phases, phase } = snap.session;
  const [run, state] = useCommand(conn);
  const [asking, setAsking] = useState<"next" | "previous" | null>(null);
  const next = phases[phase.index + 1] ?? null;
  const previous = phases[phase.index - 1] ?? null;
  const target = asking === "next" ? next : asking === "previous" ? previous : null;

  const confirm = () => {
    const direction = asking;
    setAsking(null);
    if (direction) void run({ type: direction === "next" ? "phase.next" : "phase.previous", fromIndex: phase.index });
  };

  const detail = phaseDetail(snap, phase);
  return (
    <section class="card stack cockpit" aria-labelledby="fasen-kop">
      {/* What the spelleider needs every minute, in the first screen at 1366×900: where the group is, what comes
          next and the button to go there, who is ready and who just came in. The full list folds away. */}
      <div class="row cockpit-head">
        <h2 id="fasen-kop">{p.heading}</h2>
        <span class="small muted">{p.stepOf(phase.index + 1, phases.length)}</span>
      </div>
      <p class="phase-now" aria-current="step">
        <span class="phase-num" aria-hidden="true">{phase.index + 1}</span>
        <span>
          <strong>{phaseName(phase)}</strong>
          {detail ? <span class="phase-now-detail">{detail}</span> : null}
        </span>
      </p>
      {next ? <p class="small muted phase-upnext">{p.upNext(next.index + 1, phaseName(next), next.minutes)}</p> : null}
      <div class="row phase-buttons">
        {previous ? (
          <button type="button" class="secondary" disabled={state.kind === "pending"} onClick={() => setAsking("previous")}>
            <span aria-hidden="true">←</span> {p.previous}
          </button>
        ) : null}
        {next ? (
          <button type="button" disabled={state.kind === "pending"} onClick={() => setAsking("next")}>
            {p.next} <span aria-hidden="true">→</span>
          </button>
        ) : (
          <p class="muted small">{p.lastPhase}</p>
        )}
      </div>
      <CommandStatus state={state} />
      <Pulse snap={snap} />
      <details class="phase-all">
        <summary>{p.allPhases(phases.length)}</summary>
        <ol class="phase-list" aria-label={p.listLabel}>
          {phases.map((ph) => (
            <PhaseRow key={ph.index} snap={snap} phase={ph} current={ph.index === phase.index} done={ph.index < phase.index} />
          ))}
        </ol>
      </details>
      <ConfirmDialog
        open={target !== null}
        title={asking === "previous" ? p.confirmPreviousTitle : p.confirmNextTitle}
        confirmLabel={asking === "previous" ? p.confirmPrevious : p.confirmNext}
        onConfirm={confirm}
        onClose={() => setAsking(null)}
      >
        {target ? <Consequences snap={snap} target={target} forward={asking === "next"} /> : null}
      </ConfirmDialog>
    </section>
  );
}

/** Ready, online and the latest arrivals, in one glance; the full list of people is further down. */
function Pulse({ snap }: { snap: Snapshot }) {
  const p = t.console.people;
  const people = snap.people.filter((x) => !x.removed);
  const ready = people.filter((x) => x.ready).length;
  const online = people.filter((x) => x.online).length;
  const latest = people.slice(-3).reverse().map((x) => x.displayName);
  return (
    <div class="pulse" role="group" aria-label={p.pulseLabel}>
      {tracksReadiness(snap.session.phase) && people.length > 0 ? <p class="ready-count">{p.ready(ready, people.length)}</p> : null}
      <p class="small">
        {p.inside(people.length)} · {p.onlineShort(online, people.length)}
      </p>
      {latest.length > 0 ? (
        <p class="small muted pulse-latest">
          {p.latest(latest.join(", "))} <a href="#mensen-kop">{p.allPeople}</a>
        </p>
      ) : (
        <p class="small muted">{p.none}</p>
      )}
    </div>
  );
}

function PhaseRow({ snap, phase, current, done }: { snap: Snapshot; phase: PhaseView; current: boolean; done: boolean }) {
  const p = t.console.phases;
  const detail = phaseDetail(snap, phase);
  return (
    <li class={`phase-row ${current ? "current" : ""} ${done ? "done" : ""}`} aria-current={current ? "step" : undefined}>
      <span class="phase-num" aria-hidden="true">{done ? "✓" : phase.index + 1}</span>
      <span class="phase-text">
        <span class="phase-name">{phaseName(phase)}</span>
        {detail ? <span class="phase-detail">{detail}</span> : null}
      </span>
      <span class="phase-meta small">
        {current ? <strong>{p.current}</strong> : done ? <span class="sr-only">{p.done}</span> : null}
        {!current && phase.minutes ? <span class="muted">{p.minutes(phase.minutes)}</span> : null}
      </span>
    </li>
  );
}

/** What the spelleider should know before moving: where to, and what leaving this phase does. */
function Consequences({ snap, target, forward }: { snap: Snapshot; target: PhaseView; forward: boolean }) {
  const p = t.console.phases;
  const { phase, votesRevealed } = snap.session;
  const detail = phaseDetail(snap, target);
  const people = snap.people.filter((x) => !x.removed);
  const notReady = tracksReadiness(phase) ? people.filter((x) => !x.ready).length : 0;
  const roundHidden = phase.kind === "rolwissel" && !roundRevealed(snap, phase.roundId);
  // With tafels some may have been revealed already: only the rest become visible.
  const someRevealed = snap.tables.some((x) => x.revealed);
  return (
    <>
      <p>
        {forward ? p.comesNext : p.goesBack}{" "}
        <strong>
          {target.index + 1}. {phaseName(target)}
        </strong>
        {detail ? ` — ${detail}` : ""}
        {target.minutes ? ` (${p.minutes(target.minutes)})` : ""}
      </p>
      {roundHidden ? <p>{someRevealed ? t.tafels.actions.revealsRest : p.revealsEisen}</p> : null}
      {forward && phase.kind === "prioriteren" && !votesRevealed ? <p>{p.revealsVotes}</p> : null}
      {notReady > 0 ? <p class="muted">{p.notReadyYet(notReady, people.length)}</p> : null}
    </>
  );
}
