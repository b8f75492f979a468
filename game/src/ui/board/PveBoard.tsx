/**
 * The shared samenvoegen board on a canvas: Phaser is imported here, lazily, only when a board is shown. The layout is
 * derived from the state (game/src/phaser/boardLayout.ts), so the beamer, a laptop and the terugblik draw the same
 * board. On the beamer it only shows; with `interactive` it takes drags and clicks and hands them to the screen,
 * which opens the same dialogs as the list. Its text equivalent is BoardText (the beamer) or the list (a laptop).
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { GameRole } from "#shared/protocol/ids.ts";
import type { Snapshot } from "../../net/connection.ts";
import type { BoardGame, BoardShow } from "../../phaser/boardGame.ts";
import type { CardRef } from "../../phaser/boardLayout.ts";
import { BOARD_FONT, BOARD_FONT_FACES } from "../../phaser/boardFont.ts";
import { pveBoard as s } from "#shared/strings/pveBoard.ts";
import "../../styles/pveBoard.css";

export interface BoardInteraction {
  selected: readonly CardRef[];
  onDrop: (target: CardRef | "pve", dragged: CardRef) => void;
  onToggle: (ref: CardRef) => void;
}

const NONE: readonly string[] = [];
const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** Text widths in the board's font, as the canvas draws them (lane names and item titles take the lines they need). */
let measureCtx: CanvasRenderingContext2D | null | undefined;
function measureText(text: string, px: number, bold: boolean): number {
  if (measureCtx === undefined) measureCtx = document.createElement("canvas").getContext("2d");
  if (!measureCtx) return text.length * px * 0.56;
  measureCtx.font = `${bold ? "700 " : ""}${px}px ${BOARD_FONT}`;
  return measureCtx.measureText(text).width;
}

/** A tafel's short mark on the board: "T2" for "Tafel 2", else the first three letters of its name. */
export function tableMarkOf(name: string): string {
  const number = /^Tafel\s+(\d+)$/i.exec(name.trim())?.[1];
  return number ? `T${number}` : name.trim().slice(0, 3);
}

/** What the board shows of a snapshot: the visible eisen, the items, suggestions and spanningen. */
function boardShow(snap: Snapshot, size: { w: number; h: number; font: number }, interaction: BoardInteraction | undefined, serial: number, highlight: readonly string[]): BoardShow {
  const tableNames = new Map(snap.tables.map((x) => [x.tableId, x.name]));
  const tableOrder = new Map(snap.tables.map((x, n) => [x.tableId, n]));
  const tablesInOrder = (ids: readonly string[]) => [...ids].sort((a, b) => (tableOrder.get(a) ?? 99) - (tableOrder.get(b) ?? 99));
  const tableMark = (tableId: string | null): string | null => {
    const name = tableId ? tableNames.get(tableId) : undefined;
    return name ? tableMarkOf(name) : null;
  };
  return {
    board: {
      width: size.w,
      height: size.h,
      categories: snap.scenario.categories.map((c) => ({ id: c.id, name: c.name })),
      // With tafels every card says where it comes from: "T2" for Tafel 2.
      eisen: snap.eisen.map((e) => ({ id: e.id, role: e.role, categoryId: e.categoryId, text: e.text, itemId: e.itemId, table: tableMark(e.tableId) })),
      items: snap.items.map((i) => ({ id: i.id, text: i.text, categoryId: i.categoryId, roles: i.roles, eisIds: i.eisIds, tables: tablesInOrder(i.tableIds).flatMap((id) => tableMark(id) ?? []) })),
      spanningen: snap.spanningen.map((x) => ({ spanningId: x.spanningId, itemA: x.itemA, itemB: x.itemB })),
      suggestions: snap.suggestions,
      // The beamer's em is 28 px at 1920x1080 (read from the back); a laptop is read up close, a little above body text.
      minTitlePx: interaction ? Math.round(size.font * 1.2) : Math.max(14, Math.round(size.font)),
      // Eis text on a laptop at least 15 px (16 px body text); where that does not fit, the eis is a mark and its text on hover.
      minEisPx: interaction ? Math.max(15, Math.round(size.font * 0.94)) : 14,
      dropZone: interaction !== undefined,
      measure: measureText,
    },
    eisItem: Object.fromEntries(snap.eisen.map((e) => [e.id, e.itemId])),
    // The beamer has no selection: its ring marks the cards whose whole text is read out under the board.
    selected: interaction ? interaction.selected.map((r) => `${r.kind}:${r.id}`) : [...highlight],
    animate: !reducedMotion(),
    interactive: interaction !== undefined,
    serial,
    labels: { continued: s.continued, eisen: s.eisen, dropZone: s.dropZone, similar: s.similar },
  };
}

