/** A loose eis on the merge board: who wrote it (as a role), in which round, and what you can do with it. */
import type { EisView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { RoleChip } from "../../../common.tsx";
import type { Dnd } from "./dnd.ts";
import { Icon } from "./icons.tsx";
import { refKey, roundTitle, shorten, type BoardIndex, type BoardRef } from "./model.ts";
import { SimilarBadge } from "./Similar.tsx";
import { TableBadge } from "../tafel/TableBadge.tsx";

/** "Ronde 1: de elektrische fiets" -> "Ronde 1": the full title is in the tooltip, the card stays calm. */
function shortRound(title: string): string {
  const colon = title.indexOf(":");
  return colon > 0 ? title.slice(0, colon) : title;
}

export interface EisCardProps {
  /** Name the eis's tafel: in plenair, and on the spelleider's board of all tafels. */
  showTable?: boolean;
  snap: Snapshot;
  index: BoardIndex;
  eis: EisView;
  selected: boolean;
  similar: readonly BoardRef[];
  dnd: Dnd;
  onToggle: () => void;
  onTakeIn: () => void;
  onMergeWith: (other: BoardRef) => void;
}

export function EisCard({ showTable, snap, index, eis, selected, similar, dnd, onToggle, onTakeIn, onMergeWith }: EisCardProps) {
  const ref: BoardRef = { kind: "eis", id: eis.id };
  const key = refKey(ref);
  const s = t.board.samenvoegen;
  const round = roundTitle(snap, eis.roundId);
  const classes = ["board-card", "b-card", "b-eis", selected && "is-selected", similar.length > 0 && "has-similar", dnd.overKey === key && "is-over", dnd.draggingKey === key && "is-dragging"];
  return (
    <li>
      <div class={classes.filter(Boolean).join(" ")} id={`kaart-eis-${eis.id}`} {...dnd.source(ref)} {...dnd.target(ref)}>
        <div class="b-card-top">
          <RoleChip role={eis.role} />
          {showTable && eis.tableId ? <TableBadge snap={snap} tableIds={[eis.tableId]} /> : null}
          <span class="small muted" title={round}>
            {shortRound(round)}
          </span>
        </div>
        <p class="b-card-text">{eis.text}</p>
        <SimilarBadge index={index} similar={similar} onMerge={onMergeWith} />
        <div class="b-card-actions">
          <button type="button" class="secondary b-select" aria-pressed={selected} aria-label={s.selectLabel(shorten(eis.text, 80))} onClick={onToggle}>
            {selected ? <Icon name="check" /> : null}
            {s.select}
          </button>
          <button type="button" class="quiet" aria-label={s.takeInLabel(shorten(eis.text, 80))} onClick={onTakeIn}>
            <Icon name="plus" />
            {/* The full words where there is room; on a phone the short form keeps both buttons on one row. */}
            <span class="b-long">{s.takeIn}</span>
            <span class="b-short" aria-hidden="true">
              {s.takeInShort}
            </span>
          </button>
        </div>
      </div>
    </li>
  );
}
