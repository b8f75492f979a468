/**
 * Spotting personal data in a Dutch case text (DOMAIN.md §6: cases from wijkteams must be anonymised). Pure, no
 * I/O: the server uses it to make the spelleider confirm a live case, the console for its live warning, and the
 * scenario checker for shipped cases.
 *
 * It is a guard against slips, not proof of anonymity: it looks for a BSN (with the 11-proef), an e-mail
 * address, a Dutch phone number, a postcode WITH a house number, a date of birth (a date near a birth cue) and
 * an IBAN (with the mod-97 check). Names and street names are not recognised.
 *
 * Deliberately NOT flagged, because case texts are full of them: amounts, years, percentages, article numbers
 * ("artikel 2.3.5 lid 3"), ECLI numbers, dates of rulings or articles ("CRvB 18-5-2016", "per 1 maart 2026"),
 * report numbers ("2018/010"), and a bare postcode or postcode area ("regio 1234", "1234 AB"): without a house
 * number it points to a street or a neighbourhood, not to a person.
 */

export const PERSONAL_DATA_KINDS = ["bsn", "email", "telefoon", "postcode", "geboortedatum", "iban"] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The text as it stands in the case, e.g. "06-12345678". */
  match: string;
  /** Where it starts in the text (UTF-16 index, as String.prototype.slice counts). */
  index: number;
}

const NOUNS: Record<PersonalDataKind, string> = {
  bsn: "een BSN",
  email: "een e-mailadres",
  telefoon: "een telefoonnummer",
  postcode: "een postcode met huisnummer",
  geboortedatum: "een geboortedatum",
  iban: "een IBAN",
};

/** A Dutch noun phrase with its article, to put in a sentence: "een e-mailadres". */
export function describePersonalData(kind: PersonalDataKind): string {
  return NOUNS[kind];
}

/**
 * The kinds found, each once, in the order they first occur, as one Dutch phrase:
 * "een e-mailadres", "een BSN en een IBAN", "een BSN, een e-mailadres en een telefoonnummer".
 */
export function describeFound(found: readonly PersonalDataMatch[]): string {
  const nouns = [...new Set([...found].sort((a, b) => a.index - b.index).map((f) => f.kind))].map(describePersonalData);
  if (nouns.length <= 1) return nouns[0] ?? "";
  return `${nouns.slice(0, -1).join(", ")} en ${nouns[nouns.length - 1]}`;
}

