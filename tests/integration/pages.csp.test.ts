/**
 * The pages the server makes itself (the landing page without a built client, the error pages, the scenario preview,
 * the trainer's pages and the pattern overview) all come from one render module, server/render/: one escape, one
 * page shell, one stylesheet and one Content-Security-Policy that allows only the page's own style and scripts by
 * hash. In Chromium, under that policy as sent, no page reports a violation and the scripts that are allowed run.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, hasChromium, noChromiumReason } from "../e2e/harness.ts";
import { simulate } from "../../tools/bench/simulate.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { hashSecret } from "../../server/sessions.ts";
import { useTestServer } from "./harness.ts";

if (!hasChromium) console.warn(`CSP-test van de serverpagina's in de browser overgeslagen: ${noChromiumReason}`);

const SECRET = "trainer-geheim-voor-de-csp-van-de-paginas-0123456789";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("één plek voor de pagina's van de server", () => {
  it("no file in server/ outside server/render/ writes a page shell, a stylesheet or an escape of its own", () => {
    const root = resolve("server");
    const outside = sourceFiles(root).filter((file) => !relative(root, file).startsWith("render/"));
    expect(outside.length).toBeGreaterThan(50);
    const found = outside.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return [
        /<!doctype html|<html[\s>]/i.test(text) ? `${relative(root, file)}: page shell` : "",
        /<style[\s>]/i.test(text) ? `${relative(root, file)}: <style>` : "",
        /\[&<>"']/.test(text) ? `${relative(root, file)}: its own HTML escape` : "",
      ].filter(Boolean);
    });
    expect(found).toEqual([]);
  });
});

describe.skipIf(!hasChromium)("de pagina's van de server onder hun CSP, in Chromium", () => {
  const fixture = useTestServer({ trainerSecret: SECRET });
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    // Two sessions of the same scenario, so the pattern overview has patterns with bars in the role colours.
    const scenario = (await loadScenarioDir(resolve("scenarios"))).scenarios.get("demo-maatwerk");
    if (!scenario) throw new Error("demo-maatwerk ontbreekt");
    const store = fixture.get().store;
    for (const seed of [1, 2]) {
      const [first, ...rest] = simulate({ scenario, variantId: "kort", participants: 6, seed, eisenPerRound: 3, boardActions: 10, votesPerParticipant: 4 }).events;
      if (first?.type !== "SessionCreated") throw new Error("log zonder begin");
      const created = { ...first, sessionId: `scsppage000000${seed}0`, code: `CSPAG${seed}` };
      await store.createSession({ sessionId: created.sessionId, code: created.code, secretHash: hashSecret(`geheim-${seed}`), label: `Sessie ${seed}`, scenarioId: scenario.id, createdAt: created.at }, [created]);
      await store.append(created.sessionId, 1, null, rest);
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `path` under the policy the server sends, and collects what Chromium says about it. */
  async function visit(path: string, expectedStatus: number, ready: (page: Page) => Promise<void>): Promise<string[]> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const answer = await page.goto(`${fixture.baseUrl}${path}`);
    expect(answer?.status(), path).toBe(expectedStatus);
    const csp = answer?.headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp, path).toContain("default-src 'none'");
    expect(csp, path).not.toContain("unsafe");
    expect(await page.locator("[style]").count(), `${path}: style attributes`).toBe(0);
    expect(await page.locator("html").getAttribute("lang"), path).toBe("nl");
    await ready(page);
    await context.close();
    return seen;
  }

  it("every page renders and works without a single violation", { timeout: 90_000 }, async () => {
    const violations: Record<string, string[]> = {};
    violations["/"] = await visit("/", 200, async (page) => {
      // The landing page's script (allowed by its hash) makes a session and shows its code.
      await page.getByLabel("Naam van de sessie (optioneel)").fill("Via de beginpagina");
      await page.getByRole("button", { name: "Sessie maken" }).click();
      await expect.poll(() => page.locator(".code").textContent()).toMatch(/^[A-Z0-9]{6}$/);
    });
    violations["/bestaat-niet"] = await visit("/bestaat-niet", 404, async (page) => {
      await page.getByRole("heading", { level: 1, name: "Niet gevonden" }).waitFor();
    });
    violations["/scenario/<id>"] = await visit("/scenario/demo-maatwerk", 403, async (page) => {
      await page.getByRole("heading", { level: 1, name: "Dit voorbeeld is alleen voor trainers en spelleiders" }).waitFor();
    });
    violations["/trainer/<geheim>/scenario/<id>"] = await visit(`/trainer/${SECRET}/scenario/demo-maatwerk`, 200, async (page) => {
      await page.getByRole("heading", { level: 1, name: "Maatwerk in de wijk: wie bepaalt wat past?" }).waitFor();
      // The role colours come from the stylesheet: the inwoner's card has its orange top border.
      expect(await page.locator("#rol-burger").evaluate((el) => getComputedStyle(el).borderTopColor)).toBe("rgb(213, 94, 0)");
      // The game's typeface, served by the server under the page's policy (it was named but never loaded).
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        const weights: string[] = [];
        document.fonts.forEach((face) => {
          if (face.family.includes("Atkinson") && face.status === "loaded") weights.push(face.weight);
        });
        return weights;
      });
      expect(loaded).toEqual(expect.arrayContaining(["400", "700"]));
    });
    violations["/trainer/<geheim>"] = await visit(`/trainer/${SECRET}`, 200, async (page) => {
      await page.getByRole("link", { name: /Patronen over sessies bekijken/ }).first().waitFor();
    });
    violations["/trainer/<geheim>/patronen/<id>"] = await visit(`/trainer/${SECRET}/patronen/demo-maatwerk`, 200, async (page) => {
      await page.locator(".pattern .bar").first().waitFor();
      // A bar of 0–100 % in the role's colour, drawn without a style attribute.
      const fill = page.locator(".pattern .bar.role-burger .fill").first();
      expect(await fill.evaluate((el) => getComputedStyle(el).fill)).toBe("rgb(213, 94, 0)");
    });
    violations["/trainer/verkeerd"] = await visit("/trainer/verkeerd-geheim", 404, async (page) => {
      await page.getByRole("heading", { level: 1 }).waitFor();
    });
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  });
});