export function PveBoard({
  snap,
  interaction,
  class: className = "",
  fallback = null,
  onCut,
  highlight = NONE,
}: {
  snap: Snapshot;
  interaction?: BoardInteraction;
  class?: string;
  fallback?: ComponentChildren;
  /** The cards that do not show their whole text (cut short, or a mark), in the board's order, after each frame. */
  onCut?: (keys: string[]) => void;
  /** Cards to mark with a ring (the beamer's tour). */
  highlight?: readonly string[];
}) {
  const host = useRef<HTMLDivElement>(null);
  const game = useRef<BoardGame | null>(null);
  const serial = useRef(0);
  const latest = useRef({ snap, interaction, onCut, highlight });
  latest.current = { snap, interaction, onCut, highlight };
  const [size, setSize] = useState<{ w: number; h: number; font: number } | null>(null);
  const [mode, setMode] = useState<"loading" | "phaser" | "dom">("loading");

  const lastShown = useRef("");
  const push = () => {
    const el = host.current;
    const sz = sizeRef.current;
    if (!el || !game.current || !sz) return;
    const next = boardShow(latest.current.snap, sz, latest.current.interaction, serial.current + 1, latest.current.highlight);
    // A render that changes nothing on the board (the timer, a ready count) draws nothing.
    const key = JSON.stringify([next.board, next.eisItem, next.selected, next.animate]);
    if (key === lastShown.current) return;
    lastShown.current = key;
    serial.current++;
    el.dataset.sentSerial = String(serial.current);
    game.current.show(next);
  };
  const sizeRef = useRef(size);
  sizeRef.current = size;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      const font = Number.parseFloat(getComputedStyle(el).fontSize) || 16;
      const next = { w: Math.floor(r.width), h: Math.floor(r.height), font };
      setSize((old) => (old && old.w === next.w && old.h === next.h && old.font === next.font ? old : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Start Phaser once the board has a size and the font is there (text is measured with it).
  const started = size !== null && size.w > 0 && size.h > 0;
  useEffect(() => {
    const el = host.current;
    const sz = sizeRef.current;
    if (!started || !el || !sz) return;
    let cancelled = false;
    let made: BoardGame | null = null;
    Promise.all(BOARD_FONT_FACES.map(([font, text]) => document.fonts.load(font, text).catch(() => [])))
      .then(() => import("../../phaser/boardGame.ts"))
      .then((m) => {
        serial.current++;
        return m.startBoardGame(el, boardShow(latest.current.snap, sizeRef.current ?? sz, latest.current.interaction, serial.current, latest.current.highlight), {
          onDrop: (target, dragged) => latest.current.interaction?.onDrop(target, dragged),
          onToggle: (ref) => latest.current.interaction?.onToggle(ref),
          onDrawn: (drawn, layout, cutKeys) => {
            el.dataset.drawnSerial = String(drawn);
            el.dataset.drawnAt = String(Date.now());
            el.dataset.items = String(layout.cards.filter((c) => c.ref.kind === "item").length);
            el.dataset.eisen = String(layout.cards.filter((c) => c.ref.kind === "eis").length);
            el.dataset.fits = String(layout.fits);
            el.dataset.titlePx = String(layout.titleFont);
            el.dataset.font = BOARD_FONT;
            el.dataset.eisPx = String(layout.eisFont);
            el.dataset.markPx = String(Math.min(...layout.cards.map((c) => c.mark), layout.titleFont));
            el.dataset.lanePx = String(Math.min(...layout.lanes.map((l) => l.headerFont), layout.titleFont));
            el.dataset.zoom = String(layout.zoom);
            // As drawn (the scene measured each text), in the board's order.
            const cutSet = new Set(cutKeys);
            const hidden = layout.cards.filter((c) => cutSet.has(c.key));
            const cut = hidden.length;
            el.dataset.cut = String(cut);
            el.dataset.tableMarks = String(layout.cards.filter((c) => c.tables.length > 0).length);
            latest.current.onCut?.(hidden.map((c) => c.key));
            // Where each card is (CSS pixels in the board at its first zoom): lets a test or a tool point at a card.
            const z = layout.zoom;
            const box = (b: { x: number; y: number; w: number; h: number }) => [b.x, b.y, b.w, b.h].map((v) => Math.round(v * z));
            el.dataset.cards = JSON.stringify(Object.fromEntries(layout.cards.map((c) => [c.key, box(c)])));
            el.dataset.dropZone = layout.dropZone ? JSON.stringify(box(layout.dropZone)) : "";
          },
        });
      })
      .then((g) => {
        made = g;
        if (cancelled) return g.destroy();
        game.current = g;
        setMode("phaser");
      })
      .catch((error: unknown) => {
        window.console.warn("Bord zonder Phaser", error);
        if (!cancelled) setMode("dom");
      });
    return () => {
      cancelled = true;
      made?.destroy();
      game.current = null;
    };
  }, [started]);

  // Every new state, selection or size: lay out and draw again (the same patch that brings a merge draws it).
  useEffect(() => {
    if (mode === "phaser") push();
  });

  return (
    <>
      <div class={`pve-board ${mode} ${interaction ? "interactive" : ""} ${className}`} aria-hidden="true">
        <div class="pve-board-canvas" ref={host} data-mode={mode} />
        {mode === "loading" ? <p class="pve-board-status muted">{s.loading}</p> : null}
      </div>
      {mode === "dom" ? fallback : null}
    </>
  );
}

/** The board as text, for screen readers (and shown when there is no canvas): per category its items and loose eisen. */
export function BoardText({ snap, visible = false, roleName }: { snap: Snapshot; visible?: boolean; roleName: (role: GameRole) => string }) {
  const textOf = (id: string) => snap.items.find((i) => i.id === id)?.text ?? "";
  const tableNames = new Map(snap.tables.map((x) => [x.tableId, x.name]));
  const fromTables = (ids: readonly string[]) => {
    const names = ids.flatMap((id) => tableNames.get(id) ?? []);
    return names.length > 0 ? s.fromTables(names.join(", ")) : "";
  };
  const eisText = new Map(snap.eisen.map((e) => [e.id, e.text]));
  const lanes = snap.scenario.categories
    .map((c) => ({ c, items: snap.items.filter((i) => i.categoryId === c.id), loose: snap.eisen.filter((e) => e.itemId === null && e.categoryId === c.id) }))
    .filter((l) => l.items.length > 0 || l.loose.length > 0);
  const looseIds = new Set(snap.eisen.filter((e) => e.itemId === null).map((e) => e.id));
  const clusters = similarPairs(snap, looseIds);
  return (
    <section class={`board-text ${visible ? "" : "sr-only"}`} aria-labelledby="bord-tekst-kop">
      <h3 id="bord-tekst-kop">{s.textHeading}</h3>
      {lanes.length === 0 ? <p>{s.empty}</p> : null}
      {lanes.map(({ c, items, loose }) => (
        <section key={c.id} aria-labelledby={`bord-tekst-${c.id}`}>
          <h4 id={`bord-tekst-${c.id}`}>
            {c.name}: {s.laneStats(items.length, loose.length)}
          </h4>
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                {s.item(i.text, i.roles.map(roleName).join(", "), i.eisIds.length)}
                {fromTables(i.tableIds)}
              </li>
            ))}
            {loose.map((e) => (
              <li key={e.id}>
                {s.looseEis(roleName(e.role), e.text)}
                {fromTables(e.tableId ? [e.tableId] : [])}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {clusters.length > 0 ? (
        <ul aria-label={s.similar}>
          {clusters.map((texts) => (
            <li key={texts.join("|")}>{s.cluster(texts)}</li>
          ))}
        </ul>
      ) : null}
      {snap.spanningen.length > 0 ? (
        <ul aria-label={s.spanningenHeading}>
          {snap.spanningen.map((x) => (
            <li key={x.spanningId}>{s.spanning(textOf(x.itemA), textOf(x.itemB), x.note)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );

  function similarPairs(sn: Snapshot, loose: Set<string>): string[][] {
    const live = (r: CardRef) => (r.kind === "eis" ? loose.has(r.id) : sn.items.some((i) => i.id === r.id));
    const text = (r: CardRef) => (r.kind === "eis" ? (eisText.get(r.id) ?? "") : textOf(r.id));
    return sn.suggestions.filter((x) => live(x.a) && live(x.b) && (x.a.kind === "eis" || x.b.kind === "eis")).map((x) => [text(x.a), text(x.b)]);
  }
}
