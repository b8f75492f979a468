/**
 * The one stylesheet source of the server-made pages: the paper-and-card look every page shares (colours from
 * shared/theme.ts, the font stack, headings, cards, role colours, the accessibility helpers), and per kind of page
 * its width and parts. `stylesheet(sheet)` is what the page shell (shell.ts) puts in the page's one `<style>`.
 */
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import { PALETTE as P, ROLE_COLOURS, ROLE_INK } from "#shared/theme.ts";
import { FONT_PATH, FONT_WEIGHTS, fontFile } from "./fonts.ts";

const FONT = `"Plain Zero", "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif`;

/** The unicode ranges of @fontsource's latin and latin-ext subsets (as in its 400.css). */
const RANGES = {
  latin: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
} as const;

/**
 * The game's typeface, served by the server itself (server/http/fonts.ts), and as in the client (game/src/styles.css)
 * the digit 0 of running text from the device's own sans serif: Atkinson's slashed zero reads as a code in "10 punten".
 * Only on the pages with cards (about 2 kB): a notice (a 404, an error) stays a short answer in the system font.
 */
const FACES = [
  ...FONT_WEIGHTS.flatMap((weight) =>
    (["latin", "latin-ext"] as const).map(
      (subset) =>
        `@font-face { font-family: "Atkinson Hyperlegible Next"; font-style: normal; font-display: swap; font-weight: ${weight}; src: url(${FONT_PATH}/${fontFile(subset, weight)}) format("woff2"); unicode-range: ${RANGES[subset]}; }`,
    ),
  ),
  `@font-face { font-family: "Plain Zero"; font-weight: 100 599; unicode-range: U+0030; src: local("Roboto"), local("Roboto-Regular"), local("Segoe UI"), local("SegoeUI"), local("Helvetica Neue"), local("HelveticaNeue"), local("Arial"), local("ArialMT"), local("Liberation Sans"), local("LiberationSans"), local("DejaVu Sans"), local("DejaVuSans"); }`,
  `@font-face { font-family: "Plain Zero"; font-weight: 600 900; unicode-range: U+0030; src: local("Roboto Bold"), local("Roboto-Bold"), local("Segoe UI Bold"), local("SegoeUI-Bold"), local("Helvetica Neue Bold"), local("HelveticaNeue-Bold"), local("Arial Bold"), local("Arial-BoldMT"), local("Liberation Sans Bold"), local("LiberationSans-Bold"), local("DejaVu Sans Bold"), local("DejaVuSans-Bold"); }`,
].join("\n");

/** `.role-<rol>` gives an element its role's colour and ink (roles.ts): no style attributes needed. */
const ROLE_CSS = GAME_ROLES.map((role) => `.role-${role} { --role:${ROLE_COLOURS[role]}; --role-ink:${ROLE_INK[role]}; }`).join("\n");

/** What every page has: the colours, the font, headings and text, links, focus and the skip link. */
const PAPER = `
:root { --paper:${P.paper}; --card:${P.card}; --ink:${P.ink}; --muted:${P.muted}; --line:${P.line}; --accent:${P.accent}; --accent-soft:${P.accentSoft};
  --ok:${P.ok}; --ok-soft:${P.okSoft}; --danger:${P.danger}; --danger-soft:${P.dangerSoft};
  --warn:${P.warn}; --warn-soft:${P.warnSoft}; --warn-ink:${P.warnInk}; --focus:${P.focus}; --radius:14px;
  --shadow:0 1px 2px rgba(31,42,48,.08), 0 2px 8px rgba(31,42,48,.06); color-scheme: light; }
* { box-sizing: border-box; }
body { margin:0; font:1.0625rem/1.55 ${FONT}; color:var(--ink); background:var(--paper); -webkit-text-size-adjust:100%; }
h1, h2, h3, h4, h5 { line-height:1.25; margin:0 0 .4rem; }
h1 { font-size: 2rem; }
p { margin: 0 0 .6rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position:absolute; left:-999px; top:.5rem; background:#fff; padding:.5rem 1rem; border-radius:8px; }
.skip:focus { left:.5rem; }
`;

