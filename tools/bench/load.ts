/**
 * `npm run bench:load -- --sessions 300 --per-session 10 --seconds 60 [--interval 2000] [--join-rate 100]
 *   [--workers 2] [--baseline broadcast,durable,echo] [--stagger 0] [--processes N] [--variant kort] [--seed 1] [--profile dir] [--window-profile dir]
 *   [--server-dir dir] [--quiet 25] [--attempts 3]`
 * `--processes N` (N >= 2) runs the same clients also against N server processes on Redis + PostgreSQL (throwaway
 * servers, or DATABASE_URL / REDIS_URL when set), each client process on one of them, and prints 1 and N side by side.
 *
 * Proof under load. Starts the real server as a child process on loopback (fresh temporary DATA_DIR, the same
 * `node server/main.ts` as `npm start`), forks client processes (loadWorker.ts) that create the sessions over HTTP
 * and seat a spelleider and the participants with real `@colyseus/sdk` clients, ramps the joins, waits until all
 * are in, and then measures a steady window of `--seconds`: every participant acts like a person every ~`interval`
 * ms (exponential think time) and the spelleider paces rolwissel -> samenvoegen -> prioriteren. Printed: command ->
 * ack latency (measured in the clients), commands/s, participants still connected, rejections and errors, and the
 * server process's CPU and RSS from /proc, and its heap by space (heapProbe.ts, over IPC). With `--baseline` the same
 * clients then run against bare Colyseus rooms (baselineServer.ts): `broadcast` appends each command's text to the
 * state, patches it to the session and acks (the least a shared board must do), `durable` first stores each command
 * in the game's own SQLite store (durability, which the game promises), `echo` only acks; the ratios ours/broadcast,
 * ours/durable and ours/echo are printed in one table.
 *
 * Load models: the stress model (default) moves every session through its phases within the same 3 s; `--stagger S`
 * spreads the sessions' starts evenly over S seconds, as on a training day, and the window becomes S + `--seconds`.
 *
 * `--profile dir` starts our server with `--cpu-prof` and prints where its CPU time went (self time per function).
 * `--window-profile dir` profiles the main thread of every server it runs (ours and the baselines) during the measured
 * window only, joins left out, into <dir>/<label>.cpuprofile, and prints the same summary for each.
 * `--heap-snapshots dir` writes our server's heap at the start and the end of the window (start/end.heapsnapshot, the
 * server pauses meanwhile); `node tools/bench/heapDiff.ts dir/start.heapsnapshot dir/end.heapsnapshot` says what grew.
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, createWriteStream } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import type { WorkerMessage, WorkerResult, WorkerSetup, WorkerStart } from "./loadWorker.ts";
import { BASELINES, isBaseline, type Baseline } from "./baselineServer.ts";
import type { HeapReport } from "./heapProbe.ts";
import { startProcesses } from "./processes.ts";
import { freePort, missingServices } from "./services.ts";
import { startFlags } from "./startFlags.ts";
import { toolArgs } from "../args.ts";

const USAGE = [
  "Gebruik: npm run bench:load -- [opties]",
  "",
  "De server onder last met echte SDK-clients; drukt p50/p95/p99 van opdracht tot antwoord, CPU per opdracht en geheugen af.",
  "  --sessions N        sessies (standaard 300)",
  "  --per-session N     deelnemers per sessie (10)",
  "  --seconds N         lengte van het meetvenster in seconden (60)",
  "  --interval MS       gemiddelde tijd tussen twee opdrachten van één deelnemer (2000)",
  "  --join-rate N       deelnemers die per seconde binnenkomen (100)",
  "  --workers N         processen voor de clients (2)",
  "  --baseline LIJST    ook de kale kamers: broadcast, durable, echo (bv. broadcast,durable)",
  "  --stagger S         spreid de starts van de sessies over S seconden (0: alle fasen tegelijk, het stressmodel)",
  "  --processes N       serverprocessen op Redis en PostgreSQL (1 tot en met 8; 1: één server op SQLite)",
  "  --scenario ID       scenario (demo-maatwerk), --variant ID variant (kort), --seed N",
  "  --profile PAD       CPU-profiel van de hele run; --window-profile MAP alleen van het meetvenster",
  "  --server-log PREFIX bewaar de uitvoer van elke server; --server-dir MAP draai de server uit een andere checkout",
  "  --quiet PROCENT     wacht tot andere processen minder dan dit van de machine gebruiken (25); --attempts N (3)",
  "  --heap-snapshots MAP heap snapshots aan het begin en eind van het venster",
  "Meer: docs/performance.md.",
].join("\n");

const { values } = toolArgs({
  options: {
    sessions: { type: "string", default: "300" },
    "per-session": { type: "string", default: "10" },
    seconds: { type: "string", default: "60" },
    interval: { type: "string", default: "2000" },
    "join-rate": { type: "string", default: "100" },
    workers: { type: "string", default: "2" },
    baseline: { type: "string" },
    stagger: { type: "string", default: "0" },
    processes: { type: "string", default: "1" },
    scenario: { type: "string", default: "demo-maatwerk" },
    variant: { type: "string", default: "kort" },
    seed: { type: "string", default: "1" },
    profile: { type: "string" },
    "window-profile": { type: "string" },
    "server-log": { type: "string" },
    quiet: { type: "string", default: "25" },
    "server-dir": { type: "string" },
    attempts: { type: "string", default: "3" },
    "heap-snapshots": { type: "string" },
  },
}, USAGE);

const opts = {
  sessions: Number(values.sessions),
  perSession: Number(values["per-session"]),
  seconds: Number(values.seconds),
  interval: Number(values.interval),
  joinRate: Number(values["join-rate"]),
  workers: Number(values.workers),
  /** The baseline rooms to run as well, in the order given (e.g. "broadcast,echo"). */
  baselines: (values.baseline ?? "").split(",").map((b) => b.trim()).filter(Boolean),
  /** Seconds over which the sessions' starts are spread; 0: the stress model. */
  stagger: Number(values.stagger),
  processes: Number(values.processes),
  scenarioId: values.scenario,
  variantId: values.variant,
  seed: Number(values.seed),
  profile: values.profile ? resolve(values.profile) : undefined,
  /** Profile every server's main thread during the measured window only, into <dir>/<label>.cpuprofile. */
  windowProfile: values["window-profile"] ? resolve(values["window-profile"]) : undefined,
  /** Keep each server's output (stdout and stderr) as <prefix>-ours.log / <prefix>-echo.log. */
  serverLog: values["server-log"] ? resolve(values["server-log"]) : undefined,
  /** Before each run, wait (up to 15 minutes) until other processes use less than this % of the machine; 100: never wait. */
  quiet: Number(values.quiet),
  /** Run our server from another checkout (its server/main.ts), e.g. an older commit, to compare versions. */
  serverDir: values["server-dir"] ? resolve(values["server-dir"]) : process.cwd(),
  /** A run during which other processes used more than `quiet` % of the machine is done again, up to this many times. */
  attempts: Math.max(1, Number(values.attempts)),
  /** Write our server's heap to <dir>/start.heapsnapshot and <dir>/end.heapsnapshot (diagnosis; the server pauses). */
  heapSnapshots: values["heap-snapshots"] ? resolve(values["heap-snapshots"]) : undefined,
};
for (const [name, value] of Object.entries({ sessions: opts.sessions, "per-session": opts.perSession, seconds: opts.seconds, interval: opts.interval, "join-rate": opts.joinRate, workers: opts.workers })) {
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} moet een positief getal zijn.`);
    process.exit(2);
  }
}
if (!Number.isInteger(opts.processes) || opts.processes < 1 || opts.processes > 8) {
  console.error("--processes moet een heel getal van 1 tot en met 8 zijn.");
  process.exit(2);
}
const baselines: Baseline[] = [];
for (const b of opts.baselines) {
  if (!isBaseline(b)) {
    console.error(`--baseline kent alleen ${BASELINES.map((known) => `'${known}'`).join(", ")} (ook samen, bv. broadcast,durable,echo), niet '${b}'.`);
    process.exit(2);
  }
  if (!baselines.includes(b)) baselines.push(b);
}
if (!Number.isFinite(opts.stagger) || opts.stagger < 0) {
  console.error("--stagger moet 0 of een positief aantal seconden zijn.");
  process.exit(2);
}
/** The measured window: every session plays `seconds`, the last one starts `stagger` seconds after the first. */
const windowSeconds = opts.seconds + opts.stagger;

const sum = (pids: readonly number[], f: (pid: number) => number): number => pids.reduce((total, pid) => total + f(pid), 0);
/** Share of the machine (%) that other processes used during the window. */
const othersDuring = (r: RunResult) => Math.max(0, r.machineBusy * 100 - ((r.serverCpuSeconds + r.clientCpuSeconds) / (windowSeconds * cpus().length)) * 100);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;


/** CPU seconds (user + system) of a process so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}
/** CPU seconds of a process's main thread (its thread id is its pid) apart from its other threads (workers, libuv, V8). */
function mainThreadCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}
/**
 * CPU seconds of a process's threads other than the main one, by name (/proc/<pid>/task/<tid>/comm): "WorkerThread"
 * is a worker (the SQLite writer), "V8Worker" V8's helpers (concurrent GC, compiling), "libuv-worker" the thread pool.
 */
function threadCpuByName(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      if (tid === String(pid)) continue;
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        byName.set(name, (byName.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLK_TCK);
      } catch {
        // The thread ended meanwhile.
      }
    }
  } catch {
    // The process ended.
  }
  return byName;
}
/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
function machineJiffies(): { busy: number; total: number } {
  const [line = ""] = readFileSync("/proc/stat", "utf8").split("\n");
  const n = line.trim().split(/\s+/).slice(1).map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: total - idle, total };
}
/** Time (µs) that at least one runnable task waited for a CPU (pressure stall information), if the kernel has it. */
function cpuPressureMicros(): number | null {
  if (!existsSync("/proc/pressure/cpu")) return null;
  const match = /^some .*total=(\d+)/m.exec(readFileSync("/proc/pressure/cpu", "utf8"));
  return match ? Number(match[1]) : null;
}

/** Waits until the machine is quiet enough to measure: others' load would be measured as ours. */
async function waitForQuiet(label: string): Promise<number> {
  if (opts.quiet >= 100) return NaN;
  const started = Date.now();
  let announced = false;
  for (;;) {
    const a = machineJiffies();
    await sleep(5_000);
    const b = machineJiffies();
    const busy = ((b.busy - a.busy) / Math.max(1, b.total - a.total)) * 100;
    if (busy < opts.quiet || Date.now() - started > 15 * 60_000) {
      if (announced || busy >= opts.quiet) console.log(`[${label}] machine ${busy.toFixed(0)} % bezet na ${((Date.now() - started) / 1000).toFixed(0)} s wachten`);
      return busy;
    }
    if (!announced) console.log(`[${label}] andere processen gebruiken ${busy.toFixed(0)} % van de machine; wachten tot het onder ${opts.quiet} % is (hoogstens 15 minuten)`);
    announced = true;
  }
}

/** Resident memory in MiB (VmRSS, or VmHWM for the peak). */
function memoryMiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

interface RunResult {
  label: string;
  /** The baseline room this run measured; null for our server. */
  baseline: Baseline | null;
  participants: number;
  held: number;
  spelleidersHeld: number;
  failedJoins: number;
  joinSeconds: number;
  latencies: Float64Array;
  byType: Map<string, Float64Array>;
  /** Latencies by the tenth of the window the command was sent in. */
  byTenth: Float64Array[];
  sent: number;
  acked: number;
  rejected: Record<string, number>;
  errors: number;
  errorSamples: string[];
  serverCpuSeconds: number;
  /** Of which the main thread of the server process(es); the rest is the SQLite writer, GC helpers and libuv. */
  serverMainCpuSeconds: number;
  /** The other threads' CPU in the window by thread name (one server process only). */
  serverThreadCpu: Map<string, number>;
  /** At the start of the window: everyone joined, nothing played yet. */
  rssStartMiB: number;
  rssMiB: number;
  rssPeakMiB: number;
  /** RSS at every tenth of the window (the first at its start): does it level off or keep on growing? */
  rssSeriesMiB: number[];
  clientCpuSeconds: number;
  clientLoopDelayP99Ms: number;
  /** The same per tenth of the window (the highest of the client processes). */
  clientLoopDelayByTenthMs: number[];
  clientHeapMiB: number;
  clientRssMiB: number;
  /** Share of all cores busy during the window (server, clients, kernel, everything). */
  machineBusy: number;
  /** Share of the window in which some task waited for a CPU (PSI "some"), or NaN. */
  cpuPressure: number;
  /** Machine load before the run (% of all cores), after waiting for quiet. */
  busyBefore: number;
  drops: number;
  /** The server's heap after the joins and at the end of the window (one process only), or null. */
  heapStart: HeapReport | null;
  heapEnd: HeapReport | null;
}

type Mode = "ours" | Baseline;

/**
 * Sends `message` to a server started with heapProbe.ts (over the IPC channel) and resolves with its answer of type
 * `answer`; null when it does not answer within `timeoutMs`.
 */
function askProbe<T extends { type?: string }>(child: ChildProcess, message: object, answer: string, timeoutMs: number): Promise<T | null> {
  if (!child.connected) return Promise.resolve(null);
  return new Promise((done) => {
    const listener = (reply: T) => {
      if (reply.type !== answer) return;
      clearTimeout(timer);
      child.off("message", listener);
      done(reply);
    };
    const timer = setTimeout(() => {
      child.off("message", listener);
      done(null);
    }, timeoutMs);
    child.on("message", listener);
    child.send(message);
  });
}

/** The server's heap; null when it does not answer within 10 s. */
const askHeap = (child: ChildProcess): Promise<HeapReport | null> => askProbe<HeapReport>(child, { type: "heap" }, "heap", 10_000);

/** Has the server write a heap snapshot; resolves with the file, or null after 5 minutes. */
const askSnapshot = async (child: ChildProcess, file: string): Promise<string | null> =>
  (await askProbe<{ type?: string; file?: string }>(child, { type: "snapshot", file }, "snapshot", 300_000))?.file ?? null;

/** Starts (then stops, writing `file`) the server's CPU profile; resolves with the file (stop), or null after 60 s. */
const askProfile = async (child: ChildProcess, action: "start" | "stop", file?: string): Promise<string | null> =>
  (await askProbe<{ type?: string; file?: string | null }>(child, { type: `profile-${action}`, file }, action === "start" ? "profile-started" : "profile", 60_000))?.file ?? null;

async function startServer(mode: Mode, port: number, dataDir: string, logPath: string): Promise<ChildProcess> {
  const script = mode === "ours" ? "server/main.ts" : "tools/bench/baselineServer.ts";
  // BENCH_SERVER_NODE_ARGS: extra node flags for our server, for diagnosis (e.g. --heapsnapshot-signal=SIGUSR2).
  const extra = mode === "ours" ? (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean) : [];
  // Every server answers the bench's question for its heap (heapProbe.ts, over the IPC channel).
  const probe = ["--import", resolve("tools/bench/heapProbe.ts")];
  // Our server with the flags npm start gives it (package.json), the baselines with Node's defaults.
  const startedWith = mode === "ours" ? startFlags(opts.serverDir) : [];
  const nodeArgs = [...startedWith, ...extra, ...probe, ...(mode === "ours" && opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${opts.profile}`] : [])];
  if (mode === "ours" && opts.profile) mkdirSync(opts.profile, { recursive: true });
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: mode === "ours" ? opts.serverDir : process.cwd(),
    // The clients create every session at once from loopback.
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, CLIENT_DIR: "none", NODE_ENV: "production", MAX_NEW_SESSIONS_PER_HOUR: "1000000", MAX_NEW_SEATS_PER_MINUTE: "1000000", ...(mode === "ours" ? {} : { BASELINE: mode }) },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`De server stopte meteen (code ${child.exitCode}); zie ${logPath}.`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) throw new Error(`De server kwam niet op binnen 30 s; zie ${logPath}.`);
    await sleep(100);
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  // SIGINT: Colyseus shuts down cleanly, so a --cpu-prof profile is written.
  child.kill("SIGINT");
  await Promise.race([exited, sleep(20_000)]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited;
  }
}

