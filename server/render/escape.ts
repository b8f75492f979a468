/**
 * The one escape of every server-made page: text from a scenario, a session or a request goes through `esc` before it
 * is put in HTML, as element content or as a quoted attribute value. Markup a page writes itself does not.
 */
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
