/**
 * Text as people mean it, without the characters only a terminal or a text renderer acts on. A session label is set
 * without logging in, and names and texts travel to every screen and into exports and the operator's terminal
 * (`npm run session:purge` prints labels): an ESC sequence in a label cleared the operator's screen, and a bidi
 * override can make text read differently from what it is. So every label and text is cleaned once, where it comes in
 * (the zod schemas of commands and of a new session), and once more where it is printed for an operator (for what was
 * stored before).
 *
 * Removed: C0 controls (NUL, ESC, …) and DEL, C1 controls, the bidi embeddings and overrides U+202A–U+202E and the bidi
 * isolates U+2066–U+2069. Line breaks (CR LF, CR, NEL, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR) become a plain
 * newline where text may have lines (what is typed in a text area), and a space, like tabs, on one line (a name, a
 * label, a title). Everything else, accents, emoji and other scripts included, stays as it is.
 */

const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;
// After LINE_BREAKS: what is left of C0 except tab and newline, DEL, C1, bidi embeddings/overrides and isolates.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text that may have lines: newlines and tabs stay, every other control character goes. */
export function plainText(value: string): string {
  return value.replace(LINE_BREAKS, "\n").replace(CONTROLS, "");
}

/** Text on one line (a name, a label, a title): line breaks and tabs become spaces, every other control character goes. */
export function plainLine(value: string): string {
  return plainText(value).replace(/[\n\t]/g, " ");
}
