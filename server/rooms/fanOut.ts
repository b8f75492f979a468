/**
 * Phase changes take turns. A phase change (or a reveal, or tafels assigned) projects and patches a whole session at
 * once; with every session of a training day stepping phases within seconds of each other, the group commit of the
 * store (store/sqlite.ts) hands dozens of such generations back in one go, and projected back to back they held the
 * event loop for hundreds of milliseconds while other sessions' commands waited unread. Here whole-session
 * projections run in turns of the event loop (setImmediate), in arrival order, so the sockets are read and other
 * sessions' small commands are decided in between. Each turn takes fan-outs for a budget (at least one): half the time
 * the rest of the loop took since the last turn, between FAN_OUT_BUDGET_MS and FAN_OUT_MAX_BUDGET_MS. Under load a turn
 * of the loop is long (every socket read in it): one fan-out per turn, or a fixed few milliseconds, made the 300th
 * phase change of a burst wait seconds while the whole burst was a second of work; this way the fan-outs get about a
 * third of the loop while they wait, and a small command waits at most one budget longer. Fairness only: nothing is
 * projected before it is stored either way, and a session's own commands wait for its generation as before.
 */
import { performance } from "node:perf_hooks";
import type { SessionEvent } from "#shared/protocol/events.ts";

/** Events after which the projection is of the whole session (or most of it) and reaches every connection. */
const FAN_OUT_EVENTS: ReadonlySet<SessionEvent["type"]> = new Set<SessionEvent["type"]>([
  "PhaseStarted",
  "TablesAssigned",
  "RolesAssigned",
  "EisenRevealed",
  "VotesRevealed",
  "SessionPaused",
  "SessionResumed",
  "TerugkomOpened",
  "TerugkomStageSet",
]);

export const isFanOut = (event: SessionEvent): boolean => FAN_OUT_EVENTS.has(event.type);

/** The least the fan-outs of one turn may take together before the rest waits for the next turn. */
export const FAN_OUT_BUDGET_MS = 12;
/** The most: a loop iteration of 200 ms under 5,000 participants gives the waiting phase changes 100 ms (each ~1 ms). */
export const FAN_OUT_MAX_BUDGET_MS = 100;

interface Waiting {
  work: () => void;
  done: () => void;
  failed: (error: unknown) => void;
  since: number;
}

const waiting: Waiting[] = [];
let turning = false;
/** When the last turn ended (or the first fan-out began to wait): what the loop did since sets the next turn's budget. */
let lastTurnEnd = 0;

/** What the fan-outs took since the process started (for the benchmark's report). */
export const fanOutFigures = { count: 0, workMs: 0, maxWorkMs: 0, waitedMs: 0, maxWaitedMs: 0, turns: 0 };

/**
 * Runs `work` (a whole-session projection and its patches) in a turn of the event loop of its own or shared with
 * other fan-outs, after the fan-outs that asked before it. Resolves once it ran; rejects with what it threw.
 */
export function fanOutTurn(work: () => void): Promise<void> {
  return new Promise((done, failed) => {
    waiting.push({ work, done, failed, since: performance.now() });
    if (!turning) {
      turning = true;
      // The loop's time counts from when fan-outs started waiting.
      lastTurnEnd = performance.now();
      setImmediate(nextTurn);
    }
  });
}

function nextTurn(): void {
  const start = performance.now();
  const budget = Math.min(FAN_OUT_MAX_BUDGET_MS, Math.max(FAN_OUT_BUDGET_MS, (start - lastTurnEnd) / 2));
  fanOutFigures.turns++;
  // Always one; more while the turn's budget lasts.
  do {
    const next = waiting.shift();
    if (!next) break;
    const began = performance.now();
    const waited = began - next.since;
    try {
      next.work();
      next.done();
    } catch (error) {
      next.failed(error);
    }
    const took = performance.now() - began;
    fanOutFigures.count++;
    fanOutFigures.workMs += took;
    fanOutFigures.maxWorkMs = Math.max(fanOutFigures.maxWorkMs, took);
    fanOutFigures.waitedMs += waited;
    fanOutFigures.maxWaitedMs = Math.max(fanOutFigures.maxWaitedMs, waited);
  } while (performance.now() - start < budget);
  lastTurnEnd = performance.now();
  if (waiting.length > 0) setImmediate(nextTurn);
  else turning = false;
}
