/**
 * `npm run bench:client`: what a participant's first visit costs. Builds the client, starts the real server on a
 * free port, opens `/` in headless Chromium (a fresh profile, so nothing is cached) and prints the gzip size of all
 * JavaScript that visit loads and the time until the join form can be used. Run it a few times; it prints the median.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { buildServer } from "../app.ts";
import { loadScenarioDir } from "../scenarios/load.ts";
import { SqliteEventStore } from "../store/sqlite.ts";

const RUNS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-bench-client-"));
const outDir = join(dir, "client");
execFileSync(process.execPath, [resolve("node_modules/vite/bin/vite.js"), "build", "--logLevel", "error", "--outDir", outDir, "--emptyOutDir"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });

const { scenarios } = await loadScenarioDir(resolve("scenarios"));
const store = new SqliteEventStore(join(dir, "bench.sqlite"));
const server = buildServer({ store, scenarios, clientDir: outDir });
const port = 21000 + Math.floor(Math.random() * 9000);
await server.listen(port, "127.0.0.1");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });

const results: { gzipBytes: number; rawBytes: number; files: number; usableMs: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const scripts: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.body());
  });
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}/`);
  // Usable: the name field can take input and the button is there.
  await page.locator("#naam").waitFor({ state: "visible" });
  await page.locator("button[type=submit]").waitFor({ state: "visible" });
  const usableMs = Date.now() - started;
  await page.waitForLoadState("networkidle");
  const bodies = await Promise.all(scripts);
  results.push({
    gzipBytes: bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
    rawBytes: bodies.reduce((sum, b) => sum + b.length, 0),
    files: bodies.length,
    usableMs,
  });
  await context.close();
}

await browser.close();
await server.gracefullyShutdown(false);
await store.close();
rmSync(dir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const first = results[0];
console.log(`Eerste bezoek van / (${RUNS} keer, verse browserprofielen, ${CHROMIUM}):`);
console.log(`  JavaScript: ${first?.files ?? 0} bestanden, ${((first?.rawBytes ?? 0) / 1024).toFixed(1)} kB, gzip ${((first?.gzipBytes ?? 0) / 1024).toFixed(1)} kB (doel <= 420 kB)`);
console.log(`  Tijd tot het inlogformulier bruikbaar is: mediaan ${median(results.map((r) => r.usableMs))} ms (runs: ${results.map((r) => r.usableMs).join(", ")}; doel <= 1500 ms)`);
process.exit(0);
