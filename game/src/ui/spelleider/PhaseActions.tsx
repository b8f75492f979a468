/** The spelleider's move that belongs to this phase: make the round's eisen visible, or show the vote's result. */
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { hasTables, roundRevealed } from "../phases/parts/tafel/tafels.ts";

export function PhaseActions({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const { phase, votesRevealed } = snap.session;
  if (phase.kind === "rolwissel") {
    // With tafels this reveals every tafel at once; single tafels are revealed in the tafeloverzicht.
    const revealed = roundRevealed(snap, phase.roundId);
    const a = hasTables(snap) ? { label: t.tafels.actions.revealAll, hint: t.tafels.actions.revealAllHint, done: t.tafels.actions.allRevealed } : { label: t.console.actions.reveal, hint: t.console.actions.revealHint, done: t.console.actions.revealed };
    return <RevealAction conn={conn} done={revealed} command="eisen.reveal" label={a.label} hint={a.hint} doneText={a.done} />;
  }
  if (phase.kind === "prioriteren") {
    return (
      <RevealAction conn={conn} done={votesRevealed} command="votes.reveal" label={t.console.actions.votesReveal} hint={t.console.actions.votesRevealHint} doneText={t.console.actions.votesRevealed} />
    );
  }
  return null;
}

function RevealAction(props: { conn: Connection; done: boolean; command: "eisen.reveal" | "votes.reveal"; label: string; hint: string; doneText: string }) {
  const [run, state] = useCommand(props.conn);
  return (
    <section class="card stack phase-actions" aria-labelledby="actie-kop">
      <h2 id="actie-kop">{t.console.actions.heading}</h2>
      {props.done ? (
        <p class="revealed-note">
          <span aria-hidden="true">✓ </span>
          {props.doneText}
        </p>
      ) : (
        <>
          <button type="button" onClick={() => run({ type: props.command })}>
            {props.label}
          </button>
          <p class="hint">{props.hint}</p>
        </>
      )}
      <CommandStatus state={state} />
    </section>
  );
}
