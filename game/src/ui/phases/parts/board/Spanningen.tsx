/** The list of spanningen: which two items rub, the note, and a way to take the mark away again. */
import type { SpanningView } from "#shared/protocol/views.ts";
import type { Connection } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";
import { Icon } from "./icons.tsx";
import { shorten, type BoardIndex } from "./model.ts";

export function SpanningenList({ conn, index, spanningen }: { conn: Connection; index: BoardIndex; spanningen: readonly SpanningView[] }) {
  const sp = t.board.spanningen;
  return (
    <section class="b-spanningen" aria-labelledby="spanningen-titel">
      <h3 id="spanningen-titel">
        <Icon name="spanning" /> {sp.title} <span class="b-count">{spanningen.length}</span>
      </h3>
      {spanningen.length === 0 ? (
        <p class="small muted">{sp.none}</p>
      ) : (
        <ul class="b-spanning-list">
          {spanningen.map((s) => (
            <SpanningRow key={s.spanningId} conn={conn} index={index} spanning={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SpanningRow({ conn, index, spanning }: { conn: Connection; index: BoardIndex; spanning: SpanningView }) {
  const [run, state] = useCommand(conn);
  const sp = t.board.spanningen;
  const link = (itemId: string) => <a href={`#kaart-item-${itemId}`}>{shorten(index.items.get(itemId)?.text ?? itemId, 70)}</a>;
  return (
    <li class="b-spanning">
      <p class="b-spanning-pair">
        {link(spanning.itemA)} <span class="b-spanning-vs">{sp.between}</span> {link(spanning.itemB)}
      </p>
      <p class="b-spanning-note">{spanning.note}</p>
      <button type="button" class="quiet" aria-label={sp.removeLabel(shorten(spanning.note, 60))} onClick={() => void run({ type: "spanning.remove", spanningId: spanning.spanningId })}>
        {sp.remove}
      </button>
      {state.kind === "idle" ? null : <CommandStatus state={state} />}
    </li>
  );
}
