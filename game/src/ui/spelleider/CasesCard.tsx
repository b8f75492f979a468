/** Cases: add one a participant brought in (any phase), and in the casustoets choose which one the group discusses. */
import { useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { CaseView, ProposalView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { tablesLabel, tablesOfCase } from "../phases/parts/tafel/tafels.ts";
import { CaseForm } from "./CaseForm.tsx";
import { ConfirmDialog } from "./ConfirmDialog.tsx";

export function CasesCard({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const c = t.console.cases;
  const [formOpen, setFormOpen] = useState(false);
  const [added, setAdded] = useState(false);
  const inToets = snap.session.phase.kind === "casustoets";
  return (
    <section class="card stack" aria-labelledby="casussen-kop">
      <h2 id="casussen-kop">{c.heading}</h2>
      {inToets ? <CasePicker conn={conn} snap={snap} /> : <p class="hint">{c.addHint}</p>}
      {inToets ? <Proposals conn={conn} snap={snap} /> : null}
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setAdded(false);
          setFormOpen(true);
        }}
      >
        + {c.add}
      </button>
      <p class="state done" role="status">
        {added ? t.console.caseForm.added : ""}
      </p>
      <CaseForm
        conn={conn}
        snap={snap}
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onAdded={() => {
          setAdded(true);
          setFormOpen(false);
        }}
      />
    </section>
  );
}

/** The phase's cases first, then cases brought in live, then the scenario's other cases. */
export function orderedCases(snap: Snapshot): CaseView[] {
  const planned = snap.session.phase.caseIds;
  const rank = (x: CaseView) => (planned.includes(x.id) ? planned.indexOf(x.id) : x.source === "live" ? 100 : 200);
  return [...snap.cases].sort((a, b) => rank(a) - rank(b));
}

function CasePicker({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const c = t.console.cases;
  const tc = t.tafels.cases;
  const [run, state] = useCommand(conn);
  const steps = snap.scenario.omgekeerdeToets.length;
  // With tafels, opening here is for every tafel at once; each tafel's own case is chosen in the tafeloverzicht.
  const tafels = snap.session.tables.length > 0;
  const perTable = snap.session.caseByTable.length > 0;
  return (
    <div class="stack case-picker">
      <p class="small muted" id="casus-keuze">{tafels ? tc.pickerLabel : c.pickerLabel}</p>
      <ul class="case-list" aria-labelledby="casus-keuze">
        {orderedCases(snap).map((x) => {
          const current = !perTable && x.id === snap.session.currentCaseId;
          const at = perTable ? tablesOfCase(snap, x.id) : [];
          return (
            <li key={x.id} class={`case-row ${current || at.length > 0 ? "current" : ""}`}>
              <span class="case-text">
                <span class="case-title">{x.title}</span>
                <span class="small muted">
                  {x.votes > 0 ? `${t.console.proposals.votes(x.votes)} · ` : ""}
                  {x.source === "live" ? `${c.live} · ` : ""}
                  {x.decision ? c.decided : c.progress(x.stepIndex, steps)}
                  {at.length > 0 ? ` · ${tc.openAt(tablesLabel(snap, at))}` : ""}
                </span>
              </span>
              {current ? (
                <strong class="small case-open">{c.isOpen}</strong>
              ) : (
                <button
                  type="button"
                  class="secondary small-button"
                  aria-label={tafels ? tc.openAllLabel(x.title) : c.openLabel(x.title)}
                  onClick={() => run({ type: "case.open", caseId: x.id })}
                >
                  {tafels ? tc.openAll : c.open}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {snap.cases.some((x) => x.votes > 0) ? (
        <button type="button" onClick={() => run({ type: "case.choose" })}>
          {t.console.proposals.choose}
        </button>
      ) : null}
      <CommandStatus state={state} />
    </div>
  );
}

/**
 * Cases participants brought in from their phones: the spelleider sees who brought what (the group does not), opens
 * one in the case form to edit it, and admits it; from then on the group can vote for it. Or turns it down (case.decline),
 * with an optional reason: its author reads "niet gekozen" and the reason, and may bring in another.
 */
function Proposals({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const p = t.console.proposals;
  const [reviewing, setReviewing] = useState<ProposalView | null>(null);
  const [admitted, setAdmitted] = useState(false);
  // Turning a case down: asked first, with an optional short reason that only its author reads.
  const [declining, setDeclining] = useState<ProposalView | null>(null);
  const [reason, setReason] = useState("");
  const [runDecline, declineState] = useCommand(conn);
  const decline = async () => {
    if (!declining) return;
    const trimmed = reason.trim();
    const result = await runDecline({ type: "case.decline", caseId: declining.caseId, ...(trimmed ? { reason: trimmed } : {}) });
    if (result.ok) {
      setDeclining(null);
      setReason("");
    }
  };
  const proposals = snap.people.flatMap((person) => person.proposals.map((proposal) => ({ proposal, name: person.displayName })));
  return (
    <div class="stack proposals">
      <h3 class="small-heading">{p.heading}</h3>
      {proposals.length === 0 ? <p class="hint">{p.none}</p> : null}
      <ul class="case-list">
        {proposals.map(({ proposal, name }) => (
          <li key={proposal.caseId} class="case-row">
            <span class="case-text">
              <span class="case-title">{proposal.title}</span>
              <span class="small muted">
                {p.by(name)}
                {proposal.admitted ? ` · ${p.admitted}` : proposal.declined ? ` · ${p.declined}` : ""}
              </span>
            </span>
            {proposal.admitted || proposal.declined ? null : (
              <span class="row">
                <button
                  type="button"
                  class="secondary small-button"
                  aria-label={p.reviewLabel(proposal.title)}
                  onClick={() => {
                    setAdmitted(false);
                    setReviewing(proposal);
                  }}
                >
                  {p.review}
                </button>
                <button
                  type="button"
                  class="quiet small-button"
                  aria-label={p.declineLabel(proposal.title)}
                  onClick={() => {
                    setReason("");
                    setDeclining(proposal);
                  }}
                >
                  {p.decline}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <p class="state done" role="status">
        {admitted ? t.console.caseForm.admitted : ""}
      </p>
      {declining ? null : <CommandStatus state={declineState} />}
      <ConfirmDialog open={declining !== null} title={p.declineTitle} confirmLabel={p.declineConfirm} onConfirm={() => void decline()} onClose={() => setDeclining(null)}>
        <p>{declining ? p.declineBody(declining.title) : ""}</p>
        <div class="field">
          <label for="casus-afwijzen-reden">{p.declineReason}</label>
          <input
            id="casus-afwijzen-reden"
            maxLength={LIMITS.declineReason}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </div>
        {declining ? <CommandStatus state={declineState} /> : null}
      </ConfirmDialog>
      {reviewing ? (
        <CaseForm
          key={reviewing.caseId}
          conn={conn}
          snap={snap}
          proposal={reviewing}
          open
          onClose={() => setReviewing(null)}
          onAdded={() => {
            setAdmitted(true);
            setReviewing(null);
          }}
        />
      ) : null}
    </div>
  );
}
