/**
 * Starts N Maatwerkspel server processes that share one PostgreSQL database and one Redis, each behind its own
 * front door (frontDoor.ts, standing in for the reverse proxy), as `npm start` runs them in a deployment with
 * DATABASE_URL, REDIS_URL and PUBLIC_ADDRESS. Without URLs given it starts throwaway PostgreSQL and Redis servers
 * (services.ts) and removes them again in stop(). Used by tests/integration/scale.test.ts and by bench:load.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openFrontDoor, type FrontDoor } from "./frontDoor.ts";
import { createDatabase, freePort, startPostgres, startRedis, type Throwaway } from "./services.ts";
import { startFlags } from "./startFlags.ts";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  /** Where clients go: the front door of this process (falls through to the others when it is dead). */
  url: string;
  /** The process itself, without the front door: for a health check or to look at one process only. */
  directUrl: string;
  /** The running child (a new one after restart()). */
  readonly child: ChildProcess;
  /** Everything the process printed (all its lives), for error messages. */
  output(): string;
  /** kill -9: no goodbye to Redis, PostgreSQL or the clients, as a crash or a pulled plug. */
  crash(): Promise<void>;
  /** SIGTERM, as systemd stops a unit: Colyseus closes the rooms and removes its listings from Redis first. */
  terminate(): Promise<void>;
  /** Starts the process again with the same port and environment, and waits until it answers. */
  restart(): Promise<void>;
}

export interface Processes {
  /** One URL per process, in order; spread clients over them to spread the matchmaking. */
  urls: string[];
  servers: ServerProcess[];
  databaseUrl: string;
  redisUrl: string;
  /** Stops the processes, the front doors, and the throwaway PostgreSQL and Redis if this call started them. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** An existing database to use; default: a new database on a throwaway PostgreSQL server. */
  databaseUrl?: string;
  /** An existing Redis to use; default: a throwaway redis-server. */
  redisUrl?: string;
  /** Extra environment for every process (e.g. TRAINER_SECRET). */
  env?: Record<string, string>;
  /** How long one process may take to answer /health, in milliseconds. */
  startTimeoutMs?: number;
}

export async function startProcesses(count: number, options: StartOptions = {}): Promise<Processes> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`Aantal processen moet een heel getal vanaf 1 zijn, niet ${count}.`);
  const owned: Throwaway[] = [];
  const doors: FrontDoor[] = [];
  const servers: ServerProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "maatwerkspel-processes-"));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const stop = async () => {
    await Promise.all(servers.map((server) => server.crash()));
    await Promise.all(doors.map((door) => door.close()));
    for (const service of owned.reverse()) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const databaseUrl = options.databaseUrl ?? (await ownedDatabase(owned));
    const redisUrl = options.redisUrl ?? (await remember(owned, startRedis())).url;
    const ports = await distinctFreePorts(count);
    // Front door i tries process i first, then the ones after it: each process is the others' backup.
    for (const [i] of ports.entries()) doors.push(await openFrontDoor([...ports.slice(i), ...ports.slice(0, i)]));
    for (const [i, port] of ports.entries()) {
      const door = doors[i];
      if (!door) throw new Error(`Geen voordeur voor proces ${i}.`);
      const publicAddress = `127.0.0.1:${door.port}`;
      const env = { ...process.env, ...options.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PUBLIC_ADDRESS: publicAddress, CLIENT_DIR: "none", DATA_DIR: join(dataDir, String(i)) };
      servers.push(spawnServer(env, `http://${publicAddress}`, `http://127.0.0.1:${port}`, startTimeoutMs, door));
    }
    await Promise.all(servers.map((server) => healthy(server, startTimeoutMs)));
    return { urls: servers.map((s) => s.url), servers, databaseUrl, redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function remember(owned: Throwaway[], starting: Promise<Throwaway>): Promise<Throwaway> {
  const service = await starting;
  owned.push(service);
  return service;
}

async function ownedDatabase(owned: Throwaway[]): Promise<string> {
  const server = await remember(owned, startPostgres());
  return createDatabase(server.url, "maatwerkspel");
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function spawnServer(env: NodeJS.ProcessEnv, url: string, directUrl: string, startTimeoutMs: number, door: FrontDoor): ServerProcess {
  let output = "";
  // process.execPath: the Node 24 this runs on (node_modules/.bin/node under npm and npx), which runs .ts directly.
  const spawnOne = (): ChildProcess => {
    const child = spawn(process.execPath, [...startFlags(REPO_ROOT), "server/main.ts"], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return child;
  };
  let child = spawnOne();
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
    child.kill(signal);
    await exited;
  };
  const server: ServerProcess = {
    url,
    directUrl,
    get child() {
      return child;
    },
    output: () => output,
    crash: () => end("SIGKILL"),
    terminate: () => end("SIGTERM"),
    restart: async () => {
      await end("SIGKILL");
      child = spawnOne();
      await healthy(server, startTimeoutMs);
      door.dropDetours();
    },
  };
  return server;
}

async function healthy(server: ServerProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) break;
    if (await fetch(`${server.directUrl}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Serverproces op ${server.directUrl} startte niet:\n${server.output()}`);
}
