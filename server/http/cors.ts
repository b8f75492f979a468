/**
 * Which web pages may use this server from a browser: its own pages, and the origins ALLOWED_ORIGINS names (e.g. Vite
 * on 5173 during `npm run dev`). Nothing else.
 *
 * A browser names the page that makes a request in the `Origin` header; a page cannot forge it, nor the `Host` it
 * sends to. Every HTTP request and every WebSocket upgrade passes this gate (front.ts) before Express or Colyseus:
 *   - no Origin (a navigation, an <img>, a same-origin GET, a program such as the SDK in Node): through;
 *   - Origin of this server itself (scheme and host as the browser reached it): through;
 *   - an origin in the allow-list: through, with CORS headers so the page may read the answer (credentials too: the
 *     Colyseus SDK sends its matchmaking requests with `credentials: "include"`);
 *   - any other origin, also `null`: 403 with a short Dutch JSON, and the request goes no further. Refusing (rather than
 *     only leaving out CORS headers) matters: a browser sends a "simple" cross-site request (a GET, a text/plain or form
 *     POST) without asking first, so without the refusal it would still reach the route even though the page could not
 *     read the answer, and a foreign page could, for instance, spend the look-up allowance of a classroom's address.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { matchMaker } from "@colyseus/core";

export const ORIGIN_REFUSED = "Deze server beantwoordt geen verzoeken van een andere website. Open Maatwerkspel via het eigen webadres van de server.";

/** Methods and request headers an allowed other origin may use (the API and the SDK's matchmaking). */
const ALLOW_METHODS = "GET, POST, DELETE";
const ALLOW_HEADERS = "content-type, authorization";
/** Answer headers an allowed other origin may read beyond the safelisted ones (the client reads Retry-After on a 429). */
const EXPOSE_HEADERS = "retry-after";

export type OriginVerdict = "geen" | "zelf" | "toegestaan" | "geweigerd";

/**
 * ALLOWED_ORIGINS: origins separated by commas or spaces, each exactly `scheme://host[:port]` (no path, no `*`).
 * Unset or empty: none, only the server's own pages.
 */
export function parseAllowedOrigins(value: string | undefined): { ok: true; origins: string[] } | { ok: false; error: string } {
  const entries = (value ?? "").split(/[\s,]+/).filter((entry) => entry !== "");
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = canonicalOrigin(entry);
    if (!origin) return { ok: false, error: `ALLOWED_ORIGINS: '${entry}' is geen webadres van de vorm http(s)://host[:poort], zonder pad (bijv. http://localhost:5173).` };
    origins.push(origin);
  }
  return { ok: true, origins };
}

/** `scheme://host[:port]` as browsers send it in `Origin` (lower case, default port left out), or null. */
function canonicalOrigin(text: string): string | null {
  if (!/^https?:\/\/[^/?#@]+\/?$/i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * This server's own origin as the browser reached it: the Host it sent, and the scheme from X-Forwarded-Proto (set by
 * the TLS proxy, see docs/deployment.md) or the connection. Trusting X-Forwarded-Proto here is safe without
 * TRUST_PROXY: a page on another origin cannot add that header without a preflight, and the preflight is refused.
 */
function ownOrigin(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host) return null;
  const forwarded = String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim().toLowerCase();
  const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : encrypted ? "https" : "http";
  return canonicalOrigin(`${scheme}://${host}`);
}

export function judgeOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): OriginVerdict {
  const origin = req.headers.origin;
  if (origin === undefined) return "geen";
  const canonical = canonicalOrigin(origin);
  if (canonical === null) return "geweigerd";
  if (canonical === ownOrigin(req)) return "zelf";
  return allowed.has(canonical) ? "toegestaan" : "geweigerd";
}

/** Answers a request itself when the gate ends it (refusal, preflight); returns whether the request goes on. */
export function gateRequest(req: IncomingMessage, res: ServerResponse, allowed: ReadonlySet<string>): boolean {
  const verdict = judgeOrigin(req, allowed);
  // Answers differ per Origin, so caches must keep them apart.
  res.setHeader("vary", "Origin");
  if (verdict === "geweigerd") {
    const body = JSON.stringify({ error: ORIGIN_REFUSED });
    res.writeHead(403, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", "content-length": Buffer.byteLength(body) });
    res.end(body);
    return false;
  }
  if (verdict === "toegestaan") {
    res.setHeader("access-control-allow-origin", req.headers.origin ?? "");
    res.setHeader("access-control-allow-credentials", "true");
    res.setHeader("access-control-expose-headers", EXPOSE_HEADERS);
  }
  if (req.method === "OPTIONS") {
    // A preflight (or a bare OPTIONS): answered here. Same-origin requests need no CORS headers.
    if (verdict === "toegestaan") {
      res.setHeader("access-control-allow-methods", ALLOW_METHODS);
      res.setHeader("access-control-allow-headers", ALLOW_HEADERS);
      res.setHeader("access-control-max-age", "600");
    }
    res.writeHead(204, { allow: `${ALLOW_METHODS}, HEAD, OPTIONS` });
    res.end();
    return false;
  }
  return true;
}

/** A WebSocket upgrade from a refused origin: 403 on the raw socket, no handshake. */
export function gateUpgrade(req: IncomingMessage, socket: Duplex, allowed: ReadonlySet<string>): boolean {
  if (judgeOrigin(req, allowed) !== "geweigerd") return true;
  const body = JSON.stringify({ error: ORIGIN_REFUSED });
  socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  return false;
}

/**
 * THE ONE PLACE where Colyseus' own CORS is switched off. By default `matchMaker.controller` (node_modules/@colyseus/
 * core/build/matchmaker/controller.mjs, used by router/index.mjs for EVERY route on the port, not only /matchmake)
 * answers with `Access-Control-Allow-Origin: <whatever Origin came>` plus `Allow-Credentials: true`, and answers every
 * OPTIONS itself with those headers. Here both its defaults and its per-request headers become empty, so the only
 * CORS headers are the gate's above (which also answers every OPTIONS before Colyseus sees it; see front.ts).
 * Process-wide, and the same for every server, so several servers in one process (the tests) agree.
 */
export function disableColyseusCors(): void {
  // Reflect.set: the typings fix the five default keys; the object itself is plain and writable.
  Reflect.set(matchMaker.controller, "DEFAULT_CORS_HEADERS", {});
  matchMaker.controller.getCorsHeaders = () => ({});
}
