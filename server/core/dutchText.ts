/**
 * Light Dutch text normalisation for comparing short texts (eisen), fully local and deterministic.
 *
 * `normalise` lower-cases, strips diacritics, splits on anything that is not a letter or digit, drops common
 * Dutch function words and stems what is left with `stem`: the Snowball Dutch stemmer as @orama/stemmers ships it
 * (Porter-style suffix stripping: -heden → -heid, -en/-ene, -s/-se, -e, -heid, -ing/-end, -lijk, -baar, undoubling
 * of kk/dd/tt and of a final double vowel).
 */
import { stemmer as snowballDutch } from "@orama/stemmers/dutch";

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

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 20_000;
const PLAIN_WORD = /^[a-z]+$/;

/** The stem cache as it is now, for the server's memory report (tools/bench/memoryReport.ts); never changed there. */
export function stemCacheNow(): ReadonlyMap<string, string> {
  return stemCache;
}

/** Stem one Dutch word: "eisen" → "eis", "mogelijkheden" and "mogelijkheid" → "mogelijk". */
export function stem(word: string): string {
  return cachedStem(fold(word));
}

/** `stem` for a word that is already folded (lower case, no diacritics). */
export function stemFolded(folded: string): string {
  return cachedStem(folded);
}

/**
 * The Snowball Dutch stemmer from @orama/stemmers (the original Porter-style algorithm, which Snowball now calls
 * "dutch_porter"). Only plain words of three or more letters are stemmed; numbers and mixed tokens stay as they are.
 */
function cachedStem(folded: string): string {
  const cached = stemCache.get(folded);
  if (cached !== undefined) return cached;
  const result = folded.length < 3 || !PLAIN_WORD.test(folded) ? folded : snowballDutch(folded);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(folded, result);
  return result;
}
