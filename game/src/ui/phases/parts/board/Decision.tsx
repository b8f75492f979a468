/** The group's decision for the case, with what it costs now and later (toets.decide); the saved one stays in view. */
import { useState } from "preact/hooks";
import { COST_LEVELS, LIMITS, type CostLevel } from "#shared/protocol/ids.ts";
import type { CaseView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { COST_NAMES, t } from "#shared/strings/index.ts";
import { CommandStatus, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";

export function Decision({ conn, snap, kase }: { conn: Connection; snap: Snapshot; kase: CaseView }) {
  const d = t.board.decision;
  const [editing, setEditing] = useState(false);
  const saved = kase.decision;
  return (
    <section class="card b-decision" aria-labelledby="besluit-titel">
      <h3 id="besluit-titel">{d.title}</h3>
      {saved ? (
        <div class="b-saved">
          <p class="b-kicker">{d.saved}</p>
          <p class="b-saved-text">{saved.decision}</p>
          <p class="small">{d.costs(COST_NAMES[saved.costNow], COST_NAMES[saved.costLater])}</p>
          {saved.costNote ? <p class="small muted">{saved.costNote}</p> : null}
          {editing ? null : (
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              {d.update}
            </button>
          )}
        </div>
      ) : null}
      {!saved || editing ? <DecisionForm key={kase.id} conn={conn} snap={snap} kase={kase} onSaved={() => setEditing(false)} onCancel={saved ? () => setEditing(false) : null} /> : null}
    </section>
  );
}

function DecisionForm({ conn, snap, kase, onSaved, onCancel }: { conn: Connection; snap: Snapshot; kase: CaseView; onSaved: () => void; onCancel: (() => void) | null }) {
  const d = t.board.decision;
  const saved = kase.decision;
  const base = `${snap.session.sessionId}:besluit:${kase.id}`;
  const [decision, setDecision] = useKeptText(base, saved?.decision ?? "");
  const [costNote, setCostNote] = useKeptText(`${base}:kosten`, saved?.costNote ?? "");
  const [costNow, setCostNow] = useState<CostLevel>(saved?.costNow ?? "onbekend");
  const [costLater, setCostLater] = useState<CostLevel>(saved?.costLater ?? "onbekend");
  const [run, state] = useCommand(conn);
  return (
    <form
      class="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        const note = costNote.trim();
        const result = await run({ type: "toets.decide", caseId: kase.id, decision: decision.trim(), costNow, costLater, ...(note ? { costNote: note } : {}) });
        if (result.ok) {
          setDecision("");
          setCostNote("");
          onSaved();
        }
      }}
    >
      <TextField id={`besluit-${kase.id}`} label={d.text} hint={d.textHint} value={decision} onInput={setDecision} max={LIMITS.note} rows={3} />
      <div class="b-costs">
        <CostGroup name={`kosten-nu-${kase.id}`} legend={d.costNow} value={costNow} onChange={setCostNow} />
        <CostGroup name={`kosten-later-${kase.id}`} legend={d.costLater} value={costLater} onChange={setCostLater} />
      </div>
      <TextField id={`kosten-toelichting-${kase.id}`} label={d.costNote} hint={d.costNoteHint} value={costNote} onInput={setCostNote} max={LIMITS.note} rows={2} />
      <div class="row">
        <button type="submit">{saved ? d.update : d.submit}</button>
        {onCancel ? (
          <button type="button" class="secondary" onClick={onCancel}>
            {t.common.cancel}
          </button>
        ) : null}
      </div>
      <CommandStatus state={state} />
    </form>
  );
}

function CostGroup({ name, legend, value, onChange }: { name: string; legend: string; value: CostLevel; onChange: (level: CostLevel) => void }) {
  return (
    <fieldset class="b-radios">
      <legend>{legend}</legend>
      {COST_LEVELS.map((level) => (
        <label key={level} class={`b-radio ${value === level ? "is-on" : ""}`}>
          <input type="radio" name={name} value={level} checked={value === level} onChange={() => onChange(level)} />
          <span>{COST_NAMES[level]}</span>
        </label>
      ))}
    </fieldset>
  );
}
