/**
 * The spelleider frees the seats of everyone who is offline, in one go, from the console in Chromium: the button says
 * how many, the confirmation names them, and afterwards only who is really there is left (also in the log).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { createSession, hasChromium, noChromiumReason, screenshot, seriousViolations, useE2E } from "./harness.ts";

const LogSchema = z.object({ events: z.array(z.object({ event: z.object({ type: z.string() }) })) });

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

describe.skipIf(!hasChromium)("iedereen die offline is in één keer weghalen", () => {
  const fixture = useE2E();

  it("de knop noemt het aantal, de bevestiging de namen; wie online is blijft", async () => {
    const { baseUrl } = fixture.get();
    const { code, secret } = await createSession(baseUrl);
    const names = ["Anouk", "Bram", "Chantal", "Daan", "Eva"];
    const people = await Promise.all(names.map((displayName) => SessionClient.join(baseUrl, { as: "deelnemer", code, displayName, realRole: "raadslid" })));
    // Three close their browser; Anouk and Bram stay.
    await Promise.all(people.slice(2).map((p) => p.leave()));
    const lead = await (await fixture.get().browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);

    const button = lead.getByRole("button", { name: "3 offline deelnemers weghalen" });
    await button.click();
    const dialog = lead.getByRole("dialog", { name: "Iedereen die offline is uit de sessie halen?" });
    await dialog.waitFor();
    expect(await dialog.getByRole("listitem").allTextContents()).toEqual(["Chantal", "Daan", "Eva"]);
    // Cancelling changes nothing.
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(people[0]?.session.participantCount).toBe(5);

    await button.click();
    expect(await seriousViolations(lead)).toEqual([]);
    await screenshot(lead, "spelleider-offline-weghalen");
    await dialog.getByRole("button", { name: "Ja, 3 deelnemers weghalen" }).click();
    await lead.getByText("3 deelnemers weggehaald").waitFor();
    await expect.poll(() => button.isVisible()).toBe(false);
    const anouk = people[0];
    await anouk?.until(() => anouk.session.participantCount === 2);
    const log = LogSchema.parse(await (await fetch(`${baseUrl}/api/spelleider/${secret}/events`)).json());
    expect(log.events.filter((e) => e.event.type === "ParticipantRemoved")).toHaveLength(3);
    await Promise.all(people.slice(0, 2).map((p) => p.leave()));
    await lead.context().close();
  });
});
