/**
 * What a look at every screen of a whole day still found (issue 15), checked in Chromium as people meet it: the
 * beamer (1920×1080) shows the welcome text whole and a board of 150 eisen with what matters at 28 px or more and
 * every lane name whole; with tafels every card on the board says which tafel it comes from; on a phone (390×844)
 * the dock sits at the bottom of the screen when there is little to show, and the kader's headings are one row; on
 * the console (1366×900) opening day 2 brings the spelleider to the top, where it now is. Screenshots in
 * test-results/screens/look-*, axe-core on each screen.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { playPhases, type PlayContext } from "../../tools/bots/play.ts";
import { EIS_TEXTS } from "../../tools/bots/texts.ts";
import { SessionClient, newId } from "../../game/src/net/sessionClient.ts";
import { hasChromium, joinAsParticipant, joinBots, noChromiumReason, screenLooker, SCREEN_DIR, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const BEAMER = { viewport: { width: 1920, height: 1080 } };

async function session(baseUrl: string, scenarioId: string, variantId: string): Promise<{ code: string; secret: string }> {
  const res = await fetch(`${baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId, variantId }) });
  const body = (await res.json()) as { code: string; secret: string };
  return { code: body.code, secret: body.secret };
}

/** A "kort" session of the demo with its spelleider and `n` bots seated. */
async function seatedBots(baseUrl: string, n: number) {
  const { code, secret } = await session(baseUrl, "demo-maatwerk", "kort");
  const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
  const players = await joinBots(baseUrl, code, n);
  await spelleider.until(() => spelleider.session.participantCount === n);
  return { code, secret, spelleider, players };
}

/** What the board drew last, as its canvas host reports it. */
async function drawn(page: Page): Promise<Record<string, string>> {
  return page.locator(".pve-board-canvas").evaluate((el) => (el instanceof HTMLElement ? { ...el.dataset } : {}) as Record<string, string>);
}

const seen = (page: Page, name: string) => page.screenshot({ path: `${SCREEN_DIR}/${name}.png`, animations: "disabled" });

