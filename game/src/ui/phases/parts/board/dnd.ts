/**
 * Drag and drop on the merge board (HTML5, mouse and pen). It is only a shortcut: every drop has a keyboard and
 * phone alternative (Selecteer, then Samenvoegen), and a drop only opens the merge dialog, it never merges by itself.
 */
import type { HTMLAttributes } from "preact";
import { useState } from "preact/hooks";
import { refKey, type BoardRef } from "./model.ts";

export type DropTarget = BoardRef | "pve";

export interface Dnd {
  draggingKey: string | null;
  overKey: string | null;
  source: (ref: BoardRef) => Pick<HTMLAttributes<HTMLElement>, "draggable" | "onDragStart" | "onDragEnd">;
  target: (target: DropTarget) => Pick<HTMLAttributes<HTMLElement>, "onDragOver" | "onDragLeave" | "onDrop">;
}

const targetKey = (target: DropTarget) => (target === "pve" ? "pve" : refKey(target));

/** Whether the dragged card may land on this target: eisen and items on each other, only a loose eis on the programma. */
function accepts(target: DropTarget, dragged: BoardRef): boolean {
  if (target === "pve") return dragged.kind === "eis";
  return refKey(target) !== refKey(dragged);
}

export function useDnd(onDrop: (target: DropTarget, dragged: BoardRef) => void): Dnd {
  const [dragging, setDragging] = useState<BoardRef | null>(null);
  const [overKey, setOverKey] = useState<string | null>(null);
  const end = () => {
    setDragging(null);
    setOverKey(null);
  };
  return {
    draggingKey: dragging ? refKey(dragging) : null,
    overKey,
    source: (ref) => ({
      draggable: true,
      onDragStart: (e) => {
        // Some browsers only start a drag when data is set.
        e.dataTransfer?.setData("text/plain", refKey(ref));
        if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
        setDragging(ref);
      },
      onDragEnd: end,
    }),
    target: (target) => ({
      onDragOver: (e) => {
        if (!dragging || !accepts(target, dragging)) return;
        e.preventDefault();
        e.stopPropagation();
        if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
        setOverKey(targetKey(target));
      },
      onDragLeave: (e) => {
        const related = e.relatedTarget;
        if (related instanceof Node && e.currentTarget.contains(related)) return;
        setOverKey((key) => (key === targetKey(target) ? null : key));
      },
      onDrop: (e) => {
        if (!dragging || !accepts(target, dragging)) return;
        e.preventDefault();
        e.stopPropagation();
        const dragged = dragging;
        end();
        onDrop(target, dragged);
      },
    }),
  };
}
