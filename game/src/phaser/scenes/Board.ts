/**
 * The samenvoegen board, drawn: lanes, item cards (wording, the roles inside, how many eisen), loose eisen (role
 * colour and icon), clusters of suggested duplicates, spanningen as lines between items. Where everything goes comes
 * from boardLayout.ts; this scene only draws it and moves cards from where they were to where they are now:
 * an eis merged into an item flies into it (<= 300 ms), a new card fades in, nothing moves under reduced motion.
 *
 * On a laptop or the console the board is interactive: drag a card onto a card (merge) or onto the drop zone (take
 * in), click to select, drag the background to pan, wheel to zoom, hover for the whole text. It decides nothing: it
 * emits what the person did and the screen opens the same dialog the list uses.
 */
import * as Phaser from "phaser";
import type { GameRole } from "#shared/protocol/ids.ts";
import { PALETTE, ROLE_COLOURS, ROLE_ICONS } from "#shared/theme.ts";
import { BOARD_FONT } from "../boardFont.ts";
import { edgeToEdge, LINE_HEIGHT, TILE_TAG, tableMarkWidth, wrapBesideCorner, wrapWords, type Rect, type BoardLayout, type CardBox, type CardRef } from "../boardLayout.ts";

export const BOARD_KEY = "pveBoard";
export const BOARD_EVENTS = { ready: "board:ready", drawn: "board:drawn", drop: "board:drop", toggle: "board:toggle" } as const;
export const FLY_MS = 260;

export interface BoardModel {
  layout: BoardLayout;
  /** Where each eis is now (null: loose), so a card that leaves can fly into its item. */
  eisItem: Record<string, string | null>;
  selected: string[];
  animate: boolean;
  interactive: boolean;
  /** Device pixels per CSS pixel: the canvas is drawn sharp and shown at CSS size. */
  dpr: number;
  /** A counter from the screen: the frame that shows this model reports it back (bench and tests). */
  serial: number;
  labels: { continued: string; eisen: (n: number) => string; dropZone: string; similar: string };
}

const FONT = BOARD_FONT;
const hex = (c: string) => Number.parseInt(c.slice(1), 16);
const INK = hex(PALETTE.ink);
const LANE = 0xefe8da;
const LINE = hex(PALETTE.line);
const ACCENT = hex(PALETTE.accent);
const SPANNING = hex(PALETTE.danger);
const ICON_PX = 64;
/** The font of a loose eis's tafel tag on a card `h` high. */
const tableTagFont = (h: number) => Math.max(12, Math.round(Math.min(18, h * 0.42)));

interface CardView {
  box: CardBox;
  container: Phaser.GameObjects.Container;
  hit: Phaser.GameObjects.Rectangle;
  signature: string;
  /** Its text as drawn is not the whole text (cut with "…", or the eis is a mark). */
  cut: boolean;
}

export class Board extends Phaser.Scene {
  private model: BoardModel | null = null;
  private cards = new Map<string, CardView>();
  private lanesLayer: Phaser.GameObjects.Graphics | null = null;
  private linksLayer: Phaser.GameObjects.Graphics | null = null;
  private laneTexts: Phaser.GameObjects.Text[] = [];
  private marks = new Map<string, Phaser.GameObjects.Text>();
  private lanesDrawn = "";
  private tooltip: Phaser.GameObjects.Container | null = null;
  /** While dragging: an outline around the card or zone the card would land on. */
  private dropMark: Phaser.GameObjects.Graphics | null = null;
  private dragging: { key: string; dx: number; dy: number; moved: boolean } | null = null;
  private panning: { x: number; y: number; sx: number; sy: number } | null = null;
  private userZoom = 1;
  private idleFrames = 0;
  private pendingSerial = -1;

  constructor() {
    super("Board");
  }

