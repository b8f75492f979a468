/**
 * The samenvoegen board's Phaser game, in a chunk of its own: the screens import it dynamically, only when a board is
 * shown, so the first visit of `/` never downloads Phaser. It lays the board out (boardLayout.ts, pure) and hands the
 * result to the Board scene, which only draws it.
 */
import * as Phaser from "phaser";
import { newOverlayGame, pixelRatio, resizeOverlayGame, whenDrawn } from "./overlayGame.ts";
import { layoutBoard, type BoardInput, type BoardLayout, type CardRef } from "./boardLayout.ts";
import { Board, BOARD_EVENTS, BOARD_KEY, type BoardModel } from "./scenes/Board.ts";

export interface BoardShow {
  board: BoardInput;
  eisItem: Record<string, string | null>;
  selected: string[];
  animate: boolean;
  interactive: boolean;
  serial: number;
  labels: BoardModel["labels"];
}

export interface BoardHandlers {
  onDrop(target: CardRef | "pve", dragged: CardRef): void;
  onToggle(ref: CardRef): void;
  /** The frame showing model `serial` has been drawn; `cut`: the cards whose whole text is not on it. */
  onDrawn(serial: number, layout: BoardLayout, cut: readonly string[]): void;
}

export interface BoardGame {
  canvas: HTMLCanvasElement;
  show(next: BoardShow): BoardLayout;
  destroy(): void;
}

export function startBoardGame(parent: HTMLElement, first: BoardShow, handlers: BoardHandlers): Promise<BoardGame> {
  const dpr = pixelRatio();
  let layout = layoutBoard(first.board);
  const model = (s: BoardShow): BoardModel => ({ layout, eisItem: s.eisItem, selected: s.selected, animate: s.animate, interactive: s.interactive, dpr, serial: s.serial, labels: s.labels });
  const game = newOverlayGame({
    parent,
    width: first.board.width,
    height: first.board.height,
    dpr,
    scenes: [Board],
    // Canvas, not WebGL: crisp text, no GPU driver surprises on a projector laptop, and fast enough for a board.
    type: Phaser.CANVAS,
    input: first.interactive ? { mouse: { preventDefaultWheel: true }, touch: true, keyboard: false } : false,
  });
  game.registry.set(BOARD_KEY, model(first));
  game.events.on(BOARD_EVENTS.drop, (target: CardRef | "pve", dragged: CardRef) => handlers.onDrop(target, dragged));
  game.events.on(BOARD_EVENTS.toggle, (ref: CardRef) => handlers.onToggle(ref));
  game.events.on(BOARD_EVENTS.drawn, (serial: number, cut: unknown) => handlers.onDrawn(serial, layout, Array.isArray(cut) ? cut.filter((k): k is string => typeof k === "string") : []));
  // Phaser keeps the canvas's place on the page from its last resize; the page above the board can change (a
  // message, a list growing) without the board changing size. Measure again before every pointer event reaches it.
  const remeasure = () => game.scale.updateBounds();
  const pointerEvents = ["pointerdown", "pointermove", "wheel"] as const;
  if (first.interactive) for (const type of pointerEvents) parent.addEventListener(type, remeasure, { capture: true, passive: true });

  return whenDrawn(game, BOARD_EVENTS.ready, () => ({
    canvas: game.canvas,
    show(next: BoardShow) {
      layout = layoutBoard(next.board);
      resizeOverlayGame(game, next.board.width, next.board.height, dpr);
      game.registry.set(BOARD_KEY, model(next));
      return layout;
    },
    destroy() {
      for (const type of pointerEvents) parent.removeEventListener(type, remeasure, { capture: true });
      game.destroy(true);
    },
  }));
}
