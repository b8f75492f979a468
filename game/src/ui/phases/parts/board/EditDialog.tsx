/** Rewording an item or moving it to another category: pve.edit. */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { ItemView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { CategorySelect } from "./CategorySelect.tsx";
import { Dialog, DialogActions } from "./Dialog.tsx";

export function EditDialog({ conn, snap, item, onClose }: { conn: Connection; snap: Snapshot; item: ItemView; onClose: () => void }) {
  const [text, setText] = useKeptText(`${snap.session.sessionId}:pve-aanpassen:${item.id}`, item.text);
  const [categoryId, setCategoryId] = useState(item.categoryId);
  const [run, state] = useCommand(conn);
  return (
    <Dialog id="aanpassen" title={t.board.editItem.title} onClose={onClose}>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await run({ type: "pve.edit", itemId: item.id, text: text.trim(), categoryId });
          if (result.ok) {
            setText("");
            onClose();
          }
        }}
      >
        <TextField id="aanpassen-tekst" label={t.board.editItem.text} value={text} onInput={setText} max={LIMITS.itemText} rows={4} />
        <CategorySelect id="aanpassen-categorie" snap={snap} value={categoryId} onChange={setCategoryId} />
        <DialogActions submit={t.common.save} onClose={onClose} state={state} />
      </form>
    </Dialog>
  );
}
