/** Splitting an item: the chosen eisen become a new item with its own wording (pve.split). */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { ItemView } from "#shared/protocol/views.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { RoleChip, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { Dialog, DialogActions } from "./Dialog.tsx";
import type { BoardIndex } from "./model.ts";

export function SplitDialog({ conn, snap, index, item, onClose }: { conn: Connection; snap: Snapshot; index: BoardIndex; item: ItemView; onClose: () => void }) {
  const sp = t.board.split;
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useKeptText(`${snap.session.sessionId}:pve-splitsen:${item.id}`);
  const [newItemId] = useState(() => newId("i"));
  const [run, state] = useCommand(conn);
  const eisen = item.eisIds.flatMap((id) => index.eisen.get(id) ?? []);

  const toggle = (eisId: string, on: boolean) => {
    const next = on ? [...chosen, eisId] : chosen.filter((id) => id !== eisId);
    setChosen(next);
    // The first eis chosen gives the new item a starting wording.
    const firstEis = eisen.find((e) => e.id === next[0]);
    if (on && text.trim() === "" && firstEis) setText(firstEis.text);
  };

  return (
    <Dialog id="splitsen" title={sp.title} onClose={onClose}>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await run({ type: "pve.split", itemId: item.id, newItemId, eisIds: chosen, text: text.trim() });
          if (result.ok) {
            setText("");
            onClose();
          }
        }}
      >
        <p class="b-dialog-item">{item.text}</p>
        <p class="muted">{sp.intro}</p>
        <fieldset class="b-checks">
          <legend>{sp.legend}</legend>
          <ul>
            {eisen.map((eis) => (
              <li key={eis.id}>
                <input type="checkbox" id={`splits-${eis.id}`} checked={chosen.includes(eis.id)} onChange={(e) => toggle(eis.id, e.currentTarget.checked)} />
                <label for={`splits-${eis.id}`}>
                  <RoleChip role={eis.role} />
                  <span class="b-check-text">{eis.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField id="splitsen-tekst" label={sp.text} hint={sp.textHint} value={text} onInput={setText} max={LIMITS.itemText} rows={3} />
        <DialogActions submit={sp.submit} onClose={onClose} state={state} />
      </form>
    </Dialog>
  );
}