/** The parts of the pages with more on them (preview, trainer, landing): cards, kickers, role colours, buttons. */
const CARDS = `
${ROLE_CSS}
h3 { font-size: 1.2rem; }
h4, h5 { font-size: 1rem; }
ul, ol { margin: 0; padding-left: 1.25rem; }
code { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; font-size: .85em; background: #efe9dd; border-radius: 4px; padding: .05rem .3rem; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.card { background: var(--card); border-radius: var(--radius); box-shadow: var(--shadow); padding: 1.1rem 1.25rem; }
.muted { color: var(--muted); }
.small { font-size: .92rem; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; font-weight: 700; color: var(--muted); margin: 0 0 .2rem; }
.lead { color: var(--muted); max-width: 75ch; }
.intro { border-top: 10px solid var(--accent); }
.icon { flex: none; width: 1.5rem; height: 1.5rem; border-radius: 50%; display: inline-grid; place-items: center; color: #fff; background: var(--role, var(--muted)); }
button { font: inherit; font-weight: 700; color: #fff; background: var(--accent); border: 0; border-radius: 10px; padding: .55rem 1.2rem; min-height: 44px; cursor: pointer; }
footer { margin-top: 3rem; color: var(--muted); font-size: .92rem; }
`;

/** After the page's own rules, so that a narrow screen and paper win over the page's width and padding. */
const PAPER_MEDIA = `
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 3rem; }
  h1 { font-size: 1.6rem; }
}
@media print {
  body { background: #fff; }
  .skip { display: none !important; }
}
`;

