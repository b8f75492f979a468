/**
 * The trainer's tools around a scenario: the field reference in scenarios/README.md, the preview page (as HTML, on
 * the real server at /scenario/<id>, and from `npm run scenario:preview`).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { esc } from "../../server/render/escape.ts";
import { scenarioPreviewPage } from "../../server/render/preview.ts";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { startPreviewServer } from "../../tools/scenarios/preview.ts";
import { fieldReference, fieldReferenceBlock } from "../../tools/scenarios/fieldReference.ts";
import { parseScenario } from "../../server/scenarios/load.ts";
import { startTestServer, type TestServer } from "../integration/harness.ts";

const SCENARIO_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));
const DEMO_FILE = join(SCENARIO_DIR, "demo-maatwerk.json");

async function demo(): Promise<Scenario> {
  const result = parseScenario(JSON.parse(await readFile(DEMO_FILE, "utf8")));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.scenario;
}

describe("veldenoverzicht in scenarios/README.md", () => {
  it("is gelijk aan wat het schema nu geeft (anders: npm run scenario:schema)", async () => {
    const readme = await readFile(join(SCENARIO_DIR, "README.md"), "utf8");
    const block = fieldReferenceBlock(readme);
    expect(block, "scenarios/README.md mist <!-- velden:begin --> en <!-- velden:end -->").not.toBeNull();
    expect(block, "Het veldenoverzicht is verouderd: draai `npm run scenario:schema`.").toBe(fieldReference());
  });

  it("noemt elk veld dat een trainer kan schrijven", () => {
    const ref = fieldReference();
    for (const path of ["schemaVersion", "roles.<rol>.privateFacts", "cases[].factsPerRole.<rol>", "variants[].phases[].roundId", "voting.maxPerItem"]) {
      expect(ref).toContain(`\`${path}\``);
    }
  });
});

describe("voorbeeldpagina van een scenario", () => {
  it("toont de geheime feiten van elke rol en elke casus", async () => {
    const s = await demo();
    const html = scenarioPreviewPage(s);
    expect(html).toContain('<html lang="nl"');
    for (const role of GAME_ROLES) {
      expect(html).toContain(esc(s.roles[role].name));
      for (const fact of s.roles[role].privateFacts) expect(html).toContain(esc(fact));
    }
    for (const c of s.cases) {
      expect(html).toContain(esc(c.title));
      for (const facts of Object.values(c.factsPerRole)) for (const fact of facts ?? []) expect(html).toContain(esc(fact));
    }
    for (const step of s.omgekeerdeToets) expect(html).toContain(esc(step.title));
    expect(html).toContain("Alleen deze rol ziet dit");
  });

  it("ontsnapt tekst van de auteur", async () => {
    const s = structuredClone(await demo());
    s.title = '<script>alert("titel")</script>';
    s.roles.burger.privateFacts = ["<img src=x onerror=alert(1)> & meer"];
    const case0 = s.cases[0];
    if (!case0) throw new Error("demo zonder casus");
    case0.situation = "</p><script>alert('casus')</script>";
    const html = scenarioPreviewPage(s);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; meer");
    expect(html).toContain("&lt;/p&gt;&lt;script&gt;alert(&#39;casus&#39;)&lt;/script&gt;");
  });
});

describe("GET /trainer/<geheim>/scenario/<id> op een echte server", () => {
  const TRAINER_SECRET = "een-trainersgeheim-van-ruim-32-tekens";
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trainerSecret: TRAINER_SECRET });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("geeft de voorbeeldpagina als HTML", async () => {
    const res = await fetch(`${server.baseUrl}/trainer/${TRAINER_SECRET}/scenario/demo-maatwerk`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(esc((await demo()).title));
  });

  it("geeft 404 met een Nederlandse uitleg en de bekende ids (onder de trainerslink) bij een onbekend scenario", async () => {
    const res = await fetch(`${server.baseUrl}/trainer/${TRAINER_SECRET}/scenario/bestaat-niet`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("Dit scenario bestaat niet");
    expect(html).toContain("bestaat-niet");
    expect(html).toContain(`href="/trainer/${TRAINER_SECRET}/scenario/demo-maatwerk"`);
  });

  it("zonder link: niets van het scenario (tests/integration/scenarioPrivacy.test.ts toetst dit uitgebreid)", async () => {
    const res = await fetch(`${server.baseUrl}/scenario/demo-maatwerk`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(esc((await demo()).intro));
  });
});

describe("npm run scenario:preview", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "maatwerkspel-preview-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  it("leest het bestand bij elke vraag opnieuw, meldt problemen met regel en kolom, en geeft een nieuwe versie na opslaan", async () => {
    const file = join(dir, "mijn-scenario.json");
    const good = await readFile(DEMO_FILE, "utf8");
    await writeFile(file, good);
    const preview = await startPreviewServer({ file, port: 0, host: "127.0.0.1" });
    try {
      const page = async () => (await fetch(preview.url)).text();
      const version = async () => (await fetch(`${preview.url}__version`)).text();
      expect(await page()).toContain(esc((await demo()).title));
      const before = await version();

      await writeFile(file, good.replace('"schemaVersion": 1,', '"schemaVersion": 1'));
      const broken = await page();
      expect(broken).toContain("Dit scenario kan nog niet worden getoond");
      expect(broken).toMatch(/mijn-scenario\.json:\d+:\d+/);
      expect(broken).toContain("komma");
      expect(await until(version, (v) => v !== before)).not.toBe(before);

      const json: unknown = JSON.parse(good);
      if (typeof json !== "object" || json === null) throw new Error("demo is geen object");
      await writeFile(file, JSON.stringify({ ...json, title: "" }, null, 2));
      expect(await page()).toMatch(/mijn-scenario\.json:5:\d+ · <code>title<\/code>/);

      // A warning (what looks like a phone number in a case) does not stop the preview, but is shown above it.
      await writeFile(file, good.replace("Een man van middelbare leeftijd", "Een man (bereikbaar op 06-12345678) van middelbare leeftijd"));
      const warned = await page();
      expect(warned).toContain("Het verloop");
      expect(warned).toContain("Let op: 1 waarschuwing van de controle");
      expect(warned).toContain("telefoonnummer");

      await writeFile(file, good);
      expect(await page()).not.toContain("waarschuwing van de controle");
    } finally {
      await preview.close();
    }
  });
});
