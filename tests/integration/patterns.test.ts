/**
 * The trainer's overview over a real server: three sessions of demo-maatwerk played by the bots with real SDK clients,
 * each with one planted eis in nearly the same words. The overview must list it as a pattern in 3 of 3 sessions and
 * as a recurring blockage, in HTML, CSV and Markdown; any wrong or missing secret gets the same Dutch 404.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { analysePatterns } from "../../server/patterns/analyse.ts";
import { PLANTED, PATTERN_LABELS, leaveAll, playSessionWithPlantedEis, type PlayedSession } from "../patterns/plant.ts";
import { startTestServer, useTestServer } from "./harness.ts";

const SECRET = "trainer-geheim-voor-de-integratietest-0123456789";
const fixture = useTestServer({ trainerSecret: SECRET });

let sessions: PlayedSession[] = [];

beforeAll(async () => {
  sessions = [];
  for (let i = 0; i < 3; i++) sessions.push(await playSessionWithPlantedEis(fixture.baseUrl, i));
  // The harness checks after each test that these replay into the live rooms, and closes the clients.
  for (const s of sessions) fixture.track(s.sessionId);
}, 180_000);

// The bots leave once all tests ran (before the harness stops the server: later hooks run first).
afterAll(async () => {
  await leaveAll(sessions);
});

const get = (path: string) => fetch(`${fixture.baseUrl}${path}`);
const overview = (suffix = "") => get(`/trainer/${SECRET}/patronen/demo-maatwerk${suffix}`);

describe("patronen over sessies", () => {
  test("the planted eis is a pattern in 3 of 3 sessions, and a recurring blockage", async () => {
    const analysis = analysePatterns(await Promise.all(sessions.map(async (s) => (await fixture.get().store.load(s.sessionId)).map((e) => e.event))));
    const pattern = analysis.patterns.find((p) => p.entries.some((e) => PLANTED.includes(e.text)));
    expect(pattern?.entries.map((e) => e.text)).toEqual(PLANTED);
    expect(pattern).toMatchObject({ sessionCount: 3, sessionTotal: 3 });
    expect(analysis.blockages.find((b) => b.pattern === pattern?.number)?.sessionCount).toBe(3);

    const res = await overview();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    const card = html.slice(html.indexOf(`id="patroon-${pattern?.number}"`));
    expect(card).toContain("in 3 van 3 sessies");
    expect(card).toContain("staat in de weg in 3 van 3 sessies");
    for (const text of PLANTED) expect(html).toContain(text);
    for (const label of PATTERN_LABELS) expect(html).toContain(label);
    // The bots are called "Bot 1" … "Bot 6": no name of anyone who joined is on the page.
    expect(html).not.toMatch(/Bot \d/);
  }, 60_000);

  test("CSV and Markdown say the same, as downloads", async () => {
    const csvRes = await overview(".csv");
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csvRes.headers.get("content-disposition")).toMatch(/^attachment; filename="?patronen-demo-maatwerk-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const csv = Buffer.from(await csvRes.arrayBuffer()).toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trimEnd().split("\r\n");
    const plantedPattern = rows.find((r) => r.startsWith('"patroon"') && PLANTED.some((t) => r.includes(`"${t}"`)));
    expect(plantedPattern?.split(";").slice(3, 6)).toEqual(['"3"', '"3"', '"ja"']);
    for (const text of PLANTED) expect(rows.some((r) => r.startsWith('"item"') && r.includes(`"${text}"`))).toBe(true);
    expect(csv).not.toMatch(/Bot \d/);

    const md = await (await overview(".md")).text();
    expect(md).toMatch(/^# Patronen over sessies: /);
    expect(md).toContain("In 3 van 3 sessies.");
    expect(md).toContain("staat in de weg in 3 van 3 sessies");
  });

  test("the scenario list links to the overview, with its number of sessions", async () => {
    const res = await get(`/trainer/${SECRET}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/trainer/${SECRET}/patronen/demo-maatwerk"`);
    expect(html).toContain("3 sessies");
  });

  test("a wrong or missing secret, and anything else under /trainer, gets the same Dutch 404", async () => {
    const wrongLink = await (await get(`/trainer/${SECRET.slice(0, -1)}x`)).text();
    expect(wrongLink).toContain("Deze trainerslink klopt niet.");
    for (const path of [
      `/trainer/${SECRET}x`,
      `/trainer/${SECRET.slice(0, -1)}x/patronen/demo-maatwerk`,
      `/trainer/${SECRET.slice(0, -1)}x/patronen/demo-maatwerk.csv`,
      `/trainer/niet-het-geheim/patronen/bestaat-niet`,
      "/trainer",
      "/trainer/",
      `/trainer/${SECRET}/iets-anders`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe(wrongLink);
    }
  });

  test("an unknown scenario is a Dutch 404 behind the right secret", async () => {
    const res = await get(`/trainer/${SECRET}/patronen/bestaat-niet`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Dit scenario kennen we niet");
    // A loaded scenario nobody played: a page that says so.
    const empty = await get(`/trainer/${SECRET}/patronen/wmo-meedoen`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("minder dan twee sessies");
  });

  test("without TRAINER_SECRET every trainer link is the same 404", async () => {
    const off = await startTestServer();
    try {
      for (const path of [`/trainer/${SECRET}`, `/trainer/${SECRET}/patronen/demo-maatwerk`, `/trainer/${SECRET}/patronen/demo-maatwerk.csv`]) {
        const res = await fetch(`${off.baseUrl}${path}`);
        expect(res.status).toBe(404);
        expect(await res.text()).toContain("Deze trainerslink klopt niet.");
      }
    } finally {
      await off.stop();
    }
  });
});
