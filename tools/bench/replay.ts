/**
 * `npm run bench:replay`: a session of 10,000+ events, played through the real rules (simulate.ts: decide -> evolve,
 * 60 participants, both rounds, merging, voting, the casustoets and the terugkombijeenkomst), then:
 *
 *  - `replay(events)`: the fold a restart, the terugblik and every test use (target <= 100 ms);
 *  - the room re-opening after a restart: open the SQLite file, `store.load` (every row parsed with zod), `replay`,
 *    and the first projection (the full projection onto the Colyseus state plus the full encode the first client to
 *    join receives) (target <= 226 ms, issue 16). Measured in fresh processes, as a restart is: cold, nothing compiled
 *    yet, with the Node flags of `npm start`. Opening the store (the SQLite file, and compiling the event schema a
 *    load parses with: rows.ts) is what the server does once when it starts, before any room opens: printed, not
 *    counted;
 *  - the terugblik's board at a position, as its route makes it (the JSON it sends), as the autoplay asks for it: 40
 *    positions one after another at a quarter, half, three quarters and the end of the log, without the cache (the log
 *    replayed up to there) and with it (server/http/terugblikCache.ts: onto the cursor), the same position again (the
 *    other screen), and jumps back (onto a checkpoint). The route also loads the log unless the cache holds it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Encoder, StateView } from "@colyseus/schema";
import { replay } from "../../server/core/evolve.ts";
import { boardAt } from "../../server/core/timeline.ts";
import { playerView } from "../../server/core/view.ts";
import { TerugblikCache } from "../../server/http/terugblikCache.ts";
import { Projector } from "../../server/rooms/projection.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import { simulate } from "./simulate.ts";
import { startFlags } from "./startFlags.ts";

const TARGET_EVENTS = 10_000;

/** The re-open, as the room does it after a restart; returns the time of each part in ms. */
async function reopen(file: string, sessionId: string) {
  // The server opens its store once, when it starts; a room opens when the first client after the restart comes.
  const opening = performance.now();
  const store = new SqliteEventStore(file);
  const storeOpen = performance.now() - opening;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const stored = await store.load(sessionId);
  const t1 = performance.now();
  const loadCpu = process.cpuUsage(c0);
  const state = replay(stored.map((s) => s.event));
  const t2 = performance.now();
  const projector = new Projector();
  const encoder = new Encoder(projector.state);
  projector.sync(state, new Set(), stored.at(-1)?.seq ?? 0);
  const t3 = performance.now();
  // What the first client to join receives: the shared state and its own view.
  const shared = encoder.encodeAll({ offset: 0 }, new Uint8Array(projector.encodedSizeBound()));
  const view = new StateView();
  projector.attach(view, { kind: "spelleider" }, state);
  encoder.encodeAllView(view, shared.length, { offset: shared.length }, new Uint8Array(projector.encodedSizeBound()));
  const t4 = performance.now();
  const cpu = process.cpuUsage(c0);
  await store.close();
  // CPU time (all threads of the process) beside the wall time: on a shared machine the wall time also holds waiting.
  const ms = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  return { loadCpu: ms(loadCpu), totalCpu: ms(cpu), events: stored.length, storeOpen, load: t1 - t0, replay: t2 - t1, project: t3 - t2, encode: t4 - t3, total: t4 - t0, bytes: shared.length };
}

// Child mode: one cold re-open, printed as JSON for the parent.
if (process.argv[2] === "--reopen") {
  console.log(JSON.stringify(await reopen(process.argv[3] ?? "", process.argv[4] ?? "")));
  process.exit(0);
}

const { scenarios } = await loadScenarioDir(resolve("scenarios"));
const scenario = scenarios.get("demo-maatwerk");
if (!scenario) throw new Error("scenario demo-maatwerk ontbreekt");

