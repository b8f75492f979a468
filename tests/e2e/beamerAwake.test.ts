/**
 * The beamer keeps its screen awake (useScreenAwake in game/src/ui/hooks.ts, the Screen Wake Lock API): a laptop or a
 * meeting room's computer that shows only the beamer would otherwise sleep in the middle of a phase. The browser's
 * own `navigator.wakeLock.request` is watched (not replaced): the beamer asks for a screen lock when it opens, and
 * again when the browser let go of it and the page is shown again. A double click makes it fill the screen (as F11),
 * and the console says so beside "Beamerscherm openen".
 */
import { describe, expect, it } from "vitest";
import { createSession, hasChromium, screenshot, useE2E } from "./harness.ts";

describe.skipIf(!hasChromium)("de beamer houdt het scherm wakker", () => {
  const fixture = useE2E();

  it("vraagt een schermslot bij het openen, en opnieuw nadat de browser het losliet", { timeout: 60_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code } = await createSession(baseUrl);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(() => {
      const locks: WakeLockSentinel[] = [];
      Reflect.set(window, "schermsloten", locks);
      const request = navigator.wakeLock.request.bind(navigator.wakeLock);
      navigator.wakeLock.request = async (type) => {
        const lock = await request(type);
        locks.push(lock);
        return lock;
      };
    });
    const beamer = await context.newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    const locks = () => beamer.evaluate(() => (Reflect.get(window, "schermsloten") as WakeLockSentinel[]).map((l) => ({ type: l.type, released: l.released })));
    await expect.poll(locks).toEqual([{ type: "screen", released: false }]);
    // The browser lets go when the page is hidden; shown again, the beamer asks anew.
    await beamer.evaluate(async () => {
      await (Reflect.get(window, "schermsloten") as WakeLockSentinel[])[0]?.release();
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect.poll(locks).toEqual([
      { type: "screen", released: true },
      { type: "screen", released: false },
    ]);
    await context.close();
  });

  it("schermvullend met een dubbelklik, en terug; de console zegt hoe", { timeout: 60_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl);
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    await beamer.locator(".beamer-root").waitFor();
    const full = () => beamer.evaluate(() => document.fullscreenElement !== null);
    expect(await full()).toBe(false);
    await beamer.mouse.dblclick(960, 600);
    await expect.poll(full).toBe(true);
    await beamer.mouse.dblclick(960, 600);
    await expect.poll(full).toBe(false);

    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    const link = lead.getByRole("link", { name: /Beamerscherm openen/ });
    await link.waitFor();
    expect(await lead.locator("#beamerlink-uitleg").textContent()).toBe("Zet dat tabblad op de beamer en maak het schermvullend: F11, of dubbelklik op het beamerscherm.");
    expect(await link.getAttribute("aria-describedby")).toBe("beamerlink-uitleg");
    await link.scrollIntoViewIfNeeded();
    await screenshot(lead, "console-beamerlink-uitleg");
  });
});
