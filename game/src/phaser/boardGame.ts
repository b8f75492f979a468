/**
 * The samenvoegen board's Phaser game, in a chunk of its own: the screens import it dynamically, only when a board is
 * shown, so the first visit of `/` never downloads Phaser. It lays the board out (boardLayout.ts, pure) and hands the
 * result to the Board scene, which only draws it.
 */
import * as Phaser from "phaser";
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
  /** The frame showing model `serial` has been drawn. */
  onDrawn(serial: number, layout: BoardLayout): void;
}

export interface BoardGame {
  canvas: HTMLCanvasElement;
  show(next: BoardShow): BoardLayout;
  destroy(): void;
}

export function startBoardGame(parent: HTMLElement, first: BoardShow, handlers: BoardHandlers): Promise<BoardGame> {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const size = (s: BoardShow) => ({ w: Math.max(1, Math.round(s.board.width * dpr)), h: Math.max(1, Math.round(s.board.height * dpr)) });
  let layout = layoutBoard(first.board);
  const model = (s: BoardShow): BoardModel => ({ layout, eisItem: s.eisItem, selected: s.selected, animate: s.animate, interactive: s.interactive, dpr, serial: s.serial, labels: s.labels });
  const { w, h } = size(first);
  const game = new Phaser.Game({
    // Canvas, not WebGL: crisp text, no GPU driver surprises on a projector laptop, and fast enough for a board.
    type: Phaser.CANVAS,
    parent,
    width: w,
    height: h,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    disableContextMenu: false,
    render: { antialias: true },
    input: first.interactive ? { mouse: { preventDefaultWheel: true }, touch: true, keyboard: false } : false,
    scale: { mode: Phaser.Scale.NONE, zoom: 1 / dpr },
    scene: [Board],
  });
  game.registry.set(BOARD_KEY, model(first));
  game.events.on(BOARD_EVENTS.drop, (target: CardRef | "pve", dragged: CardRef) => handlers.onDrop(target, dragged));
  game.events.on(BOARD_EVENTS.toggle, (ref: CardRef) => handlers.onToggle(ref));
  game.events.on(BOARD_EVENTS.drawn, (serial: number) => handlers.onDrawn(serial, layout));
  // Phaser keeps the canvas's place on the page from its last resize; the page above the board can change (a
  // message, a list growing) without the board changing size. Measure again before every pointer event reaches it.
  const remeasure = () => game.scale.updateBounds();
  const pointerEvents = ["pointerdown", "pointermove", "wheel"] as const;
  if (first.interactive) for (const type of pointerEvents) parent.addEventListener(type, remeasure, { capture: true, passive: true });

  return new Promise((resolve, reject) => {
    const timeout = window.setTimeout(() => reject(new Error("Phaser startte niet")), 10_000);
    game.events.once(BOARD_EVENTS.ready, () => {
      window.clearTimeout(timeout);
      resolve({
        canvas: game.canvas,
        show(next) {
          layout = layoutBoard(next.board);
          const s = size(next);
          if (game.scale.width !== s.w || game.scale.height !== s.h) {
            game.scale.resize(s.w, s.h);
            game.scale.setZoom(1 / dpr);
          }
          game.registry.set(BOARD_KEY, model(next));
          return layout;
        },
        destroy() {
          for (const type of pointerEvents) parent.removeEventListener(type, remeasure, { capture: true });
          game.destroy(true);
        },
      });
    });
  });
}
