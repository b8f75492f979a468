/**
 * The scenario preview: one scenario as a printable Dutch page, showing what participants will read (intro,
 * phases with timers, categories, prompts, every role's briefing with its private facts, the cases with the facts
 * per role, De Omgekeerde Toets, the voting rules). Served at `/scenario/<id>` and by `npm run scenario:preview`.
 *
 * Plain server-rendered HTML with inline CSS and no external assets, so it works from the CLI without a client
 * build. Every scenario text is author input and goes through `esc`; a Content-Security-Policy that allows only the
 * page's own inline scripts (by hash) is a second line of defence.
 */
import { PAPER_CSS } from "./paperCss.ts";
import { createHash } from "node:crypto";
import { PHASE_TITLES, MOSCOW_NAMES, t } from "#shared/strings/index.ts";
import { ROLE_COLOURS, ROLE_ICONS, ROLE_INK } from "#shared/theme.ts";
import { PERSPECTIEF_TITLES } from "../core/resultaat.ts";
import { GAME_ROLES, MOSCOW, type GameRole } from "#shared/protocol/ids.ts";
import type { Case, Phase, Scenario, Variant } from "#shared/protocol/scenario.ts";
import { describePersonalData } from "#shared/personalData.ts";
import { loadWarnings } from "../scenarios/load.ts";
import { formatPath } from "../scenarios/locate.ts";
import { CONFIRMATION_FIELD, isWithheld, unconfirmedPersonalData } from "../scenarios/privacy.ts";

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** `2026-02-09` as `9 februari 2026`; anything else unchanged. */
export function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

const minutesText = (n: number) => (n === 1 ? "1 minuut" : `${n} minuten`);

