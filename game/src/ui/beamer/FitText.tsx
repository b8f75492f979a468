/**
 * A text on the beamer in the height its box has: whole when it fits, else as many whole words as fit, ending in "…"
 * (never cut inside a word or halfway down a line). For a part that is read whole elsewhere: a tafel's newest note in
 * a casustoets per tafel with five or more tafels (whole on the phones of that tafel and on the console). Screen
 * readers get the whole text. The box is the element itself: give it its height (a flex item that takes the rest).
 */
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

export function FitText({ text, class: className = "", lead = null }: { text: string; class?: string; lead?: ComponentChildren }) {
  const box = useRef<HTMLParagraphElement>(null);
  const [words, setWords] = useState<number | null>(null);
  const all = text.split(/\s+/).filter(Boolean);
  const fit = useRef(() => {});
  /** The box's size at the last measurement: measured again whenever it changes (the panel's other parts settling). */
  const measured = useRef("");
  fit.current = () => {
    const el = box.current;
    if (!el) return;
    // Not before the box has its height (a grid still laying out).
    const height = el.offsetHeight;
    if (height === 0) return;
    measured.current = `${el.offsetWidth}x${height}`;
    // Tried on a hidden copy of the box at its width (the same font rules), its height left free.
    const probe = el.cloneNode(true);
    if (!(probe instanceof HTMLElement)) return;
    probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;flex:none;height:auto;min-height:0;max-height:none;width:${el.offsetWidth}px`;
    const span = probe.querySelector(".fit-text-shown");
    if (!span) return;
    el.after(probe);
    const fits = (n: number) => {
      span.textContent = n >= all.length ? all.join(" ") : `${shortened(all, n)}…`;
      return probe.offsetHeight <= height + 1;
    };
    let n = all.length;
    if (!fits(n)) {
      // The most whole words that fit with "…" (at least one: a box of one line always shows the first word).
      let [lo, hi] = [1, all.length - 1];
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(mid)) lo = mid;
        else hi = mid - 1;
      }
      n = lo;
    }
    probe.remove();
    setWords(n);
  };
  useLayoutEffect(() => fit.current(), [text]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (`${el.offsetWidth}x${el.offsetHeight}` !== measured.current) fit.current();
    });
    observer.observe(el);
    void el.ownerDocument.fonts?.ready.then(() => fit.current());
    return () => observer.disconnect();
  }, []);
  const n = words ?? all.length;
  return (
    <p class={`fit-text ${className}`} ref={box} data-cut={n < all.length ? "true" : "false"}>
      {lead}
      <span class="fit-text-shown" aria-hidden="true">
        {n >= all.length ? all.join(" ") : `${shortened(all, n)}…`}
      </span>
      <span class="sr-only">{text}</span>
    </p>
  );
}

/** The first `n` words, without a comma or colon left dangling before the "…". */
export function shortened(words: readonly string[], n: number): string {
  return words
    .slice(0, Math.max(1, n))
    .join(" ")
    .replace(/[\s,.;:–-]+$/u, "");
}
