/**
 * The benchmarks run our server as `npm start` does: with the Node flags of package.json's start script
 * (tools/bench/startFlags.ts). Those flags must be ones this Node accepts, and a start script the benchmarks cannot
 * read is refused in words, not run without its flags.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startFlags } from "../../tools/bench/startFlags.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function checkoutWithStart(start: string): string {
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-startflags-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ scripts: { start } }));
  return dir;
}

describe("de server zoals npm start hem start", () => {
  it("krijgt vlaggen die deze Node kent", () => {
    const flags = startFlags(ROOT);
    expect(flags.length).toBeGreaterThan(0);
    const run = spawnSync(process.execPath, [...flags, "-e", "console.log(JSON.stringify(process.execArgv))"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining(flags));
  });

  it("weigert een start-script dat de server niet met node start, met de reden", () => {
    const dirs = [checkoutWithStart("npm run build && tsx server/main.ts"), checkoutWithStart("node server/other.ts"), checkoutWithStart("node --x 16 server/main.ts")];
    try {
      expect(() => startFlags(dirs[0]!)).toThrow(/niet als 'node … server\/main.ts'/);
      expect(() => startFlags(dirs[1]!)).toThrow(/niet als 'node … server\/main.ts'/);
      expect(() => startFlags(dirs[2]!)).toThrow(/'16' in het start-script is geen Node-vlag/);
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
