/**
 * The origin gate over raw HTTP (the browser's view is in tests/e2e/cors.test.ts): what counts as the server's own
 * origin behind a TLS proxy, `Origin: null`, the preflight, and ALLOWED_ORIGINS as the server reads it at start.
 */
import { execFile } from "node:child_process";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { ORIGIN_REFUSED, parseAllowedOrigins } from "../../server/http/cors.ts";
import { useTestServer } from "./harness.ts";

const fx = useTestServer();

/** A raw GET with exactly these headers (fetch puts its own Host in): status and body. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("de eigen herkomst en andere", () => {
  it("achter een TLS-proxy telt https://<Host> als eigen pagina, http:// op dezelfde host niet", async () => {
    const url = `${fx.baseUrl}/api/scenarios`;
    const proxied = { host: "spel.example.nl", "x-forwarded-proto": "https" };
    expect((await get(url, { ...proxied, origin: "https://spel.example.nl" })).status).toBe(200);
    const downgraded = await get(url, { ...proxied, origin: "http://spel.example.nl" });
    expect(downgraded.status).toBe(403);
    expect(JSON.parse(downgraded.body)).toEqual({ error: ORIGIN_REFUSED });
    // A TLS proxy that leaves out X-Forwarded-Proto: the https page no longer matches (docs/deployment.md: send it, or list the origin).
    expect((await get(url, { host: "spel.example.nl", origin: "https://spel.example.nl" })).status).toBe(403);
    // Directly, without a proxy: the page's own address.
    expect((await fetch(url, { headers: { origin: fx.baseUrl } })).status).toBe(200);
    // No Origin at all (a program, a navigation): through.
    expect((await fetch(url)).status).toBe(200);
  });

  it("Origin: null (een afgeschermd frame, een bestand) en een andere poort op dezelfde host worden geweigerd", async () => {
    const url = `${fx.baseUrl}/api/scenarios`;
    expect((await fetch(url, { headers: { origin: "null" } })).status).toBe(403);
    const otherPort = fx.baseUrl.replace(/:(\d+)$/, (_m, port: string) => `:${Number(port) + 1}`);
    expect((await fetch(url, { headers: { origin: otherPort } })).status).toBe(403);
  });

  it("een preflight van een andere website krijgt geen toestemming; geen enkel antwoord noemt een vreemde herkomst", async () => {
    const preflight = await fetch(`${fx.baseUrl}/matchmake/joinOrCreate/sessie`, {
      method: "OPTIONS",
      headers: { origin: "https://aanvaller.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    // Colyseus' own CORS headers are off on every route, also for requests without Origin.
    for (const path of ["/health", "/api/scenarios", "/", "/__healthcheck"]) {
      const res = await fetch(`${fx.baseUrl}${path}`);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });
});

describe("ALLOWED_ORIGINS", () => {
  it("leest herkomsten zoals browsers ze sturen, gescheiden door komma's of spaties", () => {
    expect(parseAllowedOrigins(undefined)).toEqual({ ok: true, origins: [] });
    expect(parseAllowedOrigins("  ")).toEqual({ ok: true, origins: [] });
    expect(parseAllowedOrigins("http://localhost:5173, https://Intranet.Example.nl:443 http://127.0.0.1:5173/")).toEqual({
      ok: true,
      origins: ["http://localhost:5173", "https://intranet.example.nl", "http://127.0.0.1:5173"],
    });
  });

  it("weigert alles wat geen herkomst is, met de reden in het Nederlands", () => {
    for (const wrong of ["*", "localhost:5173", "http://example.nl/pad", "ftp://example.nl", "https://user@example.nl", "null"]) {
      const parsed = parseAllowedOrigins(`http://localhost:5173 ${wrong}`);
      expect(parsed).toEqual({ ok: false, error: expect.stringContaining(`'${wrong}' is geen webadres`) });
    }
  });

  it("npm start met een fout in ALLOWED_ORIGINS stopt meteen en zegt waarom", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ["server/main.ts"], { env: { ...process.env, ALLOWED_ORIGINS: "*", PORT: "0" }, timeout: 20_000 }, (error, _stdout, stderr) => {
        resolve({ code: error && typeof error.code === "number" ? error.code : child.exitCode, stderr });
      });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ALLOWED_ORIGINS: '*' is geen webadres van de vorm http(s)://host[:poort]");
  });
});
