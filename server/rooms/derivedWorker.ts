/**
 * The thread that computes the derived parts of the views (the duplicate suggestions), for derivedThread.ts. Each
 * message is a batch: texts to prepare ahead (an eis written in the rolwissel) and boards to compute, each answered with
 * its value and how long it took. Core's own part computes here, from the same plain data, so the value is what the
 * main thread (and the terugblik's replay) computes for that board.
 *
 * No zod here: the main thread took the data from its own state; it checks the answers.
 */
import { parentPort } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { VIEW_PARTS } from "../core/view.ts";
import type { DerivedData, DerivedPart } from "../core/views/parts.ts";

export interface DerivedJob {
  id: number;
  part: DerivedPart["name"];
  data: DerivedData;
}
export interface DerivedBatch {
  prepare: { part: DerivedPart["name"]; text: string }[];
  jobs: DerivedJob[];
}

const parts = new Map<string, DerivedPart>(VIEW_PARTS.flatMap((part) => (part.kind === "derived" ? [[part.name, part] as const] : [])));

parentPort?.on("message", (batch: DerivedBatch) => {
  const answers = batch.jobs.map((job) => {
    const began = performance.now();
    const part = parts.get(job.part);
    if (!part) return { id: job.id, ok: false, message: `Onbekend afgeleid deel: ${job.part}`, ms: 0 };
    try {
      return { id: job.id, ok: true, value: part.compute(job.data), ms: performance.now() - began };
    } catch (error) {
      return { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error), ms: performance.now() - began };
    }
  });
  // The answers first: preparing only makes later computations cheaper.
  if (answers.length > 0) parentPort?.postMessage(answers);
  const began = performance.now();
  for (const { part, text } of batch.prepare) parts.get(part)?.prepare(text);
  if (batch.prepare.length > 0) parentPort?.postMessage({ prepared: batch.prepare.length, ms: performance.now() - began });
});
