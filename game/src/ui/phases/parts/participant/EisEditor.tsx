/** Writing a new eis: category, text (kept in the browser until the server has it), "Toevoegen". */
import { LIMITS } from "#shared/protocol/ids.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { CategoryField } from "./CategoryField.tsx";
import { fieldId } from "./lookup.ts";

export function EisEditor({ conn, snap, roundId }: { conn: Connection; snap: Snapshot; roundId: string }) {
  const texts = t.participant.rolwissel;
  const base = `${snap.session.sessionId}:eis:${roundId}`;
  const [text, setText, clearIfStill] = useKeptText(base);
  const [categoryId, setCategoryId] = useKeptText(`${base}:categorie`);
  const [run, state] = useCommand(conn);
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await run({ type: "eis.write", eisId: newId("e"), categoryId, text });
    // The category stays chosen: people often write several eisen in one category.
    if (result.ok) clearIfStill(text);
  };
  return (
    <form class="p-eis-form" onSubmit={submit}>
      <CategoryField id={fieldId("eis-categorie", roundId)} snap={snap} value={categoryId} onChange={setCategoryId} />
      <TextField id={fieldId("eis-tekst", roundId)} label={texts.eisText} value={text} onInput={setText} max={LIMITS.eis} rows={4} hint={texts.eisHint} />
      <div class="row p-actions">
        <button type="submit" disabled={state.kind === "pending"}>{texts.add}</button>
        <CommandStatus state={state} />
      </div>
    </form>
  );
}
