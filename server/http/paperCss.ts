/**
 * The paper-and-card look the server-rendered pages share (the scenario preview, the trainer's pages): colours,
 * font stack, headings, cards and the accessibility helpers. Each page adds its own width and parts after it.
 */
const FONT = `"Atkinson Hyperlegible Next", "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif`;

export const PAPER_CSS = `
:root { --paper:#f6f1e8; --card:#fff; --ink:#1f2a30; --muted:#56626b; --line:#d9d2c5; --accent:#0b5f78; --accent-soft:#e3f0f3;
  --ok:#1e6b3a; --ok-soft:#e4f2e8; --danger:#a32a00; --danger-soft:#fbe9e2; --focus:#e69f00; --radius:14px;
  --shadow:0 1px 2px rgba(31,42,48,.08), 0 2px 8px rgba(31,42,48,.06); color-scheme: light; }
* { box-sizing: border-box; }
body { margin:0; font:1.0625rem/1.55 ${FONT}; color:var(--ink); background:var(--paper); -webkit-text-size-adjust:100%; }
h1 { font-size: 2rem; }
h3 { font-size: 1.2rem; }
p { margin: 0 0 .6rem; }
ul, ol { margin: 0; padding-left: 1.25rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; font-size: .85em; background: #efe9dd; border-radius: 4px; padding: .05rem .3rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.skip { position:absolute; left:-999px; top:.5rem; background:#fff; padding:.5rem 1rem; border-radius:8px; }
.skip:focus { left:.5rem; }
.card { background: var(--card); border-radius: var(--radius); box-shadow: var(--shadow); padding: 1.1rem 1.25rem; }
.muted { color: var(--muted); }
.small { font-size: .92rem; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; font-weight: 700; color: var(--muted); margin: 0 0 .2rem; }
`;
