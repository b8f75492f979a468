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

/**
 * Parts of a compound stem that are themselves words of the texts compared: with "wijkteam" and
 * "professional" among the words, "wijkteamprofessional" also yields both. A linking "s" is allowed
 * ("bijstandsuitkering" → "bijstand", "uitker").
 */
function compoundParts(token: string, vocabulary: ReadonlySet<string>, out: string[]): void {
  if (token.length < 2 * MIN_COMPOUND_PART) return;
  for (let k = MIN_COMPOUND_PART; k <= token.length - MIN_COMPOUND_PART; k++) {
    const right = token.slice(k);
    if (!vocabulary.has(right)) continue;
    const left = token.slice(0, k);
    if (vocabulary.has(left)) out.push(left, right);
    else if (left.endsWith("s") && vocabulary.has(left.slice(0, -1))) out.push(left.slice(0, -1), right);
  }
}

interface Prepared {
  ref: SuggestionEntry["ref"];
  tokens: Int32Array;
  grams: Int32Array;
}

function refKey(ref: SuggestionEntry["ref"]): string {
  return `${ref.kind}\u0000${ref.id}`;
}

function compareRefs(x: SuggestionEntry["ref"], y: SuggestionEntry["ref"]): number {
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  return 0;
}

/** The distinct values of `ids`, ascending. */
function sortedUnique(ids: readonly number[]): Int32Array {
  const sorted = Int32Array.from(ids).sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (n === 0 || sorted[k] !== sorted[n - 1]) sorted[n++] = sorted[k]!;
  return sorted.subarray(0, n);
}

function idOf<K>(key: K, ids: Map<K, number>): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

function tokenIdsOf(tokens: readonly string[], ids: Map<string, number>): Int32Array {
  return sortedUnique(tokens.map((token) => idOf(token, ids)));
}

const WORD_START = 0x5e; // "^"

/**
 * Ids of the character trigrams of "^" + each token, a trigram keyed by its three UTF-16 code units packed into
 * one number (no string per trigram). A token of one character gives the single "trigram" "^x".
 */
function gramIdsOf(tokens: readonly string[], ids: Map<number, number>): Int32Array {
  const out: number[] = [];
  for (const token of tokens) {
    let a = WORD_START;
    let b = token.charCodeAt(0);
    if (token.length === 1) {
      out.push(idOf(a * 0x1_0000_0000 + b * 0x1_0000, ids));
      continue;
    }
    for (let k = 1; k < token.length; k++) {
      const c = token.charCodeAt(k);
      out.push(idOf(a * 0x1_0000_0000 + b * 0x1_0000 + c, ids));
      a = b;
      b = c;
    }
  }
  return sortedUnique(out);
}

/** Inverse document frequency of every id, and each entry's total weight. */
function weigh(sets: readonly Int32Array[], idCount: number): { weights: Float64Array; mass: Float64Array } {
  const df = new Int32Array(idCount);
  for (const set of sets) for (let k = 0; k < set.length; k++) df[set[k]!]!++;
  const n = sets.length;
  const weights = new Float64Array(idCount);
  for (let id = 0; id < idCount; id++) weights[id] = Math.log(1 + n / Math.max(1, df[id]!));
  const mass = new Float64Array(sets.length);
  for (let s = 0; s < sets.length; s++) {
    const set = sets[s]!;
    let total = 0;
    for (let k = 0; k < set.length; k++) total += weights[set[k]!]!;
    mass[s] = total;
  }
  return { weights, mass };
}

/** For every id, the entries that contain it, ascending. */
function postings(sets: readonly Int32Array[], idCount: number): Int32Array[] {
  const counts = new Int32Array(idCount);
  for (const set of sets) for (let k = 0; k < set.length; k++) counts[set[k]!]!++;
  const lists = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(idCount);
  for (let entry = 0; entry < sets.length; entry++) {
    const set = sets[entry]!;
    for (let k = 0; k < set.length; k++) {
      const id = set[k]!;
      lists[id]![filled[id]!++] = entry;
    }
  }
  return lists;
}

/** Per-x scratch space: which later entries share something with x. */
interface Accumulator {
  seen: Uint8Array;
  touched: Int32Array;
  touchedCount: number;
}

