/**
 * Game feel through the day, in Chromium: a session played by bots with one phone in the browser, the beamer at
 * 1920x1080 and the console. At every moment the beamer's text equivalent says what the motion shows: arrivals per
 * function in the lobby, eisen written per role while drafts stay private, the wensenpakketten role by role (every eis
 * shown or counted in "+n"), the podium naming the top three in order, the toets track's position, the finished kader,
 * and the terugblik's autoplay moving the beamer along. Every moment is photographed and checked with axe-core.
 *
 * Play-test fixes: a prioriteren that lasted longer than a page turn still opens its reveal on page 1 (the beamer's
 * clock is moved on 76 s with Playwright's clock, no waiting); the spelleider turns the beamer's pages from the
 * console; the chart's rows stay inside the screen.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { playPhases } from "../../tools/bots/play.ts";
import { SessionClient, newId } from "../../game/src/net/sessionClient.ts";
import { GAME_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { ROLE_NAMES } from "#shared/strings/index.ts";
import { SCREEN_DIR, createSession, hasChromium, joinAsParticipant, noChromiumReason, screenLooker, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const BOT_FUNCTIONS: RealRole[] = ["wethouder", "beleidsambtenaar", "anders", "anders", "wijkteamprofessional"];
const LONG_EISEN = [
  "Elk huishouden met meerdere hulpvragen heeft één vast aanspreekpunt dat de regie houdt, ook als er meer dan drie organisaties bij betrokken zijn.",
  "De gemeente legt binnen vijf werkdagen schriftelijk uit waarom van de regel wordt afgeweken, in taal die de inwoner begrijpt en kan navertellen.",
  "Professionals mogen tot een vast bedrag per huishouden zonder voorafgaande toestemming maatwerk inzetten, en leggen achteraf kort vast waarom.",
  "Wie een beslissing neemt over maatwerk, kent de situatie van de inwoner uit een gesprek aan de keukentafel en niet alleen uit het dossier.",
  "Elk kwartaal bespreken raad en wijkteam samen twee casussen waarin werd afgeweken, om te leren wat de regels in de weg zat en wat hielp.",
];

/** Every element matching `selector` lies inside the viewport (nothing cut off at the bottom or the right). */
async function allInside(page: Page, selector: string): Promise<{ inside: boolean; count: number }> {
  return page.evaluate((sel) => {
    const els = Array.from(document.querySelectorAll(sel));
    const inside = els.every((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5 && r.top >= -0.5 && r.left >= -0.5;
    });
    return { inside, count: els.length };
  }, selector);
}

