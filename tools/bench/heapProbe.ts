/**
 * Loaded by bench:load into each server it measures (`node --import heapProbe.ts`, ours and the baselines alike), never
 * by `npm start`. It answers the bench's IPC message `{ type: "heap" }` with what can be measured honestly from outside
 * the room: V8's heap by space, memory outside the heap (ArrayBuffers, other external), and the encode buffers the
 * rooms of this process hold (their exact byte lengths, found through Colyseus' matchmaker; checked against
 * @colyseus/core 0.18.17 SchemaSerializer: `encoder.sharedBuffer`, `fullEncodeBuffer`). How much of the heap is state,
 * views or suggestion caches only the room could say about itself; that is not measured here.
 *
 * With an IPC channel, the @pm2/io that @colyseus/core loads (Stats.ts) also sends its few metrics to the parent once a
 * second (`axm:monitor`); the bench ignores them. Its timers run with or without the channel, so that is the only
 * difference, and every server the bench measures (ours and the baselines) has it.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } from "node:v8";

export interface HeapReport {
  type: "heap";
  heapUsedMiB: number;
  /** What V8 has taken for its heap (used, garbage not yet collected, and free room), MiB. */
  heapTotalMiB: number;
  /** Resident memory by origin (/proc/self/status): anonymous (heaps, malloc, stacks) and file-backed (code), MiB. */
  rssAnonMiB: number | null;
  rssFileMiB: number | null;
  /** What V8 itself took with malloc (outside the heap: compiler zones, handles), MiB. */
  v8MallocedMiB: number;
  /**
   * The heaps of the process's worker threads (e.g. the SQLite writer), which the figures above do not include: V8 heap
   * taken and used, from Node's diagnostic report; null when the report has none.
   */
  workerHeapTotalMiB: number | null;
  workerHeapUsedMiB: number | null;
  threads: number | null;
  /** space_used_size per V8 heap space (old_space, new_space, large_object_space, code_space, ...), MiB. */
  spacesMiB: Record<string, number>;
  arrayBuffersMiB: number;
  /** External memory other than ArrayBuffers (e.g. strings and buffers held by native code), MiB. */
  otherExternalMiB: number;
  /** Distinct ArrayBuffers behind the rooms' encode buffers, MiB; null when the rooms could not be found. */
  encoderBuffersMiB: number | null;
  /**
   * What the rooms' schema states hold, read through their public fields: entities, and characters of text (every
   * string field and every entity's JSON). Not heap bytes: the text of the state, whatever else the room keeps.
   */
  stateEntities: number | null;
  stateMegaChars: number | null;
  rooms: number | null;
  clients: number | null;
  /**
   * The server's own account by kind (memoryReport.ts: session states, projection, views, encode buffers,
   * suggestion and terugblik caches; estimated bytes), null when the server has none (an older checkout).
   */
  kinds: Record<string, { count: number; bytes: number }> | null;
  /**
   * The whole-session projections (phase changes, reveals) since the server started, from server/rooms/fanOut.ts of
   * the checkout: how many, the work and the wait for a turn (total and highest, ms), and the turns they took; null
   * when the server has none (a baseline, an older checkout).
   */
  fanOut: Record<string, number> | null;
  /** The derived computations (duplicate suggestions) from server/rooms/derivedTurns.ts: runs, work, lateness (ms). */
  derived: Record<string, number> | null;
  /** server/store/sqlite.ts's storeFigures (commits and how long writes waited); null for a server without them. */
  store: Record<string, number> | null;
}

const MiB = 2 ** 20;

/** A property of an object from a library, without trusting its type. */
const get = (value: unknown, key: string): unknown => (typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined);

/** Entities and characters of text in a schema state: its string fields and the `json` of each entity in its maps. */
function stateText(state: unknown): { entities: number; chars: number } {
  let entities = 0;
  let chars = 0;
  const proto: unknown = typeof state === "object" && state !== null ? Object.getPrototypeOf(state) : null;
  if (typeof proto !== "object" || proto === null) return { entities, chars };
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor") continue;
    const value = get(state, name);
    if (typeof value === "string") chars += value.length;
    const forEach = get(value, "forEach");
    if (typeof forEach === "function") {
      Reflect.apply(forEach, value, [
        (entity: unknown) => {
          entities++;
          const json = get(entity, "json");
          if (typeof json === "string") chars += json.length;
        },
      ]);
    }
  }
  return { entities, chars };
}

