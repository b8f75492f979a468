/**
 * `npm run bots -- --players 12 [--scenario id] [--variant id] [--tables n] [--url http://host:port] [--seed n] [--terugkom]`
 * Plays a complete session with SDK clients; with --terugkom also the terugkombijeenkomst (reflections, kader v2). Without --url it starts a real server on a free local port with a
 * fresh SQLite file in a temporary directory, with the scenarios of SCENARIO_DIR (as the server; default scenarios/), and stops it afterwards.
 * At the end it names the cases the group tested, with the group's decision and the Toets verdicts per case.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildServer } from "../../server/app.ts";
import type { SessionClient } from "../../game/src/net/sessionClient.ts";
import { VERDICTS } from "#shared/protocol/ids.ts";
import { loadScenarioDir, startupReport } from "../../server/scenarios/load.ts";
import { isWithheld } from "../../server/scenarios/privacy.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import { playSession } from "./play.ts";
import { playTerugkom } from "./terugkom.ts";

const USAGE = `Gebruik: npm run bots -- [opties]

Speelt een hele sessie met bots (een spelleider en deelnemers, echte SDK-clients) en meldt per fase wat er gebeurde,
en aan het eind welke casussen getoetst zijn, met het besluit en de oordelen van De Omgekeerde Toets.

Opties:
  --players <n>     aantal deelnemers, 1 tot en met 60 (standaard 12)
  --scenario <id>   het scenario (standaard demo-maatwerk, of het eerste scenario in SCENARIO_DIR)
  --variant <id>    de variant van het scenario (standaard de eerste)
  --tables <n>      verdeel de groep in n tafels, 1 tot en met 12 (bij demo-maatwerk: de variant tafels)
  --seed <n>        startgetal voor de keuzes van de bots (standaard 1), zodat een run te herhalen is
  --terugkom        speel daarna ook de terugkombijeenkomst (reflecties, aanvullingen, kader versie 2)
  --url <adres>     gebruik een draaiende server, bijvoorbeeld http://localhost:2567
  -h, --help        toon deze uitleg

Zonder --url start er een tijdelijke server met een nieuwe SQLite-database, met de scenario's uit SCENARIO_DIR
(net als de server; standaard de map scenarios/).`;

let values: { players: string; scenario?: string; variant?: string; url?: string; seed: string; terugkom: boolean; tables?: string; help: boolean };
try {
  ({ values } = parseArgs({
    options: {
      players: { type: "string", default: "12" },
      scenario: { type: "string" },
      variant: { type: "string" },
      url: { type: "string" },
      seed: { type: "string", default: "1" },
      terugkom: { type: "boolean", default: false },
      tables: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (error) {
  // An unknown option or a missing value: say which, in Dutch, then how it is used.
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  const option = error instanceof Error ? (/'(-{1,2}[\w-]+)/.exec(error.message)?.[1] ?? "") : "";
  const what =
    code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
      ? `De optie ${option} ken ik niet.`
      : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
        ? `Bij de optie ${option} hoort een waarde, bijvoorbeeld ${option} 12.`
        : code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
          ? "Zet voor elke waarde de naam van de optie, bijvoorbeeld --players 12."
          : "Deze opdracht klopt niet.";
  console.error(`${what}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scenarioDir = resolve(process.env.SCENARIO_DIR ?? "scenarios");
const loaded = values.url ? undefined : await loadScenarioDir(scenarioDir);
for (const line of loaded ? startupReport(loaded) : []) console.error(line.text);
const offered = loaded ? [...loaded.scenarios.values()].filter((s) => !isWithheld(s)).map((s) => s.id) : [];
const scenarioId = values.scenario ?? (loaded && !offered.includes("demo-maatwerk") && offered[0] !== undefined ? offered[0] : "demo-maatwerk");

const players = Number(values.players);
const tables = values.tables === undefined ? undefined : Number(values.tables);
if (tables !== undefined && (!Number.isInteger(tables) || tables < 1 || tables > 12)) {
  console.error("--tables moet een heel getal van 1 tot en met 12 zijn.");
  process.exit(2);
}
// Tafels need a plenair phase: without a chosen variant the demo's tafels variant is used.
const variant = values.variant ?? (tables && tables > 1 && scenarioId === "demo-maatwerk" ? "tafels" : undefined);
if (!Number.isInteger(players) || players < 1 || players > 60) {
  console.error("--players moet een heel getal van 1 tot en met 60 zijn.");
  process.exit(2);
}

async function withLocalServer<T>(run: (baseUrl: string) => Promise<T>): Promise<T> {
  const scenarios = loaded?.scenarios ?? new Map();
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-bots-"));
  const store = new SqliteEventStore(join(dir, "bots.sqlite"));
  // All bots come from this machine at once: up to a full session of new seats in one go (limits.ts NEW_SEATS).
  const server = buildServer({ store, scenarios, newSeats: { burst: 60, refillMs: 1_000 } });
  const port = 20000 + Math.floor(Math.random() * 20000);
  await server.listen(port, "127.0.0.1");
  try {
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    await server.gracefullyShutdown(false);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const play = async (baseUrl: string) => {
  const log = (line: string) => console.log(line);
  const report = await playSession({ baseUrl, players, scenarioId, variantId: variant, tables, seed: Number(values.seed), log });
  if (values.terugkom) await playTerugkom(report.context, { seed: Number(values.seed), log });
  return report;
};

const report = values.url ? await play(values.url) : await withLocalServer(play);
await Promise.all([report.context.spelleider, ...report.context.players].map((c) => c.leave()));
for (const line of casesTested(report.context.spelleider)) console.log(line);
console.log(
  `Klaar: ${report.phases.length + 1} fasen, ${report.commands} opdrachten (${report.rejected} geweigerd), ${report.items} items in het kader, ${(report.ms / 1000).toFixed(1)} s.`,
);
process.exit(0);

/** The cases the group tested: title and id, the group's decision, and the Toets verdicts counted per kind. */
function casesTested(spelleider: SessionClient): string[] {
  const VERDICT_WORDS: Record<(typeof VERDICTS)[number], string> = { helpt: "helpt", staat_in_de_weg: "staat in de weg", niet_van_toepassing: "niet van toepassing" };
  const tested = spelleider.cases.filter((c) => c.decision !== null || c.verdicts.length > 0);
  if (tested.length === 0) return ["Getoetste casussen: geen (deze variant heeft geen casustoets)."];
  return [
    `Getoetste casussen (${tested.length}):`,
    ...tested.map((c) => {
      const counts = VERDICTS.map((v) => [v, c.verdicts.filter((x) => x.verdict === v).length] as const).filter(([, n]) => n > 0);
      const verdicts = counts.length > 0 ? counts.map(([v, n]) => `${n}× ${VERDICT_WORDS[v]}`).join(", ") : "geen oordelen";
      const decision = c.decision ? `besluit "${c.decision.decision}"` : "nog geen besluit";
      return `  - ${c.title} (${c.id}): ${decision}; oordelen over het programma van eisen: ${verdicts}.`;
    }),
  ];
}
