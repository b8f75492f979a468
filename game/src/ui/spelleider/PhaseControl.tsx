/**
 * Pacing: the session's phases with the current one marked, and previous/next behind a short confirmation that
 * says what comes and what moving on will do (reveal eisen, close the vote).
 */
import { useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import type { PhaseView } from "../../../../server/protocol/views.ts";
import { t } from "../../strings/index.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { roundRevealed } from "../phases/parts/t-tafels.ts";
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
    if (direction) void run({ type: direction === "next" ? "phase.next" : "phase.previous" });
  };

  return (
    <section class="card stack" aria-labelledby="fasen-kop">
      <h2 id="fasen-kop">{p.heading}</h2>
      <ol class="phase-list" aria-label={p.listLabel}>
        {phases.map((ph) => (
          <PhaseRow key={ph.index} snap={snap} phase={ph} current={ph.index === phase.index} done={ph.index < phase.index} />
        ))}
      </ol>
      <div class="row phase-buttons">
        {previous ? (
          <button type="button" class="secondary" onClick={() => setAsking("previous")}>
            <span aria-hidden="true">←</span> {p.previous}
          </button>
        ) : null}
        {next ? (
          <button type="button" onClick={() => setAsking("next")}>
            {p.next} <span aria-hidden="true">→</span>
          </button>
        ) : (
          <p class="muted small">{p.lastPhase}</p>
        )}
      </div>
      <CommandStatus state={state} />
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
