/** One of your own draft eisen: read, edit in place (category and text), or remove. */
import { useEffect, useRef, useState } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import type { EisView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus, TextField } from "../../../common.tsx";
import { useCommand, useKeptText } from "../../../hooks.ts";
import { CategoryField } from "./CategoryField.tsx";
import { categoryName, fieldId } from "./lookup.ts";

export function DraftItem({ conn, snap, eis }: { conn: Connection; snap: Snapshot; eis: EisView }) {
  const texts = t.participant.rolwissel;
  const [editing, setEditing] = useState(false);
  const [run, state] = useCommand(conn);
  const [remove, removeState] = useCommand(conn);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <li class="board-card p-draft">
      {editing ? (
        <DraftEdit conn={conn} snap={snap} eis={eis} run={run} state={state} onClose={() => setEditing(false)} />
      ) : (
        <>
          <p class="p-cat-tag small">{categoryName(snap, eis.categoryId)}</p>
          <p class="p-draft-text">{eis.text}</p>
          <div class="row p-draft-tools">
            <button type="button" ref={editButton} class="secondary small" onClick={() => setEditing(true)}>
              {texts.edit}
              <span class="sr-only">{texts.eisContext(eis.text)}</span>
            </button>
            <button type="button" class="danger small" disabled={removeState.kind === "pending"} onClick={() => void remove({ type: "eis.delete", eisId: eis.id })}>
              {texts.remove}
              <span class="sr-only">{texts.eisContext(eis.text)}</span>
            </button>
          </div>
          {state.kind === "done" ? <CommandStatus state={state} /> : null}
          {removeState.kind !== "idle" ? <CommandStatus state={removeState} /> : null}
        </>
      )}
    </li>
  );
}

function DraftEdit(props: { conn: Connection; snap: Snapshot; eis: EisView; run: ReturnType<typeof useCommand>[0]; state: ReturnType<typeof useCommand>[1]; onClose: () => void }) {
  const { snap, eis } = props;
  const texts = t.participant.rolwissel;
  const key = `${snap.session.sessionId}:eis-aanpassen:${eis.id}`;
  const [text, setText] = useKeptText(key, eis.text);
  const [categoryId, setCategoryId] = useKeptText(`${key}:categorie`, eis.categoryId);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector("textarea")?.focus(), []);
  const close = () => {
    setText("");
    setCategoryId("");
    props.onClose();
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await props.run({ type: "eis.edit", eisId: eis.id, text, categoryId });
    if (result.ok) close();
  };
  return (
    <form ref={form} class="p-draft-edit" onSubmit={submit} onKeyDown={(e) => (e.key === "Escape" ? close() : undefined)}>
      <CategoryField id={fieldId("aanpassen-categorie", eis.id)} snap={snap} value={categoryId} onChange={setCategoryId} />
      <TextField id={fieldId("aanpassen-tekst", eis.id)} label={texts.editText} value={text} onInput={setText} max={LIMITS.eis} rows={4} />
      <div class="row p-actions">
        <button type="submit" disabled={props.state.kind === "pending"}>{texts.save}</button>
        <button type="button" class="quiet" onClick={close}>{texts.cancel}</button>
        <CommandStatus state={props.state} />
      </div>
    </form>
  );
}
