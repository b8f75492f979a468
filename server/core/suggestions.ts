/**
 * Local, deterministic duplicate suggestions for Dutch eisen and items: which pairs probably ask for the same
 * thing and could be merged. No network, no model: a lexical similarity with a thesaurus and a concept layer of the
 * sociaal domein. The lexicon is written from the domain sources; the weights and threshold were chosen on labelled
 * boards (tests/fixtures/eisenPairs.ts) and checked on held-out boards nobody tuned on (tests/fixtures/eisenHeldOut.ts).
 *
 * Each text is folded, fixed expressions are rewritten to the word they stand for ("de knoop doorhakken" →
 * doorbraak), and it is split, stripped of stopwords and stemmed (`normalise`, Snowball Dutch from @orama/stemmers).
 * Every stem becomes a concept: words of one thesaurus group (server/core/eisLexicon.ts) are one concept ("regels",
 * "voorschriften"; "vast aanspreekpunt", "contactpersoon"); a compound whose two parts are concepts or words of the
 * texts compared counts as those parts ("maatwerkbudget" → maatwerk, budget). A word the text only names after "geen"
 * or "nooit" is a concept of its own that matches itself negated, or the word itself in a text that says no too
 * (anywhere: "Geen nieuwe formulieren", "Formulieren worden niet opnieuw gevraagd"): "Het wijkteam krijgt geen eigen
 * budget" is the opposite demand of "Het wijkteam krijgt een eigen budget", not the same one.
 *
 * Above the words sits a concept layer of the sociaal domein (server/core/eisThemes.ts): the requirements a programma
 * van eisen for maatwerk keeps coming back to (one vast aanspreekpunt, the inwoner at the table, mandaat for the
 * professional, a doorbraak, a maatwerkbudget, ...), each recognised in the many ways people say it, phrases and word
 * combinations included, so "Praat niet over mij zonder mij" and "De jongere zit zelf aan tafel bij elk overleg" name the
 * same requirement without sharing a word. When both texts name a requirement, the score is THEME_SHARE theme
 * similarity (the smaller of the two weighted coverages of their themes; a related theme counts for part, a subject
 * such as "vervoer" or "18 jaar" for little, and for most of its weight when the other text names no subject at all)
 * and the rest lexical, but never below THEME_FLOOR of the lexical score. A requirement that more than CROWD entries of
 * the board name counts for less: which of a tafel's eight eisen about the doorbraak ask for the same thing, the words
 * must tell.
 *
 * Lexically, each concept of one text is matched to its best counterpart in the other: 1 for the same concept,
 * RELATED_CREDIT for a related one, PREFIX_CREDIT for stems that share most of their beginning ("registratie",
 * "registreren"). Coverage is the weighted share of a text's concepts that the other text matches; weights are
 * inverse document frequencies within the entries compared (log(1 + n / df)), so words that occur in many entries
 * ("inwoner", "maatwerk" in a maatwerk session) count less than rare ones. The score mixes the smaller and the larger
 * of the two coverages, so a short note ("Brieven in begrijpelijke taal.") can match a long paraphrase without two long
 * texts that share one topic word matching each other. A pair below the threshold is still suggested when the two
 * are each other's best match and score at least MUTUAL_BEST_SHARE of it. A pair's score depends a little on the other
 * entries (through the weights), never on their order (scores are rounded to 4 decimals, so the order of summation
 * cannot show); the terugblik therefore gets the same suggestions at every step.
 *
 * Pairs that share an entry are drawn as one group on the board; a group of up to GROUP_LIMIT entries gets all its
 * pairs, each with its own score, so the list holds what the board shows (two paraphrases that are each found with a
 * third eis are one group even when they share few words). At most one suggestion per entry is returned by default
 * (never fewer than DEFAULT_SUGGESTION_MAX): a fixed 20 used to hide most pairs of a large plenair.
 *
 * Cost: texts are prepared once (stems and themes) and kept between calls; only pairs that share a concept or a
 * (related) theme and could reach the floor are scored. About 8 ms of CPU for 300 eisen once warm (`npm run
 * bench:suggest`); the first call of a process compiles the lexicon's expressions (about 0.2 s for 300 new texts).
 */
