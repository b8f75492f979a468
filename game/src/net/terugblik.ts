/**
 * The terugblik over HTTP: the timeline of day 1 and the board as it was after any event, for the spelleider (by
 * secret) and for the beamer (by code). Every answer is parsed with the server's schemas; a refusal comes back as
 * the server's own Dutch sentence. Boards are kept per position, so stepping back to a place already seen is instant.
 */
import { z } from "zod";
import { BoardAtSchema, TimelineSchema, type BoardAt, type TimelineView } from "#shared/protocol/views.ts";
import { terugblik as texts } from "#shared/strings/terugblik.ts";
import type { Snapshot } from "./connection.ts";
import { serverUrl } from "./endpoint.ts";

export type TimelineEntry = TimelineView["entries"][number];
export type { TimelineView, BoardAt };

/** Who asks: the console with its secret, or the beamer with the join code. */
export type TerugblikSource = { as: "spelleider"; secret: string } | { as: "beamer"; code: string };

/** A failure with the Dutch text to show. */
export class TerugblikError extends Error {}

const ErrorBodySchema = z.object({ error: z.string() });

/** How many boards are kept per source; a long day 1 scrubbed end to end should not fill the memory. */
const MAX_KEPT = 300;

function baseOf(source: TerugblikSource): string {
  return source.as === "spelleider"
    ? `${serverUrl()}/api/spelleider/${encodeURIComponent(source.secret)}/terugblik`
    : `${serverUrl()}/api/terugblik/${encodeURIComponent(source.code)}`;
}

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" } });
  } catch {
    throw new TerugblikError(texts.errors.network);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new TerugblikError(res.ok ? texts.errors.unreadable : texts.errors.status(res.status));
  }
  if (!res.ok) {
    const refused = ErrorBodySchema.safeParse(body);
    throw new TerugblikError(refused.success ? refused.data.error : texts.errors.status(res.status));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new TerugblikError(texts.errors.unreadable);
  return parsed.data;
}

/** The Dutch text of anything thrown while loading. */
export function errorText(error: unknown): string {
  return error instanceof TerugblikError ? error.message : texts.errors.unreadable;
}

/**
 * One session's terugblik: its timeline and a cache of boards by position. Keep one per source (see
 * `terugblikFor`), so every component that shows the same session shares the boards already fetched.
 */
export class Terugblik {
  private readonly base: string;
  private timelineLoad: Promise<TimelineView> | null = null;
  private readonly boards = new Map<number, Promise<BoardAt>>();
  private readonly loaded = new Map<number, BoardAt>();

  constructor(source: TerugblikSource) {
    this.base = baseOf(source);
  }

  /** The timeline; fetched once (day 1 does not change once the terugkombijeenkomst is open), again after a failure. */
  timeline(): Promise<TimelineView> {
    if (!this.timelineLoad) {
      const load = getJson(this.base, TimelineSchema);
      this.timelineLoad = load;
      load.catch(() => {
        if (this.timelineLoad === load) this.timelineLoad = null;
      });
    }
    return this.timelineLoad;
  }

  /** A board already fetched, without waiting: what the screen can show at once. */
  cached(seq: number): BoardAt | null {
    return this.loaded.get(seq) ?? null;
  }

  /** The board right after event `seq` (from 1). */
  board(seq: number): Promise<BoardAt> {
    const kept = this.boards.get(seq);
    if (kept) {
      // Most recently used goes last, so the oldest is dropped first.
      this.boards.delete(seq);
      this.boards.set(seq, kept);
      return kept;
    }
    const load = getJson(`${this.base}/${seq}`, BoardAtSchema);
    this.boards.set(seq, load);
    load.then(
      (board) => this.loaded.set(seq, board),
      () => {
        // A failure is not kept: the next try asks the server again.
        if (this.boards.get(seq) === load) this.boards.delete(seq);
      },
    );
    while (this.boards.size > MAX_KEPT) {
      const oldest = this.boards.keys().next();
      if (oldest.done) break;
      this.boards.delete(oldest.value);
      this.loaded.delete(oldest.value);
    }
    return load;
  }

  /** Fetches quietly in the background, so the next step is instant; failures are left for when it is asked for. */
  prefetch(seq: number): void {
    if (seq < 1 || this.boards.has(seq)) return;
    this.board(seq).catch(() => {});
  }
}

const bySource = new Map<string, Terugblik>();

export function terugblikFor(source: TerugblikSource): Terugblik {
  const key = baseOf(source);
  let found = bySource.get(key);
  if (!found) {
    found = new Terugblik(source);
    bySource.set(key, found);
  }
  return found;
}

/** A replayed board in the shape the live screens draw from: the same beamer components can show it unchanged. */
export function snapshotOf(board: BoardAt): Snapshot {
  return { ...board.view, seq: board.seq, replaySeq: 0, beamerPage: null };
}

/** The day-1 part of a timeline: what the terugblik steps through. */
export function dayOneEntries(timeline: TimelineView): TimelineEntry[] {
  return timeline.entries.filter((e) => e.seq <= timeline.dayOneEnd);
}

const clock = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit" });

/** A moment as the room reads it: HH:MM. */
export function timeOf(at: number): string {
  return clock.format(at);
}
