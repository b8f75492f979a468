/**
 * Runs a Phaser game (the beamer's moment scenes, phaser/stageGame.ts; the support chart, beamerGame.ts) on a canvas
 * laid over the DOM that holds the text.
 * Phaser is imported lazily, only when such a board is shown. `measure` builds the model from the DOM's layout; it is
 * called after every render and on resize, and the scene gets it only when it changed. If Phaser cannot start (no
 * canvas), `mode` becomes "dom" and the board's DOM form stays: nothing is lost, the text equivalent is always there.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { StageModel } from "../../phaser/stageModel.ts";

export const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** A Phaser game laid over the DOM: it shows a model, and goes away. (stageGame.ts, beamerGame.ts) */
export interface OverlayGame<M> {
  show(model: M): void;
  destroy(): void;
}

/**
 * Starts a Phaser game in `host` once (`start` imports it lazily), shows it every new model `measure` gives (after every
 * render, on resize and when the fonts are in), and falls back to the DOM when it cannot start. `what` names the board
 * in the console's warning.
 */
export function useOverlayGame<M>(measure: () => M | null, start: (el: HTMLElement, model: M) => Promise<OverlayGame<M>>, what: string) {
  const host = useRef<HTMLDivElement>(null);
  const game = useRef<OverlayGame<M> | null>(null);
  const latest = useRef(measure);
  const lastDrawn = useRef("");
  const [mode, setMode] = useState<"loading" | "phaser" | "dom">("loading");
  latest.current = measure;

  const redraw = () => {
    const model = latest.current();
    if (!model || !game.current) return;
    const key = JSON.stringify(model);
    if (key === lastDrawn.current) return;
    lastDrawn.current = key;
    game.current.show(model);
  };

  useEffect(() => {
    const el = host.current;
    const model = latest.current();
    if (!el || !model) return;
    let cancelled = false;
    let started: OverlayGame<M> | null = null;
    start(el, model)
      .then((g) => {
        started = g;
        if (cancelled) return g.destroy();
        game.current = g;
        lastDrawn.current = JSON.stringify(model);
        setMode("phaser");
        redraw();
      })
      .catch((error: unknown) => {
        // No canvas on this machine: the DOM form stays, nothing is lost.
        window.console.warn(what, error);
        if (!cancelled) setMode("dom");
      });
    const observer = new ResizeObserver(() => redraw());
    observer.observe(el);
    void document.fonts.ready.then(() => redraw());
    return () => {
      cancelled = true;
      observer.disconnect();
      started?.destroy();
      game.current = null;
    };
  }, []);

  // New numbers or a new page: draw again after the DOM has laid the board out.
  useLayoutEffect(() => redraw());

  return { host, mode };
}

export function useStage(measure: () => StageModel | null) {
  return useOverlayGame(measure, (el, model: StageModel) => import("../../phaser/stageGame.ts").then((m) => m.startStage(el, model)), "Bord zonder Phaser");
}

/** A box of `el` relative to `origin`, in CSS pixels. */
export function boxIn(el: Element, origin: DOMRect): { x: number; y: number; width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
}