import { CONCEPTS, PHRASES, RELATED, RELATED_CREDIT } from "./eisLexicon.ts";
import { RELATED_THEMES, REQUIREMENT, THEME_RELATED_CREDIT, THEMES, TOPIC, themesOf } from "./eisThemes.ts";
import { fold, normalise, stem, stemFolded } from "./dutchText.ts";

export interface SuggestionEntry {
  ref: { kind: "eis" | "item"; id: string };
  text: string;
  /** The author's role; not used for scoring. */
  role?: string;
}

export interface Suggestion {
  a: SuggestionEntry["ref"];
  b: SuggestionEntry["ref"];
  /** 0..1, rounded to 4 decimals. */
  score: number;
}

export interface SuggestOptions {
  /**
   * Smallest score that is suggested, except for mutual best matches (down to MUTUAL_BEST_SHARE of it);
   * default `DEFAULT_SUGGESTION_THRESHOLD`. At 0 or below every pair of entries with content is returned.
   */
  threshold?: number;
  /**
   * Most suggestions returned, best first; default the number of entries, at least DEFAULT_SUGGESTION_MAX. (A fixed
   * 20 cut a plenair of 120 eisen to a fifth of its duplicate pairs: the board showed far fewer than were found.)
   */
  max?: number;
}

/**
 * Chosen on the tuning boards (tests/fixtures/eisenPairs.ts); the figures on those and on the held-out boards are
 * printed by `npm run bench:suggest` and asserted in tests/core/suggestions.test.ts.
 */
export const DEFAULT_SUGGESTION_THRESHOLD = 0.5;
/** The fewest suggestions a board may show; a board of more entries may show one per entry. */
export const DEFAULT_SUGGESTION_MAX = 20;
/** Share of the smaller coverage in the score; the rest is the larger one. */
const MIN_COVERAGE_WEIGHT = 0.5;
/** Credit for stems that share a long beginning but are not one concept. */
const PREFIX_CREDIT = 0.7;
/**
 * Weight of a word outside the thesaurus relative to a thesaurus concept of the same rarity: such words are often
 * verbs and fillers ("opgesteld", "legt"), though also rare subjects ("respijtzorg"), which their rarity still lifts.
 */
const UNKNOWN_WEIGHT = 0.35;
/**
 * A pair scoring below the threshold but at least this share of it is still suggested when each of the two is the
 * other's best match on the board: a paraphrase in other words is often nobody else's near neighbour.
 */
const MUTUAL_BEST_SHARE = 0.85;
/** Shortest shared beginning for PREFIX_CREDIT, and its least share of the shorter stem. */
const PREFIX_MIN = 5;
const PREFIX_SHARE = 0.6;
/** The most cards the board shows as one suggested group (game/src/ui/phases/parts/board/model.ts, MAX_GROUP). */
const GROUP_LIMIT = 4;
/** Shortest part a compound is split into. */
const MIN_COMPOUND_PART = 4;
/**
 * Share of the theme similarity in the score of two entries that both name a requirement (eisThemes.ts); the rest is
 * the lexical similarity.
 */
const THEME_SHARE = 0.55;
/**
 * The least share of its lexical similarity a pair keeps when the two name different requirements: the cues are
 * specific, so two requirements that differ say much, but a cue the lexicon lacks must not cost a true pair all of it.
 */
const THEME_FLOOR = 0.6;
/**
 * A requirement named by more than CROWD entries of the board counts for (CROWD / entries)^CROWD_POWER of its share:
 * eight eisen about the doorbraak on one tafel ask for several things about it (who may call it in, how fast it
 * decides, what it may decide), and which of them are the same the words must tell.
 */
const CROWD = 5;
const CROWD_POWER = 0.5;
/** How far a subject counts as named by a text that names no subject at all (see themeCoverage). */
const SILENT_TOPIC_CREDIT = 0.8;
/** The mark of a negated concept ("geen budget"), which matches itself negated or the concept in a text that says no. */
const NOT = "\u00ac";

// ---------------------------------------------------------------------------------------------------------------
// Concepts

let conceptOfStem: Map<string, string> | null = null;
let relatedConcepts: Map<string, string[]> | null = null;

