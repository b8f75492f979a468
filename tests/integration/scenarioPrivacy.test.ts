/**
 * Private previews and the personal-data guard on a real server (real SQLite file, raw HTTP requests):
 * - `/scenario/<id>` without a link shows nothing of a scenario, so a participant cannot read the other roles'
 *   secrets before the game; the trainer's link and a spelleider's link show the whole preview.
 * - a scenario with personal data the trainer has not confirmed is not offered and no session is made from it (its
 *   copy would go into SessionCreated); confirmed in `notPersonalData`, it is offered again.
 */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { esc } from "../../server/render/escape.ts";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { parseScenario } from "../../server/scenarios/load.ts";
import { startTestServer, type TestServer } from "./harness.ts";

const TRAINER_SECRET = "trainer-geheim-van-minstens-32-tekens-lang";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One plain HTTP request, no client library in between. */
function http(url: string, method = "GET", body?: unknown): Promise<Answer> {
  return new Promise((ok, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, headers: payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", fail);
    req.end(payload);
  });
}

function demo(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(resolve("scenarios/demo-maatwerk.json"), "utf8")));
  if (!parsed.ok) throw new Error("het demoscenario laadt niet");
  return parsed.scenario;
}

/** Every text only one role may read: the briefings' private facts and the facts per role of every case. */
function secretsOf(s: Scenario): string[] {
  return [...GAME_ROLES.flatMap((role) => s.roles[role].privateFacts), ...s.cases.flatMap((c) => Object.values(c.factsPerRole).flatMap((facts) => facts ?? []))];
}

describe("de voorbeeldpagina van een scenario", () => {
  let server: TestServer;
  let base = "";
  const scenario = demo();

  beforeAll(async () => {
    server = await startTestServer({ trainerSecret: TRAINER_SECRET });
    base = server.baseUrl;
  });
  afterAll(() => server.stop());

  it("zonder link: geen enkel geheim feit, geen inhoud, en hetzelfde antwoord voor een scenario dat niet bestaat", async () => {
    const answer = await http(`${base}/scenario/demo-maatwerk`);
    expect(answer.status).toBe(403);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.body).toContain("Dit voorbeeld is alleen voor trainers en spelleiders");
    for (const secret of secretsOf(scenario)) expect(answer.body).not.toContain(esc(secret));
    expect(answer.body).not.toContain(esc(scenario.intro));
    expect(answer.body).not.toContain(esc(scenario.title));
    const unknown = await http(`${base}/scenario/bestaat-niet`);
    expect(unknown.status).toBe(403);
    expect(unknown.body).toBe(answer.body);
  });

  it("met de trainerslink: het hele voorbeeld, niet bewaard en zonder verwijzer", async () => {
    const answer = await http(`${base}/trainer/${TRAINER_SECRET}/scenario/demo-maatwerk`);
    expect(answer.status).toBe(200);
    for (const secret of secretsOf(scenario)) expect(answer.body).toContain(esc(secret));
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    expect(String(answer.headers["content-security-policy"])).toContain("default-src 'none'");
    // The trainer's page lists the previews.
    const list = await http(`${base}/trainer/${TRAINER_SECRET}`);
    expect(list.body).toContain(`/trainer/${TRAINER_SECRET}/scenario/demo-maatwerk`);
    // A wrong trainer link shows nothing.
    const wrong = await http(`${base}/trainer/${"x".repeat(40)}/scenario/demo-maatwerk`);
    expect(wrong.status).toBe(404);
    for (const secret of secretsOf(scenario)) expect(wrong.body).not.toContain(esc(secret));
  });

  it("met de spelleiderslink: het scenario van de eigen sessie; een verkeerde link geeft niets", async () => {
    const created = await http(`${base}/api/sessions`, "POST", { scenarioId: "demo-maatwerk" });
    expect(created.status).toBe(201);
    const { secret } = z.object({ secret: z.string() }).parse(JSON.parse(created.body));
    const answer = await http(`${base}/spelleider/${secret}/scenario`);
    expect(answer.status).toBe(200);
    for (const fact of secretsOf(scenario)) expect(answer.body).toContain(esc(fact));
    expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    const wrong = await http(`${base}/spelleider/${"s".repeat(43)}/scenario`);
    expect(wrong.status).toBe(404);
    expect(JSON.parse(wrong.body)).toEqual({ error: "Deze spelleiderslink klopt niet." });
  });
});

describe("een scenario met persoonsgegevens op de server", () => {
  let server: TestServer;
  let base = "";

  const withBsn = (confirmed: boolean): Scenario => {
    const s = structuredClone(demo());
    s.id = confirmed ? "bevestigd" : "onbevestigd";
    s.roles.burger.summary = `${s.roles.burger.summary} Je BSN is 123456782.`;
    if (confirmed) s.notPersonalData = ["123456782"];
    return s;
  };

  beforeAll(async () => {
    server = await startTestServer({ trainerSecret: TRAINER_SECRET, scenarios: new Map([withBsn(false), withBsn(true)].map((s) => [s.id, s])) });
    base = server.baseUrl;
  });
  afterAll(() => server.stop());

  it("wordt niet aangeboden in /nieuw tot de trainer het bevestigt", async () => {
    const list = await http(`${base}/api/scenarios`);
    const ids = z.object({ scenarios: z.array(z.object({ id: z.string() })) }).parse(JSON.parse(list.body)).scenarios.map((s) => s.id);
    expect(ids).toEqual(["bevestigd"]);
  });

  it("geeft geen sessie, en dus geen SessionCreated met het BSN in de log; bevestigd wel", async () => {
    const refused = await http(`${base}/api/sessions`, "POST", { scenarioId: "onbevestigd" });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toEqual({
      error:
        "Scenario 'onbevestigd' wordt niet aangeboden: er lijkt een BSN in te staan (bij roles.burger.summary). " +
        'De trainer haalt het weg, of bevestigt in "notPersonalData" dat het geen persoonsgegeven is; npm run scenario:check wijst de plek aan.',
    });
    expect(await server.store.listSessions()).toEqual([]);
    const created = await http(`${base}/api/sessions`, "POST", { scenarioId: "bevestigd" });
    expect(created.status).toBe(201);
  });

  it("de trainer ziet het wel, met de waarschuwing bovenaan", async () => {
    const answer = await http(`${base}/trainer/${TRAINER_SECRET}/scenario/onbevestigd`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Let op: 1 waarschuwing van de controle");
    expect(answer.body).toContain("Dit scenario wordt niet aangeboden bij het maken van een sessie");
    expect(answer.body).toContain("roles.burger.summary");
  });
});
