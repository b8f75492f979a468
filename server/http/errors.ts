/**
 * What a request that goes wrong gets back: always a short Dutch answer, never a stack trace or a path on the server.
 *   - /api, /matchmake and /health: JSON `{ error: "<Dutch>" }` with the status;
 *   - every other path (pages): a short Dutch page (server/render/notice.ts).
 * Express's own error page (HTML with the stack and absolute paths) is never reached: `useErrorPages` puts a 404 and
 * an error handler at the end of the app. Colyseus' matchmaking routes (/matchmake/<method>/<room>) do not run through
 * Express; their bodies are read and checked before Colyseus sees them (`readMatchmakeBody`), so a malformed or huge
 * body gets the same Dutch JSON. What went wrong on the server is logged there, without the request's path segments
 * that could hold a spelleider's secret.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Application, NextFunction, Request, Response } from "express";
import { errorPage } from "../render/notice.ts";
import { pagePolicy } from "../render/shell.ts";

/** The JSON body limit of the API (express.json) and the answer past it. */
export const API_BODY_LIMIT_BYTES = 256 * 1024;
/** A matchmaking request is a few hundred bytes; anything past this is not a client of ours. */
export const MATCHMAKE_BODY_LIMIT_BYTES = 16 * 1024;

export const ERROR_MESSAGES = {
  malformedJson: "De gegevens in dit verzoek zijn geen geldige JSON.",
  tooLarge: `Dit verzoek is te groot (meer dan ${API_BODY_LIMIT_BYTES / 1024} kB).`,
  tooLargeFor: (bytes: number) => `Dit verzoek is te groot (meer dan ${Math.max(1, Math.round(bytes / 1024))} kB).`,
  badEscape: "Dit webadres bevat een ongeldig teken. Controleer de link.",
  unsupported: "Deze tekenset of codering van het verzoek wordt niet ondersteund. Stuur UTF-8.",
  badRequest: "Dit verzoek klopt niet.",
  notFound: "Deze pagina bestaat niet. Controleer het webadres.",
  apiNotFound: "Dit adres bestaat niet op de server.",
  server: "Er ging op de server iets mis. Probeer het over een paar minuten opnieuw.",
} as const;

const JSON_PATHS = /^\/(api|matchmake|health)(\/|$)/;

/** A status and a Dutch message for an error Express or body-parser passed on. */
function describe(error: unknown): { status: number; message: string } {
  const field = (name: string): unknown => (typeof error === "object" && error !== null && name in error ? Reflect.get(error, name) : undefined);
  const status = field("status") ?? field("statusCode");
  const type = field("type");
  if (type === "entity.parse.failed") return { status: 400, message: ERROR_MESSAGES.malformedJson };
  if (type === "entity.too.large" || status === 413) {
    // body-parser names the limit of the route that refused (the API's 256 kB, or a route's own smaller one).
    const limit = field("limit");
    return { status: 413, message: typeof limit === "number" ? ERROR_MESSAGES.tooLargeFor(limit) : ERROR_MESSAGES.tooLarge };
  }
  if (type === "charset.unsupported" || type === "encoding.unsupported") return { status: 415, message: ERROR_MESSAGES.unsupported };
  // Express decodes path parameters with decodeURIComponent; a broken %-escape is a URIError with status 400.
  if (error instanceof URIError) return { status: 400, message: ERROR_MESSAGES.badEscape };
  if (typeof status === "number" && status >= 400 && status < 500) return { status, message: status === 404 ? ERROR_MESSAGES.notFound : ERROR_MESSAGES.badRequest };
  return { status: 500, message: ERROR_MESSAGES.server };
}

/** A path for the server log: long segments (secrets, codes) left out. */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.replace(/[^/]{12,}/g, "…");
}

function answer(req: Request, res: Response, status: number, message: string): void {
  res.status(status).set("cache-control", "no-store");
  if (JSON_PATHS.test(req.path)) {
    res.json({ error: message });
    return;
  }
  const html = errorPage(status, message);
  res.set("content-security-policy", pagePolicy(html)).type("html").send(html);
}

/** The Dutch 404 for every path nothing else answered, and the error handler; call after every route. */
export function useErrorPages(app: Application): void {
  app.use((req: Request, res: Response) => {
    answer(req, res, 404, JSON_PATHS.test(req.path) ? ERROR_MESSAGES.apiNotFound : ERROR_MESSAGES.notFound);
  });
  // Four parameters: that is how Express recognises an error handler.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, message } = describe(error);
    if (status >= 500) console.error(`Fout bij ${req.method} ${loggablePath(req.originalUrl)}:`, error);
    if (res.headersSent) {
      // Halfway through an answer: nothing sensible can follow, so the connection ends.
      res.destroy();
      return;
    }
    answer(req, res, status, message);
  });
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", "content-length": Buffer.byteLength(body), connection: "close" });
  res.end(body);
}

/**
 * The body of a POST to Colyseus' matchmaking routes, read before Colyseus sees the request: more than
 * MATCHMAKE_BODY_LIMIT_BYTES is refused (413), a JSON body that does not parse too (400), both in Dutch. Otherwise the
 * body (parsed when it is JSON) is put on the request, where Colyseus' router (better-call's getRequest) takes it instead of reading the
 * stream, and `next` runs. Other requests go to `next` at once.
 */
export function readMatchmakeBody(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (req.method !== "POST" || !(req.url ?? "").startsWith("/matchmake/")) return next();
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MATCHMAKE_BODY_LIMIT_BYTES) return refuse(res, 413, ERROR_MESSAGES.tooLargeFor(MATCHMAKE_BODY_LIMIT_BYTES));
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  req.on("data", (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size > MATCHMAKE_BODY_LIMIT_BYTES) {
      done = true;
      refuse(res, 413, ERROR_MESSAGES.tooLargeFor(MATCHMAKE_BODY_LIMIT_BYTES));
      return;
    }
    chunks.push(chunk);
  });
  req.on("error", () => {
    done = true;
  });
  req.on("end", () => {
    if (done) return;
    done = true;
    const text = Buffer.concat(chunks).toString("utf8");
    // Only a JSON body is parsed (as Colyseus does); any other type goes on as text, which no matchmaking call accepts.
    let body: unknown = text;
    if (/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
      try {
        body = text.trim() === "" ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 400, ERROR_MESSAGES.malformedJson);
      }
    }
    Object.assign(req, { body });
    next();
  });
}