function concepts(): Map<string, string> {
  if (conceptOfStem === null) {
    conceptOfStem = new Map();
    for (const group of CONCEPTS) {
      const canonical = stem(group[0]!);
      for (const word of group) conceptOfStem.set(stem(word), canonical);
    }
  }
  return conceptOfStem;
}

function conceptOf(stemmed: string): string {
  return concepts().get(stemmed) ?? stemmed;
}

let thesaurusConcepts: Set<string> | null = null;

function inThesaurus(concept: string): boolean {
  thesaurusConcepts ??= new Set(concepts().values());
  return thesaurusConcepts.has(concept);
}

function related(): Map<string, string[]> {
  if (relatedConcepts === null) {
    relatedConcepts = new Map();
    for (const group of RELATED) {
      const members = group.map((word) => conceptOf(stem(word)));
      for (const x of members) {
        for (const y of members) {
          if (x === y) continue;
          const list = relatedConcepts.get(x) ?? [];
          if (!list.includes(y)) list.push(y);
          relatedConcepts.set(x, list);
        }
      }
    }
  }
  return relatedConcepts;
}

/** The concepts related to `concept` (see RELATED in eisLexicon.ts). */
function relatedTo(concept: string): readonly string[] {
  return related().get(concept) ?? [];
}

/** Whether two different stems share a beginning of at least PREFIX_MIN letters and PREFIX_SHARE of the shorter. */
function sharesBeginning(x: string, y: string): boolean {
  const shorter = Math.min(x.length, y.length);
  let common = 0;
  while (common < shorter && x.charCodeAt(common) === y.charCodeAt(common)) common++;
  return common >= PREFIX_MIN && common >= PREFIX_SHARE * shorter;
}

// ---------------------------------------------------------------------------------------------------------------
// Texts, kept between calls (a board is recomputed after every merge or edit, and nearly all of its texts were seen
// the call before). Bounded in two generations: when the current one is full it becomes the old one and the one before
// is dropped; a text found in the old one moves to the current one. So the texts of boards in play stay, however many
// sessions run (one cache dropped whole when full made 300 busy sessions prepare every text again and again).

interface TextPrep {
  /** The stems in text order, with repeats. */
  stems: string[];
  /** The themes it names (eisThemes.ts) as [theme number, weight × strength], by theme number. */
  themes: [number, number][];
  /** The stems that only occur negated ("geen eigen budget": eigen, budget); they count as concepts of their own. */
  negated: ReadonlySet<string>;
  /** Whether it says no anywhere (geen, niet, nooit, zonder, niemand, nergens). */
  saysNo: boolean;
}

const CACHE_LIMIT = 20_000;

/** A map of at most two generations of CACHE_LIMIT entries (see above). */
class GenerationCache<V> {
  private current = new Map<string, V>();
  private old = new Map<string, V>();