const built = performance.now();
const sim = simulate({ scenario, variantId: "dag", participants: 60, seed: 3, eisenPerRound: 12, editsPerRound: 30, boardActions: 1_500, votesPerParticipant: 40, terugkom: true });
const buildMs = performance.now() - built;
const { events } = sim;
if (events.length < TARGET_EVENTS) throw new Error(`De simulatie gaf maar ${events.length} gebeurtenissen.`);
const kinds = new Map<string, number>();
for (const e of events) kinds.set(e.type, (kinds.get(e.type) ?? 0) + 1);
console.log(
  `Sessie door de echte regels gespeeld (decide -> evolve) in ${(buildMs / 1000).toFixed(1)} s: ${events.length.toLocaleString("en-US")} gebeurtenissen uit ${sim.commands.toLocaleString("en-US")} opdrachten (${sim.rejected} geweigerd), 60 deelnemers, beide dagen.`,
);
console.log(`  meest: ${[...kinds].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${n}`).join(", ")}`);

// replay(events), in this process: first run and the median of the next 20.
const runs: number[] = [];
for (let k = 0; k < 21; k++) {
  const started = performance.now();
  replay(events);
  runs.push(performance.now() - started);
}
const [first = 0, ...rest] = runs;
rest.sort((a, b) => a - b);
console.log(`\nreplay(${events.length.toLocaleString("en-US")} gebeurtenissen): eerste keer ${first.toFixed(1)} ms, daarna mediaan ${rest[10]?.toFixed(1)} ms, max ${rest.at(-1)?.toFixed(1)} ms (doel <= 100 ms)`);


// The log in a real SQLite file, as the server stores it; then re-open it in fresh processes.
const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-bench-replay-"));
try {
  const file = join(dir, "maatwerkspel.sqlite");
  const store = new SqliteEventStore(file);
  const [created, ...later] = events;
  if (created?.type !== "SessionCreated") throw new Error("log zonder SessionCreated");
  await store.createSession({ sessionId: created.sessionId, code: created.code, secretHash: "0".repeat(64), label: created.label, scenarioId: scenario.id, createdAt: created.at }, [created]);
  for (let at = 0; at < later.length; at += 500) await store.append(created.sessionId, at + 1, null, later.slice(at, at + 500));
  await store.close();

  if (process.argv.includes("--keep")) console.log(`\nSQLite-bestand: ${file}, sessie ${created.sessionId}`);
  const self = fileURLToPath(import.meta.url);
  // With the flags npm start gives the server: a restart is npm start.
  const flags = startFlags(fileURLToPath(new URL("../../", import.meta.url)));
  const cold = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, [...flags, self, "--reopen", file, created.sessionId], { encoding: "utf8" })) as Awaited<ReturnType<typeof reopen>>);
  cold.sort((a, b) => a.total - b.total);
  const median = cold[2];
  if (!median) throw new Error("geen metingen");
  console.log(`\nKamer opnieuw openen na een herstart (5 verse processen, mediaan; ${median.events.toLocaleString("en-US")} gebeurtenissen, volledige toestand ${(median.bytes / 1024).toFixed(0)} KiB):`);
  console.log(`  store.load (elke gebeurtenis met zod) ${median.load.toFixed(1)} ms, replay ${median.replay.toFixed(1)} ms, eerste projectie ${median.project.toFixed(1)} ms, volledige encode voor de eerste client ${median.encode.toFixed(1)} ms`);
  console.log(`  totaal ${median.total.toFixed(1)} ms (alle runs: ${cold.map((c) => c.total.toFixed(0)).join(", ")} ms; doel <= 226 ms); CPU-tijd van het proces ${median.totalCpu.toFixed(0)} ms, waarvan store.load ${median.loadCpu.toFixed(0)} ms`);
  console.log(`  (de opslag openen, het SQLite-bestand en het gecompileerde schema van de gebeurtenissen, doet de server één keer bij het starten: ${median.storeOpen.toFixed(1)} ms, niet meegeteld)`);
  const warm = [];
  for (let k = 0; k < 5; k++) warm.push(await reopen(file, created.sessionId));
  warm.sort((a, b) => a.total - b.total);
  console.log(`  in een warm proces (na 5 keer): ${warm[2]?.total.toFixed(1)} ms`);

  const boardsStore = new SqliteEventStore(file);
  await terugblikBoards(boardsStore, created.sessionId);
  await boardsStore.close();
} finally {
  // `--keep`: leave the SQLite file for profiling (`node --cpu-prof tools/bench/replay.ts --reopen <file> <sessionId>`).
  if (process.argv.includes("--keep")) console.log(`\n(het bestand blijft staan: ${join(dir, "maatwerkspel.sqlite")})`);
  else rmSync(dir, { recursive: true, force: true });
}

/**
 * The terugblik's board at a position, as its route sends it: without the cache the route loaded the log from the
 * store and replayed it up to there for every board; with it, the log is kept and the board folded on.
 */
async function terugblikBoards(store: SqliteEventStore, sessionId: string): Promise<void> {
  const stored = await store.load(sessionId);
  const cache = new TerugblikCache();
  const log = cache.remember(sessionId, stored);
  const time = (f: () => unknown) => {
    const started = performance.now();
    f();
    return performance.now() - started;
  };
  const stats = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
    return `mediaan ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`;
  };
  const timeAsync = async (f: () => Promise<unknown>) => {
    const started = performance.now();
    await f();
    return performance.now() - started;
  };
  const runs = { load: [] as number[], without: [] as number[], forwards: [] as number[], again: [] as number[], back: [] as number[], fold: [] as number[], view: [] as number[] };
  for (const share of [0.25, 0.5, 0.75, 1]) {
    const end = Math.floor(share * stored.length);
    const from = Math.max(1, end - 39);
    for (let seq = from; seq <= end; seq++) {
      // Without the cache only every fourth (each loads the whole log).
      if ((end - seq) % 4 === 0) runs.without.push(await timeAsync(async () => JSON.stringify({ seq, view: boardAt(await store.load(sessionId), seq) })));
      runs.forwards.push(time(() => cache.boardJson(sessionId, log, seq)));
      runs.again.push(time(() => cache.boardJson(sessionId, log, seq)));
    }
    // What the time without the cache is made of: the fold up to there, and the board from the state.
    const state = replay(events.slice(0, end));
    runs.load.push(await timeAsync(() => store.load(sessionId)));
    runs.fold.push(time(() => replay(events.slice(0, end))));
    runs.view.push(time(() => JSON.stringify(playerView(state, { kind: "beamer" }))));
    // Jumps back, each to a position neither cursor nor the last boards hold.
    for (let k = 1; k <= 10; k++) runs.back.push(time(() => cache.boardJson(sessionId, log, Math.max(1, from - 97 * k))));
  }
  const figures = cache.figures();
  console.log(`
