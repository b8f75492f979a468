/**
 * De Omgekeerde Toets as a path the group walks in order: done steps checked (their notes still readable and open
 * to additions), the current step large with its question, notes and the way on, future steps locked. The law is
 * visibly the last step. Whether a step may be left is the server's call; its Dutch reason shows by the button.
 * Moving on (and one step back) changes every screen at once, so it is the spelleider's: participants see who does it.
 */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { CaseView } from "#shared/protocol/views.ts";
import type { ToetsStep } from "#shared/protocol/scenario.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus, RoleChip, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { Icon } from "./icons.tsx";

type StepState = "done" | "now" | "locked";

export function ToetsPath({ conn, snap, kase, leads }: { conn: Connection; snap: Snapshot; kase: CaseView; leads: boolean }) {
  const p = t.board.path;
  const steps = snap.scenario.omgekeerdeToets;
  const walked = kase.stepIndex >= steps.length;
  return (
    <section class="card b-path" aria-labelledby="toets-titel">
      <h3 id="toets-titel">{p.title}</h3>
      <p class="small muted">{p.intro}</p>
      {/* The spelleider moves the group on every few minutes: at the top, in the first screen of the console, however
          many notes the steps before hold. */}
      {leads && !walked ? <Advance conn={conn} kase={kase} stepNumber={kase.stepIndex + 1} total={steps.length} /> : null}
      <ol class="b-steps">
        {steps.map((step, i) => {
          const state: StepState = i < kase.stepIndex ? "done" : i === kase.stepIndex ? "now" : "locked";
          return <Step key={step.id} conn={conn} snap={snap} kase={kase} step={step} number={i + 1} total={steps.length} state={state} leads={leads} />;
        })}
      </ol>
      {walked ? (
        <div class="b-alldone-row">
          <p class="b-alldone">
            <Icon name="check" /> {p.allDone}
          </p>
          {leads ? <StepBack conn={conn} kase={kase} /> : null}
        </div>
      ) : null}
    </section>
  );
}

interface StepProps {
  conn: Connection;
  snap: Snapshot;
  kase: CaseView;
  step: ToetsStep;
  number: number;
  total: number;
  state: StepState;
  /** The spelleider: moves the group on, and back. */
  leads: boolean;
}

function Step({ conn, snap, kase, step, number, total, state, leads }: StepProps) {
  const p = t.board.path;
  const isLaw = number === total;
  const notes = kase.notes.filter((n) => n.stepId === step.id);
  const stateText = state === "done" ? p.done : state === "now" ? p.now : p.locked;
  return (
    <li class={`b-step is-${state} ${isLaw ? "is-law" : ""}`} aria-current={state === "now" ? "step" : undefined}>
      <span class="b-step-marker" aria-hidden="true">
        {state === "done" ? <Icon name="check" size={20} /> : state === "locked" ? <Icon name="lock" size={18} /> : number}
      </span>
      <div class="b-step-body">
        <p class="b-step-meta">
          <span>{p.stepOf(number, total)}</span>
          <span class="b-step-state">{stateText}</span>
          {isLaw ? (
            <span class="b-lawtag">
              <Icon name="law" size={16} /> {p.lawLast}
            </span>
          ) : null}
        </p>
        <h4 class="b-step-title">{step.title}</h4>
        {state === "now" ? (
          <>
            <p class="b-step-prompt">{step.prompt}</p>
            <Notes notes={notes} />
            <NoteForm key={`${kase.id}:${step.id}`} conn={conn} snap={snap} kase={kase} step={step} label={p.noteLabel} />
            {leads ? null : <p class="b-advance-wait small">{p.waitForLeader(isLaw)}</p>}
          </>
        ) : state === "done" ? (
          <details class="b-step-done">
            <summary>{p.showNotes(notes.length)}</summary>
            <p class="small muted">{step.prompt}</p>
            <Notes notes={notes} />
            <NoteForm key={`${kase.id}:${step.id}`} conn={conn} snap={snap} kase={kase} step={step} label={p.noteLabelEarlier(step.title)} />
          </details>
        ) : null}
      </div>
    </li>
  );
}

function Notes({ notes }: { notes: CaseView["notes"] }) {
  const p = t.board.path;
  if (notes.length === 0) return <p class="small muted">{p.noNotes}</p>;
  return (
    <ul class="b-notes" aria-label={p.notesCount(notes.length)}>
      {notes.map((n) => (
        <li key={n.id}>
          <Author role={n.role} />
          <p>{n.text}</p>
        </li>
      ))}
    </ul>
  );
}

/** A note's author as a game role, or the spelleider (who has no game role). */
export function Author({ role }: { role: CaseView["notes"][number]["role"] }) {
  if (role) return <RoleChip role={role} />;
  return (
    <span class="role-chip b-leader-chip">
      <span class="icon">
        <Icon name="flag" size={16} />
      </span>
      <span>{t.board.casustoets.spelleider}</span>
    </span>
  );
}

function NoteForm({ conn, snap, kase, step, label }: { conn: Connection; snap: Snapshot; kase: CaseView; step: ToetsStep; label: string }) {
  const p = t.board.path;
  const [text, setText, clearIfStill] = useKeptText(`${snap.session.sessionId}:toets:${kase.id}:${step.id}`);
  // One id per note being written, so a re-send never adds it twice.
  const [noteId, setNoteId] = useState(() => newId("n"));
  const [run, state] = useCommand(conn);
  const fieldId = `notitie-${kase.id}-${step.id}`;
  return (
    <form
      class="b-noteform"
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await run({ type: "toets.note", noteId, caseId: kase.id, stepId: step.id, text: text.trim() });
        if (result.ok) {
          clearIfStill(text);
          setNoteId(newId("n"));
        }
      }}
    >
      <TextField id={fieldId} label={label} hint={p.noteHint} value={text} onInput={setText} max={LIMITS.note} rows={2} />
      <button type="submit" class="secondary">
        {p.addNote}
      </button>
      <CommandStatus state={state} />
    </form>
  );
}

function Advance({ conn, kase, stepNumber, total }: { conn: Connection; kase: CaseView; stepNumber: number; total: number }) {
  const p = t.board.path;
  const [run, state] = useCommand(conn);
  const last = stepNumber === total;
  const first = stepNumber === 1;
  return (
    <div class="b-advance">
      <div class="b-advance-buttons">
        <span class="b-advance-at">{p.stepOf(stepNumber, total)}</span>
        <button
          type="button"
          disabled={state.kind === "pending"}
          onClick={() => void run({ type: "toets.advance", caseId: kase.id, fromStep: kase.stepIndex })}
          aria-describedby={`verder-${kase.id}-hint`}
        >
          {last ? p.finish : p.next}
        </button>
        {first ? null : <StepBack conn={conn} kase={kase} />}
      </div>
      <p class="hint" id={`verder-${kase.id}-hint`}>
        {p.nextHint}
      </p>
      <CommandStatus state={state} />
    </div>
  );
}

/** One step back, when the group moved on too soon: the notes stay. */
function StepBack({ conn, kase }: { conn: Connection; kase: CaseView }) {
  const p = t.board.path;
  const [run, state] = useCommand(conn);
  return (
    <>
      <button type="button" class="secondary" disabled={state.kind === "pending"} onClick={() => void run({ type: "toets.back", caseId: kase.id, fromStep: kase.stepIndex })}>
        {p.back}
      </button>
      <CommandStatus state={state} />
    </>
  );
}
