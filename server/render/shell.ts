/**
 * The one page shell of every server-made page (the scenario preview, the trainer's pages, the landing page, the error
 * pages): doctype, `lang="nl"`, the meta lines, the title, the stylesheet, a skip link and `<main id="inhoud">`.
 *
 * CSP-friendly by construction: the page's only inline blocks are its one `<style>` (from styles.ts) and the scripts
 * the caller names; there are no style or event attributes. `pagePolicy` allows exactly those blocks by their hashes
 * and nothing else: no 'unsafe-inline', no external anything.
 */
import { createHash } from "node:crypto";
import { esc } from "./escape.ts";
import { stylesheet, type Sheet } from "./styles.ts";

export interface PageParts {
  /** The tab's title, e.g. "Niet gevonden · Maatwerkspel". */
  title: string;
  /** Which page's styles (one source: styles.ts). */
  sheet: Sheet;
  /** What goes inside `<main id="inhoud">`. */
  body: string;
  /** Behind a secret link: search engines are told not to index or follow it. */
  private?: boolean;
  /** Inline scripts, in order; each is allowed by its hash. */
  scripts?: readonly string[];
  /** `data-version` on `<html>` (the live reload of `npm run scenario:preview`). */
  version?: string;
  /** Markup after `</main>`, e.g. a live region. */
  after?: string;
}

export function page(parts: PageParts): string {
  const version = parts.version !== undefined ? ` data-version="${esc(parts.version)}"` : "";
  return `<!doctype html>
<html lang="nl"${version}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${parts.private ? `<meta name="robots" content="noindex, nofollow">\n` : ""}<meta name="referrer" content="no-referrer">
<title>${esc(parts.title)}</title>
<style>${stylesheet(parts.sheet)}</style>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<main id="inhoud">
${parts.body}
</main>
${parts.after ?? ""}${(parts.scripts ?? []).map((script) => `<script>${script}</script>`).join("\n")}
</body>
</html>`;
}

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The Content-Security-Policy of a page made by `page`: its inline `<script>` and `<style>` blocks by their hashes, and
 * nothing else inline or from elsewhere. Scripts may call back to this server (the landing page, the live reload).
 * Text from outside never adds a block: `esc` turns every `<` into `&lt;`.
 */
export function pagePolicy(html: string): string {
  const blocks = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => hash(m[1] ?? "")).join(" ");
  return [
    "default-src 'none'",
    `script-src ${blocks("script") || "'none'"}`,
    `style-src ${blocks("style") || "'none'"}`,
    "img-src data:",
    // The game's typeface (server/http/fonts.ts).
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
