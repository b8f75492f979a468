/**
 * `/trainer/<secret>/patronen/<scenarioId>`: the pattern overview of one scenario. The recurring blockages first
 * (what most asks for a change of policy), then every pattern with its items side by side, one card per session,
 * each with its support per role as small bars in the role colours, then the sessions compared.
 */
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import { DRAAGVLAK_NAMES, ROLE_NAMES, ROLE_SHORT, VERDICT_NAMES, quoted } from "../exports/text.ts";
import type { AnalysedSession, Blockage, Pattern, PatternAnalysis, PatternEntry } from "../patterns/analyse.ts";
import { PATTERN_TEXTS as T, percent, sessionName } from "../patterns/text.ts";
import { esc } from "./escape.ts";
import { roleClass, roleDot } from "./roles.ts";
import { patternsPath, trainerBase, trainerPage } from "./trainer.ts";

/** `damaged`: labels of sessions left out because their stored log is damaged; the page says so under the header. */
export function patternsPage(secret: string, analysis: PatternAnalysis, damaged: readonly string[] = []): string {
  const sessions = new Map(analysis.sessions.map((s) => [s.number, s]));
  const name = (n: number) => {
    const s = sessions.get(n);
    return s ? sessionName(s) : T.sessionNumber(n);
  };
  const body = [
    `<p class="crumbs"><a href="${esc(trainerBase(secret))}">← ${esc(T.back)}</a></p>`,
    header(secret, analysis),
    damaged.length > 0 ? `<section class="card problem" role="status"><p>${esc(T.damagedLeftOut(damaged))}</p></section>` : "",
    blockagesSection(analysis.blockages, name),
    patternsSection(analysis, name),
    sessionsSection(analysis.sessions),
    `<footer><p>${esc(T.footer)}</p></footer>`,
  ].join("\n");
  return trainerPage(`${T.title}: ${analysis.scenarioTitle} · Maatwerkspel`, body);
}

function header(secret: string, a: PatternAnalysis): string {
  return `<header class="card intro">
  <p class="kicker">${esc(T.kicker)} · ${esc(T.title)}</p>
  <h1>${esc(a.scenarioTitle)}</h1>
  <p class="summary">${esc(T.summary(a.counted, a.sessions.length, a.patterns.length, a.blockages.length))}</p>
  <p>${esc(T.intro)}</p>
  <details><summary>Hoe worden items vergeleken?</summary><p>${esc(T.method)}</p></details>
  <ul class="downloads" aria-label="${esc(T.downloads)}">
    <li><a href="${esc(patternsPath(secret, a.scenarioId, "csv"))}" download>${esc(T.csv)}</a></li>
    <li><a href="${esc(patternsPath(secret, a.scenarioId, "md"))}" download>${esc(T.md)}</a></li>
  </ul>
</header>`;
}

function blockagesSection(blockages: readonly Blockage[], name: (n: number) => string): string {
  const items = blockages
    .map(
      (b) => `<li class="card blockage">
  <h3>${esc(quoted(b.text))}</h3>
  <p class="pattern-tags"><span class="tag block">${esc(T.blockedInSessions(b.sessionCount, b.sessionTotal))}</span></p>
  <ul class="where">${b.blockedIn.map((x) => `<li><span class="muted">${esc(name(x.session))}:</span> <strong>${esc(x.cases.join(", "))}</strong></li>`).join("")}</ul>
  <p class="small"><a href="#patroon-${b.pattern}">Steun en oordelen per sessie: patroon ${b.pattern}</a></p>
</li>`,
    )
    .join("");
  return `<section aria-labelledby="blokkades">
  <h2 id="blokkades">${esc(T.blockages)}</h2>
  ${blockages.length > 0 ? `<p class="lead">${esc(T.blockagesIntro)}</p><ul class="blockages">${items}</ul>` : `<p class="card empty">${esc(T.noBlockages)}</p>`}
</section>`;
}

function patternsSection(a: PatternAnalysis, name: (n: number) => string): string {
  const head = `<h2 id="patronen">${esc(T.patterns)}</h2>`;
  if (a.counted < 2) return `<section aria-labelledby="patronen">${head}<p class="card empty">${esc(T.notEnoughSessions)}</p></section>`;
  if (a.patterns.length === 0) return `<section aria-labelledby="patronen">${head}<p class="card empty">${esc(T.noPatterns)}</p></section>`;
  const legend = GAME_ROLES.map((r) => `<li class="${roleClass(r)}">${roleDot(r, 16)}<span>${esc(ROLE_NAMES[r])}</span></li>`).join("");
  const blocked = new Set(a.blockages.map((b) => b.pattern));
  return `<section aria-labelledby="patronen">
  ${head}
  <p class="lead">${esc(T.patternsIntro)}</p>
  ${index(a.patterns, blocked)}
  <p class="muted small">${esc(T.supportNote(a.unit))}</p>
  <ul class="legend" aria-label="De rollen">${legend}</ul>
  <ol class="patterns">${a.patterns.map((p) => patternCard(p, blocked.has(p.number), name)).join("")}</ol>
  <p class="muted">${esc(T.singleItems(a.singleItems))}</p>
</section>`;
}