  create(): void {
    this.makeIconTextures();
    this.lanesLayer = this.add.graphics().setDepth(0);
    // Under the cards: a line between items far apart would otherwise strike through the text of every card between.
    this.linksLayer = this.add.graphics().setDepth(5);
    const onChange = (_parent: unknown, value: unknown) => {
      if (isModel(value)) this.draw(value);
    };
    this.registry.events.on(`changedata-${BOARD_KEY}`, onChange);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.registry.events.off(`changedata-${BOARD_KEY}`, onChange));
    this.events.on(Phaser.Scenes.Events.POST_UPDATE, () => this.afterUpdate());
    this.setUpInput();
    const model: unknown = this.registry.get(BOARD_KEY);
    if (isModel(model)) this.draw(model);
    this.game.events.emit(BOARD_EVENTS.ready);
  }

  /** White role icons on transparent, drawn from the same SVG paths as the DOM (no files, no licence). */
  private makeIconTextures(): void {
    for (const [role, path] of Object.entries(ROLE_ICONS)) {
      const key = `role-${role}`;
      if (this.textures.exists(key)) continue;
      const texture = this.textures.createCanvas(key, ICON_PX, ICON_PX);
      const ctx = texture?.getContext();
      if (!texture || !ctx) continue;
      ctx.scale(ICON_PX / 24, ICON_PX / 24);
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 2.2;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.stroke(new Path2D(path));
      texture.refresh();
    }
  }

  override update(): void {
    const busy = this.tweens.getTweens().length > 0 || this.dragging !== null || this.panning !== null;
    if (busy) this.drawLinks();
    if (this.model?.interactive) return;
    // The beamer's board sleeps while nothing moves; the next model wakes it.
    this.idleFrames = busy ? 0 : this.idleFrames + 1;
    if (this.idleFrames > 3) this.game.loop.sleep();
  }

  private afterUpdate(): void {
    if (this.pendingSerial < 0) return;
    const serial = this.pendingSerial;
    this.pendingSerial = -1;
    // Reported after this frame has rendered.
    // With the cards whose whole text is not on the board, as measured when drawn (the beamer reads them out).
    const cut = [...this.cards].filter(([, v]) => v.cut).map(([key]) => key);
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.game.events.emit(BOARD_EVENTS.drawn, serial, cut));
  }

  private draw(model: BoardModel): void {
    const previous = this.model;
    this.model = model;
    const { layout } = model;
    const animate = model.animate && previous !== null;
    this.fitCamera(previous === null || previous.layout.width !== layout.width || previous.layout.height !== layout.height);
    this.drawLanes(layout, model);

    const next = new Map(layout.cards.map((c) => [c.key, c]));
    // Cards that left: an eis (or item) merged into an item flies into it; anything else fades.
    for (const [key, view] of this.cards) {
      if (next.has(key)) continue;
      this.cards.delete(key);
      const firstEis = view.box.ref.kind === "eis" ? view.box.ref.id : view.box.eisIds[0];
      const itemId = firstEis ? model.eisItem[firstEis] : null;
      const into = itemId ? next.get(`item:${itemId}`) : undefined;
      this.tweens.killTweensOf(view.container);
      if (!animate) {
        view.container.destroy();
        continue;
      }
      view.container.setDepth(50);
      if (into) {
        this.tweens.add({
          targets: view.container,
          x: into.x + into.w / 2 - (view.box.w * 0.25) / 2,
          y: into.y + into.h / 2 - (view.box.h * 0.25) / 2,
          scale: 0.25,
          alpha: 0.2,
          duration: FLY_MS,
          ease: "Cubic.easeIn",
          onComplete: () => view.container.destroy(),
        });
      } else {
        this.tweens.add({ targets: view.container, alpha: 0, duration: 180, onComplete: () => view.container.destroy() });
      }
    }
    const selected = new Set(model.selected);
    for (const box of layout.cards) {
      const signature = JSON.stringify([box.text, box.w, box.h, box.font, box.maxLines, box.tile, box.roles, box.eisCount, box.tables, selected.has(box.key)]);
      let view = this.cards.get(box.key);
      if (view && view.signature !== signature) {
        const { x, y } = view.container;
        this.tweens.killTweensOf(view.container);
        view.container.destroy();
        view = this.makeCard(box, signature, selected.has(box.key));
        view.container.setPosition(x, y);
        this.cards.set(box.key, view);
      }
      if (!view) {
        view = this.makeCard(box, signature, selected.has(box.key));
        this.cards.set(box.key, view);
        view.container.setPosition(box.x, box.y);
        if (animate) {
          // A new item grows out of the cards flying into it; a new eis fades in.
          view.container.setAlpha(0);
          this.tweens.add({ targets: view.container, alpha: 1, duration: FLY_MS, delay: box.ref.kind === "item" ? FLY_MS * 0.4 : 0 });
        }
      }
      view.box = box;
      view.container.setDepth(box.ref.kind === "item" ? 10 : 11);
      if (this.dragging?.key === box.key) continue;
      this.tweens.killTweensOf(view.container);
      view.container.setScale(1);
      if (animate && (Math.abs(view.container.x - box.x) > 0.5 || Math.abs(view.container.y - box.y) > 0.5)) {
        this.tweens.add({ targets: view.container, x: box.x, y: box.y, alpha: 1, duration: FLY_MS, ease: "Cubic.easeOut" });
      } else {
        view.container.setPosition(box.x, box.y);
        view.container.setAlpha(1);
      }
    }
    this.drawLinks();
    this.pendingSerial = model.serial;
    this.idleFrames = 0;
    if (!this.game.loop.running) this.game.loop.wake();
  }

  /** World units are CSS pixels of the board; the camera zooms by the device pixel ratio (and the layout's zoom to fit). */
  private fitCamera(reset: boolean): void {
    const model = this.model;
    if (!model) return;
    if (reset) this.userZoom = 1;
    const cam = this.cameras.main;
    const base = model.dpr * model.layout.zoom;
    cam.setZoom(base * this.userZoom);
    cam.setOrigin(0, 0);
    if (reset || this.userZoom === 1) cam.setScroll(0, 0);
    this.clampScroll();
  }

  private clampScroll(): void {
    const model = this.model;
    if (!model) return;
    const cam = this.cameras.main;
    const viewW = cam.width / cam.zoom;
    const viewH = cam.height / cam.zoom;
    const contentW = model.layout.width;
    const contentH = Math.max(model.layout.height, model.layout.contentHeight);
    cam.scrollX = Math.min(Math.max(0, cam.scrollX), Math.max(0, contentW - viewW));
    cam.scrollY = Math.min(Math.max(0, cam.scrollY), Math.max(0, contentH - viewH));
  }

  private drawLanes(layout: BoardLayout, model: BoardModel): void {
    const g = this.lanesLayer;
    if (!g) return;
    // Lanes, headings and clusters change far less often than cards: redraw them only when they do.
    const key = JSON.stringify([layout.lanes, layout.clusters, layout.dropZone, model.dpr]);
    if (key === this.lanesDrawn) return;
    this.lanesDrawn = key;
    g.clear();
    for (const t of this.laneTexts) t.destroy();
    this.laneTexts = [];
    if (layout.dropZone) {
      const z = layout.dropZone;
      g.fillStyle(0xffffff, 0.6);
      g.fillRoundedRect(z.x, z.y, z.w, z.h, 12);
      g.lineStyle(3, ACCENT, 1);
      g.strokeRoundedRect(z.x + 1.5, z.y + 1.5, z.w - 3, z.h - 3, 12);
      const font = Math.round(Math.min(22, z.h * 0.42));
      this.laneTexts.push(this.add.text(z.x + z.w / 2, z.y + z.h / 2, model.labels.dropZone, textStyle(font, "#0B5F78", true)).setOrigin(0.5, 0.5).setDepth(1).setResolution(model.dpr));
    }
    for (const lane of layout.lanes) {
      g.fillStyle(LANE, 1);
      g.fillRoundedRect(lane.x - 6, lane.y - 4, lane.w + 12, lane.h + 10, 14);
      const text = this.add.text(lane.x + 4, lane.y + 2, lane.name, textStyle(lane.headerFont, "#1F2A30", true)).setDepth(1).setResolution(model.dpr);
      text.setLineSpacing(lane.headerFont * (LINE_HEIGHT - 1.17));
      // The whole name, over two lines where needed; "(vervolg)" on a lane's next column.
      const lines = Math.max(1, lane.headerLines);
      fitLines(text, lane.continued ? `${lane.name} ${model.labels.continued}` : lane.name, lane.w - 8, lines);

      this.laneTexts.push(text);
    }
    for (const c of layout.clusters) {
      g.lineStyle(3, ACCENT, 0.9);
      dashedRect(g, c.x + 1.5, c.y + 1.5, c.w - 3, c.h - 3, 10, 7);
      g.fillStyle(ACCENT, 0.07);
      g.fillRoundedRect(c.x, c.y, c.w, c.h, 12);
    }
  }

  /** Whether the straight line from a to b runs over a card other than the two it links. */
  private crossesCards(a: { x: number; y: number }, b: { x: number; y: number }, linked: readonly string[]): boolean {
    const line = new Phaser.Geom.Line(a.x, a.y, b.x, b.y);
    for (const [key, view] of this.cards) {
      if (linked.includes(key)) continue;
      if (Phaser.Geom.Intersects.LineToRectangle(line, new Phaser.Geom.Rectangle(view.container.x, view.container.y, view.box.w, view.box.h))) return true;
    }
    return false;
  }

  /** Spanningen and "lijkt op"-lines follow the cards as they move. */
  private drawLinks(): void {
    const g = this.linksLayer;
    const model = this.model;
    if (!g || !model) return;
    g.clear();
    const used = new Set<string>();
    const rect = (key: string): Rect | null => {
      const view = this.cards.get(key);
      if (view) return { x: view.container.x, y: view.container.y, w: view.box.w, h: view.box.h };
      const cluster = model.layout.clusters.find((c) => c.key === key);
      return cluster ? { x: cluster.x, y: cluster.y, w: cluster.w, h: cluster.h } : null;
    };
    for (const link of model.layout.links) {
      const ra = rect(link.from);
      const rb = rect(link.to);
      if (!ra || !rb) continue;
      // From edge to edge, over the cards' gap; under any card between (the layer lies below the cards).
      const [a, b] = edgeToEdge(ra, rb);
      if (link.kind === "spanning") {
        g.lineStyle(5, SPANNING, 0.85);
        g.lineBetween(a.x, a.y, b.x, b.y);
        g.fillStyle(SPANNING, 1);
        g.fillCircle(a.x, a.y, 7);
        g.fillCircle(b.x, b.y, 7);
        // Between neighbours one mark in the gap; a line that runs under other cards gets a mark at each end, on the
        // two items in tension (a mark halfway would sit on a card that has nothing to do with it).
        const ends = this.crossesCards(a, b, [link.from, link.to]) ? [a, b] : [{ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }];
        for (const [i, at] of ends.entries()) {
          const key = `${link.key}#${i}`;
          let mark = this.marks.get(key);
          if (!mark) {
            mark = this.add.text(0, 0, "⚡", { fontFamily: FONT, fontSize: "26px", color: "#ffffff", backgroundColor: PALETTE.danger, padding: { x: 6, y: 2 } });
            mark.setOrigin(0.5).setDepth(40).setResolution(model.dpr);
            this.marks.set(key, mark);
          }
          mark.setPosition(at.x, at.y);
          used.add(key);
        }
      } else {
        g.lineStyle(3, ACCENT, 0.8);
        dashedLine(g, a.x, a.y, b.x, b.y, 10, 8);
      }
    }
    for (const [key, mark] of this.marks) {
      if (used.has(key)) continue;
      mark.destroy();
      this.marks.delete(key);
    }
  }

  private makeCard(box: CardBox, signature: string, selected: boolean): CardView {
    const dpr = this.model?.dpr ?? 1;
    const container = this.add.container(box.x, box.y);
    const g = this.add.graphics();
    const item = box.ref.kind === "item";
    const radius = item ? 12 : 8;
    let cut = false;
    g.fillStyle(0x000000, 0.08);
    g.fillRoundedRect(1, 3, box.w, box.h, radius);
    g.fillStyle(0xffffff, 1);
    g.fillRoundedRect(0, 0, box.w, box.h, radius);
    g.lineStyle(item ? 3 : 2, item ? hex(PALETTE.muted) : LINE, 1);
    g.strokeRoundedRect(0, 0, box.w, box.h, radius);
    container.add(g);
    if (item && box.tile) {
      // A tile (the fullest boards, an item of one eis): its role mark, its tafel, and as much of the title as fits.
      const badge = box.mark;
      const cy = box.h / 2;
      const role: GameRole = box.roles[0] ?? "burger";
      g.fillStyle(hex(ROLE_COLOURS[role]), 1);
      g.fillCircle(4 + badge / 2, cy, badge / 2);
      const label = box.tables[0];
      // With a tafel the icon sits a little up and left in its disc, clear of the tag on the disc's corner.
      const icon = label ? badge * 0.56 : badge * 0.66;
      container.add(this.add.image(4 + badge / 2 - (label ? badge * 0.08 : 0), cy - (label ? badge * 0.1 : 0), `role-${role}`).setDisplaySize(icon, icon));
      const left = 4 + badge + 6 + (label ? TILE_TAG : 0);
      // Its tafel as a small tag on the role mark's lower right corner, as on a loose eis's mark.
      if (label) this.drawTableTag(container, label, 4 + badge + TILE_TAG, box.h, Math.max(10, Math.round(Math.min(13, box.h * 0.38))));
      // One line, measured in the font it is drawn in: a long first word is cut with "…" too ("Leidinggev…").
      const room = box.w - left - 4;
      const measure = measurer(box.font, true);
      let [line = ""] = wrapWords(box.text, room, 1, measure);
      if (line !== box.text && measure(line) < room * 0.7) {
        // "We…" says little: fill the line, cutting inside the next word ("We beginn…").
        let n = line.replace(/…$/, "").length;
        while (n < box.text.length && measure(`${box.text.slice(0, n + 1).trimEnd()}…`) <= room) n++;
        line = `${box.text.slice(0, n).trimEnd()}…`;
      }
      const text = this.add.text(left, cy, line, textStyle(box.font, "#1F2A30", true)).setOrigin(0, 0.5).setResolution(dpr);
      cut = line !== box.text;
      container.add(text);
    } else if (item) {
      const pad = 10;
      const text = this.add.text(pad + 2, 7, box.text, textStyle(box.font, "#1F2A30", true)).setResolution(dpr);
      text.setLineSpacing(box.font * (LINE_HEIGHT - 1.17));
      fitLines(text, box.text, box.w - 2 * pad - 4, box.maxLines, false, true);
      cut = text.text !== box.text;
      container.add(text);
      // The row under the title, at the size the room reads: the roles' marks, the tafels, how many eisen.
      const badge = box.mark;
      const cy = box.h - 7 - badge / 2;
      const count = this.add.text(box.w - pad, cy, this.model?.labels.eisen(box.eisCount) ?? "", textStyle(badge, "#56626B", false)).setOrigin(1, 0.5).setResolution(dpr);
      container.add(count);
      let right = box.w - pad - count.width - 10;
      for (const label of [...box.tables].reverse()) {
        const w = tableMarkWidth(label, badge * 0.8);
        right -= w;
        this.drawTableMark(container, g, label, right, cy, w, badge);
        right -= 6;
      }
      // Many roles in a narrow card: the marks overlap a little, like a stack of discs, instead of running out.
      const n = box.roles.length;
      const step = n > 1 ? Math.min(badge + 6, (right - pad - badge) / (n - 1)) : 0;
      box.roles.forEach((role, i) => {
        const x = pad + i * step;
        g.fillStyle(0xffffff, 1);
        g.fillCircle(x + badge / 2, cy, badge / 2 + 2);
        g.fillStyle(hex(ROLE_COLOURS[role]), 1);
        g.fillCircle(x + badge / 2, cy, badge / 2);
      });
      box.roles.forEach((role, i) => container.add(this.add.image(pad + i * step + badge / 2, cy, `role-${role}`).setDisplaySize(badge * 0.66, badge * 0.66)));
    } else if (box.maxLines === 0) {
      // The densest board: the eis as a mark in its role's colour with its icon; the text is in the tooltip.
      const role: GameRole = box.roles[0] ?? "burger";
      g.fillStyle(hex(ROLE_COLOURS[role]), 1);
      g.fillRoundedRect(0, 0, box.w, box.h, radius);
      const icon = Math.min(box.w, box.h) * 0.7;
      container.add(this.add.image(box.w / 2, box.h / 2, `role-${role}`).setDisplaySize(icon, icon));
      cut = true;
      // Its tafel as a small tag on the mark's corner (the lane keeps one tafel's marks together).
      const label = box.tables[0];
      if (label) this.drawTableTag(container, label, box.w, box.h);
    } else {
      const role: GameRole = box.roles[0] ?? "burger";
      g.fillStyle(hex(ROLE_COLOURS[role]), 1);
      g.fillRoundedRect(0, 0, 7, box.h, { tl: radius, bl: radius, tr: 0, br: 0 });
      const icon = box.mark;
      const cy = Math.min(box.h / 2, 6 + icon / 2);
      g.fillCircle(7 + 5 + icon / 2, cy, icon / 2);
      container.add(this.add.image(7 + 5 + icon / 2, cy, `role-${role}`).setDisplaySize(icon * 0.68, icon * 0.68));
      const left = 7 + 5 + icon + 7;
      const text = this.add.text(left, 6, box.text, textStyle(box.font, "#1F2A30", false)).setResolution(dpr);
      text.setLineSpacing(box.font * (LINE_HEIGHT - 1.17));
      const label = box.tables[0];
      const measure = measurer(box.font, false);
      // The tafel's tag sits on the bottom right corner: a full card's last line stops short of it.
      const corner = label ? measurer(tableTagFont(box.h), true)(label) + 6 + 6 : 0;
      const lines = wrapBesideCorner(box.text, box.w - left - 6, box.maxLines, measure, corner);
      text.setText(lines.join("\n"));
      cut = lines[lines.length - 1]?.endsWith("…") ?? false;
      container.add(text);
      if (label) this.drawTableTag(container, label, box.w, box.h);
    }
    if (selected) {
      g.lineStyle(5, hex(PALETTE.focus), 1);
      g.strokeRoundedRect(-3, -3, box.w + 6, box.h + 6, radius + 3);
    }
    const hit = this.add.rectangle(0, 0, box.w, box.h, 0xffffff, 0).setOrigin(0, 0);
    container.add(hit);
    const view: CardView = { box, container, hit, signature, cut };
    if (this.model?.interactive) {
      hit.setInteractive({ useHandCursor: true, draggable: true });
      hit.setData("key", box.key);
    }
    return view;
  }

  /** A tafel mark ("T2") in the row of an item: a dark pill with white text, as large as the role marks. */
  private drawTableMark(container: Phaser.GameObjects.Container, g: Phaser.GameObjects.Graphics, label: string, x: number, cy: number, w: number, h: number): void {
    g.fillStyle(INK, 1);
    g.fillRoundedRect(x, cy - h / 2, w, h, 6);
    container.add(this.add.text(x + w / 2, cy, label, textStyle(Math.round(h * 0.8), "#ffffff", true)).setOrigin(0.5, 0.5).setResolution(this.model?.dpr ?? 1));
  }

  /** The tafel of a loose eis: a small tag on its card's bottom right corner. */
  private drawTableTag(container: Phaser.GameObjects.Container, label: string, w: number, h: number, size?: number): void {
    const font = size ?? tableTagFont(h);
    const text = this.add.text(w - 2, h - 2, label, { ...textStyle(font, "#ffffff", true), backgroundColor: PALETTE.ink, padding: { x: 3, y: 0 } }).setOrigin(1, 1).setResolution(this.model?.dpr ?? 1);
    container.add(text);
  }

  private setUpInput(): void {
    this.input.dragDistanceThreshold = 6;
    this.input.on(Phaser.Input.Events.GAMEOBJECT_OVER, (_p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      const key: unknown = obj.getData("key");
      if (typeof key === "string" && !this.dragging) this.showTooltip(key);
    });
    this.input.on(Phaser.Input.Events.GAMEOBJECT_OUT, () => this.hideTooltip());
    this.input.on(Phaser.Input.Events.DRAG_START, (pointer: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      const key: unknown = obj.getData("key");
      const view = typeof key === "string" ? this.cards.get(key) : undefined;
      if (!view || typeof key !== "string") return;
      this.hideTooltip();
      this.tweens.killTweensOf(view.container);
      view.container.setDepth(100).setAlpha(0.92);
      this.dragging = { key, dx: pointer.worldX - view.container.x, dy: pointer.worldY - view.container.y, moved: true };
    });
    this.input.on(Phaser.Input.Events.DRAG, (pointer: Phaser.Input.Pointer) => {
      const d = this.dragging;
      const view = d ? this.cards.get(d.key) : undefined;
      if (!d || !view) return;
      view.container.setPosition(pointer.worldX - d.dx, pointer.worldY - d.dy);
      this.markDropTarget(this.dropTarget(pointer.worldX, pointer.worldY, d.key));
    });
    this.input.on(Phaser.Input.Events.DRAG_END, (pointer: Phaser.Input.Pointer) => {
      const d = this.dragging;
      this.dragging = null;
      const view = d ? this.cards.get(d.key) : undefined;
      if (!d || !view) return;
      const target = this.dropTarget(pointer.worldX, pointer.worldY, d.key);
      this.markDropTarget(null);
      // Back to its place: the board changes when the server says so.
      this.tweens.add({ targets: view.container, x: view.box.x, y: view.box.y, alpha: 1, duration: this.model?.animate ? 160 : 0 });
      view.container.setDepth(view.box.ref.kind === "item" ? 10 : 11);
      if (target) this.game.events.emit(BOARD_EVENTS.drop, target, view.box.ref);
    });
    this.input.on(Phaser.Input.Events.GAMEOBJECT_UP, (pointer: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      const key: unknown = obj.getData("key");
      // Phaser also hears a release anywhere on the page: a click on a dialog's button over the board is not a click
      // on the card under it.
      if (!this.onCanvas(pointer)) return;
      if (typeof key !== "string" || pointer.getDistance() > 6) return;
      const view = this.cards.get(key);
      if (view) this.game.events.emit(BOARD_EVENTS.toggle, view.box.ref);
    });
    // The background: drag to pan, wheel to zoom, double click back to the whole board.
    this.input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => {
      if (!this.model?.interactive || over.length > 0 || !this.onCanvas(pointer)) return;
      this.panning = { x: pointer.x, y: pointer.y, sx: this.cameras.main.scrollX, sy: this.cameras.main.scrollY };
    });
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (pointer: Phaser.Input.Pointer) => {
      const p = this.panning;
      if (!p || !pointer.isDown) return;
      const cam = this.cameras.main;
      cam.scrollX = p.sx - (pointer.x - p.x) / cam.zoom;
      cam.scrollY = p.sy - (pointer.y - p.y) / cam.zoom;
      this.clampScroll();
    });
    this.input.on(Phaser.Input.Events.POINTER_UP, () => {
      this.panning = null;
    });
    this.input.on(Phaser.Input.Events.POINTER_WHEEL, (pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      const model = this.model;
      if (!model?.interactive) return;
      const cam = this.cameras.main;
      const before = { x: pointer.worldX, y: pointer.worldY };
      this.userZoom = Math.min(3, Math.max(1, this.userZoom * (dy > 0 ? 0.9 : 1.1)));
      cam.setZoom(model.dpr * model.layout.zoom * this.userZoom);
      // Keep the point under the pointer where it was.
      const after = cam.getWorldPoint(pointer.x, pointer.y);
      cam.scrollX += before.x - after.x;
      cam.scrollY += before.y - after.y;
      this.clampScroll();
    });
  }

  private onCanvas(pointer: Phaser.Input.Pointer): boolean {
    return pointer.event?.target === this.game.canvas;
  }

  private dropTarget(x: number, y: number, dragged: string): CardRef | "pve" | null {
    const model = this.model;
    if (!model) return null;
    for (const box of model.layout.cards) {
      if (box.key === dragged) continue;
      if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h) return box.ref;
    }
    const z = model.layout.dropZone;
    if (z && dragged.startsWith("eis:") && x >= z.x && x <= z.x + z.w && y >= z.y && y <= z.y + z.h) return "pve";
    return null;
  }

  private markDropTarget(target: CardRef | "pve" | null): void {
    const model = this.model;
    if (!this.dropMark) this.dropMark = this.add.graphics().setDepth(90);
    const g = this.dropMark;
    g.clear();
    if (!model || !target) return;
    const box = target === "pve" ? model.layout.dropZone : model.layout.cards.find((c) => c.key === `${target.kind}:${target.id}`);
    if (!box) return;
    g.lineStyle(6, hex(PALETTE.focus), 1);
    g.strokeRoundedRect(box.x - 5, box.y - 5, box.w + 10, box.h + 10, 14);
  }

  private showTooltip(key: string): void {
    this.hideTooltip();
    const view = this.cards.get(key);
    const model = this.model;
    if (!view || !model) return;
    const { box } = view;
    const width = Math.min(420, model.layout.width - 20);
    const text = this.add.text(12, 10, box.text, { ...textStyle(18, "#1F2A30", false), wordWrap: { width: width - 24, useAdvancedWrap: true } }).setResolution(model.dpr);
    const h = text.height + 20;
    const bg = this.add.graphics();
    bg.fillStyle(0xffffff, 1);
    bg.fillRoundedRect(0, 0, width, h, 10);
    bg.lineStyle(2, INK, 1);
    bg.strokeRoundedRect(0, 0, width, h, 10);
    const cam = this.cameras.main;
    const viewBottom = cam.scrollY + cam.height / cam.zoom;
    let x = Math.min(box.x, model.layout.width - width - 4);
    let y = box.y + box.h + 6;
    if (y + h > viewBottom) y = Math.max(cam.scrollY + 4, box.y - h - 6);
    x = Math.max(cam.scrollX + 4, x);
    this.tooltip = this.add.container(x, y, [bg, text]).setDepth(200);
  }

  private hideTooltip(): void {
    this.tooltip?.destroy();
    this.tooltip = null;
  }
}

