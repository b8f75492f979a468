/**
 * `npm run bench:store [-- --appends 2000 --sessions 300 --per-session 20]`: what an append costs on node:sqlite with
 * the real SqliteEventStore, durable (WAL, synchronous = FULL: synced before the promise resolves), in a temporary
 * directory on the same disk as the system's temp dir.
 *
 *  - one sync on its own: a bare BEGIN / INSERT / COMMIT, the floor under every durable append;
 *  - sequential: one session appends one event at a time, each awaited (one room, commands one by one);
 *  - concurrent: many sessions append at once, each session one after another (a busy server: every room its queue);
 *  - paced: the same sessions append at a steady total rate (`--rate` events/s for `--seconds`), each one every
 *    sessions/rate seconds, starts spread evenly: the load of `npm run bench:load`, where a commit holds a few appends.
 *
 * The store is the one the server runs: its writer thread syncs, and the appends that wait at the same time share one
 * commit (group commit). Printed per load: µs per event, events/s, the latency of an append (p50 / p99), how much
 * of the main thread the store took (event-loop utilisation: the sync happens in the writer thread, not here), and the
 * CPU time per event of each thread: the main thread (process.threadCpuUsage: zod, rows, hand-over to the writer,
 * answers) and the writer thread (its own threadCpuUsage, asked from it: SQLite, hashing, the commit). The CPU figures
 * are the ones to compare between versions of the store; wall-clock µs/event mostly measures the disk's sync.
 * Each append carries a command key as the server stores it: the participant and a random command id, as the client
 * makes them (a key in order would make the store's work look smaller than it is when an index covers the keys).
 * `--rounds N` repeats each load N times and prints every round, then the median. `--gather MS` sets the store's
 * gatherMs (default GATHER_MS in sqlite.ts; 0 sends to the writer as soon as it is free) to compare.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { performance } from "node:perf_hooks";
import { toolArgs } from "../args.ts";
import { ENGINE_VERSION } from "../../server/core/state.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { GATHER_MS, SqliteEventStore } from "../../server/store/sqlite.ts";
import { newId } from "../../game/src/net/sessionClient.ts";

const USAGE = [
  "Gebruik: npm run bench:store -- [opties]",
  "",
  "Wat een duurzame append kost op node:sqlite: tijd, en CPU per event van de hoofd- en de schrijfthread.",
  "  --appends N      appends na elkaar in één sessie (standaard 2000)",
  "  --sessions N     sessies tegelijk (300), --per-session N appends per sessie (20)",
  "  --rate N         appends per seconde in de gelijkmatige last (1500), --seconds N hoe lang (6)",
  "  --rounds N       herhaal elke last N keer en druk de mediaan af (3)",
  "  --gather MS      gatherMs van de opslag (standaard GATHER_MS in server/store/sqlite.ts)",
].join("\n");

const { values } = toolArgs({
  options: {
    appends: { type: "string", default: "2000" },
    sessions: { type: "string", default: "300" },
    "per-session": { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
    rate: { type: "string", default: "1500" },
    gather: { type: "string" },
    seconds: { type: "string", default: "6" },
  },
}, USAGE);
const APPENDS = Number(values.appends);
const SESSIONS = Number(values.sessions);
const PER_SESSION = Number(values["per-session"]);
const ROUNDS = Number(values.rounds);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);

const { scenarios } = await loadScenarioDir(resolve("scenarios"));
const found = scenarios.get("demo-maatwerk");
if (!found) throw new Error("scenario demo-maatwerk ontbreekt");
const scenario = found;
const T0 = Date.UTC(2026, 2, 12, 9);
const TEXT = "De professional mag binnen het maatwerkbudget zelfstandig besluiten tot een vastgesteld bedrag, en legt uit waarom.";

/** A participant's key for a command, as pipeline.ts stores it: `participantId:commandId`, the id made as the client makes it. */
const commandKey = (): string => `d1:${newId("c")}`;
/** One eis, as a participant writes it: the event the busy phases append most. */
const eis = (k: number): SessionEvent => ({ type: "EisWritten", v: 1, at: T0 + k, eisId: `e${k}`, roundId: "ronde1", authorId: `d${(k % 10) + 1}`, role: "burger", categoryId: "mandaat", text: TEXT });

