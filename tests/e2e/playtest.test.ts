/**
 * The play-test fixes of issue 15 (part 3), each checked in Chromium as people would meet them: a phone (390×844,
 * touch), the console (1366×900) and the beamer, next to bots that play the rest of the group. Every test leaves a
 * screenshot in test-results/screens/playtest-* for a person to look at, and axe-core looks at each screen.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { playPhases, type PlayContext } from "../../tools/bots/play.ts";
import { SessionClient, newId } from "../../game/src/net/sessionClient.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { hasChromium, joinAsParticipant, noChromiumReason, screenLooker, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const CONSOLE = { viewport: { width: 1366, height: 900 } };

/** A phone in the browser (Anne) and five bots, in a new session of `scenarioId`/`variantId`. */
async function seated(baseUrl: string, browser: Browser, variantId = "kort", scenarioId = "demo-maatwerk") {
  const res = await fetch(`${baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId, variantId }) });
  const { code, secret } = (await res.json()) as { code: string; secret: string };
  const phone = await (await browser.newContext(PHONE)).newPage();
  await joinAsParticipant(phone, baseUrl, code, "Anne", "raadslid");
  const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
  const bots = await Promise.all(
    Array.from({ length: 5 }, (_, i) => SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[(i + 1) % REAL_ROLES.length] as RealRole })),
  );
  await spelleider.until(() => spelleider.session.participantCount === 6);
  const ctx: PlayContext = { spelleider, players: bots, secret, code };
  return { code, secret, phone, spelleider, bots, ctx };
}

const main = (page: Page) => page.locator("main").textContent();
/** What the person sees right now (the viewport, where they are scrolled to), beside look()'s full page. */
const seen = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, animations: "disabled" });

describe.skipIf(!hasChromium)("de verbeteringen uit de speltest", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("fix 1, 8, 9, 12: rolwissel op een telefoon", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { phone, spelleider } = await seated(baseUrl, browser);
    await spelleider.must({ type: "phase.next" });
    await phone.getByLabel("Je eis").waitFor();

    // 12: the role and the case fold once read, so the eis editor comes near the top of the phone.
    const editorTop = () => phone.evaluate(() => document.getElementById("p-eisen")!.getBoundingClientRect().top + window.scrollY);
    const unfolded = await editorTop();
    await phone.getByRole("button", { name: "Gelezen: naar mijn eisen" }).click();
    await expect.poll(() => phone.evaluate(() => (document.querySelector("details.p-fold") as HTMLDetailsElement).open)).toBe(false);
    const folded = await editorTop();
    expect(unfolded).toBeGreaterThan(1500);
    expect(folded).toBeLessThan(700);
    await phone.evaluate(() => window.scrollTo(0, 0));
    await look(phone, "playtest-fix12-briefing-ingeklapt");

    // 9: a role name breaks only between words or at the compound's soft hyphen, and body text has a plain zero.
    await phone.locator("summary", { hasText: "Je rol en de casus" }).click();
    // On the narrowest phones (320 px) too, where "Wijkteamprofessional" no longer fits on one line.
    await phone.setViewportSize({ width: 320, height: 700 });
    const midWord = await phone.evaluate(() => {
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll(".role-chip > span:last-child, .p-role-name"))) {
        const node = el.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) continue;
        const text = node.textContent ?? "";
        const range = document.createRange();
        let lastTop: number | null = null;
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = Array.from(range.getClientRects()).filter((r) => r.width > 0).pop();
          if (!rect) continue;
          if (lastTop !== null && rect.top > lastTop + 2 && !/[\s\u00AD]/.test(text[i - 1] ?? "")) bad.push(text);
          lastTop = rect.top;
        }
      }
      return bad;
    });
    expect(midWord).toEqual([]);
    await phone.locator(".p-role-card").scrollIntoViewIfNeeded();
    await seen(phone, "playtest-fix9-rolnaam-320px-scherm");
    await phone.setViewportSize({ width: 390, height: 844 });
    const zeroFont = await phone.evaluate(async () => {
      await document.fonts.ready;
      const statuses: string[] = [];
      document.fonts.forEach((f) => {
        if (f.family.replace(/"/g, "") === "Plain Zero") statuses.push(f.status);
      });
      return statuses;
    });
    expect(zeroFont).toContain("loaded");
    const law = phone.locator(".p-case li", { hasText: /Wmo 2015/ }).first();
    if ((await law.count()) > 0) await law.screenshot({ path: "test-results/screens/playtest-fix9-wmo-2015.png" });

    // 8: nothing reached with Tab hides under the sticky top bar or the "Ik ben klaar" dock.
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.locator("body").click({ position: { x: 5, y: 300 } });
    const hidden: string[] = [];
    for (let i = 0; i < 30; i++) {
      await phone.keyboard.press("Tab");
      const where = await phone.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const dock = document.querySelector(".p-dock");
        const bar = document.querySelector(".topbar");
        if (dock?.contains(el) || bar?.contains(el)) return null;
        const r = el.getBoundingClientRect();
        const dockTop = dock ? dock.getBoundingClientRect().top : window.innerHeight;
        const barBottom = bar ? bar.getBoundingClientRect().bottom : 0;
        return r.bottom > dockTop + 1 || r.top < barBottom - 1 ? `${el.tagName} ${(el.textContent ?? "").trim().slice(0, 30)}` : null;
      });
      if (where) hidden.push(where);
    }
    expect(hidden).toEqual([]);

    // 1: a reveal while the phone is far down: it goes to the top of the new content.
    await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await phone.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await spelleider.must({ type: "eisen.reveal" });
    await expect.poll(() => main(phone)).toContain("De wensenpakketten");
    await expect.poll(() => phone.evaluate(() => window.scrollY)).toBe(0);
    await look(phone, "playtest-fix1-na-onthulling");
    await seen(phone, "playtest-fix1-na-onthulling-scherm");
    // And again across a phase change.
    await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await spelleider.must({ type: "phase.next" });
    await expect.poll(() => main(phone)).toContain("Samen één programma van eisen");
    await expect.poll(() => phone.evaluate(() => window.scrollY)).toBe(0);
  });

  it("fix 9: een lange rolnaam breekt op een smalle telefoon tussen de woorddelen, met een afbreekstreepje", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const res = await fetch(`${baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "demo-maatwerk", variantId: "kort" }) });
    const { code, secret } = (await res.json()) as { code: string; secret: string };
    // Six phones of 320 px: one of them gets the role Wijkteamprofessional.
    const phones: Page[] = [];
    for (const [i, role] of ["raadslid", "wethouder", "directeur", "beleidsambtenaar", "teamleider", "wijkteamprofessional"].entries()) {
      const page = await (await browser.newContext({ ...PHONE, viewport: { width: 320, height: 700 } })).newPage();
      await joinAsParticipant(page, baseUrl, code, `Speler ${i + 1}`, role);
      phones.push(page);
    }
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    await spelleider.until(() => spelleider.room.state.session !== undefined && spelleider.session.participantCount === 6);
    await spelleider.must({ type: "phase.next" });
    let found: Page | null = null;
    for (const page of phones) {
      await page.locator(".p-role-name").waitFor();
      if ((await page.locator(".p-role-name").textContent())?.replace(/\u00AD/g, "") === "Wijkteamprofessional") found = page;
    }
    if (!found) throw new Error("niemand kreeg de rol Wijkteamprofessional");
    const lines = await found.evaluate(() => {
      const el = document.querySelector(".p-role-name")!;
      const node = el.firstChild!;
      const text = node.textContent ?? "";
      const range = document.createRange();
      const out: string[] = [];
      let line = "";
      let lastTop: number | null = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = Array.from(range.getClientRects()).filter((r) => r.width > 0).pop();
        if (rect && lastTop !== null && rect.top > lastTop + 2) {
          out.push(line);
          line = "";
        }
        if (rect) lastTop = rect.top;
        line += text[i];
      }
      out.push(line);
      return out.map((l) => l.replace(/\u00AD/g, "-"));
    });
    // Either one line, or broken at the compound: "Wijkteam-" / "professional" (never "Wijkteamprofession" / "al").
    expect([["Wijkteamprofessional"], ["Wijkteam-", "professional"]]).toContainEqual(lines);
    await found.locator(".p-role-card").scrollIntoViewIfNeeded();
    await seen(found, "playtest-fix9-wijkteamprofessional-320px-scherm");
  });

  it("fix 4 en 11: samenvoegen houdt de woorden van het item, en de rest gaat in één keer", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { phone, spelleider, ctx } = await seated(baseUrl, browser);
    await playPhases(ctx, { from: 1, to: 1 }); // rolwissel: the bots write eisen
    await spelleider.must({ type: "phase.next" }); // samenvoegen, nobody merges yet
    const [first, second] = spelleider.eisen;
    if (!first || !second) throw new Error("te weinig eisen");
    const wording = "Elk huishouden heeft één vast aanspreekpunt dat het hele plan coördineert.";
    await spelleider.must({ type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: first.id }, { kind: "eis", id: second.id }], text: wording, categoryId: first.categoryId });
    await expect.poll(() => main(phone)).toContain("Programma (1)");

    // 4: select a loose eis first, then the item: the dialog starts from the item's wording, not the eis's.
    await phone.getByRole("button", { name: /^Selecteer: / }).first().click();
    await phone.getByRole("button", { name: "Programma (1)" }).click();
    await phone.getByRole("button", { name: /^Selecteer: Elk huishouden/ }).click();
    await phone.getByRole("button", { name: "Samenvoegen (2)" }).click();
    await expect.poll(() => phone.getByLabel("Tekst van het item").inputValue()).toBe(wording);
    await look(phone, "playtest-fix4-woorden-van-het-item");
    await phone.getByRole("button", { name: "Annuleren" }).click();
    await phone.getByRole("button", { name: "Wissen" }).click();

    // 11: the rest in one go: every loose eis becomes its own item.
    await phone.getByRole("button", { name: /^Losse eisen/ }).click();
    const loose = spelleider.eisen.filter((e) => e.itemId === null).length;
    expect(loose).toBeGreaterThan(5);
    await phone.getByRole("button", { name: `Overige eisen als eigen item opnemen (${loose})` }).click();
    await look(phone, "playtest-fix11-overige-opnemen-vraag");
    await phone.getByRole("button", { name: `Ja, ${loose} eisen opnemen` }).click();
    await spelleider.until(() => spelleider.eisen.every((e) => e.itemId !== null));
    expect(spelleider.items).toHaveLength(1 + loose);
    expect(spelleider.items.find((i) => i.text === wording)).toBeTruthy();
    await expect.poll(() => main(phone)).toContain("Alle eisen zitten in het programma");
  });

  it("fix 7: in de casustoets zet alleen de spelleider de groep verder, en kan een stap terug", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { phone, spelleider, ctx, secret } = await seated(baseUrl, browser);
    await playPhases(ctx, { from: 1, to: 3 });
    await spelleider.must({ type: "phase.next" }); // casustoets
    const lead = await (await browser.newContext(CONSOLE)).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    await phone.getByLabel("Jullie aantekening bij deze stap").fill("De inwoner wil samen thuis blijven wonen.");
    await phone.getByRole("button", { name: "Aantekening toevoegen" }).click();
    await expect.poll(() => main(phone)).toContain("De spelleider zet de groep door naar de volgende stap");
    expect(await phone.getByRole("button", { name: "Volgende stap" }).count()).toBe(0);
    await phone.locator(".b-advance-wait").scrollIntoViewIfNeeded();
    await seen(phone, "playtest-fix7-telefoon-wacht-op-spelleider-scherm");
    await look(phone, "playtest-fix7-telefoon-wacht-op-spelleider");
    await lead.getByRole("button", { name: "Volgende stap" }).click();
    await expect.poll(() => main(phone)).toMatch(/Stap 2 van 5\s*Nu aan de beurt/);
    await lead.getByRole("button", { name: "Een stap terug" }).first().click();
    await expect.poll(() => main(phone)).toMatch(/Stap 1 van 5\s*Nu aan de beurt/);
    expect(await main(phone)).toContain("De inwoner wil samen thuis blijven wonen.");
    await look(lead, "playtest-fix7-console-stap-terug");
    // Two steps on, with notes above the current step: the way on is still in the console's first screen (it sat at
    // y≈1000 under the case and the notes).
    for (const [step, note] of [[2, "Hij kan niet meer voor zichzelf zorgen."], [3, "Wat we overwegen, past bij de bedoeling."]] as const) {
      await lead.getByRole("button", { name: "Volgende stap" }).click();
      await expect.poll(() => main(phone)).toMatch(new RegExp(`Stap ${step} van 5\\s*Nu aan de beurt`));
      await phone.getByLabel("Jullie aantekening bij deze stap").fill(note);
      await phone.getByRole("button", { name: "Aantekening toevoegen" }).click();
      await expect.poll(() => main(lead)).toContain(note);
    }
    await lead.evaluate(() => window.scrollTo(0, 0));
    const way = await lead.getByRole("button", { name: "Volgende stap" }).boundingBox();
    expect(way!.y + way!.height).toBeLessThan(900);
    expect(await lead.getByRole("button", { name: "Een stap terug" }).count()).toBe(1);
    await look(lead, "playtest-fix7-console-stap-3");
    // A participant's own client is refused in Dutch, should it try.
    const bot = ctx.players[0]!;
    const refused = await bot.send({ type: "toets.advance", caseId: spelleider.session.currentCaseId ?? "" });
    expect(refused).toMatchObject({ ok: false, message: "Alleen de spelleider kan dit doen." });
  });

  it("fix 10: op de console past wat elke minuut nodig is in het eerste scherm (1366×900)", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { spelleider, secret, ctx } = await seated(baseUrl, browser);
    const lead = await (await browser.newContext(CONSOLE)).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    const bottomOf = (selector: string) => lead.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().bottom ?? Infinity, selector);
    const firstScreen = async () => {
      await lead.getByRole("button", { name: /Volgende fase/ }).waitFor();
      const next = await lead.getByRole("button", { name: /Volgende fase/ }).boundingBox();
      expect(next!.y + next!.height).toBeLessThan(900);
      expect(await bottomOf(".pulse")).toBeLessThan(900);
    };
    // The lobby: next phase and who came in (the people list used to start at y≈1233).
    await expect.poll(() => lead.locator(".pulse").textContent()).toMatch(/Laatst binnen: Bot \d/);
    await firstScreen();
    await look(lead, "playtest-fix10-console-lobby");
    // Playing: next phase, ready count, arrivals and the timer.
    await playPhases(ctx, { from: 1, to: 1 });
    await expect.poll(() => lead.locator(".pulse").textContent()).toContain("Klaar:");
    await firstScreen();
    expect(await bottomOf("#timer-kop")).toBeLessThan(900);
    expect(await bottomOf("#timer-minuten")).toBeLessThan(900);
    await look(lead, "playtest-fix10-console-rolwissel");
    expect(spelleider.session.phase.kind).toBe("rolwissel");
  });

  it("fix 6, 12 en 13: stemmen met voortgang, het kader als één ranglijst, aanvullingen zonder stemmen", { timeout: 150_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { phone, spelleider, ctx } = await seated(baseUrl, browser);
    await playPhases(ctx, { from: 1, to: 2 });
    await spelleider.must({ type: "phase.next" }); // prioriteren
    const total = spelleider.items.length;
    await expect.poll(() => phone.locator(".p-dock").textContent()).toContain(`0 van ${total} items gekozen`);
    await phone.getByRole("button", { name: "Punt erbij" }).first().click();
    await expect.poll(() => phone.locator(".p-dock").textContent()).toContain(`1 van ${total} items gekozen`);
    await look(phone, "playtest-fix12-voortgang-stemmen");
    await seen(phone, "playtest-fix12-voortgang-stemmen-scherm");
    for (const bot of ctx.players) await bot.must({ type: "vote.points", itemId: spelleider.items[0]!.id, points: 2 });
    await playPhases(ctx, { from: 4, to: 5 }); // casustoets (with an aanvulling per case), resultaat
    await expect.poll(() => main(phone)).toContain("Het kader op maat");
    const kader = spelleider.kader!;
    const aanvulling = kader.items.find((i) => i.fromCases.length > 0)!;
    expect(aanvulling.support).toBeNull();
    // 13: one ranked list, numbers 1, 2, 3 … in order; the headings filter it.
    const ranks = await phone.locator(".p-kader-item .p-rank").allTextContents();
    expect(ranks).toEqual(kader.items.map((_, i) => String(i + 1)));
    // 6: the aanvulling says it was not voted on; nobody reads "niemand" as zero support.
    const card = phone.locator(".p-kader-item", { hasText: aanvulling.text });
    await expect.poll(() => card.textContent()).toContain("Er is niet over dit item gestemd.");
    // The draagvlak label says how many roles.
    expect(await phone.locator(".p-draagvlak").first().textContent()).toMatch(/\((alle \d+ rollen|\d+ van \d+ rollen?)\)|Geen steun/);
    await look(phone, "playtest-fix13-kader-ranglijst");
    await seen(phone, "playtest-fix13-kader-ranglijst-scherm");
    await card.scrollIntoViewIfNeeded();
    await seen(phone, "playtest-fix6-aanvulling-niet-gestemd-scherm");
    const heading = kader.perspectieven.find((p) => p.itemIds.length > 0 && p.itemIds.length < kader.items.length);
    if (heading) {
      await phone.getByRole("button", { name: `${heading.title} (${heading.itemIds.length})` }).click();
      await expect.poll(() => phone.locator(".p-kader-item").count()).toBe(heading.itemIds.length);
      await look(phone, "playtest-fix13-kader-filter");
    }
  });

  it("fix 13: MoSCoW-uitslagen heten score, ook op de beamer", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, ctx, spelleider } = await seated(baseUrl, browser, "kort", "wmo-meedoen");
    await playPhases(ctx, { from: 1, to: 3 }); // through prioriteren: the votes are revealed
    expect(spelleider.session.votesRevealed).toBe(true);
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    await expect.poll(() => beamer.locator("body").textContent()).toMatch(/Totaalscore \d+/);
    expect(await beamer.locator("body").textContent()).not.toMatch(/\d+ punten/);
    await look(beamer, "playtest-fix13-beamer-score");
  });

  it("fix 5 en 12: dag 2, reflecteren op 3 tot 5 gekozen punten; een nieuw punt dat vervalt blijft doorgestreept", { timeout: 180_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { phone, spelleider, ctx, secret } = await seated(baseUrl, browser);
    await playPhases(ctx, { from: 1, to: spelleider.session.phases.length - 1 });
    await spelleider.must({ type: "terugkom.open" });
    await spelleider.must({ type: "terugkom.stage", stage: "reflectie" });
    await phone.getByRole("heading", { name: "Reflectie per kaderpunt" }).waitFor();
    const v1 = spelleider.terugkom!.v1;
    if (v1.length > 5) {
      expect(await phone.locator(".tk-refl-form").count()).toBe(0);
      const boxes = phone.locator(".tk-choose-list input[type=checkbox]");
      for (let i = 0; i < 5; i++) await boxes.nth(i).check();
      expect(await boxes.nth(5).isDisabled()).toBe(true);
      await expect.poll(() => phone.locator(".tk-refl-item").count()).toBe(5);
      await expect.poll(() => main(phone)).toContain("0 van 5 gekozen punten ingevuld");
      // The chosen points wait below the whole list: a bar at the bottom of the screen folds it and goes to them.
      const done = phone.getByRole("button", { name: "Klaar met kiezen" });
      expect(await done.isVisible()).toBe(true);
      // Tabbing through the list, no checkbox hides under that bar (WCAG 2.4.11).
      await boxes.first().focus();
      await phone.evaluate(() => window.scrollTo(0, 0));
      for (let k = 1; k < (await boxes.count()); k++) {
        await phone.keyboard.press("Tab");
        const [focused, barTop] = await phone.evaluate(() => [document.activeElement?.getBoundingClientRect().bottom ?? 0, document.querySelector(".tk-choose-done")?.getBoundingClientRect().top ?? 0]);
        if (await phone.evaluate(() => document.activeElement?.matches("input[type=checkbox]") ?? false)) expect(focused, `vakje ${k}`).toBeLessThanOrEqual(barTop);
      }
      await seen(phone, "playtest-reflectie-klaar-met-kiezen");
      await done.click();
      await expect.poll(() => phone.evaluate(() => (document.querySelector("details.tk-choose") as HTMLDetailsElement).open)).toBe(false);
      await expect.poll(() => phone.evaluate(() => document.activeElement?.classList.contains("tk-refl-toggle") ?? false)).toBe(true);
      // Saving without ja/deels/nee: the reason stands beside the question the focus goes to, not below the form.
      await phone.locator(".tk-refl-form").first().getByRole("button", { name: "Opslaan" }).click();
      const reason = phone.locator(".tk-toegepast").getByRole("alert");
      await expect.poll(() => reason.textContent()).toBe("Kies eerst: ja, deels of nee.");
      expect(await reason.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
      await seen(phone, "playtest-reflectie-kies-eerst");
      // The console counts each participant's points, not "1 van 25": three of them are enough.
      const lead = await (await browser.newContext(CONSOLE)).newPage();
      await lead.goto(`${baseUrl}/spelleider/${secret}`);
      await lead.getByRole("heading", { name: "Per deelnemer" }).waitFor();
      for (const item of v1.slice(0, 3)) await ctx.players[0]!.must({ type: "reflectie.give", itemId: item.itemId, toegepast: "ja", goed: "", beter: "", indicator: "" });
      const people = lead.locator(".tk-people");
      await expect.poll(() => people.textContent()).toContain("Bot 1✓ 3 punten · klaar");
      expect(await people.textContent()).not.toMatch(/van \d+/);
      await seen(lead, "playtest-reflectie-console-per-deelnemer");
    }
    await look(phone, "playtest-fix12-reflectie-kiezen");
    await seen(phone, "playtest-fix12-reflectie-kiezen-scherm");
    await spelleider.must({ type: "terugkom.stage", stage: "bijstellen" });
    await phone.getByRole("heading", { name: "Het kader bijstellen" }).waitFor();
    const added = "Elk kwartaal bespreken we twee casussen met het wijkteam.";
    await phone.getByLabel("Tekst van het nieuwe kaderpunt").fill(added);
    await phone.locator("#tk-nieuw-categorie").selectOption({ index: 1 });
    await phone.getByRole("button", { name: "Toevoegen" }).click();
    await expect.poll(() => main(phone)).toContain(added);
    await spelleider.until(() => spelleider.terugkom!.v2.some((i) => i.text === added));
    await spelleider.must({ type: "kader.retire", itemId: spelleider.terugkom!.v2.find((i) => i.text === added)!.itemId, reason: "Dubbel met punt 1." });
    const row = phone.locator(".tk-v2-item", { hasText: added });
    await expect.poll(() => row.locator("del").count()).toBe(1);
    await expect.poll(() => row.getByRole("button", { name: /^Terugzetten: / }).count()).toBe(1);
    expect(spelleider.terugkom!.counts).toMatchObject({ nieuw: 0, vervallen: 1 });
    await row.scrollIntoViewIfNeeded();
    await look(phone, "playtest-fix5-nieuw-punt-vervallen");
    await row.scrollIntoViewIfNeeded();
    await seen(phone, "playtest-fix5-nieuw-punt-vervallen-scherm");
  });

  it("fix 14: /nieuw zegt wat een variant inhoudt; de eenmalige link breekt af en kan gekopieerd worden", { timeout: 60_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const context = await browser.newContext({ ...PHONE, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/nieuw`);
    await expect.poll(() => page.locator("#variant-inhoud").textContent()).toMatch(/Deze variant heeft \d+ fasen, samen ongeveer \d+ minuten/);
    expect(await page.locator("#variant-inhoud li").count()).toBeGreaterThan(2);
    await look(page, "playtest-fix14-nieuw-varianten");
    await page.getByRole("button", { name: "Sessie maken" }).click();
    await page.getByRole("button", { name: "Link kopiëren" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Gekopieerd.");
    const url = await page.locator(".one-time-url code").textContent();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(url).toMatch(/\/spelleider\/[\w-]{40,}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await look(page, "playtest-fix14-eenmalige-link");
  });

  it("axe-core vindt niets ernstigs op deze schermen", () => {
    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
