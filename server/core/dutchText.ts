/**
 * Light Dutch text normalisation for comparing short texts (eisen), fully local and deterministic.
 *
 * `normalise` lower-cases, strips diacritics, splits on anything that is not a letter or digit, drops common
 * Dutch function words and stems what is left with `stem`, the original Snowball Dutch stemmer (Porter-style
 * suffix stripping: -heden → -heid, -en/-ene, -s/-se, -e, -heid, -ing/-end, -lijk, -baar, undoubling of
 * kk/dd/tt and of a final double vowel).
 */

/**
 * Common Dutch function words, compared after lower-casing and stripping diacritics ("één" is "een").
 * Deliberately without domain words: "maatwerk", "inwoner" or "budget" carry meaning here.
 */
const STOPWORD_LIST = [
  // articles, conjunctions, prepositions
  "de", "het", "een", "en", "of", "maar", "want", "dus", "noch", "dat", "die", "dit", "deze", "wat", "wie",
  "welk", "welke", "waar", "wanneer", "hoe", "waarom", "als", "omdat", "zodat", "zodra", "terwijl", "indien",
  "tenzij", "totdat", "voordat", "nadat", "dan", "van", "in", "op", "te", "voor", "met", "bij", "aan", "om",
  "tot", "naar", "uit", "door", "over", "onder", "boven", "tussen", "tegen", "zonder", "binnen", "buiten",
  "na", "per", "via", "sinds", "vanaf", "vanuit", "tijdens", "rond", "langs", "achter", "naast", "volgens",
  "jegens", "omtrent",
  // pronouns
  "ik", "me", "mij", "mijn", "je", "jij", "jou", "jouw", "jullie", "u", "uw", "hij", "hem", "zijn", "zij",
  "ze", "haar", "hun", "hen", "we", "wij", "ons", "onze", "men", "zich", "zelf", "elkaar", "iemand",
  "iets", "niemand", "niets", "alles", "iedereen",
  // adverbs, quantifiers, particles
  "er", "daar", "hier", "daarom", "daarbij", "daarmee", "daarvoor", "daarvan", "daarin", "hierbij",
  "hiervoor", "waarbij", "waarin", "waarmee", "waarvoor", "niet", "geen", "wel", "ook", "nog", "al", "alle",
  "elk", "elke", "ieder", "iedere", "meer", "meest", "minder", "veel", "weinig", "zo", "zoals", "erg", "heel",
  "zeer", "nu", "toen", "altijd", "nooit", "soms", "vaak", "steeds", "weer", "eens", "even", "pas",
  "reeds", "toch", "juist", "alleen", "enkel", "andere", "ander", "anders", "beide", "sommige", "enige",
  "zulke", "zulk", "zelfs", "namelijk", "bijvoorbeeld", "eigenlijk", "gewoon", "echt",
  // auxiliary and very general verbs
  "is", "was", "waren", "ben", "bent", "wezen", "geweest", "wordt", "worden", "werd", "werden", "geworden",
  "heb", "hebt", "heeft", "hebben", "had", "hadden", "gehad", "kan", "kun", "kunt", "kunnen", "kon", "konden",
  "moet", "moeten", "moest", "moesten", "mag", "mogen", "mocht", "mochten", "zal", "zult", "zullen", "zou",
  "zouden", "wil", "wilt", "willen", "wilde", "hoeft", "hoeven", "hoefde", "gaat", "gaan", "ging", "komt",
  "komen", "kwam", "krijgt", "krijgen", "kreeg", "doet", "doen", "deed", "gedaan", "laat", "laten", "liet",
  "geef", "geeft", "geven", "gaf", "neem", "neemt", "nemen", "nam", "staat", "staan", "stond", "stelt", "legt",
  "zorgt", "blijft", "blijven", "maakt", "maken", "zien", "ziet", "vindt", "vinden",
  // particles and other words without content of their own
  "toe", "mee", "heen", "plaats", "hele", "geheel", "gehele", "zoveel", "zomaar", "waarop", "waaruit", "daarop",
] as const;

const STOPWORDS: ReadonlySet<string> = new Set(STOPWORD_LIST);

/** Whether `word` (lower-case, without diacritics) is a Dutch function word that `normalise` drops. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Lower-case and strip diacritics: "Één Cliënt" becomes "een client". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
}

/**
 * Text to tokens for comparison: folded, split on non-letters/digits, stopwords dropped, stemmed.
 * Tokens whose stem is shorter than 3 characters are dropped too, except numbers ("18").
 */
export function normalise(text: string): string[] {
  const tokens: string[] = [];
  for (const word of fold(text).split(NON_WORD)) {
    if (word === "" || STOPWORDS.has(word)) continue;
    const stemmed = cachedStem(word);
    if (stemmed.length >= 3 || isDigits(stemmed)) tokens.push(stemmed);
  }
  return tokens;
}

function isDigits(word: string): boolean {
  return word.length > 0 && /^\p{N}+$/u.test(word);
}

// ---------------------------------------------------------------------------------------------------------
// The original Snowball Dutch stemmer (the one Snowball now calls "dutch_porter"). Works on lower-case words
// without diacritics; "I" and "Y" mark an i or y that acts as a consonant (i between vowels, initial y, y after a
// vowel), as in the reference. It gives the reference output for all 44,697 plain a-z words of the Snowball test
// vocabulary (snowballstem/snowball-data, dutch_porter/voc.txt).

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 20_000;

