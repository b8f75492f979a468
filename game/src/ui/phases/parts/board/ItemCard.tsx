/**
 * An item of the programma van eisen: its wording, the roles inside, its provenance (the eisen it holds, with role
 * and round), spanningen with other items, and what the group can do with it.
 */
import { useState } from "preact/hooks";
import type { ItemView, SpanningView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus, RoleChip } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";
import type { Dnd } from "./dnd.ts";
import { Icon } from "./icons.tsx";
import { categoryName, refKey, roundTitle, shorten, type BoardIndex, type BoardRef } from "./model.ts";
import { Roles } from "./RefSummary.tsx";
import { SimilarBadge } from "./Similar.tsx";
import { TableBadge } from "../tafel/TableBadge.tsx";

export type ItemAction = "edit" | "split" | "spanning";

export interface ItemCardProps {
  /** Name the tafel(s) the item comes from: in plenair, and on the spelleider's board of all tafels. */
  showTable?: boolean;
  conn: Connection;
  snap: Snapshot;
  index: BoardIndex;
  item: ItemView;
  selected: boolean;
  isNew: boolean;
  similar: readonly BoardRef[];
  spanningen: readonly SpanningView[];
  dnd: Dnd;
  onToggle: () => void;
  onAction: (action: ItemAction) => void;
  onMergeWith: (other: BoardRef) => void;
}

export function ItemCard(props: ItemCardProps) {
  const { snap, index, item, selected, isNew, similar, spanningen, dnd } = props;
  const ref: BoardRef = { kind: "item", id: item.id };
  const key = refKey(ref);
  const s = t.board.samenvoegen;
  const short = shorten(item.text, 80);
  const [askingUndo, setAskingUndo] = useState(false);
  // On a phone the rarer actions sit behind "Meer", so each card keeps one row of buttons.
  const [more, setMore] = useState(false);
  const classes = ["board-card", "item", "b-card", "b-item", isNew && "appear", selected && "is-selected", similar.length > 0 && "has-similar", dnd.overKey === key && "is-over", dnd.draggingKey === key && "is-dragging"];
  return (
    <li>
      <div class={classes.filter(Boolean).join(" ")} id={`kaart-item-${item.id}`} {...dnd.source(ref)} {...dnd.target(ref)}>
        <div class="b-card-top">
          <span class="b-cat">{categoryName(snap, item.categoryId)}</span>
          {props.showTable ? <TableBadge snap={snap} tableIds={item.tableIds.length > 0 ? item.tableIds : item.tableId ? [item.tableId] : []} /> : null}
          <span class="small muted">{s.eisCount(item.eisIds.length)}</span>
        </div>
        <p class="b-item-text">{item.text}</p>
        {item.roles.length > 0 ? <Roles roles={item.roles} /> : null}
        {item.caseIds.map((caseId) => (
          <p key={caseId} class="small muted">
            {s.fromCase(snap.cases.find((c) => c.id === caseId)?.title ?? caseId)}
          </p>
        ))}
        <SpanningLinks index={index} item={item} spanningen={spanningen} />
        <SimilarBadge index={index} similar={similar} onMerge={props.onMergeWith} />
        <Provenance snap={snap} index={index} item={item} />
        <div class="b-card-actions">
          <button type="button" class="secondary b-select" aria-pressed={selected} aria-label={s.selectLabel(short)} onClick={props.onToggle}>
            {selected ? <Icon name="check" /> : null}
            {s.select}
          </button>
          <button type="button" class="quiet" aria-label={s.actionLabel(s.edit, short)} onClick={() => props.onAction("edit")}>
            {s.edit}
          </button>
          <button type="button" class="quiet b-more-toggle" aria-expanded={more} aria-controls={`meer-${item.id}`} onClick={() => setMore(!more)}>
            {s.more}
          </button>
          <span class={`b-secondary ${more ? "is-open" : ""}`} id={`meer-${item.id}`}>
            <button type="button" class="quiet" aria-label={s.actionLabel(s.split, short)} onClick={() => props.onAction("split")}>
              {s.split}
            </button>
            <button type="button" class="quiet" aria-label={s.actionLabel(s.spanning, short)} onClick={() => props.onAction("spanning")}>
              {s.spanning}
            </button>
            <button type="button" class="quiet b-undo-btn" aria-expanded={askingUndo} aria-label={s.actionLabel(s.undo, short)} onClick={() => setAskingUndo(!askingUndo)}>
              {s.undo}
            </button>
          </span>
        </div>
        {askingUndo ? <UndoConfirm conn={props.conn} item={item} onDone={() => setAskingUndo(false)} /> : null}
      </div>
    </li>
  );
}

/** "Spanning met: …" on both items of a spanning, linking to the other card. */
function SpanningLinks({ index, item, spanningen }: { index: BoardIndex; item: ItemView; spanningen: readonly SpanningView[] }) {
  const mine = spanningen.filter((sp) => sp.itemA === item.id || sp.itemB === item.id);
  if (mine.length === 0) return null;
  return (
    <ul class="b-spanning-links">
      {mine.map((sp) => {
        const otherId = sp.itemA === item.id ? sp.itemB : sp.itemA;
        const other = index.items.get(otherId);
        return (
          <li key={sp.spanningId}>
            <Icon name="spanning" size={16} />
            <span>{t.board.samenvoegen.spanningWith} </span>
            <a href={`#kaart-item-${otherId}`}>{shorten(other?.text ?? otherId, 60)}</a>
          </li>
        );
      })}
    </ul>
  );
}

function Provenance({ snap, index, item }: { snap: Snapshot; index: BoardIndex; item: ItemView }) {
  if (item.eisIds.length === 0) return null;
  return (
    <details class="b-prov">
      <summary>{t.board.samenvoegen.provenance(item.eisIds.length)}</summary>
      <ul>
        {item.eisIds.map((id) => {
          const eis = index.eisen.get(id);
          if (!eis) return null;
          return (
            <li key={id}>
              <div class="b-card-top">
                <RoleChip role={eis.role} />
                <span class="small muted">{roundTitle(snap, eis.roundId)}</span>
              </div>
              <p>{eis.text}</p>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** Undoing a merge loses the new wording, so the card asks once before it sends pve.undo. */
function UndoConfirm({ conn, item, onDone }: { conn: Connection; item: ItemView; onDone: () => void }) {
  const [run, state] = useCommand(conn);
  const s = t.board.samenvoegen;
  return (
    <div class="b-confirm" role="group" aria-label={s.undo}>
      <p>{s.undoConfirm}</p>
      <div class="row">
        <button
          type="button"
          class="danger"
          onClick={async () => {
            const result = await run({ type: "pve.undo", itemId: item.id });
            if (result.ok) onDone();
          }}
        >
          {s.undoYes}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t.common.cancel}
        </button>
      </div>
      <CommandStatus state={state} />
    </div>
  );
}
