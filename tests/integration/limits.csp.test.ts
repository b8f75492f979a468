/**
 * The built client under its Content-Security-Policy, in Chromium: every screen loads and works, and the browser
 * reports no violation. The beamer is opened at the resultaat, so Phaser (which makes textures from data: and blob:
 * URIs) draws the support chart too. Skipped with the reason when Chromium is absent, like the e2e tests.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { playPhases, setUpSession } from "../../tools/bots/play.ts";
import { hasChromium, joinAsParticipant, noChromiumReason, useE2E } from "../e2e/harness.ts";

if (!hasChromium) console.warn(`CSP-test in de browser overgeslagen: ${noChromiumReason}`);

/** Collects what the browser says about the policy: violation events and console lines. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const lines: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) lines.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Reflect.set(window, "__cspViolations", seen);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return async () => [...lines, ...((await page.evaluate(() => Reflect.get(window, "__cspViolations") as string[] | undefined)) ?? [])];
}

describe.skipIf(!hasChromium)("de client onder zijn CSP", () => {
  const e2e = useE2E();

  it("/nieuw, /j/<code>, /spelleider/<secret>, /terugkom/<secret> and /beamer/<code> work without a single CSP violation", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = e2e.get();
    const ctx = await setUpSession({ baseUrl, players: 6, scenarioId: "demo-maatwerk", variantId: "kort" });
    await playPhases(ctx, { from: 1, to: ctx.spelleider.session.phases.length - 1 });
    expect(ctx.spelleider.session.phase.kind).toBe("resultaat");
    const found: Record<string, string[]> = {};

    const visit = async (path: string, ready: (page: Page) => Promise<void>, viewport = { width: 1366, height: 900 }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const violations = await watchCsp(page);
      const answer = await page.goto(`${baseUrl}${path}`);
      expect(answer?.headers()["content-security-policy"], path).toContain("script-src 'self'");
      await ready(page);
      found[path.replace(/[A-Za-z0-9_-]{20,}/, "<secret>")] = await violations();
      await context.close();
    };

    await visit("/nieuw", async (page) => {
      await page.getByLabel("Naam van de sessie (optioneel)").waitFor();
    });
    await visit(`/j/${ctx.code}`, async (page) => {
      await joinAsParticipant(page, baseUrl, ctx.code, "Csp", "anders");
      await expect.poll(() => page.locator("main").textContent()).toContain("kader op maat");
    }, { width: 390, height: 844 });
    await visit(`/spelleider/${ctx.secret}`, async (page) => {
      await page.locator(".console-page").waitFor();
    });
    await visit(`/terugkom/${ctx.secret}`, async (page) => {
      await page.locator(".topbar").waitFor();
    });
    await visit(`/beamer/${ctx.code}`, async (page) => {
      // Phaser drew the chart: the component switches to "phaser" only once the game started.
      await page.locator(".chart.phaser canvas").waitFor({ timeout: 30_000 });
    }, { width: 1920, height: 1080 });

    expect(found).toEqual({ "/nieuw": [], [`/j/${ctx.code}`]: [], "/spelleider/<secret>": [], "/terugkom/<secret>": [], [`/beamer/${ctx.code}`]: [] });
    await Promise.all([ctx.spelleider, ...ctx.players].map((c) => c.leave()));
  });
});
