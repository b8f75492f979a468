/**
 * What goes wrong gets a short Dutch answer, never a stack trace: raw HTTP against a real server. For /api and
 * /matchmake a JSON `{ error }`, for page paths a short Dutch page. The server's own paths, its modules and the lines
 * of a trace never reach the client.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../server/app.ts";
import { ERROR_MESSAGES } from "../../server/http/errors.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import { freePort, useTestServer } from "./harness.ts";

/** Nothing of a trace: no "    at …" lines, no file paths of the server, no English error names. */
function expectNoTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/node_modules|\/work\/|\/tmp\/|\.ts:\d|\.js:\d/);
  expect(text).not.toMatch(/SyntaxError|URIError|PayloadTooLarge|TypeError|Error:/);
  expect(text.length).toBeLessThan(2_000);
}

async function jsonError(res: Response): Promise<string> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await res.text();
  expectNoTrace(text);
  const body: unknown = JSON.parse(text);
  expect(body).toEqual({ error: expect.any(String) });
  return typeof body === "object" && body !== null && "error" in body ? String(body.error) : "";
}

async function page(res: Response): Promise<string> {
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  const text = await res.text();
  expectNoTrace(text);
  expect(text).toContain('<html lang="nl">');
  return text;
}

const postJson = (url: string, body: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
/** A JSON body of about `bytes` bytes. */
const bigBody = (bytes: number) => JSON.stringify({ scenarioId: "demo-maatwerk", label: "x".repeat(bytes) });

describe("een verzoek dat niet klopt krijgt een kort Nederlands antwoord, nooit een stacktrace", () => {
  const fixture = useTestServer();

  it("kapotte JSON bij het maken van een sessie: 400 met uitleg", async () => {
    const res = await postJson(`${fixture.baseUrl}/api/sessions`, '{"scenarioId": "demo-');
    expect(res.status).toBe(400);
    expect(await jsonError(res)).toBe(ERROR_MESSAGES.malformedJson);
  });

  it("een ongeldige %-code in een code-adres: 400 in het Nederlands", async () => {
    const res = await fetch(`${fixture.baseUrl}/api/join/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await jsonError(res)).toBe(ERROR_MESSAGES.badEscape);
  });

  it("een ongeldige %-code in een paginapad: een korte Nederlandse pagina", async () => {
    const res = await fetch(`${fixture.baseUrl}/scenario/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await page(res)).toContain(ERROR_MESSAGES.badEscape);
  });

  it("een verzoek van 300 kB: 413 in het Nederlands", async () => {
    const res = await postJson(`${fixture.baseUrl}/api/sessions`, bigBody(300_000));
    expect(res.status).toBe(413);
    expect(await jsonError(res)).toBe(ERROR_MESSAGES.tooLarge);
  });

  it("een route met een eigen, kleinere grens noemt die grens", async () => {
    const res = await postJson(`${fixture.baseUrl}/api/seat`, JSON.stringify({ as: "beamer", sessionId: "s".repeat(20_000) }));
    expect(res.status).toBe(413);
    expect(await jsonError(res)).toBe("Dit verzoek is te groot (meer dan 8 kB).");
  });

  it("de matchmaking-routes van Colyseus: kapotte JSON en 300 kB krijgen ook Nederlandse JSON", async () => {
    const broken = await postJson(`${fixture.baseUrl}/matchmake/joinOrCreate/sessie`, '{"sessionId": "s');
    expect(broken.status).toBe(400);
    expect(await jsonError(broken)).toBe(ERROR_MESSAGES.malformedJson);
    const big = await postJson(`${fixture.baseUrl}/matchmake/joinOrCreate/sessie`, bigBody(300_000));
    expect(big.status).toBe(413);
    expect(await jsonError(big)).toBe(ERROR_MESSAGES.tooLargeFor(16 * 1024));
    const escape = await postJson(`${fixture.baseUrl}/matchmake/joinById/%E0%A4%A`, "{}");
    expect(escape.status).toBeGreaterThanOrEqual(400);
    expectNoTrace(await escape.text());
  });

  it("een adres dat niet bestaat: JSON onder /api, een pagina daarbuiten", async () => {
    const api = await fetch(`${fixture.baseUrl}/api/bestaat-niet`);
    expect(api.status).toBe(404);
    expect(await jsonError(api)).toBe(ERROR_MESSAGES.apiNotFound);
    const matchmake = await fetch(`${fixture.baseUrl}/matchmake/joinOrCreate/sessie`);
    expect(matchmake.status).toBe(404);
    expect(await jsonError(matchmake)).toBe(ERROR_MESSAGES.apiNotFound);
    const other = await fetch(`${fixture.baseUrl}/bestaat-niet`);
    expect(other.status).toBe(404);
    expect(await page(other)).toContain(ERROR_MESSAGES.notFound);
  });

  it("daarna werkt alles gewoon: een goede sessie wordt gemaakt", async () => {
    const res = await postJson(`${fixture.baseUrl}/api/sessions`, JSON.stringify({ scenarioId: "demo-maatwerk" }));
    expect(res.status).toBe(201);
  });
});

describe("als de opslag een sessie niet kan bewaren", () => {
  it("krijgt de spelleider een Nederlandse 500 zonder trace, en daarna gaat het weer", async () => {
    const { scenarios } = await loadScenarioDir(resolve("scenarios"));
    const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-errors-"));
    const file = join(dir, "errors.sqlite");
    const store = new SqliteEventStore(file);
    const server = buildServer({ store, scenarios });
    const port = await freePort();
    await server.listen(port, "127.0.0.1");
    // A real second connection holds the write lock: the store's write fails ("database is locked") after its wait,
    // as it would on a full disk or a broken volume.
    const other = new DatabaseSync(file);
    try {
      const before = (await store.listSessions()).length;
      other.exec("BEGIN EXCLUSIVE");
      const res = await postJson(`http://127.0.0.1:${port}/api/sessions`, JSON.stringify({ scenarioId: "demo-maatwerk" }));
      other.exec("ROLLBACK");
      expect(res.status).toBe(500);
      expect(await jsonError(res)).toBe(ERROR_MESSAGES.server);
      expect((await store.listSessions()).length).toBe(before);
      const again = await postJson(`http://127.0.0.1:${port}/api/sessions`, JSON.stringify({ scenarioId: "demo-maatwerk" }));
      expect(again.status).toBe(201);
    } finally {
      other.close();
      await server.gracefullyShutdown(false);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
