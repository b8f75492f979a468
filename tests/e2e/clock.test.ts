/**
 * The timers count down by the server's clock, not the screen's: a phone whose clock is three minutes behind and a
 * beamer laptop two minutes ahead both show the 15 minutes the spelleider set (game/src/net/serverClock.ts). Before,
 * the phone showed 18:00 and the beamer 13:00, and the beamer said "De tijd is om" two minutes early.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { createSession, hasChromium, joinAsParticipant, joinBots, screenshot, useE2E } from "./harness.ts";

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const BEAMER = { viewport: { width: 1920, height: 1080 } };

/** A page whose own clock is `skewMs` off (Date.now, which the client's timers read). */
async function skewedPage(browser: Browser, options: object, skewMs: number): Promise<Page> {
  const context = await browser.newContext(options);
  await context.addInitScript((skew: number) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + skew;
  }, skewMs);
  return context.newPage();
}

/** The minutes and seconds a timer shows ("Nog 14:59" → 899). */
const secondsShown = async (page: Page, selector: string): Promise<number> => {
  const text = (await page.locator(selector).first().textContent()) ?? "";
  const found = /Nog (\d+):(\d\d)/.exec(text);
  if (!found) throw new Error(`Geen resterende tijd in "${text}"`);
  return Number(found[1]) * 60 + Number(found[2]);
};

describe.skipIf(!hasChromium)("de timer telt af met de klok van de server", () => {
  const fixture = useE2E();

  it("een telefoon die 3 minuten achterloopt en een beamer die 2 minuten voorloopt tonen allebei de 15 minuten", { timeout: 90_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl);
    const phone = await skewedPage(browser, PHONE, -3 * 60_000);
    await joinAsParticipant(phone, baseUrl, code, "Anne", "raadslid");
    await joinBots(baseUrl, code, 4);
    const beamer = await skewedPage(browser, BEAMER, 2 * 60_000);
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    await spelleider.must({ type: "phase.next" });
    await spelleider.must({ type: "timer.set", minutes: 15 });

    await expect.poll(() => phone.locator(".topbar .timer").textContent()).toMatch(/Nog \d+:\d\d/);
    await expect.poll(() => beamer.locator(".beamer-timer .timer").textContent()).toMatch(/Nog \d+:\d\d/);
    // Within a few seconds of 15:00 (the test's own pace), never 18:00 or 13:00.
    for (const [page, selector] of [
      [phone, ".topbar .timer"],
      [beamer, ".beamer-timer .timer"],
    ] as const) {
      const shown = await secondsShown(page, selector);
      expect(shown).toBeLessThanOrEqual(15 * 60);
      expect(shown).toBeGreaterThan(15 * 60 - 10);
    }
    await screenshot(beamer, "klok-beamer-voorlopend");
    expect(await beamer.locator(".beamer-timer .timer").getAttribute("class")).not.toContain("soon");
    // The last minute is coloured like "De tijd is om", by the server's clock too.
    await spelleider.must({ type: "timer.set", minutes: 1 });
    await expect.poll(() => beamer.locator(".beamer-timer .timer").getAttribute("class")).toContain("soon");
    await expect.poll(() => phone.locator(".topbar .timer").getAttribute("class")).toContain("soon");
    await screenshot(beamer, "klok-beamer-laatste-minuut");
    await spelleider.leave();
  });

  it("'+2 min' op de console verlengt de lopende timer met twee minuten; zonder timer is er geen knop", { timeout: 90_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl);
    await joinBots(baseUrl, code, 3);
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    await spelleider.must({ type: "phase.next" });
    await spelleider.must({ type: "timer.clear" });
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    await lead.getByRole("button", { name: "5 min", exact: true }).waitFor();
    const extend = lead.getByRole("group", { name: "Timer verlengen" });
    expect(await extend.count()).toBe(0);
    await lead.getByRole("button", { name: "5 min", exact: true }).click();
    await expect.poll(() => lead.locator(".console-timer .timer").textContent()).toMatch(/Nog [45]:\d\d/);
    // The buttons say "+2 min"; their group says what they do ("Timer verlengen").
    await extend.getByRole("button", { name: "+2 min", exact: true }).click();
    await expect.poll(() => secondsShown(lead, ".console-timer .timer")).toBeGreaterThan(6 * 60 + 45);
    expect(await secondsShown(lead, ".console-timer .timer")).toBeLessThanOrEqual(7 * 60);
    await screenshot(lead, "klok-console-verlengen");
    await spelleider.leave();
  });
});
