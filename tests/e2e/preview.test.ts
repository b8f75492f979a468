/**
 * The scenario preview in Chromium: a participant who types /scenario/<id> sees no secret of any role; the trainer
 * opens it from the trainer page (link to the preview) and sees every role's private facts, accessibly.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import { hasChromium, noChromiumReason, screenshot, seriousViolations, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const SECRET = "trainer-geheim-voor-het-voorbeeld-0123456789";
const demo: { roles: Record<string, { privateFacts: string[] }> } = JSON.parse(readFileSync(resolve("scenarios/demo-maatwerk.json"), "utf8"));
const secrets = GAME_ROLES.flatMap((role) => demo.roles[role]?.privateFacts ?? []);

describe.skipIf(!hasChromium)("het voorbeeld van een scenario in de browser", () => {
  const fixture = useE2E({ trainerSecret: SECRET });

  it("zonder link: geen geheim; met de trainerslink: alle geheimen, toegankelijk", async () => {
    const context = await fixture.get().browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const locked = await page.goto(`${fixture.get().baseUrl}/scenario/demo-maatwerk`);
    expect(locked?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "Dit voorbeeld is alleen voor trainers en spelleiders" }).waitFor();
    const lockedText = (await page.locator("body").textContent()) ?? "";
    for (const fact of secrets) expect(lockedText).not.toContain(fact);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "voorbeeld-00-zonder-link");

    await page.goto(`${fixture.get().baseUrl}/trainer/${SECRET}`);
    await page.getByRole("link", { name: "Maatwerk in de wijk: wie bepaalt wat past?" }).click();
    await page.getByRole("heading", { level: 1, name: "Maatwerk in de wijk: wie bepaalt wat past?" }).waitFor();
    expect(page.url()).toBe(`${fixture.get().baseUrl}/trainer/${SECRET}/scenario/demo-maatwerk`);
    const text = (await page.locator("body").textContent()) ?? "";
    for (const fact of secrets) expect(text).toContain(fact);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "voorbeeld-01-trainerslink");
    await context.close();
  });
});