/** 185 as "3 uur en 5 minuten". */
export function durationText(total: number): string {
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return minutesText(rest);
  return rest === 0 ? `${hours} uur` : `${hours} uur en ${minutesText(rest)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What happens in a phase, for the trainer reading the plan. */
const PHASE_HINTS: Record<Phase["kind"], string> = {
  lobby: "Deelnemers komen binnen met de code en vullen hun naam en eigen functie in.",
  beeldvorming: "Iedereen schrijft anoniem kaartjes bij de vragen van de beeldvorming; daarna clustert de groep ze.",
  rolwissel: "Iedereen krijgt een andere rol, leest de casus en de briefing, en schrijft eisen vanuit die rol.",
  samenvoegen: "De groep voegt alle eisen samen tot één programma van eisen; met tafels doet elke tafel dat eerst voor zich.",
  plenair: "Met tafels: de programma's van de tafels worden plenair samengevoegd tot één programma van de hele groep.",
  prioriteren: "Iedereen geeft vanuit de eigen spelrol aan welke eisen het zwaarst wegen.",
  casustoets: "De groep toetst het programma van eisen aan de casussen, met De Omgekeerde Toets.",
  resultaat: "Het kader op maat: wat de groep samen heeft gemaakt.",
};

const LOCK_ICON = `<svg class="lock" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3"/></svg>`;

function roleIcon(role: GameRole, size: number): string {
  return `<svg viewBox="0 0 24 24" width="${size}" height="${size}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="${esc(ROLE_ICONS[role])}"/></svg>`;
}

/** A role as colour, icon and name together, like the game's RoleChip. */
function roleChip(role: GameRole, name: string): string {
  return `<span class="role-chip" style="color:${ROLE_INK[role]}"><span class="icon" style="background:${ROLE_COLOURS[role]}">${roleIcon(role, 16)}</span><span>${esc(name)}</span></span>`;
}

const list = (items: readonly string[], cls = "") =>
  `<ul${cls ? ` class="${cls}"` : ""}>${items.map((item) => `<li>${esc(item)}</li>`).join("")}</ul>`;

/** The block participants see with a lock: only this role reads it. */
function privateBlock(title: string, hint: string, facts: readonly string[]): string {
  return `<div class="secret">
  <h4>${LOCK_ICON}<span>${esc(title)}</span></h4>
  <p class="secret-note"><strong>Alleen deze rol ziet dit.</strong> ${esc(hint)}</p>
  ${list(facts)}
</div>`;
}

// ---------- the sections ----------

function header(s: Scenario): string {
  const counts = [
    plural(s.cases.length, "casus", "casussen"),
    plural(s.rounds.length, "rolwissel-ronde", "rolwissel-rondes"),
    plural(s.variants.length, "variant", "varianten"),
  ].join(" · ");
  return `<header class="intro card">
  <p class="kicker">Voorbeeld van een scenario</p>
  <h1>${esc(s.title)}</h1>
  <p class="meta">Scenario <code>${esc(s.id)}</code> · ${esc(counts)}</p>
  <h2 class="intro-title">${esc(t.participant.lobby.introTitle)}</h2>
  <p class="intro-text">${esc(s.intro)}</p>
  <p class="print-row"><button type="button" id="afdrukken">Afdrukken</button></p>
</header>`;
}

const SECTIONS = [
  ["verloop", "Het verloop"],
  ["categorieen", "Categorieën"],
  ["beeldvorming", "Beeldvorming"],
  ["rollen", "De rollen"],
  ["casussen", "De casussen"],
  ["toets", "De Omgekeerde Toets"],
  ["stemmen", "Prioriteren"],
] as const;

function toc(): string {
  return `<nav class="toc" aria-label="Inhoud van dit scenario"><ul>${SECTIONS.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join("")}</ul></nav>`;
}

function phaseDetail(s: Scenario, phase: Phase): string {
  const caseTitle = (id: string) => {
    const c = s.cases.find((x) => x.id === id);
    return c ? `<a href="#casus-${esc(c.id)}">${esc(c.title)}</a>` : esc(id);
  };
  switch (phase.kind) {
    case "rolwissel": {
      const round = s.rounds.find((r) => r.id === phase.roundId);
      return round ? `<strong>${esc(round.title)}</strong><br>Casus: ${caseTitle(round.caseId)}` : esc(phase.roundId);
    }
    case "casustoets":
      return `${phase.caseIds.length === 1 ? "Casus" : "Casussen"}: ${phase.caseIds.map(caseTitle).join(", ")}`;
    case "beeldvorming":
      return `<a href="#beeldvorming">${esc(plural(s.beeldvorming.prompts.length, "vraag", "vragen"))}</a>`;
    default:
      return "";
  }
}

function variantCard(s: Scenario, variant: Variant, index: number): string {
  const total = variant.phases.reduce((sum, p) => sum + ("minutes" in p && p.minutes !== undefined ? p.minutes : 0), 0);
  const rows = variant.phases
    .map((phase) => {
      const minutes = "minutes" in phase ? phase.minutes : undefined;
      const detail = phaseDetail(s, phase);
      return `<li class="phase">
  <div class="phase-top">
    <h4>${esc(PHASE_TITLES[phase.kind])}</h4>
    <p class="timer${minutes === undefined ? " none" : ""}">${minutes === undefined ? "geen timer" : esc(minutesText(minutes))}</p>
  </div>
  ${detail ? `<p class="phase-detail">${detail}</p>` : ""}
  <p class="phase-hint">${esc(PHASE_HINTS[phase.kind])}</p>
</li>`;
    })
    .join("");
  return `<article class="card variant" aria-labelledby="variant-${esc(variant.id)}">
  <div class="variant-head">
    <h3 id="variant-${esc(variant.id)}">${esc(variant.title)}</h3>
    ${index === 0 ? `<span class="tag">standaard</span>` : ""}
  </div>
  <p class="muted">${esc(plural(variant.phases.length, "fase", "fasen"))}${total > 0 ? ` · timers samen ${esc(durationText(total))}` : ""} · variant <code>${esc(variant.id)}</code></p>
  <ol class="phases">${rows}</ol>
</article>`;
}

function roundsBlock(s: Scenario): string {
  const items = s.rounds
    .map((round) => {
      const c = s.cases.find((x) => x.id === round.caseId);
      return `<li class="card round">
  <h4>${esc(round.title)}</h4>
  <p class="muted">Casus: ${c ? `<a href="#casus-${esc(c.id)}">${esc(c.title)}</a>` : esc(round.caseId)} · ronde <code>${esc(round.id)}</code></p>
  ${round.instruction ? `<div class="instruction"><h5>${esc(t.participant.rolwissel.instruction)}</h5><p>${esc(round.instruction)}</p></div>` : `<p class="muted">Geen eigen opdracht: deelnemers zien alleen de casus en hun briefing.</p>`}
</li>`;
    })
    .join("");
  return `<h3 class="sub">De rolwissel-rondes</h3><ol class="rounds">${items}</ol>`;
}

function verloop(s: Scenario): string {
  return `<section id="verloop" aria-labelledby="verloop-titel">
  <h2 id="verloop-titel">Het verloop</h2>
  <p class="lead">De spelleider kiest bij het starten een variant. Per fase staat hoe lang de timer loopt.</p>
  <div class="variants">${s.variants.map((v, i) => variantCard(s, v, i)).join("")}</div>
  ${roundsBlock(s)}
</section>`;
}

function categorieen(s: Scenario): string {
  const items = s.categories
    .map(
      (c, i) => `<li class="category${i === 0 ? " first" : ""}">
  <h3>${esc(c.name)}${c.id === "kernwaarden" ? ` <span class="tag">altijd eerst</span>` : ""}</h3>
  <p>${esc(c.description)}</p>
  <p class="muted small">Kopje in het kader: ${esc(PERSPECTIEF_TITLES[c.perspectief])} · <code>${esc(c.id)}</code></p>
</li>`,
    )
    .join("");
  return `<section id="categorieen" aria-labelledby="categorieen-titel">
  <h2 id="categorieen-titel">Categorieën van het programma van eisen</h2>
  <p class="lead">Bij elke eis kiezen deelnemers een categorie. De kernwaarden staan altijd vooraan: maatwerk begint bij de bedoeling.</p>
  <ol class="categories">${items}</ol>
</section>`;
}

function beeldvorming(s: Scenario): string {
  return `<section id="beeldvorming" aria-labelledby="beeldvorming-titel">
  <h2 id="beeldvorming-titel">Beeldvorming</h2>
  <p class="lead">${esc(t.participant.beeldvorming.intro)}</p>
  <ul class="prompts">${s.beeldvorming.prompts.map((p) => `<li class="prompt">${esc(p.text)}</li>`).join("")}</ul>
</section>`;
}

function roleCard(s: Scenario, role: GameRole): string {
  const b = s.roles[role];
  const texts = t.participant.rolwissel;
  const blocks = [
    b.concerns.length > 0 ? `<div class="brief-block"><h4>${esc(texts.concerns)}</h4>${list(b.concerns)}</div>` : "",
    b.pressure.length > 0 ? `<div class="brief-block"><h4>${esc(texts.pressure)}</h4>${list(b.pressure)}</div>` : "",
    b.privateFacts.length > 0 ? privateBlock(texts.privateFacts, texts.privateFactsHint, b.privateFacts) : "",
  ].join("");
  return `<article class="card role-card" id="rol-${role}" style="border-top-color:${ROLE_COLOURS[role]}" aria-labelledby="rol-${role}-titel">
  <div class="role-head">
    <span class="role-badge" style="background:${ROLE_COLOURS[role]}">${roleIcon(role, 30)}</span>
    <div>
      <p class="kicker">${esc(texts.roleKicker)}</p>
      <h3 id="rol-${role}-titel" class="role-name" style="color:${ROLE_INK[role]}">${esc(b.name)}</h3>
    </div>
  </div>
  <p class="role-summary">${esc(b.summary)}</p>
  ${blocks}
</article>`;
}

function rollen(s: Scenario): string {
  const order = s.rolePriority.map((role) => `<li>${roleChip(role, s.roles[role].name)}</li>`).join("");
  return `<section id="rollen" aria-labelledby="rollen-titel">
  <h2 id="rollen-titel">De rollen en hun briefing</h2>
  <p class="lead">Zo leest elke speler zijn rol. Niemand speelt zijn eigen functie. De omkaderde feiten ziet alleen die rol.</p>
  <div class="card priority">
    <h3>Volgorde bij minder dan zes spelers</h3>
    <ol class="chips">${order}</ol>
  </div>
  <div class="roles">${GAME_ROLES.map((role) => roleCard(s, role)).join("")}</div>
</section>`;
}

/** Where a case is used: rounds and casustoets phases, so a trainer sees a case nobody plays. */
function caseUse(s: Scenario, c: Case): string {
  const uses = [
    ...s.rounds.filter((r) => r.caseId === c.id).map((r) => r.title),
    ...s.variants.filter((v) => v.phases.some((p) => p.kind === "casustoets" && p.caseIds.includes(c.id))).map((v) => `casustoets (${v.title})`),
  ];
  return uses.length > 0 ? `Gebruikt in: ${uses.map(esc).join("; ")}` : `<strong>Nog in geen ronde of casustoets gebruikt.</strong>`;
}

function caseCard(s: Scenario, c: Case): string {
  const texts = t.participant.rolwissel;
  const facts = GAME_ROLES.map((role) => {
    const lines = c.factsPerRole[role] ?? [];
    const body = lines.length > 0 ? list(lines) : `<p class="muted">Geen eigen feiten bij deze casus.</p>`;
    return `<li class="role-facts" style="border-left-color:${ROLE_COLOURS[role]}">${roleChip(role, s.roles[role].name)}${body}</li>`;
  }).join("");
  return `<article class="card case" id="casus-${esc(c.id)}" aria-labelledby="casus-${esc(c.id)}-titel">
  <p class="kicker">Casus${c.date ? ` · peildatum ${esc(dutchDate(c.date))}` : ""}</p>
  <h3 id="casus-${esc(c.id)}-titel">${esc(c.title)}</h3>
  <p class="muted small">${caseUse(s, c)} · <code>${esc(c.id)}</code></p>
  <div><h4>${esc(texts.situation)}</h4><p class="long">${esc(c.situation)}</p></div>
  <div class="effect"><h4>${esc(texts.effectWanted)}</h4><p>${esc(c.effectWanted)}</p></div>
  ${c.laws.length > 0 ? `<div><h4>${esc(texts.laws)}</h4>${list(c.laws, "laws")}</div>` : ""}
  <div><h4>Het standaardantwoord</h4><p>${esc(c.standardAnswer)}</p></div>
  <div><h4>${esc(texts.dilemma)}</h4><p>${esc(c.dilemma)}</p></div>
  <div class="secret">
    <h4>${LOCK_ICON}<span>Wat elke rol over deze casus weet</span></h4>
    <p class="secret-note"><strong>Alleen deze rol ziet dit.</strong> Elke speler ziet alleen de feiten van zijn eigen rol, bij de casus.</p>
    <ul class="facts">${facts}</ul>
  </div>
</article>`;
}

function casussen(s: Scenario): string {
  return `<section id="casussen" aria-labelledby="casussen-titel">
  <h2 id="casussen-titel">De casussen</h2>
  <p class="lead">Zo lezen deelnemers de casussen. Een casus is altijd geanonimiseerd: geen namen, adressen of andere gegevens van echte mensen.</p>
  ${s.cases.map((c) => caseCard(s, c)).join("")}
</section>`;
}

function toets(s: Scenario): string {
  const steps = s.omgekeerdeToets
    .map(
      (step, i) => `<li class="step${i === s.omgekeerdeToets.length - 1 ? " last" : ""}">
  <span class="step-no" aria-hidden="true">${i + 1}</span>
  <div><h3><span class="visually-hidden">Stap ${i + 1}: </span>${esc(step.title)}</h3><p>${esc(step.prompt)}</p></div>
</li>`,
    )
    .join("");
  return `<section id="toets" aria-labelledby="toets-titel">
  <h2 id="toets-titel">De Omgekeerde Toets</h2>
  <p class="lead">In de casustoets loopt de groep deze stappen in deze volgorde. De wet komt als laatste.</p>
  <ol class="steps">${steps}</ol>
</section>`;
}

function stemmen(s: Scenario): string {
  const v = s.voting;
  const body =
    v.mode === "punten"
      ? `<p><strong>Punten verdelen.</strong> ${esc(t.participant.prioriteren.introPoints(v.budget, v.maxPerItem ?? null))}</p>`
      : `<p><strong>MoSCoW.</strong> ${esc(t.participant.prioriteren.introMoscow)}</p>${list(MOSCOW.map((m) => MOSCOW_NAMES[m]))}`;
  return `<section id="stemmen" aria-labelledby="stemmen-titel">
  <h2 id="stemmen-titel">Prioriteren</h2>
  <div class="card">${body}<p class="muted">${esc(t.participant.prioriteren.secret)}</p></div>
</section>`;
}

// ---------- the page ----------

const CSS = `${PAPER_CSS}
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1, h2, h3, h4, h5 { line-height:1.25; margin:0 0 .4rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; }
h4, h5 { font-size: 1rem; }
li + li { margin-top: .3rem; }
.lead { color: var(--muted); max-width: 70ch; }
.tag { display:inline-block; vertical-align: middle; font-size: .78rem; font-weight:700; color: var(--accent); background: var(--accent-soft); border-radius: 999px; padding: .05rem .6rem; margin-left: .3rem; }
.intro { border-top: 10px solid var(--accent); }
.intro .meta { color: var(--muted); }
.intro-title { font-size: 1.05rem; margin-top: 1rem; }
.intro-text { max-width: 75ch; font-size: 1.1rem; }
.print-row { margin: 1rem 0 0; }
button { font: inherit; font-weight: 700; color: #fff; background: var(--accent); border: 0; border-radius: 10px; padding: .55rem 1.2rem; min-height: 44px; cursor: pointer; }
.toc { margin-top: 1rem; }
.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.toc li + li { margin: 0; }
.toc a { display: inline-block; background: #fff; border: 1px solid var(--line); border-radius: 999px; padding: .3rem .85rem; text-decoration: none; font-weight: 700; font-size: .95rem; }
.toc a:hover { border-color: var(--accent); }

.variants { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); align-items: start; }
.variant-head { display:flex; align-items: baseline; gap: .4rem; flex-wrap: wrap; }
.variant-head h3 { margin: 0; }
.phases { list-style: none; padding: 0; margin: .6rem 0 0; counter-reset: fase; }
.phase { border-top: 1px solid var(--line); padding: .55rem 0 .45rem; margin: 0; counter-increment: fase; }
.phase-top { display: flex; gap: .75rem; justify-content: space-between; align-items: baseline; }
.phase h4::before { content: counter(fase) ". "; color: var(--muted); }
.phase h4 { margin: 0; }
.phase-detail { margin: .15rem 0 0; }
.phase-hint { margin: .1rem 0 0; color: var(--muted); font-size: .92rem; }
.timer { flex: none; margin: 0; font-weight: 700; background: var(--accent-soft); color: var(--accent); border-radius: 999px; padding: .05rem .65rem; font-size: .92rem; white-space: nowrap; }
.timer.none { background: transparent; color: var(--muted); font-weight: 400; padding-right: 0; }
.sub { margin-top: 1.5rem; }
.rounds { list-style: none; padding: 0; display: grid; gap: .75rem; }
.rounds li + li { margin: 0; }
.round h4 { font-size: 1.1rem; margin: 0; }
.instruction { background: var(--accent-soft); border-radius: 12px; padding: .7rem .9rem; }
.instruction h5 { margin: 0 0 .2rem; }
.instruction p { margin: 0; }

.categories { list-style: none; padding: 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); counter-reset: cat; }
.category { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: .8rem 1rem; margin: 0; counter-increment: cat; }
.category h3 { font-size: 1.05rem; }
.category h3::before { content: counter(cat) ". "; color: var(--muted); }
.category.first { border: 2px solid var(--accent); grid-column: 1 / -1; }
.category p:last-child { margin: 0; }

.prompts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; }
.prompts li + li { margin: 0; }
.prompt { background: #fffbe6; border: 1px solid #e3d59a; border-radius: 10px; box-shadow: var(--shadow); padding: .9rem 1.1rem; font-size: 1.15rem; font-weight: 700; min-width: 12rem; }

.priority { margin-bottom: 1rem; }
.priority h3 { font-size: 1rem; }
.chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem .6rem; counter-reset: prio; }
.chips li { margin: 0; counter-increment: prio; display: flex; align-items: center; gap: .25rem; }
.chips li::before { content: counter(prio) "."; color: var(--muted); font-weight: 700; }
.role-chip { display:inline-flex; align-items:center; gap:.35rem; border-radius:999px; padding:.1rem .6rem .1rem .15rem; background:#fff; border:2px solid currentColor; font-weight:700; font-size:.9rem; line-height:1.6; }
.role-chip .icon { width:1.5rem; height:1.5rem; border-radius:50%; display:inline-grid; place-items:center; color:#fff; }
.roles { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); align-items: start; }
.role-card { border-top: 10px solid; }
.role-card > * + * { margin-top: .9rem; }
.role-head { display: flex; align-items: center; gap: .9rem; }
.role-badge { flex: none; width: 3.25rem; height: 3.25rem; border-radius: 50%; display: grid; place-items: center; color: #fff; box-shadow: 0 0 0 4px #fff, 0 0 0 6px var(--line); }
.role-name { font-size: 1.5rem; margin: 0; }
.role-summary { font-size: 1.05rem; }
.brief-block h4 { margin-bottom: .3rem; }
.secret { background: #fff6e0; border: 2px dashed #b07800; border-radius: 12px; padding: .75rem .9rem; }
.secret h4 { display: flex; align-items: center; gap: .4rem; color: #6b4a00; margin-bottom: .3rem; }
.secret .lock { flex: none; }
.secret-note { color: #5c4100; font-size: .95rem; margin: 0 0 .4rem; }
.secret-note strong { color: #6b4a00; }

.case { margin-top: 1rem; }
.case > * + * { margin-top: .9rem; }
.case h3 { font-size: 1.35rem; margin: 0; }
.case h4 { margin-bottom: .25rem; }
.case p { margin: 0; max-width: 80ch; }
.effect { border-left: 4px solid var(--ok); padding-left: .75rem; }
.laws { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem; }
.laws li { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 999px; padding: .1rem .7rem; font-size: .92rem; }
.facts { list-style: none; padding: 0; display: grid; gap: .6rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); }
.facts li + li { margin: 0; }
.role-facts { background: #fff; border-radius: 10px; border-left: 6px solid; padding: .55rem .75rem; }
.role-facts ul { margin-top: .4rem; }
.role-facts > p { margin: .4rem 0 0; }

.steps { list-style: none; padding: 0; display: grid; gap: .6rem; }
.steps li + li { margin: 0; }
.step { display: flex; gap: .9rem; align-items: flex-start; background: #fff; border-radius: var(--radius); box-shadow: var(--shadow); padding: .9rem 1.1rem; }
.step h3 { font-size: 1.1rem; margin-bottom: .2rem; }
.step p { margin: 0; }
.step-no { flex: none; width: 2.2rem; height: 2.2rem; border-radius: 50%; display: grid; place-items: center; background: var(--accent); color: #fff; font-weight: 700; }
.step.last { border: 2px solid var(--accent); }
.step.last .step-no { background: var(--ink); }

.problems { border-top: 10px solid var(--danger); }
.problem-list { list-style: none; padding: 0; display: grid; gap: .6rem; margin-top: .8rem; }
.problem-list li + li { margin: 0; }
.problem { background: var(--danger-soft); border-left: 6px solid var(--danger); border-radius: 10px; padding: .6rem .8rem; overflow-wrap: anywhere; }
.problem .where { font-weight: 700; color: var(--danger); display: block; }
.problem .sev { text-transform: uppercase; letter-spacing: .05em; font-size: .8rem; }
.problem.warning { background: #fff6e0; border-left-color: #b07800; }
.problem.warning .where { color: #6b4a00; }
.warnings { border-top: 10px solid #b07800; margin-bottom: 1rem; }
.warnings-title { font-weight: 700; font-size: 1.2rem; margin-bottom: .2rem; }
.live { position: fixed; left: .75rem; right: .75rem; bottom: .75rem; margin: 0 auto; max-width: 36rem; background: var(--ink); color: #fff; border-radius: 12px; padding: .5rem .9rem; font-size: .9rem; box-shadow: var(--shadow); }
.live:empty { display: none; }
footer { margin-top: 3rem; color: var(--muted); font-size: .92rem; }

@media (max-width: 40rem) {
  main { padding: 1rem .75rem 3rem; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; margin-top: 2rem; }
  .card { padding: 1rem; }
  .role-name { font-size: 1.3rem; }
  .secret { padding: .6rem; }
  .role-facts { padding: .5rem .6rem; }
  .role-facts ul { padding-left: 1rem; }
}
@media print {
  @page { margin: 15mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .toc, .print-row, .skip, .live, .warnings { display: none !important; }
  .card, .step { box-shadow: none; border: 1px solid var(--line); }
  .intro, .role-card { border-top-width: 6px; }
  .variant, .round, .category, .role-card, .step, .prompt, .role-facts, .brief-block { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .secret { background: #fff; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

/** The print button's script; allowed by its hash in the CSP. */
const PRINT_SCRIPT = `document.getElementById("afdrukken")?.addEventListener("click", () => window.print());`;

/**
 * The live-reload script of `npm run scenario:preview`: polls the version every second and reloads when the file
 * changed. A stopped preview server is said, not silently ignored.
 */
const RELOAD_SCRIPT = `(() => {
  const live = document.getElementById("live");
  const mine = document.documentElement.dataset.version;
  let failed = false;
  setInterval(async () => {
    try {
      const res = await fetch("/__version", { cache: "no-store" });
      const version = (await res.text()).trim();
      if (version !== mine) { location.reload(); return; }
      if (failed) { failed = false; live.textContent = ""; }
    } catch {
      if (!failed) { failed = true; live.textContent = "De voorbeeldserver is gestopt. Start hem opnieuw om verder te kijken."; }
    }
  }, 1000);
})();`;

const hash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;

export interface PageOptions {
  /** For `npm run scenario:preview`: the file's version, so the page reloads when it changes. */
  liveVersion?: string;
  /** Shown in the footer, e.g. the file the preview comes from. */
  source?: string;
  /** The checker's warnings, shown above the scenario. */
  warnings?: readonly ShownProblem[];
  /** The server holds this scenario back from /nieuw (unconfirmed personal data): the warnings say so. */
  withheld?: boolean;
}

/** The Content-Security-Policy for a page built here: no external anything, only our own inline scripts. */
export function contentSecurityPolicy(options: PageOptions = {}): string {
  const scripts = [hash(PRINT_SCRIPT), ...(options.liveVersion !== undefined ? [hash(RELOAD_SCRIPT)] : [])].join(" ");
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scripts}; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

function page(title: string, body: string, options: PageOptions, footer = ""): string {
  const live = options.liveVersion !== undefined;
  return `<!doctype html>
<html lang="nl"${live ? ` data-version="${esc(options.liveVersion ?? "")}"` : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<main id="inhoud">
${body}
${footer ? `<footer>${footer}</footer>` : ""}
</main>
${live ? `<p id="live" class="live" role="status" aria-live="polite"></p>` : ""}
<script>${PRINT_SCRIPT}</script>
${live ? `<script>${RELOAD_SCRIPT}</script>` : ""}
</body>
</html>`;
}

/** The whole scenario as participants will see it. */
export function scenarioPreviewPage(s: Scenario, options: PageOptions = {}): string {
  const body = [warningsBlock(options.warnings ?? [], options.withheld ?? false), header(s), toc(), verloop(s), categorieen(s), beeldvorming(s), rollen(s), casussen(s), toets(s), stemmen(s)].join("\n");
  const from = options.source ? ` Gemaakt uit <code>${esc(options.source)}</code>.` : "";
  return page(`${s.title} · voorbeeld van het scenario`, body, options, `<p>Zo zien deelnemers de teksten van scenario <code>${esc(s.id)}</code> in het spel.${from}</p>`);
}

export interface ShownProblem {
  /** Where, e.g. `scenarios/mijn.json:12:5`; absent when unknown. */
  where?: string;
  /** The path in the scenario, e.g. `cases[1].situation`. */
  path?: string;
  severity?: "fout" | "waarschuwing";
  message: string;
}

function problemItem(p: ShownProblem): string {
  const label = p.severity === "waarschuwing" ? "Waarschuwing" : p.severity === "fout" ? "Fout" : "";
  const place = [p.where ? esc(p.where) : "", p.path ? `<code>${esc(p.path)}</code>` : ""].filter(Boolean).join(" · ");
  const head = [label ? `<span class="sev">${label}</span>` : "", place].filter(Boolean).join(" ");
  return `<li class="problem${p.severity === "waarschuwing" ? " warning" : ""}">${head ? `<span class="where">${head}</span>` : ""}${esc(p.message)}</li>`;
}

/** Warnings of the checker above a scenario that can be shown (e.g. what looks like personal data in a case). */
function warningsBlock(warnings: readonly ShownProblem[], withheld: boolean): string {
  if (warnings.length === 0) return "";
  const advice = withheld
    ? `Dit scenario wordt niet aangeboden bij het maken van een sessie: er lijken persoonsgegevens in te staan. Haal ze weg, of bevestig in <code>"${CONFIRMATION_FIELD}"</code> dat het geen persoonsgegevens zijn.`
    : "Het scenario kan zo gespeeld worden, maar kijk deze punten na.";
  const title = warnings.length === 1 ? "Let op: 1 waarschuwing van de controle" : `Let op: ${warnings.length} waarschuwingen van de controle`;
  // Above the title, so it is seen first; a region with a label rather than a heading keeps the h1 first.
  return `<section class="card warnings" aria-label="Waarschuwingen van de controle">
  <p class="warnings-title">${esc(title)}</p>
  <p>${advice}</p>
  <ul class="problem-list">${warnings.map(problemItem).join("")}</ul>
</section>`;
}

/** A scenario file that cannot be shown yet: its problems in Dutch. Used by `npm run scenario:preview`. */
export function scenarioProblemsPage(file: string, problems: readonly ShownProblem[], options: PageOptions = {}): string {
  const items = problems.map(problemItem).join("");
  const count = problems.length === 1 ? "Er is 1 probleem" : `Er zijn ${problems.length} problemen`;
  const body = `<section class="card problems" aria-labelledby="problemen-titel">
  <p class="kicker">Voorbeeld van een scenario</p>
  <h1 id="problemen-titel">Dit scenario kan nog niet worden getoond</h1>
  <p>${esc(count)} in <code>${esc(file)}</code>. Los ${problems.length === 1 ? "het" : "ze"} op en sla het bestand op${options.liveVersion !== undefined ? ": deze pagina ververst dan vanzelf" : ""}.</p>
  <ul class="problem-list">${items}</ul>
</section>`;
  return page("Scenario met problemen", body, options);
}

/** The 404 for an id no loaded scenario has, with the ids that do exist (linked under `base`, the trainer's link). */
export function unknownScenarioPage(id: string, knownIds: readonly string[], base = "/scenario/"): string {
  const known =
    knownIds.length > 0
      ? `<p>Deze scenario's zijn er wel:</p><ul>${knownIds.map((k) => `<li><a href="${esc(base)}${encodeURIComponent(k)}">${esc(k)}</a></li>`).join("")}</ul>`
      : `<p>Er is nog geen enkel scenario geladen. Zet een scenario in de map <code>scenarios/</code> en start de server opnieuw.</p>`;
  const body = `<section class="card problems" aria-labelledby="onbekend-titel">
  <h1 id="onbekend-titel">Dit scenario bestaat niet</h1>
  <p>Er is geen scenario met de id <code>${esc(id)}</code>. Controleer de id in het adres; het is de waarde van <code>"id"</code> in het scenariobestand.</p>
  ${known}
</section>`;
  return page("Scenario niet gevonden", body, {});
}

/**
 * `GET /scenario/<id>` without a link. The preview shows every role's private facts, so a participant must not
 * read it before the game: this page shows nothing of any scenario (not even whether the id exists) and says
 * where trainers and spelleiders find it.
 */
export function lockedPreviewPage(): string {
  const body = `<section class="card problems" aria-labelledby="slot-titel">
  <p class="kicker">Voorbeeld van een scenario</p>
  <h1 id="slot-titel">Dit voorbeeld is alleen voor trainers en spelleiders</h1>
  <p>Het voorbeeld van een scenario toont de geheime feiten van alle rollen. Daarom is het alleen te zien met een eigen link:</p>
  <ul>
    <li><strong>Trainer:</strong> open het scenario vanuit je trainerslink, <code>/trainer/&lt;geheim&gt;</code>.</li>
    <li><strong>Spelleider:</strong> open je spelleiderslink en zet er <code>/scenario</code> achter: dan zie je het scenario van je eigen sessie.</li>
  </ul>
  <p>Ben je deelnemer? Dan krijg je jouw rol en de casus in het spel zelf te zien.</p>
</section>`;
  return page("Voorbeeld alleen met een link", body, {});
}

/** The warnings to show above a server preview: the checker's, as the server read the file; else what the guard finds. */
export function previewWarnings(scenario: Scenario): ShownProblem[] {
  const loaded = loadWarnings(scenario);
  if (loaded !== undefined) {
    return loaded.problems.map((p) => ({ where: `${loaded.file}:${p.line}:${p.column}`, path: p.path, severity: p.severity, message: p.message }));
  }
  return unconfirmedPersonalData(scenario).map((f) => ({
    path: formatPath(f.path),
    severity: "waarschuwing",
    message: `Dit lijkt ${describePersonalData(f.kind)}: ${JSON.stringify(f.match)}. Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden.`,
  }));
}

/** A scenario preview for someone with a link: the status and page, independent of the HTTP framework. */
export function scenarioPreviewResponse(scenarios: ReadonlyMap<string, Scenario>, id: string, base: string): { status: number; html: string; csp: string } {
  const scenario = scenarios.get(id);
  if (!scenario) return { status: 404, html: unknownScenarioPage(id, [...scenarios.keys()], base), csp: contentSecurityPolicy() };
  return { status: 200, html: scenarioPreviewPage(scenario, { warnings: previewWarnings(scenario), withheld: isWithheld(scenario) }), csp: contentSecurityPolicy() };
}