/** Stem one Dutch word: "eisen" → "eis", "mogelijkheden" and "mogelijkheid" → "mogelijk". */
export function stem(word: string): string {
  return cachedStem(fold(word));
}

function cachedStem(folded: string): string {
  const cached = stemCache.get(folded);
  if (cached !== undefined) return cached;
  const result = stemFolded(folded);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(folded, result);
  return result;
}

function isVowel(c: string | undefined): boolean {
  return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y" || c === "è";
}

function isAlpha(word: string): boolean {
  return /^[a-zè]+$/.test(word);
}

/** Start of the region after the first non-vowel that follows a vowel, searched from `from`. */
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) {
    if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  }
  return w.length;
}

function undoubleConsonant(w: string): string {
  return w.endsWith("kk") || w.endsWith("dd") || w.endsWith("tt") ? w.slice(0, -1) : w;
}

function validEnEnding(w: string, suffixStart: number): boolean {
  const before = w.slice(0, suffixStart);
  return before.length > 0 && !isVowel(before[before.length - 1]) && !before.endsWith("gem");
}

function validSEnding(w: string, suffixStart: number): boolean {
  const c = w[suffixStart - 1];
  return c !== undefined && !isVowel(c) && c !== "j";
}

function stemFolded(input: string): string {
  // Only plain words are stemmed; numbers, mixed tokens and very short words are left alone.
  if (input.length < 3 || !isAlpha(input)) return input;

  // Mark consonantal i and y.
  let w = "";
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    const prev = w[i - 1];
    if (c === "y" && (i === 0 || isVowel(prev))) w += "Y";
    else if (c === "i" && isVowel(prev) && isVowel(input[i + 1])) w += "I";
    else w += c;
  }

  // R2 is searched from where R1 starts before R1 is moved to leave at least three letters in front of it.
  const r1Unadjusted = regionAfter(w, 0);
  const r1 = Math.max(3, r1Unadjusted);
  const r2 = regionAfter(w, r1Unadjusted);
  const inR1 = (start: number): boolean => start >= r1;
  const inR2 = (start: number): boolean => start >= r2;

  // Step 1: the longest of heden / ene, en / se, s.
  if (w.endsWith("heden")) {
    if (inR1(w.length - 5)) w = w.slice(0, -5) + "heid";
  } else if (w.endsWith("ene") || w.endsWith("en")) {
    const start = w.length - (w.endsWith("ene") ? 3 : 2);
    if (inR1(start) && validEnEnding(w, start)) w = undoubleConsonant(w.slice(0, start));
  } else if (w.endsWith("se") || w.endsWith("s")) {
    const start = w.length - (w.endsWith("se") ? 2 : 1);
    if (inR1(start) && validSEnding(w, start)) w = w.slice(0, start);
  }

  // Step 2: final e.
  let eRemoved = false;
  const step2 = (): void => {
    const start = w.length - 1;
    if (w.endsWith("e") && inR1(start) && !isVowel(w[start - 1])) {
      w = undoubleConsonant(w.slice(0, start));
      eRemoved = true;
    }
  };
  step2();

  // Step 3a: heid, then a preceding en as in step 1.
  if (w.endsWith("heid")) {
    const start = w.length - 4;
    if (inR2(start) && w[start - 1] !== "c") {
      w = w.slice(0, start);
      if (w.endsWith("en")) {
        const enStart = w.length - 2;
        if (inR1(enStart) && validEnEnding(w, enStart)) w = undoubleConsonant(w.slice(0, enStart));
      }
    }
  }

  // Step 3b: derivational suffixes, the longest that matches.
  if (w.endsWith("end") || w.endsWith("ing")) {
    const start = w.length - 3;
    if (inR2(start)) {
      w = w.slice(0, start);
      if (w.endsWith("ig") && inR2(w.length - 2) && w[w.length - 3] !== "e") w = w.slice(0, -2);
      else w = undoubleConsonant(w);
    }
  } else if (w.endsWith("ig")) {
    const start = w.length - 2;
    if (inR2(start) && w[start - 1] !== "e") w = w.slice(0, start);
  } else if (w.endsWith("lijk")) {
    const start = w.length - 4;
    if (inR2(start)) {
      w = w.slice(0, start);
      step2();
    }
  } else if (w.endsWith("baar")) {
    const start = w.length - 4;
    if (inR2(start)) w = w.slice(0, start);
  } else if (w.endsWith("bar")) {
    const start = w.length - 3;
    if (inR2(start) && eRemoved) w = w.slice(0, start);
  }

  // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant ("maan" → "man").
  const n = w.length;
  if (n >= 4) {
    const c = w[n - 4];
    const v1 = w[n - 3];
    const v2 = w[n - 2];
    const d = w[n - 1];
    if (
      !isVowel(c) &&
      v1 === v2 &&
      (v1 === "a" || v1 === "e" || v1 === "o" || v1 === "u") &&
      !isVowel(d) &&
      d !== "I"
    ) {
      w = w.slice(0, n - 2) + d;
    }
  }

  return w.toLowerCase();
}
