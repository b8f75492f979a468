/**
 * A warning, not a rule: patterns that look like personal data in a case text (GAME.md: the author is warned before
 * such text enters a session). The spelleider decides; nothing is blocked here.
 */
const KINDS = ["email", "phone", "bsn", "postcode", "date"] as const;
export type PersonalData = (typeof KINDS)[number];

const PATTERNS: Record<PersonalData, RegExp> = {
  email: /[^\s@]+@[^\s@]+\.[a-z]{2,}/i,
  // Dutch phone numbers: 06-12345678, 010 123 4567, +31 6 1234 5678.
  phone: /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){9}\b/,
  bsn: /\b\d{9}\b|\b\d{4}\.\d{2}\.\d{3}\b/,
  // A postcode followed by a house number, or a street-like word with a number and a postcode nearby.
  postcode: /\b\d{4}\s?[A-Z]{2}\b[^.\n]{0,40}?\b\d{1,5}\b|\b\d{1,5}[a-z]?,?\s+\d{4}\s?[A-Z]{2}\b/,
  date: /\b(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d{2}\b|\bgeboren\s+(?:op\s+)?\d{1,2}\s+\w+\s+(?:19|20)\d{2}\b/i,
};

export function findPersonalData(text: string): PersonalData[] {
  return KINDS.filter((kind) => PATTERNS[kind].test(text));
}
