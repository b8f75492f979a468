/**
 * Adding a case a participant brought in, as a modal form. The texts are kept in the browser until the case is
 * added, and a line (plus a live warning) asks to leave personal data out.
 */
import { useEffect, useRef } from "preact/hooks";
import type { CaseDraft } from "../../../../server/protocol/commands.ts";
import { LIMITS } from "../../../../server/protocol/ids.ts";
import { newId, type Connection, type Snapshot } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { CommandStatus, TextField } from "../common.tsx";
import { useCommand, useKeptText } from "../hooks.ts";
import { findPersonalData } from "./privacy.ts";

export function CaseForm({ conn, snap, open, onClose, onAdded }: { conn: Connection; snap: Snapshot; open: boolean; onClose: () => void; onAdded: () => void }) {
  const f = t.console.caseForm;
  const key = `${snap.session.sessionId}:casus`;
  const [title, setTitle] = useKeptText(`${key}:titel`);
  const [situation, setSituation] = useKeptText(`${key}:situatie`);
  const [effect, setEffect] = useKeptText(`${key}:effect`);
  const [dilemma, setDilemma] = useKeptText(`${key}:dilemma`);
  const [run, state, reset] = useCommand(conn);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      reset();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const found = findPersonalData([title, situation, effect, dilemma].join("\n"));

  const submit = async (e: Event) => {
    e.preventDefault();
    const draft: CaseDraft = { title: title.trim(), situation: situation.trim(), effectWanted: effect.trim() };
    if (dilemma.trim()) draft.dilemma = dilemma.trim();
    const result = await run({ type: "case.add", caseId: newId("c"), draft });
    if (result.ok) {
      for (const clear of [setTitle, setSituation, setEffect, setDilemma]) clear("");
      onAdded();
    }
  };

  return (
    <dialog ref={ref} class="console-dialog case-dialog" aria-labelledby="casus-form-kop" onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <h2 id="casus-form-kop">{f.title}</h2>
        <p class="privacy-note" id="casus-privacy">{f.privacy}</p>
        <div class="field">
          <label for="casus-titel">{f.caseTitle}</label>
          <input id="casus-titel" maxLength={100} value={title} onInput={(e) => setTitle(e.currentTarget.value)} aria-describedby="casus-privacy" />
        </div>
        <TextField id="casus-situatie" label={f.situation} value={situation} onInput={setSituation} max={LIMITS.caseText} rows={4} />
        <TextField id="casus-effect" label={f.effectWanted} value={effect} onInput={setEffect} max={600} rows={2} />
        <TextField id="casus-dilemma" label={f.dilemma} value={dilemma} onInput={setDilemma} max={600} rows={2} />
        <p class="privacy-warning" aria-live="polite">
          {found.length > 0 ? f.warning(found.map((kind) => f.found[kind]).join(", ")) : ""}
        </p>
        <div class="row dialog-actions">
          <button type="submit">{f.submit}</button>
          <button type="button" class="secondary" onClick={onClose}>
            {f.cancel}
          </button>
        </div>
        <CommandStatus state={state} />
      </form>
    </dialog>
  );
}
