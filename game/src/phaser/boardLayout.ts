/**
 * The samenvoegen board's layout: a pure function from the board's state (eisen, items, suggestions, spanningen) and
 * the screen size to where every card goes and how large its text is. The Phaser scene only draws this, so the same
 * state always gives the same board: on the beamer, on a laptop and in the terugblik at any step.
 *
 * The board: one lane per category (in the scenario's order, empty lanes left out), packed into columns. In a lane
 * the programma's items come first (large cards: the wording, which roles are in it, how many eisen), then the loose
 * eisen the server thinks are duplicates (a cluster, with a line to the item it resembles), then the other loose
 * eisen (small cards: role colour and icon, the text as far as it fits). Spanningen are lines between two items.
 *
 * It picks the largest text that fits: the first density level (largest item titles, most lines) and the fewest
 * columns for which every lane fits the screen's height. Item titles never go under `minTitlePx` (28 px on the
 * beamer) in the levels; only a board larger than the most compact level is zoomed out to fit (`fits: false`).
 * Text that does not fit its card ends in "…"; every card's full text is in the board's text equivalent.
 *
 * No Phaser and no DOM here: the unit tests run it in Node.
 */
import type { GameRole } from "#shared/protocol/ids.ts";
import { pveBoard } from "#shared/strings/pveBoard.ts";

export type CardRef = { kind: "eis" | "item"; id: string };

export interface BoardInput {
  /** The board's size in CSS pixels. */
  width: number;
  height: number;
  categories: readonly { id: string; name: string }[];
  /** `table`: the tafel the eis was written at, as its short mark ("T2"); null without tafels. */
  eisen: readonly { id: string; role: GameRole; categoryId: string; text: string; itemId: string | null; table?: string | null }[];
  /** `tables`: the tafels its eisen come from, as short marks. */
  items: readonly { id: string; text: string; categoryId: string; roles: readonly GameRole[]; eisIds: readonly string[]; tables?: readonly string[] }[];
  spanningen: readonly { spanningId: string; itemA: string; itemB: string }[];
  suggestions: readonly { a: CardRef; b: CardRef; score: number }[];
  /**
   * Text sizes of the densest level: 28 on the beamer (read from the back of the room), smaller on a laptop. What
   * the room reads on every level is at least this size: item titles, lane names, role marks, counts, tafel marks.
   */
  minTitlePx: number;
  /** The smallest eis text (laptops and the console: 15 px, read at arm's length; an eis that does not fit is a mark, its text on hover). */
  minEisPx?: number;
  /** A drop zone for "take into the programma" along the top (the interactive board only). */
  dropZone: boolean;
  /**
   * The width of `text` in the board's font at `px` (bold: lane names and item titles), as the browser draws it. Where
   * given, lane names and item titles take exactly the lines they need; without it (Node) a safe estimate.
   */
  measure?: (text: string, px: number, bold: boolean) => number;
}

/** How many lines `text` takes in `width`: measured where the board can, else estimated at `estimatePx`. */
type LinesOf = (text: string, px: number, estimatePx: number, width: number) => number;

export interface CardBox {
  key: string;
  ref: CardRef;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  font: number;
  maxLines: number;
  /** The text probably needs more lines than the card has (the scene measures and cuts it with "…"). */
  cut: boolean;
  /**
   * An item drawn as a tile (the fullest boards): one line, its role mark before the title, no count (it is one eis).
   * Its whole text is in the tooltip, the list, the text equivalent and the beamer's tour.
   */
  tile: boolean;
  /** An eis: its role. An item: the roles inside it, in the game's role order, and how many eisen. */
  roles: GameRole[];
  eisCount: number;
  /** The size of a role mark (the disc with the role's icon) and of the count's text. */
  mark: number;
  /** The tafels it comes from (short marks such as "T2"); empty without tafels. */
  tables: string[];
  /** The eisen in the card: the eis itself, or the item's eisen. */
  eisIds: string[];
  /** Where the eis went: the item it is part of (used to fly the card into the item). */
  itemId: string | null;
}

export interface LaneBox {
  categoryId: string;
  name: string;
  /** The lane goes on from the previous column (its heading again, marked "vervolg"). */
  continued: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
  headerH: number;
  headerFont: number;
  /** The lane's name in at most two lines; a name that needs more is cut (the text equivalent has it whole). */
  headerLines: number;
  items: number;
  loose: number;
}

export interface ClusterBox {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The item the loose eisen resemble, if the suggestion includes one. */
  itemKey: string | null;
  members: string[];
}

export interface LinkLine {
  kind: "spanning" | "suggestion";
  key: string;
  from: string;
  to: string;
}

export interface BoardLayout {
  width: number;
  height: number;
  /** 1 when the board fits at the chosen level; below 1 the scene zooms out to show everything. */
  zoom: number;
  fits: boolean;
  level: number;
  columns: number;
  /** The height the content needs at zoom 1. */
  contentHeight: number;
  dropZone: { x: number; y: number; w: number; h: number } | null;
  lanes: LaneBox[];
  cards: CardBox[];
  clusters: ClusterBox[];
  links: LinkLine[];
  titleFont: number;
  eisFont: number;
}

/**
 * Density levels, largest first, as multiples of minTitlePx: item title size and lines, eis text size and lines;
 * `tiles`: an item of one eis is a one-line tile of at least that many characters of its title, side by side.
 */