/** Everything in `text` that looks like personal data, in text order; overlapping candidates are reported once. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  // Most specific first: the digits of an IBAN or an e-mail address must not also count as a BSN or phone number.
  const candidates = [...findIban(text), ...findEmail(text), ...findPhone(text), ...findBsn(text), ...findBirthDate(text), ...findPostcode(text)];
  // Nothing inside a court ruling's number (ECLI:NL:CRVB:2016:1402) is about a person.
  const taken: Span[] = [...matches(text, ECLI)].map((m) => ({ index: m.index, match: m[0] }));
  const kept: PersonalDataMatch[] = [];
  for (const c of candidates) {
    if (taken.some((t) => overlaps(t, c))) continue;
    kept.push(c);
    taken.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}

type Span = Pick<PersonalDataMatch, "index" | "match">;
const overlaps = (a: Span, b: Span): boolean => a.index < b.index + b.match.length && b.index < a.index + a.match.length;

const ECLI = /ECLI(?::[A-Z0-9.]+)+/giu;

function* matches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  // A fresh global copy per call: no lastIndex shared between calls.
  const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) yield m;
}

const hit = (kind: PersonalDataKind, m: RegExpExecArray): PersonalDataMatch => ({ kind, match: m[0], index: m.index });

// ---------------------------------------------------------------------------------------------------------------
// BSN: nine digits, also written 123.456.782, 123 456 782 or 1234.56.782, that pass the 11-proef.
// ---------------------------------------------------------------------------------------------------------------

// Not part of a longer number or a code (no letter, digit, decimal separator or digit group right before or after
// it). The separator inside one BSN is the same throughout.
const BSN = /(?<![\p{L}\p{N}€$]|\p{N}[.,\s]|[.,/-])(?:\d{9}|\d{3}([.\s])\d{3}\1\d{3}|\d{4}([.\s])\d{2}\2\d{3})(?![\p{L}\p{N}]|[.,\s-]\d)/gu;

export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

function findBsn(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const m of matches(text, BSN)) {
    // "€ 123.456.789" or "123 456 789 euro" is an amount, however unlikely it passes the 11-proef.
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (/€\s?$/.test(before) || /^\s?euro/i.test(after)) continue;
    if (passesElfproef(m[0].replace(/\D/g, ""))) found.push(hit("bsn", m));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail addresses
// ---------------------------------------------------------------------------------------------------------------

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

function findEmail(text: string): PersonalDataMatch[] {
  return [...matches(text, EMAIL)].map((m) => hit("email", m));
}

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers: ten digits from 0 (06-12345678, 010-1234567, 020 123 4567, (0111) 123456), or +31 / 0031 with
// nine digits (+31 6 12345678, +31 (0)20 123 4567, 0031 612345678).
// ---------------------------------------------------------------------------------------------------------------

// A candidate: a 0 or a country code, then digits with single separators (space, hyphen, dot; " - " and a
// bracketed area code allowed). It may not be glued to a word, a longer number, a case number ("2018/030") or a
// decimal. Whether it is a real number is decided in isPhoneNumber.
const PHONE = /(?<![\p{L}\p{N}+/.,-])(?:(?:\+|00)31(?:[ .-]?\(0\))?|\(0|0)(?:(?:[ .-]|\) ?| - )?\d){8,11}(?![\p{L}\p{N}]|[.,-]\d| \d)/gu;

function isPhoneNumber(raw: string): boolean {
  const international = /^(?:\+|00)31/.test(raw);
  let digits = raw.replace(/\D/g, "");
  if (international) digits = `0${digits.slice(raw.startsWith("+") ? 2 : 4).replace(/^0/, "")}`;
  // Ten digits, and not 00… (that is an international prefix, not a Dutch area code).
  if (!/^0[1-9]\d{8}$/.test(digits)) return false;
  // Groups as people write them: "06 12 34 56 78" yes, "0 6 1 2 3 4 5 6 7 8" (a list of numbers) no. Only the
  // digit right after the country code may stand alone (+31 6 …).
  const groups = raw.replace(/^(?:\+|00)31/, "").replace(/\(0\)/, "").split(/[^\d]+/).filter(Boolean);
  const singles = groups.filter((g, i) => g.length === 1 && !(international && i === 0));
  return singles.length === 0 && groups.length <= 6;
}

function findPhone(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const m of matches(text, PHONE)) {
    // "(010-1234567)": the bracket belongs to the sentence, not to an area code.
    const open = m[0].startsWith("(") && !m[0].includes(")") ? 1 : 0;
    const raw = m[0].slice(open);
    if (isPhoneNumber(raw)) found.push({ kind: "telefoon", match: raw, index: m.index + open });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Postcode with house number: "1234 AB 12", "1234AB 12a", "1234 AB, 12-2", "Dorpsstraat 12, 1234 AB".
// ---------------------------------------------------------------------------------------------------------------

// Postcode letters are capitals ("1234 AB") or glued lower case ("1234ab"); "in 2016 en 2017" is no postcode.
const POSTCODE = String.raw`[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![\p{L}\p{N}])`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:[ -]?[a-zA-Z](?![\p{L}])|-\d{1,4}|-[a-zA-Z]{1,2}(?![\p{L}]))?`;
// Postcode first, then the number.
const POSTCODE_THEN_NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}.,/-])${POSTCODE},? ${HOUSE_NUMBER}(?![\p{N}]|[.,]\d| ?(?:%|procent|euro|jaar|maanden|weken|dagen|uur|keer|x)(?![\p{L}]))`, "gu");
// A street name with a number, then the postcode: the street is part of the match.
const STREET_THEN_POSTCODE = new RegExp(String.raw`(?<![\p{L}\p{N}])(\p{L}[\p{L}'-]*)\.? ${HOUSE_NUMBER},? ${POSTCODE}`, "gu");
/** Words that take a number but are no street: "artikel 12, 1234 AB", "jaar 2016 AB 3"; a postbus is no home. */
const NOT_A_STREET = /^(?:postbus|antwoordnummer|jaar|jaren|lid|leden|art|artikel|artikelen|nr|nummer|stap|fase|versie|pagina|blz|bijlage|week|dag|uur)$/i;

/** "2016 EN 2017": two years, not a postcode and a house number. */
const TWO_YEARS = /^(?:19|20)\d{2}\D.*\b(?:19|20)\d{2}$/;

