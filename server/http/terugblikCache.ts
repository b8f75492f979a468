/**
 * The terugblik's boards without replaying the whole log for every step. The autoplay of the console and the beamer
 * each ask for the board after event s, s+1, s+2, ... (and their neighbours, prefetched); without this every request
 * parsed and folded the log from SessionCreated. Per session this keeps:
 *
 *  - the log as last loaded: a log only grows, so its events up to its last seq stay exact. A board at a seq the
 *    kept log holds needs no load; one past its end loads the log again (the route decides, see `logFor`);
 *  - up to CURSORS live states ("cursors"), each the fold of the log up to its seq: the next step folds one event
 *    onto the nearest cursor at or before it, in place;
 *  - checkpoints every `every` events (the folded state serialised with v8.serialize, the scenario left out: it is the
 *    log's own, put back on restore), made as a cursor passes them, so a jump back costs a restore and at most
 *    `every` events instead of a replay from the start;
 *  - the last few boards as JSON, since the console and the beamer ask for the same positions.
 *
 * A board from here is exactly `boardAt(log, seq)` (tests/core/terugblikCache.test.ts checks every seq of simulated
 * sessions against a full replay). Bounded: at most `maxSessions` sessions and about `maxBytes` together (least
 * recently used sessions go first; the sizes are estimates: the log's JSON, the checkpoints' bytes, a cursor as big as
 * its last checkpoint). A session whose log alone is over the budget is not kept: its boards are replayed as before.
 */
import { deserialize, serialize } from "node:v8";
import type { StoredEvent } from "#shared/protocol/events.ts";
import { evolve, initialState } from "../core/evolve.ts";
import type { SessionState } from "../core/state.ts";
import { boardAt } from "../core/timeline.ts";
import { playerView } from "../core/view.ts";

export interface TerugblikCacheOptions {
  /** A checkpoint every this many events (default 2,000: folding 2,000 events takes about a millisecond, a checkpoint of a big session about 1 MB). */
  every?: number;
  /** About this many bytes for all sessions together (default 64 MiB). */
  maxBytes?: number;
  /** At most this many sessions (default 16). */
  maxSessions?: number;
}

/** Live states kept per session: the autoplay's position and one more (the other screen, or a jump back). */
const CURSORS = 2;
/** Boards kept as JSON per session. */
const BOARDS = 4;

interface Cursor {
  seq: number;
  state: SessionState;
}

interface Entry {
  log: readonly StoredEvent[];
  /** The log's size, estimated from its JSON (UTF-16 in memory: two bytes a character). */
  logBytes: number;
  /** Most recently used last. */
  cursors: Cursor[];
  checkpoints: Map<number, Buffer>;
  /** Most recently used last. */
  boards: Map<number, string>;
}

export interface TerugblikCacheFigures {
  sessions: number;
  checkpoints: number;
  cursors: number;
  boards: number;
  /** Estimated bytes of everything kept. */
  bytes: number;
  hits: number;
  /** Boards folded from a cursor, a checkpoint, or the start. */
  fromCursor: number;
  fromCheckpoint: number;
  fromStart: number;
  /** Events folded to answer, in all. */
  folded: number;
}

const lastSeqOf = (log: readonly StoredEvent[]): number => log.at(-1)?.seq ?? 0;

