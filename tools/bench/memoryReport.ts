/**
 * What this process keeps in memory, by kind: the rooms' session states, their projections onto the Colyseus state,
 * the connections' views, the encode buffers, the caches of the duplicate suggestions and of the terugblik. Counts,
 * and bytes as estimates (V8 does not say what one object takes: see `approxBytes`; the encode buffers are exact).
 * For the benchmark (heapProbe.ts, loaded into the server, asks for it over IPC) and for diagnosis; never on the command path: it
 * walks every room, which takes tens of milliseconds at 300 rooms.
 *
 * The rooms are found through Colyseus' matchmaker and read through what a room shows: its live session state (found
 * among its fields by shape, wherever the room keeps it), `state` (the projection), each client's `view`, and the
 * serializer's buffers (checked against @colyseus/core 0.18.17 and @colyseus/schema 5.0.34).
 */
import { matchMaker } from "@colyseus/core";
import { MapSchema, StateView } from "@colyseus/schema";
import { stemCacheNow } from "../../server/core/dutchText.ts";
import type { SessionState } from "../../server/core/state.ts";
import { suggestionTextCaches } from "../../server/core/suggestions.ts";
import { keptSuggestions } from "../../server/core/views/samenvoegen.ts";
import { terugblikCacheFigures } from "../../server/http/terugblikCache.ts";

/** How many of a kind, and about how many bytes together. */
export interface MemoryKind {
  count: number;
  bytes: number;
}

export interface MemoryReport {
  rooms: number;
  connections: number;
  /** Session states the rooms hold (count: states; a room may keep more than one), without their scenario. */
  state: MemoryKind;
  /** Scenarios the states refer to, each counted once (rooms of one scenario share it). */
  scenarios: MemoryKind;
  /** The Colyseus state of every room (count: entities), with the library's bookkeeping per entity. */
  projection: MemoryKind;
  /** The connections' StateViews (count: views): visibility and grants not yet sent. */
  views: MemoryKind;
  /** The encoders' buffers (count: buffers; exact bytes). */
  encoderBuffers: MemoryKind;
  /** Duplicate suggestions: per state the board's texts and its list, and the text, split and stem caches (count: entries). */
  suggestionCaches: MemoryKind;
  /** The terugblik's folded states, logs and boards (count: sessions). */
  terugblik: MemoryKind;
}

/**
 * Estimated bytes per entity of the Colyseus state beyond its JSON: the Entity, its ChangeTree and its map entry
 * (measured with @colyseus/schema 5.0.34: 20,000 entities in a MapSchema, encoded, after a full GC: ~700 bytes each).
 */
const ENTITY_BYTES = 700;
/** Per entity a view sees, once sent (same measurement, 11 views: ~17 bytes); a grant still pending takes ~290. */
const VISIBLE_BYTES = 17;
const PENDING_BYTES = 290;
const VIEW_BYTES = 200;

const kind = (): MemoryKind => ({ count: 0, bytes: 0 });

/**
 * About the bytes V8 takes for `value` and everything it reaches, each object once per `seen` (64-bit, no pointer
 * compression, as Node builds it): a string 16 + its characters (two bytes each if any is past Latin-1), an object 24 +
 * 8 per property, an array 32 + 8 per element, a Map 48 + 36 per entry, a Set 48 + 24 per entry, a number outside the
 * small integers 16. `skip`: properties not to follow (kept elsewhere).
 */
export function approxBytes(value: unknown, seen: WeakSet<object>, skip: ReadonlySet<string> = new Set()): number {
  switch (typeof value) {
    case "string":
      // eslint-disable-next-line no-control-regex
      return 16 + (/[^\u0000-\u00ff]/.test(value) ? 2 : 1) * value.length;
    case "number":
      return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : 16;
    case "object": {
      if (value === null || seen.has(value)) return 0;
      seen.add(value);
      if (ArrayBuffer.isView(value)) return 64 + value.byteLength;
      if (value instanceof Map) {
        let bytes = 48 + 36 * value.size;
        for (const [k, v] of value) bytes += approxBytes(k, seen) + approxBytes(v, seen);
        return bytes;
      }
      if (value instanceof Set) {
        let bytes = 48 + 24 * value.size;
        for (const v of value) bytes += approxBytes(v, seen);
        return bytes;
      }
      if (Array.isArray(value)) {
        let bytes = 32 + 8 * value.length;
        for (const v of value) bytes += approxBytes(v, seen);
        return bytes;
      }
      let bytes = 24;
      for (const key of Object.keys(value)) {
        bytes += 8;
        if (!skip.has(key)) bytes += approxBytes(Reflect.get(value, key), seen);
      }
      return bytes;
    }
    default:
      return 0;
  }
}

