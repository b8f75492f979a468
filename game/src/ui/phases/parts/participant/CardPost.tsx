/** Posting one short, anonymous card on a prompt. The text is kept in the browser until the server has it. */
import { LIMITS } from "#shared/protocol/ids.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { fieldId } from "./lookup.ts";

export function CardPost({ conn, snap, promptId }: { conn: Connection; snap: Snapshot; promptId: string }) {
  const [text, setText, clearIfStill] = useKeptText(`${snap.session.sessionId}:kaartje:${promptId}`);
  const [run, state] = useCommand(conn);
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await run({ type: "card.post", cardId: newId("k"), promptId, text });
    if (result.ok) clearIfStill(text);
  };
  return (
    <form class="p-post" onSubmit={submit}>
      <TextField id={fieldId("kaartje", promptId)} label={t.participant.beeldvorming.newCard} value={text} onInput={setText} max={LIMITS.card} rows={2} />
      <div class="row p-actions">
        <button type="submit" disabled={state.kind === "pending"}>{t.participant.beeldvorming.post}</button>
        <CommandStatus state={state} />
      </div>
    </form>
  );
}
