/**
 * Cases from the room (seed 002, stap 3): a participant brings in a case from their own practice, short: the situation,
 * what the inwoner wants, what the rules say, and what really happened if they know. The personal-data check the server
 * makes (shared/personalData.ts) runs as they type and holds the button back while it finds something; the server
 * refuses it too. Their own cases stay listed with where they are: waiting for the spelleider, admitted, or not chosen
 * (with the spelleider's reason, if any: for them only). Nobody else
 * in the group sees who brought a case in.
 */
import { useEffect, useState } from "preact/hooks";
import { describePersonalData, findPersonalData, type PersonalDataKind, type PersonalDataMatch } from "#shared/personalData.ts";
import type { CaseDraft } from "#shared/protocol/commands.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { ProposalView } from "#shared/protocol/views.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/cases.css";
import { CommandStatus, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";

export function CaseBringIn({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const b = t.board.bringIn;
  const mine = snap.people[0]?.proposals ?? [];
  const [editing, setEditing] = useState<ProposalView | null>(null);
  const [sent, setSent] = useState(false);
  // "Je casus is ingebracht" no longer holds once the spelleider turned a case down: the list says what happened.
  const declinedCount = mine.filter((p) => p.declined).length;
  useEffect(() => setSent(false), [declinedCount]);
  // A case the spelleider did not choose does not count toward the limit (docs/decisions.md, "Cases from the room").
  const full = mine.filter((p) => !p.declined).length >= LIMITS.proposalsPerParticipant && editing === null;
  return (
    <section class="card stack p-bringin" aria-labelledby="inbreng-kop">
      <h3 id="inbreng-kop">{b.title}</h3>
      <p class="small">{b.intro}</p>
      {mine.length > 0 ? (
        <div class="stack">
          <h4>{b.mine}</h4>
          <ul class="p-bringin-list">
            {mine.map((p) => (
              <li key={p.caseId} class={`p-bringin-row ${p.admitted ? "is-admitted" : ""} ${p.declined ? "is-declined" : ""}`}>
                <span class="p-bringin-title">{p.title}</span>
                <span class="small">{p.admitted ? b.admitted : p.declined ? b.declined : b.waiting}</span>
                {p.declined && p.declineReason ? <span class="small p-bringin-reason">{b.declineReason(p.declineReason)}</span> : null}
                {p.admitted || p.declined || editing?.caseId === p.caseId ? null : (
                  <button type="button" class="secondary small-button" onClick={() => setEditing(p)}>
                    {b.edit}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="state done" role="status">
        {sent ? b.sent : ""}
      </p>
      {full ? (
        <p class="small muted">{b.full}</p>
      ) : (
        <BringInForm
          key={editing?.caseId ?? "nieuw"}
          conn={conn}
          snap={snap}
          editing={editing}
          onSent={() => {
            setSent(true);
            setEditing(null);
          }}
          onCancel={editing ? () => setEditing(null) : null}
          onTyping={() => setSent(false)}
        />
      )}
    </section>
  );
}

function BringInForm({
  conn,
  snap,
  editing,
  onSent,
  onCancel,
  onTyping,
}: {
  conn: Connection;
  snap: Snapshot;
  editing: ProposalView | null;
  onSent: () => void;
  onCancel: (() => void) | null;
  onTyping: () => void;
}) {
  const b = t.board.bringIn;
  const key = `${snap.session.sessionId}:inbreng:${editing?.caseId ?? "nieuw"}`;
  const [title, setTitle] = useKeptText(`${key}:titel`, editing?.title);
  const [situation, setSituation] = useKeptText(`${key}:situatie`, editing?.situation);
  const [effect, setEffect] = useKeptText(`${key}:effect`, editing?.effectWanted);
  const [rules, setRules] = useKeptText(`${key}:regels`, editing?.rules);
  const [afloop, setAfloop] = useKeptText(`${key}:afloop`, editing?.afloop);
  const [run, state] = useCommand(conn);
  const typing = (set: (v: string) => void) => (v: string) => {
    set(v);
    onTyping();
  };
  const fields = [
    { id: "inbreng-titel", found: findPersonalData(title) },
    { id: "inbreng-situatie", found: findPersonalData(situation) },
    { id: "inbreng-effect", found: findPersonalData(effect) },
    { id: "inbreng-regels", found: findPersonalData(rules) },
    { id: "inbreng-afloop", found: findPersonalData(afloop) },
  ];
  const found = fields.flatMap((f) => f.found);
  const blocked = found.length > 0;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (blocked) {
      document.getElementById(fields.find((f) => f.found.length > 0)?.id ?? "inbreng-titel")?.focus();
      return;
    }
    const draft: CaseDraft = { title: title.trim(), situation: situation.trim(), effectWanted: effect.trim() };
    if (rules.trim()) draft.rules = rules.trim();
    if (afloop.trim()) draft.afloop = afloop.trim();
    const result = await run({ type: "case.propose", caseId: editing?.caseId ?? newId("inbreng"), draft });
    if (result.ok) {
      for (const clear of [setTitle, setSituation, setEffect, setRules, setAfloop]) clear("");
      onSent();
    }
  };
  return (
    <form class="stack" onSubmit={submit}>
      <p class="p-privacy" id="inbreng-privacy">
        {b.privacy}
      </p>
      <div class="field">
        <label for="inbreng-titel">{b.caseTitle}</label>
        <input id="inbreng-titel" maxLength={100} value={title} onInput={(e) => typing(setTitle)(e.currentTarget.value)} aria-describedby="inbreng-privacy" />
      </div>
      <FieldFinds found={fields[0]?.found ?? []} />
      <TextField id="inbreng-situatie" label={b.situation} hint={b.situationHint} value={situation} onInput={typing(setSituation)} max={LIMITS.caseText} rows={4} />
      <FieldFinds found={fields[1]?.found ?? []} />
      <TextField id="inbreng-effect" label={b.effectWanted} value={effect} onInput={typing(setEffect)} max={600} rows={2} />
      <FieldFinds found={fields[2]?.found ?? []} />
      <TextField id="inbreng-regels" label={b.rules} hint={b.rulesHint} value={rules} onInput={typing(setRules)} max={600} rows={2} />
      <FieldFinds found={fields[3]?.found ?? []} />
      <TextField id="inbreng-afloop" label={b.afloop} hint={b.afloopHint} value={afloop} onInput={typing(setAfloop)} max={LIMITS.afloop} rows={2} />
      <FieldFinds found={fields[4]?.found ?? []} />
      <p class="p-privacy-warning" role="alert">
        {blocked ? b.blocked(describeFinds(found)) : ""}
      </p>
      <div class="row">
        <button type="submit" aria-disabled={blocked ? "true" : undefined}>
          {editing ? b.change : b.submit}
        </button>
        {onCancel ? (
          <button type="button" class="secondary" onClick={onCancel}>
            {b.cancelEdit}
          </button>
        ) : null}
      </div>
      <CommandStatus state={state} />
    </form>
  );
}

/** Right under the field that holds it, so a phone shows it where the participant is typing. */
function FieldFinds({ found }: { found: readonly PersonalDataMatch[] }) {
  if (found.length === 0) return null;
  return <p class="p-privacy-field">{t.board.bringIn.inField(describeFinds(found))}</p>;
}

/** "een BSN (123456782) en een e-mailadres (a@b.nl)": each kind once, with what was found (only the author sees it). */
function describeFinds(found: readonly PersonalDataMatch[]): string {
  const byKind = new Map<PersonalDataKind, string[]>();
  for (const item of found) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.match]);
  const f = t.console.caseForm;
  return f.list([...byKind].map(([kind, matches]) => f.foundItem(describePersonalData(kind), [...new Set(matches)])));
}
