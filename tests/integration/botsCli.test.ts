/**
 * `npm run bots` explains itself: --help prints the usage, a wrong option says in Dutch what is wrong, and the
 * report names the cases the group tested with the decision and the Toets verdicts. Without --url it reads the
 * scenarios of SCENARIO_DIR, like the server. The real CLI process, with its own real server.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);
const bots = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [join(ROOT, "tools/bots/cli.ts"), ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" }),
  );

describe("npm run bots", () => {
  it("--help toont hoe het werkt en stopt netjes", async () => {
    const { code, stdout } = await bots(["--help"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("Gebruik: npm run bots -- [opties]");
    for (const option of ["--players", "--scenario", "--variant", "--tables", "--seed", "--terugkom", "--url", "--help"]) expect(stdout).toContain(option);
    expect(stdout).toContain("SCENARIO_DIR");
  });

  it("een onbekende optie of een optie zonder waarde: in het Nederlands wat er mis is, en het gebruik", async () => {
    const unknown = await bots(["--spelers", "4"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toBe("De optie --spelers ken ik niet.");
    expect(unknown.stderr).toContain("Gebruik: npm run bots -- [opties]");
    expect(unknown.stderr).not.toContain("ERR_PARSE_ARGS");
    const missing = await bots(["--players"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("Bij de optie --players hoort een waarde, bijvoorbeeld --players 12.");
  });

  it("speelt een scenario uit SCENARIO_DIR en noemt de getoetste casussen met besluit en oordelen", async () => {
    const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-bots-"));
    try {
      // Only the Wmo scenario in the folder: without --scenario the bots play it (there is no demo here).
      copyFileSync(join(ROOT, "scenarios/wmo-meedoen.json"), join(dir, "wmo-meedoen.json"));
      const { code, stdout } = await bots(["--players", "4", "--variant", "kort"], { SCENARIO_DIR: dir });
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split("\n");
      const at = lines.indexOf("Getoetste casussen (1):");
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^ {2}- De partner als mantelzorger \(mantelzorg\): besluit ".+"; oordelen over het programma van eisen: (\d+× (helpt|staat in de weg|niet van toepassing)(, )?)+\.$/);
      expect(lines.at(-1)).toMatch(/^Klaar: \d+ fasen, \d+ opdrachten \(0 geweigerd\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
