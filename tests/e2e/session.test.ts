/**
 * A whole short session in Chromium, as people play it: a spelleider on a laptop, a beamer, and six participants on
 * phones, each in their own browser context. Every screen is checked with axe-core and photographed.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, hasChromium, joinAsParticipant, noChromiumReason, screenLooker, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const REAL_ROLES = ["raadslid", "wethouder", "directeur", "beleidsambtenaar", "teamleider", "wijkteamprofessional"] as const;
const NAMES = ["Anne", "Bram", "Chantal", "Daan", "Esra", "Femke"] as const;
const EISEN = [
  "De inwoner heeft één vast aanspreekpunt dat het hele plan coördineert.",
  "Eén vaste contactpersoon voor de inwoner, die alles coördineert.",
  "De professional mag zelf besluiten tot een vast bedrag uit het maatwerkbudget.",
  "Elke afwijking wordt gemotiveerd vastgelegd in het dossier.",
  "We beginnen bij het effect dat de inwoner wil bereiken.",
  "Vastgelopen casussen gaan binnen vijf werkdagen naar het doorbraakteam.",
] as const;

describe.skipIf(!hasChromium)("een hele sessie in de browser", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("spelleider, beamer en zes deelnemers spelen van lobby tot kader op maat", { timeout: 240_000 }, async () => {
    const { code, secret } = await createSession(fixture.get().baseUrl, "kort");
    const lead = await (await fixture.get().browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const beamer = await (await fixture.get().browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await lead.goto(`${fixture.get().baseUrl}/spelleider/${secret}`);
    await beamer.goto(`${fixture.get().baseUrl}/beamer/${code}`);
    const players: Page[] = [];
    for (const [i, role] of REAL_ROLES.entries()) {
      const page = await (await fixture.get().browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await joinAsParticipant(page, fixture.get().baseUrl, code, NAMES[i] ?? "Iemand", role);
      players.push(page);
    }
    const [anne, bram] = players;
    if (!anne || !bram) throw new Error("te weinig deelnemers");
    await expect.poll(() => lead.locator("main").textContent()).toContain("Femke");
    await look(lead, "spelleider-01-lobby");
    await look(beamer, "beamer-01-lobby");
    await look(anne, "deelnemer-02-lobby");

    const nextPhase = async () => {
      await lead.getByRole("button", { name: "Volgende fase" }).click();
      await lead.getByRole("button", { name: "Ja, verder" }).click();
    };

    // Rolwissel: everyone gets a role that is not their own and writes an eis.
    await nextPhase();
    for (const [i, page] of players.entries()) {
      await page.getByLabel("Je eis").waitFor();
      await page.getByLabel("Categorie").selectOption({ index: 1 + (i % 5) });
      await page.getByLabel("Je eis").fill(EISEN[i] ?? "Een eis");
      await page.getByRole("button", { name: "Toevoegen", exact: true }).click();
      await expect.poll(() => page.locator("main").textContent()).toContain("Je concepten");
    }
    await look(anne, "deelnemer-03-rolwissel");
    // A draft being typed survives a reload, and so does the saved one.
    await anne.getByLabel("Je eis").fill("Nog niet verstuurd: ruimte om af te wijken met uitleg achteraf.");
    await anne.reload();
    await anne.getByLabel("Je eis").waitFor();
    expect(await anne.getByLabel("Je eis").inputValue()).toBe("Nog niet verstuurd: ruimte om af te wijken met uitleg achteraf.");
    await expect.poll(() => anne.locator("main").textContent()).toContain(EISEN[0]);
    // Another participant never sees Anne's draft before the reveal.
    expect(await bram.locator("main").textContent()).not.toContain(EISEN[0]);
    await look(lead, "spelleider-02-rolwissel");
    await look(beamer, "beamer-02-rolwissel");
    await lead.getByRole("button", { name: "Eisen zichtbaar maken" }).click();
    await expect.poll(() => bram.locator("main").textContent()).toContain(EISEN[0]);
    await look(bram, "deelnemer-04-wensenpakketten");

    // Samenvoegen: the spelleider merges the two eisen about one contact person, and takes in the rest.
    await nextPhase();
    await lead.getByRole("button", { name: `Selecteer: ${EISEN[0]}` }).click();
    await lead.getByRole("button", { name: `Selecteer: ${EISEN[1]}` }).click();
    await lead.getByRole("button", { name: "Samenvoegen (2)" }).click();
    await lead.getByRole("dialog").getByRole("button", { name: "Samenvoegen", exact: true }).click();
    for (const text of EISEN.slice(2)) {
      await lead.getByRole("button", { name: `Opnemen in programma: ${text}` }).click();
      await lead.getByRole("dialog").getByRole("button", { name: "Opnemen", exact: true }).click();
      await lead.getByRole("dialog").waitFor({ state: "hidden" });
    }
    await expect.poll(() => anne.locator("main").textContent()).toContain(EISEN[5]);
    await look(lead, "spelleider-03-samenvoegen");
    await look(anne, "deelnemer-05-samenvoegen");
    await look(beamer, "beamer-03-samenvoegen");

    // Prioriteren: everyone spends a few points; the spelleider shows the result.
    await nextPhase();
    for (const page of players) {
      const more = page.getByRole("button", { name: /^Punt erbij/ });
      await more.first().waitFor();
      for (let k = 0; k < 3; k++) {
        await more.nth(k % 2).click();
        await page.waitForTimeout(60);
      }
    }
    await look(anne, "deelnemer-06-prioriteren");
    await lead.getByRole("button", { name: "Uitslag tonen" }).click();
    await expect.poll(() => anne.locator("main").textContent()).toContain("De uitslag");
    await look(anne, "deelnemer-07-uitslag");
    await look(lead, "spelleider-04-uitslag");
    await look(beamer, "beamer-04-uitslag");

    // Casustoets: no skipping — the Dutch reason shows; then the five steps, verdicts and a decision.
    await nextPhase();
    await lead.getByRole("button", { name: "Volgende stap" }).click();
    await expect.poll(() => lead.locator("main").textContent()).toMatch(/Schrijf eerst minstens één aantekening/);
    await anne.getByLabel("Jullie aantekening bij deze stap").fill("Het echtpaar wil samen thuis blijven wonen zonder dat de partner opbrandt.");
    await anne.getByRole("button", { name: "Aantekening toevoegen" }).click();
    await look(anne, "deelnemer-08-casustoets");
    for (let step = 0; step < 5; step++) {
      if (step > 0) {
        await lead.getByLabel("Jullie aantekening bij deze stap").fill(`Aantekening van de groep bij stap ${step + 1}.`);
        await lead.getByRole("button", { name: "Aantekening toevoegen" }).click();
      }
      await lead.getByRole("button", { name: step === 4 ? "Toets afronden" : "Volgende stap" }).click();
      await expect.poll(() => lead.locator("main").textContent()).toMatch(step === 4 ? /Alle stappen zijn gelopen/ : new RegExp(`Stap ${step + 2} van 5\\s*Nu aan de beurt`));
    }
    await look(beamer, "beamer-05-casustoets");
    const verdictGroups = lead.getByRole("group", { name: /^Oordeel over:/ });
    await verdictGroups.first().waitFor();
    const groups = await verdictGroups.count();
    for (let g = 0; g < groups; g++) await verdictGroups.nth(g).getByRole("button", { name: /Helpt/ }).click();
    await lead.getByLabel("Wat besluiten jullie in deze casus?").fill("We zetten hulp in voor de mantelzorger en kijken na drie maanden opnieuw.");
    await lead.getByRole("button", { name: "Besluit vastleggen" }).click();
    await expect.poll(() => anne.locator("main").textContent()).toContain("We zetten hulp in voor de mantelzorger");
    await look(lead, "spelleider-05-casustoets");

    // Resultaat: the kader op maat everywhere.
    await nextPhase();
    await expect.poll(() => anne.locator("main").textContent()).toContain("Het kader op maat");
    await look(anne, "deelnemer-09-kader");
    await look(lead, "spelleider-06-kader");
    await look(beamer, "beamer-06-kader");

    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
    expect(findings.length).toBeGreaterThanOrEqual(20);
  });

  it("beeldvorming: anonieme kaartjes en clusters, op elk scherm", { timeout: 120_000 }, async () => {
    const { code, secret } = await createSession(fixture.get().baseUrl, "dag");
    const lead = await (await fixture.get().browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const beamer = await (await fixture.get().browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await lead.goto(`${fixture.get().baseUrl}/spelleider/${secret}`);
    await beamer.goto(`${fixture.get().baseUrl}/beamer/${code}`);
    const anne = await (await fixture.get().browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const bram = await (await fixture.get().browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await joinAsParticipant(anne, fixture.get().baseUrl, code, "Anne", "raadslid");
    await joinAsParticipant(bram, fixture.get().baseUrl, code, "Bram", "wethouder");
    await lead.getByRole("button", { name: "Volgende fase" }).click();
    await lead.getByRole("button", { name: "Ja, verder" }).click();
    const cards = ["Kijken naar de mens achter de aanvraag", "Uitleggen waarom je afwijkt"];
    for (const [i, page] of [anne, bram].entries()) {
      await page.getByLabel("Je kaartje").first().fill(cards[i] ?? "Kaartje");
      await page.getByRole("button", { name: "Plaatsen" }).first().click();
    }
    await expect.poll(() => beamer.locator("main").textContent()).toContain(cards[1]);
    // Anonymous: nobody's name is on a card, on any screen.
    expect(await anne.locator("main").textContent()).not.toContain("Bram");
    await look(anne, "deelnemer-02b-beeldvorming");
    await look(lead, "spelleider-01b-beeldvorming");
    await look(beamer, "beamer-01b-beeldvorming");
    const serious = findings.filter((f) => f.screen.includes("beeldvorming") && f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
