/**
 * The page at `/` until the Phaser client lands: what Maatwerkspel is, how a spelleider starts a session, and how
 * participants join. Plain HTML, Dutch, no external assets.
 */
import type { Scenario } from "#shared/protocol/scenario.ts";

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function landingPage(scenarios: readonly Scenario[]): string {
  const options = scenarios
    .flatMap((s) => s.variants.map((v) => `<option value="${escapeHtml(s.id)}|${escapeHtml(v.id)}">${escapeHtml(s.title)} — ${escapeHtml(v.title)}</option>`))
    .join("");
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Maatwerkspel</title>
<style>
  :root { --ink:#1f2a30; --paper:#f7f3ec; --accent:#0b6e8a; --muted:#5b6770; }
  body { margin:0; font: 18px/1.55 system-ui, "Segoe UI", sans-serif; color:var(--ink); background:var(--paper); }
  main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
  h1 { font-size: 2.2rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.3rem; margin: 0 0 .6rem; }
  p.lead { color: var(--muted); margin-top: 0; }
  section { background: #fff; border-radius: 14px; padding: 1.25rem 1.5rem; box-shadow: 0 1px 3px rgba(0,0,0,.08); margin-top: 1.25rem; }
  label { display:block; font-weight:600; margin: .8rem 0 .3rem; }
  select, input { width:100%; font: inherit; padding:.55rem .7rem; border:1px solid #b9c2c8; border-radius:8px; box-sizing:border-box; }
  button { margin-top: 1rem; font: inherit; font-weight:600; color:#fff; background: var(--accent); border:0; border-radius: 8px; padding:.65rem 1.2rem; cursor:pointer; }
  button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
  .code { font-size: 2.4rem; letter-spacing: .3rem; font-weight: 700; }
  .error { color: #a03000; font-weight: 600; }
  code { background:#eef1f3; padding:.1rem .35rem; border-radius:4px; word-break: break-all; }
</style>
</head>
<body>
<main>
  <h1>Maatwerkspel</h1>
  <p class="lead">Het spel bij de leergang <em>Verticaal maatwerk leren</em>: in de schoenen van een ander eisen stellen aan maatwerk, samen één programma van eisen maken en dat toetsen aan echte casussen.</p>

  <section aria-labelledby="start">
    <h2 id="start">Een sessie starten (spelleider)</h2>
    <form id="nieuw">
      <label for="scenario">Scenario en variant</label>
      <select id="scenario" name="scenario" required>${options}</select>
      <label for="label">Naam van de sessie (optioneel)</label>
      <input id="label" name="label" maxlength="120" placeholder="Bijvoorbeeld: Gemeente Oosterwolde, ochtendgroep">
      <button type="submit">Sessie maken</button>
    </form>
    <div id="resultaat" aria-live="polite"></div>
  </section>

  <section aria-labelledby="meedoen">
    <h2 id="meedoen">Meedoen (deelnemer)</h2>
    <p>Je krijgt van de spelleider een code van zes tekens. Open de link die de spelleider laat zien, vul je naam en je eigen functie in, en je krijgt een <strong>andere</strong> rol om te spelen. Wat je schrijft, zien anderen alleen met je spelrol erbij, nooit met je naam.</p>
  </section>
</main>
<script>
  const form = document.getElementById("nieuw");
  const out = document.getElementById("resultaat");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [scenarioId, variantId] = form.scenario.value.split("|");
    out.textContent = "Bezig…";
    try {
      const res = await fetch("/api/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId, variantId, label: form.label.value || undefined }) });
      const body = await res.json();
      if (!res.ok) { out.innerHTML = '<p class="error"></p>'; out.firstChild.textContent = body.error; return; }
      const origin = location.origin;
      out.innerHTML = '<p>Code voor deelnemers:</p><p class="code"></p><p>Jouw spelleiderslink (bewaar hem goed; hij wordt maar één keer getoond):<br><code id="sl"></code></p>';
      out.querySelector(".code").textContent = body.code;
      out.querySelector("#sl").textContent = origin + body.spelleiderPath;
    } catch {
      out.innerHTML = '<p class="error">De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.</p>';
    }
  });
</script>
</body>
</html>`;
}