/** The server(s) a run measures: one process (SQLite, or the echo room), or several on Redis + PostgreSQL. */
interface Target {
  urls: string[];
  pids(): number[];
  /** The heap of the one server process; null for several processes. */
  heap(): Promise<HeapReport | null>;
  /** Writes the one server process's heap snapshot to `file` (null: not possible here). */
  snapshot(file: string): Promise<string | null>;
  /** Starts and stops the one server process's CPU profile (heapProbe.ts); stop resolves with the file, or null. */
  profile(action: "start" | "stop", file?: string): Promise<string | null>;
  stop(): Promise<void>;
}

async function startTarget(mode: Mode, processes: number, dir: string, logPath: string): Promise<Target> {
  if (processes > 1) {
    const missing = missingServices();
    if (missing) throw new Error(missing);
    const cluster = await startProcesses(processes, { databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, env: { MAX_NEW_SESSIONS_PER_HOUR: "1000000", MAX_NEW_SEATS_PER_MINUTE: "1000000" } });
    return { urls: cluster.urls, pids: () => cluster.servers.map((s) => s.child.pid ?? 0), heap: async () => null, snapshot: async () => null, profile: async () => null, stop: () => cluster.stop() };
  }
  const port = await freePort();
  console.log(`server starten op poort ${port} (DATA_DIR ${dir})`);
  const server = await startServer(mode, port, dir, logPath);
  return { urls: [`http://127.0.0.1:${port}`], pids: () => [server.pid ?? 0], heap: () => askHeap(server), snapshot: (file) => askSnapshot(server, file), profile: (action, file) => askProfile(server, action, file), stop: () => stopServer(server) };
}