/** A property of a library's object, without trusting its type. */
const get = (value: unknown, key: string): unknown => (typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined);

function isSessionState(value: unknown): value is SessionState {
  return typeof value === "object" && value !== null && typeof get(value, "sessionId") === "string" && get(value, "participants") instanceof Map && Array.isArray(get(value, "phases")) && get(value, "eisen") instanceof Map;
}

/** The session states a room holds: its `sessionState`, and any among its fields and theirs (e.g. its pipeline's). */
function statesOf(room: object): SessionState[] {
  const found: SessionState[] = [];
  const shown = get(room, "sessionState");
  if (isSessionState(shown)) found.push(shown);
  const look = (value: unknown, depth: number) => {
    if (typeof value !== "object" || value === null || value instanceof Map || value instanceof Set || Array.isArray(value) || ArrayBuffer.isView(value)) return;
    if (isSessionState(value)) {
      if (!found.includes(value)) found.push(value);
      return;
    }
    if (depth === 0) return;
    for (const key of Object.keys(value)) if (key !== "clients" && !key.startsWith("_")) look(Reflect.get(value, key), depth - 1);
  };
  look(room, 2);
  return found;
}

/** The entities and top-level strings of a room's Colyseus state, through its public fields. */
function projectionOf(state: unknown, out: MemoryKind, entities: object[]): void {
  const proto: unknown = typeof state === "object" && state !== null ? Object.getPrototypeOf(state) : null;
  if (typeof proto !== "object" || proto === null) return;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor") continue;
    const value = get(state, name);
    if (typeof value === "string") out.bytes += approxBytes(value, new WeakSet());
    if (value instanceof MapSchema) {
      for (const [key, entity] of value.entries()) {
        out.count++;
        entities.push(entity);
        out.bytes += ENTITY_BYTES + approxBytes(key, new WeakSet()) + approxBytes(get(entity, "json"), new WeakSet());
      }
    }
  }
}

/** What this process keeps, by kind. Walks every room: call it to look, not on the command path. */
export async function memoryReport(): Promise<MemoryReport> {
  const report: MemoryReport = { rooms: 0, connections: 0, state: kind(), scenarios: kind(), projection: kind(), views: kind(), encoderBuffers: kind(), suggestionCaches: kind(), terugblik: kind() };
  const seen = new WeakSet<object>();
  const buffers = new Set<ArrayBufferLike>();
  const skip = new Set(["scenario", "phases"]);
  for (const listing of await matchMaker.query({})) {
    const room: unknown = matchMaker.getLocalRoomById(listing.roomId);
    if (typeof room !== "object" || room === null) continue;
    report.rooms++;
    for (const state of statesOf(room)) {
      report.state.count++;
      report.state.bytes += approxBytes(state, seen, skip);
      if (!seen.has(state.scenario)) report.scenarios.count++;
      report.scenarios.bytes += approxBytes(state.scenario, seen);
      const kept = keptSuggestions(state);
      if (kept !== undefined) {
        report.suggestionCaches.count++;
        report.suggestionCaches.bytes += approxBytes(kept, seen);
      }
    }
    const entities: object[] = [];
    projectionOf(get(room, "state"), report.projection, entities);
    const clients = get(room, "clients");
    for (const client of Array.isArray(clients) ? clients : []) {
      report.connections++;
      const view: unknown = get(client, "view");
      if (!(view instanceof StateView)) continue;
      report.views.count++;
      let visible = 0;
      for (const entity of entities) if (view.has(entity as never)) visible++;
      let pending = 0;
      for (const changes of view.changes.values()) pending += changes.size;
      report.views.bytes += VIEW_BYTES + visible * VISIBLE_BYTES + pending * PENDING_BYTES;
    }
    const serializer = get(room, "_serializer");
    // The cached full state too (as heapProbe.ts counts them): a view into the full-encode buffer it was made in, which
    // keeps that buffer alive after the room has dropped it (counted once when it is the same buffer).
    for (const buffer of [get(get(serializer, "encoder"), "sharedBuffer"), get(serializer, "fullEncodeBuffer"), get(serializer, "fullEncodeCache")]) {
      if (buffer instanceof Uint8Array) buffers.add(buffer.buffer);
    }
  }
  report.encoderBuffers = { count: buffers.size, bytes: [...buffers].reduce((total, b) => total + b.byteLength, 0) };
  for (const cache of [...suggestionTextCaches(), stemCacheNow()]) {
    report.suggestionCaches.count += cache.size;
    report.suggestionCaches.bytes += approxBytes(cache, seen);
  }
  const terugblik = terugblikCacheFigures();
  report.terugblik = { count: terugblik.sessions, bytes: terugblik.bytes };
  return report;
}
