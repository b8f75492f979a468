/** What the programma van eisen missed in this case becomes a new item (toets.amend); this case's aanvullingen listed. */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { CaseView } from "#shared/protocol/views.ts";
import { newId, type Connection, type Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { CategorySelect } from "./CategorySelect.tsx";
import { categoryName } from "./model.ts";

export function Aanvulling({ conn, snap, kase }: { conn: Connection; snap: Snapshot; kase: CaseView }) {
  const a = t.board.aanvulling;
  const amended = snap.items.filter((i) => i.caseIds.includes(kase.id));
  const [text, setText] = useKeptText(`${snap.session.sessionId}:aanvulling:${kase.id}`);
  const [categoryId, setCategoryId] = useState("");
  const [itemId, setItemId] = useState(() => newId("i"));
  const [run, state] = useCommand(conn);
  return (
    <section class="card b-aanvulling" aria-labelledby="aanvulling-titel">
      <h3 id="aanvulling-titel">{a.title}</h3>
      <p class="muted">{a.intro}</p>
      <h4>{a.list}</h4>
      {amended.length === 0 ? (
        <p class="small muted">{a.none}</p>
      ) : (
        <ul class="b-cards">
          {amended.map((item) => (
            <li key={item.id} class="board-card item appear">
              <span class="b-cat">{categoryName(snap, item.categoryId)}</span>
              <p class="b-item-text">{item.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await run({ type: "toets.amend", itemId, caseId: kase.id, text: text.trim(), categoryId });
          if (result.ok) {
            setText("");
            setItemId(newId("i"));
          }
        }}
      >
        <TextField id={`aanvulling-${kase.id}`} label={a.text} value={text} onInput={setText} max={LIMITS.itemText} rows={3} />
        <CategorySelect id={`aanvulling-categorie-${kase.id}`} snap={snap} value={categoryId} onChange={setCategoryId} />
        <button type="submit">{a.submit}</button>
        <CommandStatus state={state} />
      </form>
    </section>
  );
}