describe.skipIf(!hasChromium)("wat de blik op elk scherm nog vond", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("de welkomsttekst staat heel op de beamer, bij elk scenario (lange teksten in delen die vanzelf omslaan)", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const ids = readdirSync(resolve("scenarios"))
      .filter((f) => f.endsWith(".json") && !f.includes("schema"))
      .map((f) => (JSON.parse(readFileSync(resolve("scenarios", f), "utf8")) as { id: string; intro: string; variants: { id: string }[] }));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const scenario of ids) {
      const { code } = await session(baseUrl, scenario.id, scenario.variants[0]?.id ?? "dag");
      const beamer = await (await browser.newContext(BEAMER)).newPage();
      await beamer.clock.install();
      await beamer.goto(`${baseUrl}/beamer/${code}`);
      const box = beamer.locator(".lobby-intro-text");
      await box.waitFor();
      await beamer.waitForTimeout(300);
      // Each part is whole in its box (nothing cut off, no "…"), and the parts together are the whole text.
      const dots = (await beamer.locator(".lobby-intro .page-dots").count()) > 0 ? ((await beamer.locator(".lobby-intro .page-dots").textContent()) ?? "") : "";
      const count = Number(/Deel \d+ van (\d+)/.exec(dots)?.[1] ?? "1");
      const parts: string[] = [];
      for (let i = 0; i < count; i++) {
        const fit = await box.evaluate((el) => ({ fits: el.scrollHeight <= el.clientHeight + 1, clamp: getComputedStyle(el.querySelector("p") ?? el).webkitLineClamp }));
        expect(fit, `${scenario.id}, deel ${i + 1}`).toEqual({ fits: true, clamp: "none" });
        parts.push(((await box.textContent()) ?? "").trim());
        if (i === 0) await look(beamer, `look-lobby-intro-${scenario.id}`);
        await beamer.clock.fastForward(20_500);
      }
      const squash = (x: string) => x.replace(/\s+/g, " ").trim();
      expect(squash(parts.join(" "))).toBe(squash(scenario.intro));
      expect(squash((await beamer.locator(".lobby-intro .sr-only").textContent()) ?? "")).toBe(squash(scenario.intro));
      await beamer.context().close();
    }
  });

  it("150 eisen op het bord van de beamer: titels, rolmerken, tellingen en baannamen van 28 px, niets uitgezoomd", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, spelleider, players } = await seatedBots(baseUrl, 25);
    await spelleider.must({ type: "phase.next" }); // rolwissel
    await Promise.all(players.map((p) => p.until(() => (p.mine?.role ?? null) !== null)));
    const categories = spelleider.scenario.categories.map((c) => c.id);
    // Six eisen each, over every category, in the bots' words: 150 eisen.
    await Promise.all(
      players.map(async (p, n) => {
        for (let i = 0; i < 6; i++) {
          const categoryId = categories[(n + i * 3) % categories.length] ?? "kernwaarden";
          const texts = EIS_TEXTS[categoryId] ?? ["Maatwerk moet uitlegbaar zijn."];
          await p.must({ type: "eis.write", eisId: newId("e"), categoryId, text: `${texts[(n + i) % texts.length]}${n >= 10 ? ` (${n}-${i})` : ""}` });
        }
      }),
    );
    await spelleider.must({ type: "eisen.reveal" });
    await spelleider.must({ type: "phase.next" }); // samenvoegen
    await spelleider.until(() => spelleider.session.phase.kind === "samenvoegen" && spelleider.eisen.length === 150);
    // Forty items of two eisen each (the same category), the other seventy eisen loose.
    const byCategory = new Map<string, string[]>();
    // In the order of their texts, not of arrival (the 25 bots write at once): the same forty items every run. Which
    // eisen are merged changes the lanes' heights; with some orders of arrival the board zoomed to 0.99.
    const inTextOrder = [...spelleider.eisen].sort((a, b) => a.text.localeCompare(b.text, "nl"));
    for (const e of inTextOrder) byCategory.set(e.categoryId, [...(byCategory.get(e.categoryId) ?? []), e.id]);
    let made = 0;
    for (const [categoryId, ids] of byCategory) {
      for (let i = 0; i + 1 < ids.length && made < 40 && i < 8; i += 2) {
        const [a, b] = [ids[i] ?? "", ids[i + 1] ?? ""];
        await spelleider.must({ type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: a }, { kind: "eis", id: b }], text: spelleider.eisen.find((e) => e.id === a)?.text ?? "Item", categoryId });
        made++;
      }
    }
    expect(made).toBe(40);
    const beamer = await (await browser.newContext(BEAMER)).newPage();
    await beamer.clock.install();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    await expect.poll(async () => Number((await drawn(beamer)).items ?? 0), { timeout: 20_000 }).toBe(40);
    const d = await drawn(beamer);
    expect({ fits: d.fits, zoom: d.zoom }).toEqual({ fits: "true", zoom: "1" });
    expect(Number(d.titlePx)).toBeGreaterThanOrEqual(28);
    expect(Number(d.markPx)).toBeGreaterThanOrEqual(28);
    // Lane names whole, over two lines; a long compound in a narrow column a little smaller (tests/client/boardLayout.test.ts).
    expect(Number(d.lanePx)).toBeGreaterThanOrEqual(24);
    // Titles that do not fit their card: the line under the board says where they are whole.
    if (Number(d.cut) > 0) expect(await beamer.locator(".samen-foot").textContent()).toContain("Hele teksten: op je eigen scherm.");
    // On the beamer itself: after the newest item, the band under the board reads out the cards that do not show
    // their whole text (a cut title, an eis as a mark), as many whole ones per turn as fit, while the board rings them.
    await expect.poll(() => beamer.locator(".samen-spotlight").textContent()).toContain("Net samengevoegd:");
    const turns = new Set<string>();
    const toured = new Set<string>();
    await beamer.clock.fastForward(12_500);
    for (let i = 0; i < 12 && turns.size < 3; i++) {
      const line = beamer.locator(".samen-tour");
      await line.waitFor();
      const keys = ((await line.getAttribute("data-cards")) ?? "").split(" ").filter(Boolean);
      expect(keys.length).toBeGreaterThan(0);
      const shown = (await line.textContent()) ?? "";
      expect(shown).toMatch(/Uitgelicht \(\d+(–\d+)? van \d+\):/);
      for (const key of keys) {
        const id = key.slice(key.indexOf(":") + 1);
        const whole = key.startsWith("item:") ? spelleider.items.find((x) => x.id === id)?.text : spelleider.eisen.find((x) => x.id === id)?.text;
        expect(whole, key).toBeTruthy();
        expect(shown).toContain(whole ?? "");
        toured.add(key);
      }
      if (turns.size === 0) await look(beamer, "look-board-150-beamer-uitgelicht");
      turns.add(keys.join(" "));
      // A turn lasts 5 to 12 s (as long as its longest text takes to read).
      await beamer.clock.fastForward(5_000);
    }
    expect(turns.size).toBe(3);
    expect(toured.size).toBeGreaterThanOrEqual(3);
    // The text equivalent has every eis and item whole.
    const text = (await beamer.locator(".board-text").textContent()) ?? "";
    for (const e of spelleider.eisen.filter((x) => x.itemId === null)) expect(text).toContain(e.text);
    for (const i of spelleider.items) expect(text).toContain(i.text);
    await look(beamer, "look-board-150-beamer");
    await Promise.all([spelleider, ...players].map((c) => c.leave()));
  });

  it("met tafels zegt elke kaart op het bord van welke tafel hij komt", { timeout: 180_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await session(baseUrl, "demo-maatwerk", "tafels");
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    const players = await joinBots(baseUrl, code, 9);
    await spelleider.until(() => spelleider.session.participantCount === 9);
    await Promise.all(players.map((p) => p.until(() => p.mine !== null)));
    await spelleider.must({ type: "tables.assign", count: 3 });
    const ctx: PlayContext = { spelleider, players, secret, code };
    await playPhases(ctx, { from: 1, to: 1 }); // rolwissel, revealed per tafel
    await spelleider.must({ type: "phase.next" }); // samenvoegen per tafel
    await spelleider.until(() => spelleider.session.phase.kind === "samenvoegen");
    const [first, second] = spelleider.eisen.filter((e) => e.tableId === spelleider.tables[0]?.tableId);
    if (!first || !second) throw new Error("te weinig eisen aan tafel 1");
    await spelleider.must({ type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: first.id }, { kind: "eis", id: second.id }], text: first.text, categoryId: first.categoryId });
    const beamer = await (await browser.newContext(BEAMER)).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    await expect.poll(async () => Number((await drawn(beamer)).items ?? 0), { timeout: 20_000 }).toBe(1);
    const d = await drawn(beamer);
    // Every card (the item and each loose eis) carries its tafel's mark; the text equivalent names the tafel.
    expect(Number(d.tableMarks)).toBe(Number(d.items) + Number(d.eisen));
    const text = (await beamer.locator(".board-text").textContent()) ?? "";
    expect(text).toContain(`(${spelleider.tables[0]?.name})`);
    for (const table of spelleider.tables) expect(text).toContain(`(${table.name})`);
    // The tafels' strip under the board is one line per tafel (its mark, as on the cards, and its counts), so the
    // board keeps the height tests/client/boardLayout.test.ts lays 150 items of one eis out in (BEAMER_TAFELS: 722 px).
    const tiles = beamer.locator(".tafel-strip .tafel-tile");
    expect(await tiles.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const facts = await tiles.nth(i).locator(".tafel-tile-facts").evaluate((el) => ({ lines: Math.round(el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight)), text: el.textContent }));
      expect(facts.lines, facts.text ?? "").toBe(1);
      expect(await tiles.nth(i).locator(".tafel-tile-mark").textContent()).toBe(`T${i + 1}`);
    }
    expect(await beamer.locator(".pve-board-canvas").evaluate((el) => el.clientHeight)).toBeGreaterThanOrEqual(722);
    await look(beamer, "look-board-tafels-beamer");
    await Promise.all([spelleider, ...players].map((c) => c.leave()));
  });

  it("telefoon: de dock staat onderaan het scherm, de kopjes van het kader zijn één rij; console: na het openen van dag 2 bovenaan", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await session(baseUrl, "demo-maatwerk", "kort");
    const phone = await (await browser.newContext(PHONE)).newPage();
    await joinAsParticipant(phone, baseUrl, code, "Anne", "raadslid");
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    const players = await joinBots(baseUrl, code, 5);
    await spelleider.until(() => spelleider.session.participantCount === 6);
    const ctx: PlayContext = { spelleider, players, secret, code };
    await playPhases(ctx, { from: 1, to: 2 }); // rolwissel, samenvoegen: the bots take every eis in
    expect(spelleider.eisen.filter((e) => e.itemId === null)).toEqual([]);
    await phone.getByRole("button", { name: /^Losse eisen/ }).click();
    await expect.poll(() => phone.locator(".b-col-eisen").textContent()).toContain("Alle eisen zitten in het programma");
    await phone.waitForTimeout(300);
    // Little to show: the dock is at the bottom of the screen all the same, and nothing lies under it.
    const dock = await phone.locator(".p-dock").boundingBox();
    expect(Math.abs((dock?.y ?? 0) + (dock?.height ?? 0) - 844)).toBeLessThanOrEqual(1);
    const lastContent = await phone.locator(".b-columns").boundingBox();
    expect((lastContent?.y ?? 0) + (lastContent?.height ?? 0)).toBeLessThanOrEqual(dock?.y ?? 0);
    await seen(phone, "look-phone-samenvoegen-dock");
    await look(phone, "look-phone-samenvoegen-dock-pagina");
    // Nothing left here: one tap to the programma, where the work is now.
    const itemCount = spelleider.items.length;
    await phone.getByRole("button", { name: `Bekijk het programma (${itemCount} ${itemCount === 1 ? "item" : "items"})` }).click();
    await expect.poll(() => phone.getByRole("button", { name: `Programma (${itemCount})` }).getAttribute("aria-pressed")).toBe("true");
    expect(await phone.locator(".b-col-pve").isVisible()).toBe(true);

    await playPhases(ctx, { from: 3, to: 4 }); // prioriteren, casustoets
    // The beamer in the casustoets: the case's situation (or, after the besluit, its afloop) whole, not cut off.
    const beamer = await (await browser.newContext(BEAMER)).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    const caseText = beamer.locator(".toets-bottom .whole-text");
    await caseText.waitFor();
    await beamer.waitForTimeout(300);
    expect(await caseText.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    // Split into parts only as far as needed: no more parts than the whole text's height needs boxes.
    const split = await caseText.evaluate((el) => {
      const dots = el.parentElement?.querySelector(".page-dots")?.textContent ?? "";
      const parts = Number(/Deel \d+ van (\d+)/.exec(dots)?.[1] ?? "1");
      const shown = el.querySelector("p");
      const probe = document.createElement("p");
      probe.style.cssText = `position:absolute;visibility:hidden;margin:0;width:${el.clientWidth}px;font:${shown ? getComputedStyle(shown).font : ""}`;
      probe.textContent = el.parentElement?.querySelector(".sr-only")?.textContent ?? "";
      document.body.append(probe);
      const needed = Math.ceil(probe.offsetHeight / el.clientHeight);
      probe.remove();
      return { parts, needed };
    });
    expect(split.parts).toBeLessThanOrEqual(split.needed + 1);
    const kase = spelleider.cases.find((c) => c.id === spelleider.session.currentCaseId);
    const whole = (await beamer.locator(".toets-bottom .whole-text + .sr-only").first().textContent()) ?? "";
    expect([kase?.situation, kase?.afloop]).toContain(whole);
    await look(beamer, "look-beamer-casustoets-heel");
    await beamer.context().close();
    await playPhases(ctx, { from: 5, to: 5 }); // resultaat
    await expect.poll(() => phone.locator("main").textContent()).toContain("Het kader op maat");
    const filter = phone.locator(".p-filter");
    await filter.waitFor();
    // One row that scrolls sideways: every button on the same line, as high as one button.
    const row = await filter.evaluate((el) => {
      const tops = Array.from(el.querySelectorAll("button"), (b) => Math.round(b.getBoundingClientRect().top));
      return { rows: new Set(tops).size, buttons: tops.length, scrolls: el.scrollWidth > el.clientWidth, height: Math.round(el.getBoundingClientRect().height) };
    });
    expect(row.rows).toBe(1);
    expect(row.height).toBeLessThan(70);
    if (row.scrolls) {
      // The last heading is reached by scrolling the row (or by Tab, which scrolls it too), and filters the list.
      const last = filter.locator("button").last();
      await last.focus();
      await last.click();
      await expect.poll(() => last.getAttribute("aria-pressed")).toBe("true");
    }
    await seen(phone, "look-phone-kader-filter");

    // The console: the terugkombijeenkomst card is at the bottom of the day-1 console; opening it moves it to the top.
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    // The spelleider has read down the kader (the page is long at the resultaat) and opens day 2 from there.
    await lead.getByRole("button", { name: "Terugkombijeenkomst openen" }).waitFor();
    await lead.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await lead.getByRole("button", { name: "Terugkombijeenkomst openen" }).click();
    await lead.getByRole("button", { name: "Ja, openen" }).waitFor();
    expect(await lead.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await lead.getByRole("button", { name: "Ja, openen" }).click();
    await lead.getByRole("heading", { name: "Terugblik op dag 1" }).waitFor();
    // The page and its side column (which scrolls on its own) are at their top: the terugkombijeenkomst card first.
    await expect.poll(() => lead.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => lead.locator(".console-side").evaluate((el) => el.scrollTop)).toBe(0);
    const card = await lead.locator("#terugkom-kop").boundingBox();
    expect(card && card.y >= 0 && card.y < 200).toBe(true);
    await seen(lead, "look-console-dag-2-geopend");
    await Promise.all([spelleider, ...players].map((c) => c.leave()));
  });

  it("teksten zo lang als mag op de beamer: een heel lang woord breekt, een lang besluit laat de aanvulling heel", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret, spelleider, players } = await seatedBots(baseUrl, 6);
    const beamer = await (await browser.newContext(BEAMER)).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    /** Text cut off sideways on the beamer: a box whose content is wider than it, or anything past the screen's edge. */
    const cutSideways = () =>
      beamer.evaluate(() =>
        Array.from(document.querySelectorAll(".beamer-main *"))
          // What only screen readers get (.sr-only: a 1 px box) is not on the screen.
          .filter((el) => el instanceof HTMLElement && !el.closest(".sr-only") && el.clientWidth > 0 && (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth + 1))
          .map((el) => `${el.className}: ${(el.textContent ?? "").slice(0, 40)}`),
      );

    // Rolwissel: every eis 300 characters, starting with one "word" of 80 (a pasted link, a made-up compound).
    const word = "Zorgvuldigheidsbeginselaanvraagprocedure".repeat(2);
    while (spelleider.session.phase.kind !== "rolwissel") {
      const result = await spelleider.send({ type: "phase.next" });
      if (!result.ok) throw new Error(result.message);
      await spelleider.caughtUp(result.seq);
    }
    await Promise.all(players.map((p) => p.until(() => (p.mine?.role ?? null) !== null)));
    const categories = spelleider.scenario.categories.map((c) => c.id);
    await Promise.all(
      players.map((p, n) =>
        p.must({ type: "eis.write", eisId: newId("e"), categoryId: categories[n % categories.length]!, text: `${word} ${"maatwerk dat past bij het leven van de inwoner ".repeat(6)}`.slice(0, 300) }),
      ),
    );
    await spelleider.must({ type: "eisen.reveal" });
    await expect.poll(() => beamer.locator(".beamer-main").textContent()).toContain("Zorgvuldigheidsbeginsel");
    expect(await cutSideways()).toEqual([]);
    await seen(beamer, "look-lang-woord-rolwissel");

    // Casustoets: a besluit of 600 characters and an aanvulling of 400 on the case just walked.
    const toets = spelleider.session.phases.findIndex((p) => p.kind === "casustoets");
    await playPhases({ spelleider, players, secret, code }, { from: spelleider.session.phase.index + 1, to: toets });
    const caseId = spelleider.session.currentCaseId!;
    const besluit = "We kennen de oplossing toe als maatwerk, leggen de motivering vast en evalueren na drie maanden met de inwoner. ".repeat(6).slice(0, 600);
    await spelleider.must({ type: "toets.decide", caseId, decision: besluit, costNow: "gemiddeld", costLater: "laag", costNote: "" });
    const aanvulling = "Afwijkingen van de beleidsregel worden elk kwartaal besproken met beleid en raad, met de casussen erbij. ".repeat(4).slice(0, 400);
    await spelleider.must({ type: "toets.amend", itemId: newId("i"), caseId, text: aanvulling, categoryId: categories[0]! });
    await expect.poll(() => beamer.locator(".toets-outcome").textContent()).toContain("Afwijkingen van de beleidsregel");
    const { column, panels } = await beamer.evaluate(() => ({
      column: document.querySelector(".toets-side")!.getBoundingClientRect().bottom,
      panels: Array.from(document.querySelectorAll(".toets-outcome .beamer-panel, .toets-outcome .beamer-panel > *"), (el) => el.getBoundingClientRect().bottom),
    }));
    for (const bottom of panels) expect(bottom).toBeLessThanOrEqual(column + 0.5);
    expect(await cutSideways()).toEqual([]);
    await look(beamer, "look-lang-besluit-casustoets");
    await Promise.all([spelleider, ...players].map((c) => c.leave()));
  });

  it("laptop: in de rolwissel staat de editor naast je rol en de casus en blijft in beeld bij het lezen; een telefoon houdt één kolom", { timeout: 120_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, spelleider, players } = await seatedBots(baseUrl, 5);
    const laptop = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await joinAsParticipant(laptop, baseUrl, code, "Bram", "directeur");
    const phone = await (await browser.newContext(PHONE)).newPage();
    await joinAsParticipant(phone, baseUrl, code, "Eva", "raadslid");
    await spelleider.must({ type: "phase.next" });
    const boxes = async (page: Page) =>
      page.evaluate(() => {
        const rect = (selector: string) => {
          const r = document.querySelector(selector)?.getBoundingClientRect();
          return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
        };
        return { briefing: rect(".p-role-card"), editor: rect("#p-eisen"), add: rect("#p-eisen button[type=submit]"), dock: rect(".p-dock-inner") };
      });
    await laptop.locator("#p-eisen").waitFor();
    const first = await boxes(laptop);
    // Beside the role card, and on the first screen with its button clear of the dock.
    expect(first.editor!.left).toBeGreaterThan(first.briefing!.right);
    expect(first.add!.bottom).toBeLessThanOrEqual(first.dock!.top);
    await look(laptop, "look-laptop-rolwissel-naast-elkaar");
    await laptop.evaluate(() => window.scrollBy(0, 1200));
    await expect.poll(async () => (await boxes(laptop)).briefing!.top).toBeLessThan(first.briefing!.top - 1000);
    const scrolled = await boxes(laptop);
    expect(scrolled.editor!.top).toBeGreaterThanOrEqual(0);
    expect(scrolled.editor!.top).toBeLessThan(200);
    await seen(laptop, "look-laptop-rolwissel-gescrold");
    await phone.locator("#p-eisen").waitFor();
    const onPhone = await boxes(phone);
    expect(onPhone.editor!.top).toBeGreaterThan(onPhone.briefing!.bottom);
    await Promise.all([spelleider, ...players].map((c) => c.leave()));
  });

  it("axe-core vindt niets ernstigs op deze schermen", () => {
    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
