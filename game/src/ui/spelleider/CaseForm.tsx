/**
 * Adding a case a participant brought in, or admitting one a participant put forward from their phone, as a modal form. The texts are kept in the browser until the case is
 * added. A line asks to leave personal data out, and a live warning names what looks like personal data, with the
 * same check the server makes (shared/personalData.ts). When the server stops the case for it, the spelleider
 * either goes back to editing or confirms that the data are made up, which sends the case again with that promise.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CaseDraft } from "#shared/protocol/commands.ts";
import type { ProposalView } from "#shared/protocol/views.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import { describePersonalData, findPersonalData, type PersonalDataKind, type PersonalDataMatch } from "#shared/personalData.ts";
import { newId, type Connection, type Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus, TextField } from "../common.tsx";
import { useCommand, useKeptText } from "../hooks.ts";

/** The server's "persoonsgegevens" rejection, for exactly these texts: editing them puts the form back. */
interface Stopped {
  draft: CaseDraft;
  texts: string;
  message: string;
}

/**
 * `proposal`: a case a participant brought in, shown filled in to edit and admit (case.admit) instead of adding a new
 * case (case.add).
 */
export function CaseForm({
  conn,
  snap,
  open,
  onClose,
  onAdded,
  proposal,
}: {
  conn: Connection;
  snap: Snapshot;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
  proposal?: ProposalView;
}) {
  const f = t.console.caseForm;
  const idp = proposal ? "toelaten" : "casus";
  const key = proposal ? `${snap.session.sessionId}:toelaten:${proposal.caseId}` : `${snap.session.sessionId}:casus`;
  const [title, setTitle] = useKeptText(`${key}:titel`, proposal?.title);
  const [situation, setSituation] = useKeptText(`${key}:situatie`, proposal?.situation);
  const [effect, setEffect] = useKeptText(`${key}:effect`, proposal?.effectWanted);
  const [dilemma, setDilemma] = useKeptText(`${key}:dilemma`, proposal?.dilemma);
  const [rules, setRules] = useKeptText(`${key}:regels`, proposal?.rules);
  const [afloop, setAfloop] = useKeptText(`${key}:afloop`, proposal?.afloop);
  const [run, state, reset] = useCommand(conn);
  const [stopped, setStopped] = useState<Stopped | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      reset();
      setStopped(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Field by field, so the form can point at the first field that holds something.
  const fields = [
    { id: `${idp}-titel`, found: findPersonalData(title) },
    { id: `${idp}-situatie`, found: findPersonalData(situation) },
    { id: `${idp}-effect`, found: findPersonalData(effect) },
    { id: `${idp}-dilemma`, found: findPersonalData(dilemma) },
    { id: `${idp}-regels`, found: findPersonalData(rules) },
    { id: `${idp}-afloop`, found: findPersonalData(afloop) },
  ];
  const found = fields.flatMap((field) => field.found);
  const texts = [title, situation, effect, dilemma, rules, afloop].join("\n");
  const asking = stopped !== null && stopped.texts === texts;

  // The choice appears where the buttons were: take the keyboard focus along to it.
  useEffect(() => {
    if (asking) editRef.current?.focus();
  }, [asking]);

  const send = async (draft: CaseDraft, confirmPersonalData: boolean) => {
    const confirm = confirmPersonalData ? { confirmPersonalData } : {};
    const result = await run(proposal ? { type: "case.admit", caseId: proposal.caseId, draft, ...confirm } : { type: "case.add", caseId: newId("c"), draft, ...confirm });
    if (result.ok) {
      setStopped(null);
      for (const clear of [setTitle, setSituation, setEffect, setDilemma, setRules, setAfloop]) clear("");
      onAdded();
    } else if (result.code === "persoonsgegevens") {
      // Shown with its two choices below instead of as a plain status line.
      reset();
      setStopped({ draft, texts, message: result.message });
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const draft: CaseDraft = { title: title.trim(), situation: situation.trim(), effectWanted: effect.trim() };
    if (dilemma.trim()) draft.dilemma = dilemma.trim();
    if (rules.trim()) draft.rules = rules.trim();
    if (afloop.trim()) draft.afloop = afloop.trim();
    void send(draft, false);
  };

  const backToEditing = () => {
    setStopped(null);
    const first = fields.find((field) => field.found.length > 0)?.id ?? `${idp}-titel`;
    document.getElementById(first)?.focus();
  };

  return (
    <dialog ref={ref} class="console-dialog case-dialog" aria-labelledby={`${idp}-form-kop`} onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <h2 id={`${idp}-form-kop`}>{proposal ? f.admitTitle : f.title}</h2>
        {proposal ? <p>{f.admitIntro}</p> : null}
        <p class="privacy-note" id={`${idp}-privacy`}>{f.privacy}</p>
        <div class="field">
          <label for={`${idp}-titel`}>{f.caseTitle}</label>
          <input id={`${idp}-titel`} maxLength={100} value={title} onInput={(e) => setTitle(e.currentTarget.value)} aria-describedby={`${idp}-privacy`} />
        </div>
        <TextField id={`${idp}-situatie`} label={f.situation} value={situation} onInput={setSituation} max={LIMITS.caseText} rows={4} />
        <TextField id={`${idp}-effect`} label={f.effectWanted} value={effect} onInput={setEffect} max={600} rows={2} />
        <TextField id={`${idp}-dilemma`} label={f.dilemma} value={dilemma} onInput={setDilemma} max={600} rows={2} />
        <TextField id={`${idp}-regels`} label={f.rules} value={rules} onInput={setRules} max={600} rows={2} />
        <TextField id={`${idp}-afloop`} label={f.afloop} value={afloop} onInput={setAfloop} max={LIMITS.afloop} rows={3} />
        <p class="privacy-warning" aria-live="polite">
          {found.length > 0 && !asking ? f.warning(describeFinds(found)) : ""}
        </p>
        {asking ? (
          <div class="privacy-note stack" role="alert">
            <p>{stopped.message}</p>
            <div class="row">
              <button type="button" ref={editRef} onClick={backToEditing}>
                {f.edit}
              </button>
              <button type="button" class="secondary" onClick={() => void send(stopped.draft, true)}>
                {proposal ? f.admitAnyway : f.confirmAnyway}
              </button>
            </div>
          </div>
        ) : (
          <div class="row dialog-actions">
            <button type="submit">{proposal ? f.admitSubmit : f.submit}</button>
            <button type="button" class="secondary" onClick={onClose}>
              {f.cancel}
            </button>
          </div>
        )}
        <CommandStatus state={state} />
      </form>
    </dialog>
  );
}

/** "een telefoonnummer (06-12345678) en een e-mailadres (a@b.nl)": each kind once, with what was found. */
function describeFinds(found: readonly PersonalDataMatch[]): string {
  const byKind = new Map<PersonalDataKind, string[]>();
  for (const item of found) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.match]);
  const f = t.console.caseForm;
  return f.list([...byKind].map(([kind, matches]) => f.foundItem(describePersonalData(kind), [...new Set(matches)])));
}
