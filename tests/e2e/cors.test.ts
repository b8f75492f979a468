/**
 * Other web pages, in real Chromium: a page on a second loopback origin cannot read a session by its code, create a
 * session, ask Colyseus' matchmaking for a seat, or open a WebSocket to the game server; a page on an origin in
 * ALLOWED_ORIGINS (as Vite's during `npm run dev`) can do all of that. The game's own pages are same-origin and need
 * no list (every other e2e file shows they work).
 */
import { createServer, type Server } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN_REFUSED } from "../../server/http/cors.ts";
import { JOIN_CODE_LOOKUPS } from "../../server/limits.ts";
import { freePort } from "../integration/harness.ts";
import { createSession, hasChromium, noChromiumReason, startE2E, type E2E } from "./harness.ts";

if (!hasChromium) console.warn(`e2e overgeslagen: ${noChromiumReason}`);

/** A plain page on its own loopback port: another origin than the game server. */
async function pageServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end('<!doctype html><html lang="nl"><title>Andere site</title><p>Een andere website</p></html>');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, server };
}

type Attempt = { ok: true; status: number; body: string } | { ok: false; error: string };

/** A fetch from inside the page; a CORS refusal is a TypeError the page sees, with nothing of the answer. */
function fetchFrom(page: Page, url: string, init: { method?: string; json?: unknown; credentials?: "include" | "omit" } = {}): Promise<Attempt> {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const res = await fetch(url, {
          method: init.method ?? "GET",
          credentials: init.credentials ?? "same-origin",
          ...(init.json !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(init.json) } : {}),
        });
        return { ok: true as const, status: res.status, body: await res.text() };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    },
    { url, init },
  );
}

/** Whether a WebSocket from the page to the game server gets through the handshake. */
function socketOpens(page: Page, url: string): Promise<boolean> {
  return page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => {
          socket.close();
          resolve(true);
        };
        socket.onerror = () => resolve(false);
      }),
    url,
  );
}

describe.skipIf(!hasChromium)("andere websites en de spelserver", () => {
  let e2e: E2E;
  let foreign: { origin: string; server: Server };
  let allowed: { origin: string; server: Server };

  beforeAll(async () => {
    foreign = await pageServer();
    allowed = await pageServer();
    e2e = await startE2E({ allowedOrigins: [allowed.origin] });
  }, 120_000);
  afterAll(async () => {
    await e2e?.stop();
    foreign?.server.close();
    allowed?.server.close();
  });

  it("een pagina op een ander adres leest geen sessie, maakt er geen en krijgt geen plek of verbinding", async () => {
    const game = e2e.baseUrl;
    const { code, sessionId } = await createSession(game);
    const sessionsBefore = (await e2e.store.listSessions()).length;
    const page = await e2e.browser.newPage();
    await page.goto(`${foreign.origin}/`);

    const join = await fetchFrom(page, `${game}/api/join/${code}`);
    expect(join).toEqual({ ok: false, error: expect.stringMatching(/TypeError/) });
    const create = await fetchFrom(page, `${game}/api/sessions`, { method: "POST", json: { scenarioId: "demo-maatwerk" } });
    expect(create).toEqual({ ok: false, error: expect.stringMatching(/TypeError/) });
    const seat = await fetchFrom(page, `${game}/api/seat`, { method: "POST", json: { as: "beamer", sessionId } });
    expect(seat).toEqual({ ok: false, error: expect.stringMatching(/TypeError/) });
    const matchmake = await fetchFrom(page, `${game}/matchmake/joinOrCreate/sessie`, { method: "POST", json: { as: "beamer", sessionId }, credentials: "include" });
    expect(matchmake).toEqual({ ok: false, error: expect.stringMatching(/TypeError/) });
    expect(await socketOpens(page, `${game.replace(/^http/, "ws")}/`)).toBe(false);
    expect((await e2e.store.listSessions()).length).toBe(sessionsBefore);

    // What the browser sent got no further than the gate: the same request with that Origin gets the Dutch refusal.
    const raw = await fetch(`${game}/api/join/${code}`, { headers: { origin: foreign.origin } });
    expect(raw.status).toBe(403);
    expect(raw.headers.get("access-control-allow-origin")).toBeNull();
    expect(await raw.json()).toEqual({ error: ORIGIN_REFUSED });
    await page.close();
  });

  it("zo'n pagina kan ook niet namens de klas codes raden en zo de klas buitensluiten", async () => {
    const game = e2e.baseUrl;
    const { code } = await createSession(game);
    const page = await e2e.browser.newPage();
    await page.goto(`${foreign.origin}/`);
    // More wrong codes than an address may try, all starting like the real code: the browser sends each one (a simple
    // GET needs no preflight), but the server refuses them at the gate, so none counts as a guess from this address.
    const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".split("").filter((c) => c !== code[5]);
    for (const last of alphabet.slice(0, JOIN_CODE_LOOKUPS.burst + 5)) {
      expect((await fetchFrom(page, `${game}/api/join/${code.slice(0, 5)}${last}`)).ok).toBe(false);
    }
    const own = await fetch(`${game}/api/join/${code}`);
    expect(own.status).toBe(200);
    await page.close();
  });

  it("een pagina op een adres uit ALLOWED_ORIGINS mag alles wat de eigen pagina's mogen", async () => {
    const game = e2e.baseUrl;
    const { code, sessionId } = await createSession(game);
    const sessionsBefore = (await e2e.store.listSessions()).length;
    const page = await e2e.browser.newPage();
    await page.goto(`${allowed.origin}/`);

    const join = await fetchFrom(page, `${game}/api/join/${code}`);
    expect(join).toEqual({ ok: true, status: 200, body: expect.stringContaining(sessionId) });
    // A refusal's Retry-After is readable too (the client shows how long to wait).
    const retryAfter = await page.evaluate(async (url) => {
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${url}/api/join/ZZ0${String(i).padStart(3, "0")}`);
        if (res.status === 429) return res.headers.get("retry-after");
      }
      return null;
    }, game);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const create = await fetchFrom(page, `${game}/api/sessions`, { method: "POST", json: { scenarioId: "demo-maatwerk" } });
    expect(create).toEqual({ ok: true, status: 201, body: expect.stringContaining('"secret"') });
    expect((await e2e.store.listSessions()).length).toBe(sessionsBefore + 1);
    // A seat in the session's room, as the client asks for it.
    const seat = await fetchFrom(page, `${game}/api/seat`, { method: "POST", json: { as: "beamer", sessionId } });
    expect(seat).toEqual({ ok: true, status: 200, body: expect.stringContaining('"roomId"') });
    // Colyseus' matchmaking answers this page (credentials included, as the SDK sends them): whatever it decides, the
    // page can read it.
    const matchmake = await fetchFrom(page, `${game}/matchmake/joinOrCreate/sessie`, { method: "POST", json: { as: "beamer", sessionId }, credentials: "include" });
    expect(matchmake.ok).toBe(true);
    expect(matchmake.ok && JSON.parse(matchmake.body)).toEqual(expect.any(Object));
    expect(matchmake.ok && matchmake.body).not.toContain(ORIGIN_REFUSED);
    expect(await socketOpens(page, `${game.replace(/^http/, "ws")}/`)).toBe(true);
    await page.close();
  });
});