  get(key: string): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const older = this.old.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  set(key: string, value: V): void {
    if (this.current.size >= CACHE_LIMIT) {
      this.old = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /** Both generations, for the memory report. */
  maps(): ReadonlyMap<string, V>[] {
    return [this.current, this.old];
  }
}

const textCache = new GenerationCache<TextPrep>();
const splitCache = new GenerationCache<Split[]>();

/** The text caches as they are now, for the server's memory report (tools/bench/memoryReport.ts); never changed there. */
export function suggestionTextCaches(): readonly ReadonlyMap<string, unknown>[] {
  return [...textCache.maps(), ...splitCache.maps()];
}

let themeNumbers: Map<string, number> | null = null;
let relatedThemeLists: number[][] | null = null;

function themeNumber(): Map<string, number> {
  themeNumbers ??= new Map(THEMES.map((t, n) => [t.id, n]));
  return themeNumbers;
}

/** For every theme number, the numbers of the themes related to it. */
function relatedThemes(): number[][] {
  if (relatedThemeLists === null) {
    const lists: number[][] = THEMES.map(() => []);
    for (const group of RELATED_THEMES) {
      const members = group.map((id) => themeNumber().get(id)!);
      for (const x of members) for (const y of members) if (x !== y && !lists[x]!.includes(y)) lists[x]!.push(y);
    }
    relatedThemeLists = lists;
  }
  return relatedThemeLists;
}

/** Weighted share of `from`'s themes that `to` names (a related theme for THEME_RELATED_CREDIT). */
function themeCoverage(from: readonly [number, number][], to: readonly [number, number][], mass: number): number {
  let covered = 0;
  // A subject the other text does not name while it names no other subject either: it is silent on it, not about
  // something else ("Ik wil niet eerst vier weken zonder geld zitten" and "Voor jongeren uit de jeugdhulp geldt de
  // zoektermijn niet").
  // Indexed loops, no closures: this runs for every pair of entries that name a requirement.
  let silent = true;
  for (let k = 0; k < to.length && silent; k++) silent = THEMES[to[k]![0]]!.weight > TOPIC;
  for (let i = 0; i < from.length; i++) {
    const t = from[i]![0];
    const w = from[i]![1];
    let best = silent && THEMES[t]!.weight <= TOPIC ? SILENT_TOPIC_CREDIT * w : 0;
    for (let k = 0; k < to.length; k++) {
      if (to[k]![0] === t) {
        best = Math.min(w, to[k]![1]);
        break;
      }
    }
    if (best < w) {
      const related = relatedThemes()[t]!;
      for (let k = 0; k < to.length; k++) if (related.includes(to[k]![0])) best = Math.max(best, THEME_RELATED_CREDIT * Math.min(w, to[k]![1]));
    }
    covered += best;
  }
  return mass > 0 ? covered / mass : 0;
}

function massOf(themes: readonly [number, number][]): number {
  let mass = 0;
  for (let k = 0; k < themes.length; k++) mass += themes[k]![1];
  return mass;
}

/** How far two entries name the same themes, 0..1; 0 when either names none. */
function themeSimilarity(a: readonly [number, number][], b: readonly [number, number][]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const massA = massOf(a);
  const massB = massOf(b);
  const one = themeCoverage(a, b, massA);
  const other = themeCoverage(b, a, massB);
  // The smaller coverage: both must ask for what the other asks for (a long eis with a second demand is not the same).
  return Math.min(one, other);
}

/**
 * Prepares a text (its stems and themes) ahead of the boards it will be on: a later call that compares it only finds it
 * in the cache. Never changes a result.
 */
export function prepareSuggestionText(text: string): void {
  prepText(text);
}

function prepText(text: string): TextPrep {
  let prep = textCache.get(text);
  if (prep === undefined) {
    let folded = fold(text);
    for (const [pattern, word] of PHRASES) folded = folded.replace(pattern, word);
    const themes: [number, number][] = [];
    for (const [id, strength] of themesOf(text)) {
      const n = themeNumber().get(id)!;
      themes.push([n, THEMES[n]!.weight * strength]);
    }
    themes.sort((p, q) => p[0] - q[0]);
    prep = { stems: normalise(folded), themes, negated: negatedStems(folded), saysNo: SAYS_NO.test(folded) };
    textCache.set(text, prep);
  }
  return prep;
}

/** A negator and the (at most two) words it negates. */
const NEGATION = /\b(?:geen|nooit)\s+([a-z0-9]+)(?:\s+([a-z0-9]+))?/g;

const SAYS_NO = /\b(?:geen|niet|nooit|zonder|niemand|nergens)\b/;

/** The stems that the text only names negated: after "geen" or "nooit", and nowhere without. */
function negatedStems(folded: string): ReadonlySet<string> {
  const negated = new Set<string>();
  for (const match of folded.matchAll(NEGATION)) for (const word of [match[1], match[2]]) if (word !== undefined) for (const s of normalise(word)) negated.add(s);
  if (negated.size === 0) return negated;
  const positive = new Set(normalise(folded.replace(NEGATION, " ")));
  for (const s of positive) negated.delete(s);
  return negated;
}

/** One way to cut a compound stem in two: the forms each part may have (as is, stemmed, without a linking "s"). */
interface Split {
  left: readonly string[];
  right: readonly string[];
}

/** Cuts into parts of at least MIN_COMPOUND_PART letters, the longest right part first. */
function splitsOf(stemmed: string): Split[] {
  let splits = splitCache.get(stemmed);
  if (splits === undefined) {
    splits = [];
    for (let k = MIN_COMPOUND_PART; k <= stemmed.length - MIN_COMPOUND_PART; k++) {
      const left = stemmed.slice(0, k);
      const right = stemmed.slice(k);
      const rightStem = stemFolded(right);
      splits.push({
        left: left.endsWith("s") ? [left, left.slice(0, -1)] : [left],
        right: rightStem === right ? [right] : [right, rightStem],
      });
    }
    splitCache.set(stemmed, splits);
  }
  return splits;
}

/**
 * The concepts a stem stands for: its own, or, for a compound not in the thesaurus whose two parts (at least
 * MIN_COMPOUND_PART letters, the left one possibly with a linking "s") are concepts or words of the texts compared,
 * those two ("wijkteamprofessional" → wijkteam, professional).
 */
function conceptsOfStem(stemmed: string, vocabulary: ReadonlySet<string>, out: string[]): void {
  const thesaurus = concepts();
  if (thesaurus.has(stemmed) || stemmed.length < 2 * MIN_COMPOUND_PART) {
    out.push(conceptOf(stemmed));
    return;
  }
  const known = (part: string): boolean => thesaurus.has(part) || vocabulary.has(part);
  for (const { left, right } of splitsOf(stemmed)) {
    const rightPart = right.find(known);
    if (rightPart === undefined) continue;
    const leftPart = left.find(known);
    if (leftPart === undefined) continue;
    out.push(conceptOf(leftPart), conceptOf(rightPart));
    return;
  }
  out.push(stemmed);
}

function refKey(ref: SuggestionEntry["ref"]): string {
  return `${ref.kind}\u0000${ref.id}`;
}

function compareRefs(x: SuggestionEntry["ref"], y: SuggestionEntry["ref"]): number {
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  return 0;
}

/** Adds entry `k` to the members of the group with root `r`, once. */
function addMember(members: Map<number, number[]>, r: number, k: number): void {
  const list = members.get(r);
  if (list === undefined) members.set(r, [k]);
  else if (!list.includes(k)) list.push(k);
}

/*
 * The per-call tables below are typed arrays: whole numbers in Int32Array, scores and weights in Float64Array. As
 * plain arrays their elements kind depended on the board (a table of weights that happened to be all 0 stayed an
 * array of small integers, the next board's held doubles), so every few boards V8 met a kind its optimised code of
 * this large function did not expect, threw that code away and compiled it again (18 times in one 3,000-participant
 * run of bench:load, ~90 ms of compiling each; docs/performance.md). A typed array has one shape whatever it holds.
 */
function ints(length: number, value: number): Int32Array {
  const array = new Int32Array(length);
  if (value !== 0) array.fill(value);
  return array;
}

/**
 * Pairs of entries that probably mean the same thing, best first: score descending, then by the refs.
 * Each pair appears once, with `a` the smaller ref; an entry is never paired with itself (entries with the
 * same ref count once).
 */
export function suggestDuplicates(entries: readonly SuggestionEntry[], options: SuggestOptions = {}): Suggestion[] {
  const threshold = options.threshold ?? DEFAULT_SUGGESTION_THRESHOLD;
  if (options.max !== undefined && !(options.max > 0)) return [];

  const unique: SuggestionEntry[] = [];
  const seenRefs = new Set<string>();
  for (const entry of entries) {
    const key = refKey(entry.ref);
    if (seenRefs.has(key)) continue;
    seenRefs.add(key);
    unique.push(entry);
  }
  const prepared = unique.map((entry) => prepText(entry.text));
  const vocabulary = new Set<string>();
  for (const { stems } of prepared) for (const s of stems) vocabulary.add(s);

  // Concepts per entry, without repeats, as numbers; and for every concept the entries that hold it.
  const numberOf = new Map<string, number>();
  const names: string[] = [];
  // Each entry's concept numbers, ascending.
  const sets: number[][] = [];
  const scratch: string[] = [];
  for (const { stems, negated } of prepared) {
    scratch.length = 0;
    for (const s of stems) {
      if (!negated.has(s)) conceptsOfStem(s, vocabulary, scratch);
      else {
        const from = scratch.length;
        conceptsOfStem(s, vocabulary, scratch);
        for (let k = from; k < scratch.length; k++) scratch[k] = `${NOT}${scratch[k]}`;
      }
    }
    const ids = new Set<number>();
    for (const c of scratch) {
      let n = numberOf.get(c);
      if (n === undefined) {
        n = names.length;
        numberOf.set(c, n);
        names.push(c);
      }
      ids.add(n);
    }
    sets.push([...ids].sort((x, y) => x - y));
  }
  const count = sets.length;
  const df = ints(names.length, 0);
  for (let e = 0; e < count; e++) {
    const set = sets[e]!;
    for (let k = 0; k < set.length; k++) df[set[k]!]!++;
  }
  const weight = new Float64Array(names.length);
  for (let id = 0; id < names.length; id++) weight[id] = Math.log(1 + count / Math.max(1, df[id]!)) * (inThesaurus(names[id]!.replace(NOT, "")) ? 1 : UNKNOWN_WEIGHT);
  // A negated concept and the concept itself: the other of the two, or -1.
  const opposite = ints(names.length, -1);
  names.forEach((name, id) => {
    if (!name.startsWith(NOT)) return;
    const plain = numberOf.get(name.slice(NOT.length));
    if (plain === undefined) return;
    opposite[id] = plain;
    opposite[plain] = id;
  });
  const saysNo = prepared.map((p) => p.saysNo);
  const mass = new Float64Array(count);
  for (let e = 0; e < count; e++) mass[e] = sets[e]!.reduce((sum, id) => sum + weight[id]!, 0);
  const postings: number[][] = names.map(() => []);
  sets.forEach((set, e) => {
    for (const id of set) postings[id]!.push(e);
  });

  // Partial counterparts among this call's concepts: related ones, and stems sharing a long beginning.
  const partners: { id: number; credit: number }[][] = names.map(() => []);
  const byPrefix = new Map<string, number[]>();
  names.forEach((name, id) => {
    for (const other of relatedTo(name)) {
      const o = numberOf.get(other);
      if (o !== undefined) partners[id]!.push({ id: o, credit: RELATED_CREDIT });
    }
    if (name.length >= PREFIX_MIN) {
      const key = name.slice(0, PREFIX_MIN);
      const list = byPrefix.get(key);
      if (list === undefined) byPrefix.set(key, [id]);
      else list.push(id);
    }
  });
  for (const ids of byPrefix.values()) {
    for (const x of ids) {
      for (const y of ids) {
        if (x !== y && sharesBeginning(names[x]!, names[y]!) && !partners[x]!.some((p) => p.id === y)) {
          partners[x]!.push({ id: y, credit: PREFIX_CREDIT });
        }
      }
    }
  }

  // The partners in flat arrays: concept c's are partnerIds[partnerStart[c] .. partnerStart[c + 1]).
  const partnerStart = ints(names.length + 1, 0);
  for (let c = 0; c < names.length; c++) partnerStart[c + 1] = partnerStart[c]! + partners[c]!.length;
  const partnerIds = ints(partnerStart[names.length]!, 0);
  const partnerCredit = new Float64Array(partnerStart[names.length]!);
  for (let c = 0; c < names.length; c++) {
    partners[c]!.forEach((p, k) => {
      partnerIds[partnerStart[c]! + k] = p.id;
      partnerCredit[partnerStart[c]! + k] = p.credit;
    });
  }

  // mark[c] === stamp when concept c is in the entry being compared against.
  const mark = ints(names.length, -1);
  let stamp = 0;
  /** Weighted share of `from`'s concepts that `to` matches. */
  const coverage = (from: number, to: number): number => {
    stamp++;
    const target = sets[to]!;
    for (let k = 0; k < target.length; k++) mark[target[k]!] = stamp;
    const source = sets[from]!;
    let covered = 0;
    for (let k = 0; k < source.length; k++) {
      const x = source[k]!;
      if (mark[x] === stamp) {
        covered += weight[x]!;
        continue;
      }
      // "geen budget" against "budget" counts when both say no (one of them before the word).
      const o = opposite[x]!;
      if (o >= 0 && mark[o] === stamp && saysNo[from]! && saysNo[to]!) {
        covered += weight[x]!;
        continue;
      }
      let best = 0;
      for (let p = partnerStart[x]!; p < partnerStart[x + 1]!; p++) {
        if (partnerCredit[p]! > best && mark[partnerIds[p]!] === stamp) best = partnerCredit[p]!;
      }
      covered += best * weight[x]!;
    }
    return mass[from]! > 0 ? covered / mass[from]! : 0;
  };

  const hits: { x: number; y: number; score: number }[] = [];
  // Every pair of at least `floor` is kept for now; those below the threshold only stay as mutual best matches.
  const floor = threshold > 0 ? MUTUAL_BEST_SHARE * threshold : threshold;
  const themes = prepared.map((p) => p.themes);
  // Only a requirement makes the themes count; subjects (TOPIC) and qualities said of another demand (ASPECT) alone
  // leave the score lexical.
  const namesRequirement = themes.map((list) => list.some(([t]) => THEMES[t]!.weight >= REQUIREMENT));
  // How many entries name each requirement: a requirement many eisen on the board name (a tafel's eight eisen about the
  // doorbraak) tells less about which of them ask for the same thing, so the words must tell more.
  const themeDf = ints(THEMES.length, 0);
  for (let e = 0; e < themes.length; e++) {
    const list = themes[e]!;
    for (let k = 0; k < list.length; k++) themeDf[list[k]![0]]!++;
  }
  const crowding = (tx: readonly [number, number][], ty: readonly [number, number][]): number => {
    let most = 0;
    for (let i = 0; i < tx.length; i++) {
      const t = tx[i]![0];
      if (THEMES[t]!.weight < REQUIREMENT) continue;
      for (let k = 0; k < ty.length; k++) if (ty[k]![0] === t && themeDf[t]! > most) most = themeDf[t]!;
    }
    return most <= CROWD ? 1 : Math.pow(CROWD / most, CROWD_POWER);
  };
  const combine = (lexical: number, x: number, y: number): number => {
    const tx = themes[x]!;
    const ty = themes[y]!;
    const nx = namesRequirement[x]!;
    const ny = namesRequirement[y]!;
    if (!nx || !ny) return lexical;
    return Math.max(THEME_FLOOR * lexical, (1 - THEME_SHARE) * lexical + THEME_SHARE * themeSimilarity(tx, ty) * crowding(tx, ty));
  };
  const pairScore = (x: number, y: number): number => {
    const one = coverage(x, y);
    const other = coverage(y, x);
    const low = Math.min(one, other);
    const high = Math.max(one, other);
    const lexical = MIN_COVERAGE_WEIGHT * low + (1 - MIN_COVERAGE_WEIGHT) * high;
    // Rounded so that the order of summation cannot matter.
    return Math.round(combine(lexical, x, y) * 1e4) / 1e4;
  };
  const consider = (x: number, y: number): void => {
    const score = pairScore(x, y);
    if (score >= floor) hits.push({ x, y, score });
  };
  if (threshold <= 0) {
    // Every pair of entries with content, also those sharing nothing.
    for (let x = 0; x < count; x++) {
      if (sets[x]!.length === 0) continue;
      for (let y = x + 1; y < count; y++) if (sets[y]!.length > 0) consider(x, y);
    }
  } else {
    // Only entries that share a concept can score above 0, and only those whose shared weight, plus the most the
    // partial counterparts could add, can reach the floor are scored in full.
    const withPartners = new Float64Array(count);
    for (let e = 0; e < count; e++) withPartners[e] = sets[e]!.reduce((sum, id) => sum + (partners[id]!.length > 0 ? weight[id]! : 0), 0);
    const maxPartial = Math.max(RELATED_CREDIT, PREFIX_CREDIT);
    const shared = new Float64Array(count);
    const themePostings: number[][] = [];
    for (let e = 0; e < themes.length; e++) {
      const list = themes[e]!;
      for (let k = 0; k < list.length; k++) (themePostings[list[k]![0]] ??= []).push(e);
    }
    const touched: number[] = [];
    const noPostings: number[] = [];
    // Indexed loops without destructuring throughout: this runs for every entry against every other, and an iterator
    // (for-of over a pair, or `[t] = ...`) allocated per step showed as the server's largest allocation site.
    for (let x = 0; x < count; x++) {
      touched.length = 0;
      const setX = sets[x]!;
      for (let i = 0; i < setX.length; i++) {
        const id = setX[i]!;
        const withId = postings[id]!;
        for (let j = 0; j < withId.length; j++) {
          const y = withId[j]!;
          if (y <= x) continue;
          if (shared[y] === 0) touched.push(y);
          shared[y] = shared[y]! + weight[id]!;
        }
        // The concept's opposite may count too (both say no): as much as it could.
        const o = opposite[id]!;
        if (o < 0 || !saysNo[x]!) continue;
        const withOpposite = postings[o]!;
        for (let j = 0; j < withOpposite.length; j++) {
          const y = withOpposite[j]!;
          if (y <= x || !saysNo[y]!) continue;
          if (shared[y] === 0) touched.push(y);
          shared[y] = shared[y]! + Math.max(weight[id]!, weight[o]!);
        }
      }
      // Entries that name a theme of x's, or one related to it, are candidates too.
      const candidate = (u: number): void => {
        const naming = themePostings[u] ?? noPostings;
        for (let j = 0; j < naming.length; j++) {
          const y = naming[j]!;
          if (y <= x || shared[y] !== 0) continue;
          touched.push(y);
          shared[y] = 1e-12;
        }
      };
      const themesX = themes[x]!;
      for (let i = 0; i < themesX.length; i++) {
        const t = themesX[i]![0];
        candidate(t);
        const relatedToT = relatedThemes()[t]!;
        for (let j = 0; j < relatedToT.length; j++) candidate(relatedToT[j]!);
      }
      for (let j = 0; j < touched.length; j++) {
        const y = touched[j]!;
        const one = Math.min(1, (shared[y]! + maxPartial * withPartners[x]!) / mass[x]!);
        const other = Math.min(1, (shared[y]! + maxPartial * withPartners[y]!) / mass[y]!);
        const most = combine(MIN_COVERAGE_WEIGHT * Math.min(one, other) + (1 - MIN_COVERAGE_WEIGHT) * Math.max(one, other), x, y);
        // The score cannot be higher; a small margin keeps rounding from cutting a pair at the floor.
        if (most >= floor - 1e-6) consider(x, y);
        shared[y] = 0;
      }
    }
  }

  if (floor < threshold) {
    const best = new Float64Array(count);
    for (const h of hits) {
      if (h.score > best[h.x]!) best[h.x] = h.score;
      if (h.score > best[h.y]!) best[h.y] = h.score;
    }
    const kept = hits.filter((h) => h.score >= threshold || (h.score === best[h.x] && h.score === best[h.y]));
    hits.length = 0;
    hits.push(...kept);
  }
  if (threshold > 0) {
    // Suggested pairs that share an entry form a group, and the board shows a group of up to GROUP_LIMIT cards as one
    // suggestion; such a group gets its missing pairs too, so the list says what the board shows.
    const parent = Array.from({ length: count }, (_, k) => k);
    const root = (k: number): number => {
      while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
      return k;
    };
    for (const h of hits) {
      const rx = root(h.x);
      const ry = root(h.y);
      if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
    }
    const members = new Map<number, number[]>();
    const have = new Set<number>();
    for (const h of hits) {
      have.add(h.x * count + h.y);
      have.add(h.y * count + h.x);
      addMember(members, root(h.x), h.x);
      addMember(members, root(h.y), h.y);
    }
    for (const list of members.values()) {
      if (list.length > GROUP_LIMIT) continue;
      list.sort((p, q) => p - q);
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const x = list[i]!;
          const y = list[j]!;
          if (!have.has(x * count + y)) hits.push({ x, y, score: pairScore(x, y) });
        }
      }
    }
  }
  // (An empty list returns here: mapped, it would be an array of another kind than a list of pairs, see ints.)
  if (hits.length === 0) return [];
  const suggestions = hits.map(({ x, y, score }): Suggestion => {
    const rx = unique[x]!.ref;
    const ry = unique[y]!.ref;
    return compareRefs(rx, ry) <= 0
      ? { a: { kind: rx.kind, id: rx.id }, b: { kind: ry.kind, id: ry.id }, score }
      : { a: { kind: ry.kind, id: ry.id }, b: { kind: rx.kind, id: rx.id }, score };
  });
  suggestions.sort((s, t) => t.score - s.score || compareRefs(s.a, t.a) || compareRefs(s.b, t.b));
  return suggestions.slice(0, options.max ?? Math.max(DEFAULT_SUGGESTION_MAX, count));
}