/** All patterns in a few lines, each a link to its card: a long page (many sessions) stays easy to scan. */
function index(patterns: readonly Pattern[], blocked: ReadonlySet<number>): string {
  const items = patterns
    .map(
      (p) =>
        `<li><a href="#patroon-${p.number}">${esc(p.text)}</a> <span class="muted">— ${esc(T.inSessions(p.sessionCount, p.sessionTotal))}${blocked.has(p.number) ? `, <span class="blocked">${esc(T.blockedInSessions(p.blockedIn.length, p.sessionTotal))}</span>` : ""}</span></li>`,
    )
    .join("");
  return `<nav class="card index" aria-labelledby="kort"><h3 id="kort">${esc(T.index)}</h3><ol>${items}</ol></nav>`;
}

function patternCard(p: Pattern, blocked: boolean, name: (n: number) => string): string {
  return `<li class="card pattern" id="patroon-${p.number}" aria-labelledby="patroon-${p.number}-titel">
  <div class="pattern-head">
    <span class="pattern-no" aria-hidden="true">${p.number}</span>
    <div>
      <h3 id="patroon-${p.number}-titel"><span class="visually-hidden">Patroon ${p.number}: </span>${esc(p.text)}</h3>
      <p class="pattern-tags"><span class="tag">${esc(T.inSessions(p.sessionCount, p.sessionTotal))}</span>${blocked ? ` <span class="tag block">${esc(T.blockedInSessions(p.blockedIn.length, p.sessionTotal))}</span>` : ""}</p>
    </div>
  </div>
  <ul class="entries" aria-label="Per sessie">${p.entries.map((e) => entryCard(e, name)).join("")}</ul>
</li>`;
}

function entryCard(e: PatternEntry, name: (n: number) => string): string {
  const draagvlak = e.draagvlak
    ? `<p class="draagvlak ${e.draagvlak}"><span class="visually-hidden">${esc(T.draagvlak)}: </span>${esc(DRAAGVLAK_NAMES[e.draagvlak])}</p>`
    : `<p class="draagvlak">${esc(e.addedAfterVote ? T.afterVote : T.noVote)}</p>`;
  const verdicts =
    e.verdicts.length === 0
      ? `<p class="meta">${esc(T.noVerdicts)}</p>`
      : `<ul class="verdicts" aria-label="${esc(T.verdicts)}">${e.verdicts.map((v) => `<li class="verdict ${v.verdict}">${esc(VERDICT_NAMES[v.verdict])}: ${esc(v.caseTitle)}</li>`).join("")}</ul>`;
  return `<li class="entry">
  <p class="session">${esc(name(e.session))}</p>
  <p class="text">${esc(quoted(e.text))}</p>
  <p class="meta">${esc(T.rank(e.rank))} · ${esc(e.category)}</p>
  ${draagvlak}
  ${e.support ? bars(e.support) : `<p class="meta">${esc(e.addedAfterVote ? T.afterVoteLong : T.noVoteLong)}</p>`}
  ${verdicts}
</li>`;
}

/**
 * Six small bars, one per role, in the order of the game; the number beside each bar says the same for readers. A bar
 * is an SVG rectangle (its width an attribute), so the page needs no style attribute.
 */
function bars(support: NonNullable<PatternEntry["support"]>): string {
  const rows = GAME_ROLES.map((role) => {
    const share = support[role];
    const width = share === null ? 0 : Math.max(0, Math.min(100, Math.round(share * 100)));
    const spoken = share === null ? T.notVotedInRole : percent(share);
    return `<li class="bar ${roleClass(role)}${share === null ? " absent" : ""}">
  <span class="who" title="${esc(ROLE_NAMES[role])}">${roleDot(role, 13)}<span aria-hidden="true">${esc(ROLE_SHORT[role])}</span><span class="visually-hidden">${esc(ROLE_NAMES[role])}: ${esc(spoken)}</span></span>
  <svg class="track" aria-hidden="true" focusable="false"><rect class="fill" width="${width}%" height="100%" rx="6"/></svg>
  <span class="pct" aria-hidden="true">${esc(percent(share))}</span>
</li>`;
  }).join("");
  return `<ul class="bars" aria-label="${esc(T.support)}">${rows}</ul>`;
}

function sessionsSection(sessions: readonly AnalysedSession[]): string {
  const rows = sessions
    .map(
      (s) =>
        `<tr><td class="num">${s.number}</td><td class="date">${esc(s.date)}</td><td>${s.label ? esc(s.label) : `<span class="muted">${esc(T.noLabel)}</span>`}</td><td class="num">${s.itemCount}${s.counted ? "" : `<span class="muted small"> · ${esc(T.notCountedShort)}</span>`}</td></tr>`,
    )
    .join("");
  return `<section aria-labelledby="sessies">
  <h2 id="sessies">${esc(T.sessions)}</h2>
  <p class="lead">${esc(T.sessionsIntro)}</p>
  <div class="table-wrap" role="region" aria-labelledby="sessies" tabindex="0"><table>
    <thead><tr><th scope="col" class="num">Sessie</th><th scope="col">${esc(T.date)}</th><th scope="col">${esc(T.label)}</th><th scope="col" class="num">${esc(T.items)}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
</section>`;
}
