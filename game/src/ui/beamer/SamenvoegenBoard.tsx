/**
 * The programma van eisen as it grows, on the beamer: the shared board (PveBoard: lanes per category, items with the
 * roles inside, loose eisen with their role, clusters of likely duplicates, spanningen as lines), live from the same
 * patch that brings a merge. No pages: everything is on one screen, laid out to fit. Under it the counts and the newest
 * item in full, and the board as text for screen readers. The cards whose text does not fit (a cut title, an eis
 * shown as a mark) are read out whole in that band, as many per turn as fit its two lines, each turn as long as its
 * longest text takes to read (tourPages.ts), ringed on the board meanwhile; between turns the band also says that
 * everyone's own screen lists every eis and item in full.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Snapshot } from "../../net/connection.ts";
import { ROLE_NAMES, t } from "#shared/strings/index.ts";
import { pveBoard } from "#shared/strings/pveBoard.ts";
import { BoardText, PveBoard } from "../board/PveBoard.tsx";
import { TableStrip } from "./TableStrip.tsx";
import { tourAt, tourPages, TOUR_SEPARATOR, type TourEntry, type TourPage } from "./tourPages.ts";

const roleName = (role: keyof typeof ROLE_NAMES) => ROLE_NAMES[role];

/** After a merge the newest item stays in the line under the board this long; then the tour goes on. */
const NEWEST_MS = 12_000;
const NO_KEYS: readonly string[] = [];

/**
 * `replay`: drawn in the terugblik, where nobody's own screen lists the eisen of that moment (and the steps move on
 * faster than a tour would).
 */
export function SamenvoegenBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.samenvoegen;
  const loose = snap.eisen.filter((e) => e.itemId === null).length;
  const strip = snap.session.phase.kind === "samenvoegen" && snap.tables.length > 0;
  const newest = snap.items[snap.items.length - 1] ?? null;
  const [hidden, setHidden] = useState<string[]>([]);
  const onCut = useCallback((keys: string[]) => setHidden((old) => (old.join(" ") === keys.join(" ") ? old : keys)), []);
  const [foot, setFoot] = useState<HTMLDivElement | null>(null);
  const entries = useMemo(() => hidden.flatMap((key) => tourEntry(snap, key) ?? []), [hidden, snap.items, snap.eisen]);
  const stats = `${b.stats(snap.items.length, loose)}${snap.spanningen.length > 0 ? ` · ${snap.spanningen.length === 1 ? "1 spanning" : `${snap.spanningen.length} spanningen`}` : ""}`;
  const pages = useTourPages(entries, `${stats}. `, foot);
  const toured = useTour(pages, newest?.id ?? null, !replay);
  const first = toured ? entries.findIndex((e) => e.key === toured.keys[0]) + 1 : 0;
  // The board takes all the height there is; under it in one band of two lines what it is and how far it is, and the
  // newest item in full, or, in turns, the cards whose text does not fit on the board (ringed there), so every eis
  // and item can be read on the beamer itself.
  return (
    <div class="samen samen-board">
      {snap.eisen.length === 0 ? (
        <p class="beamer-empty">{pveBoard.empty}</p>
      ) : (
        <PveBoard snap={snap} class="samen-canvas" onCut={onCut} highlight={toured?.keys ?? NO_KEYS} fallback={<BoardText snap={snap} roleName={roleName} visible />} />
      )}
      <div class="samen-foot" ref={setFoot}>
        {toured ? (
          // A turn of the tour takes the whole band: the counts first, then as many whole cards as fit.
          <p class="samen-spotlight samen-tour" data-cards={toured.keys.join(" ")}>
            <span class="muted">{stats}. </span>
            <strong>{pveBoard.tourOf(first, first + toured.keys.length - 1, entries.length)}:</strong>{" "}
            {toured.texts.map((text, i) => (
              <span key={`${toured.keys[i] ?? i}`}>
                {i > 0 ? <span class="muted">{TOUR_SEPARATOR}</span> : null}
                <span class="samen-tour-card">{text}</span>
              </span>
            ))}
          </p>
        ) : (
          <>
            <div class="samen-foot-head">
              <h2>{b.heading}</h2>
              <p>{stats}</p>
              {hidden.length > 0 && !replay ? <p class="muted">{pveBoard.cutNote}</p> : null}
            </div>
            {newest ? (
              <p class="samen-spotlight">
                <strong>{pveBoard.spotlight(newest.eisIds.length)}:</strong> <span>{newest.text}</span> <span class="muted">({pveBoard.fromEisen(newest.eisIds.length)})</span>
              </p>
            ) : null}
          </>
        )}
      </div>
      <BoardText snap={snap} roleName={roleName} />
      {strip ? <TableStrip snap={snap} compact /> : null}
    </div>
  );
}

/**
 * The turns of the tour: as many whole cards as fit the band under the board (two lines), measured in its own font
 * and width; measured again when the band changes size.
 */
function useTourPages(entries: readonly TourEntry[], stats: string, el: HTMLDivElement | null): TourPage[] {
  const [box, setBox] = useState<{ width: number; font: string } | null>(null);
  useEffect(() => {
    if (!el) return;
    const measure = () => {
      // The band's width, less the line's border and padding (6 px and 0.6 em on the left).
      const style = getComputedStyle(el);
      const em = Number.parseFloat(style.fontSize) || 28;
      const width = el.clientWidth - 6 - 0.6 * em;
      const font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      setBox((old) => (old && old.width === width && old.font === font ? old : { width, font }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return useMemo(() => {
    if (!box || box.width <= 0 || entries.length === 0) return [];
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) return [];
    ctx.font = box.font;
    // A little room for what the browser's wrapping does differently; the widest form of the label.
    const n = entries.length;
    return tourPages(entries, `${stats}${pveBoard.tourOf(n, n, n)}: `, box.width * 0.96, (x) => ctx.measureText(x).width);
  }, [entries, stats, box]);
}

/** The turn the tour shows now, or null (the newest item first, for a while after each merge). */
function useTour(pages: readonly TourPage[], newestId: string | null, enabled: boolean): TourPage | null {
  const since = useRef({ id: newestId, at: Date.now() });
  if (since.current.id !== newestId) since.current = { id: newestId, at: Date.now() };
  const [now, setNow] = useState(() => Date.now());
  const on = enabled && pages.length > 0;
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [on]);
  if (!on) return null;
  const start = since.current.at + (newestId !== null ? NEWEST_MS : 0);
  if (now < start) return null;
  return tourAt(pages, now - start)?.page ?? null;
}

/** A card read out whole: an item with how many eisen it holds, an eis with its role. */
function tourEntry(snap: Snapshot, key: string): TourEntry | null {
  const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  if (kind === "item") {
    const item = snap.items.find((i) => i.id === id);
    return item ? { key, text: `${item.text} (${pveBoard.fromEisen(item.eisIds.length)})` } : null;
  }
  const eis = snap.eisen.find((e) => e.id === id);
  return eis ? { key, text: pveBoard.tourEis(roleName(eis.role), eis.text) } : null;
}