function findPostcode(text: string): PersonalDataMatch[] {
  const numberAfter = [...matches(text, POSTCODE_THEN_NUMBER)].filter((m) => !NOT_A_STREET.test(wordBefore(text, m.index)) && !TWO_YEARS.test(m[0]));
  const streetBefore = [...matches(text, STREET_THEN_POSTCODE)].filter((m) => !NOT_A_STREET.test(m[1] ?? ""));
  return [...streetBefore, ...numberAfter].map((m) => hit("postcode", m));
}

/** The word right before `index`, e.g. to tell "Dorpsstraat 12, 1234 AB" from "artikel 12, 1234 AB". */
function wordBefore(text: string, index: number): string {
  return /([\p{L}]+)\.?\s*$/u.exec(text.slice(Math.max(0, index - 40), index))?.[1] ?? "";
}

// ---------------------------------------------------------------------------------------------------------------
// Date of birth: a full date (12-03-1987, 12/3/87, 12.03.1987, 12 maart 1987, 12 mrt. 1987, 12 maart) with a birth
// cue a few words before or just after it, in the same sentence. A date without a cue is a case date.
// ---------------------------------------------------------------------------------------------------------------

const MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
const NUMERIC_DATE = /(?<![\p{L}\p{N}/.-])(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:(?:19|20)\d{2}|\d{2})(?![\p{L}\p{N}]|[-/.]\d)/gu;
const WORD_DATE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:0?[1-9]|[12]\d|3[01])e? (?:${MONTHS})(?![\p{L}])\.?(?: (?:(?:19|20)\d{2}|'\d{2}))?(?![\p{L}\p{N}])`, "giu");
const BIRTH_CUE = /(?<![\p{L}])(?:geboren|geb\.|geb(?=\s*:)|geboortedatum|geboortedag|geb\.?\s?datum|geboorte)(?![\p{L}])/giu;
/**
 * How many words may stand between a cue and the date: "geboren te Utrecht op 1 mei 1990" (before), "op 1 mei
 * 1990 geboren" (after). The words in between hold no number and no comma or bracket: in "(geboren 2019) kreeg per
 * 12-03-2026 zorg" and "geboren in Marokko, verhuisde op 12-3-2001" the date is about something else.
 */
const WORDS_BEFORE = 4;
const WORDS_AFTER = 3;

function findBirthDate(text: string): PersonalDataMatch[] {
  const dates = [...matches(text, NUMERIC_DATE), ...matches(text, WORD_DATE)];
  return dates.filter((m) => hasBirthCueNear(text, m.index, m.index + m[0].length)).map((m) => hit("geboortedatum", m));
}

function hasBirthCueNear(text: string, start: number, end: number): boolean {
  const before = sentenceTail(text.slice(Math.max(0, start - 120), start));
  const after = sentenceHead(text.slice(end, end + 120));
  return [...matches(before, BIRTH_CUE)].some((c) => closeEnough(before.slice(c.index + c[0].length), WORDS_BEFORE))
    || [...matches(after, BIRTH_CUE)].some((c) => closeEnough(after.slice(0, c.index), WORDS_AFTER));
}

function closeEnough(gap: string, words: number): boolean {
  // A bracket right at the date or the cue is fine: "geboortedatum (12-03-1987)", "12-03-1987 (geboren)".
  const inner = gap.replace(/^[\s()]+|[\s()]+$/g, "");
  return !/[\p{N},()]/u.test(inner) && wordCount(inner) <= words;
}

// A sentence ends at . ! ? followed by a capital or a line break, at ; or a line break; "geb. 12-3" does not end one.
const SENTENCE_END = /[.!?](?=\s+\p{Lu})|[;\n]/gu;

function sentenceTail(s: string): string {
  let from = 0;
  for (const m of matches(s, SENTENCE_END)) from = m.index + m[0].length;
  return s.slice(from);
}

function sentenceHead(s: string): string {
  const first = matches(s, SENTENCE_END).next();
  return first.done ? s : s.slice(0, first.value.index);
}

const wordCount = (s: string): number => s.split(/[\s:,()]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

// ---------------------------------------------------------------------------------------------------------------
// IBAN (Dutch): NL, two check digits, four letters of the bank, ten digits; spaces allowed; mod-97 must hold.
// ---------------------------------------------------------------------------------------------------------------

const IBAN = /(?<![\p{L}\p{N}])NL ?\d{2} ?[A-Z]{4}(?: ?\d){10}(?![\p{L}\p{N}])/giu;

export function passesMod97(iban: string): boolean {
  const compact = iban.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of value) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

function findIban(text: string): PersonalDataMatch[] {
  return [...matches(text, IBAN)].filter((m) => passesMod97(m[0])).map((m) => hit("iban", m));
}
