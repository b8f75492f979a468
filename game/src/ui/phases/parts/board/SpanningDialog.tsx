/** Marking a spanning between this item and another, with a note on what rubs: spanning.mark. */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { ItemView } from "#shared/protocol/views.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { Dialog, DialogActions } from "./Dialog.tsx";
import { shorten } from "./model.ts";

export function SpanningDialog({ conn, snap, item, onClose }: { conn: Connection; snap: Snapshot; item: ItemView; onClose: () => void }) {
  const sd = t.board.spanningDialog;
  const others = snap.items.filter((i) => i.id !== item.id);
  const [otherId, setOtherId] = useState("");
  const [note, setNote] = useKeptText(`${snap.session.sessionId}:spanning:${item.id}`);
  const [spanningId] = useState(() => newId("s"));
  const [run, state] = useCommand(conn);
  return (
    <Dialog id="spanning" title={sd.title} onClose={onClose}>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await run({ type: "spanning.mark", spanningId, itemA: item.id, itemB: otherId, note: note.trim() });
          if (result.ok) {
            setNote("");
            onClose();
          }
        }}
      >
        <p class="b-dialog-item">{item.text}</p>
        <p class="muted">{sd.intro}</p>
        {others.length === 0 ? (
          <p>{sd.none}</p>
        ) : (
          <div class="field">
            <label for="spanning-ander">{sd.other}</label>
            <select id="spanning-ander" value={otherId} onChange={(e) => setOtherId(e.currentTarget.value)}>
              <option value="">{sd.chooseOther}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {shorten(o.text, 90)}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField id="spanning-notitie" label={sd.note} hint={sd.noteHint} value={note} onInput={setNote} max={LIMITS.note} rows={3} />
        <DialogActions submit={sd.submit} onClose={onClose} state={state} />
      </form>
    </Dialog>
  );
}
