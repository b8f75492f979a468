/**
 * Local, deterministic duplicate suggestions for Dutch eisen and items: which pairs probably ask for the same
 * thing and could be merged. No network, no model: a lexical similarity whose weights and threshold were chosen
 * on a labelled set (tests/fixtures/eisenPairs.ts) for precision first, because every suggestion is shown to
 * people and false alarms annoy.
 *
 * Each text is normalised with `normalise` (folded, stopwords dropped, stemmed); a few domain synonyms are
 * mapped onto one word ("burger" → "inwoner", "contactpersoon" → "aanspreekpunt"). Then, for a pair:
 *  - token overlap: weighted Dice of the two sets of stems, where a compound also counts as its parts when
 *    those parts occur as words in the texts compared ("wijkteamprofessional" → "wijkteam", "professional");
 *  - trigram overlap: weighted Dice of the character trigrams of each stem (with a start-of-word marker),
 *    which catches compounds written apart ("maatwerkbudget", "budget voor maatwerk") and stems that differ in
 *    their ending ("registratie", "registreren");
 *  - score = TOKEN_WEIGHT * tokens + (1 - TOKEN_WEIGHT) * trigrams, in 0..1.
 * Weights are inverse document frequencies within the entries compared (log(1 + n / df)), so words and
 * trigrams that occur in many entries ("inwoner", "maatwerk" in a maatwerk session) count less than rare ones.
 * A pair's score therefore depends a little on the other entries, but never on their order.
 *
 * Cost: one pass to prepare sorted integer id sets, then inverted lists, so only pairs that share a trigram are
 * scored; 300 eisen of usual length take a few milliseconds.
 */
import { normalise, stem } from "./dutchText.ts";

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
  /** Smallest score that is suggested; default `DEFAULT_SUGGESTION_THRESHOLD`. */
  threshold?: number;
  /** Most suggestions returned, best first; default 20. */
  max?: number;
}

/**
 * Chosen on tests/fixtures/eisenPairs.ts for precision first: there 0.42 gives precision 0.86 and recall 0.53
 * (0.40 gives 0.81 / 0.57, 0.45 gives 0.93 / 0.46). See tests/core/suggestions.test.ts.
 */
export const DEFAULT_SUGGESTION_THRESHOLD = 0.42;
export const DEFAULT_SUGGESTION_MAX = 20;
/** Share of the token overlap in the score; the rest is the trigram overlap. */
const TOKEN_WEIGHT = 0.3;

/**
 * Words that mean the same in the sociaal domein, mapped onto the first of their group after stemming.
 * Kept small and unambiguous: "budget" and "begroting" are deliberately not merged.
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["inwoner", "inwoners", "burger", "burgers", "bewoner", "bewoners", "cliënt", "cliënten"],
  ["aanspreekpunt", "aanspreekpunten", "contactpersoon", "contactpersonen", "regisseur", "regisseurs"],
  ["mandaat", "mandaten", "bevoegdheid", "bevoegdheden"],
  ["professional", "professionals", "medewerker", "medewerkers", "hulpverlener", "hulpverleners", "consulent", "consulenten"],
  ["gratis", "kosteloos", "kosteloze"],
  ["direct", "directe", "meteen", "onmiddellijk", "onmiddellijke"],
  ["boete", "boetes", "sanctie", "sancties"],
  ["besluit", "besluiten", "beslissing", "beslissingen"],
  ["casus", "casussen", "situatie", "situaties"],
  ["eenvoudig", "eenvoudige", "simpel", "simpele", "makkelijk", "makkelijke", "gemakkelijk", "gemakkelijke"],
  ["wantrouwen", "argwaan"],
  ["regel", "regels", "regelgeving", "regeling", "regelingen"],
  ["snel", "snelle", "vlot", "vlotte", "spoedig", "spoedige"],
  ["gezin", "gezinnen", "huishouden", "huishoudens"],
  ["toestemming", "instemming"],
  ["gegevens", "informatie"],
  ["wachtlijst", "wachtlijsten", "wachttijd", "wachttijden"],
  ["acuut", "acute", "crisis", "spoed"],
  ["dakloos", "dakloze", "daklozen", "dakloosheid", "thuisloos", "thuisloze", "thuislozen", "thuisloosheid"],
  ["kind", "kinderen", "jeugdige", "jeugdigen"],
];

let synonymMap: Map<string, string> | null = null;

function synonyms(): Map<string, string> {
  if (synonymMap === null) {
    synonymMap = new Map();
    for (const group of SYNONYM_GROUPS) {
      const canonical = stem(group[0]!);
      for (const word of group) synonymMap.set(stem(word), canonical);
    }
  }
  return synonymMap;
}

function canonical(token: string): string {
  return synonyms().get(token) ?? token;
}

/** Shortest part a compound is split into. */
const MIN_COMPOUND_PART = 4;

