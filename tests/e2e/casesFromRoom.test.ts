/**
 * Cases from the room, in Chromium as people play it (seed 002, stap 3: echte casuïstiek ingebracht door de
 * deelnemers): two phones bring in a case in the casustoets. One holds a BSN: the phone names what it found and the
 * case does not go out. The other reaches the spelleider, who edits and admits it; the group votes for it, the
 * spelleider closes the vote, and the group walks it through De Omgekeerde Toets. Only after the group's decision do the
 * phones and the beamer show "Wat er echt gebeurde". Nobody else sees who brought the case in.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, hasChromium, joinAsParticipant, noChromiumReason, screenLooker, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const CASE = {
  title: "Thuiszitter met autisme",
  situation: "Een jongen van veertien zit al vier maanden thuis. Zijn school kan hem niet de rust bieden die hij nodig heeft; zijn moeder werkt en kan niet thuisblijven.",
  effectWanted: "Weer naar school, op een manier die hij volhoudt.",
  rules: "Leerplicht: de school moet passend onderwijs bieden; jeugdhulp tijdens schooltijd valt niet onder de Jeugdwet.",
  afloop: "School, leerplicht en wijkteam maakten één plan: eerst twee ochtenden per week op school met een vaste begeleider, betaald uit jeugdhulp en het samenwerkingsverband samen. Na drie maanden ging hij halve dagen.",
};
const EDITED_TITLE = "Een thuiszitter weer naar school";
const BSN_SITUATION = "Een moeder (BSN 123456782) krijgt haar toeslagen niet meer sinds ze verhuisde.";

describe.skipIf(!hasChromium)("casussen uit de zaal", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("twee telefoons brengen een casus in: één met een BSN wordt tegengehouden, de andere wordt toegelaten, gekozen en getoetst", { timeout: 240_000 }, async () => {
    const { baseUrl } = fixture.get();
    const { code, secret } = await createSession(baseUrl, "kort");
    const lead = await (await fixture.get().browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const beamer = await (await fixture.get().browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    // The session card links to this session's scenario preview (the spelleiderslink with /scenario after it, as the
    // locked /scenario/<id> page says), in a new tab; it opens the preview, not the locked page.
    const previewLink = lead.getByRole("link", { name: /Scenario van deze sessie bekijken/ });
    expect(await previewLink.getAttribute("href")).toBe(`${baseUrl}/spelleider/${secret}/scenario`);
    expect(await previewLink.getAttribute("target")).toBe("_blank");
    await previewLink.scrollIntoViewIfNeeded();
    await look(lead, "casus-uit-de-zaal-00a-sessiekaart-scenario");
    const [preview] = await Promise.all([lead.context().waitForEvent("page"), previewLink.click()]);
    await preview.waitForLoadState();
    expect(preview.url()).toBe(`${baseUrl}/spelleider/${secret}/scenario`);
    expect(await preview.locator("body").textContent()).not.toContain("alleen voor trainers en spelleiders");
    await look(preview, "casus-uit-de-zaal-00-scenario-van-de-sessie");
    await preview.close();
    const phone = async (name: string, role: string): Promise<Page> => {
      const page = await (await fixture.get().browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await joinAsParticipant(page, baseUrl, code, name, role);
      return page;
    };
    const anne = await phone("Anne", "wijkteamprofessional");
    const bram = await phone("Bram", "teamleider");
    await expect.poll(() => lead.locator("main").textContent()).toContain("Bram");

    // Straight on to the casustoets (rolwissel, samenvoegen, prioriteren pass by).
    for (let i = 0; i < 4; i++) {
      await lead.getByRole("button", { name: "Volgende fase" }).click();
      await lead.getByRole("button", { name: "Ja, verder" }).click();
    }
    await anne.getByRole("heading", { name: "Breng een casus in" }).waitFor();

    // Anne's case holds a BSN: her phone names it as she types, and the case does not go out.
    await anne.getByLabel("Waar gaat het over? (een korte titel)").fill("Toeslagen na een verhuizing");
    await anne.getByLabel("De situatie").fill(BSN_SITUATION);
    await anne.getByLabel("Wat wil de inwoner?").fill("Haar toeslagen terug.");
    await expect.poll(() => anne.locator(".p-privacy-warning").textContent()).toContain("Dit lijkt een BSN (123456782) te bevatten");
    // The button says it is held back; pressing it anyway sends nothing and takes her to the field to fix.
    const send = anne.getByRole("button", { name: "Casus inbrengen" });
    expect(await send.getAttribute("aria-disabled")).toBe("true");
    await send.click({ force: true });
    expect(await anne.evaluate(() => document.activeElement?.id)).toBe("inbreng-situatie");
    await look(anne, "casus-uit-de-zaal-01-bsn-tegengehouden");
    expect(await anne.locator("main").textContent()).not.toContain("Je casus is ingebracht");

    // Bram's case is clean: it goes to the spelleider.
    await bram.getByLabel("Waar gaat het over? (een korte titel)").fill(CASE.title);
    await bram.getByLabel("De situatie").fill(CASE.situation);
    await bram.getByLabel("Wat wil de inwoner?").fill(CASE.effectWanted);
    await bram.getByLabel("Wat zeggen de regels?").fill(CASE.rules);
    await bram.getByLabel("Wat er echt gebeurde (als je het weet)").fill(CASE.afloop);
    await bram.getByRole("button", { name: "Casus inbrengen" }).click();
    await expect.poll(() => bram.locator("main").textContent()).toContain("Je casus is ingebracht. De spelleider bekijkt hem.");
    await expect.poll(() => bram.locator(".p-bringin-list").textContent()).toContain("Wacht op de spelleider");
    await look(bram, "casus-uit-de-zaal-02-ingebracht");

    // The spelleider sees who brought it in, and Anne's blocked case never arrived; the group does not see it yet.
    await expect.poll(() => lead.locator("main").textContent()).toContain("van Bram");
    expect(await lead.locator("main").textContent()).not.toContain("Toeslagen na een verhuizing");
    expect(await anne.locator("main").textContent()).not.toContain(CASE.title);
    expect(await beamer.locator("main").textContent()).not.toContain(CASE.title);

    // Anne takes the BSN out and brings her case in after all; the spelleider does not choose it and says why. Her
    // phone says so with the reason, and she may bring in another; nobody else sees her case or the reason.
    const REASON = "Toeslagen horen bij de Belastingdienst; daar kan de groep hier weinig mee.";
    await anne.getByLabel("De situatie").fill("Een moeder krijgt haar toeslagen niet meer sinds ze verhuisde.");
    await anne.getByRole("button", { name: "Casus inbrengen" }).click();
    await expect.poll(() => lead.locator("main").textContent()).toContain("van Anne");
    await lead.getByRole("button", { name: "Niet kiezen: Toeslagen na een verhuizing" }).click();
    const declineDialog = lead.getByRole("dialog");
    await declineDialog.getByLabel("Reden voor de deelnemer (optioneel; alleen die deelnemer leest hem)").fill(REASON);
    await look(lead, "casus-uit-de-zaal-02b-spelleider-niet-kiezen");
    await declineDialog.getByRole("button", { name: "Niet kiezen", exact: true }).click();
    await expect.poll(() => anne.locator(".p-bringin-list").textContent()).toContain("Niet gekozen door de spelleider");
    expect(await anne.locator(".p-bringin-list").textContent()).toContain(`Reden: ${REASON}`);
    await expect.poll(() => anne.locator(".p-bringin").textContent()).not.toContain("Je casus is ingebracht");
    await anne.getByRole("button", { name: "Casus inbrengen" }).waitFor();
    await expect.poll(() => lead.locator(".proposals").textContent()).toContain("niet gekozen");
    await look(anne, "casus-uit-de-zaal-02c-niet-gekozen");
    for (const page of [bram, beamer]) {
      expect(await page.locator("body").textContent()).not.toContain("Toeslagen na een verhuizing");
      expect(await page.locator("body").textContent()).not.toContain(REASON);
    }

    // The spelleider edits the title and admits it.
    await lead.getByRole("button", { name: `Bekijken en toelaten: ${CASE.title}` }).click();
    const dialog = lead.getByRole("dialog");
    expect(await dialog.getByLabel("Situatie").inputValue()).toBe(CASE.situation);
    await dialog.getByLabel("Titel").fill(EDITED_TITLE);
    await look(lead, "casus-uit-de-zaal-03-spelleider-toelaten");
    await dialog.getByRole("button", { name: "Toelaten", exact: true }).click();
    await expect.poll(() => lead.locator("main").textContent()).toContain("De casus is toegelaten");
    await expect.poll(() => bram.locator(".p-bringin-list").textContent()).toContain("Toegelaten");

    // The group votes; the beamer shows the count, no names; the spelleider closes the vote.
    for (const page of [anne, bram]) await page.getByRole("button", { name: `Stem op: ${EDITED_TITLE}` }).click();
    await expect.poll(() => beamer.locator("main").textContent()).toContain("2 stemmen");
    await look(anne, "casus-uit-de-zaal-04-stemmen");
    await expect.poll(() => lead.locator(".case-picker").textContent()).toContain("2 stemmen");
    await look(lead, "casus-uit-de-zaal-04b-spelleider-stemmen");
    // Closed where the spelleider reads the counts, in the phase screen and its first screen (the console's case list
    // has the same button, further down the column).
    const close = lead.locator(".b-casevote").getByRole("button", { name: "Stemming sluiten en casus openen" });
    await lead.evaluate(() => window.scrollTo(0, 0));
    expect(await close.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
    await close.click();
    await expect.poll(() => anne.locator("#casus-titel").textContent()).toBe(EDITED_TITLE);
    await expect.poll(() => beamer.locator("#casus-titel").textContent()).toBe(EDITED_TITLE);
    // The phones have it like a prepared case, with what the rules say.
    await expect.poll(() => anne.locator(".b-case").textContent()).toContain(CASE.rules);
    // Anonymous: Anne's phone and the beamer show the case, never that it is Bram's.
    for (const page of [anne, beamer]) expect(await page.locator("body").textContent()).not.toContain("Bram");

    // The Omgekeerde Toets on the chosen case; what really happened stays hidden until the decision.
    for (let step = 0; step < 5; step++) {
      const note = `Aantekening van de groep bij stap ${step + 1}.`;
      await lead.getByLabel("Jullie aantekening bij deze stap").fill(note);
      await lead.getByRole("button", { name: "Aantekening toevoegen" }).click();
      await expect.poll(() => anne.locator("main").textContent()).toContain(note);
      await lead.getByRole("button", { name: step === 4 ? "Toets afronden" : "Volgende stap" }).click();
      await expect.poll(() => anne.locator("main").textContent()).toMatch(step === 4 ? /Alle stappen zijn gelopen/ : new RegExp(`Bij stap ${step + 2} van 5`));
    }
    await expect.poll(() => anne.locator("main").textContent()).toContain("Na jullie besluit lees je hier wat er in werkelijkheid gebeurde.");
    for (const page of [anne, bram, beamer, lead]) expect(await page.locator("body").textContent()).not.toContain("twee ochtenden per week");
    await anne.getByLabel("Wat besluiten jullie in deze casus?").fill("School en wijkteam maken samen een plan; het wijkteam betaalt de begeleider de eerste maanden.");
    await anne.getByRole("button", { name: "Besluit vastleggen" }).click();

    // After the decision: "Wat er echt gebeurde" on the phones and on the beamer.
    for (const page of [anne, bram]) await expect.poll(() => page.locator(".b-afloop").textContent()).toContain("twee ochtenden per week");
    await expect.poll(() => beamer.locator(".toets-afloop").textContent()).toContain("twee ochtenden per week");
    await look(anne, "casus-uit-de-zaal-05-wat-er-echt-gebeurde");
    await look(beamer, "casus-uit-de-zaal-06-beamer-wat-er-echt-gebeurde");

    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
