/** "Nieuw kaderpunt": text and category; the new item joins kader v2 at the end, marked as new. */
import { useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import { newId, type Connection, type Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus, TextField } from "../common.tsx";
import { useCommand, useKeptText } from "../hooks.ts";
import { CategoryField } from "../phases/parts/participant/CategoryField.tsx";

export function NewItemForm({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const s = t.terugkom.bijstellen;
  const [text, setText] = useKeptText(`${snap.session.sessionId}:kader-nieuw`);
  const [categoryId, setCategoryId] = useState("");
  const [run, state, resetState] = useCommand(conn);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section class="card stack tk-new" id="tk-nieuw" aria-labelledby="tk-nieuw-kop">
      <h2 id="tk-nieuw-kop">{s.newTitle}</h2>
      <p class="small muted">{s.newIntro}</p>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const problemNow = text.trim() === "" ? s.fillText : categoryId === "" ? s.chooseCategory : null;
          setProblem(problemNow);
          if (problemNow) return;
          const result = await run({ type: "kader.add", itemId: newId("k"), text: text.trim(), categoryId });
          if (result.ok) {
            setText("");
            setCategoryId("");
          }
        }}
      >
        <TextField
          id="tk-nieuw-tekst"
          label={s.newText}
          value={text}
          onInput={(v) => {
            setText(v);
            if (state.kind === "done") resetState();
          }}
          max={LIMITS.itemText}
          rows={3}
        />
        <CategoryField id="tk-nieuw-categorie" snap={snap} value={categoryId} onChange={setCategoryId} />
        <div class="row">
          <button type="submit">
            <span aria-hidden="true">+</span> {s.newAdd}
          </button>
        </div>
        {problem ? (
          <p class="state rejected" role="alert">
            {problem}
          </p>
        ) : (
          <CommandStatus state={state} />
        )}
      </form>
    </section>
  );
}