function refKey(ref: SuggestionEntry["ref"]): string {
  return `${ref.kind}\u0000${ref.id}`;
}

function compareRefs(x: SuggestionEntry["ref"], y: SuggestionEntry["ref"]): number {
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  return 0;
}

const WORD_START = 0x5e; // "^"

/**
 * What a text gives regardless of the other entries, kept between calls: a board is recomputed after every merge
 * or edit, and nearly all of its texts were seen the call before. Words (stems, their synonym forms, compound parts)
 * and trigram keys get a number once; each call then numbers what it uses in order of first appearance, exactly as
 * a fresh computation would, so weights and sums come out the same. Bounded like the stem cache.
 */
interface TextPrep {
  /** Word numbers of the stems, and the stems themselves (for compound parts). */
  stems: Int32Array;
  stemTexts: string[];
  /** Word numbers of the stems mapped onto their synonym group. */
  tokens: Int32Array;
  /** Trigram numbers of "^" + each token, token by token. */
  grams: Int32Array;
}
type Split = { left: string; right: string; leftWithoutS: string | null };

const CACHE_LIMIT = 20_000;
let words = new Map<string, number>();
let gramKeys = new Map<number, number>();
let textCache = new Map<string, TextPrep>();
let splitCache = new Map<string, Split[]>();

function numberOf<K>(key: K, numbers: Map<K, number>): number {
  let n = numbers.get(key);
  if (n === undefined) {
    n = numbers.size;
    numbers.set(key, n);
  }
  return n;
}

function prepText(text: string): TextPrep {
  let prep = textCache.get(text);
  if (prep === undefined) {
    const stemTexts = normalise(text);
    const tokens = stemTexts.map(canonical);
    const grams: number[] = [];
    for (const token of tokens) {
      // Three UTF-16 code units packed into one number; a token of one character gives the single "trigram" "^x".
      let a = WORD_START;
      let b = token.charCodeAt(0);
      if (token.length === 1) grams.push(numberOf(a * 0x1_0000_0000 + b * 0x1_0000, gramKeys));
      for (let k = 1; k < token.length; k++) {
        const c = token.charCodeAt(k);
        grams.push(numberOf(a * 0x1_0000_0000 + b * 0x1_0000 + c, gramKeys));
        a = b;
        b = c;
      }
    }
    prep = {
      stems: Int32Array.from(stemTexts, (w) => numberOf(w, words)),
      stemTexts,
      tokens: Int32Array.from(tokens, (w) => numberOf(w, words)),
      grams: Int32Array.from(grams),
    };
    textCache.set(text, prep);
  }
  return prep;
}

/** Ways to split a stem into two parts of at least MIN_COMPOUND_PART; the left part also without a linking "s". */
function splitsOf(stem: string): Split[] {
  let splits = splitCache.get(stem);
  if (splits === undefined) {
    splits = [];
    for (let k = MIN_COMPOUND_PART; k <= stem.length - MIN_COMPOUND_PART; k++) {
      const left = stem.slice(0, k);
      splits.push({ left, right: stem.slice(k), leftWithoutS: left.endsWith("s") ? left.slice(0, -1) : null });
    }
    splitCache.set(stem, splits);
  }
  return splits;
}

