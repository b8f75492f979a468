/**
 * The first screens a person meets: joining, making a session, and what a mistake looks like. In Chromium.
 */
import { describe, expect, it } from "vitest";
import { createSession, hasChromium, joinAsParticipant, noChromiumReason, screenshot, seriousViolations, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

describe.skipIf(!hasChromium)("meedoen in de browser", () => {
  const fixture = useE2E();

  it("het inlogscherm is toegankelijk en zegt in het Nederlands wat er mis is", async () => {
    const page = await fixture.get().browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(`${fixture.get().baseUrl}/`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "deelnemer-00-inloggen");
    await page.getByRole("button", { name: "Meedoen" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/Deze code kennen we niet/);
    await page.getByLabel("Code").fill("ZZZZZZ");
    await page.getByLabel("Je naam").fill("Anne");
    await page.getByLabel("Je eigen functie").selectOption("raadslid");
    await page.getByRole("button", { name: "Meedoen" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/Deze code kennen we niet. Controleer de code/);
    await page.close();
  });

  it("alles met het toetsenbord: code, naam, functie, meedoen", async () => {
    const { code } = await createSession(fixture.get().baseUrl);
    const page = await fixture.get().browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${fixture.get().baseUrl}/`);
    await page.keyboard.press("Tab");
    await page.keyboard.type(code);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Bram");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // first real role in the list
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator(".topbar").waitFor();
    expect(page.url()).toContain(`/j/${code}`);
    await page.close();
  });

  it("na herladen is de deelnemer gewoon terug op zijn plek", async () => {
    const { code } = await createSession(fixture.get().baseUrl);
    const context = await fixture.get().browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await joinAsParticipant(page, fixture.get().baseUrl, code, "Cor", "wethouder");
    await screenshot(page, "deelnemer-01-lobby");
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await page.locator(".topbar").waitFor();
    await expect.poll(() => page.locator("main").textContent()).toContain("Cor");
    await context.close();
  });

  it("een nieuwe sessie maken als spelleider", async () => {
    const page = await fixture.get().browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${fixture.get().baseUrl}/nieuw`);
    // Before choosing, the trainer sees what a variant holds: its rounds and cases under the phases, and the introduction.
    const holds = page.locator("#variant-inhoud");
    await page.getByLabel("Scenario en variant").selectOption("demo-maatwerk|kort");
    await expect.poll(() => holds.textContent()).toContain("Ronde 1: de elektrische fiets");
    expect(await holds.textContent()).toContain("De partner als mantelzorger");
    expect(await holds.textContent()).not.toContain("Ronde 2");
    await holds.getByText("Waar dit scenario over gaat").click();
    await expect.poll(() => holds.locator(".variant-intro p").isVisible()).toBe(true);
    expect((await holds.locator(".variant-intro p").textContent())?.length ?? 0).toBeGreaterThan(80);
    await page.getByLabel("Scenario en variant").selectOption("demo-maatwerk|dag");
    await expect.poll(() => holds.textContent()).toContain("Ronde 2: het kilometerbudget is op");
    await page.getByLabel("Naam van de sessie (optioneel)").fill("Gemeente Oosterwolde, ochtendgroep");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Sessie maken" }).click();
    await page.getByRole("link", { name: "Open de spelleiderstafel" }).waitFor();
    await screenshot(page, "spelleider-00-nieuwe-sessie");
    await page.close();
  });
});