const LEVELS: readonly { title: number; titleLines: number; eis: number; eisLines: number; tiles?: number; gap?: number }[] = [
  { title: 1.22, titleLines: 3, eis: 0.86, eisLines: 3 },
  { title: 1.14, titleLines: 3, eis: 0.79, eisLines: 3 },
  { title: 1.07, titleLines: 3, eis: 0.72, eisLines: 2 },
  { title: 1, titleLines: 3, eis: 0.72, eisLines: 2 },
  { title: 1, titleLines: 2, eis: 0.65, eisLines: 2 },
  { title: 1, titleLines: 2, eis: 0.6, eisLines: 1 },
  { title: 1, titleLines: 1, eis: 0.6, eisLines: 1 },
  { title: 1, titleLines: 1, eis: 0.5, eisLines: 1 },
  // The densest: a loose eis is a mark in its role's colour and icon (its text on hover, in the list and the text
  // equivalent), so the items keep two lines of title.
  { title: 1, titleLines: 2, eis: 1, eisLines: 0 },
  { title: 1, titleLines: 1, eis: 1, eisLines: 0 },
  // The same with the marks at the smallest size the room reads (`minTitlePx`): about a fifth less height and width
  // per row of marks, so a board of many items and many loose eisen never has to zoom out for a few pixels.
  { title: 1, titleLines: 2, eis: 0.8, eisLines: 0 },
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0 },
  // And the cards 4 px apart instead of 6: the last few pixels before a title would have to shrink.
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0, gap: 4 },
  // Everything taken in one by one (150 items of one eis): those items become tiles, side by side in their lane,
  // their titles shortened (read out whole in the beamer's tour), still at the size the room reads.
  { title: 1, titleLines: 2, eis: 0.8, eisLines: 0, tiles: 16, gap: 4 },
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0, tiles: 12, gap: 4 },
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0, tiles: 10, gap: 4 },
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0, tiles: 9, gap: 4 },
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0, tiles: 8, gap: 4 },
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0, tiles: 7, gap: 4 },
  { title: 1, titleLines: 1, eis: 0.8, eisLines: 0, tiles: 6, gap: 4 },
];

export const ROLE_ORDER: readonly GameRole[] = ["burger", "raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional"];

/** Average advance of a character of Atkinson Hyperlegible Next, in em, on the safe side (estimates lines only). */
const CHAR_EM = 0.56;
export const LINE_HEIGHT = 1.22;
const GAP = 6;
/** Between rows of loose eisen. */
const ROW_GAP = 6;
const PAD = 10;
const COLUMN_GAP = 14;
const MAX_COLUMNS = 7;
const MIN_TILE_CHARS = 11;
const MAX_PER_ROW = 3;
const DROP_ZONE_H = 56;
/** Between an item and the cluster of eisen that resemble it, room for the dashed line. */
const LINK_GAP = 10;
const TILE_PAD = 4;
const TILE_GAP = 4;
/**
 * Room after a tile's role mark for its tafel's tag: the tag sits on the mark's lower right corner (as on a loose
 * eis's mark) and reaches only this far past it, so a tile with a tafel is hardly wider than one without and a
 * tafels session's fullest board fits as well (three tiles a row in four columns).
 */
export const TILE_TAG = 4;

export const refKey = (ref: CardRef): string => `${ref.kind}:${ref.id}`;

