/**
 * `npm run bench:suggest-boards`: precision and recall of the duplicate suggestions per labelled board, for the tuning
 * boards (tests/fixtures/eisenPairs.ts) and every file in tests/fixtures/eisenBoards/ (each exports
 * `BOARDS: readonly LabelledBoard[]`), measured as the test measures them (labelledQuality: the default threshold and
 * cap, every suggested pair counts), and how long suggestions take for 300 eisen. It never reads the held-out boards
 * (tests/fixtures/eisenHeldOut.ts): tuning on those would make them tuning boards.
 *
 *   npm run bench:suggest-boards                      every board, then the timing
 *   npm run bench:suggest-boards -- <file> [--pairs]  only the boards of eisenBoards/<file>.ts (or "tuning"), and with
 *                                                     --pairs the missed and wrongly suggested pairs, to read
 *   --no-timing                                       skip the timing
 */
import { readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { GameRoleSchema } from "#shared/protocol/ids.ts";
import { themesOf } from "../../server/core/eisThemes.ts";
import { DEFAULT_SUGGESTION_THRESHOLD, suggestDuplicates } from "../../server/core/suggestions.ts";
import { TUNING_BOARDS } from "../../tests/fixtures/eisenPairs.ts";
import { labelledQuality, type LabelledBoard, type LabelledQuality } from "../../tests/fixtures/eisenLabels.ts";
import { TIMING_BOARD_SIZE, timingBoard, warmTimings } from "./suggestTimingBoard.ts";

const BoardsModule = z.object({
  BOARDS: z.array(
    z.object({
      name: z.string(),
      topics: z.array(z.array(z.array(z.tuple([GameRoleSchema.nullable(), z.string().min(1)])).min(1)).min(1)),
    }),
  ),
});

const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith("--"));
const showPairs = args.includes("--pairs");
const timing = !args.includes("--no-timing") && only === undefined;

const dir = fileURLToPath(new URL("../../tests/fixtures/eisenBoards/", import.meta.url));
const files: { name: string; boards: readonly LabelledBoard[] }[] = [{ name: "tuning", boards: TUNING_BOARDS }];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
  const parsed = BoardsModule.safeParse(await import(pathToFileURL(`${dir}${file}`).href));
  if (!parsed.success) {
    console.log(`${file}: geen geldige BOARDS (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`);
    continue;
  }
  files.push({ name: file.replace(/\.ts$/, ""), boards: parsed.data.BOARDS });
}

const figures = (q: LabelledQuality): string =>
  `${String(q.entries).padStart(4)} eisen ${String(q.positives).padStart(4)} pos ${String(q.hardNegatives).padStart(4)} hn ` +
  `${String(q.suggested).padStart(4)} sugg ${String(q.truePositives).padStart(4)} tp ${String(q.suggestedHardNegatives).padStart(3)} hn-sugg  ` +
  `P ${q.precision.toFixed(3)}  R ${q.recall.toFixed(3)}`;

console.log(`drempel ${DEFAULT_SUGGESTION_THRESHOLD}`);
const fresh: LabelledBoard[] = [];
for (const { name, boards } of files) {
  if (only !== undefined && only !== name) continue;
  if (name !== "tuning") fresh.push(...boards);
  for (const board of boards) console.log(`  ${figures(labelledQuality([board]))}  ${name}: ${board.name}`);
  const q = labelledQuality(boards);
  console.log(`= ${figures(q)}  ${name} (${boards.length} ${boards.length === 1 ? "bord" : "borden"})`);
  if (showPairs) {
    const themes = (text: string) => `[${[...themesOf(text)].map(([id, s]) => (s === 1 ? id : `${id} ${s}`)).join(", ")}]`;
    const line = (kind: string, p: { a: string; b: string; score: number }) =>
      `    ${kind} ${p.score.toFixed(3)}  ${p.a} ${themes(p.a)}  |  ${p.b} ${themes(p.b)}`;
    for (const m of [...q.missed].sort((x, y) => y.score - x.score)) console.log(line("gemist", m));
    for (const w of [...q.wrong].sort((x, y) => y.score - x.score)) console.log(line("fout  ", w));
  }
}
if (only === undefined && fresh.length > 0) console.log(`= ${figures(labelledQuality(fresh))}  alle nieuwe borden (eisenBoards/)`);

if (timing) {
  // The timing of tools/bench/suggest.ts: 300 eisen as a big session writes them.
  const RUNS = 50;
  const WARMUP = 200;
  const BOARD = TIMING_BOARD_SIZE;
  const board = timingBoard();
  const started = performance.now();
  const found = suggestDuplicates(board).length;
  const cold = performance.now() - started;
  const { at, cpuMs } = warmTimings(board, RUNS, WARMUP);
  console.log(
    `${BOARD} eisen: koud ${cold.toFixed(1)} ms; warm processortijd ${cpuMs.toFixed(2)} ms, ` +
      `mediaan ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (doel <= 20 ms); ${found} suggesties`,
  );
}
