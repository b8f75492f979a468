/**
 * `npm run bots -- --players 12 [--scenario id] [--variant id] [--tables n] [--url http://host:port] [--seed n] [--terugkom]`
 * Plays a complete session with SDK clients; with --terugkom also the terugkombijeenkomst (reflections, kader v2). Without --url it starts a real server on a free local port with a
 * fresh SQLite file in a temporary directory, and stops it afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildServer } from "../app.ts";
import { loadScenarioDir } from "../scenarios/load.ts";
import { SqliteEventStore } from "../store/sqlite.ts";
import { playSession } from "./play.ts";
import { playTerugkom } from "./terugkom.ts";

const { values } = parseArgs({
  options: {
    players: { type: "string", default: "12" },
    scenario: { type: "string", default: "demo-maatwerk" },
    variant: { type: "string" },
    url: { type: "string" },
    seed: { type: "string", default: "1" },
    terugkom: { type: "boolean", default: false },
    tables: { type: "string" },
  },
});

const players = Number(values.players);
const tables = values.tables === undefined ? undefined : Number(values.tables);
if (tables !== undefined && (!Number.isInteger(tables) || tables < 1 || tables > 12)) {
  console.error("--tables moet een heel getal van 1 tot en met 12 zijn.");
  process.exit(2);
}
// Tafels need a plenair phase: without a chosen variant the demo's tafels variant is used.
const variant = values.variant ?? (tables && tables > 1 && values.scenario === "demo-maatwerk" ? "tafels" : undefined);
if (!Number.isInteger(players) || players < 1 || players > 60) {
  console.error("--players moet een heel getal van 1 tot en met 60 zijn.");
  process.exit(2);
}

async function withLocalServer<T>(run: (baseUrl: string) => Promise<T>): Promise<T> {
  const { scenarios, errors } = await loadScenarioDir(resolve("scenarios"));
  for (const e of errors) console.error(`Scenario ${e.file} overgeslagen: ${e.problems.map((p) => p.message).join("; ")}`);
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
  const report = await playSession({ baseUrl, players, scenarioId: values.scenario, variantId: variant, tables, seed: Number(values.seed), log });
  if (values.terugkom) await playTerugkom(report.context, { seed: Number(values.seed), log });
  return report;
};

const report = values.url ? await play(values.url) : await withLocalServer(play);
await Promise.all([report.context.spelleider, ...report.context.players].map((c) => c.leave()));
console.log(
  `Klaar: ${report.phases.length + 1} fasen, ${report.commands} opdrachten (${report.rejected} geweigerd), ${report.items} items in het kader, ${(report.ms / 1000).toFixed(1)} s.`,
);
process.exit(0);
