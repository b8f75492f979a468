/**
 * The terugkombijeenkomst in Chromium: a session played by bots (one participant on a phone in the browser), then
 * weeks later the spelleider opens it, steps through the terugblik with the beamer following, the phone reflects
 * and adds an item, and everyone sees kader versie 2 beside versie 1. Screens are checked with axe-core.
 */
import { describe, expect, it } from "vitest";
import { playPhases } from "../../tools/bots/play.ts";
import { SessionClient, newId } from "../../game/src/net/sessionClient.ts";
import { DONE_SHOWN_MS } from "../../game/src/ui/hooks.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { createSession, hasChromium, joinAsParticipant, noChromiumReason, screenLooker, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

/** A session whose day 1 six bots played to the end, and its terugkombijeenkomst opened. */
async function dayOnePlayed(baseUrl: string, variant: "kort" | "dag") {
  const { code, secret } = await createSession(baseUrl, variant);
  const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
  const bots = await Promise.all(
    Array.from({ length: 6 }, (_, i) => SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole })),
  );
  await spelleider.until(() => spelleider.session.participantCount === 6);
  await playPhases({ spelleider, players: bots, secret, code }, { from: 1, to: spelleider.session.phases.length - 1 });
  await spelleider.must({ type: "terugkom.open" });
  return { code, secret, spelleider, bots };
}

const NEW_ITEM = "Elk kwartaal bespreken raad en wijkteam samen twee casussen waarin werd afgeweken.";

