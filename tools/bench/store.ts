/**
 * `npm run bench:store [-- --appends 2000 --sessions 300 --per-session 20]`: what an append costs on node:sqlite with
 * the real SqliteEventStore, durable (WAL, synchronous = FULL: synced before the promise resolves), in a temporary
 * directory on the same disk as the system's temp dir.
 *
 *  - one sync on its own: a bare BEGIN / INSERT / COMMIT, the floor under every durable append;
 *  - sequential: one session appends one event at a time, each awaited (one room, commands one by one);
 *  - concurrent: many sessions append at once, each session one after another (a busy server: every room its queue).
 *
 * The store is the one the server runs: its writer thread syncs, and the appends that wait at the same time share one
 * commit (group commit). Printed per load: µs per event, events/s, the latency of an append (p50 / p99), and how much
 * of the main thread the store took (event-loop utilisation: the sync happens in the writer thread, not here).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { ENGINE_VERSION } from "../../server/core/state.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";

const { values } = parseArgs({
  options: {
    appends: { type: "string", default: "2000" },
    sessions: { type: "string", default: "300" },
    "per-session": { type: "string", default: "20" },
  },
});
const APPENDS = Number(values.appends);
const SESSIONS = Number(values.sessions);
const PER_SESSION = Number(values["per-session"]);

const { scenarios } = await loadScenarioDir(resolve("scenarios"));
const found = scenarios.get("demo-maatwerk");
if (!found) throw new Error("scenario demo-maatwerk ontbreekt");
const scenario = found;
const T0 = Date.UTC(2026, 2, 12, 9);
const TEXT = "De professional mag binnen het maatwerkbudget zelfstandig besluiten tot een vastgesteld bedrag, en legt uit waarom.";

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
}

async function measure(run: (timed: (append: () => Promise<unknown>) => Promise<void>) => Promise<number>): Promise<Result> {
  const latencies: number[] = [];
  // From the call to the answer (the writer thread has synced the commit that holds it).
  const timed = async (append: () => Promise<unknown>) => {
    const started = performance.now();
    await append();
    latencies.push((performance.now() - started) * 1000);
  };
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const events = await run(timed);
  const seconds = (performance.now() - started) / 1000;
  const used = performance.eventLoopUtilization(elu);
  latencies.sort((a, b) => a - b);
  return { events, seconds, latencies, mainThreadBusy: used.utilization };
}

function line(label: string, r: Result): string {
  return (
    `  ${label.padEnd(26)} ${((r.seconds * 1e6) / r.events).toFixed(0).padStart(6)} µs/gebeurtenis  ${Math.round(r.events / r.seconds).toLocaleString("en-US").padStart(7)} gebeurtenissen/s` +
    `   append p50 ${(quantile(r.latencies, 0.5) / 1000).toFixed(2).padStart(6)} ms, p99 ${(quantile(r.latencies, 0.99) / 1000).toFixed(2).padStart(7)} ms` +
    `   hoofdthread bezet ${(r.mainThreadBusy * 100).toFixed(0).padStart(3)} %`
  );
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

  console.log("\nSqliteEventStore (schrijfthread met groepscommit, zoals de server hem gebruikt):");
  const store = new SqliteEventStore(join(dir, "store.sqlite"));
  // Sequential: one session, every append awaited before the next.
  const one = await newSession(store, 0);
  const sequential = await measure(async (timed) => {
    for (let k = 0; k < APPENDS; k++) await timed(() => store.append(one, k + 1, `d1:c${k}`, [eis(k)]));
    return APPENDS;
  });
  console.log(line(`na elkaar, 1 sessie`, sequential));
  // Concurrent: many sessions at once, each one after another.
  const ids = await Promise.all(Array.from({ length: SESSIONS }, (_, n) => newSession(store, n + 1)));
  const concurrent = await measure(async (timed) => {
    await Promise.all(
      ids.map(async (id) => {
        for (let k = 0; k < PER_SESSION; k++) await timed(() => store.append(id, k + 1, `d1:c${k}`, [eis(k)]));
      }),
    );
    return SESSIONS * PER_SESSION;
  });
  console.log(line(`tegelijk, ${SESSIONS} sessies`, concurrent));
  await store.close();
  console.log("\nElke append is gesynchroniseerd voordat zijn belofte wordt ingelost; groepscommit bundelt alleen de appends die tegelijk wachten.");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
