/**
 * The quick vote on which case the group tests next: the cases of this casustoets and those admitted from the room that
 * have no decision yet, each with its count (anonymous). A participant votes (one vote, again to move it, or takes it
 * back); the spelleider sees the counts and closes the vote here or in the console, which opens the winner for everyone.
 */
import type { CaseView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/cases.css";
import { CommandStatus } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";
import { phaseCases } from "./CaseList.tsx";

export const choosable = (snap: Snapshot): CaseView[] => phaseCases(snap).filter((c) => c.decision === null);

/**
 * `canClose`: the spelleider's screen, where the vote is closed right under the counts (the console's case list has the
 * same button, below the first screen at 1366x900 in the casustoets).
 */
export function CaseVote({ conn, snap, canVote, canClose = false }: { conn: Connection; snap: Snapshot; canVote: boolean; canClose?: boolean }) {
  const v = t.board.vote;
  const [run, state] = useCommand(conn);
  const cases = choosable(snap);
  const myVote = snap.mine?.caseVote ?? null;
  // Nothing to choose yet: only the case that is open already (a case brought in and admitted makes it a choice).
  if (!cases.some((c) => c.id !== snap.session.currentCaseId)) return null;
  return (
    <section class="card stack b-casevote" aria-labelledby="casus-stem-titel">
      <h3 id="casus-stem-titel">{v.title}</h3>
      <p class="small">{canVote ? v.intro : v.introSpelleider}</p>
      <ul class="b-casevote-list">
        {cases.map((c) => {
          const mine = myVote === c.id;
          return (
            <li key={c.id} class={`b-casevote-row ${mine ? "is-mine" : ""}`}>
              <span class="b-casevote-title">
                {c.title}
                {c.source === "live" ? <span class="small muted"> · {t.board.casustoets.live}</span> : null}
              </span>
              <span class="b-casevote-count" aria-label={t.board.cases.votes(c.votes)}>
                {t.board.cases.votes(c.votes)}
              </span>
              {canVote ? (
                mine ? (
                  <button type="button" class="secondary small-button" aria-pressed="true" onClick={() => run({ type: "case.vote", caseId: null })}>
                    {v.yours} · {v.withdraw}
                  </button>
                ) : (
                  <button type="button" class="small-button" aria-label={v.voteLabel(c.title)} onClick={() => run({ type: "case.vote", caseId: c.id })}>
                    {v.vote}
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      {canClose && cases.some((c) => c.votes > 0) ? (
        <div class="row">
          <button type="button" onClick={() => run({ type: "case.choose" })}>
            {t.console.proposals.choose}
          </button>
        </div>
      ) : null}
      <CommandStatus state={state} />
    </section>
  );
}