describe.skipIf(!hasChromium)("de terugkombijeenkomst in de browser", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("terugblik stap voor stap, reflecties en kader versie 2 naast versie 1", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl, "kort");
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await joinAsParticipant(phone, baseUrl, code, "Anne", "raadslid");
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    const bots = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[(i + 1) % REAL_ROLES.length] as RealRole }),
      ),
    );
    await spelleider.until(() => spelleider.session.participantCount === 6);
    const ctx = { spelleider, players: bots, secret, code };
    await playPhases(ctx, { from: 1, to: spelleider.session.phases.length - 1 });

    // Weeks later: the console at /terugkom/<secret>, the beamer on the projector.
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await lead.goto(`${baseUrl}/terugkom/${secret}`);
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    await lead.getByRole("button", { name: "Terugkombijeenkomst openen" }).click();
    await lead.getByRole("button", { name: "Ja, openen" }).click();

    // Terugblik: step through day 1; the beamer follows.
    await lead.getByRole("heading", { name: "Terugblik op dag 1" }).waitFor();
    await expect.poll(() => phone.locator("main").textContent()).toContain("Kijk mee op het grote scherm");
    const stepText = () => lead.locator(".console-phase").textContent();
    await lead.getByRole("button", { name: "Stap verder" }).click();
    await expect.poll(stepText).toMatch(/stap 2 van \d+/i);
    await lead.getByRole("button", { name: "Fase verder" }).click();
    await lead.getByRole("button", { name: "Fase verder" }).click();
    await expect.poll(() => beamer.locator("body").textContent()).toMatch(/Terugblik/);
    const beamerStep = await beamer.locator("body").textContent();
    await lead.getByRole("button", { name: "Einde" }).click();
    await expect.poll(() => beamer.locator("body").textContent()).not.toBe(beamerStep);
    await look(lead, "terugkom-01-terugblik-console");
    await look(beamer, "terugkom-01-terugblik-beamer");

    // Reflectie: the phone answers for the first item; the bots for all.
    await lead.getByRole("button", { name: "Verder naar Reflectie" }).click();
    await phone.getByRole("heading", { name: "Reflectie per kaderpunt" }).waitFor();
    // "Opgeslagen" says the step went through, then goes: it does not stand on under the next stage.
    const stageStatus = lead.locator(".tk-section p.state");
    await expect.poll(() => stageStatus.textContent()).toBe("Opgeslagen");
    await expect.poll(() => stageStatus.textContent(), { timeout: DONE_SHOWN_MS + 5_000 }).toBe("");
    // A kader of more than five points: the phone first chooses the (3 to 5) points it reflects on.
    const chooser = phone.locator(".tk-choose-list input[type=checkbox]");
    if ((await chooser.count()) > 0) await chooser.first().check();
    const form = phone.locator(".tk-refl-form").first();
    await form.getByRole("radio", { name: "Deels" }).check();
    await form.getByLabel("Wat ging goed?").fill("We bespreken nu elke week één casus met deze vraag erbij.");
    await form.getByLabel("Wat kan beter?").fill("Financiën is nog niet aangehaakt.");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => phone.locator("main").textContent()).toContain("1 van");
    await look(phone, "terugkom-02-reflectie-deelnemer");
    const v1 = spelleider.terugkom?.v1 ?? [];
    expect(v1.length).toBeGreaterThan(0);
    for (const bot of bots) for (const item of v1) await bot.must({ type: "reflectie.give", itemId: item.itemId, toegepast: "ja", goed: "Het werkt in de wijk." });
    await expect.poll(() => lead.locator(".console-phase").textContent()).toContain("6 van 6");
    await look(lead, "terugkom-02-reflectie-console");
    // The beamer says what the phones ask: with more than five points, to choose 3 to 5 of them first.
    await expect.poll(() => beamer.locator("main").textContent()).toContain(v1.length > 5 ? "Op je telefoon: kies 3 tot 5 punten en zeg per punt" : "Op je telefoon: per punt ja");

    // Bijstellen: the phone adds an item; a bot amends one and the spelleider's client retires one.
    await lead.getByRole("button", { name: "Verder naar Bijstellen" }).click();
    await phone.getByRole("heading", { name: "Het kader bijstellen" }).waitFor();
    await phone.getByLabel("Tekst van het nieuwe kaderpunt").fill(NEW_ITEM);
    await phone.locator("#tk-nieuw-categorie").selectOption({ index: 1 });
    await phone.getByRole("button", { name: "Toevoegen" }).click();
    await expect.poll(() => phone.locator("main").textContent()).toContain(NEW_ITEM);
    const [first, second] = v1;
    if (!first || !second) throw new Error("te weinig kaderpunten");
    await bots[0]!.must({ type: "kader.amend", itemId: first.itemId, text: `${first.text} Dit staat in het mandaat.`, categoryId: first.categoryId });
    await spelleider.must({ type: "kader.retire", itemId: second.itemId, reason: "Al geregeld in het werkproces." });
    await look(phone, "terugkom-03-bijstellen-deelnemer");

    // Kader versie 2 beside versie 1, with the differences named in words.
    await lead.getByRole("button", { name: "Verder naar Kader versie 2" }).click();
    await phone.getByRole("heading", { name: "Kader versie 2" }).first().waitFor();
    for (const page of [phone, lead]) {
      await expect.poll(() => page.locator("body").textContent()).toContain("Nieuw");
      const text = (await page.locator("body").textContent()) ?? "";
      expect(text).toContain("Gewijzigd");
      expect(text).toContain("Vervallen");
    }
    // The beamer turns its pages by itself; its summary line names every kind of change at once.
    await expect.poll(() => beamer.locator("body").textContent()).toMatch(/1 gewijzigd · 1 nieuw · 1 vervallen/);
    const leadText = (await lead.locator(".console-phase").textContent()) ?? "";
    expect(leadText).toContain("Versie 1");
    expect(leadText).toContain(NEW_ITEM);
    await look(phone, "terugkom-04-kader-deelnemer");
    await look(lead, "terugkom-04-kader-console");
    await look(beamer, "terugkom-04-kader-beamer");

    // Nobody's name on the beamer, ever.
    expect(await beamer.locator("body").textContent()).not.toContain("Anne");
    await Promise.all([spelleider, ...bots].map((c) => c.leave()));
    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it("bijstellen op de beamer: een pagina past op het scherm, ook als elk punt gewijzigd is en twee regels heeft", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, spelleider, bots } = await dayOnePlayed(baseUrl, "kort");
    await spelleider.must({ type: "terugkom.stage", stage: "bijstellen" });
    // Every point reworded at length: a "Gewijzigd" mark and two lines of text on the beamer.
    for (const item of spelleider.terugkom!.v2) {
      const text = `${item.text.replace(/\.$/, "")}, en dat leggen we vast in het mandaat van het wijkteam zodat de raad elk halfjaar ziet waar en waarom is afgeweken.`;
      await spelleider.must({ type: "kader.amend", itemId: item.itemId, text, categoryId: item.categoryId });
    }
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    const rows = beamer.locator(".tk-board-row");
    await expect.poll(() => rows.count()).toBeGreaterThan(4);
    await expect.poll(() => beamer.locator(".tk-board").textContent()).toContain("Gewijzigd");
    const bottoms = await rows.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
    for (const bottom of bottoms) expect(bottom).toBeLessThanOrEqual(1080);
    await look(beamer, "terugkom-bijstellen-beamer-alles-gewijzigd");
    await Promise.all([spelleider, ...bots].map((c) => c.leave()));
  });

  it("kader versie 2 op de beamer: zoveel punten per pagina als passen, ook met lange teksten, redenen en markeringen", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret, spelleider, bots } = await dayOnePlayed(baseUrl, "kort");
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${baseUrl}/terugkom/${secret}`);
    const screens = [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ];
    const beamers = await Promise.all(screens.map(async (viewport) => (await browser.newContext({ viewport })).newPage()));
    for (const beamer of beamers) await beamer.goto(`${baseUrl}/beamer/${code}`);

    /** Every page held in turn from the console's side: the rows of each stay within the board, on every screen. */
    const pagesFit = async (label: string): Promise<number> => {
      // The console and every beamer on the kader stage first: until then the pager still counts the board before it.
      await expect.poll(() => lead.locator("#fase-titel").textContent()).toBe("Kader versie 2");
      for (const beamer of beamers) await expect.poll(() => beamer.locator(".tk-board").textContent()).toContain("Kader versie 2 naast versie 1");
      const held = () => lead.locator(".beamer-pager [role=status]").textContent();
      await expect.poll(held).toMatch(/Bladert zelf \((\d+) pagina's\)/);
      const count = Number(/\((\d+) pagina's\)/.exec((await held()) ?? "")?.[1]);
      for (let page = 0; page < count; page++) {
        spelleider.sendBeamerPage({ board: "terugkom:kader", page });
        for (const [i, beamer] of beamers.entries()) {
          // The beamer counts the same pages as the console.
          await expect.poll(() => beamer.locator(".tk-board .page-dots").textContent()).toContain(`${page + 1} / ${count}`);
          const { board, rows } = await beamer.evaluate(() => ({
            board: document.querySelector(".tk-board")!.getBoundingClientRect().bottom,
            rows: Array.from(document.querySelectorAll(".tk-cmp-row"), (el) => el.getBoundingClientRect().bottom),
          }));
          expect(rows.length, `${label}, pagina ${page + 1}`).toBeGreaterThan(0);
          for (const bottom of rows) expect(bottom, `${label}, ${screens[i]!.width}x${screens[i]!.height}, pagina ${page + 1}`).toBeLessThanOrEqual(board + 0.5);
        }
      }
      spelleider.sendBeamerPage({ board: "terugkom:kader", page: null });
      return count;
    };

    // Day 1's kader as it was: its one- and two-line points fill a page (at a fixed four per page: six pages).
    await spelleider.must({ type: "terugkom.stage", stage: "kader" });
    const points = spelleider.terugkom!.v2.length;
    const short = await pagesFit("ongewijzigd");
    expect(short).toBeLessThan(Math.ceil(points / 4));
    await look(beamers[0]!, "terugkom-kader-beamer-ongewijzigd");

    // Back to bijstellen: every point reworded at length, some moved to another category, some retired with a long
    // reason, and new ones: fewer points per page, and still none below the screen.
    await spelleider.must({ type: "terugkom.stage", stage: "bijstellen" });
    const categories = spelleider.scenario.categories.map((c) => c.id);
    const long = "Dat leggen we vast in het mandaat van het wijkteam, zodat de raad elk halfjaar ziet waar en waarom is afgeweken, wat het de inwoner opleverde en wat het kostte, ook als dat meer was dan de regeling toestond.";
    for (const [i, item] of spelleider.terugkom!.v2.entries()) {
      if (i % 5 === 4) {
        await spelleider.must({ type: "kader.retire", itemId: item.itemId, reason: `${long} ${long} ${long}`.slice(0, 600) });
        continue;
      }
      const categoryId = i % 3 === 0 ? (categories.find((c) => c !== item.categoryId) ?? item.categoryId) : item.categoryId;
      await spelleider.must({ type: "kader.amend", itemId: item.itemId, text: `${item.text.replace(/\.$/, "")}. ${long}`.slice(0, 400), categoryId });
    }
    for (let n = 0; n < 3; n++) await bots[n]!.must({ type: "kader.add", itemId: newId("k"), text: `${long} (${n + 1})`, categoryId: categories[n % categories.length]! });
    await spelleider.must({ type: "terugkom.stage", stage: "kader" });
    const long2 = await pagesFit("lang");
    expect(long2).toBeGreaterThan(short);
    await look(beamers[0]!, "terugkom-kader-beamer-lang");
    await Promise.all([spelleider, ...bots].map((c) => c.leave()));
  });

  it("de terugblik vraagt niemand om iets te doen: het lege bord van de beeldvorming, op de console en de beamer", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret, spelleider, bots } = await dayOnePlayed(baseUrl, "dag");
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    // From the lobby to the start of the beeldvorming: no cards yet, and nobody is asked to write one any more.
    await lead.getByRole("button", { name: "Fase verder" }).click();
    await expect.poll(() => lead.locator(".tb-now").textContent()).toContain("Beeldvorming");
    for (const page of [lead, beamer]) {
      const board = page.locator(page === lead ? ".tb-board" : ".beamer-main");
      await expect.poll(() => board.textContent()).toContain("Nog geen kaartjes.");
      expect(await board.textContent()).not.toContain("Schrijf op je eigen scherm");
    }
    // Every later phase's first step: what the room was asked then (keep the eisen private, vote, wait for a case) and
    // the thanks "for today's work" are told as what happened, on the beamer and on the console's board.
    const asks = ["op je eigen scherm", "blijven privé", "blijft privé", "Er wordt gestemd", "Verdeel ", "Kies per item", "Je stemt", "opent zo een casus", "werk van vandaag"];
    const told: string[] = [];
    for (let phases = 0; phases < 12; phases++) {
      const next = lead.getByRole("button", { name: "Fase verder" });
      if (!(await next.isEnabled())) break;
      const before = await lead.locator(".tb-now").textContent();
      await next.click();
      await expect.poll(() => lead.locator(".tb-now").textContent()).not.toBe(before);
      // The beamer has followed when its header names the same phase as the console.
      const now = (await lead.locator(".tb-now .tb-phase").textContent()) ?? "";
      await expect.poll(() => beamer.locator("h1").textContent()).toContain(now);
      for (const board of [beamer.locator(".beamer-main"), lead.locator(".tb-board")]) {
        await expect.poll(() => board.textContent()).not.toMatch(/Laden|laden…/);
        const text = (await board.textContent()) ?? "";
        for (const ask of asks) expect(text, `${now}: "${ask}"`).not.toContain(ask);
        told.push(text);
      }
    }
    expect(told.join(" ")).toContain("Er werd gestemd");
    expect(told.join(" ")).toContain("bleven privé");
    expect(told.join(" ")).toContain("Zo stond het kader er aan het eind van dag 1.");
    await look(beamer, "terugkom-terugblik-einde-beamer");
    await Promise.all([spelleider, ...bots].map((c) => c.leave()));
  });
});
