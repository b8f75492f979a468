/**
 * Derived work (the duplicate suggestions of a board) takes turns across all rooms of this process, within a share of
 * the event loop. Each room asks for its next computation no earlier than a moment of its own (projection.ts: 20 ms
 * after a change, at most every DERIVED_INTERVAL_MS); here the computations that are due run in the order they became
 * due, for at most DERIVED_BUDGET_MS at a time, and the next batch waits at least DERIVED_PAUSE_FACTOR times as long as
 * this one took. So derived work never takes more than about a fifth of the loop, however many boards are being
 * merged at once: with 300 sessions in samenvoegen, a board computed every 2 s per session was more than the loop
 * could give, and every command waited behind it. Under such load the suggestions come later; the commands do not.
 *
 * Preparation (`prepareLater`) goes in the same batches, after every computation that is due: work that only makes a
 * later computation cheaper, never different (the text of an eis is prepared as it is written, in the rolwissel, while
 * the loop has room; at the reveal 300 sessions' boards were otherwise prepared all at once, when it had none).
 */
import { performance } from "node:perf_hooks";

/** The most one batch of derived computations takes (at least one computation runs). */
export const DERIVED_BUDGET_MS = 10;
/** After a batch, the loop gets this many times its length for everything else before the next one. */
export const DERIVED_PAUSE_FACTOR = 4;

export interface DerivedTicket {
  cancel(): void;
}

interface Job {
  due: number;
  run: () => void;
  cancelled: boolean;
}

const jobs: Job[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let timerAt = Infinity;
/** Not before this (the pause after the last batch). */
let pausedUntil = 0;

/** Preparation waiting, oldest first; at most PREPARE_LIMIT (beyond it the oldest is dropped: it only saves time later). */
const preparing: (() => void)[] = [];
let preparedUpTo = 0;
export const PREPARE_LIMIT = 50_000;

/** What the batches took since the process started (for the benchmark's report). */
export const derivedFigures = { runs: 0, workMs: 0, batches: 0, lateMs: 0, maxLateMs: 0, prepared: 0, prepareMs: 0, prepareDropped: 0 };

/** Runs `run` at `due` (Date.now() time) or later, when the loop has room for it. */
export function scheduleDerived(due: number, run: () => void): DerivedTicket {
  const job: Job = { due, run, cancelled: false };
  // Kept in order of due time (new jobs are nearly always the latest).
  let k = jobs.length;
  while (k > 0 && (jobs[k - 1]?.due ?? 0) > due) k--;
  jobs.splice(k, 0, job);
  arm();
  return {
    cancel() {
      job.cancelled = true;
    },
  };
}

/** Runs `prepare` when the loop has room: after the computations that are due, within the same share of the loop. */
export function prepareLater(prepare: () => void): void {
  if (preparing.length - preparedUpTo >= PREPARE_LIMIT) {
    // The oldest is let go of now, not when the array is next cut.
    preparing[preparedUpTo++] = noop;
    derivedFigures.prepareDropped++;
  }
  preparing.push(prepare);
  arm();
}

function arm(): void {
  while (jobs[0]?.cancelled) jobs.shift();
  const first = jobs[0] ?? (preparedUpTo < preparing.length ? { due: 0 } : undefined);
  if (!first) {
    if (timer) clearTimeout(timer);
    timer = null;
    timerAt = Infinity;
    return;
  }
  const at = Math.max(first.due, pausedUntil);
  if (timer && timerAt <= at) return;
  if (timer) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(batch, Math.max(0, at - Date.now()));
  timer.unref?.();
}

function batch(): void {
  timer = null;
  timerAt = Infinity;
  const start = performance.now();
  const now = Date.now();
  derivedFigures.batches++;
  do {
    const job = jobs[0];
    if (!job || job.due > now) break;
    jobs.shift();
    if (job.cancelled) continue;
    const late = now - job.due;
    derivedFigures.lateMs += late;
    derivedFigures.maxLateMs = Math.max(derivedFigures.maxLateMs, late);
    const began = performance.now();
    try {
      job.run();
    } catch (error) {
      console.error("Afgeleid werk (suggesties) mislukt:", error);
    }
    derivedFigures.runs++;
    derivedFigures.workMs += performance.now() - began;
  } while (performance.now() - start < DERIVED_BUDGET_MS);
  prepareWithin(start);
  pausedUntil = Date.now() + DERIVED_PAUSE_FACTOR * (performance.now() - start);
  arm();
}

/** Runs waiting preparation until the batch that began at `start` has used its budget. */
function prepareWithin(start: number): void {
  const began = performance.now();
  while (preparedUpTo < preparing.length && performance.now() - start < DERIVED_BUDGET_MS) {
    const prepare = preparing[preparedUpTo];
    preparing[preparedUpTo++] = noop;
    try {
      prepare?.();
    } catch (error) {
      console.error("Voorbereiden (suggesties) mislukt:", error);
    }
    derivedFigures.prepared++;
  }
  derivedFigures.prepareMs += performance.now() - began;
  // Done ones are let go of in bulk (an index per job, not shift(), which moves the whole array each time).
  if (preparedUpTo === preparing.length || preparedUpTo > 1024) {
    preparing.splice(0, preparedUpTo);
    preparedUpTo = 0;
  }
}

function noop(): void {}