const CARDS_MEDIA = `
@media (max-width: 40rem) { .card { padding: 1rem; } }
@media print { .card { box-shadow: none; border: 1px solid var(--line); } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

/** The scenario preview (render/preview.ts): wide enough for two variants side by side, printable. */
const PREVIEW = `
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; }
li + li { margin-top: .3rem; }
.lead { max-width: 70ch; }
.tag { display:inline-block; vertical-align: middle; font-size: .78rem; font-weight:700; color: var(--accent); background: var(--accent-soft); border-radius: 999px; padding: .05rem .6rem; margin-left: .3rem; }
.intro .meta { color: var(--muted); }
.intro-title { font-size: 1.05rem; margin-top: 1rem; }
.intro-text { max-width: 75ch; font-size: 1.1rem; }
.print-row { margin: 1rem 0 0; }
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
.role-chip { display:inline-flex; align-items:center; gap:.35rem; border-radius:999px; padding:.1rem .6rem .1rem .15rem; background:#fff; border:2px solid currentColor; color: var(--role-ink); font-weight:700; font-size:.9rem; line-height:1.6; }
.roles { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); align-items: start; }
.role-card { border-top: 10px solid var(--role); }
.role-card > * + * { margin-top: .9rem; }
.role-head { display: flex; align-items: center; gap: .9rem; }
.role-badge { flex: none; width: 3.25rem; height: 3.25rem; border-radius: 50%; display: grid; place-items: center; color: #fff; background: var(--role); box-shadow: 0 0 0 4px #fff, 0 0 0 6px var(--line); }
.role-name { font-size: 1.5rem; margin: 0; color: var(--role-ink); }
.role-summary { font-size: 1.05rem; }
.brief-block h4 { margin-bottom: .3rem; }
.secret { background: var(--warn-soft); border: 2px dashed var(--warn); border-radius: 12px; padding: .75rem .9rem; }
.secret h4 { display: flex; align-items: center; gap: .4rem; color: var(--warn-ink); margin-bottom: .3rem; }
.secret .lock { flex: none; }
.secret-note { color: #5c4100; font-size: .95rem; margin: 0 0 .4rem; }
.secret-note strong { color: var(--warn-ink); }

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
.role-facts { background: #fff; border-radius: 10px; border-left: 6px solid var(--role); padding: .55rem .75rem; }
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
.problem.warning { background: var(--warn-soft); border-left-color: var(--warn); }
.problem.warning .where { color: var(--warn-ink); }
.warnings { border-top: 10px solid var(--warn); margin-bottom: 1rem; }
.warnings-title { font-weight: 700; font-size: 1.2rem; margin-bottom: .2rem; }
.live { position: fixed; left: .75rem; right: .75rem; bottom: .75rem; margin: 0 auto; max-width: 36rem; background: var(--ink); color: #fff; border-radius: 12px; padding: .5rem .9rem; font-size: .9rem; box-shadow: var(--shadow); }
.live:empty { display: none; }

`;

const PREVIEW_MEDIA = `
@media (max-width: 40rem) {
  h2 { font-size: 1.3rem; margin-top: 2rem; }
  .role-name { font-size: 1.3rem; }
  .secret { padding: .6rem; }
  .role-facts { padding: .5rem .6rem; }
  .role-facts ul { padding-left: 1rem; }
}
@media print {
  body { font-size: 11pt; }
  .step { box-shadow: none; border: 1px solid var(--line); }
  @page { margin: 15mm; }
  main { max-width: none; padding: 0; }
  .toc, .print-row, .live, .warnings { display: none !important; }
  .intro, .role-card { border-top-width: 6px; }
  .role-card { border-top-color: var(--role); }
  .variant, .round, .category, .role-card, .step, .prompt, .role-facts, .brief-block { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .secret { background: #fff; }
}
`;

/** The trainer's pages (render/trainer.ts, render/patterns.ts): wide for the pattern cards, readable on a phone. */
const TRAINER = `
main { max-width: 76rem; margin: 0 auto; padding: 1.25rem 1.25rem 4rem; }
h2 { font-size: 1.5rem; margin-top: 2.25rem; }
.crumbs { margin: 0 0 .75rem; font-weight: 700; }
.crumbs a { text-decoration: none; }
.crumbs a:hover { text-decoration: underline; }
.intro > p { max-width: 75ch; }
.summary { font-size: 1.15rem; font-weight: 700; }
details { margin: .4rem 0 .8rem; max-width: 75ch; }
summary { cursor: pointer; font-weight: 700; color: var(--accent); min-height: 44px; display: flex; align-items: center; }
details p { margin-top: .2rem; }
.downloads { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: .4rem 0 0; }
.downloads a { display: inline-flex; align-items: center; min-height: 44px; padding: .4rem 1rem; border-radius: 10px; border: 2px solid var(--accent); font-weight: 700; text-decoration: none; background: #fff; }
.downloads a:hover { background: var(--accent-soft); }
.tag { display:inline-block; font-size: .85rem; font-weight:700; color: var(--accent); background: var(--accent-soft); border-radius: 999px; padding: .1rem .65rem; white-space: nowrap; }
.tag.block { color: var(--danger); background: var(--danger-soft); }

.legend { display: flex; flex-wrap: wrap; gap: .35rem .9rem; list-style: none; padding: 0; margin: .3rem 0 1rem; }
.legend li { display: inline-flex; align-items: center; gap: .35rem; font-weight: 700; font-size: .92rem; color: var(--role-ink); }

.blockages { list-style: none; padding: 0; display: grid; gap: .75rem; }
.blockage { border-left: 8px solid var(--danger); }
.blockage h3 { margin-bottom: .2rem; }
.blockage .where { margin: .4rem 0 .4rem; padding-left: 1.1rem; }
.blockage .pattern-tags { margin-bottom: .2rem; }
.blockage p.small { margin: 0; }
.blockage .where li + li { margin-top: .2rem; }

.index { margin: .75rem 0 1rem; }
.index h3 { font-size: 1rem; }
.index ol { padding-left: 1.6rem; }
.index li + li { margin-top: .3rem; }
.index li::marker { font-weight: 700; color: var(--muted); }
.index .blocked { color: var(--danger); font-weight: 700; }
.patterns { list-style: none; padding: 0; display: grid; gap: 1.25rem; }
.pattern-head { display: flex; gap: .75rem; align-items: flex-start; }
.pattern-no { flex: none; width: 2.2rem; height: 2.2rem; border-radius: 50%; display: grid; place-items: center; background: var(--accent); color: #fff; font-weight: 700; }
.pattern-head h3 { margin: .2rem 0 .35rem; font-size: 1.25rem; }
.pattern-tags { display: flex; flex-wrap: wrap; gap: .35rem; margin: 0; }
.entries { list-style: none; padding: 0; margin: 1rem 0 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr)); }
.entry { border: 1px solid var(--line); border-radius: 12px; padding: .75rem .85rem; display: flex; flex-direction: column; gap: .5rem; background: #fffdf9; }
.entry .session { font-weight: 700; font-size: .9rem; color: var(--muted); margin: 0; }
.entry .text { font-size: 1.05rem; margin: 0; }
.entry .meta { margin: 0; font-size: .88rem; color: var(--muted); }
.draagvlak { align-self: flex-start; font-size: .85rem; font-weight: 700; border-radius: 999px; padding: .05rem .6rem; background: #efe9dd; }
.draagvlak.verticaal { background: var(--ok-soft); color: var(--ok); }
.draagvlak.smal, .draagvlak.geen { background: var(--danger-soft); color: var(--danger); }
.bars { list-style: none; padding: 0; margin: 0; display: grid; gap: .2rem; }
.bar { display: grid; grid-template-columns: 4.6rem 1fr 2.9rem; align-items: center; gap: .4rem; font-size: .88rem; }
.bar .who { display: inline-flex; align-items: center; gap: .3rem; font-weight: 700; color: var(--role-ink); }
.bar .icon { width: 1.25rem; height: 1.25rem; }
.track { display: block; width: 100%; height: .8rem; border-radius: 999px; background: #ece6da; overflow: hidden; }
.fill { fill: var(--role); }
.pct { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; }
.bar.absent .pct, .bar.absent .who { color: var(--muted); font-weight: 400; }
.verdicts { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.verdict { font-size: .85rem; border-radius: 8px; padding: .1rem .5rem; background: #efe9dd; }
.verdict.staat_in_de_weg { background: var(--danger-soft); color: var(--danger); font-weight: 700; }
.verdict.helpt { background: var(--ok-soft); color: var(--ok); }
.empty { color: var(--muted); font-style: italic; }

table { border-collapse: collapse; width: 100%; background: #fff; border-radius: var(--radius); box-shadow: var(--shadow); overflow: hidden; }
th, td { text-align: left; padding: .55rem .8rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .9rem; color: var(--muted); }
td.num, th.num { text-align: right; }
td.date { white-space: nowrap; }
tr:last-child td { border-bottom: 0; }
.table-wrap { overflow-x: auto; }

.scenarios { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
.scenario h3 { font-size: 1.25rem; margin: 0 0 .3rem; }
.scenario a.go { display: inline-flex; align-items: center; min-height: 44px; margin-top: .3rem; font-weight: 700; }
.problem { border-top: 10px solid var(--danger); max-width: 40rem; }
footer { max-width: 75ch; }

`;

const TRAINER_MEDIA = `
@media (max-width: 40rem) {
  h2 { font-size: 1.3rem; margin-top: 1.75rem; }
  .pattern-head h3 { font-size: 1.1rem; }
  .pattern.card { padding: .85rem .75rem; }
  .pattern-head { gap: .5rem; }
  .entry { padding: .65rem .7rem; }
  th, td { padding: .45rem .45rem; font-size: .92rem; }
  td.date { white-space: normal; }
}
@media print {
  .downloads, .crumbs { display: none !important; }
  .pattern, .blockage, .entry { break-inside: avoid; }
}
`;

/** The landing page without a built client (render/landing.ts): one column with a form. */
const LANDING = `
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1 { font-size: 2.2rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; margin-bottom: .6rem; }
main > .card { margin-top: 1.25rem; }
label { display: block; font-weight: 700; margin: .8rem 0 .3rem; }
select, input { width: 100%; font: inherit; color: inherit; background: #fff; padding: .55rem .7rem; border: 1px solid #b9c2c8; border-radius: 8px; min-height: 44px; }
form button { margin-top: 1rem; }
main > .card > p:last-child { margin-bottom: 0; }
.code { font-size: 2.4rem; letter-spacing: .3rem; font-weight: 700; margin: 0; }
.error { color: var(--danger); font-weight: 700; }
code { word-break: break-all; }
`;

/** A short notice (render/notice.ts): the error pages. */
const NOTICE = `
main { max-width: 36rem; margin: 0 auto; padding: 3rem 1.25rem; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
`;

/** Each kind of page: its rules, and its own rules for narrow screens and print; all but the notice have cards. */
const PARTS = {
  preview: { cards: true, rules: PREVIEW, media: PREVIEW_MEDIA },
  trainer: { cards: true, rules: TRAINER, media: TRAINER_MEDIA },
  landing: { cards: true, rules: LANDING, media: "" },
  notice: { cards: false, rules: NOTICE, media: "" },
} as const;

export type Sheet = keyof typeof PARTS;

/**
 * The whole stylesheet of one kind of page: the paper look, the page's rules, the shared rules for narrow screens and
 * print (after the page's width and padding, so they win), and last the page's own `@media` rules. Line breaks and
 * indents are left out: the page is sent on every request, and the error page stays short.
 */
export function stylesheet(sheet: Sheet): string {
  const { cards, rules, media } = PARTS[sheet];
  // The typeface only where there is more to read (preview, trainer pages, landing): a notice stays short.
  const css = cards ? [FACES, PAPER, CARDS, rules, PAPER_MEDIA, CARDS_MEDIA, media] : [PAPER, rules, PAPER_MEDIA, media];
  return css.join("").replace(/\n\s*/g, "");
}