describe.skipIf(!hasChromium)("spelgevoel door de dag", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("aankomst, rol, tellers, onthulling, podium, spoor, kader af en terugblik als film", { timeout: 300_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl, "kort");
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    // The beamer's clock is Playwright's: it runs as usual, and can be moved on without waiting (see prioriteren).
    await beamer.clock.install();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })).newPage();
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });

    // Lobby: arrivals appear by their own function, the count ticks up; names stay off the beamer.
    await joinAsParticipant(phone, baseUrl, code, "Anne", "raadslid");
    const bots: SessionClient[] = [];
    for (const [i, realRole] of BOT_FUNCTIONS.entries()) {
      bots.push(await SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole }));
      await expect.poll(() => beamer.locator(".lobby-count-live").getAttribute("data-count")).toBe(String(i + 2));
    }
    await expect.poll(() => beamer.locator(".lobby-count-live").textContent()).toBe("6 deelnemers binnen");
    const legend = beamer.locator(".arrivals-legend li");
    await expect.poll(() => legend.allTextContents()).toEqual(["Raadslid: 1", "Wethouder: 1", "Beleidsambtenaar: 1", "Wijkteamprofessional: 1", "Anders: 2"]);
    await beamer.locator(".arrivals-field.phaser canvas").waitFor();
    expect(await beamer.locator("body").textContent()).not.toContain("Anne");
    await look(beamer, "feel-01-beamer-lobby");

    // Rolwissel: each phone's role card turns over once; the beamer counts eisen per role, never their text.
    await spelleider.must({ type: "phase.next" });
    await phone.locator(".p-turn").waitFor();
    // What the phone shows (its screen, not the whole page): the card face down for a moment, then turned over.
    if ((await phone.locator(".p-turn").getAttribute("data-turn")) === "down") await phone.screenshot({ path: `${SCREEN_DIR}/feel-02a-phone-card-face-down.png` });
    await expect.poll(() => phone.locator(".p-turn").getAttribute("data-turn")).toBe("up");
    await phone.waitForTimeout(300);
    await phone.screenshot({ path: `${SCREEN_DIR}/feel-02b-phone-card-turned.png`, animations: "disabled" });
    const phoneRole = ((await phone.locator("#p-rol-titel").textContent()) ?? "").replaceAll("\u00ad", "");
    expect(await phone.locator(".p-turn [role=status]").textContent()).toBe(`Je rol is bekend: ${phoneRole}.`);
    await look(phone, "feel-02-phone-role-reveal");
    // After a reload the card does not turn again.
    await phone.reload();
    await expect.poll(() => phone.locator(".p-turn").getAttribute("data-turn")).toBe("up");

    await Promise.all(bots.map((b) => b.until(() => (b.mine?.role ?? null) !== null)));
    const category = spelleider.scenario.categories[0]?.id ?? "kernwaarden";
    const [longWriter, ...others] = bots;
    if (!longWriter) throw new Error("geen bots");
    for (const text of LONG_EISEN) await longWriter.must({ type: "eis.write", eisId: newId("e"), categoryId: category, text });
    for (const [i, bot] of others.entries()) {
      for (let n = 0; n <= i % 3; n++) await bot.must({ type: "eis.write", eisId: newId("e"), categoryId: category, text: `Geheime kladtekst ${i}-${n}: maatwerk vraagt ruimte voor de professional.` });
    }
    await spelleider.until(() => (spelleider.counts?.written ? Object.values(spelleider.counts.written.perRole).reduce((a, b) => a + b, 0) : 0) === LONG_EISEN.length + 1 + 2 + 3 + 1);
    const perRole = spelleider.counts?.written?.perRole;
    if (!perRole) throw new Error("geen tellingen");
    for (const role of GAME_ROLES.filter((r) => perRole[r] > 0)) {
      const n = perRole[role];
      await expect.poll(() => beamer.locator(`.written-row[data-role="${role}"]`).getAttribute("aria-label")).toBe(`${ROLE_NAMES[role]}: ${n === 1 ? "1 eis" : `${n} eisen`} geschreven`);
    }
    const beamerText = (await beamer.locator("body").textContent()) ?? "";
    expect(beamerText).not.toContain("Geheime kladtekst");
    expect(beamerText).not.toContain(LONG_EISEN[0]);
    await look(beamer, "feel-03-beamer-rolwissel-counts");

    // The reveal: the wensenpakketten arrive role by role; five long eisen are all shown, or counted in "+n meer".
    await spelleider.must({ type: "eisen.reveal" });
    const longRole = longWriter.mine?.role;
    if (!longRole) throw new Error("geen rol");
    const panel = beamer.locator(`.pakket[data-role="${longRole}"]`);
    await panel.waitFor();
    await beamer.waitForTimeout(1600); // the last role's panel has arrived (6 x 220 ms + 260 ms)
    const fit = await panel.evaluate((el) => {
      const items = Array.from(el.querySelectorAll("li"));
      const shown = items.filter((li) => getComputedStyle(li).display !== "none");
      const more = el.querySelector<HTMLElement>(".pakket-more");
      const box = el.getBoundingClientRect();
      return {
        total: items.length,
        shown: shown.length,
        more: more && !more.hidden ? (more.textContent ?? "") : "",
        inside: shown.every((li) => li.getBoundingClientRect().bottom <= box.bottom + 0.5),
        moreInside: more && !more.hidden ? more.getBoundingClientRect().bottom <= box.bottom + 0.5 : true,
      };
    });
    expect(fit.total).toBe(LONG_EISEN.length);
    expect(fit.inside && fit.moreInside).toBe(true);
    expect(fit.more).toBe(fit.shown === fit.total ? "" : `+${fit.total - fit.shown} meer`);
    expect((await allInside(beamer, ".pakket")).inside).toBe(true);
    await look(beamer, "feel-04-beamer-rolwissel-reveal");

    // Samenvoegen as the bots play it (the board is another part of the beamer).
    const ctx = { spelleider, players: bots, secret, code };
    await playPhases(ctx, { from: 2, to: 2 });

    // Prioriteren lasts long (76 s on the beamer's clock, five page turns): the reveal still opens on the podium.
    await spelleider.must({ type: "phase.next" });
    await beamer.getByRole("heading", { name: "Er wordt gestemd" }).waitFor();
    await beamer.clock.fastForward(76_000);
    for (const bot of bots) {
      const items = spelleider.items.map((i) => i.id);
      for (const [n, itemId] of items.slice(0, 3).entries()) await bot.must({ type: "vote.points", itemId: items[(n + bots.indexOf(bot)) % items.length] ?? itemId, points: 3 });
    }
    // 80 s and the few seconds of voting: a pager counting from when the board first showed (the play-test bug) would
    // now be on page 2 of 2 (5 turns of 15 s).
    await beamer.clock.fastForward(4_000);
    await spelleider.must({ type: "votes.reveal" });
    await beamer.getByRole("heading", { name: "De top drie" }).waitFor();
    const support = spelleider.support;
    const textOf = (itemId: string) => spelleider.items.find((i) => i.id === itemId)?.text ?? "";
    const top3 = support.slice(0, 3).map((s) => textOf(s.itemId));
    await expect.poll(() => beamer.locator(".podium-place .podium-text").allTextContents()).toEqual(top3);
    // Each rank's number comes with its pedestal, not before it (they stood white on the empty stage, "2 1 3", while
    // the rest of the result came in).
    for (const rank of [1, 2, 3]) {
      const timing = await beamer.locator(`.podium-place.rank-${rank}`).evaluate((place) => {
        const animation = place.querySelector(".podium-rank")?.getAnimations()[0];
        return { place: parseFloat(getComputedStyle(place).getPropertyValue("--delay")), number: Number(animation?.effect?.getComputedTiming().delay ?? -1) };
      });
      expect(timing.place).toBeGreaterThan(0);
      expect(timing.number).toBeGreaterThan(timing.place);
    }
    const pages = 1 + Math.ceil(Math.max(0, support.length - 3) / 6);
    expect(pages).toBeGreaterThan(1);
    // Two ticks of the pager's clock later it still shows the first page.
    await beamer.clock.runFor(2_000);
    expect(await beamer.locator(".page-dots").textContent()).toContain(`1 / ${pages}`);
    await beamer.locator(".podium-board.phaser canvas").waitFor();
    await beamer.waitForTimeout(2500); // the rest from the bottom up, then places 3, 2, 1
    expect((await allInside(beamer, ".podium-place, .podium-rest li")).inside).toBe(true);
    await look(beamer, "feel-05-beamer-podium");

    // Reduced motion: the same podium stands at once, the words fully visible from the first frame.
    const still = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: "reduce" })).newPage();
    await still.goto(`${baseUrl}/beamer/${code}`);
    await still.getByRole("heading", { name: "De top drie" }).waitFor();
    expect(await still.locator(".podium-place.rank-1 .podium-text").evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
    expect(await still.locator(".podium-place.rank-1 .podium-rank").evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
    await still.close();

    // The spelleider turns the beamer's pages from the console; the chart's rows stay on the screen.
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    await lead.getByRole("heading", { name: "Pagina op de beamer" }).waitFor();
    await lead.getByRole("button", { name: "Volgende pagina" }).click();
    await expect.poll(() => lead.locator(".beamer-pager [role=status]").textContent()).toBe(`Pagina 2 van ${pages}, vastgezet`);
    await expect.poll(() => beamer.locator(".page-dots").textContent()).toContain(`2 / ${pages}`);
    await beamer.getByRole("heading", { name: "Alle items, met draagvlak per rol" }).waitFor();
    await beamer.locator(".chart.phaser canvas").waitFor();
    // A held page stays, however long the room looks at it.
    await beamer.clock.fastForward(40_000);
    expect(await beamer.locator(".page-dots").textContent()).toContain(`2 / ${pages}`);
    const rows = await allInside(beamer, ".chart-row, .chart-head-icon, .chart-legend li");
    expect(rows.inside).toBe(true);
    // The role icons above the bars are whole: not under the first row, and every row is at most two lines of text.
    const layout = await beamer.evaluate(() => {
      const icons = Array.from(document.querySelectorAll(".chart-head-icon")).map((el) => el.getBoundingClientRect());
      const first = document.querySelector(".chart-rows > .chart-row")?.getBoundingClientRect();
      const lines = Array.from(document.querySelectorAll(".chart-rows .chart-meta")).map((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
      const bars = Array.from(document.querySelectorAll(".chart-rows .chart-bars")).map((el) => Math.round(el.getBoundingClientRect().left));
      return { iconsAbove: first !== undefined && icons.every((r) => r.bottom <= first.top + 0.5 && r.height > 20), metaLines: Math.max(...lines), barColumns: new Set(bars).size };
    });
    expect(layout).toEqual({ iconsAbove: true, metaLines: 2, barColumns: 1 });
    await look(beamer, "feel-06-beamer-chart-page-2");
    await look(lead, "feel-06-console-beamer-pager");
    await lead.getByRole("button", { name: "Zelf laten bladeren" }).click();
    await expect.poll(() => lead.locator(".beamer-pager [role=status]").textContent()).toBe(`Bladert zelf (${pages} pagina's)`);

    // Casustoets: the group's token walks the track; the law is the last stop.
    await spelleider.must({ type: "phase.next" });
    const caseId = spelleider.session.phase.caseIds[0] ?? "mantelzorg";
    if (spelleider.session.currentCaseId !== caseId) await spelleider.must({ type: "case.open", caseId });
    const steps = spelleider.scenario.omgekeerdeToets;
    await expect.poll(() => beamer.locator(".toets-position").textContent()).toBe(`Onze pion staat op stap 1 van ${steps.length}: ${steps[0]?.title}`);
    // A step is taken once someone wrote a note at it (no step skipped).
    const advance = async (i: number) => {
      await bots[i % bots.length]!.must({ type: "toets.note", noteId: newId("n"), caseId, stepId: steps[i]?.id ?? "", text: "We kijken eerst naar wat de inwoner zelf wil bereiken." });
      await spelleider.must({ type: "toets.advance", caseId });
    };
    await advance(0);
    await advance(1);
    await expect.poll(() => beamer.locator(".toets-position").textContent()).toBe(`Onze pion staat op stap 3 van ${steps.length}: ${steps[2]?.title}`);
    await beamer.locator(".toets-walk.phaser canvas").waitFor();
    expect(await beamer.locator(".toets-step").last().getAttribute("class")).toContain("law");
    await look(beamer, "feel-07-beamer-toets-track");
    for (let i = 2; i < steps.length; i++) await advance(i);
    await expect.poll(() => beamer.locator(".toets-position").textContent()).toBe(`Alle ${steps.length} stappen zijn gelopen; de wet kwam als laatste.`);

    // Resultaat: the finishing moment.
    await spelleider.must({ type: "phase.next" });
    await expect.poll(() => beamer.locator(".finish-heading").textContent()).toBe("Het kader op maat is klaar");
    expect((await allInside(beamer, ".finish, .chart-row")).inside).toBe(true);
    await look(beamer, "feel-08-beamer-finish");

    // Day 2's terugblik: autoplay on the console steps through day 1 and the beamer follows.
    await lead.goto(`${baseUrl}/terugkom/${secret}`);
    await lead.getByRole("button", { name: "Terugkombijeenkomst openen" }).click();
    await lead.getByRole("button", { name: "Ja, openen" }).click();
    await lead.getByRole("heading", { name: "Terugblik op dag 1" }).waitFor();
    await lead.getByRole("button", { name: "16×" }).click();
    await lead.getByRole("button", { name: "Afspelen" }).click();
    await expect.poll(() => lead.locator(".tb-autoplay-state").textContent()).toBe("Speelt af op 16×");
    // Pause: the film stands still where it is.
    await expect.poll(() => spelleider.replaySeq).toBeGreaterThan(0);
    await lead.getByRole("button", { name: "Pauzeren" }).click();
    await expect.poll(() => lead.locator(".tb-autoplay-state").textContent()).toBe("Stilgezet");
    const pausedAt = await lead.locator(".tb-meta").textContent();
    // Play on: the room's position moves on step after step, and the beamer's board and line follow, to the end of day 1.
    await lead.getByRole("button", { name: "Afspelen" }).click();
    const seen = new Set<number>();
    const lines = new Set<string>();
    await expect
      .poll(async () => {
        if (spelleider.replaySeq > 0) seen.add(spelleider.replaySeq);
        const line = await beamer.locator(".tb-beamer-event").textContent().catch(() => null);
        if (line) lines.add(line);
        return { positions: Math.min(seen.size, 4), beamerLines: Math.min(lines.size, 2) };
      }, { timeout: 30_000 })
      .toEqual({ positions: 4, beamerLines: 2 });
    expect(await lead.locator(".tb-meta").textContent()).not.toBe(pausedAt);
    await expect.poll(() => lead.locator(".tb-autoplay-state").textContent(), { timeout: 60_000 }).toBe("Einde van dag 1 bereikt");
    // The replayed board's font follows the frame's width as on a beamer (28 px at 1920), set in px: as a container
    // unit (100cqw) every layout of the console laid the whole board out again (npm run bench:client, docs/performance.md).
    const stageFont = await lead.locator(".tb-beamer").evaluate((el) => ({
      set: el instanceof HTMLElement ? el.style.getPropertyValue("--b") : "",
      px: Number.parseFloat(getComputedStyle(el).fontSize),
      width: el.parentElement?.clientWidth ?? 0,
    }));
    expect(stageFont.set).toMatch(/^\d+(\.\d+)?px$/);
    expect(stageFont.px).toBeCloseTo(Math.max(9, stageFont.width * 0.014584), 0);
    await expect.poll(() => lead.locator(".tb-meta").textContent()).toMatch(/stap (\d+) van \1$/);
    await expect.poll(() => beamer.locator(".tb-beamer-event").textContent()).toBe(await lead.locator(".tb-now").evaluate((el) => {
      const time = el.querySelector(".tb-meta span")?.textContent ?? "";
      return `${time}${el.querySelector(".tb-label")?.textContent ?? ""}`;
    }));
    await look(lead, "feel-09-console-terugblik-autoplay");
    await look(beamer, "feel-09-beamer-terugblik-autoplay");

    await Promise.all([spelleider, ...bots].map((c) => c.leave()));
    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
