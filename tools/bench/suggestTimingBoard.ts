/**
 * The board `bench:suggest` and `bench:suggest-boards` time duplicate suggestions on: 300 eisen as a big session writes
 * them, the labelled set and the bots' eisen, then the same ideas said again with a different ending, the way different
 * participants and rounds do (every fifth an item).
 */
import { EIS_TEXTS } from "../bots/texts.ts";
import { performance } from "node:perf_hooks";
import { suggestDuplicates, type SuggestionEntry } from "../../server/core/suggestions.ts";
import { EISEN_GROUPS } from "../../tests/fixtures/eisenPairs.ts";

export const TIMING_BOARD_SIZE = 300;

export function timingBoard(size = TIMING_BOARD_SIZE): SuggestionEntry[] {
  const pool = [...EISEN_GROUPS.flat(), ...Object.values(EIS_TEXTS).flat()];
  const endings = ["", " Dat geldt voor iedere inwoner.", " Binnen twee weken.", " Ook bij twijfel.", " Zonder extra formulieren.", " Samen met het wijkteam."];
  const board: SuggestionEntry[] = [];
  for (let k = 0; board.length < size; k++) {
    const text = `${pool[k % pool.length]}${endings[Math.floor(k / pool.length) % endings.length]}`.trim();
    board.push({ ref: { kind: k % 5 === 0 ? "item" : "eis", id: `x${String(k).padStart(3, "0")}` }, text });
  }
  return board;
}

/**
 * Suggestions for `board` once warm, as a long session gives them (the JIT compiles the scoring loop after a few dozen
 * boards): `warmup` calls not measured, then `runs` calls timed (wall, sorted) with this process's CPU time per call.
 */
export function warmTimings(board: readonly SuggestionEntry[], runs: number, warmup: number): { at: (q: number) => number; cpuMs: number } {
  for (let run = 0; run < warmup; run++) suggestDuplicates(board);
  const cpu = process.cpuUsage();
  const walls: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    suggestDuplicates(board);
    walls.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  walls.sort((a, b) => a - b);
  return { at: (q) => walls[Math.min(walls.length - 1, Math.floor(q * walls.length))] ?? 0, cpuMs: (used.user + used.system) / runs / 1000 };
}