async function newSession(store: SqliteEventStore, n: number): Promise<string> {
  const sessionId = `sbench${String(n).padStart(6, "0")}`;
  const code = `B${String(n).padStart(5, "0")}`;
  const created: SessionEvent = { type: "SessionCreated", v: 1, at: T0, sessionId, code, label: "bench", scenario, variantId: "kort", engineVersion: ENGINE_VERSION };
  await store.createSession({ sessionId, code, secretHash: `${n}`.padStart(64, "0"), label: "bench", scenarioId: scenario.id, createdAt: T0 }, [created]);
  return sessionId;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

interface Result {
  events: number;
  seconds: number;
  latencies: number[];
  mainThreadBusy: number;
  /** CPU time per event in µs (user + system), of the main thread and of the writer thread. */
  mainCpu: number;
  writerCpu: number;
  /** Of which in the kernel (system time). */
  mainSystem: number;
  writerSystem: number;
  /** Appends per commit of the writer thread. */
  perCommit: number;
}

const cpu = (u: { user: number; system: number }) => u.user + u.system;

async function measure(store: SqliteEventStore, run: (timed: (append: () => Promise<unknown>) => Promise<void>) => Promise<number>): Promise<Result> {
  const latencies: number[] = [];
  // From the call to the answer (the writer thread has synced the commit that holds it).
  const timed = async (append: () => Promise<unknown>) => {
    const started = performance.now();
    await append();
    latencies.push((performance.now() - started) * 1000);
  };
  const writerBefore = await store.writerUsage();
  const mainBefore = process.threadCpuUsage();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const events = await run(timed);
  const seconds = (performance.now() - started) / 1000;
  const used = performance.eventLoopUtilization(elu);
  const main = process.threadCpuUsage(mainBefore);
  const writerAfter = await store.writerUsage();
  latencies.sort((a, b) => a - b);
  return {
    events,
    seconds,
    latencies,
    mainThreadBusy: used.utilization,
    mainCpu: cpu(main) / events,
    writerCpu: (cpu(writerAfter) - cpu(writerBefore)) / events,
    mainSystem: main.system / events,
    writerSystem: (writerAfter.system - writerBefore.system) / events,
    perCommit: events / Math.max(1, writerAfter.commits - writerBefore.commits),
  };
}

function line(label: string, r: Result): string {
  return (
    `  ${label.padEnd(30)} ${((r.seconds * 1e6) / r.events).toFixed(0).padStart(6)} µs/gebeurtenis  ${Math.round(r.events / r.seconds).toLocaleString("en-US").padStart(7)} gebeurtenissen/s` +
    `   append p50 ${(quantile(r.latencies, 0.5) / 1000).toFixed(2).padStart(6)} ms, p99 ${(quantile(r.latencies, 0.99) / 1000).toFixed(2).padStart(7)} ms` +
    `   hoofdthread bezet ${(r.mainThreadBusy * 100).toFixed(0).padStart(3)} %` +
    `   CPU/gebeurtenis: hoofdthread ${r.mainCpu.toFixed(1).padStart(5)} µs, schrijfthread ${r.writerCpu.toFixed(1).padStart(5)} µs` +
    ` (waarvan systeem ${r.mainSystem.toFixed(1)} en ${r.writerSystem.toFixed(1)} µs)   ${r.perCommit.toFixed(1)} per commit`
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** The median of every figure over the rounds (each figure on its own). */
function medianOf(results: Result[]): Result {
  return {
    events: results[0]?.events ?? 0,
    seconds: median(results.map((r) => r.seconds)),
    latencies: results.flatMap((r) => r.latencies).sort((a, b) => a - b),
    mainThreadBusy: median(results.map((r) => r.mainThreadBusy)),
    mainCpu: median(results.map((r) => r.mainCpu)),
    writerCpu: median(results.map((r) => r.writerCpu)),
    mainSystem: median(results.map((r) => r.mainSystem)),
    writerSystem: median(results.map((r) => r.writerSystem)),
    perCommit: median(results.map((r) => r.perCommit)),
  };
}

/**
 * Paced: every session appends every SESSIONS / RATE seconds for SECONDS, starts spread evenly over one interval,
 * each session's appends one after another (numbered on after the PER_SESSION of the concurrent load). Returns how many.
 */
async function pace(ids: readonly string[], append: (id: string, seq: number) => Promise<void>): Promise<number> {
  const interval = (ids.length / RATE) * 1000;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let events = 0;
  await Promise.all(
    ids.map(async (id, n) => {
      let seq = PER_SESSION + 1;
      for (let due = start + (n * interval) / ids.length; due < end; due += interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await append(id, seq++);
        events++;
      }
    }),
  );
  return events;
}

const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-bench-store-"));
try {
  // The floor: one synced commit of one row, nothing else.
  const raw = new DatabaseSync(join(dir, "raw.sqlite"));
  raw.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (body TEXT)");
  const insert = raw.prepare("INSERT INTO t VALUES (?)");
  const syncs: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const started = performance.now();
    raw.exec("BEGIN IMMEDIATE");
    insert.run(TEXT);
    raw.exec("COMMIT");
    syncs.push((performance.now() - started) * 1000);
  }
  raw.close();
  syncs.sort((a, b) => a - b);
  console.log(`Eén gesynchroniseerde commit (BEGIN, INSERT, COMMIT; WAL, synchronous=FULL), 1000 keer, in ${tmpdir()}:`);
  console.log(`  p50 ${(quantile(syncs, 0.5) / 1000).toFixed(3)} ms, p90 ${(quantile(syncs, 0.9) / 1000).toFixed(3)} ms, p99 ${(quantile(syncs, 0.99) / 1000).toFixed(3)} ms, max ${(quantile(syncs, 1) / 1000).toFixed(3)} ms`);

  // What the paced loop itself costs the main thread (timers, promises, the bench's bookkeeping), without a store.
  const idle = Array.from({ length: SESSIONS }, (_, n) => `leeg${n}`);
  const mainBefore = process.threadCpuUsage();
  const paced = await pace(idle, async () => {});
  console.log(`\nDe gespreide belasting zelf (timers, beloftes), zonder opslag: hoofdthread ${(cpu(process.threadCpuUsage(mainBefore)) / paced).toFixed(1)} µs/gebeurtenis.`);

  console.log(`\nSqliteEventStore (schrijfthread met groepscommit, zoals de server hem gebruikt; verzamelen ${values.gather ?? GATHER_MS} ms):`);
  const store = new SqliteEventStore(join(dir, "store.sqlite"), values.gather === undefined ? {} : { gatherMs: Number(values.gather) });
  let sessionNumber = 0;
  const sequentials: Result[] = [];
  const concurrents: Result[] = [];
  const paceds: Result[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Sequential: one session, every append awaited before the next.
    const one = await newSession(store, sessionNumber++);
    const sequential = await measure(store, async (timed) => {
      for (let k = 0; k < APPENDS; k++) await timed(() => store.append(one, k + 1, commandKey(), [eis(k)]));
      return APPENDS;
    });
    sequentials.push(sequential);
    console.log(line(`na elkaar, 1 sessie (${round})`, sequential));
    // Concurrent: many sessions at once, each one after another.
    const ids = await Promise.all(Array.from({ length: SESSIONS }, () => newSession(store, sessionNumber++)));
    const concurrent = await measure(store, async (timed) => {
      await Promise.all(
        ids.map(async (id) => {
          for (let k = 0; k < PER_SESSION; k++) await timed(() => store.append(id, k + 1, commandKey(), [eis(k)]));
        }),
      );
      return SESSIONS * PER_SESSION;
    });
    concurrents.push(concurrent);
    console.log(line(`tegelijk, ${SESSIONS} sessies (${round})`, concurrent));
    const paced = await measure(store, (timed) => pace(ids, (id, k) => timed(() => store.append(id, k, commandKey(), [eis(k)]))));
    paceds.push(paced);
    console.log(line(`gespreid, ${RATE}/s (${round})`, paced));
  }
  await store.close();
  if (ROUNDS > 1) {
    console.log(`\nMediaan over ${ROUNDS} rondes (latentie: over alle appends):`);
    console.log(line("na elkaar, 1 sessie", medianOf(sequentials)));
    console.log(line(`tegelijk, ${SESSIONS} sessies`, medianOf(concurrents)));
    console.log(line(`gespreid, ${RATE}/s`, medianOf(paceds)));
  }
  console.log("\nElke append is gesynchroniseerd voordat zijn belofte wordt ingelost; groepscommit bundelt alleen de appends die tegelijk wachten.");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