/** Adds the weight of every id of `set` to `shared[y]` for each later entry y (> x) that has that id too. */
function accumulate(
  x: number,
  set: Int32Array,
  lists: readonly Int32Array[],
  weights: Float64Array,
  into: Accumulator,
  shared: Float64Array,
): void {
  for (let k = 0; k < set.length; k++) {
    const id = set[k]!;
    const list = lists[id]!;
    const weight = weights[id]!;
    for (let p = list.length - 1; p >= 0; p--) {
      const y = list[p]!;
      if (y <= x) break;
      if (into.seen[y] === 0) {
        into.seen[y] = 1;
        into.touched[into.touchedCount++] = y;
      }
      shared[y] = shared[y]! + weight;
    }
  }
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
  const stems = unique.map((entry) => normalise(entry.text));
  const vocabulary = new Set<string>();
  for (const list of stems) for (const token of list) vocabulary.add(token);

  const tokenIds = new Map<string, number>();
  const gramIds = new Map<number, number>();
  const prepared: Prepared[] = unique.map((entry, index) => {
    const list = stems[index]!;
    const parts: string[] = [];
    for (const token of list) compoundParts(token, vocabulary, parts);
    const tokens = list.map(canonical);
    return {
      ref: entry.ref,
      tokens: tokenIdsOf(parts.length === 0 ? tokens : tokens.concat(parts.map(canonical)), tokenIds),
      grams: gramIdsOf(tokens, gramIds),
    };
  });

  const tokenWeights = weigh(
    prepared.map((p) => p.tokens),
    tokenIds.size,
  );
  const gramWeights = weigh(
    prepared.map((p) => p.grams),
    gramIds.size,
  );

  const count = prepared.length;
  const gramSets = prepared.map((p) => p.grams);
  const tokenSets = prepared.map((p) => p.tokens);
  const gramLists = postings(gramSets, gramIds.size);
  const tokenLists = postings(tokenSets, tokenIds.size);
  const sharedGrams = new Float64Array(count);
  const sharedTokens = new Float64Array(count);
  const scratch: Accumulator = { seen: new Uint8Array(count), touched: new Int32Array(count), touchedCount: 0 };
  const everyPair = threshold <= 0;

  const hits: { x: number; y: number; score: number }[] = [];
  const consider = (x: number, y: number): void => {
    const gramMass = gramWeights.mass[x]! + gramWeights.mass[y]!;
    const tokenMass = tokenWeights.mass[x]! + tokenWeights.mass[y]!;
    const gramScore = gramMass > 0 ? (2 * sharedGrams[y]!) / gramMass : 0;
    const tokenScore = tokenMass > 0 ? (2 * sharedTokens[y]!) / tokenMass : 0;
    // Rounded so that the order of summation (which follows the order of the entries) cannot matter.
    const score = Math.round((TOKEN_WEIGHT * tokenScore + (1 - TOKEN_WEIGHT) * gramScore) * 1e4) / 1e4;
    if (score >= threshold) hits.push({ x, y, score });
  };
  for (let x = 0; x < count; x++) {
    // Only the entries that share a trigram or a token with x can score above 0.
    scratch.touchedCount = 0;
    accumulate(x, gramSets[x]!, gramLists, gramWeights.weights, scratch, sharedGrams);
    accumulate(x, tokenSets[x]!, tokenLists, tokenWeights.weights, scratch, sharedTokens);
    if (!everyPair) {
      for (let t = 0; t < scratch.touchedCount; t++) consider(x, scratch.touched[t]!);
    } else if (gramSets[x]!.length > 0) {
      // Threshold 0 or below: every pair of entries with content, also those sharing nothing.
      for (let y = x + 1; y < count; y++) if (gramSets[y]!.length > 0) consider(x, y);
    }
    for (let t = 0; t < scratch.touchedCount; t++) {
      const y = scratch.touched[t]!;
      sharedGrams[y] = 0;
      sharedTokens[y] = 0;
      scratch.seen[y] = 0;
    }
  }

  const suggestions = hits.map(({ x, y, score }): Suggestion => {
    const rx = prepared[x]!.ref;
    const ry = prepared[y]!.ref;
    return compareRefs(rx, ry) <= 0
      ? { a: { kind: rx.kind, id: rx.id }, b: { kind: ry.kind, id: ry.id }, score }
      : { a: { kind: ry.kind, id: ry.id }, b: { kind: rx.kind, id: rx.id }, score };
  });
  suggestions.sort((s, t) => t.score - s.score || compareRefs(s.a, t.a) || compareRefs(s.b, t.b));
  return suggestions.slice(0, max);
}
