/**
 * Tafels in Chromium: 24 participants (SDK bots) join, the spelleider splits them into four tafels with the console's
 * Tafels card, the bots play the rolwissel (the tafels revealed one by one), and the console shows the four tafels'
 * progress side by side while the beamer shows the same per tafel, by counts only. Screens are checked with axe-core.
 */
import { describe, expect, it } from "vitest";
import { playPhases } from "../../tools/bots/play.ts";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { createSession, hasChromium, noChromiumReason, screenLooker, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

const PLAYERS = 24;
const TABLES = 4;

describe.skipIf(!hasChromium)("tafels in de browser", () => {
  const fixture = useE2E();
  const { findings, look } = screenLooker();

  it("vier tafels naast elkaar in de console en op de beamer", { timeout: 240_000 }, async () => {
    const { baseUrl, browser } = fixture.get();
    const { code, secret } = await createSession(baseUrl, "tafels");
    const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret });
    const bots = await Promise.all(
      Array.from({ length: PLAYERS }, (_, i) =>
        SessionClient.join(baseUrl, { as: "deelnemer", code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole }),
      ),
    );
    await spelleider.until(() => spelleider.session.participantCount === PLAYERS);

    const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const beamer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await lead.goto(`${baseUrl}/spelleider/${secret}`);
    await beamer.goto(`${baseUrl}/beamer/${code}`);

    // The lobby card: before the split the group is one tafel; the spelleider chooses four.
    const card = lead.locator("section", { has: lead.getByRole("heading", { name: "Tafels", exact: true }) });
    await expect.poll(() => card.textContent()).toContain("De groep speelt nu als één tafel.");
    await lead.getByLabel("Aantal tafels").fill(String(TABLES));
    await card.getByRole("button", { name: "Indelen", exact: true }).click();
    await expect.poll(() => card.textContent()).toContain(`De groep zit aan ${TABLES} tafels`);
    await Promise.all(bots.map((b) => b.until(() => b.mine?.tableId !== null)));
    expect(spelleider.tables.map((x) => x.members)).toEqual([6, 6, 6, 6]);
    // The beamer shows the split by counts, never names.
    await expect.poll(() => beamer.locator("main").textContent()).toContain(`De groep zit aan ${TABLES} tafels`);
    await look(lead, "spelleider-tafels-lobby");
    await look(beamer, "beamer-tafels-lobby");

    // The bots play the rolwissel: two eisen each, "klaar", and the spelleider reveals tafel by tafel.
    await playPhases({ spelleider, players: bots, secret, code }, { from: 1, to: 1 });

    // The console: four tafel cards side by side, each with its members, who wrote and how many eisen.
    const cards = lead.locator(".tafel-overview .tafel-card");
    await expect.poll(() => cards.count()).toBe(TABLES);
    await expect.poll(() => lead.locator(".tafel-overview").textContent()).not.toContain("Eisen nog privé");
    const boxes: ({ x: number; y: number; width: number; height: number } | null)[] = [];
    for (let i = 0; i < TABLES; i++) {
      const text = (await cards.nth(i).textContent()) ?? "";
      expect(text).toContain(`Tafel ${i + 1}`);
      expect(text).toContain("6 deelnemers");
      expect(text).toContain("Geschreven: 6 van 6");
      expect(text).toContain("12 eisen");
      expect(text).toContain("Eisen zichtbaar");
      boxes.push(await cards.nth(i).boundingBox());
    }
    // Side by side: one row, left to right.
    for (let i = 1; i < TABLES; i++) {
      const [left, right] = [boxes[i - 1], boxes[i]];
      if (!left || !right) throw new Error("tafelkaart niet zichtbaar");
      expect(Math.abs(right.y - left.y)).toBeLessThan(2);
      expect(right.x).toBeGreaterThan(left.x + left.width - 1);
    }
    // The people list says where everyone sits, with a control to move them.
    await expect.poll(() => lead.getByLabel("Tafel van Bot 1", { exact: true }).count()).toBe(1);
    await look(lead, "spelleider-tafels");

    // The beamer: a tile per tafel with the same counts, and no participant's name.
    const tiles = beamer.locator(".tafel-strip .tafel-tile");
    await expect.poll(() => tiles.count()).toBe(TABLES);
    for (let i = 0; i < TABLES; i++) {
      const text = (await tiles.nth(i).textContent()) ?? "";
      expect(text).toContain(`Tafel ${i + 1}`);
      expect(text).toContain("6 van 6 schreven");
      expect(text).toContain("12 eisen");
    }
    expect(await beamer.locator("body").textContent()).not.toMatch(/Bot \d/);
    await look(beamer, "beamer-tafels");

    await Promise.all([spelleider, ...bots].map((c) => c.leave()));
    const serious = findings.filter((f) => f.violations.length > 0);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
