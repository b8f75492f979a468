/**
 * A long text on the beamer, whole: never cut off with "…". It takes the height its box gives it; a text longer than
 * that is shown in as few parts of whole sentences as fit, turning by themselves (20 s each), with "Deel 1 van 2" under them.
 * Screen readers get the whole text at once. Used for the scenario's introduction in the lobby and the case's
 * situation and afloop in the casustoets. The spelleider can hold a part from the console (`chosen`, for this
 * `board`: see beamerText.ts); a part past the last one measured here shows the last; letting go turns on from there.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { BeamerPage } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import { PageDots } from "./PageDots.tsx";
import { usePages } from "./usePages.ts";

export function WholeText({ text, class: className = "", board = "", chosen = null }: { text: string; class?: string; board?: string; chosen?: BeamerPage | null }) {
  const box = useRef<HTMLDivElement>(null);
  const [parts, setParts] = useState(1);
  const sentences = sentencesOf(text);
  const pages = splitEvenly(sentences, Math.min(parts, sentences.length));
  // The parts as measured now are their own list (a new measurement starts at part 1); the choice made for this
  // text holds whatever the measurement.
  const key = `tekst:${text.length}:${parts}`;
  const held = board !== "" && chosen && chosen.board === board && chosen.page !== null ? { board: key, page: chosen.page } : null;
  const paged = usePages(pages, 1, { board: key, turnMs: 20_000, chosen: held });
  // Measure: the fewest parts of whole sentences of which each fits the box, tried on a hidden copy in the box itself
  // (so the same font rules apply). Again when the box changes size or the fonts arrive; the part count depends only
  // on the box's height, so showing or hiding the dots cannot make it swing back and forth.
  const fit = useRef(() => {});
  fit.current = () => {
    const el = box.current;
    if (!el) return;
    // Not before the box has its height (a grid still laying out measures 0 and would split the text needlessly).
    const line = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
    const height = el.clientHeight;
    if (height < 2 * line) return;
    const probe = el.ownerDocument.createElement("p");
    probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;margin:0;width:${el.clientWidth}px`;
    el.append(probe);
    const fits = (n: number) =>
      splitEvenly(sentences, n).every((part) => {
        probe.textContent = part.join(" ");
        return probe.offsetHeight <= height + 1;
      });
    let n = 1;
    while (n < sentences.length && !fits(n)) n++;
    probe.remove();
    setParts(n);
  };
  useLayoutEffect(() => fit.current(), [text]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === size) return;
      size = now;
      fit.current();
    });
    observer.observe(el);
    void el.ownerDocument.fonts?.ready.then(() => fit.current());
    return () => observer.disconnect();
  }, []);
  return (
    <>
      <div class={`whole-text ${className}`} ref={box} aria-hidden="true">
        <p>{(paged.items[0] ?? sentences).join(" ")}</p>
      </div>
      <p class="sr-only">{text}</p>
      <PageDots index={paged.index} count={paged.count} label={t.beamer.part} />
    </>
  );
}

/**
 * Whole sentences: a break after ".", "!" or "?" only where a capital (or an opening quote or bracket) follows, so
 * "Wmo 2015 art. 2.3.5" and "o.a. de wijkteams" stay in one piece.
 */
export function sentencesOf(text: string): string[] {
  const parts = text.split(/(?<=[.!?]["”’)]*)\s+(?=[A-ZÀ-ÖØ-Þ"“‘(])/u).map((x) => x.trim()).filter(Boolean);
  return parts.length > 0 ? parts : [text];
}

/** `list` in `n` runs of about the same length in characters, in order. */
export function splitEvenly(list: readonly string[], n: number): string[][] {
  if (n <= 1) return [[...list]];
  const total = list.reduce((sum, x) => sum + x.length, 0);
  const out: string[][] = [[]];
  let used = 0;
  for (const item of list) {
    const current = out[out.length - 1] ?? [];
    if (current.length > 0 && used + item.length / 2 > (total / n) * out.length && out.length < n) out.push([item]);
    else current.push(item);
    used += item.length;
  }
  return out;
}
