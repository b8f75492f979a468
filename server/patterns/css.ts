/**
 * Styles of the trainer pages: the scenario preview's paper-and-card look (same variables, same font stack), plus
 * the pattern cards and the small support bars. Readable on a laptop (1366 wide) and on a phone (390 wide).
 */
import { PAPER_CSS } from "../http/paperCss.ts";

export const TRAINER_CSS = `${PAPER_CSS}
main { max-width: 76rem; margin: 0 auto; padding: 1.25rem 1.25rem 4rem; }
h1, h2, h3, h4 { line-height:1.25; margin:0 0 .4rem; }
h2 { font-size: 1.5rem; margin-top: 2.25rem; }
h4 { font-size: 1rem; }
.lead { color: var(--muted); max-width: 75ch; }
.crumbs { margin: 0 0 .75rem; font-weight: 700; }
.crumbs a { text-decoration: none; }
.crumbs a:hover { text-decoration: underline; }
.intro { border-top: 10px solid var(--accent); }
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
.legend li { display: inline-flex; align-items: center; gap: .35rem; font-weight: 700; font-size: .92rem; }
.icon { flex: none; width: 1.5rem; height: 1.5rem; border-radius: 50%; display: inline-grid; place-items: center; color: #fff; }

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
.bar .who { display: inline-flex; align-items: center; gap: .3rem; font-weight: 700; }
.bar .icon { width: 1.25rem; height: 1.25rem; }
.track { height: .8rem; border-radius: 999px; background: #ece6da; overflow: hidden; }
.fill { display: block; height: 100%; border-radius: 999px; min-width: 0; }
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
footer { margin-top: 3rem; color: var(--muted); font-size: .92rem; max-width: 75ch; }

@media (max-width: 40rem) {
  main { padding: 1rem .75rem 3rem; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; margin-top: 1.75rem; }
  .card { padding: 1rem; }
  .pattern-head h3 { font-size: 1.1rem; }
  .pattern.card { padding: .85rem .75rem; }
  .pattern-head { gap: .5rem; }
  .entry { padding: .65rem .7rem; }
  th, td { padding: .45rem .45rem; font-size: .92rem; }
  td.date { white-space: normal; }
}
@media print {
  body { background: #fff; }
  .downloads, .skip, .crumbs { display: none !important; }
  .card { box-shadow: none; border: 1px solid var(--line); }
  .pattern, .blockage, .entry { break-inside: avoid; }
}
`;