/** How many lines `text` takes at `font` px in `width` px, by the character-width estimate. */
export function estimateLines(text: string, font: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (font * CHAR_EM)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const len = word.length;
    if (used === 0) used = len;
    else if (used + 1 + len <= perLine) used += 1 + len;
    else {
      lines++;
      used = len;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/**
 * `text` in at most `maxLines` lines of `width`, as `measure` measures: whole words, a word longer than a line split
 * with a hyphen ("maatwerkbeslis-/sing", never "besliss/ing" without one), and "…" at the end when it does not all
 * fit. Used for the small eis cards; their whole text is in the tooltip, the list and the text equivalent.
 */
const VOWELS = /[aeiouyáéíóúäëïöüèàâêîôû]/i;
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.test(c);
const isConsonant = (c: string | undefined) => isLetter(c) && !isVowel(c);
/**
 * Consonant pairs a Dutch syllable can begin with: they stay together on the next line ("wijkteam-professional",
 * "onder-steuning"). Not "tw" and "dw": inside a word they nearly always close one syllable and open the next
 * ("maat-werk", "ant-woord", "hand-werk"), and "maatwerk" is on every board.
 */
const ONSETS = new Set(["bl", "br", "ch", "dr", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "kw", "pl", "pr", "sc", "sj", "sl", "sm", "sn", "sp", "st", "tr", "vl", "vr", "wr", "zw"]);

/**
 * The last break at or before `n` (but not before `floor`, nor before three letters) that Dutch hyphenation would
 * also allow, roughly: after a hyphen the word already has, before a consonant followed by a vowel ("werk|be"), or
 * before a consonant pair a syllable can begin with ("team|pro"), never inside such a pair or "ij"; -1 when there is
 * none (then no break is right there: "maa|twerk" is not one).
 */
export function syllableBreak(word: string, n: number, floor = Math.max(3, Math.ceil(n / 2))): number {
  for (let k = n; k >= 3; k--) if (word[k - 1] === "-") return k;
  for (let k = n; k >= Math.max(3, floor); k--) {
    const [before, at, after] = [word[k - 1], word[k], word[k + 1]];
    if (!isLetter(before) || !isConsonant(at)) continue;
    if (ONSETS.has(`${before}${at}`.toLowerCase()) || (before === "i" && at === "j")) continue;
    if (isVowel(after) || (ONSETS.has(`${at}${after ?? ""}`.toLowerCase()) && isVowel(word[k + 2]))) return k;
  }
  return -1;
}

export function wrapWords(text: string, width: number, maxLines: number, measure: (s: string) => number): string[] {
  const fits = (s: string) => measure(s) <= width;
  const lines: string[] = [];
  let line = "";
  words: for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word) {
      const joined = line ? `${line} ${word}` : word;
      if (fits(joined)) {
        line = joined;
        break;
      }
      if (line && fits(word)) {
        lines.push(line);
        line = "";
        continue;
      }
      // Too long for a line of its own: as much as fits with a hyphen, at least three letters on each side, at a
      // syllable-like break when one is near ("maatwerk-beslissing", not "maatwerkb-eslissing"). Where the line
      // already has words and no such break fits after them, the word starts the next line ("Een" / "maatwerk-
      // voorziening", never "Een maa-" / "twerkvoorziening").
      let n = word.length - 3;
      while (n >= 3 && !fits(`${line ? `${line} ` : ""}${word.slice(0, n)}-`)) n--;
      const near = n >= 3 ? syllableBreak(word, n, line ? Math.max(3, Math.ceil(n / 2)) : 3) : -1;
      if (near < 0 && line) {
        lines.push(line);
        line = "";
        continue;
      }
      if (near >= 3) n = near;
      else if (n >= 3 && syllableBreak(word, word.length - 3, 3) >= 0) {
        // A line too narrow for the word's first syllable ("maat-"): cut here with "…" rather than break the word
        // where Dutch never does; the whole text is in the tooltip, the list and the text equivalent.
        while (n > 1 && !fits(`${word.slice(0, n)}…`)) n--;
        lines.push(`${word.slice(0, n)}…`);
        line = "";
        break words;
      } else if (n < 3) {
        n = Math.max(1, word.length - 1);
        while (n > 1 && !fits(`${word.slice(0, n)}-`)) n--;
      }
      const head = word.slice(0, n);
      lines.push(`${line ? `${line} ` : ""}${head}${head.endsWith("-") ? "" : "-"}`);
      line = "";
      word = word.slice(n);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  // Cut: the last line shown ends in "…"; at a word when that loses little, else inside the word.
  const shown = lines.slice(0, maxLines);
  const split = /-$/.test(shown[maxLines - 1] ?? "");
  let last = `${shown[maxLines - 1] ?? ""}`.replace(/-$/, "");
  const next = (lines[maxLines] ?? "").replace(/…$/, "");
  // A word split over the two lines joins again without a space ("maatwerk", never "maa twerk").
  const joined = split ? `${last}${next}` : `${last} ${next}`.trim();
  if (fits(joined)) last = joined;
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1);
  const space = last.lastIndexOf(" ");
  if (space > 0 && measure(last.slice(0, space)) >= width * 0.65) last = last.slice(0, space);
  shown[maxLines - 1] = `${last.replace(/[\s,.;:-]+$/, "")}…`;
  return shown;
}

/**
 * The lines of a card with a tag `corner` wide on its bottom right corner (a loose eis's tafel, "T2"): when the card
 * is full, its last line leaves room for the tag, cut with "…" if need be (the tag covered the end of the text:
 * "gelijkwaardig" under "T1"). The lines before it stay as wrapWords made them.
 */
export function wrapBesideCorner(text: string, width: number, maxLines: number, measure: (s: string) => number, corner: number): string[] {
  const lines = wrapWords(text, width, maxLines, measure);
  if (corner <= 0 || maxLines < 1 || lines.length < maxLines || measure(lines[maxLines - 1] ?? "") <= width - corner) return lines;
  const all = wrapWords(text, width, Number.MAX_SAFE_INTEGER, measure);
  const rest = joinLines(text, all.slice(maxLines - 1));
  const [last = ""] = wrapWords(rest, Math.max(1, width - corner), 1, measure);
  return [...all.slice(0, maxLines - 1), last];
}

/** Lines of wrapWords back into text: a hyphen it put in to break a word goes; one of the text itself stays. */
function joinLines(text: string, lines: readonly string[]): string {
  let out = lines[0] ?? "";
  for (const next of lines.slice(1)) {
    const tail = out.slice(out.lastIndexOf(" ") + 1);
    const head = (next.split(" ")[0] ?? "").replace(/-$/, "");
    if (!tail.endsWith("-")) out = `${out} ${next}`;
    else out = text.includes(`${tail}${head}`) ? `${out}${next}` : `${out.slice(0, -1)}${next}`;
  }
  return out;
}

/** The role mark of an eis: never under `mark` (the board's smallest size for what the room reads). */
export const eisIconSize = (eisFont: number, mark = 18) => Math.round(Math.max(eisFont * 1.25, mark));
/** Width of a tafel mark ("T2") at `font`. */
export const tableMarkWidth = (label: string, font: number) => Math.round(label.length * font * 0.62 + font * 0.5);

interface LaneContent {
  categoryId: string;
  name: string;
  items: BoardItem[];
  clusters: { key: string; eisen: BoardEis[]; itemKey: string | null }[];
  loose: BoardEis[];
}
type BoardEis = BoardInput["eisen"][number];
type BoardItem = BoardInput["items"][number];

/** Suggestions among live cards, joined into groups (three similar eisen are one cluster); large chains fall apart into pairs. */
function suggestionGroups(input: BoardInput, looseIds: Set<string>, itemIds: Set<string>): { refs: CardRef[] }[] {
  const live = (r: CardRef) => (r.kind === "eis" ? looseIds.has(r.id) : itemIds.has(r.id));
  const pairs = [...input.suggestions].filter((s) => live(s.a) && live(s.b)).sort((x, y) => y.score - x.score || refKey(x.a).localeCompare(refKey(y.a)) || refKey(x.b).localeCompare(refKey(y.b)));
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const p of pairs) {
    for (const r of [p.a, p.b]) if (!parent.has(refKey(r))) parent.set(refKey(r), refKey(r));
    const [ra, rb] = [find(refKey(p.a)), find(refKey(p.b))];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const byRoot = new Map<string, { keys: string[]; pairs: typeof pairs }>();
  for (const p of pairs) {
    const root = find(refKey(p.a));
    const g = byRoot.get(root) ?? { keys: [], pairs: [] };
    for (const r of [p.a, p.b]) if (!g.keys.includes(refKey(r))) g.keys.push(refKey(r));
    g.pairs.push(p);
    byRoot.set(root, g);
  }
  const groups: { refs: CardRef[] }[] = [];
  const used = new Set<string>();
  for (const g of byRoot.values()) {
    // One item per group at most (a cluster points at one item); more than four cards: the best pairs only.
    const items = g.keys.filter((k) => k.startsWith("item:"));
    if (g.keys.length <= 4 && items.length <= 1) {
      groups.push({ refs: g.keys.map(parseKey) });
      continue;
    }
    for (const p of g.pairs) {
      if (used.has(refKey(p.a)) || used.has(refKey(p.b))) continue;
      if (p.a.kind === "item" && p.b.kind === "item") continue;
      used.add(refKey(p.a));
      used.add(refKey(p.b));
      groups.push({ refs: [p.a, p.b] });
    }
  }
  return groups;
}

const parseKey = (key: string): CardRef => {
  const i = key.indexOf(":");
  return { kind: key.slice(0, i) === "item" ? "item" : "eis", id: key.slice(i + 1) };
};

function laneContents(input: BoardInput): LaneContent[] {
  const loose = input.eisen.filter((e) => e.itemId === null);
  const looseIds = new Set(loose.map((e) => e.id));
  const itemIds = new Set(input.items.map((i) => i.id));
  const eisById = new Map(input.eisen.map((e) => [e.id, e]));
  const itemById = new Map(input.items.map((i) => [i.id, i]));
  const order = new Map(input.categories.map((c, i) => [c.id, i]));
  const lanes = new Map<string, LaneContent>();
  const lane = (categoryId: string): LaneContent => {
    let l = lanes.get(categoryId);
    if (!l) {
      l = { categoryId, name: input.categories.find((c) => c.id === categoryId)?.name ?? categoryId, items: [], clusters: [], loose: [] };
      lanes.set(categoryId, l);
    }
    return l;
  };
  for (const item of input.items) lane(item.categoryId).items.push(item);
  const clustered = new Set<string>();
  const eisOrder = new Map(input.eisen.map((e, i) => [e.id, i]));
  const groups = suggestionGroups(input, looseIds, itemIds)
    .map((g) => ({ eisen: g.refs.filter((r) => r.kind === "eis").flatMap((r) => eisById.get(r.id) ?? []).sort((a, b) => (eisOrder.get(a.id) ?? 0) - (eisOrder.get(b.id) ?? 0)), item: g.refs.find((r) => r.kind === "item") }))
    .filter((g) => g.eisen.length > 0)
    .sort((a, b) => (eisOrder.get(a.eisen[0]?.id ?? "") ?? 0) - (eisOrder.get(b.eisen[0]?.id ?? "") ?? 0));
  for (const g of groups) {
    const eisen = g.eisen.filter((e) => !clustered.has(e.id));
    const first = eisen[0];
    if (!first) continue;
    const item = g.item ? itemById.get(g.item.id) : undefined;
    // A cluster that resembles an item sits in the item's lane, so the line to it stays short.
    const home = item ? item.categoryId : first.categoryId;
    for (const e of eisen) clustered.add(e.id);
    // The eisen that resemble one item are one cluster (it sits right under that item).
    const itemKey = item ? `item:${item.id}` : null;
    const same = itemKey ? lane(home).clusters.find((c) => c.itemKey === itemKey) : undefined;
    if (same) {
      same.eisen.push(...eisen);
      same.key = `cluster:${same.eisen.map((e) => e.id).join("+")}`;
    } else lane(home).clusters.push({ key: `cluster:${eisen.map((e) => e.id).join("+")}`, eisen, itemKey });
  }
  for (const e of loose) if (!clustered.has(e.id)) lane(e.categoryId).loose.push(e);
  // With tafels, one tafel's loose eisen sit together in a lane (in the order they came).
  for (const l of lanes.values()) l.loose.sort((a, b) => (a.table ?? "").localeCompare(b.table ?? "", "nl", { numeric: true }));
  return [...lanes.values()].sort((a, b) => (order.get(a.categoryId) ?? 1e9) - (order.get(b.categoryId) ?? 1e9) || a.categoryId.localeCompare(b.categoryId));
}

interface Level {
  title: number;
  titleLines: number;
  eis: number;
  eisLines: number;
  tiles?: number;
  /** Between cards and rows of marks, where not the usual GAP and ROW_GAP (the densest levels). */
  gap?: number;
}

/** One unbreakable piece of a lane: its heading, an item card, a cluster, or a row of loose eisen. */
interface Block {
  lane: number;
  kind: "header" | "item" | "cluster" | "row";
  h: number;
  /** Space after it: rows of loose eisen sit closer together. */
  gap: number;
  place: (x: number, y: number, out: BoardLayout) => void;
}

interface Sizes {
  headerFont: number;
  headerFonts: number[];
  /** Per lane: the heading's height and lines. */
  headerH: number[];
  headerLines: number[];
  continuedH: number[];
  continuedLines: number[];
}

/** The lanes as a flow of blocks at a level and column width; a lane that does not fit a column goes on in the next. */
function blocksOf(lanes: LaneContent[], level: Level, colW: number, mark: number, linesOf: LinesOf): { blocks: Block[]; sizes: Sizes } {
  // Lane names at the size the room reads (at least `mark`), whole: wrapped onto a second line where needed.
  // A word longer than the column (a Dutch compound such as "doorzettingsmacht" in a narrow column) makes that
  // lane's name a little smaller rather than break or be cut.
  const gap = level.gap ?? GAP;
  const rowGap = level.gap ?? ROW_GAP;
  const base = Math.round(Math.max(mark, level.title * 0.82));
  const headerFonts = lanes.map((lane) => {
    const longest = Math.max(1, ...lane.name.split(/\s+/).map((w) => w.length));
    return Math.min(base, Math.floor((colW - 8) / (longest * 1.06 * CHAR_EM)));
  });
  const headerFont = base;
  const headerLines = lanes.map((lane, i) => Math.min(2, linesOf(lane.name, headerFonts[i] ?? base, (headerFonts[i] ?? base) * 1.06, colW - 8)));
  const headerH = headerLines.map((lines, i) => Math.round(lines * (headerFonts[i] ?? base) * LINE_HEIGHT + 6));
  // Where a lane goes on in the next column its heading says so: "Budget en kostenbewustzijn (vervolg)", the name
  // still whole (a third line if it needs one).
  const continuedLines = lanes.map((lane, i) => Math.min(3, linesOf(`${lane.name} ${pveBoard.continued}`, headerFonts[i] ?? base, (headerFonts[i] ?? base) * 1.06, colW - 8)));
  const continuedH = continuedLines.map((lines, i) => Math.round(lines * (headerFonts[i] ?? base) * LINE_HEIGHT + 6));
  // An item's role marks and its count ("3 eisen") are read from the back too: never smaller than `mark`.
  const badge = Math.max(mark, Math.round(level.title * 0.8));
  const countRow = badge;
  const itemTextW = colW - 2 * PAD - 8;
  const ITEM_PAD = 5;
  const itemLines = (item: BoardItem, textW = itemTextW) => Math.min(level.titleLines, linesOf(item.text, level.title, level.title, textW));
  const itemH = (item: BoardItem, textW = itemTextW) => Math.round(ITEM_PAD + itemLines(item, textW) * level.title * LINE_HEIGHT + 4 + countRow + ITEM_PAD - 2);
  const icon = eisIconSize(level.eis, mark);
  const marks = level.eisLines === 0;
  const minTile = marks ? icon + 6 : icon + 2.5 * PAD + MIN_TILE_CHARS * level.eis * CHAR_EM;
  const perRow = (inner: number) => Math.max(1, Math.min(marks ? 99 : MAX_PER_ROW, Math.floor((inner + rowGap) / (minTile + rowGap))));
  const tileH = Math.round(marks ? icon + 6 : Math.max(icon + 2 * 6, 2 * 6 + level.eisLines * level.eis * LINE_HEIGHT));
  const tileW = (inner: number) => (marks ? minTile : (inner - (perRow(inner) - 1) * rowGap) / perRow(inner));
  const gridH = (n: number, inner: number) => (n === 0 ? 0 : Math.ceil(n / perRow(inner)) * (tileH + rowGap) - rowGap);
  const clusterPad = 4;
  const eisCard = (e: BoardEis, x: number, y: number, w: number): CardBox => ({
    key: `eis:${e.id}`,
    ref: { kind: "eis", id: e.id },
    x,
    y,
    w,
    h: tileH,
    text: e.text,
    font: level.eis,
    maxLines: level.eisLines,
    cut: estimateLines(e.text, level.eis, w - icon - 2.5 * PAD) > level.eisLines,
    tile: false,
    roles: [e.role],
    eisCount: 1,
    mark: icon,
    tables: e.table ? [e.table] : [],
    eisIds: [e.id],
    itemId: e.itemId,
  });
  /** `spread`: a cluster of two shares the whole width rather than leave a third of its row empty. */
  const grid = (eisen: BoardEis[], x: number, y: number, inner: number, out: BoardLayout, spread = false) => {
    const n = spread && !marks ? Math.max(1, Math.min(perRow(inner), eisen.length)) : perRow(inner);
    const w = spread && !marks ? (inner - (n - 1) * rowGap) / n : tileW(inner);
    eisen.forEach((e, i) => out.cards.push(eisCard(e, round(x + (i % n) * (w + rowGap)), round(y + Math.floor(i / n) * (tileH + rowGap)), round(w))));
  };
  // Tiles (the fullest boards): an item of one eis as one line, its role mark before its title, side by side.
  const tiles = level.tiles ?? 0;
  const isTile = (item: BoardItem) => tiles > 0 && item.eisIds.length <= 1 && !lanes.some((l) => l.clusters.some((c) => c.itemKey === `item:${item.id}`));
  const itemTileH = Math.round(Math.max(badge, level.title) + 2 * TILE_PAD);
  // With tafels a tile's tafel is a tag on its role mark's corner (as on a loose eis's mark), the title moved over for it.
  const tileTables = lanes.some((l) => l.items.some((i) => isTile(i) && (i.tables?.length ?? 0) > 0));
  const itemTileTextX = TILE_PAD + badge + 6 + (tileTables ? TILE_TAG : 0);
  const itemTileMinW = itemTileTextX + tiles * level.title * CHAR_EM + TILE_PAD + 2;
  const tilesPerRow = Math.max(1, Math.floor((colW + TILE_GAP) / (itemTileMinW + TILE_GAP)));
  const itemTileW = (colW - (tilesPerRow - 1) * TILE_GAP) / tilesPerRow;
  /** An item's card at (x, y): a full card, or a one-line tile; `textW` is the width its title has. */
  const itemBox = (item: BoardItem, x: number, y: number, size: { w: number; h: number; textW: number; lines: number; tile: boolean }): CardBox => ({
    key: `item:${item.id}`,
    ref: { kind: "item", id: item.id },
    x,
    y,
    w: round(size.w),
    h: size.h,
    text: item.text,
    font: level.title,
    maxLines: size.lines,
    cut: estimateLines(item.text, level.title, size.textW) > size.lines,
    tile: size.tile,
    roles: ROLE_ORDER.filter((r) => item.roles.includes(r)),
    eisCount: item.eisIds.length,
    mark: badge,
    tables: [...(item.tables ?? [])],
    eisIds: [...item.eisIds],
    itemId: null,
  });
  const itemTile = (item: BoardItem, x: number, y: number): CardBox =>
    itemBox(item, x, y, { w: itemTileW, h: itemTileH, textW: itemTileW - itemTileTextX - TILE_PAD, lines: 1, tile: true });
  /** A cluster's outline: in the densest levels as wide as its marks, else the column's width. */
  const clusterSize = (c: LaneContent["clusters"][number]) => {
    const inner = colW - 2 * clusterPad;
    const h = gridH(c.eisen.length, inner) + 2 * clusterPad;
    if (!marks) return { w: colW, h };
    const n = Math.min(c.eisen.length, perRow(inner));
    return { w: n * (tileW(inner) + rowGap) - rowGap + 2 * clusterPad, h };
  };
  const placeCluster = (c: LaneContent["clusters"][number], x: number, y: number, out: BoardLayout) => {
    const { w, h } = clusterSize(c);
    grid(c.eisen, x + clusterPad, y + clusterPad, colW - 2 * clusterPad, out, true);
    out.clusters.push({ key: c.key, x, y, w: round(w), h, itemKey: c.itemKey, members: c.eisen.map((e) => `eis:${e.id}`) });
    if (c.itemKey) out.links.push({ kind: "suggestion", key: `${c.key}>${c.itemKey}`, from: c.key, to: c.itemKey });
  };
  const blocks: Block[] = [];
  lanes.forEach((lane, li) => {
    blocks.push({ lane: li, kind: "header", h: headerH[li] ?? 0, gap, place: () => undefined });
    for (const item of lane.items) {
      if (isTile(item)) continue;
      // The eisen that resemble this item sit right beside it (a few marks) or right under it, in one piece with it:
      // the dashed line between them is short and crosses no other card.
      const cluster = lane.clusters.find((c) => c.itemKey === `item:${item.id}`);
      const size = cluster ? clusterSize(cluster) : null;
      const beside = size !== null && marks && size.w + LINK_GAP <= colW * 0.36;
      const cardW = beside && size ? colW - size.w - LINK_GAP : colW;
      const textW = cardW - 2 * PAD - 8;
      const cardH = itemH(item, textW);
      const h = !size ? cardH : beside ? Math.max(cardH, size.h) : cardH + LINK_GAP + size.h;
      blocks.push({
        lane: li,
        kind: "item",
        h,
        gap,
        place: (x, y, out) => {
          if (cluster && size) {
            if (beside) placeCluster(cluster, round(x + cardW + LINK_GAP), round(y + Math.max(0, (cardH - size.h) / 2)), out);
            else placeCluster(cluster, x, y + cardH + LINK_GAP, out);
          }
          out.cards.push(itemBox(item, x, y, { w: cardW, h: cardH, textW, lines: level.titleLines, tile: false }));
        },
      });
    }
    // The merged items above, the tiles of one eis under them.
    const tiled = lane.items.filter(isTile);
    for (let i = 0; i < tiled.length; i += tilesPerRow) {
      const row = tiled.slice(i, i + tilesPerRow);
      blocks.push({ lane: li, kind: "row", h: itemTileH, gap: TILE_GAP, place: (x, y, out) => row.forEach((item, k) => out.cards.push(itemTile(item, round(x + k * (itemTileW + TILE_GAP)), y))) });
    }
    if (marks) {
      // Marks: the clusters (a dashed outline around two or three marks) and the loose marks flow side by side in
      // rows, so a lane with many small clusters does not take a row for each.
      const groups = [...lane.clusters.filter((c) => c.itemKey === null).map((c) => ({ cluster: c, eisen: c.eisen })), ...lane.loose.map((e) => ({ cluster: null, eisen: [e] }))];
      const widthOf = (g: (typeof groups)[number]) => g.eisen.length * (tileW(colW) + rowGap) - rowGap + (g.cluster ? 2 * clusterPad : 0);
      let row: typeof groups = [];
      let used = 0;
      const flush = () => {
        if (row.length === 0) return;
        const groupsInRow = row;
        const boxed = groupsInRow.some((g) => g.cluster);
        const h = tileH + (boxed ? 2 * clusterPad : 0);
        blocks.push({
          lane: li,
          kind: "row",
          h,
          gap: rowGap,
          place: (x, y, out) => {
            let gx = x;
            for (const g of groupsInRow) {
              const w = widthOf(g);
              const inset = g.cluster ? clusterPad : 0;
              grid(g.eisen, gx + inset, y + (boxed ? clusterPad : 0), w - 2 * inset + rowGap * 0, out);
              if (g.cluster) {
                const c = g.cluster;
                out.clusters.push({ key: c.key, x: round(gx), y, w: round(w), h, itemKey: null, members: c.eisen.map((e) => `eis:${e.id}`) });
              }
              gx += w + rowGap + (g.cluster ? 2 : 0);
            }
          },
        });
        row = [];
        used = 0;
      };
      for (const g of groups) {
        const w = widthOf(g);
        if (row.length > 0 && used + rowGap + 2 + w > colW) flush();
        used += (row.length > 0 ? rowGap + 2 : 0) + w;
        row.push(g);
      }
      flush();
      return;
    }
    for (const c of lane.clusters) {
      if (c.itemKey !== null) continue;
      blocks.push({ lane: li, kind: "cluster", h: clusterSize(c).h, gap, place: (x, y, out) => placeCluster(c, x, y, out) });
    }
    const n = perRow(colW);
    for (let i = 0; i < lane.loose.length; i += n) {
      const row = lane.loose.slice(i, i + n);
      blocks.push({ lane: li, kind: "row", h: tileH, gap: rowGap, place: (x, y, out) => grid(row, x, y, colW, out) });
    }
  });
  return { blocks, sizes: { headerFont, headerFonts, headerH, headerLines, continuedH, continuedLines } };
}

interface Flow {
  columns: number;
  height: number;
  /** Where each block goes, and the lane segments (a heading per column a lane appears in). */
  placed: { block: Block; column: number; y: number }[];
  segments: { lane: number; column: number; y: number; h: number; continued: boolean }[];
}

/** Flows the blocks into columns of at most `limit` high, top to bottom, left to right. */
function flow(blocks: Block[], limit: number, headerHs: readonly number[], continuedHs: readonly number[], keepShortLanes = true): Flow {
  const headerOf = (lane: number) => headerHs[lane] ?? 0;
  const continuedOf = (lane: number) => continuedHs[lane] ?? headerOf(lane);
  const placed: Flow["placed"] = [];
  const segments: Flow["segments"] = [];
  let column = 0;
  let y = 0;
  let height = 0;
  let segment: Flow["segments"][number] | null = null;
  let lastGap = GAP;
  /** The gap under the current lane's heading (the level's card gap). */
  let headerGap = GAP;
  const close = () => {
    if (segment) {
      segment.h = y - lastGap - segment.y;
      segments.push(segment);
      height = Math.max(height, y - lastGap);
    }
    segment = null;
  };
  blocks.forEach((block, i) => {
    if (block.kind === "header") {
      close();
      if (y > 0) y += COLUMN_GAP - lastGap;
      // A heading never ends a column: it moves on with the lane's first block. A short lane (at most half a column)
      // is kept whole if it can be: it starts in the next column rather than being split.
      const next = blocks[i + 1];
      const headerH = headerOf(block.lane);
      headerGap = block.gap;
      let whole = headerH + headerGap;
      for (let j = i + 1; j < blocks.length && blocks[j]?.kind !== "header"; j++) whole += (blocks[j]?.h ?? 0) + (blocks[j]?.gap ?? 0);
      const need = keepShortLanes && whole <= limit / 2 ? whole - headerGap : headerH + headerGap + (next && next.kind !== "header" ? next.h : 0);
      if (y > 0 && y + need > limit) {
        column++;
        y = 0;
      }
      segment = { lane: block.lane, column, y, h: 0, continued: false };
      y += headerH + headerGap;
      lastGap = headerGap;
      return;
    }
    if (y + block.h > limit && segment && y > segment.y + headerOf(block.lane) + headerGap) {
      // The lane goes on in the next column, under its heading again.
      close();
      column++;
      y = 0;
      segment = { lane: block.lane, column, y, h: 0, continued: true };
      y += continuedOf(block.lane) + headerGap;
    }
    placed.push({ block, column, y });
    y += block.h + block.gap;
    lastGap = block.gap;
  });
  close();
  return { columns: blocks.length === 0 ? 0 : column + 1, height, placed, segments };
}

const round = (v: number) => Math.round(v * 10) / 10;

export function layoutBoard(input: BoardInput): BoardLayout {
  const lanes = laneContents(input);
  const top = input.dropZone ? DROP_ZONE_H + GAP : 0;
  const levels = LEVELS.map((l) => ({
    title: Math.round(l.title * input.minTitlePx),
    titleLines: l.titleLines,
    eis: Math.max(input.minEisPx ?? 12, Math.round(l.eis * input.minTitlePx)),
    eisLines: l.eisLines,
    tiles: l.tiles,
    gap: l.gap,
  }));
  const minColW = (level: Level) => Math.max(level.title * CHAR_EM * 14, level.eisLines === 0 ? 0 : eisIconSize(level.eis) + 2.5 * PAD + MIN_TILE_CHARS * level.eis * CHAR_EM);
  // Measured lines, remembered for this layout (the same names and titles are tried at many levels and widths).
  const measured = new Map<string, number>();
  const measure = input.measure;
  const linesOf: LinesOf = measure
    ? (text, px, _estimatePx, width) => {
        const key = `${px}|${Math.round(width)}|${text}`;
        let n = measured.get(key);
        if (n === undefined) {
          // A hair narrower than the card: the scene's own wrapping must never need a line more.
          n = wrapWords(text, width - 2, 99, (x) => measure(x, px, true)).length;
          measured.set(key, n);
        }
        return n;
      }
    : (text, _px, estimatePx, width) => estimateLines(text, estimatePx, width);
  type Choice = { level: number; columns: number; colW: number; flow: Flow; blocks: Block[]; sizes: Sizes };
  /** The fewest columns in which the board fits at a level, if any. */
  const tryLevel = (li: number, width: number, available: number): Choice | null => {
    const level = levels[li];
    if (!level) return null;
    // Short lanes whole if that fits in some number of columns; else split where needed rather than make text smaller.
    for (const keep of [true, false]) {
      for (let columns = 1; columns <= MAX_COLUMNS; columns++) {
        const colW = (width - (columns - 1) * COLUMN_GAP) / columns;
        if (colW < minColW(level) && columns > 1) break;
        const { blocks, sizes } = blocksOf(lanes, level, colW, input.minTitlePx, linesOf);
        const f = flow(blocks, available, sizes.headerH, sizes.continuedH, keep);
        if (f.columns <= columns && f.height <= available) return { level: li, columns, colW, flow: f, blocks, sizes };
      }
    }
    return null;
  };
  const width = Math.max(200, input.width);
  const available = Math.max(50, input.height - top);
  let choice: Choice | null = null;
  for (let li = 0; li < levels.length && !choice; li++) choice = tryLevel(li, width, available);
  let zoom = 1;
  if (!choice) {
    // Larger than the most compact level: laid out on a larger board at that level and zoomed out to show it all,
    // as little as needed (the largest zoom at which it fits).
    const last = levels.length - 1;
    let [lo, hi] = [0.05, 1];
    let found: Choice | null = null;
    for (let step = 0; step < 14; step++) {
      const z = (lo + hi) / 2;
      const attempt = tryLevel(last, width / z, input.height / z - top);
      if (attempt) {
        found = attempt;
        lo = z;
      } else hi = z;
    }
    zoom = lo;
    choice = found ?? tryLevel(last, width / 0.05, input.height / 0.05 - top);
    if (!choice) throw new Error("Het bord past niet, ook niet uitgezoomd.");
  }
  const fits = zoom === 1;
  const level = levels[choice.level] ?? { title: input.minTitlePx, titleLines: 1, eis: 12, eisLines: 1 };
  const out: BoardLayout = {
    width: round(width / zoom),
    height: round(input.height / zoom),
    zoom,
    fits,
    level: choice.level,
    columns: choice.columns,
    contentHeight: top + choice.flow.height,
    dropZone: input.dropZone ? { x: 0, y: 0, w: round(width / zoom), h: DROP_ZONE_H } : null,
    lanes: [],
    cards: [],
    clusters: [],
    links: [],
    titleFont: level.title,
    eisFont: level.eis,
  };
  const colX = (column: number) => round(column * (choice.colW + COLUMN_GAP));
  for (const s of choice.flow.segments) {
    const lane = lanes[s.lane];
    if (!lane) continue;
    out.lanes.push({
      categoryId: lane.categoryId,
      name: lane.name,
      continued: s.continued,
      x: colX(s.column),
      y: round(top + s.y),
      w: round(choice.colW),
      h: round(s.h),
      headerH: (s.continued ? choice.sizes.continuedH : choice.sizes.headerH)[s.lane] ?? 0,
      headerFont: choice.sizes.headerFonts[s.lane] ?? choice.sizes.headerFont,
      headerLines: (s.continued ? choice.sizes.continuedLines : choice.sizes.headerLines)[s.lane] ?? 1,
      items: lane.items.length,
      loose: lane.loose.length + lane.clusters.reduce((n, c) => n + c.eisen.length, 0),
    });
  }
  for (const p of choice.flow.placed) p.block.place(colX(p.column), round(top + p.y), out);
  const placedKeys = new Set(out.cards.map((c) => c.key));
  for (const s of input.spanningen) {
    if (placedKeys.has(`item:${s.itemA}`) && placedKeys.has(`item:${s.itemB}`)) out.links.push({ kind: "spanning", key: `spanning:${s.spanningId}`, from: `item:${s.itemA}`, to: `item:${s.itemB}` });
  }
  return out;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The part of the line between two rectangles' centres that lies outside both: where a link is drawn. */
export function edgeToEdge(ra: Rect, rb: Rect): [{ x: number; y: number }, { x: number; y: number }] {
  const ca = { x: ra.x + ra.w / 2, y: ra.y + ra.h / 2 };
  const cb = { x: rb.x + rb.w / 2, y: rb.y + rb.h / 2 };
  const exit = (r: Rect, from: { x: number; y: number }, to: { x: number; y: number }) => {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const tx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
    const ty = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
    const t = Math.min(1, tx, ty);
    return { x: from.x + dx * t, y: from.y + dy * t };
  };
  return [exit(ra, ca, cb), exit(rb, cb, ca)];
}
