/**
 * The short Dutch page a request to a page path gets when it goes wrong (a 404, a bad request, a server error): what
 * happened, in one sentence, and the way back to the start. In the page shell (shell.ts), without any script.
 */
import { esc } from "./escape.ts";
import { page } from "./shell.ts";

export function errorPage(status: number, message: string): string {
  const title = status === 404 ? "Niet gevonden" : status >= 500 ? "Er ging iets mis" : "Dit lukte niet";
  return page({
    title: `${title} · Maatwerkspel`,
    sheet: "notice",
    body: `<h1>${esc(title)}</h1>
<p>${esc(message)}</p>
<p><a href="/">Naar de beginpagina van Maatwerkspel</a></p>`,
  });
}
