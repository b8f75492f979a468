/**
 * The scenario preview: one scenario as a printable Dutch page, showing what participants will read (intro,
 * phases with timers, categories, prompts, every role's briefing with its private facts, the cases with the facts
 * per role, De Omgekeerde Toets, the voting rules). Served at `/trainer/<geheim>/scenario/<id>`,
 * `/spelleider/<geheim>/scenario` and by `npm run scenario:preview`.
 *
 * Plain server-rendered HTML in the page shell (shell.ts) with no external assets, so it works from the CLI without a
 * client build. Every scenario text is author input and goes through `esc`; the page's CSP (`pagePolicy`) allows only
 * its own style and scripts by hash, a second line of defence.
 */
import { PHASE_TITLES, MOSCOW_NAMES, t } from "#shared/strings/index.ts";
import { GAME_ROLES, MOSCOW, type GameRole } from "#shared/protocol/ids.ts";
import type { Case, Phase, Scenario, Variant } from "#shared/protocol/scenario.ts";
import { PERSPECTIEF_TITLES } from "../core/resultaat.ts";
import { CONFIRMATION_FIELD } from "../scenarios/privacy.ts";
import { esc } from "./escape.ts";
import { roleChip, roleClass, roleIcon } from "./roles.ts";
import { page } from "./shell.ts";

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
  return `<article class="card role-card ${roleClass(role)}" id="rol-${role}" aria-labelledby="rol-${role}-titel">
  <div class="role-head">
    <span class="role-badge">${roleIcon(role, 30)}</span>
    <div>
      <p class="kicker">${esc(texts.roleKicker)}</p>
      <h3 id="rol-${role}-titel" class="role-name">${esc(b.name)}</h3>
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
    return `<li class="role-facts ${roleClass(role)}">${roleChip(role, s.roles[role].name)}${body}</li>`;
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

/** The print button's script; allowed by its hash in the CSP (shell.ts). */
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


function previewPage(title: string, body: string, options: PageOptions, footer = ""): string {
  const live = options.liveVersion !== undefined;
  return page({
    title,
    sheet: "preview",
    private: true,
    body: footer ? `${body}\n<footer>${footer}</footer>` : body,
    version: options.liveVersion,
    after: live ? `<p id="live" class="live" role="status" aria-live="polite"></p>\n` : "",
    scripts: live ? [PRINT_SCRIPT, RELOAD_SCRIPT] : [PRINT_SCRIPT],
  });
}

/** The whole scenario as participants will see it. */
export function scenarioPreviewPage(s: Scenario, options: PageOptions = {}): string {
  const body = [warningsBlock(options.warnings ?? [], options.withheld ?? false), header(s), toc(), verloop(s), categorieen(s), beeldvorming(s), rollen(s), casussen(s), toets(s), stemmen(s)].join("\n");
  const from = options.source ? ` Gemaakt uit <code>${esc(options.source)}</code>.` : "";
  return previewPage(`${s.title} · voorbeeld van het scenario`, body, options, `<p>Zo zien deelnemers de teksten van scenario <code>${esc(s.id)}</code> in het spel.${from}</p>`);
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
  return previewPage("Scenario met problemen", body, options);
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
  return previewPage("Scenario niet gevonden", body, {});
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
  return previewPage("Voorbeeld alleen met een link", body, {});
}