async function runAgainst(mode: Mode, processes = 1): Promise<RunResult> {
  const label = mode !== "ours" ? `${mode}-kamer` : processes > 1 ? `${processes} processen` : opts.serverDir === process.cwd() ? "Maatwerkspel" : "Maatwerkspel*";
  const busyBefore = await waitForQuiet(label);
  const dir = mkdtempSync(join(tmpdir(), `maatwerkspel-load-${mode}-`));
  const logPath = join(dir, "server.log");
  console.log(`\n[${label}] ${processes > 1 ? `${processes} serverprocessen op Redis en PostgreSQL starten` : "één server"}`);
  const target = await startTarget(mode, processes, dir, logPath);
  // CPU and memory of every server process together.
  const pidList = target.pids();
  const workers: ChildProcess[] = [];
  const inbox: ((message: WorkerMessage) => void)[] = [];
  try {
    const perWorker = Array.from({ length: opts.workers }, (_, w) => Math.floor(opts.sessions / opts.workers) + (w < opts.sessions % opts.workers ? 1 : 0));
    const joinedBy = new Map<number, number>();
    const ready = new Map<number, Extract<WorkerMessage, { type: "ready" }>>();
    const results = new Map<number, WorkerResult>();
    const joinStarted = Date.now();
    for (let w = 0; w < opts.workers; w++) {
      if (perWorker[w] === 0) continue;
      // A larger young generation: thousands of SDK clients make much short-lived garbage (patches, frames).
      const execArgv = ["--max-semi-space-size=64", ...(mode === "ours" && opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${join(opts.profile, "clients")}`] : [])];
      const child = fork(resolve("tools/bench/loadWorker.ts"), [], { execPath: process.execPath, execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
      child.on("message", (message: WorkerMessage) => {
        if (message.type === "progress") joinedBy.set(message.worker, message.joined);
        if (message.type === "ready") ready.set(message.worker, message);
        if (message.type === "result") results.set(message.worker, message);
        for (const listener of inbox) listener(message);
      });
      child.on("exit", (code) => {
        if (code !== 0 && code !== null && !results.has(w)) console.error(`[${label}] clientproces ${w} stopte met code ${code}`);
      });
      workers.push(child);
      const setup: WorkerSetup = {
        type: "setup",
        worker: w,
        baseUrl: target.urls[w % target.urls.length] ?? "",
        mode,
        sessions: perWorker[w] ?? 0,
        totalSessions: opts.sessions,
        workers: opts.workers,
        stagger: opts.stagger,
        perSession: opts.perSession,
        joinRate: opts.joinRate / opts.workers,
        interval: opts.interval,
        scenarioId: opts.scenarioId,
        variantId: opts.variantId,
        seed: opts.seed,
      };
      child.send(setup);
    }
    const expected = opts.sessions * opts.perSession;
    let lastReport = Date.now();
    while (ready.size < workers.length) {
      if (workers.some((w) => w.exitCode !== null)) throw new Error("Een clientproces stopte tijdens het meedoen.");
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        const joined = [...joinedBy.values()].reduce((a, b) => a + b, 0);
        console.log(`[${label}] ${joined}/${expected} deelnemers binnen, server RSS ${sum(pidList, (pid) => memoryMiB(pid, "VmRSS")).toFixed(0)} MiB`);
      }
      await sleep(200);
    }
    const joinSeconds = (Date.now() - joinStarted) / 1000;
    const joined = [...ready.values()].reduce((a, b) => a + b.joined, 0);
    const failedJoins = [...ready.values()].reduce((a, b) => a + b.failed, 0);
    console.log(`[${label}] ${joined}/${expected} deelnemers binnen in ${joinSeconds.toFixed(0)} s (${failedJoins} mislukt)`);
    for (const r of ready.values()) for (const e of r.errorSamples) console.log(`[${label}]   ${e}`);

    // Let the join storm settle, then the steady window.
    await sleep(3_000);
    const heapStart = await target.heap();
    const snapshots = mode === "ours" ? opts.heapSnapshots : undefined;
    if (snapshots) {
      mkdirSync(snapshots, { recursive: true });
      console.log(`[${label}] heap snapshot: ${await target.snapshot(join(snapshots, "start.heapsnapshot"))}`);
    }
    if (opts.windowProfile) {
      mkdirSync(opts.windowProfile, { recursive: true });
      await target.profile("start");
    }
    const t0 = Date.now() + 1_000;
    const start: WorkerStart = { type: "start", t0, seconds: opts.seconds };
    for (const w of workers) w.send(start);
    await sleep(t0 - Date.now());
    const cpuStart = sum(pidList, cpuSeconds);
    const mainCpuStart = sum(pidList, mainThreadCpuSeconds);
    const threadsStart = pidList.length === 1 ? threadCpuByName(pidList[0] ?? 0) : new Map<string, number>();
    const rssStartMiB = sum(pidList, (pid) => memoryMiB(pid, "VmRSS"));
    const machineStart = machineJiffies();
    const pressureStart = cpuPressureMicros();
    let rssPeak = sum(pidList, (pid) => memoryMiB(pid, "VmRSS"));
    const rssSeriesMiB = [rssPeak];
    console.log(`[${label}] meetvenster van ${windowSeconds} s loopt`);
    while (Date.now() < t0 + windowSeconds * 1000) {
      await sleep(Math.min(1_000, t0 + windowSeconds * 1000 - Date.now()));
      const rss = sum(pidList, (pid) => memoryMiB(pid, "VmRSS"));
      rssPeak = Math.max(rssPeak, rss);
      if (Date.now() - t0 >= (rssSeriesMiB.length * windowSeconds * 1000) / 10) rssSeriesMiB.push(rss);
    }
    const serverCpuSeconds = sum(pidList, cpuSeconds) - cpuStart;
    const serverMainCpuSeconds = sum(pidList, mainThreadCpuSeconds) - mainCpuStart;
    const serverThreadCpu = new Map<string, number>();
    if (pidList.length === 1) for (const [name, seconds] of threadCpuByName(pidList[0] ?? 0)) serverThreadCpu.set(name, seconds - (threadsStart.get(name) ?? 0));
    const machineEnd = machineJiffies();
    const machineBusy = (machineEnd.busy - machineStart.busy) / Math.max(1, machineEnd.total - machineStart.total);
    const pressureEnd = cpuPressureMicros();
    const cpuPressure = pressureStart !== null && pressureEnd !== null ? (pressureEnd - pressureStart) / (windowSeconds * 1e6) : NaN;
    const rssMiB = sum(pidList, (pid) => memoryMiB(pid, "VmRSS"));
    // The commands sent in the window are answered first: the server's answers to the bench below (the memory report
    // walks every room, ~0.3 s at 3,000 participants; writing a profile or a snapshot takes longer) hold its loop, and
    // a command still on its way would count that wait as its own.
    while (results.size < workers.length) {
      if (workers.some((w, k) => w.exitCode !== null && !results.has(k))) throw new Error("Een clientproces stopte tijdens de meting.");
      await sleep(200);
    }
    const windowProfile = opts.windowProfile ? await target.profile("stop", join(opts.windowProfile, `${label}.cpuprofile`)) : null;
    if (windowProfile) console.log(`[${label}] CPU-profiel van het venster: ${windowProfile}`);
    const heapEnd = await target.heap();
    if (snapshots) console.log(`[${label}] heap snapshot: ${await target.snapshot(join(snapshots, "end.heapsnapshot"))}`);
    const all = [...results.values()];
    const byType = new Map<string, number[]>();
    for (const r of all) for (const [type, t] of Object.entries(r.byType)) byType.set(type, [...(byType.get(type) ?? []), ...t.latencies]);
    const rejected: Record<string, number> = {};
    for (const r of all) for (const [code, n] of Object.entries(r.rejected)) rejected[code] = (rejected[code] ?? 0) + n;
    return {
      label,
      baseline: mode === "ours" ? null : mode,
      participants: all.reduce((a, r) => a + r.participants, 0),
      held: all.reduce((a, r) => a + r.held, 0),
      spelleidersHeld: all.reduce((a, r) => a + r.spelleidersHeld, 0),
      failedJoins,
      joinSeconds,
      latencies: Float64Array.from(all.flatMap((r) => r.latencies)).sort(),
      byType: new Map([...byType].map(([type, l]) => [type, Float64Array.from(l).sort()])),
      byTenth: Array.from({ length: 10 }, (_, k) => Float64Array.from(all.flatMap((r) => r.byTenth[k] ?? [])).sort()),
      sent: all.reduce((a, r) => a + r.sent, 0),
      acked: all.reduce((a, r) => a + r.acked, 0),
      rejected,
      errors: all.reduce((a, r) => a + r.errors, 0),
      errorSamples: all.flatMap((r) => r.errorSamples).slice(0, 5),
      serverCpuSeconds,
      serverMainCpuSeconds,
      serverThreadCpu,
      rssStartMiB,
      rssMiB,
      rssPeakMiB: Math.max(rssPeak, rssMiB),
      rssSeriesMiB: [...rssSeriesMiB, rssMiB],
      clientCpuSeconds: all.reduce((a, r) => a + r.cpuMs, 0) / 1000,
      clientLoopDelayP99Ms: Math.max(...all.map((r) => r.loopDelayP99Ms)),
      clientLoopDelayByTenthMs: Array.from({ length: 10 }, (_, k) => Math.max(...all.map((r) => r.loopDelayByTenthMs[k] ?? 0))),
      clientHeapMiB: all.reduce((a, r) => a + r.heapMiB, 0),
      clientRssMiB: all.reduce((a, r) => a + r.rssMiB, 0),
      machineBusy,
      cpuPressure,
      busyBefore,
      drops: all.reduce((a, r) => a + r.drops, 0),
      heapStart,
      heapEnd,
    };
  } finally {
    for (const w of workers) if (w.exitCode === null) w.send({ type: "exit" });
    // Give them time to exit by themselves (and write a --cpu-prof profile).
    for (let waited = 0; waited < 10_000 && workers.some((w) => w.exitCode === null && w.signalCode === null); waited += 100) await sleep(100);
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await target.stop();
    if (opts.serverLog && processes === 1) copyFileSync(logPath, `${opts.serverLog}-${mode}.log`);
    rmSync(dir, { recursive: true, force: true });
  }
}

const quantile = (sorted: Float64Array, q: number): number => (sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN));
const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "-");

function row(name: string, cells: string[]): string {
  return `${name.padEnd(44)}${cells.map((c) => c.padStart(20)).join("")}`;
}

/** The kinds of tools/bench/memoryReport.ts, as the table names them. */
const KINDS: [string, string][] = [
  ["state", "naar soort: sessiestaat (MiB, aantal)"],
  ["scenarios", "  scenario's"],
  ["projection", "  projectie (Colyseus-staat, entiteiten)"],
  ["views", "  views (per verbinding)"],
  ["encoderBuffers", "  encodebuffers"],
  ["suggestionCaches", "  suggestiecaches (ingangen)"],
  ["terugblik", "  terugblikcache (sessies)"],
];

/** "start -> end MiB (count at the end)" of one kind, or "-". */
function kindCell(r: RunResult, name: string): string {
  const a = r.heapStart?.kinds?.[name];
  const b = r.heapEnd?.kinds?.[name];
  if (!a && !b) return "-";
  const mib = (k: { bytes: number } | undefined) => (k ? (k.bytes / 2 ** 20).toFixed(1) : "-");
  return `${mib(a)} -> ${mib(b)} (${b?.count ?? a?.count ?? 0})`;
}

function report(results: RunResult[]): void {
  const perThousand = (r: RunResult) => (r.sent > 0 ? (r.serverCpuSeconds / r.sent) * 1000 : NaN);
  const [ours] = results;
  if (!ours) return;
  // Ratio columns: ours over each baseline in the run; without one, ours over the other run (several processes).
  const against = results.filter((r) => r.baseline !== null);
  const compared = against.length > 0 ? against : results.length === 2 ? results.slice(1) : [];
  const ratioHeads = against.length > 0 ? against.map((r) => `ours/${r.baseline}`) : compared.map(() => "verhouding");
  const header = row("", results.map((r) => r.label).concat(ratioHeads));
  const ratio = (f: (r: RunResult) => number) => compared.map((r) => (Number.isFinite(f(ours) / f(r)) ? `${fmt(f(ours) / f(r), 2)}x` : "-"));
  const heap = (r: RunResult, f: (h: HeapReport) => number | null) => {
    const a = r.heapStart ? f(r.heapStart) : null;
    const b = r.heapEnd ? f(r.heapEnd) : null;
    return a === null && b === null ? "-" : `${a === null ? "-" : fmt(a, 0)} -> ${b === null ? "-" : fmt(b, 0)}`;
  };
  const heapEnd = (f: (h: HeapReport) => number | null) => (r: RunResult) => (r.heapEnd ? (f(r.heapEnd) ?? NaN) : NaN);
  const space = (name: string) => (h: HeapReport) => h.spacesMiB[name] ?? null;
  const lines = [
    header,
    "-".repeat(header.length),
    row("deelnemers vastgehouden", results.map((r) => `${r.held}/${r.participants}`)),
    row("spelleiders vastgehouden", results.map((r) => `${r.spelleidersHeld}/${opts.sessions}`)),
    row("meedoen mislukt / duur ramp (s)", results.map((r) => `${r.failedJoins} / ${fmt(r.joinSeconds, 0)}`)),
    row("opdrachten in venster", results.map((r) => fmt(r.sent, 0))),
    row("opdrachten/s", results.map((r) => fmt(r.sent / windowSeconds, 0))),
    row("bevestigd (ack)", results.map((r) => fmt(r.acked, 0))),
    row("geweigerd door spelregels", results.map((r) => fmt(Object.values(r.rejected).reduce((a, b) => a + b, 0), 0))),
    row("fouten (time-out, verbinding)", results.map((r) => fmt(r.errors, 0))),
    row("verbroken verbindingen in venster", results.map((r) => fmt(r.drops, 0))),
    row("opdracht -> ack p50 (ms)", results.map((r) => fmt(quantile(r.latencies, 0.5), 1)).concat(ratio((r) => quantile(r.latencies, 0.5)))),
    row("opdracht -> ack p95 (ms)", results.map((r) => fmt(quantile(r.latencies, 0.95), 1)).concat(ratio((r) => quantile(r.latencies, 0.95)))),
    row("opdracht -> ack p99 (ms)", results.map((r) => fmt(quantile(r.latencies, 0.99), 1)).concat(ratio((r) => quantile(r.latencies, 0.99)))),
    row("opdracht -> ack max (ms)", results.map((r) => fmt(quantile(r.latencies, 1), 1))),
    row("server CPU in venster (s)", results.map((r) => fmt(r.serverCpuSeconds, 1))),
    row("  waarvan hoofdthread / andere threads (s)", results.map((r) => `${fmt(r.serverMainCpuSeconds, 1)} / ${fmt(r.serverCpuSeconds - r.serverMainCpuSeconds, 1)}`)),
    row("server CPU per 1000 opdrachten (s)", results.map((r) => fmt(perThousand(r), 3)).concat(ratio(perThousand))),
    row("server CPU-belasting (% van 1 kern)", results.map((r) => fmt((r.serverCpuSeconds / windowSeconds) * 100, 0))),
    row("server RSS na het meedoen (MiB)", results.map((r) => fmt(r.rssStartMiB, 0)).concat(ratio((r) => r.rssStartMiB))),
    row("server RSS einde venster (MiB)", results.map((r) => fmt(r.rssMiB, 0)).concat(ratio((r) => r.rssMiB))),
    row("server RSS piek in venster (MiB)", results.map((r) => fmt(r.rssPeakMiB, 0))),
    // As V8 has it at that moment, garbage included: the bench forces no GC (it would cost the server CPU).
    row("server heap na meedoen -> einde (MiB)", results.map((r) => heap(r, (h) => h.heapUsedMiB))),
    row("server RSS: anoniem (heaps, malloc) (MiB)", results.map((r) => heap(r, (h) => h.rssAnonMiB))),
    row("  bestanden (code, bibliotheken) (MiB)", results.map((r) => heap(r, (h) => h.rssFileMiB))),
    row("heap genomen door V8 (MiB)", results.map((r) => heap(r, (h) => h.heapTotalMiB))),
    row("V8 malloc buiten de heap (MiB)", results.map((r) => heap(r, (h) => h.v8MallocedMiB ?? null))),
    row("heap van worker threads: genomen (MiB)", results.map((r) => heap(r, (h) => h.workerHeapTotalMiB ?? null))),
    row("  gebruikt (MiB)", results.map((r) => heap(r, (h) => h.workerHeapUsedMiB ?? null))),
    // What is left of the anonymous memory: malloc by native code (SQLite, ws, zlib, libuv), thread stacks, and the
    // room malloc keeps after a free.
    row("anoniem buiten heaps en buffers (MiB)", results.map((r) => heap(r, (h) => (h.rssAnonMiB === null ? null : h.rssAnonMiB - h.heapTotalMiB - (h.workerHeapTotalMiB ?? 0) - h.arrayBuffersMiB - h.otherExternalMiB)))),
    row("threads", results.map((r) => heap(r, (h) => h.threads ?? null))),
    row("  einde: heap gebruikt (MiB)", results.map((r) => fmt(heapEnd((h) => h.heapUsedMiB)(r), 0)).concat(ratio(heapEnd((h) => h.heapUsedMiB)))),
    row("  old space (MiB)", results.map((r) => heap(r, space("old_space")))),
    row("  grote objecten, large object space (MiB)", results.map((r) => heap(r, space("large_object_space")))),
    row("  new space (MiB)", results.map((r) => heap(r, space("new_space")))),
    row("  code (MiB)", results.map((r) => heap(r, (h) => (h.spacesMiB.code_space ?? 0) + (h.spacesMiB.code_large_object_space ?? 0)))),
    row("buiten de heap: ArrayBuffers (MiB)", results.map((r) => heap(r, (h) => h.arrayBuffersMiB))),
    row("  waarvan encodebuffers van de kamers (MiB)", results.map((r) => heap(r, (h) => h.encoderBuffersMiB))),
    row("buiten de heap: overig extern (MiB)", results.map((r) => heap(r, (h) => h.otherExternalMiB))),
    row("kamerstaat: entiteiten (aantal)", results.map((r) => heap(r, (h) => h.stateEntities))),
    row("kamerstaat: tekst (miljoen tekens)", results.map((r) => (r.heapEnd?.stateMegaChars != null ? `${fmt(r.heapStart?.stateMegaChars ?? NaN, 2)} -> ${fmt(r.heapEnd.stateMegaChars, 2)}` : "-"))),
    // The server's own account (tools/bench/memoryReport.ts), estimated bytes: what of the heap is state, views, caches.
    ...KINDS.map(([name, title]) => row(title, results.map((r) => kindCell(r, name)))),
    row("fase-overgangen in venster: aantal, werk gem. / hoogste (ms)", results.map(fanOutWork)),
    row("  wachten op hun beurt gem. / hoogste (ms), beurten", results.map(fanOutWait)),
    row("suggesties berekend in venster: aantal, werk gem. (ms)", results.map(derivedWork)),
    row("  later dan gevraagd gem. / hoogste (ms)", results.map(derivedLate)),
    row("  teksten vooraf voorbereid: aantal, werk samen (ms)", results.map(derivedPrepared)),
    row("opslag: commits, duur gem. / hoogste (ms)", results.map(storeCommits)),
    row("  schrijven wachtte gem. / hoogste (ms), > 50 ms", results.map(storeWaits)),
    row("kamers / verbindingen einde venster", results.map((r) => (r.heapEnd?.rooms != null ? `${r.heapEnd.rooms} / ${r.heapEnd.clients ?? "-"}` : "-"))),
    row("clients CPU in venster (s)", results.map((r) => fmt(r.clientCpuSeconds, 1))),
    row("client event-loop vertraging p99 (ms)", results.map((r) => fmt(r.clientLoopDelayP99Ms, 1))),
    row("clients heap / RSS samen (MiB)", results.map((r) => `${fmt(r.clientHeapMiB, 0)} / ${fmt(r.clientRssMiB, 0)}`)),
    row(`machine bezet (% van ${cpus().length} kernen)`, results.map((r) => fmt(r.machineBusy * 100, 0))),
    row("  waarvan andere processen (%)", results.map((r) => fmt(othersDuring(r), 0))),
    row("machine bezet vóór de run (%)", results.map((r) => fmt(r.busyBefore, 0))),
    row("CPU-druk: tijd dat iets op een kern wachtte (%)", results.map((r) => fmt(r.cpuPressure * 100, 0))),
  ];
  console.log(`\n${lines.join("\n")}`);
  for (const r of results) {
    const threads = [...r.serverThreadCpu].filter(([, s]) => s >= 0.05).sort((a, b) => b[1] - a[1]);
    if (threads.length) console.log(`${r.label}: CPU van de andere serverthreads in het venster (s): ${threads.map(([n, s]) => `${n} ${fmt(s, 1)}`).join(", ")}`);
  }
  for (const r of results) console.log(`${r.label}: RSS (MiB) per tiende van het venster: ${r.rssSeriesMiB.map((m) => fmt(m, 0)).join(" ")}`);
  for (const r of results) console.log(`${r.label}: opdracht -> ack p95 (ms) per tiende van het venster: ${r.byTenth.map((l) => (l.length ? fmt(quantile(l, 0.95), 0) : "-")).join(" ")}`);
  for (const r of results) console.log(`${r.label}: event-loopvertraging van de clients p99 (ms) per tiende: ${r.clientLoopDelayByTenthMs.map((m) => fmt(m, 0)).join(" ")}`);
  for (const r of results) {
    const codes = Object.entries(r.rejected).map(([c, n]) => `${c} ${n}`).join(", ");
    if (codes) console.log(`\n${r.label}: weigeringen per code: ${codes}`);
    if (r.errorSamples.length) console.log(`${r.label}: fouten, bijvoorbeeld: ${r.errorSamples.join(" | ")}`);
    console.log(`${r.label}: per soort opdracht (aantal, p50 / p95 / p99 ms):`);
    for (const [type, l] of [...r.byType].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${type.padEnd(14)} ${String(l.length).padStart(8)}   ${fmt(quantile(l, 0.5))} / ${fmt(quantile(l, 0.95))} / ${fmt(quantile(l, 0.99))}`);
    }
  }
}

/** The whole-session projections in the window (server/rooms/fanOut.ts; "-" for a server without them). */
function fanOutDelta(r: RunResult): { count: number; workMs: number; waitedMs: number; turns: number; maxWorkMs: number; maxWaitedMs: number } | null {
  const a = r.heapStart?.fanOut;
  const b = r.heapEnd?.fanOut;
  if (!a || !b) return null;
  const d = (name: string): number => (b[name] ?? 0) - (a[name] ?? 0);
  return { count: d("count"), workMs: d("workMs"), waitedMs: d("waitedMs"), turns: d("turns"), maxWorkMs: b.maxWorkMs ?? 0, maxWaitedMs: b.maxWaitedMs ?? 0 };
}
const fanOutWork = (r: RunResult): string => {
  const f = fanOutDelta(r);
  return f && f.count > 0 ? `${f.count}, ${fmt(f.workMs / f.count, 2)} / ${fmt(f.maxWorkMs, 1)}` : "-";
};
const fanOutWait = (r: RunResult): string => {
  const f = fanOutDelta(r);
  return f && f.count > 0 ? `${fmt(f.waitedMs / f.count, 0)} / ${fmt(f.maxWaitedMs, 0)}, ${f.turns}` : "-";
};

/** The derived computations in the window (server/rooms/derivedTurns.ts; "-" for a server without them). */
function derivedDelta(r: RunResult): { runs: number; workMs: number; lateMs: number; maxLateMs: number; prepared: number; prepareMs: number } | null {
  const a = r.heapStart?.derived;
  const b = r.heapEnd?.derived;
  if (!a || !b) return null;
  const d = (name: string): number => (b[name] ?? 0) - (a[name] ?? 0);
  return { runs: d("runs"), workMs: d("workMs"), lateMs: d("lateMs"), maxLateMs: b.maxLateMs ?? 0, prepared: d("prepared"), prepareMs: d("prepareMs") };
}
const derivedWork = (r: RunResult): string => {
  const f = derivedDelta(r);
  return f && f.runs > 0 ? `${f.runs}, ${fmt(f.workMs / f.runs, 2)}` : "-";
};
const derivedPrepared = (r: RunResult): string => {
  const f = derivedDelta(r);
  return f && f.prepared > 0 ? `${f.prepared}, ${fmt(f.prepareMs, 0)}` : "-";
};
const derivedLate = (r: RunResult): string => {
  const f = derivedDelta(r);
  return f && f.runs > 0 ? `${fmt(f.lateMs / f.runs, 0)} / ${fmt(f.maxLateMs, 0)}` : "-";
};

/** The store's commits in the window (server/store/sqlite.ts; "-" for a server without them). */
function storeDelta(r: RunResult): Record<string, number> | null {
  const a = r.heapStart?.store;
  const b = r.heapEnd?.store;
  if (!a || !b) return null;
  const out: Record<string, number> = {};
  for (const key of Object.keys(b)) out[key] = key.startsWith("max") ? (b[key] ?? 0) : (b[key] ?? 0) - (a[key] ?? 0);
  return out;
}
const storeCommits = (r: RunResult): string => {
  const f = storeDelta(r);
  return f && (f.commits ?? 0) > 0 ? `${f.commits}, ${fmt((f.commitMs ?? 0) / (f.commits ?? 1), 1)} / ${fmt(f.maxCommitMs ?? 0, 0)}` : "-";
};
const storeWaits = (r: RunResult): string => {
  const f = storeDelta(r);
  return f && (f.writes ?? 0) > 0 ? `${fmt((f.waitedMs ?? 0) / (f.writes ?? 1), 1)} / ${fmt(f.maxWaitedMs ?? 0, 0)}, ${f.writesOver50Ms ?? 0}` : "-";
};

/** Self time per function from the V8 profiles in `dir` (one per thread), the top entries of each. */
function summariseProfile(dir: string): void {
  const files = (existsSync(dir) ? readdirSync(dir) : []).filter((f) => f.endsWith(".cpuprofile")).sort();
  if (files.length === 0) {
    console.log(`Geen .cpuprofile gevonden in ${dir}.`);
    return;
  }
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, k) => {
      const node = byId.get(id);
      if (!node) return;
      const f = node.callFrame;
      const where = f.url ? `${f.url.replace(/^file:\/\//, "").replace(`${process.cwd()}/`, "")}:${f.lineNumber + 1}` : "";
      const key = `${f.functionName || "(anoniem)"} ${where}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0));
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const busy = total - (self.get("(idle) ") ?? 0);
    console.log(`\nCPU-profiel ${join(dir, file)}: ${(busy / 1e6).toFixed(1)} s bezig van ${(total / 1e6).toFixed(1)} s; eigen tijd per functie, als deel van de bezige tijd:`);
    for (const [key, us] of [...self].filter(([key]) => key !== "(idle) ").sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${key}`);
    }
    const groups = new Map<string, number>();
    profile.samples.forEach((id, k) => {
      const node = byId.get(id);
      if (!node || node.callFrame.functionName === "(idle)") return;
      const group = moduleOf(node.callFrame.url, node.callFrame.functionName);
      groups.set(group, (groups.get(group) ?? 0) + (profile.timeDeltas[k] ?? 0));
    });
    console.log("  eigen tijd per module:");
    for (const [group, us] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${group}`);
  }
}

/** Where a function of a CPU profile comes from: our code, a library, Node itself, or V8 (GC, native). */
function moduleOf(url: string, functionName: string): string {
  const path = url.replace(/^file:\/\//, "");
  const library = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (library === "@colyseus/schema") return "@colyseus/schema (coderen, views)";
  if (library?.startsWith("@colyseus/")) return "@colyseus/core en transport";
  if (library) return library;
  if (/\/(server|shared)\//.test(path)) return `ons: ${/\/(server|shared)\/(?:([^/]+)\/)?/.exec(path)?.slice(1).filter(Boolean).join("/") ?? "server"}`;
  if (/\/tools\//.test(path)) return "tools/bench (probe)";
  if (path.startsWith("node:")) return "Node zelf (net, streams, timers, ...)";
  if (functionName === "(garbage collector)") return "V8: garbage collector";
  if (functionName === "(program)") return "V8 en native (program)";
  return "native van Node (writev, ...)";
}

console.log(
  `bench:load: ${opts.sessions} sessies x ${opts.perSession} deelnemers = ${opts.sessions * opts.perSession} deelnemers (+ ${opts.sessions} spelleiders), ` +
    `een actie per ~${opts.interval} ms (exponentieel), venster ${windowSeconds} s, meedoen ${opts.joinRate}/s, ${opts.workers} clientprocessen, ` +
    `scenario ${opts.scenarioId}/${opts.variantId}`,
);
console.log(
  opts.stagger > 0
    ? `belastingsmodel: gespreid, de sessies beginnen verdeeld over ${opts.stagger} s en spelen elk ${opts.seconds} s (fasen na 0, 40 en 70 %)`
    : `belastingsmodel: stress, elke sessie wisselt van fase na 0, 40 en 70 % van het venster, alle sessies binnen 3 s`,
);
console.log(`machine: ${cpus().length} kernen, ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
if (opts.serverDir !== process.cwd()) console.log(`Maatwerkspel* = de server uit ${opts.serverDir}`);

/** One measurement, done again when others used the machine during it (their load would count as ours). */
async function measured(mode: Mode, processes = 1): Promise<RunResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await runAgainst(mode, processes);
    const others = othersDuring(result);
    if (opts.quiet >= 100 || others < opts.quiet || attempt >= opts.attempts) return result;
    console.log(`[${result.label}] andere processen gebruikten ${others.toFixed(0)} % van de machine tijdens het venster: nog een keer (${attempt + 1}/${opts.attempts})`);
  }
}

const results = [await measured("ours")];
if (opts.processes > 1) results.push(await measured("ours", opts.processes));
for (const baseline of baselines) results.push(await measured(baseline));
report(results);
if (opts.windowProfile) summariseProfile(opts.windowProfile);
if (opts.profile) {
  summariseProfile(opts.profile);
  summariseProfile(join(opts.profile, "clients"));
}
process.exit(0);