const NO_ROOMS = { encoderBuffersMiB: null, stateEntities: null, stateMegaChars: null, rooms: null, clients: null };

async function roomFigures(): Promise<Pick<HeapReport, "encoderBuffersMiB" | "stateEntities" | "stateMegaChars" | "rooms" | "clients">> {
  try {
    // The same module the server imported (same specifier, same node_modules), so the same matchmaker; with
    // --server-dir another checkout's server has its own, and no rooms are found here.
    const { matchMaker } = await import("@colyseus/core");
    const listings = await matchMaker.query({});
    const buffers = new Set<ArrayBufferLike>();
    let rooms = 0;
    let clients = 0;
    let entities = 0;
    let chars = 0;
    for (const listing of listings) {
      const room: unknown = matchMaker.getLocalRoomById(listing.roomId);
      if (!room) continue;
      rooms++;
      const roomClients = get(room, "clients");
      clients += Array.isArray(roomClients) ? roomClients.length : 0;
      const text = stateText(get(room, "state"));
      entities += text.entities;
      chars += text.chars;
      const serializer = get(room, "_serializer");
      for (const buffer of [get(get(serializer, "encoder"), "sharedBuffer"), get(serializer, "fullEncodeBuffer"), get(serializer, "fullEncodeCache")]) {
        if (buffer instanceof Uint8Array) buffers.add(buffer.buffer);
      }
    }
    if (rooms === 0) return { ...NO_ROOMS, rooms: 0, clients: 0 };
    const encoderBuffersMiB = [...buffers].reduce((total, b) => total + b.byteLength, 0) / MiB;
    return { encoderBuffersMiB, stateEntities: entities, stateMegaChars: chars / 1e6, rooms, clients };
  } catch {
    return NO_ROOMS;
  }
}

/** A field of /proc/self/status in MiB, or null (not Linux). */
function statusMiB(field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Heap taken and used by every worker thread together, from Node's diagnostic report (it asks each worker). */
function workerHeaps(): { total: number; used: number } | null {
  try {
    const report: unknown = process.report.getReport();
    const workers = get(report, "workers");
    if (!Array.isArray(workers)) return null;
    let total = 0;
    let used = 0;
    for (const worker of workers) {
      const heap = get(worker, "javascriptHeap");
      const t = get(heap, "totalMemory");
      const u = get(heap, "usedMemory");
      if (typeof t === "number") total += t;
      if (typeof u === "number") used += u;
    }
    return { total, used };
  } catch {
    return null;
  }
}

/** tools/bench/memoryReport.ts of the checkout this server runs from (its working directory), by kind; null without one. */
async function kinds(): Promise<HeapReport["kinds"]> {
  const file = resolve(process.cwd(), "tools/bench/memoryReport.ts");
  if (!existsSync(file)) return null;
  try {
    const module: unknown = await import(pathToFileURL(file).href);
    const memoryReport = get(module, "memoryReport");
    if (typeof memoryReport !== "function") return null;
    const report: unknown = await Reflect.apply(memoryReport, undefined, []);
    const out: Record<string, { count: number; bytes: number }> = {};
    for (const [name, value] of Object.entries(typeof report === "object" && report !== null ? report : {})) {
      const count = get(value, "count");
      const bytes = get(value, "bytes");
      if (typeof count === "number" && typeof bytes === "number") out[name] = { count, bytes };
    }
    return out;
  } catch (error) {
    console.error("memoryReport mislukt:", error);
    return null;
  }
}

/** A module's figures object (e.g. server/rooms/fanOut.ts's `fanOutFigures`), when this server is ours and has it. */
async function figures(path: string, name: string): Promise<Record<string, number> | null> {
  const file = resolve(process.cwd(), path);
  if (!existsSync(file)) return null;
  try {
    const found = get(await import(pathToFileURL(file).href), name);
    if (typeof found !== "object" || found === null) return null;
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(found)) if (typeof value === "number") out[key] = value;
    return out;
  } catch (error) {
    console.error(`${name} mislukt:`, error);
    return null;
  }
}

