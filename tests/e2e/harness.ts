/**
 * End-to-end: the built client served by a real server, driven in Debian's Chromium with playwright-core.
 * Tests skip (with the reason) when Chromium is not installed; `.ci/run` installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { buildServer } from "../../server/app.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import { freePort, TEST_SEQ_CATCH_UP_MS } from "../integration/harness.ts";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const noChromiumReason = `Chromium ontbreekt op ${CHROMIUM}: installeer het met 'apt-get install -y chromium' (doet .ci/run ook).`;

/** Where the test run writes its screenshots (docs/playing.md, "Screenshots", shows a few of them). */
export const SCREEN_DIR = resolve("test-results/screens");

export interface E2E {
  baseUrl: string;
  browser: Browser;
  store: SqliteEventStore;
  stop(): Promise<void>;
}

export async function startE2E(options: { trainerSecret?: string; allowedOrigins?: string[] } = {}): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-e2e-"));
  const clientDir = inject("clientDir"); // built once per run by tests/e2e/globalSetup.ts
  const { scenarios } = await loadScenarioDir(resolve("scenarios"));
  const store = new SqliteEventStore(join(dir, "e2e.sqlite"));
  const server = buildServer({ store, scenarios, clientDir, reconnectSeconds: 30, seqCatchUpMs: TEST_SEQ_CATCH_UP_MS, trainerSecret: options.trainerSecret, allowedOrigins: options.allowedOrigins ?? [] });
  const port = await freePort();
  await server.listen(port, "127.0.0.1");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    store,
    async stop() {
      await browser.close();
      await server.gracefullyShutdown(false);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const axeSource = () => readFileSync(resolve("node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  return (await axeViolations(page)).filter((f) => f.impact === "serious" || f.impact === "critical");
}

/** Runs axe-core in the page; returns every violation, moderate and minor too. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses an inline <script>.
  await page.evaluate(axeSource());
  const found = await page.evaluate(async () => {
    const axe = Reflect.get(window, "axe");
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  return found;
}

/** `n` bots joined over the SDK as "Bot 1".."Bot n", their real roles in turn. */
export function joinBots(baseUrl: string, code: string, n: number): Promise<SessionClient[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole })));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  // From the top (a sticky bar otherwise lands mid-page in a full-page photo), with animations finished.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREEN_DIR, `${name}.png`), fullPage: true, animations: "disabled" });
}

/**
 * Looks at screens as a reviewer would: `look(page, name)` waits for appear-animations, photographs the page and runs
 * axe-core; `findings` collects what axe said per screen, for one check at the end of a test.
 */
export function screenLooker(): { findings: { screen: string; violations: AxeFinding[] }[]; look(page: Page, name: string): Promise<void> } {
  const findings: { screen: string; violations: AxeFinding[] }[] = [];
  return {
    findings,
    async look(page, name) {
      await page.waitForTimeout(350);
      await screenshot(page, name);
      findings.push({ screen: name, violations: await seriousViolations(page) });
    },
  };
}

export async function createSession(baseUrl: string, variantId = "kort", scenarioId = "demo-maatwerk"): Promise<{ code: string; secret: string; sessionId: string }> {
  const res = await fetch(`${baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId, variantId }) });
  const body: unknown = await res.json();
  if (typeof body !== "object" || body === null || !("code" in body) || !("secret" in body) || !("sessionId" in body)) throw new Error("Sessie maken mislukt");
  return { code: String(body.code), secret: String(body.secret), sessionId: String(body.sessionId) };
}

/** A participant joins through the join screen, as a person would. */
export async function joinAsParticipant(page: Page, baseUrl: string, code: string, name: string, realRole: string): Promise<void> {
  await page.goto(`${baseUrl}/j/${code}`);
  await page.getByLabel("Je naam").fill(name);
  await page.getByLabel("Je eigen functie").selectOption(realRole);
  await page.getByRole("button", { name: "Meedoen" }).click();
  await page.locator(".topbar").waitFor();
}

/** One server and browser for a test file: `const e2e = useE2E();` then `e2e.get()` inside tests. */
export function useE2E(options: { trainerSecret?: string } = {}): { get(): E2E } {
  let current: E2E | null = null;
  beforeAll(async () => {
    current = await startE2E(options);
  }, 120_000);
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get(): E2E {
      if (!current) throw new Error("De e2e-server draait nog niet.");
      return current;
    },
  };
}
