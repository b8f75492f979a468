/**
 * Kader versie 2 over HTTP, from a real server, of a session the bots played with real SDK clients: the three
 * export-v2 routes answer 409 (in Dutch) until the spelleider opens the terugkombijeenkomst, then each file with its
 * content type and name; day 1's Markdown and CSV stay byte for byte the same meanwhile.
 */
import { describe, expect, test } from "vitest";
import { playSession } from "../../tools/bots/play.ts";
import { KADER_V2_FORMATS } from "../../server/exports/index.ts";
import { kaderV2Markdown } from "../../server/exports/kaderV2.ts";
import { exportFileNameV2 } from "../../server/exports/text.ts";
import { useTestServer } from "../integration/harness.ts";

const fixture = useTestServer();

const CONTENT_TYPES = { md: "text/markdown; charset=utf-8", pdf: "application/pdf", csv: "text/csv; charset=utf-8" } as const;
const NOT_OPENED = "De terugkombijeenkomst is nog niet geopend: versie 2 van het kader bestaat nog niet.";

const url = (secret: string, path: string) => `${fixture.baseUrl}/api/spelleider/${encodeURIComponent(secret)}/${path}`;

async function text(secret: string, path: string): Promise<string> {
  const res = await fetch(url(secret, path));
  expect(res.status, path).toBe(200);
  return Buffer.from(await res.arrayBuffer()).toString("utf8");
}

describe("export-v2 routes", () => {
  test("a wrong secret gets a Dutch 404 for every format", async () => {
    for (const format of KADER_V2_FORMATS) {
      const res = await fetch(url("dit-is-niet-het-goede-geheim", `export-v2.${format}`));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "Deze spelleiderslink klopt niet." });
    }
  });

  test("409 before the terugkombijeenkomst, then 200 with the file; day 1's exports unchanged", { timeout: 120_000 }, async () => {
    // Given: a session the bots played to the kader op maat.
    const played = await playSession({ baseUrl: fixture.baseUrl, players: 4, scenarioId: "demo-maatwerk", seed: 4 });
    const { spelleider, players } = played.context;
    fixture.track(played.sessionId, spelleider, ...players);

    // Then: no versie 2 yet.
    for (const format of KADER_V2_FORMATS) {
      const res = await fetch(url(played.secret, `export-v2.${format}`));
      expect(res.status, format).toBe(409);
      expect(await res.json()).toEqual({ error: NOT_OPENED });
    }
    const dayOne = { md: await text(played.secret, "export.md"), csv: await text(played.secret, "export.csv") };

    // When: the spelleider opens the terugkombijeenkomst, a participant reflects and another adds a kaderpunt.
    await spelleider.must({ type: "terugkom.open" });
    await spelleider.until(() => spelleider.terugkom !== null);
    const first = spelleider.terugkom?.v1[0];
    if (!first) throw new Error("Versie 1 van het kader is leeg.");
    await spelleider.must({ type: "terugkom.stage", stage: "reflectie" });
    await players[0]!.must({ type: "reflectie.give", itemId: first.itemId, toegepast: "deels", goed: "Het hielp bij de eerste aanvraag." });
    await spelleider.must({ type: "terugkom.stage", stage: "bijstellen" });
    const categoryId = spelleider.scenario.categories[0]!.id;
    await players[1]!.must({ type: "kader.add", itemId: "k-http-1", text: "Elk kwartaal een casus samen nabespreken.", categoryId });
    await players[2]!.must({ type: "kader.steun", itemId: "k-http-1", steun: true });
    const openedAt = spelleider.terugkom?.openedAt ?? 0;

    // Then: each format, with its content type and the file name of the day of the terugkombijeenkomst.
    for (const format of KADER_V2_FORMATS) {
      const res = await fetch(url(played.secret, `export-v2.${format}`));
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")).toBe(CONTENT_TYPES[format]);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename=${exportFileNameV2(played.code, openedAt, format)}`);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = Buffer.from(await res.arrayBuffer());
      if (format === "pdf") expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      if (format === "csv") expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      if (format !== "pdf") {
        expect(body.toString("utf8")).toContain("Elk kwartaal een casus samen nabespreken.");
        expect(body.toString("utf8")).toContain("Het hielp bij de eerste aanvraag.");
        expect(body.toString("utf8")).not.toMatch(/Bot \d/);
      }
    }
    // The Markdown over HTTP is the pure function of the stored log.
    const log = (await fixture.get().store.load(played.sessionId)).map((s) => s.event);
    expect(await text(played.secret, "export-v2.md")).toBe(kaderV2Markdown(log));

    // And day 1's Markdown and CSV are byte for byte what they were.
    expect(await text(played.secret, "export.md")).toBe(dayOne.md);
    expect(await text(played.secret, "export.csv")).toBe(dayOne.csv);
  });
});
