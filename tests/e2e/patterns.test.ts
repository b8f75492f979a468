/**
 * The trainer's overview in Chromium: three bot-played sessions of demo-maatwerk with a planted eis, then the page a
 * trainer opens. The planted eis must be there as a pattern in 3 of 3 sessions, the page accessible (axe-core: no
 * serious or critical violations) on a laptop and on a phone.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLANTED, leaveAll, playSessionWithPlantedEis, type PlayedSession } from "../patterns/plant.ts";
import { hasChromium, noChromiumReason, screenshot, seriousViolations, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const SECRET = "trainer-geheim-voor-de-browsertest-0123456789ab";

/** The page forbids every script (CSP), axe-core included: the test's own browser may bypass that to inject it. */
const openPage = async (browser: Browser, width: number, height: number) => (await browser.newContext({ viewport: { width, height }, bypassCSP: true })).newPage();

describe.skipIf(!hasChromium)("patronen over sessies in de browser", () => {
  const fixture = useE2E({ trainerSecret: SECRET });
  let sessions: PlayedSession[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) sessions.push(await playSessionWithPlantedEis(fixture.get().baseUrl, i));
  }, 180_000);
  afterAll(async () => {
    await leaveAll(sessions);
  });

  it("shows the planted eis as a pattern in 3 van 3 sessies, accessibly, on a laptop", async () => {
    const page = await openPage(fixture.get().browser, 1366, 900);
    await page.goto(`${fixture.get().baseUrl}/trainer/${SECRET}`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "trainer-00-scenarios");
    await page.getByRole("link", { name: /Patronen over sessies bekijken/ }).first().click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(page.url()).toBe(`${fixture.get().baseUrl}/trainer/${SECRET}/patronen/demo-maatwerk`);

    const pattern = page.locator(".pattern").filter({ hasText: PLANTED[0]! });
    await expect.poll(() => pattern.count()).toBe(1);
    expect(await pattern.locator(".pattern-tags").textContent()).toContain("in 3 van 3 sessies");
    for (const text of PLANTED) expect(await pattern.textContent()).toContain(text);
    // Six bars per session, side by side.
    expect(await pattern.locator(".entry").count()).toBe(3);
    expect(await pattern.locator(".entry").first().locator(".bar").count()).toBe(6);
    await expect.poll(() => page.locator(".blockage").filter({ hasText: "staat in de weg in 3 van 3 sessies" }).count()).toBeGreaterThan(0);
    expect(await page.locator("main").textContent()).not.toMatch(/Bot \d/);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "trainer-01-patronen");
    await page.context().close();
  });

  it("reads on a phone, and a wrong link says so in Dutch", async () => {
    const page = await openPage(fixture.get().browser, 390, 844);
    await page.goto(`${fixture.get().baseUrl}/trainer/${SECRET}/patronen/demo-maatwerk`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // Nothing wider than the screen: the cards stack.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "trainer-02-patronen-telefoon");

    const wrong = await page.goto(`${fixture.get().baseUrl}/trainer/niet-het-goede-geheim/patronen/demo-maatwerk`);
    expect(wrong?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Deze trainerslink klopt niet.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
