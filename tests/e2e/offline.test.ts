/**
 * Flaky Wi-Fi while writing, in Chromium on a phone: the connection drops (the browser goes offline), the screen says
 * the work is kept; an eis without a category is refused at once in Dutch, offline too, instead of being queued and
 * refused after the reconnect when the writer has moved on; a complete eis written offline waits, however long the
 * connection is gone, and arrives once it is back, exactly once; what the writer typed meanwhile stays in the field.
 */
import { describe, expect, it } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { createSession, type E2E, hasChromium, joinAsParticipant, joinBots, noChromiumReason, screenshot, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const EIS = "Elke inwoner krijgt binnen een week een vast aanspreekpunt dat meedenkt.";
const NEXT = "Een professional mag afwijken als hij uitlegt waarom.";

/** A kort session in its first rolwissel-ronde: the spelleider, five bots and Anne on a phone, ready to write. */
async function writingOnAPhone({ baseUrl, browser }: E2E) {
  const { code, secret } = await createSession(baseUrl);
  const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
  await joinBots(baseUrl, code, 5);
  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await joinAsParticipant(phone, baseUrl, code, "Anne", "raadslid");
  await spelleider.until(() => spelleider.session.participantCount === 6);
  await spelleider.must({ type: "phase.next" });
  return { spelleider, context, phone };
}

describe.skipIf(!hasChromium)("Wi-Fi weg tijdens het schrijven", () => {
  const fixture = useE2E();

  it("een eis zonder categorie wordt meteen geweigerd, ook offline; een hele eis wacht en komt aan zodra de verbinding terug is", { timeout: 120_000 }, async () => {
    const { spelleider, context, phone } = await writingOnAPhone(fixture.get());

    const text = phone.getByLabel("Je eis");
    await text.fill(EIS);
    await context.setOffline(true);
    await phone.getByText("Verbinding weg: je werk is bewaard").first().waitFor({ timeout: 15_000 });

    // No category: refused on the spot, the text stays.
    const add = phone.getByRole("button", { name: "Toevoegen" });
    await add.click();
    await expect.poll(() => phone.getByText("De categorie is niet gekozen: kies er een.").count(), { timeout: 2_000 }).toBe(1);
    expect(await text.inputValue()).toBe(EIS);
    await screenshot(phone, "offline-geen-categorie");

    // With a category: it waits for the connection, longer than the 15 s a connected browser waits for an answer,
    // then arrives once, and the field empties.
    await phone.getByLabel("Categorie").selectOption({ index: 1 });
    await add.click();
    await expect.poll(() => phone.getByText("Bezig").count()).toBe(1);
    await new Promise((r) => setTimeout(r, 17_000));
    expect(await phone.getByText("Bezig").count()).toBe(1);
    expect(await phone.getByText("Geen antwoord van de server").count()).toBe(0);
    expect(await text.inputValue()).toBe(EIS);
    // Meanwhile the writer starts on the next eis: what they type stays when the first one arrives.
    await text.fill(NEXT);
    await context.setOffline(false);
    await expect.poll(() => phone.locator(".p-draft").count(), { timeout: 30_000 }).toBe(1);
    expect(await phone.getByText(EIS).count()).toBe(1);
    expect(await text.inputValue()).toBe(NEXT);
    // The server has it once: revealed, the spelleider sees it once.
    await spelleider.must({ type: "eisen.reveal" });
    await spelleider.until(() => spelleider.eisen.some((e) => e.text === EIS));
    expect(spelleider.eisen.filter((e) => e.text === EIS)).toHaveLength(1);
    await screenshot(phone, "offline-eis-aangekomen");
    await context.close();
    await spelleider.leave();
  });

  it("de spelleider offline: 'Volgende fase' wacht op de verbinding, kan niet nog eens, en zet daarna precies één stap", { timeout: 60_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl);
    const watcher = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    await joinBots(baseUrl, code, 3);
    await watcher.until(() => watcher.session.participantCount === 3);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const lead = await context.newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    const next = lead.getByRole("button", { name: "Volgende fase" });
    await next.waitFor();
    await context.setOffline(true);
    await next.click();
    await lead.getByRole("button", { name: "Ja, verder" }).click();
    // Waiting for the Wi-Fi: the buttons wait too.
    await expect.poll(() => next.isDisabled()).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(watcher.session.phase.index).toBe(0);
    await context.setOffline(false);
    await watcher.until(() => watcher.session.phase.index === 1);
    await expect.poll(() => next.isEnabled(), { timeout: 15_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(watcher.session.phase.index).toBe(1);
    await context.close();
    await watcher.leave();
  });

  it("meedoen zonder wifi, of op een wifi die eerst een inlogpagina geeft: een Nederlandse melding, daarna gewoon meedoen; herladen zonder wifi: vanzelf terug op dezelfde plek", { timeout: 60_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code } = await createSession(baseUrl);
    const context = await browser.newContext(PHONE);
    const phone = await context.newPage();
    await phone.goto(`${baseUrl}/j/${code}`);
    await phone.getByLabel("Je naam").fill("Anne");
    await phone.getByLabel("Je eigen functie").selectOption("raadslid");
    const join = phone.getByRole("button", { name: "Meedoen" });
    await context.setOffline(true);
    await join.click();
    await phone.getByText("Geen verbinding met de server. Controleer de wifi en probeer het opnieuw.").waitFor();
    expect(await phone.getByText("Failed to fetch").count()).toBe(0);
    await context.setOffline(false);
    // A Wi-Fi network's login page answers in the server's place.
    await phone.route("**/api/join/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<html><body>Log in op het gastennetwerk</body></html>" }));
    await join.click();
    await phone.getByText("Het antwoord van de server kon niet worden gelezen. Moet je op deze wifi eerst inloggen").waitFor();
    await phone.unroute("**/api/join/**");
    await join.click();
    await phone.locator(".topbar").waitFor();

    // Reloaded while the server cannot be reached: it keeps trying by itself and lands in the same seat.
    await phone.route("**/api/join/**", (route) => route.abort("internetdisconnected"));
    await phone.reload();
    await phone.getByText("We proberen het elke paar seconden opnieuw").waitFor();
    expect(await phone.getByLabel("Je naam").inputValue()).toBe("Anne");
    await phone.unroute("**/api/join/**");
    await phone.getByText("Welkom, Anne.").waitFor({ timeout: 15_000 });
    await context.close();
  });

  it("een beamer die aangaat voordat de server bereikbaar is, wacht en verbindt vanzelf", { timeout: 60_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code } = await createSession(baseUrl);
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await beamer.route("**/api/join/**", (route) => route.abort("internetdisconnected"));
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    await beamer.getByText("Wachten op de server").waitFor();
    await screenshot(beamer, "offline-beamer-wacht");
    await beamer.unroute("**/api/join/**");
    await beamer.getByText(code).first().waitFor({ timeout: 15_000 });
    expect(await beamer.getByText("Wachten op de server").count()).toBe(0);
    await beamer.context().close();
  });

  it("een eis die offline wachtte terwijl de ronde zichtbaar werd: na het herstel staat er waarom hij niet is opgeslagen, met de tekst", { timeout: 120_000 }, async () => {
    const { spelleider, context, phone } = await writingOnAPhone(fixture.get());

    await phone.getByLabel("Je eis").fill(EIS);
    await phone.getByLabel("Categorie").selectOption({ index: 1 });
    await context.setOffline(true);
    await phone.getByText("Verbinding weg: je werk is bewaard").first().waitFor({ timeout: 15_000 });
    await phone.getByRole("button", { name: "Toevoegen" }).click();
    // Meanwhile the spelleider makes the round's eisen visible: writing in it is over.
    await spelleider.must({ type: "eisen.reveal" });
    await phone.evaluate(() => window.scrollTo(0, 1500));
    await context.setOffline(false);

    // The notice stands under the bar at the top, and the page goes there.
    const notice = phone.locator(".late-refusal");
    await notice.waitFor({ timeout: 30_000 });
    await expect.poll(() => phone.evaluate(() => window.scrollY)).toBe(0);
    const bar = await phone.locator(".topbar").boundingBox();
    const box = await notice.boundingBox();
    expect(box && bar && box.y >= bar.y + bar.height && box.y + box.height <= 844).toBe(true);
    expect(await notice.innerText()).toContain("Niet opgeslagen toen de verbinding terug was: De eisen van deze ronde zijn al zichtbaar gemaakt");
    expect(await notice.locator(".late-text").innerText()).toBe(EIS);
    await screenshot(phone, "offline-na-herstel-niet-opgeslagen");
    await notice.getByRole("button", { name: "Sluiten" }).click();
    expect(await phone.locator(".late-refusal").count()).toBe(0);
    expect(spelleider.eisen.filter((e) => e.text === EIS)).toHaveLength(0);
    await context.close();
    await spelleider.leave();
  });
});
