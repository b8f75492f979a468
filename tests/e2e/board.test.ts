/**
 * The shared samenvoegen board in Chromium: twelve SDK bots write eisen, the beamer (1920x1080) shows every eis on
 * its board at once, merges made by a bot and by the spelleider's SDK client appear on the beamer's board, and on
 * the console (1366x900) the spelleider merges by dragging one card onto another, takes an eis in by dragging it onto
 * the programma, and selects two cards by clicking them. The beamer's board is read through its text equivalent and
 * its drawn state; every screen is photographed and checked with axe-core.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { playPhases } from "../../tools/bots/play.ts";
import { newId, SessionClient } from "../../game/src/net/sessionClient.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { createSession, hasChromium, noChromiumReason, SCREEN_DIR, screenLooker, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const PLAYERS = 12;

/** What the board drew last, as its canvas host reports it. */
async function drawn(page: Page): Promise<{ items: number; eisen: number; fits: boolean; titlePx: number; cards: Record<string, [number, number, number, number]>; dropZone: [number, number, number, number] | null }> {
  const data = await page.locator(".pve-board-canvas").evaluate((el) => (el instanceof HTMLElement ? { ...el.dataset } : {}));
  return {
    items: Number(data.items ?? -1),
    eisen: Number(data.eisen ?? -1),
    fits: data.fits === "true",
    titlePx: Number(data.titlePx ?? 0),
    cards: data.cards ? JSON.parse(data.cards) : {},
    dropZone: data.dropZone ? JSON.parse(data.dropZone) : null,
  };
}

/** The middle of a card (or the drop zone) on the screen, after scrolling the board into view. */
async function centreOf(page: Page, box: [number, number, number, number]): Promise<{ x: number; y: number }> {
  // A closed dialog hands focus back to the list, which may scroll the page: bring the board back to the middle
  // (clear of the sticky bar at the bottom, where the selection and "Wissen" are).
  await page.locator(".pve-board-canvas").evaluate((el) => el.scrollIntoView({ block: "center" }));
  const host = await page.locator(".pve-board-canvas").boundingBox();
  if (!host) throw new Error("het bord is niet zichtbaar");
  const [x, y, w, h] = box;
  return { x: host.x + x + w / 2, y: host.y + y + h / 2 };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, beforeDrop?: () => Promise<void>): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 12, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await beforeDrop?.();
  await page.mouse.up();
}

/** What the screen shows now (not the whole page): the board as the person at the laptop sees it. */
async function photo(page: Page, name: string): Promise<void> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREEN_DIR, `${name}.png`) });
}

