/**
 * The trainer pages' shell and the small pages: the list of scenarios that have sessions, and the two 404s.
 * Server-rendered Dutch HTML with inline CSS and no script at all; every text from a session or scenario goes
 * through `esc`, and the CSP forbids scripts besides, so text a participant typed can never run.
 */
import { esc } from "../http/preview.ts";
import { TRAINER_CSS } from "./css.ts";
import { PATTERN_TEXTS as T } from "./text.ts";

/** No scripts, no external anything; styles only inline. */
export const TRAINER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function trainerPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${TRAINER_CSS}</style>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<main id="inhoud">
${body}
</main>
</body>
</html>`;
}

/** Where the trainer's pages live; the secret is in every link, as in the link the trainer was given. */
export const trainerBase = (secret: string) => `/trainer/${encodeURIComponent(secret)}`;
export const patternsPath = (secret: string, scenarioId: string, extension = "") =>
  `${trainerBase(secret)}/patronen/${encodeURIComponent(scenarioId)}${extension ? `.${extension}` : ""}`;

export interface ScenarioListing {
  scenarioId: string;
  title: string;
  sessions: number;
  /** "12 maart 2026". */
  lastPlayed: string;
  lastPlayedAt: number;
}

/** `/trainer/<secret>`: the scenarios that have sessions, with how many and when last played. */
/** A loaded scenario, for the list of previews on the trainer's page. */
export interface PreviewListing {
  id: string;
  title: string;
  /** Held back from /nieuw: personal data the trainer has not confirmed. */
  withheld: boolean;
}

export function scenarioListPage(secret: string, scenarios: readonly ScenarioListing[], previews: readonly PreviewListing[] = []): string {
  const items = scenarios
    .map(
      (s) => `<li class="card scenario">
  <h3 id="sc-${esc(s.scenarioId)}">${esc(s.title)}</h3>
  <p class="muted">${esc(T.sessionCount(s.sessions))} · ${esc(T.lastPlayed(s.lastPlayed))} · <code>${esc(s.scenarioId)}</code></p>
  <a class="go" href="${esc(patternsPath(secret, s.scenarioId))}" aria-describedby="sc-${esc(s.scenarioId)}">${esc(T.title)} bekijken</a>
</li>`,
    )
    .join("");
  const body = `<header class="card intro">
  <p class="kicker">${esc(T.kicker)}</p>
  <h1>${esc(T.scenariosTitle)}</h1>
  <p>${esc(T.scenariosIntro)}</p>
  <p class="muted small">${esc(T.intro)}</p>
</header>
<section aria-labelledby="scenarios">
  <h2 id="scenarios">Scenario's met sessies</h2>
  ${scenarios.length > 0 ? `<ul class="scenarios">${items}</ul>` : `<p class="card empty">${esc(T.noScenarios)}</p>`}
</section>${
    previews.length > 0
      ? `
<section aria-labelledby="voorbeelden">
  <h2 id="voorbeelden">Voorbeelden van de scenario's</h2>
  <p class="muted small">Met de geheime feiten van alle rollen: laat ze niet aan deelnemers zien voor het spel.</p>
  <ul class="card">${previews
    .map(
      (p) =>
        `<li><a href="${esc(`${trainerBase(secret)}/scenario/${encodeURIComponent(p.id)}`)}">${esc(p.title)}</a> <code>${esc(p.id)}</code>${p.withheld ? " · <strong>niet aangeboden: persoonsgegevens nakijken</strong>" : ""}</li>`,
    )
    .join("")}</ul>
</section>`
      : ""
  }`;
  return trainerPage(`${T.scenariosTitle} · Maatwerkspel`, body);
}

/** The one answer for every wrong, missing or unconfigured trainer link: it says nothing about what is behind it. */
export function wrongLinkPage(): string {
  return trainerPage("Niet gevonden · Maatwerkspel", `<section class="card problem" aria-labelledby="fout">
  <h1 id="fout">${esc(T.wrongLink)}</h1>
  <p>${esc(T.wrongLinkHelp)}</p>
</section>`);
}

export function unknownScenarioPage(secret: string, scenarioId: string): string {
  return trainerPage("Scenario niet gevonden · Maatwerkspel", `<p class="crumbs"><a href="${esc(trainerBase(secret))}">← ${esc(T.back)}</a></p>
<section class="card problem" aria-labelledby="fout">
  <h1 id="fout">${esc(T.unknownScenario)}</h1>
  <p>${esc(T.unknownScenarioHelp(scenarioId))}</p>
</section>`);
}
