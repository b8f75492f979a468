/** Merging cards into one PvE item (or taking one eis in on its own): new wording and a category, then pve.merge. */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { CategorySelect } from "./CategorySelect.tsx";
import { Dialog, DialogActions } from "./Dialog.tsx";
import { refKey, resolve, resolvedCategory, resolvedText, shorten, type BoardIndex, type BoardRef } from "./model.ts";
import { RefSummary } from "./RefSummary.tsx";

export interface MergeDialogProps {
  conn: Connection;
  snap: Snapshot;
  index: BoardIndex;
  sources: readonly BoardRef[];
  onClose: () => void;
  onMerged: (itemId: string, text: string) => void;
}

export function MergeDialog({ conn, snap, index, sources, onClose, onMerged }: MergeDialogProps) {
  const m = t.board.merge;
  const resolved = sources.map((ref) => ({ ref, found: resolve(index, ref) }));
  // An item holds words the group already agreed on: merging anything into it starts from the item's wording and
  // category, whatever order the cards came in (a suggestion, a selection, a drop). Only eisen: the first one's.
  const first = resolved.find((r) => r.found?.kind === "item")?.found ?? resolved.find((r) => r.found !== null)?.found ?? null;
  const sourcesKey = sources.map(refKey).sort().join("+");
  const [text, setText] = useKeptText(`${snap.session.sessionId}:samenvoegen:${sourcesKey}`, first ? resolvedText(first) : "");
  const [categoryId, setCategoryId] = useState(first ? resolvedCategory(first) : "");
  // One id per dialog: a re-sent command stays the same command.
  const [itemId] = useState(() => newId("i"));
  const [run, state] = useCommand(conn);
  const takeIn = sources.length === 1 && sources[0]?.kind === "eis";

  const submit = async () => {
    const result = await run({ type: "pve.merge", itemId, sources: [...sources], text: text.trim(), categoryId });
    if (result.ok) {
      setText("");
      onMerged(itemId, text.trim());
    }
  };

  return (
    <Dialog id="samenvoegen" title={takeIn ? m.titleTakeIn : m.titleMerge} onClose={onClose}>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <section aria-labelledby="samenvoegen-bronnen">
          <h3 id="samenvoegen-bronnen">{m.sourcesTitle}</h3>
          <ul class="b-sources">
            {resolved.map(({ ref, found }) => (
              <li key={refKey(ref)}>
                {found ? (
                  <>
                    <RefSummary resolved={found} />
                    {found.kind === "eis" && found.eis.itemId !== null ? <p class="small b-warn">{m.alreadyIn}</p> : null}
                    {sources.length > 1 ? (
                      <button type="button" class="quiet" aria-label={m.useTextLabel(shorten(resolvedText(found), 60))} onClick={() => setText(resolvedText(found))}>
                        {m.useText}
                      </button>
                    ) : null}
                  </>
                ) : (
                  <p class="small b-warn">{m.gone}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
        <TextField id="samenvoegen-tekst" label={m.text} hint={m.textHint} value={text} onInput={setText} max={LIMITS.itemText} rows={4} />
        <CategorySelect id="samenvoegen-categorie" snap={snap} value={categoryId} onChange={setCategoryId} />
        <DialogActions submit={takeIn ? m.submitTakeIn : m.submit} onClose={onClose} state={state} />
      </form>
    </Dialog>
  );
}
