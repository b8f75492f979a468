/**
 * The shared board on a laptop or the console, above the merge list: drag a card onto a card to merge, onto the
 * drop zone to take an eis in, click to select (the same selection as the list's "Selecteer"), pan and zoom. A drop
 * opens the same merge dialog as the list, over the board. The list below stays: it is the keyboard route and the
 * board's text equivalent.
 */
import { useState } from "preact/hooks";
import type { Snapshot } from "../../net/connection.ts";
import type { CardRef } from "../../phaser/boardLayout.ts";
import { pveBoard as s } from "#shared/strings/pveBoard.ts";
import { PveBoard } from "./PveBoard.tsx";

export function BoardPanel(props: { snap: Snapshot; selected: readonly CardRef[]; onToggle: (ref: CardRef) => void; onDrop: (target: CardRef | "pve", dragged: CardRef) => void }) {
  const [open, setOpen] = useState(true);
  return (
    <section class="b-pve-board" aria-labelledby="bord-kop">
      <div class="b-pve-board-head">
        <h3 id="bord-kop">{s.boardLabel}</h3>
        <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? s.hideBoard : s.showBoard}
        </button>
      </div>
      {open ? (
        <>
          <p class="small muted">
            {s.howTo} {s.listToo}
          </p>
          <PveBoard snap={props.snap} interaction={{ selected: props.selected, onToggle: props.onToggle, onDrop: props.onDrop }} />
        </>
      ) : null}
    </section>
  );
}

/** Wide screens with a mouse or pen get the board; phones keep the list. */
export const boardFits = () => typeof window !== "undefined" && window.matchMedia("(min-width: 1000px) and (pointer: fine)").matches;