/** Numbers a call gives to words or trigrams, in order of first use; `call` tells this call's from older ones. */
class Numbering {
  private stamp = new Int32Array(1024);
  private local = new Int32Array(1024);
  count = 0;
  start(): void {
    this.count = 0;
  }
  reset(): void {
    this.stamp = new Int32Array(1024);
    this.local = new Int32Array(1024);
  }
  of(global: number, call: number): number {
    if (global >= this.stamp.length) {
      const size = Math.max(global + 1, this.stamp.length * 2);
      const stamp = new Int32Array(size);
      stamp.set(this.stamp);
      const local = new Int32Array(size);
      local.set(this.local);
      this.stamp = stamp;
      this.local = local;
    }
    if (this.stamp[global] !== call) {
      this.stamp[global] = call;
      this.local[global] = this.count++;
    }
    return this.local[global]!;
  }
  /** Marks a number as used in this call without numbering it (the vocabulary). */
  mark(global: number, call: number): void {
    this.of(global, call);
  }
  has(global: number, call: number): boolean {
    return global < this.stamp.length && this.stamp[global] === call;
  }
}

const tokenNumbering = new Numbering();
const gramNumbering = new Numbering();
const vocabulary = new Numbering();
let calls = 0;

/** Starts a call: drops the caches when they have grown large (numbers restart), and returns the call's number. */
function nextCall(): number {
  if (textCache.size >= CACHE_LIMIT || words.size >= 4 * CACHE_LIMIT || gramKeys.size >= 4 * CACHE_LIMIT || splitCache.size >= CACHE_LIMIT || calls >= 2 ** 30) {
    words = new Map();
    gramKeys = new Map();
    textCache = new Map();
    splitCache = new Map();
    tokenNumbering.reset();
    gramNumbering.reset();
    vocabulary.reset();
    calls = 0;
  }
  calls++;
  tokenNumbering.start();
  gramNumbering.start();
  return calls;
}

/** Whether a word occurs among the stems of this call's texts. */
function inVocabulary(word: string, call: number): boolean {
  const n = words.get(word);
  return n !== undefined && vocabulary.has(n, call);
}

/**
 * Parts of a compound stem that are themselves words of the texts compared: with "wijkteam" and
 * "professional" among the words, "wijkteamprofessional" also yields both. A linking "s" is allowed
 * ("bijstandsuitkering" → "bijstand", "uitker").
 */
function compoundParts(stem: string, call: number, out: string[]): void {
  if (stem.length < 2 * MIN_COMPOUND_PART) return;
  for (const { left, right, leftWithoutS } of splitsOf(stem)) {
    if (!inVocabulary(right, call)) continue;
    if (inVocabulary(left, call)) out.push(left, right);
    else if (leftWithoutS !== null && inVocabulary(leftWithoutS, call)) out.push(leftWithoutS, right);
  }
}

/**
 * Sets of integer ids, one per entry, in one flat array (entry e holds ids[start[e]..start[e + 1]), ascending,
 * without repeats), with for every id the entries that hold it (postings, ascending, the same flat way) and the
 * inverse-document-frequency weights log(1 + n / df) and each entry's total weight.
 */
class IdSets {
  readonly start: Int32Array;
  ids: Int32Array;
  weights = new Float64Array(0);
  mass: Float64Array;
  postStart = new Int32Array(0);
  posts = new Int32Array(0);
  private filled = 0;

  constructor(entries: number, capacity: number) {
    this.start = new Int32Array(entries + 1);
    this.ids = new Int32Array(Math.max(16, capacity));
    this.mass = new Float64Array(entries);
  }

