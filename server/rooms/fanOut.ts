/**
 * Phase changes take turns. A phase change (or a reveal, or tafels assigned) projects and patches a whole session at
 * once; with every session of a training day stepping phases within seconds of each other, the group commit of the
 * store (store/sqlite.ts) hands dozens of such generations back in one go, and projected back to back they held the
 * event loop for hundreds of milliseconds while other sessions' commands waited unread. Here each whole-session
 * projection waits for its own turn of the event loop (setImmediate), one per turn, in arrival order, so the sockets
 * are read and other sessions' small commands are decided in between. Fairness only: nothing is projected before it
 * is stored either way, and a session's own commands wait for its generation as before.
 */
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

const waiting: (() => void)[] = [];
let turning = false;

/** Resolves in a turn of the event loop of its own, after the fan-outs that asked before it. */
export function fanOutTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!turning) {
      turning = true;
      setImmediate(nextTurn);
    }
  });
}

function nextTurn(): void {
  const resolve = waiting.shift();
  // The projection runs in this turn's microtasks; the next one only in the next turn, after the sockets are read.
  resolve?.();
  if (waiting.length > 0) setImmediate(nextTurn);
  else turning = false;
}
