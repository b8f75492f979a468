/**
 * Security headers for every HTTP answer, and the Content-Security-Policy of the pages. The spelleider's secret is
 * in the path of the console's address, so no page may leak its address to another site (Referrer-Policy), be framed
 * (clickjacking on the console), or run script that did not come from this server. The server-made pages (preview,
 * trainer, landing, errors) carry their own policy, `pagePolicy` in server/render/shell.ts.
 */
import type { Application, Request } from "express";

/** On every answer: JSON, files, pages. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  // API answers and files are never documents to run anything in; pages replace this with their own policy.
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/**
 * The built client (Vite): its scripts and styles are files from this server; Preact sets inline styles through
 * the CSSOM, which CSP allows without 'unsafe-inline'. Images: the favicon is a data: URI and Phaser (beamer) makes
 * its default textures from data: and blob: URIs. The WebSocket goes to this same host (named explicitly, because
 * older browsers do not let 'self' cover ws: and wss:).
 */
export function clientPagePolicy(req: Request): string {
  const host = wsHost(req);
  const sockets = host ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The Host header, only when it is a plain host[:port] (it ends up in a header, so nothing else may pass). */
function wsHost(req: Request): string | null {
  const host = req.get("host") ?? "";
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : null;
}

export function useSecurityHeaders(app: Application): void {
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
}