  /** Adds the next entry's ids (any order, repeats allowed); they are sorted and made unique in place. */
  push(entry: number, values: readonly number[]): void {
    const from = this.filled;
    if (from + values.length > this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length * 2, from + values.length));
      grown.set(this.ids.subarray(0, from));
      this.ids = grown;
    }
    for (let k = 0; k < values.length; k++) this.ids[from + k] = values[k]!;
    const region = this.ids.subarray(from, from + values.length).sort();
    let n = 0;
    for (let k = 0; k < region.length; k++) if (n === 0 || region[k] !== region[n - 1]) region[n++] = region[k]!;
    this.filled = from + n;
    this.start[entry + 1] = this.filled;
  }

  size(entry: number): number {
    return this.start[entry + 1]! - this.start[entry]!;
  }

  /** Weights, masses and postings, once every entry is in. */
  finish(idCount: number): void {
    const entries = this.start.length - 1;
    const df = new Int32Array(idCount);
    for (let k = 0; k < this.filled; k++) df[this.ids[k]!]!++;
    this.weights = new Float64Array(idCount);
    for (let id = 0; id < idCount; id++) this.weights[id] = Math.log(1 + entries / Math.max(1, df[id]!));
    for (let e = 0; e < entries; e++) {
      let total = 0;
      for (let k = this.start[e]!; k < this.start[e + 1]!; k++) total += this.weights[this.ids[k]!]!;
      this.mass[e] = total;
    }
    this.postStart = new Int32Array(idCount + 1);
    for (let id = 0; id < idCount; id++) this.postStart[id + 1] = this.postStart[id]! + df[id]!;
    this.posts = new Int32Array(this.filled);
    const cursor = this.postStart.slice(0, idCount);
    for (let e = 0; e < entries; e++) {
      for (let k = this.start[e]!; k < this.start[e + 1]!; k++) {
        const id = this.ids[k]!;
        this.posts[cursor[id]!++] = e;
      }
    }
  }

  /** Adds the weight of every id of entry x to `shared[y]` for each later entry y (> x) that has that id too. */
  accumulate(x: number, into: Accumulator, shared: Float64Array): void {
    for (let k = this.start[x]!; k < this.start[x + 1]!; k++) {
      const id = this.ids[k]!;
      const weight = this.weights[id]!;
      const first = this.postStart[id]!;
      for (let p = this.postStart[id + 1]! - 1; p >= first; p--) {
        const y = this.posts[p]!;
        if (y <= x) break;
        if (into.seen[y] === 0) {
          into.seen[y] = 1;
          into.touched[into.touchedCount++] = y;
        }
        shared[y] = shared[y]! + weight;
      }
    }
  }
}

/** Per-x scratch space: which later entries share something with x. */
interface Accumulator {
  seen: Uint8Array;
  touched: Int32Array;
  touchedCount: number;
}

/** The trigram overlap below which no pair can reach `threshold`; 0 (nothing skipped) for low thresholds. */
function everyPairFloor(threshold: number): number {
  return Math.max(0, (threshold - TOKEN_WEIGHT - 1e-3) / (1 - TOKEN_WEIGHT));
}

/**
 * Pairs of entries that probably mean the same thing, best first: score descending, then by the refs.
 * Each pair appears once, with `a` the smaller ref; an entry is never paired with itself (entries with the
 * same ref count once).
 */