/** The index of the first event after `seq` (seqs ascend; they run 1, 2, 3, ... so this is usually `seq` itself). */
function indexAfter(log: readonly StoredEvent[], seq: number): number {
  if (log[seq - 1]?.seq === seq && (log[seq]?.seq ?? Infinity) > seq) return seq;
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((log[middle]?.seq ?? Infinity) <= seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Estimated bytes of events in memory: their JSON, two bytes a character, and some for each object. */
const bytesOf = (events: readonly StoredEvent[]): number => events.reduce((total, s) => total + 2 * JSON.stringify(s.event).length + 64, 0);

/** Whether `next` is `kept` with events added: the same first event, and the same event where `kept` ended. */
function continuesLog(kept: readonly StoredEvent[], next: readonly StoredEvent[]): boolean {
  const last = kept.at(-1);
  const first = kept[0];
  if (!last || !first || lastSeqOf(next) < last.seq) return false;
  const same = (a: StoredEvent | undefined, b: StoredEvent) => a !== undefined && a.seq === b.seq && a.event.type === b.event.type && a.event.at === b.event.at;
  return same(next[0], first) && same(next[indexAfter(next, last.seq) - 1], last);
}

/** Every cache of this process, for memoryReport (server/memoryReport.ts); weakly, so a test's app can go. */
const caches = new Set<WeakRef<TerugblikCache>>();

/** The figures of every cache of this process together (one per app; the server has one). */
export function terugblikCacheFigures(): TerugblikCacheFigures {
  const total: TerugblikCacheFigures = { sessions: 0, checkpoints: 0, cursors: 0, boards: 0, bytes: 0, hits: 0, fromCursor: 0, fromCheckpoint: 0, fromStart: 0, folded: 0 };
  for (const ref of caches) {
    const cache = ref.deref();
    if (!cache) {
      caches.delete(ref);
      continue;
    }
    const figures = cache.figures();
    for (const key of Object.keys(total) as (keyof TerugblikCacheFigures)[]) total[key] += figures[key];
  }
  return total;
}

export class TerugblikCache {
  private readonly every: number;
  private readonly maxBytes: number;
  private readonly maxSessions: number;
  /** Least recently used first. */
  private readonly sessions = new Map<string, Entry>();
  private readonly counts = { hits: 0, fromCursor: 0, fromCheckpoint: 0, fromStart: 0, folded: 0 };

  constructor(options: TerugblikCacheOptions = {}) {
    this.every = Math.max(1, Math.floor(options.every ?? 2_000));
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20;
    this.maxSessions = Math.max(1, Math.floor(options.maxSessions ?? 16));
    caches.add(new WeakRef(this));
  }

  /**
   * The kept log of a session if it reaches `seq` (so a board at `seq` can be answered from it), else null: the
   * caller loads the log and hands it to `remember`.
   */
  logFor(sessionId: string, seq: number): readonly StoredEvent[] | null {
    const entry = this.sessions.get(sessionId);
    return entry && lastSeqOf(entry.log) >= seq ? entry.log : null;
  }

  /**
   * Keeps a freshly loaded log and returns it. What was kept for the same log when it was shorter stays (a log only
   * grows: its first events never change), unless the log turns out not to continue the kept one.
   */
  remember(sessionId: string, log: readonly StoredEvent[]): readonly StoredEvent[] {
    const entry = this.sessions.get(sessionId);
    const continues = entry !== undefined && continuesLog(entry.log, log);
    const logBytes = continues ? entry.logBytes + bytesOf(log.slice(indexAfter(log, lastSeqOf(entry.log)))) : bytesOf(log);
    if (logBytes > this.maxBytes / 2) {
      // Too big to keep: this session's boards are replayed whole, as without a cache.
      this.sessions.delete(sessionId);
      return log;
    }
    this.touch(sessionId, continues ? { ...entry, log, logBytes } : { log, logBytes, cursors: [], checkpoints: new Map(), boards: new Map() });
    this.bound(sessionId);
    return log;
  }

  /** Drops a session (deleted, or found damaged). */
  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /**
   * The board after event `seq` as the route sends it (`{ seq, view }` as JSON), exactly as `boardAt(log, seq)` gives
   * it. `log` is the session's log (from `logFor`, or just loaded and given to `remember`); `seq` must be one of its seqs.
   */
  boardJson(sessionId: string, log: readonly StoredEvent[], seq: number): string {
    const entry = this.sessions.get(sessionId);
    if (!entry || entry.log !== log) return JSON.stringify({ seq, view: boardAt(log, seq) });
    const known = entry.boards.get(seq);
    if (known !== undefined) {
      this.counts.hits++;
      entry.boards.delete(seq);
      entry.boards.set(seq, known);
      this.touch(sessionId, entry);
      return known;
    }
    const cursor = this.stateAt(entry, seq);
    const json = JSON.stringify({ seq, view: playerView(cursor.state, { kind: "beamer" }) });
    entry.boards.set(seq, json);
    if (entry.boards.size > BOARDS) entry.boards.delete(entry.boards.keys().next().value ?? seq);
    this.touch(sessionId, entry);
    this.bound(sessionId);
    return json;
  }

  figures(): TerugblikCacheFigures {
    let checkpoints = 0;
    let cursors = 0;
    let boards = 0;
    for (const entry of this.sessions.values()) {
      checkpoints += entry.checkpoints.size;
      cursors += entry.cursors.length;
      boards += entry.boards.size;
    }
    return { sessions: this.sessions.size, checkpoints, cursors, boards, bytes: this.totalBytes(), ...this.counts };
  }

  /** A cursor at exactly `seq`: the nearest one at or before it, else a checkpoint, else the start, folded on. */
  private stateAt(entry: Entry, seq: number): Cursor {
    const { log } = entry;
    let best: Cursor | undefined;
    for (const c of entry.cursors) if (c.seq <= seq && (!best || c.seq > best.seq)) best = c;
    let checkpoint = -1;
    for (const k of entry.checkpoints.keys()) if (k <= seq && k > checkpoint) checkpoint = k;
    let cursor: Cursor;
    if (best && (checkpoint === -1 || seq - best.seq <= seq - checkpoint + this.every)) {
      // Folding on from a cursor is cheaper than a restore unless the checkpoint is much nearer.
      cursor = best;
      entry.cursors.splice(entry.cursors.indexOf(best), 1);
      this.counts.fromCursor++;
    } else if (checkpoint !== -1) {
      cursor = { seq: checkpoint, state: this.restore(entry, checkpoint) };
      this.counts.fromCheckpoint++;
    } else {
      const created = log[0]?.event;
      if (created?.type !== "SessionCreated") throw new Error("Een sessielog begint altijd met SessionCreated.");
      cursor = { seq: log[0]?.seq ?? 1, state: initialState(created) };
      this.counts.fromStart++;
    }
    // A cursor at seq c holds every event with a seq up to c folded in.
    for (let index = indexAfter(log, cursor.seq); index < log.length; index++) {
      const s = log[index];
      if (!s || s.seq > seq) break;
      evolve(cursor.state, s.event);
      cursor.seq = s.seq;
      this.counts.folded++;
      if (cursor.seq % this.every === 0 && !entry.checkpoints.has(cursor.seq)) entry.checkpoints.set(cursor.seq, this.checkpoint(cursor.state));
    }
    cursor.seq = seq;
    entry.cursors.push(cursor);
    if (entry.cursors.length > CURSORS) entry.cursors.shift();
    return cursor;
  }

  /** The state without its scenario (the log's first event holds it), serialised. */
  private checkpoint(state: SessionState): Buffer {
    const { scenario: _scenario, phases: _phases, ...rest } = state;
    return serialize(rest);
  }

  /** A checkpoint as a live state again, with the scenario and phases of the log's own SessionCreated. */
  private restore(entry: Entry, seq: number): SessionState {
    const created = entry.log[0]?.event;
    const bytes = entry.checkpoints.get(seq);
    if (created?.type !== "SessionCreated" || !bytes) throw new Error(`Geen controlepunt bij positie ${seq}.`);
    const { scenario, phases } = initialState(created);
    const rest: Omit<SessionState, "scenario" | "phases"> = deserialize(bytes);
    return { ...rest, scenario, phases };
  }

  private entryBytes(entry: Entry): number {
    let checkpoints = 0;
    let last = 0;
    for (const [seq, b] of entry.checkpoints) {
      checkpoints += b.byteLength;
      last = Math.max(last, seq);
    }
    // A live state is taken to be about as big as its last checkpoint (a fresh session: a few KiB).
    const cursorBytes = (entry.checkpoints.get(last)?.byteLength ?? 16_384) * entry.cursors.length;
    let boards = 0;
    for (const json of entry.boards.values()) boards += 2 * json.length;
    return entry.logBytes + checkpoints + cursorBytes + boards;
  }

  private totalBytes(): number {
    let bytes = 0;
    for (const entry of this.sessions.values()) bytes += this.entryBytes(entry);
    return bytes;
  }

  private touch(sessionId: string, entry: Entry): void {
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, entry);
  }

  /** Least recently used sessions go until the cache is within its bounds; `keep` (in use) goes last. */
  private bound(keep: string): void {
    while (this.sessions.size > this.maxSessions || this.totalBytes() > this.maxBytes) {
      const oldest = [...this.sessions.keys()].find((id) => id !== keep);
      if (oldest !== undefined) {
        this.sessions.delete(oldest);
        continue;
      }
      // Only the session in use is left and it is still too big: its checkpoints and old boards go first.
      const entry = this.sessions.get(keep);
      if (!entry || (entry.checkpoints.size === 0 && entry.boards.size <= 1)) {
        if (entry && this.totalBytes() > this.maxBytes) this.sessions.delete(keep);
        return;
      }
      entry.checkpoints.clear();
      while (entry.boards.size > 1) entry.boards.delete(entry.boards.keys().next().value ?? 0);
    }
  }
}
