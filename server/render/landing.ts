/**
 * The page at `/` when there is no built client: what Maatwerkspel is, how a spelleider starts a session, and how
 * participants join. In the page shell (shell.ts), Dutch, no external assets; its one script is allowed by its hash.
 */
import type { Scenario } from "#shared/protocol/scenario.ts";
import { esc } from "./escape.ts";
import { page } from "./shell.ts";

/** Makes the session with the form's choice and shows the code and the spelleider's link (never as HTML). */
const CREATE_SCRIPT = `const form = document.getElementById("nieuw");
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
});`;

export function landingPage(scenarios: readonly Scenario[]): string {
  const options = scenarios
    .flatMap((s) => s.variants.map((v) => `<option value="${esc(s.id)}|${esc(v.id)}">${esc(s.title)} — ${esc(v.title)}</option>`))
    .join("");
  return page({
    title: "Maatwerkspel",
    sheet: "landing",
    scripts: [CREATE_SCRIPT],
    body: `  <h1>Maatwerkspel</h1>
  <p class="lead">Het spel bij de leergang <em>Verticaal maatwerk leren</em>: in de schoenen van een ander eisen stellen aan maatwerk, samen één programma van eisen maken en dat toetsen aan echte casussen.</p>

  <section class="card" aria-labelledby="start">
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

  <section class="card" aria-labelledby="meedoen">
    <h2 id="meedoen">Meedoen (deelnemer)</h2>
    <p>Je krijgt van de spelleider een code van zes tekens. Open de link die de spelleider laat zien, vul je naam en je eigen functie in, en je krijgt een <strong>andere</strong> rol om te spelen. Wat je schrijft, zien anderen alleen met je spelrol erbij, nooit met je naam.</p>
  </section>`,
  });
}
