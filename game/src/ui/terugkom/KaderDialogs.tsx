/** The two dialogs of bijstellen: rewording an item (kader.amend) and letting it lapse with a reason (kader.retire). */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { KaderV2Item } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/board.css";
import { CommandStatus, TextField } from "../common.tsx";
import { useCommand, useKeptText } from "../hooks.ts";
import { Dialog, DialogActions } from "../phases/parts/board/Dialog.tsx";
import { CategoryField } from "../phases/parts/participant/CategoryField.tsx";

type DialogProps = { conn: Connection; snap: Snapshot; item: KaderV2Item; onClose: () => void };

export function AmendDialog({ conn, snap, item, onClose }: DialogProps) {
  const s = t.terugkom.bijstellen;
  const [text, setText] = useKeptText(`${snap.session.sessionId}:kader-aanpassen:${item.itemId}`, item.text);
  const [categoryId, setCategoryId] = useState(item.categoryId);
  const [run, state] = useCommand(conn);
  const [missing, setMissing] = useState(false);
  const v1 = snap.terugkom?.v1.find((i) => i.itemId === item.itemId) ?? null;
  return (
    <Dialog id="tk-aanpassen" title={s.amendTitle} onClose={onClose}>
      <form
        class="stack tk-dialog"
        onSubmit={async (e) => {
          e.preventDefault();
          if (text.trim() === "") {
            setMissing(true);
            return;
          }
          setMissing(false);
          const result = await run({ type: "kader.amend", itemId: item.itemId, text: text.trim(), categoryId });
          if (result.ok) {
            setText("");
            onClose();
          }
        }}
      >
        {v1 && v1.text !== item.text ? (
          <p class="tk-dialog-v1 small">
            <span class="tk-was-label">{s.amendV1}</span> {v1.text}
          </p>
        ) : null}
        <TextField id="tk-aanpassen-tekst" label={s.amendText} value={text} onInput={setText} max={LIMITS.itemText} rows={4} />
        <CategoryField id="tk-aanpassen-categorie" snap={snap} value={categoryId} onChange={setCategoryId} />
        {missing ? <p class="state rejected" role="alert">{s.fillText}</p> : null}
        <DialogActions submit={t.common.save} onClose={onClose} state={state} />
      </form>
    </Dialog>
  );
}

export function RetireDialog({ conn, snap, item, onClose }: DialogProps) {
  const s = t.terugkom.bijstellen;
  const [reason, setReason] = useKeptText(`${snap.session.sessionId}:kader-vervallen:${item.itemId}`);
  const [run, state] = useCommand(conn);
  return (
    <Dialog id="tk-vervallen" title={s.retireTitle} onClose={onClose}>
      <form
        class="stack tk-dialog"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await run({ type: "kader.retire", itemId: item.itemId, reason: reason.trim() });
          if (result.ok) {
            setReason("");
            onClose();
          }
        }}
      >
        <p class="b-dialog-item">{item.text}</p>
        <p class="small">{s.retireIntro}</p>
        <TextField id="tk-vervallen-reden" label={s.retireReason} value={reason} onInput={setReason} max={LIMITS.note} rows={3} />
        <div class="b-dialog-actions">
          <button type="submit" class="danger">{s.retireConfirm}</button>
          <button type="button" class="secondary" onClick={onClose}>
            {t.common.cancel}
          </button>
        </div>
        <CommandStatus state={state} />
      </form>
    </Dialog>
  );
}