Terugblik: het bord op een positie zoals de route het stuurt (JSON), 40 posities na elkaar op 1/4, 1/2, 3/4 en het einde van het log:`);
  console.log(`  zonder cache (het log laden en tot daar opnieuw afspelen): ${stats(runs.without)}`);
  console.log(`    waarvan store.load ${stats(runs.load)}, afspelen tot daar ${stats(runs.fold)}, het beeld maken ${stats(runs.view)} (op de vier plekken)`);
  console.log(`  met cache, vooruit zoals de autoplay: ${stats(runs.forwards)}`);
  console.log(`  dezelfde positie nog eens (het andere scherm): ${stats(runs.again)}`);
  console.log(`  sprong terug (vanaf een controlepunt, elke 2,000 gebeurtenissen): ${stats(runs.back)}`);
  console.log(`  cache: ${figures.checkpoints} controlepunten, ${(figures.bytes / 2 ** 20).toFixed(1)} MiB geschat (log ${stored.length.toLocaleString("en-US")} gebeurtenissen inbegrepen), ${figures.folded.toLocaleString("en-US")} gebeurtenissen gevouwen voor ${runs.forwards.length + runs.back.length} borden`);
  console.log(`  (met cache laadt de route het log alleen opnieuw voor een positie voorbij het bewaarde einde)`);
}