describe.skipIf(!hasChromium)("het gedeelde bord in de browser", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("de beamer toont elke eis en elke samenvoeging; in de console voeg je samen door te slepen", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl, "kort");
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    const bots = await Promise.all(
      Array.from({ length: PLAYERS }, (_, i) => SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole })),
    );
    await spelleider.until(() => spelleider.session.participantCount === PLAYERS);
    // Rolwissel: two eisen each, revealed; then samenvoegen.
    await playPhases({ spelleider, players: bots, secret, code }, { from: 1, to: 1 });
    expect((await spelleider.send({ type: "phase.next" })).ok).toBe(true);
    await spelleider.until(() => spelleider.session.phase.kind === "samenvoegen");
    const eisen = spelleider.eisen.length;
    expect(eisen).toBe(2 * PLAYERS);

    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    // Every eis is on the beamer's board at once (no pages), readable as text, and the board fits the screen.
    await expect.poll(async () => (await drawn(beamer)).eisen).toBe(eisen);
    expect(await beamer.locator(".board-text li").count()).toBeGreaterThanOrEqual(eisen);
    const first = await drawn(beamer);
    expect(first.fits).toBe(true);
    expect(first.titlePx).toBeGreaterThanOrEqual(28);
    for (const [x, y, w, h] of Object.values(first.cards)) {
      const host = await beamer.locator(".pve-board-canvas").boundingBox();
      expect(x + w).toBeLessThanOrEqual((host?.width ?? 0) + 1);
      expect(y + h).toBeLessThanOrEqual((host?.height ?? 0) + 1);
    }
    expect(await beamer.locator("main").textContent()).not.toContain("Nog geen items");
    await look(beamer, "board-01-beamer-los");

    // A bot merges the first suggestion; the spelleider's SDK client merges two more eisen.
    const [a, b] = [spelleider.suggestions[0]?.a, spelleider.suggestions[0]?.b];
    if (!a || !b) throw new Error("geen suggestie om samen te voegen");
    const bot = bots[0];
    if (!bot) throw new Error("geen bot");
    const byBot = await bot.send({ type: "pve.merge", itemId: newId("i"), sources: [a, b], text: "Eén regisseur per huishouden, gekozen door de groep.", categoryId: "werkproces" });
    expect(byBot.ok).toBe(true);
    await spelleider.caughtUp(byBot.ok ? byBot.seq : 0);
    const loose = spelleider.eisen.filter((e) => e.itemId === null);
    const [c, d] = loose;
    if (!c || !d) throw new Error("te weinig losse eisen");
    const byLead = await spelleider.send({ type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: c.id }, { kind: "eis", id: d.id }], text: "Afwijken mag, met uitleg in het dossier.", categoryId: "rechtmatigheid" });
    expect(byLead.ok).toBe(true);
    await expect.poll(async () => (await drawn(beamer)).items).toBe(2);
    const text = (await beamer.locator(".board-text").textContent()) ?? "";
    expect(text).toContain("Item: Eén regisseur per huishouden, gekozen door de groep.");
    expect(text).toContain("Item: Afwijken mag, met uitleg in het dossier.");
    expect((await drawn(beamer)).eisen).toBe(eisen - 4);
    // The newest item in full under the board.
    expect(await beamer.locator(".samen-spotlight").textContent()).toContain("Afwijken mag, met uitleg in het dossier.");
    await look(beamer, "board-02-beamer-items");

    // The console: the same board, interactive above the list. This spelleider asked for reduced motion: cards move
    // without animation (and so stay where the test points).
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: "reduce" })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    await expect.poll(async () => (await drawn(lead)).items).toBe(2);
    await lead.locator(".pve-board-canvas").scrollIntoViewIfNeeded();

    // The canvas draws a plain zero ("10 eisen", "Wmo 2015"), as the page does: Atkinson's own zero is slashed and wider.
    const zeroWidths = await lead.locator(".pve-board-canvas").evaluate((el) => {
      const ctx = document.createElement("canvas").getContext("2d");
      if (!ctx || !(el instanceof HTMLElement)) return null;
      ctx.font = `400 40px ${el.dataset.font ?? ""}`;
      const board = ctx.measureText("0").width;
      ctx.font = '400 40px "Atkinson Hyperlegible Next"';
      return { board, atkinson: ctx.measureText("0").width };
    });
    expect(zeroWidths?.atkinson).toBeGreaterThan(20);
    expect(zeroWidths?.board).toBeLessThan((zeroWidths?.atkinson ?? 0) * 0.95);

    // Drag one loose eis onto another: the merge dialog opens over the board with both, and Samenvoegen merges them.
    const board = await drawn(lead);
    const looseKeys = Object.keys(board.cards).filter((k) => k.startsWith("eis:"));
    const [k1, k2, k3] = looseKeys;
    if (!k1 || !k2 || !k3) throw new Error("te weinig losse kaarten op het bord");
    const textOf = (key: string) => spelleider.eisen.find((e) => `eis:${e.id}` === key)?.text ?? "";
    await drag(lead, await centreOf(lead, board.cards[k1] ?? [0, 0, 0, 0]), await centreOf(lead, board.cards[k2] ?? [0, 0, 0, 0]), () => photo(lead, "board-03a-console-slepen"));
    const dialog = lead.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(textOf(k1));
    expect(await dialog.textContent()).toContain(textOf(k2));
    // The card dropped onto leads: its wording is the starting point.
    expect(await lead.locator("#samenvoegen-tekst").inputValue()).toBe(textOf(k2));
    await photo(lead, "board-03b-console-dialoog");
    await look(lead, "board-03-console-sleep-dialoog");
    await dialog.getByRole("button", { name: "Samenvoegen", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(async () => (await drawn(beamer)).items).toBe(3);
    await expect.poll(() => beamer.locator(".board-text").textContent()).toContain(`Item: ${textOf(k2)}`);

    // Drag a loose eis onto the programma (the drop zone): it is taken in as an item of its own.
    await expect.poll(async () => Object.keys((await drawn(lead)).cards).includes(k1)).toBe(false);
    const zone = (await drawn(lead)).dropZone;
    if (!zone) throw new Error("geen sleepvak");
    await drag(lead, await centreOf(lead, (await drawn(lead)).cards[k3] ?? [0, 0, 0, 0]), await centreOf(lead, zone));
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Opnemen", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(async () => (await drawn(beamer)).items).toBe(4);
    await expect.poll(async () => (await drawn(lead)).items).toBe(4);

    // Click two cards to select them (the list's selection bar counts them), then merge them from the bar.
    // The two loose cards highest on the board: clear of the bar at the bottom of the screen, which grows once a card
    // is selected.
    const highest = Object.entries((await drawn(lead)).cards)
      .filter(([key]) => key.startsWith("eis:"))
      .sort((x, y) => x[1][1] - y[1][1] || x[1][0] - y[1][0])
      .slice(0, 2);
    expect(highest).toHaveLength(2);
    for (const [, box] of highest) {
      const at = await centreOf(lead, box);
      await lead.mouse.click(at.x, at.y);
    }
    await lead.getByRole("region", { name: "2 kaarten geselecteerd" }).waitFor();
    await photo(lead, "board-03c-console-selectie");
    await lead.getByRole("button", { name: "Samenvoegen (2)" }).click();
    await dialog.getByRole("button", { name: "Samenvoegen", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(async () => (await drawn(beamer)).items).toBe(5);
    await expect.poll(async () => (await drawn(lead)).items).toBe(5);
    await look(lead, "board-04-console");
    await look(beamer, "board-05-beamer");

    // The list stays the keyboard route: its "Selecteer" buttons are there for every loose eis on the board.
    const stillLoose = spelleider.eisen.filter((e) => e.itemId === null);
    await expect.poll(() => lead.getByRole("button", { name: /^Selecteer: / }).count()).toBeGreaterThanOrEqual(stillLoose.length);

    await Promise.all([spelleider, ...bots].map((x) => x.leave()));
    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it("de terugblik tekent hetzelfde bord als de beamer aan het eind van samenvoegen", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl, "kort");
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    const bots = await Promise.all(
      Array.from({ length: 6 }, (_, i) => SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole })),
    );
    await spelleider.until(() => spelleider.session.participantCount === 6);
    const ctx = { spelleider, players: bots, secret, code };
    // Day 1 up to the end of samenvoegen: what the beamer's board shows then.
    await playPhases(ctx, { from: 1, to: 2 });
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await beamer.goto(`${baseUrl}/beamer/${code}`);
    await expect.poll(async () => (await drawn(beamer)).items).toBe(spelleider.items.length);
    const live = { text: await beamer.locator(".board-text").textContent(), drawn: await drawn(beamer) };
    expect(live.drawn.items).toBeGreaterThan(0);
    await playPhases(ctx, { from: 3, to: spelleider.session.phases.length - 1 });

    // Weeks later, the terugblik: to the start of prioriteren, then one step back, the last step of samenvoegen.
    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await lead.goto(`${baseUrl}/terugkom/${secret}`);
    await lead.getByRole("button", { name: "Terugkombijeenkomst openen" }).click();
    await lead.getByRole("button", { name: "Ja, openen" }).click();
    await lead.getByRole("heading", { name: "Terugblik op dag 1" }).waitFor();
    for (let i = 0; i < 3; i++) await lead.getByRole("button", { name: "Fase verder" }).click();
    await expect.poll(() => lead.locator(".tb-now").textContent()).toContain("Prioriteren");
    await lead.getByRole("button", { name: "Stap terug" }).click();
    await expect.poll(() => beamer.locator(".board-text").count()).toBe(1);
    // The same cards, in words and on the canvas: the layout comes from the state alone.
    await expect.poll(() => beamer.locator(".board-text").textContent()).toBe(live.text);
    await expect.poll(async () => (await drawn(beamer)).items).toBe(live.drawn.items);
    expect((await drawn(beamer)).eisen).toBe(live.drawn.eisen);
    await look(beamer, "board-06-beamer-terugblik");
    await look(lead, "board-07-console-terugblik");
    await Promise.all([spelleider, ...bots].map((x) => x.leave()));
    const serious = findings.filter((f) => f.screen.includes("terugblik") && f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