export function suggestDuplicates(entries: readonly SuggestionEntry[], options: SuggestOptions = {}): Suggestion[] {
  const threshold = options.threshold ?? DEFAULT_SUGGESTION_THRESHOLD;
  const max = options.max ?? DEFAULT_SUGGESTION_MAX;
  if (!(max > 0)) return [];

  const unique: SuggestionEntry[] = [];
  const seenRefs = new Set<string>();
  for (const entry of entries) {
    const key = refKey(entry.ref);
    if (seenRefs.has(key)) continue;
    seenRefs.add(key);
    unique.push(entry);
  }
  const call = nextCall();
  const prepared = unique.map((entry) => prepText(entry.text));
  for (const { stems } of prepared) for (let k = 0; k < stems.length; k++) vocabulary.mark(stems[k]!, call);

  // Ids in order of first appearance (entry by entry), as the weights and sums have always been computed.
  const count = prepared.length;
  const tokenSets = new IdSets(count, count * 12);
  const gramSets = new IdSets(count, count * 40);
  const scratch: number[] = [];
  const parts: string[] = [];
  for (let e = 0; e < count; e++) {
    const { stemTexts, tokens, grams } = prepared[e]!;
    parts.length = 0;
    for (const stem of stemTexts) compoundParts(stem, call, parts);
    scratch.length = 0;
    for (let k = 0; k < tokens.length; k++) scratch.push(tokenNumbering.of(tokens[k]!, call));
    for (const part of parts) scratch.push(tokenNumbering.of(numberOf(canonical(part), words), call));
    tokenSets.push(e, scratch);
    scratch.length = 0;
    for (let k = 0; k < grams.length; k++) scratch.push(gramNumbering.of(grams[k]!, call));
    gramSets.push(e, scratch);
  }
  tokenSets.finish(tokenNumbering.count);
  gramSets.finish(gramNumbering.count);

  const sharedGrams = new Float64Array(count);
  const sharedTokens = new Float64Array(count);
  const accumulator: Accumulator = { seen: new Uint8Array(count), touched: new Int32Array(count), touchedCount: 0 };
  const everyPair = threshold <= 0;

  const hits: { x: number; y: number; score: number }[] = [];
  // Token overlap is at most 1, so a pair whose trigram overlap keeps TOKEN_WEIGHT + (1 - TOKEN_WEIGHT) * trigrams
  // below the threshold (with a margin for the rounding) cannot be a hit: skip it without computing its score.
  const gramFloor = everyPairFloor(threshold);
  const consider = (x: number, y: number): void => {
    const gramMass = gramSets.mass[x]! + gramSets.mass[y]!;
    if (2 * sharedGrams[y]! < gramFloor * gramMass) return;
    const tokenMass = tokenSets.mass[x]! + tokenSets.mass[y]!;
    const gramScore = gramMass > 0 ? (2 * sharedGrams[y]!) / gramMass : 0;
    const tokenScore = tokenMass > 0 ? (2 * sharedTokens[y]!) / tokenMass : 0;
    // Rounded so that the order of summation (which follows the order of the entries) cannot matter.
    const score = Math.round((TOKEN_WEIGHT * tokenScore + (1 - TOKEN_WEIGHT) * gramScore) * 1e4) / 1e4;
    if (score >= threshold) hits.push({ x, y, score });
  };
  for (let x = 0; x < count; x++) {
    // Only the entries that share a trigram or a token with x can score above 0.
    accumulator.touchedCount = 0;
    gramSets.accumulate(x, accumulator, sharedGrams);
    tokenSets.accumulate(x, accumulator, sharedTokens);
    if (!everyPair) {
      for (let t = 0; t < accumulator.touchedCount; t++) consider(x, accumulator.touched[t]!);
    } else if (gramSets.size(x) > 0) {
      // Threshold 0 or below: every pair of entries with content, also those sharing nothing.
      for (let y = x + 1; y < count; y++) if (gramSets.size(y) > 0) consider(x, y);
    }
    for (let t = 0; t < accumulator.touchedCount; t++) {
      const y = accumulator.touched[t]!;
      sharedGrams[y] = 0;
      sharedTokens[y] = 0;
      accumulator.seen[y] = 0;
    }
  }

  const suggestions = hits.map(({ x, y, score }): Suggestion => {
    const rx = unique[x]!.ref;
    const ry = unique[y]!.ref;
    return compareRefs(rx, ry) <= 0
      ? { a: { kind: rx.kind, id: rx.id }, b: { kind: ry.kind, id: ry.id }, score }
      : { a: { kind: ry.kind, id: ry.id }, b: { kind: rx.kind, id: rx.id }, score };
  });
  suggestions.sort((s, t) => t.score - s.score || compareRefs(s.a, t.a) || compareRefs(s.b, t.b));
  return suggestions.slice(0, max);
}
