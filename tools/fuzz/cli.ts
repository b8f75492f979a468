/**
 * `npm run fuzz -- --runs 100000 [--seed n] [--path p] [--only decoder|decide|room]`
 * Runs the fuzz properties of tests/fuzz with many more cases than `npm test` does: --runs cases for each property of
 * the decoder and of decide, and --runs/20 for the real room (each of those is a round trip through a server). Without
 * --seed a random seed is chosen and printed, so a run can be repeated; on a failure fast-check prints the seed and
 * the path of the smallest counterexample, which --seed and --path replay.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { toolArgs } from "../args.ts";

const PROPERTIES = ["decoder", "decide", "room"] as const;

const USAGE = [
  "Gebruik: npm run fuzz -- [--runs 100000] [--seed N] [--path P] [--only decoder|decide|room]",
  "",
  "De fuzz-eigenschappen van tests/fuzz met veel meer gevallen dan npm test.",
  "  --runs N    gevallen per eigenschap (de echte kamer krijgt er N/20)",
  "  --seed N    herhaal een run; zonder --seed kiest het er een en drukt die af",
  "  --path P    het pad van het kleinste tegenvoorbeeld dat fast-check afdrukte",
  "  --only X    alleen decoder, decide of room",
].join("\n");

const { values } = toolArgs({
  options: {
    runs: { type: "string", default: "100000" },
    seed: { type: "string" },
    path: { type: "string" },
    only: { type: "string" },
  },
}, USAGE);

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs moet een heel getal vanaf 1 zijn.");
  process.exit(2);
}
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^-?\d+$/.test(seed)) {
  console.error("--seed moet een heel getal zijn.");
  process.exit(2);
}
const only = values.only;
if (only !== undefined && !PROPERTIES.some((p) => p === only)) {
  console.error(`--only kan zijn: ${PROPERTIES.join(", ")}.`);
  process.exit(2);
}

const files = (only ? [only] : PROPERTIES).map((name) => `tests/fuzz/${name}.test.ts`);
console.log(`Fuzzen: ${runs} gevallen per eigenschap (kamer: ${Math.ceil(runs / 20)}), seed ${seed}${values.path ? `, path ${values.path}` : ""}.`);
const started = Date.now();
const result = spawnSync(process.execPath, [resolve("node_modules/vitest/vitest.mjs"), "run", "--config", resolve("tools/fuzz/vitest.config.ts"), ...files], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed, ...(values.path ? { FUZZ_PATH: values.path } : {}) },
});
const seconds = Math.round((Date.now() - started) / 1000);
if (result.status === 0) console.log(`Geen fouten gevonden in ${seconds} s (seed ${seed}).`);
else console.error(`Fout gevonden na ${seconds} s. Herhaal met: npm run fuzz -- --runs ${runs} --seed ${seed}${only ? ` --only ${only}` : ""} (en --path uit de melding hierboven).`);
process.exit(result.status ?? 1);
