/**
 * The participant flow by keyboard alone: every control is reached with Tab and used with keys, never a mouse.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { createSession, hasChromium, noChromiumReason, useE2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, matches: (el: { tag: string; label: string; text: string }) => boolean, limit = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      if (!(a instanceof HTMLElement)) return { tag: "", label: "", text: "" };
      const labelled = a.id ? document.querySelector(`label[for="${a.id}"]`)?.textContent ?? "" : "";
      return { tag: a.tagName.toLowerCase(), label: (a.getAttribute("aria-label") ?? labelled).trim(), text: (a.textContent ?? "").trim() };
    });
    seen.push(`${el.tag}:${el.label || el.text.slice(0, 30)}`);
    if (matches(el)) return;
  }
  throw new Error(`Met Tab niet bereikt; langs: ${seen.join(" | ")}`);
}

describe.skipIf(!hasChromium)("alleen het toetsenbord", () => {
  const fixture = useE2E();

  it("meedoen, een eis schrijven, klaar melden en punten geven zonder muis", { timeout: 90_000 }, async () => {
    const { code, secret } = await createSession(fixture.get().baseUrl, "kort");
    const lead = await SessionClient.join(fixture.get().baseUrl, { as: "spelleider", secret });
    const page = await fixture.get().browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${fixture.get().baseUrl}/j/${code}`);
    await tabTo(page, (el) => el.label === "Je naam");
    await page.keyboard.type("Gijs");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, (el) => el.text === "Meedoen");
    await page.keyboard.press("Enter");
    await page.locator(".topbar").waitFor();

    await lead.must({ type: "phase.next" }); // rolwissel
    await page.getByLabel("Je eis").waitFor();
    await tabTo(page, (el) => el.tag === "select" && el.label === "Categorie");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, (el) => el.label === "Je eis");
    await page.keyboard.type("Eén plan per huishouden, met één regisseur die mag doorzetten.");
    await tabTo(page, (el) => el.text === "Toevoegen");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("main").textContent()).toContain("Je concepten");
    await tabTo(page, (el) => el.text.includes("Ik ben klaar"));
    await page.keyboard.press("Space");
    await expect.poll(() => lead.people[0]?.ready).toBe(true);

    await lead.must({ type: "eisen.reveal" });
    await lead.must({ type: "phase.next" }); // samenvoegen
    await lead.until(() => lead.eisen.length === 1);
    const eisId = lead.eisen[0]?.id ?? "";
    await lead.must({ type: "pve.merge", itemId: "i1", sources: [{ kind: "eis", id: eisId }], text: "Eén plan, één regisseur", categoryId: "werkproces" });
    await lead.must({ type: "phase.next" }); // prioriteren
    await page.getByRole("button", { name: /^Punt erbij/ }).waitFor();
    await tabTo(page, (el) => el.label.startsWith("Punt erbij") || el.text.includes("Punt erbij"));
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("main").textContent()).toContain("Nog 8 punten te verdelen");
    await page.close();
    await lead.leave();
  });
});