async function report(): Promise<HeapReport> {
  const workers = workerHeaps();
  let threads: number | null = null;
  try {
    const match = /^Threads:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"));
    threads = match ? Number(match[1]) : null;
  } catch {
    threads = null;
  }
  const memory = process.memoryUsage();
  const spacesMiB: Record<string, number> = {};
  for (const space of getHeapSpaceStatistics()) spacesMiB[space.space_name] = space.space_used_size / MiB;
  return {
    type: "heap",
    heapUsedMiB: memory.heapUsed / MiB,
    heapTotalMiB: memory.heapTotal / MiB,
    rssAnonMiB: statusMiB("RssAnon"),
    rssFileMiB: statusMiB("RssFile"),
    v8MallocedMiB: getHeapStatistics().malloced_memory / MiB,
    workerHeapTotalMiB: workers ? workers.total / MiB : null,
    workerHeapUsedMiB: workers ? workers.used / MiB : null,
    threads,
    spacesMiB,
    arrayBuffersMiB: memory.arrayBuffers / MiB,
    otherExternalMiB: (memory.external - memory.arrayBuffers) / MiB,
    // Never wait long for the rooms (a matchmaker that was never set up, e.g. --server-dir): the heap figures count.
    ...(await Promise.race([roomFigures(), new Promise<Awaited<ReturnType<typeof roomFigures>>>((done) => setTimeout(() => done(NO_ROOMS), 2_000).unref())])),
    kinds: await kinds(),
    fanOut: await figures("server/rooms/fanOut.ts", "fanOutFigures"),
    derived: await figures("server/rooms/derivedTurns.ts", "derivedFigures"),
    store: await figures("server/store/sqlite.ts", "storeFigures"),
  };
}

let profiler: Session | null = null;

/**
 * With HEAP_PROBE_ALLOC=1 in the environment the window's profile also samples every allocation (the sampling heap
 * profiler, collected objects included): `<file>.heapprofile` beside the CPU profile says which functions made the
 * garbage the collector works on. With HEAP_PROBE_ALLOC=promoted only what outlived a young-generation collection is
 * counted (what dies young is left out): what the old generation, and so the full collections, get. It costs CPU, so
 * it is off for the figures.
 */
const sampleAllocations = process.env.HEAP_PROBE_ALLOC === "1" || process.env.HEAP_PROBE_ALLOC === "promoted";
const countYoungGarbage = process.env.HEAP_PROBE_ALLOC === "1";

async function startProfile(): Promise<void> {
  profiler = new Session();
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.start");
  if (sampleAllocations) {
    await profiler.post("HeapProfiler.enable");
    await profiler.post("HeapProfiler.startSampling", { samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: countYoungGarbage });
  }
}

/** Writes the profile since startProfile to `file` (as --cpu-prof would); null when none was running. */
async function stopProfile(file: string): Promise<string | null> {
  if (!profiler) return null;
  const { profile } = await profiler.post("Profiler.stop");
  if (sampleAllocations) writeFileSync(file.replace(/\.cpuprofile$/, "") + ".heapprofile", JSON.stringify((await profiler.post("HeapProfiler.stopSampling")).profile));
  profiler.disconnect();
  profiler = null;
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

if (process.send) {
  process.on("message", (message: unknown) => {
    const type = get(message, "type");
    if (type === "heap") void report().then((r) => process.send?.(r));
    // For diagnosis (load.ts --heap-snapshots): the whole heap into a file, to compare two moments in Chrome DevTools
    // or with tools/bench/heapDiff.ts. The server stands still while it is written.
    const file = get(message, "file");
    if (type === "snapshot" && typeof file === "string") process.send?.({ type: "snapshot", file: writeHeapSnapshot(file) });
    // load.ts --window-profile: the main thread's CPU profile of the measured window only (joins left out).
    if (type === "profile-start") void startProfile().then(() => process.send?.({ type: "profile-started" }));
    if (type === "profile-stop" && typeof file === "string") void stopProfile(file).then((written) => process.send?.({ type: "profile", file: written }));
  });
  // The IPC channel must not keep the server alive once it is asked to stop (after the listener, which refs it).
  process.channel?.unref();
}
