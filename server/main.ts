/**
 * `npm start`: the game and the server on one port, on an SQLite file in the data directory (or PostgreSQL when
 * DATABASE_URL is set), with every scenario in scenarios/ ready. Configuration comes from the environment (see
 * docs/deployment.md: PORT, DATA_DIR, SCENARIO_DIR, TRAINER_SECRET; for several processes DATABASE_URL, REDIS_URL, PUBLIC_ADDRESS).
 */
import { resolve } from "node:path";
import { buildServer } from "./app.ts";
import { suggestDuplicates } from "./core/suggestions.ts";
import { parseAllowedOrigins } from "./http/cors.ts";
import { trainerSecretFromEnv } from "./patterns/secret.ts";
import { scaleConfigFromEnv } from "./scaleConfig.ts";
import { loadScenarioDir, startupReport } from "./scenarios/load.ts";
import { isWithheld } from "./scenarios/privacy.ts";
import { describeIntegrity, isDamaged, messageOf } from "./store/integrity.ts";
import { openStoreFromEnv } from "./store/open.ts";

const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST ?? "0.0.0.0";
const scenarioDir = resolve(process.env.SCENARIO_DIR ?? "scenarios");
// The trainer's overview over sessions; off unless TRAINER_SECRET is long enough. The secret itself is never printed.
const trainer = trainerSecretFromEnv(process.env.TRAINER_SECRET);
if (trainer.warning) console.warn(trainer.warning);
const config = scaleConfigFromEnv(process.env);
if (!config.ok) {
  console.error(config.error);
  process.exit(1);
}
for (const warning of config.warnings) console.warn(warning);
// Other web pages that may use this server (CORS); a typo stops the server here instead of half-opening it.
const origins = parseAllowedOrigins(process.env.ALLOWED_ORIGINS);
if (!origins.ok) {
  console.error(origins.error);
  process.exit(1);
}

// Read with the checker of `npm run scenario:check`: a skipped file and a file with warnings are named with exactly
// its lines (file:line:column  path  message); a scenario with unconfirmed personal data is loaded but not offered.
const loaded = await loadScenarioDir(scenarioDir);
const { scenarios } = loaded;
for (const line of startupReport(loaded)) (line.level === "error" ? console.error : console.warn)(line.text);
if (scenarios.size === 0) {
  console.error(`Geen bruikbaar scenario gevonden in ${scenarioDir}. Zet er minstens één geldig scenario neer.`);
  process.exit(1);
}

// A store that cannot be opened (a zeroed or foreign file, no database server) ends the start with a short Dutch line,
// not a stack trace. Then everything in it is checked: damaged sessions are named here and refused when opened.
const opened = await openStoreFromEnv({ DATABASE_URL: config.databaseUrl, DATA_DIR: process.env.DATA_DIR }).catch((error: unknown) => {
  console.error(`Maatwerkspel start niet: de opslag kan niet worden geopend. ${messageOf(error)}`);
  process.exit(1);
});
const { store, where } = opened;
const integrity = await store.checkIntegrity().catch((error: unknown) => {
  console.error(`Maatwerkspel start niet: de opslag kon niet worden gecontroleerd. ${messageOf(error)}`);
  process.exit(1);
});
for (const line of describeIntegrity(integrity)) (isDamaged(integrity) ? console.error : console.log)(line);
// The concept layer of the duplicate suggestions compiles its 400+ expressions on first use (about 0.3 s): done here,
// before anyone is served, so the first board being merged does not hold up every room of the process.
suggestDuplicates([
  { ref: { kind: "eis", id: "a" }, text: "Eén vast aanspreekpunt voor het hele gezin." },
  { ref: { kind: "eis", id: "b" }, text: "Het gezin heeft één contactpersoon die alles regelt." },
]);
const server = buildServer({ store, scenarios, clientDir: resolve(process.env.CLIENT_DIR ?? "dist/client"), trainerSecret: trainer.secret, scale: config.scale, allowedOrigins: origins.origins });
await server.listen(port, host);

console.log(`Maatwerkspel draait op http://localhost:${port}`);
const withheld = [...scenarios.values()].filter(isWithheld).map((s) => s.id);
const offered = [...scenarios.values()].filter((s) => !isWithheld(s)).map((s) => s.id);
console.log(`  scenario's: ${offered.join(", ") || "(geen)"}${withheld.length > 0 ? `; niet aangeboden (persoonsgegevens): ${withheld.join(", ")}` : ""}`);
console.log(`  gegevens:   ${where}`);
if (config.scale) console.log(`  processen:  gedeeld via Redis; dit proces is bereikbaar op ${config.scale.publicAddress ?? "(geen PUBLIC_ADDRESS)"}`);
console.log(`  trainers:   ${trainer.secret ? `http://localhost:${port}/trainer/<TRAINER_SECRET>` : "uit (zet TRAINER_SECRET, minstens 32 tekens)"}`);

// Colyseus handles SIGINT/SIGTERM itself (rooms are disposed first); the store closes last.
server.onShutdown(() => store.close());
