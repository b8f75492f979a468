/**
 * Runs one of the beamer's moment scenes (phaser/stageGame.ts) on a canvas laid over the DOM that holds the text.
 * Phaser is imported lazily, only when such a board is shown. `measure` builds the model from the DOM's layout; it is
 * called after every render and on resize, and the scene gets it only when it changed. If Phaser cannot start (no
 * canvas), `mode` becomes "dom" and the board's DOM form stays: nothing is lost, the text equivalent is always there.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { StageGame } from "../../phaser/stageGame.ts";
import type { StageModel } from "../../phaser/stageModel.ts";

export const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

export function useStage(measure: () => StageModel | null) {
  const host = useRef<HTMLDivElement>(null);
  const game = useRef<StageGame | null>(null);
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
    let started: StageGame | null = null;
    import("../../phaser/stageGame.ts")
      .then((m) => m.startStage(el, model))
      .then((g) => {
        started = g;
        if (cancelled) return g.destroy();
        game.current = g;
        lastDrawn.current = JSON.stringify(model);
        setMode("phaser");
        redraw();
      })
      .catch((error: unknown) => {
        window.console.warn("Bord zonder Phaser", error);
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

  useLayoutEffect(() => redraw());

  return { host, mode };
}

/** A box of `el` relative to `origin`, in CSS pixels. */
export function boxIn(el: Element, origin: DOMRect): { x: number; y: number; width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
}
