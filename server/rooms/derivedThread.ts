/**
 * The derived parts of the views (the duplicate suggestions) are computed on a thread of their own, beside the SQLite
 * writer's: a room hands the board it took from its state (plain data) and gets the value back a few milliseconds
 * later, and the event loop that answers every command does not compare boards. At 3,000 participants in the stress
 * model the suggestions were 14 % of the main thread in samenvoegen and 9 % at the reveal, the seconds when the loop was
 * 89–96 % busy and every command queued behind whatever ran (docs/performance.md). The texts of eisen are prepared
 * there too, as they are written (the thread keeps its own cache).
 *
 * Each room has at most one computation out (projection.ts asks for the next only after the answer). Whatever is asked
 * in one turn goes in one message. If the thread cannot start, stops or fails a computation, `computeElsewhere` says
 * so (null, or the callback gets null) and the room computes on the main thread, in the turns of derivedTurns.ts, as
 * before: a suggestion comes a moment later, nothing is lost. After RESTARTS_AT_MOST failures the thread is not started
 * again in this process.
 */
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { SuggestionViewSchema, type SuggestionView } from "#shared/protocol/views.ts";
import type { DerivedData, DerivedPart } from "../core/views/parts.ts";
import type { DerivedBatch, DerivedJob } from "./derivedWorker.ts";

const RESTARTS_AT_MOST = 3;

const AnswersSchema = z.array(
  z.discriminatedUnion("ok", [
    z.object({ id: z.number(), ok: z.literal(true), value: z.array(SuggestionViewSchema), ms: z.number() }),
    z.object({ id: z.number(), ok: z.literal(false), message: z.string(), ms: z.number() }),
  ]),
);
const PreparedSchema = z.object({ prepared: z.number(), ms: z.number() });

/** What the thread did since the process started (for bench:load's report): computations, their work, preparation. */
export const threadFigures = { runs: 0, workMs: 0, prepared: 0, prepareMs: 0, failures: 0 };

export interface Elsewhere {
  /** The answer is not wanted any more (the room computed it itself, or closed). */
  cancel(): void;
}

type Done = (value: SuggestionView[] | null) => void;

let worker: Worker | null = null;
let failures = 0;
let nextId = 1;
const waiting = new Map<number, Done>();
let outbox: DerivedBatch = { prepare: [], jobs: [] };
let sendScheduled = false;

function start(): Worker | null {
  if (worker) return worker;
  if (failures >= RESTARTS_AT_MOST) return null;
  let started: Worker;
  try {
    started = new Worker(new URL("./derivedWorker.ts", import.meta.url), { name: "suggesties" });
  } catch (error) {
    lost(error);
    return null;
  }
  // Only computations out keep the process alive.
  started.unref();
  started.on("message", (message: unknown) => answer(message));
  started.on("error", (error) => {
    if (worker === started) lost(error);
  });
  started.on("exit", () => {
    if (worker === started) lost(new Error("gestopt"));
  });
  worker = started;
  return started;
}

/** The thread is gone: whatever it still had is computed on the main thread. */
function lost(error: unknown): void {
  failures++;
  threadFigures.failures++;
  console.error(`De rekenthread voor de suggesties is weggevallen (${error instanceof Error ? error.message : String(error)}); de suggesties worden nu in de hoofdthread berekend.`);
  const gone = worker;
  worker = null;
  void gone?.terminate();
  const orphans = [...waiting.values()];
  waiting.clear();
  for (const done of orphans) done(null);
}

function answer(message: unknown): void {
  const prepared = PreparedSchema.safeParse(message);
  if (prepared.success) {
    threadFigures.prepared += prepared.data.prepared;
    threadFigures.prepareMs += prepared.data.ms;
    return;
  }
  // Under `node --watch` (npm run dev) Node's own notes arrive here too: only answers count.
  const answers = AnswersSchema.safeParse(message);
  if (!answers.success) return;
  for (const a of answers.data) {
    const done = waiting.get(a.id);
    if (!done) continue;
    waiting.delete(a.id);
    threadFigures.runs++;
    threadFigures.workMs += a.ms;
    if (!a.ok) console.error("Suggesties berekenen mislukt in de rekenthread:", a.message);
    done(a.ok ? a.value : null);
  }
  if (waiting.size === 0) worker?.unref();
}

function scheduleSend(): void {
  if (sendScheduled) return;
  sendScheduled = true;
  setImmediate(() => {
    sendScheduled = false;
    const batch = outbox;
    outbox = { prepare: [], jobs: [] };
    const thread = start();
    if (!thread) {
      for (const job of batch.jobs) settle(job.id, null);
      return;
    }
    thread.postMessage(batch);
  });
}

function settle(id: number, value: SuggestionView[] | null): void {
  const done = waiting.get(id);
  waiting.delete(id);
  done?.(value);
}

/**
 * Computes the part's value from `data` on the thread; `done` gets it (null: the thread could not, compute it here)
 * in a later turn, unless cancelled. Null: there is no thread (it failed too often); compute it here.
 */
export function computeElsewhere(part: DerivedPart["name"], data: DerivedData, done: Done): Elsewhere | null {
  const thread = start();
  if (!thread) return null;
  const job: DerivedJob = { id: nextId++, part, data };
  let cancelled = false;
  waiting.set(job.id, (value) => {
    if (!cancelled) done(value);
  });
  thread.ref();
  outbox.jobs.push(job);
  scheduleSend();
  return {
    cancel() {
      cancelled = true;
    },
  };
}

/** Prepares a text on the thread, for its later computations. False: there is no thread; prepare it here if at all. */
export function prepareElsewhere(part: DerivedPart["name"], text: string): boolean {
  if (!start()) return false;
  outbox.prepare.push({ part, text });
  scheduleSend();
  return true;
}

/** Stops the thread, as a failure would (tests: the rooms must go on computing on the main thread). */
export async function stopDerivedThread(): Promise<void> {
  const running = worker;
  if (!running) return;
  await running.terminate();
}
