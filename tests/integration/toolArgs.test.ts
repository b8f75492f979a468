/**
 * The developer tools explain themselves like the trainers' tools: --help prints the usage and stops with 0, an
 * unknown or incomplete option says so in Dutch with the usage and stops with 2, never with a stack trace. The real
 * CLI processes; they stop before measuring anything.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);
const tool = (file: string, args: string[]) =>
  run(process.execPath, [join(ROOT, file), ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" }),
  );

const TOOLS = [
  { file: "tools/bench/load.ts", usage: "Gebruik: npm run bench:load -- [opties]", options: ["--sessions", "--baseline", "--stagger", "--window-profile"] },
  { file: "tools/bench/store.ts", usage: "Gebruik: npm run bench:store -- [opties]", options: ["--appends", "--rate", "--gather"] },
  { file: "tools/fuzz/cli.ts", usage: "Gebruik: npm run fuzz -- [--runs 100000]", options: ["--seed", "--path", "--only"] },
  { file: "tools/bench/heapDiff.ts", usage: "Gebruik: node tools/bench/heapDiff.ts", options: ["--top"] },
];

describe("the operators' tools: --help shows the usage and stops with 0", () => {
  for (const { file, usage } of [
    { file: "tools/admin/purge.ts", usage: "Gebruik: npm run session:purge -- --older-than <leeftijd>" },
    { file: "tools/admin/import.ts", usage: "Gebruik: npm run session:import -- <bestand.json>" },
  ]) {
    it(file, async () => {
      const help = await tool(file, ["--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout.startsWith(usage)).toBe(true);
      expect(help.stderr).toBe("");
    });
  }
});

describe("the developer tools' command line", () => {
  for (const { file, usage, options } of TOOLS) {
    it(`${file}: --help shows the usage; an unknown option a Dutch message with it`, async () => {
      const help = await tool(file, ["--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout.startsWith(usage)).toBe(true);
      for (const option of options) expect(help.stdout).toContain(option);
      const wrong = await tool(file, ["--bestaat-niet"]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/^Onbekende of onvolledige optie \(Unknown option '--bestaat-niet'/);
      expect(wrong.stderr).toContain(usage);
      expect(wrong.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
