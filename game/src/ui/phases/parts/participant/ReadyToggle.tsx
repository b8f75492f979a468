/** "Ik ben klaar": a toggle the spelleider tracks; it is a signal, not a gate, so the participant can go on working. */
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";

export function ReadyToggle({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const [run, state] = useCommand(conn);
  const ready = snap.people[0]?.ready ?? false;
  return (
    <div class="p-ready">
      <button type="button" class={ready ? "p-ready-button" : "secondary p-ready-button"} aria-pressed={ready} aria-describedby={ready ? undefined : "p-ready-hint"} onClick={() => void run({ type: "participant.ready", ready: !ready })}>
        <span class="p-check" aria-hidden="true">{ready ? "✓" : ""}</span>
        {t.common.ready}
      </button>
      <div class="p-ready-text">
        {ready ? <p class="small p-ready-done">{t.common.readyDone}</p> : <p class="small muted p-ready-hint" id="p-ready-hint">{t.participant.ready.hint}</p>}
        <CommandStatus state={state} />
      </div>
    </div>
  );
}
