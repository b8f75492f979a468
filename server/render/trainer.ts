/**
 * The trainer's small pages: the list of scenarios that have sessions (with the previews), the two 404s and the
 * error. Server-rendered Dutch HTML in the page shell (shell.ts) without any script; every text from a session or
 * scenario goes through `esc`, and the CSP (`pagePolicy`) forbids scripts besides, so text a participant typed can
 * never run. The pattern overview itself is patterns.ts.
 */
import type { ScenarioListing } from "../patterns/load.ts";
import { PATTERN_TEXTS as T } from "../patterns/text.ts";
import { esc } from "./escape.ts";
import { page } from "./shell.ts";

/** A page of the trainer's: private (not indexed), no scripts. */
export function trainerPage(title: string, body: string): string {
  return page({ title, sheet: "trainer", body, private: true });
}

/** Where the trainer's pages live; the secret is in every link, as in the link the trainer was given. */
export const trainerBase = (secret: string) => `/trainer/${encodeURIComponent(secret)}`;
export const patternsPath = (secret: string, scenarioId: string, extension = "") =>
  `${trainerBase(secret)}/patronen/${encodeURIComponent(scenarioId)}${extension ? `.${extension}` : ""}`;

/** A loaded scenario, for the list of previews on the trainer's page. */
export interface PreviewListing {
  id: string;
  title: string;
  /** Held back from /nieuw: personal data the trainer has not confirmed. */
  withheld: boolean;
}

/** `/trainer/<secret>`: the scenarios that have sessions, with how many and when last played. */
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

/** The overview could not be made (a stored log that cannot be replayed; logged on the server). */
export function analysisFailedPage(): string {
  return trainerPage("Fout · Maatwerkspel", `<section class="card problem" aria-labelledby="fout">
  <h1 id="fout">Het overzicht kon niet worden gemaakt</h1>
  <p>Probeer het later nog eens.</p>
</section>`);
}
