/**
 * Throwaway PostgreSQL and Redis servers in temp directories on free loopback ports, for the multi-process tests
 * and benchmarks. Nothing is installed or configured system-wide: each run gets fresh, empty servers that are
 * killed and removed afterwards. Finds the binaries on PATH or where Debian's packages put them
 * (postgresql: /usr/lib/postgresql/<version>/bin, which is not on PATH; redis-server: /usr/bin).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import pg from "pg";

export interface Throwaway {
  /** postgres://… or redis://… on 127.0.0.1 */
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** The directory holding initdb and postgres: PATH first, then Debian's versioned directories, newest first. */
export function findPostgresBin(): string | null {
  const initdb = onPath("initdb");
  if (initdb && onPath("postgres")) return join(initdb, "..");
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "postgres"))) return bin;
  }
  return null;
}

export function findRedisServer(): string | null {
  return onPath("redis-server") ?? (existsSync("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null);
}

/** Why the multi-process setup cannot run here, or null when it can. */
export function missingServices(): string | null {
  const missing = [findPostgresBin() ? null : "PostgreSQL (initdb, postgres)", findRedisServer() ? null : "redis-server"].filter(Boolean);
  if (missing.length === 0) return null;
  return `${missing.join(" en ")} niet gevonden (apt-get install postgresql redis-server; .ci/run doet dat)`;
}

/**
 * PostgreSQL refuses to run as root. As root the data directory is handed to the `postgres` user (Debian's package
 * creates it) and both commands run as that user through runuser; as anyone else they run as that user.
 */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

async function waitFor(what: string, child: ChildProcess, output: () => string, ready: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    if (child.exitCode !== null) break;
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`${what} startte niet:\n${output()}`);
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * SIGKILL on runuser would orphan the postmaster (runuser cannot pass on a signal it cannot catch): SIGQUIT the
 * postmaster itself (immediate shutdown, it takes its workers down), then the wrapper exits on its own.
 */
function postgresStopper(child: ChildProcess, data: string, dir: string): () => Promise<void> {
  const removeAll = stopper(child, dir);
  return async () => {
    const pidFile = join(data, "postmaster.pid");
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        // Already gone.
      }
      const started = Date.now();
      while (child.exitCode === null && child.signalCode === null && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 50));
    }
    await removeAll();
  };
}

/**
 * A fresh PostgreSQL cluster: trust authentication on loopback only, fsync off (a test server's data need not
 * survive the machine crashing; the store's own durability is PostgreSQL's commit, which stays synchronous).
 */
export async function startPostgres(): Promise<Throwaway> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL niet gevonden (initdb/postgres).");
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-pg-"));
  if (userInfo().uid === 0) chownSync(dir, pgUid(), -1);
  const data = join(dir, "data");
  const [initCmd, initArgs] = asPostgresUser(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
  const init = spawnSync(initCmd, initArgs, { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb mislukte:\n${init.stderr}${init.stdout}`);
  const port = await freePort();
  const settings = ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${dir}`, "-c", "fsync=off", "-c", "max_connections=200"];
  const [cmd, args] = asPostgresUser(join(bin, "postgres"), ["-D", data, "-p", String(port), ...settings]);
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitFor("PostgreSQL", child, () => output, () => canConnect(url));
  return { url, stop: postgresStopper(child, data, dir) };
}

function pgUid(): number {
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const uid = Number(id.stdout.trim());
  if (id.status !== 0 || !Number.isInteger(uid)) throw new Error("Er is geen gebruiker 'postgres' om PostgreSQL als root mee te starten.");
  return uid;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A new, empty database on a throwaway server, e.g. one per test; returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A Redis server that keeps nothing on disk. */
export async function startRedis(): Promise<Throwaway> {
  const binary = findRedisServer();
  if (!binary) throw new Error("redis-server niet gevonden.");
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-redis-"));
  const port = await freePort();
  const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor("redis-server", child, () => output, async () => output.includes("Ready to accept connections"));
  return { url: `redis://127.0.0.1:${port}`, stop: stopper(child, dir) };
}