function textStyle(size: number, color: string, bold: boolean): Phaser.Types.GameObjects.Text.TextStyle {
  return { fontFamily: FONT, fontSize: `${size}px`, fontStyle: bold ? "bold" : "normal", color };
}

/**
 * Wraps `full` in `width` and keeps at most `maxLines` lines, ending in "…" when it is cut (the whole text is in the
 * tooltip and the board's text equivalent).
 */
export function fitLines(text: Phaser.GameObjects.Text, full: string, width: number, maxLines: number, breakWords = false, fillLine = false): void {
  // Titles never break a word: a word longer than the line (a long Dutch compound in a narrow card) makes that title
  // a little smaller instead. The small eis cards break such a word rather than shrink.
  text.setWordWrapWidth(width, breakWords);
  text.setText(full);
  const size = Number.parseFloat(String(text.style.fontSize)) || 16;
  // (A title that is cut anyway keeps its size: the long word is cut with the rest, see fillUp.)
  if (!breakWords && !fillLine && text.width > width + 0.5) text.setFontSize(`${Math.max(12, Math.floor((size * width) / text.width))}px`);
  const lines = text.getWrappedText(full);
  if (fillLine && lines.some((line) => text.context.measureText(line).width > width + 0.5)) {
    // A word longer than the card is wide (a Dutch compound in a narrow card): broken with a hyphen, cut with "…".
    text.setText(wrapWords(full, width, maxLines, (x) => text.context.measureText(x).width).join("\n"));
    return;
  }
  if (lines.length <= maxLines) return;
  const words = lines.slice(0, maxLines).join(" ").split(/\s+/);
  while (words.length > 1) {
    const candidate = `${words.join(" ").replace(/[\s,.;:]+$/, "")}…`;
    if (text.getWrappedText(candidate).length <= maxLines) {
      text.setText(candidate);
      // A title cut after its first word or two ("De…") says little: the last line is filled up to the edge instead,
      // cutting inside the next word ("De goedkoopste adeq…").
      if (fillLine && lastLineWidth(text) < width * 0.7) fillUp(text, full, width, maxLines);
      return;
    }
    words.pop();
  }
  // One word that does not fit on its own: as many of its letters as fit.
  let word = words[0] ?? "";
  while (word.length > 1 && text.getWrappedText(`${word}…`).length > maxLines) word = word.slice(0, -1);
  text.setText(`${word}…`);
  if (fillLine && lastLineWidth(text) < width * 0.7) fillUp(text, full, width, maxLines);
}

