/**
 * `npm run bench:suggest`: how long duplicate suggestions take for a board of 300 eisen (target <= 20 ms), and how good
 * they are on the labelled Dutch set (tests/fixtures/eisenPairs.ts), computed exactly as
 * tests/core/suggestions.test.ts does: every pair above the default threshold, precision and recall against the groups.
 */
import { performance } from "node:perf_hooks";
import { EIS_TEXTS } from "../bots/texts.ts";
import { DEFAULT_SUGGESTION_THRESHOLD, suggestDuplicates, type SuggestionEntry } from "../core/suggestions.ts";
import { EISEN_GROUPS, labelledQuality } from "../../tests/fixtures/eisenPairs.ts";

const RUNS = 50;
const BOARD = 300;

// 300 eisen as a big session writes them: the labelled set and the bots' eisen, then the same ideas said again
// with a different ending, the way different participants and rounds do.
const pool = [...EISEN_GROUPS.flat(), ...Object.values(EIS_TEXTS).flat()];
const endings = ["", " Dat geldt voor iedere inwoner.", " Binnen twee weken.", " Ook bij twijfel.", " Zonder extra formulieren.", " Samen met het wijkteam."];
const board: SuggestionEntry[] = [];
for (let k = 0; board.length < BOARD; k++) {
  const text = `${pool[k % pool.length]}${endings[Math.floor(k / pool.length) % endings.length]}`.trim();
  board.push({ ref: { kind: k % 5 === 0 ? "item" : "eis", id: `x${String(k).padStart(3, "0")}` }, text });
}

const timings: number[] = [];
let found = 0;
for (let run = 0; run < RUNS + 1; run++) {
  const started = performance.now();
  found = suggestDuplicates(board).length;
  timings.push(performance.now() - started);
}
const [cold = 0, ...warm] = timings;
warm.sort((a, b) => a - b);
const at = (q: number) => warm[Math.min(warm.length - 1, Math.floor(q * warm.length))] ?? 0;

// Quality, exactly as the test measures it.
const quality = labelledQuality();

console.log(`Dubbele-eisen-suggesties (suggestDuplicates), ${BOARD} eisen en items op het bord, ${RUNS} keer na één koude run:`);
console.log(`  koud (eerste keer, zonder gecachte stammen): ${cold.toFixed(2)} ms`);
console.log(`  warm: mediaan ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${at(1).toFixed(2)} ms (doel <= 20 ms); ${found} suggesties getoond`);
console.log(`Kwaliteit op de gelabelde set (${quality.entries} eisen, ${quality.positives} echte paren, drempel ${DEFAULT_SUGGESTION_THRESHOLD}):`);
console.log(`  ${quality.suggested} voorgesteld, ${quality.truePositives} terecht: precisie ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}`);
