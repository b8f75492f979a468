/**
 * The export card in the spelleider's console, in Chromium: once the session reaches the kader, four links are one
 * click from a file, and a click saves it under the server's file name. Skips with the reason without Chromium.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { playSession, type PlayReport } from "../../tools/bots/play.ts";
import { hasChromium, noChromiumReason, screenshot, seriousViolations, startE2E, type E2E } from "../e2e/harness.ts";

if (!hasChromium) console.warn(`Exporttest in de browser overgeslagen: ${noChromiumReason}`);

describe.skipIf(!hasChromium)("exporteren vanuit de spelleiderstafel", () => {
  let e2e: E2E;
  let played: PlayReport;

  beforeAll(async () => {
    e2e = await startE2E();
    played = await playSession({ baseUrl: e2e.baseUrl, players: 6, scenarioId: "demo-maatwerk", seed: 2 });
  }, 180_000);

  afterAll(async () => {
    if (played) await Promise.all([played.context.spelleider, ...played.context.players].map((c) => c.leave()));
    await e2e?.stop();
  });

  test("vier links in de fase kader op maat; een klik bewaart het bestand", { timeout: 60_000 }, async () => {
    const page = await (await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })).newPage();
    await page.goto(`${e2e.baseUrl}/spelleider/${played.secret}`);
    const card = page.getByRole("region", { name: "Exporteren" });
    await card.waitFor();
    for (const name of ["Markdown", "PDF", "CSV (Excel)", "JSON (volledig logboek)"]) await expect(card.getByRole("link", { name, exact: true }).count()).resolves.toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "PDF", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^kader-${played.code}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "spelleider-07-exporteren");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
