/**
 * The spelleider deletes a session from the console, in Chromium: a confirmation first, then a page that says it is
 * gone, while a participant's screen says why the connection stopped.
 */
import { describe, expect, it } from "vitest";
import { createSession, hasChromium, joinAsParticipant, noChromiumReason, screenshot, seriousViolations, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

describe.skipIf(!hasChromium)("een sessie verwijderen in de browser", () => {
  const fixture = useE2E();

  it("de spelleider bevestigt, ziet een bevestigingspagina, en de deelnemer hoort waarom de verbinding stopt", async () => {
    const { code, secret } = await createSession(fixture.get().baseUrl);
    const participant = await (await fixture.get().browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await joinAsParticipant(participant, fixture.get().baseUrl, code, "Dirk", "raadslid");
    const lead = await (await fixture.get().browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${fixture.get().baseUrl}/spelleider/${secret}`);

    await lead.getByRole("button", { name: "Sessie verwijderen" }).click();
    const dialog = lead.getByRole("dialog", { name: "Sessie voorgoed verwijderen?" });
    await dialog.waitFor();
    // Cancelling keeps everything.
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await fetch(`${fixture.get().baseUrl}/api/join/${code}`)).status).toBe(200);

    await lead.getByRole("button", { name: "Sessie verwijderen" }).click();
    await screenshot(lead, "spelleider-09-verwijderen");
    await dialog.getByRole("button", { name: "Ja, voorgoed verwijderen" }).click();
    await lead.getByRole("heading", { name: "Sessie verwijderd" }).waitFor();
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toBe("Sessie verwijderd");
    expect(await seriousViolations(lead)).toEqual([]);
    await screenshot(lead, "spelleider-10-verwijderd");

    await expect.poll(() => participant.getByRole("alert").textContent()).toBe("De spelleider heeft deze sessie verwijderd.");
    expect((await fetch(`${fixture.get().baseUrl}/api/join/${code}`)).status).toBe(404);
    await participant.context().close();
    await lead.context().close();
  });
});
