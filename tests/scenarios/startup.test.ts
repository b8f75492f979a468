/**
 * The server says what the checker says. `npm start` on a folder of broken scenarios (the corpus in
 * tests/scenarios/broken/) names every skipped file and every file with warnings, with exactly the lines of
 * `npm run scenario:check` (file:line:column, path, Dutch message), and says which scenarios it does not offer
 * because of personal data. The real server process, started as an operator starts it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../../tools/bench/services.ts";
import { startFlags } from "../../tools/bench/startFlags.ts";
import { checkScenarioFiles, formatProblem, hasErrors } from "../../server/scenarios/check.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BROKEN = "tests/scenarios/broken";

/** Starts server/main.ts, waits until it listens (or ends), stops it, and returns what it printed. */
async function startOutput(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  // With the flags npm start gives it.
  const child = spawn(process.execPath, [...startFlags(ROOT), "server/main.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  await new Promise<void>((done) => {
    child.stdout.on("data", () => {
      if (stdout.includes("  trainers:")) done();
    });
    child.once("exit", () => done());
  });
  child.kill("SIGTERM");
  await new Promise((done) => (child.exitCode === null ? child.once("exit", done) : done(null)));
  return { stdout, stderr };
}

describe("de server bij het starten", () => {
  it("meldt elk overgeslagen bestand en elke waarschuwing met precies de regels van scenario:check", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "maatwerkspel-start-"));
    try {
      const { stdout, stderr } = await startOutput({ SCENARIO_DIR: BROKEN, DATA_DIR: dataDir, PORT: String(await freePort()), HOST: "127.0.0.1" });
      const files = readdirSync(join(ROOT, BROKEN))
        .filter((n) => n.endsWith(".json"))
        .sort()
        .map((n) => ({ file: `${BROKEN}/${n}`, text: readFileSync(join(ROOT, BROKEN, n), "utf8") }));
      const checks = checkScenarioFiles(files);
      const printed = stderr.split("\n").filter((l) => l.startsWith("  ")).map((l) => l.slice(2));
      // Every line of the checker, and nothing else: skipped files first, then the loaded ones with warnings.
      const skipped = checks.filter((c) => hasErrors([c]));
      const warned = checks.filter((c) => !hasErrors([c]) && c.problems.length > 0);
      expect(printed).toEqual([...skipped, ...warned].flatMap((c) => c.problems.map((p) => formatProblem(c.file, p))));
      // One example written out, as the issue reported it: same Dutch, same line:column.
      expect(stderr).toContain(
        "Scenario tests/scenarios/broken/ontbrekende-komma.json wordt overgeslagen (1 fout). Los de fouten op (npm run scenario:check) en start de server opnieuw.\n" +
          "  tests/scenarios/broken/ontbrekende-komma.json:217:113  cases[0].effectWanted  fout: Hier ontbreekt een komma.",
      );
      expect(stderr).toContain(
        'Scenario tests/scenarios/broken/bsn-in-briefing.json ("kapot-bsn-in-briefing") wordt niet aangeboden in /nieuw: er lijken persoonsgegevens in te staan (1 waarschuwing).',
      );
      expect(stderr).toContain('Scenario tests/scenarios/broken/ongebruikte-casus.json ("kapot-ongebruikte-casus") is geladen, met 1 waarschuwing van de controle:');
      expect(stderr).not.toMatch(/JSON|Unexpected|position/);
      expect(stdout).toContain(
        "  scenario's: kapot-ongebruikte-casus, oud-formaat, kapot-wet-slecht-geschreven; niet aangeboden (persoonsgegevens): kapot-bsn-in-briefing, kapot-email-in-beeldvorming, kapot-persoonsgegevens-half-bevestigd, kapot-persoonsgegevens",
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