/** Measures text in the board's font at `size` px (an offscreen canvas, the same font the cards are drawn in). */
function measurer(size: number, bold: boolean): (s: string) => number {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return (s) => s.length * size * 0.56;
  ctx.font = `${bold ? "bold " : ""}${size}px ${FONT}`;
  return (s) => ctx.measureText(s).width;
}

function lastLineWidth(text: Phaser.GameObjects.Text): number {
  const lines = text.getWrappedText(text.text);
  const last = lines[lines.length - 1] ?? "";
  return text.context.measureText(last).width;
}

/** The longest start of `full` (cut anywhere) with "…" that stays within `maxLines` lines of `width`. */
function fillUp(text: Phaser.GameObjects.Text, full: string, width: number, maxLines: number): void {
  const shown = text.text.replace(/…$/, "");
  let best = shown;
  for (let n = shown.length + 1; n < full.length; n++) {
    const candidate = `${full.slice(0, n).trimEnd()}…`;
    const lines = text.getWrappedText(candidate);
    if (lines.length > maxLines || text.context.measureText(lines[lines.length - 1] ?? "").width > width) break;
    best = full.slice(0, n).trimEnd();
  }
  text.setText(`${best}…`);
}

function dashedLine(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash: number, gap: number): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len < 1) return;
  const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
  for (let d = 0; d < len; d += dash + gap) {
    const e = Math.min(len, d + dash);
    g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
  }
}

function dashedRect(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, dash: number, gap: number): void {
  dashedLine(g, x, y, x + w, y, dash, gap);
  dashedLine(g, x + w, y, x + w, y + h, dash, gap);
  dashedLine(g, x + w, y + h, x, y + h, dash, gap);
  dashedLine(g, x, y + h, x, y, dash, gap);
}

function isModel(value: unknown): value is BoardModel {
  return typeof value === "object" && value !== null && "layout" in value && "eisItem" in value && "serial" in value;
}
