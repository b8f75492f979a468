/**
 * `npm run bench:client`: what a participant's first visit costs. Builds the client, starts the real server on a
 * free port, opens `/` in headless Chromium (a fresh profile, so nothing is cached) and prints the gzip size of all
 * JavaScript that visit loads and the time until the join form can be used. Run it a few times; it prints the median.
 *
 * Then a board screen: twelve SDK bots write eisen, the session goes to samenvoegen and a fresh beamer opens it; it
 * prints the gzip size of all JavaScript that screen loads (Phaser included) and, for a series of merges sent by the
 * spelleider's SDK client, the time from sending the merge command to the beamer's frame that shows the new item
 * (the board stamps the moment its frame with that state has rendered; browser and bench share one clock).
 *
 * Last the console on day 2: the same bots play day 1 to the end, the terugkombijeenkomst opens, and the console
 * (1366x900) plays the terugblik as a film at 16x from the first step to the last. It prints how long the console's
 * main thread was busy in long tasks (over 50 ms, the browser's own count) while the film played, and the longest:
 * every step draws the replayed board of that moment.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { buildServer } from "../../server/app.ts";
import { createSessionOverHttp, playPhases } from "../bots/play.ts";
import { newId, SessionClient } from "../../game/src/net/sessionClient.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";

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
  // "load": every script of the first visit is in by then (networkidle sometimes never came on a busy machine).
  await page.waitForLoadState("load");
  const bodies = await Promise.all(scripts);
  results.push({
    gzipBytes: bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
    rawBytes: bodies.reduce((sum, b) => sum + b.length, 0),
    files: bodies.length,
    usableMs,
  });
  await context.close();
}

// A board screen: the beamer in samenvoegen, with the bots' eisen on its board.
const BOTS = 12;
const MERGES = 8;
const baseUrl = `http://127.0.0.1:${port}`;
const created = await createSessionOverHttp(baseUrl, { scenarioId: "demo-maatwerk", variantId: "kort" });
const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret: created.secret });
const bots = await Promise.all(
  Array.from({ length: BOTS }, (_, i) => SessionClient.join(baseUrl, { as: "deelnemer", code: created.code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole })),
);
await spelleider.until(() => spelleider.session.participantCount === BOTS);
await playPhases({ spelleider, players: bots, secret: created.secret, code: created.code }, { from: 1, to: 1 });
await spelleider.send({ type: "phase.next" });
await spelleider.until(() => spelleider.session.phase.kind === "samenvoegen");
const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
const beamer = await boardContext.newPage();
const boardScripts: Promise<Buffer>[] = [];
beamer.on("response", (response) => {
  if (response.request().resourceType() === "script") boardScripts.push(response.body());
});
await beamer.goto(`${baseUrl}/beamer/${created.code}`);
const drawnItems = () => beamer.locator(".pve-board-canvas").evaluate((el) => (el instanceof HTMLElement ? Number(el.dataset.items ?? -1) : -1));
await beamer.waitForFunction(() => document.querySelector<HTMLElement>(".pve-board-canvas")?.dataset.drawnSerial !== undefined, undefined, { timeout: 30_000 });
await beamer.waitForLoadState("load");
const boardBodies = await Promise.all(boardScripts);
const boardGzip = boardBodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
const latencies: number[] = [];
for (let m = 0; m < MERGES; m++) {
  const loose = spelleider.eisen.filter((e) => e.itemId === null);
  const [a, b] = loose;
  if (!a || !b) break;
  const expected = (await drawnItems()) + 1;
  const sentAt = Date.now();
  const result = await spelleider.send({ type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: a.id }, { kind: "eis", id: b.id }], text: a.text, categoryId: a.categoryId });
  if (!result.ok) throw new Error(`samenvoegen geweigerd: ${result.message}`);
  await beamer.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".pve-board-canvas")?.dataset.items ?? -1) >= n, expected, { polling: "raf", timeout: 10_000 });
  const drawnAt = await beamer.locator(".pve-board-canvas").evaluate((el) => (el instanceof HTMLElement ? Number(el.dataset.drawnAt ?? 0) : 0));
  latencies.push(drawnAt - sentAt);
}
await boardContext.close();

// The console on day 2: the terugblik as a film at 16x, from the first step to the last.
await playPhases({ spelleider, players: bots, secret: created.secret, code: created.code }, { from: spelleider.session.phase.index + 1, to: spelleider.session.phases.length - 1 });
const opened = await spelleider.send({ type: "terugkom.open" });
if (!opened.ok) throw new Error(`terugkombijeenkomst openen geweigerd: ${opened.message}`);
const consoleContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const lead = await consoleContext.newPage();
await lead.goto(`${baseUrl}/terugkom/${created.secret}`);
await lead.getByRole("heading", { name: "Terugblik op dag 1" }).waitFor();
await lead.getByRole("button", { name: "16×" }).click();
await lead.evaluate(() => {
  const seen: number[] = [];
  Object.assign(window, { benchLongTasks: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  }).observe({ type: "longtask" });
});
const filmStarted = Date.now();
await lead.getByRole("button", { name: "Afspelen" }).click();
await lead.getByText("Einde van dag 1 bereikt").waitFor({ timeout: 120_000 });
const filmMs = Date.now() - filmStarted;
const steps = Number(/van (\d+)/.exec((await lead.locator(".tb-meta").textContent()) ?? "")?.[1] ?? 0);
const longTasks = await lead.evaluate(() => {
  const seen: unknown = Reflect.get(window, "benchLongTasks");
  return Array.isArray(seen) ? seen.filter((d): d is number => typeof d === "number") : [];
});
await consoleContext.close();
await Promise.all([spelleider, ...bots].map((c) => c.leave()));

await browser.close();
await server.gracefullyShutdown(false);
await store.close();
rmSync(dir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const first = results[0];
console.log(`Eerste bezoek van / (${RUNS} keer, verse browserprofielen, ${CHROMIUM}):`);
console.log(`  JavaScript: ${first?.files ?? 0} bestanden, ${((first?.rawBytes ?? 0) / 1024).toFixed(1)} kB, gzip ${((first?.gzipBytes ?? 0) / 1024).toFixed(1)} kB (doel <= 150 kB)`);
console.log(`  Tijd tot het inlogformulier bruikbaar is: mediaan ${median(results.map((r) => r.usableMs))} ms (runs: ${results.map((r) => r.usableMs).join(", ")}; doel <= 1500 ms)`);
console.log(`Bordscherm (beamer in samenvoegen, ${BOTS} bots, ${boardBodies.length} scriptbestanden):`);
console.log(`  JavaScript: gzip ${(boardGzip / 1024).toFixed(1)} kB, Phaser inbegrepen (doel <= 500 kB)`);
console.log(`  Van samenvoegopdracht tot het beeld op de beamer: mediaan ${median(latencies)} ms, hoogste ${Math.max(...latencies)} ms (${latencies.length} keer: ${latencies.join(", ")})`);
const busyMs = longTasks.reduce((sum, d) => sum + d, 0);
console.log(`Terugblik op de console (1366x900), afgespeeld op 16x: ${steps} stappen in ${(filmMs / 1000).toFixed(1)} s`);
console.log(`  Lange taken (> 50 ms): ${longTasks.length}, samen ${Math.round(busyMs)} ms (${Math.round((busyMs / filmMs) * 100)} % van het afspelen), langste ${Math.round(Math.max(0, ...longTasks))} ms`);
process.exit(0);
