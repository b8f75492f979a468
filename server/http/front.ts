/**
 * The HTTP server under the WebSocket transport, with two checks in front of everything on the port (Express, Colyseus'
 * matchmaking routes, WebSocket upgrades):
 *   1. the origin gate (cors.ts): other web pages are refused unless ALLOWED_ORIGINS names them;
 *   2. bodies for Colyseus' matchmaking routes are read and checked (errors.ts), so they fail in Dutch.
 * The checks sit in `emit` rather than in a listener because Colyseus puts its own request listener first when it
 * starts listening (node_modules/@colyseus/core/build/router/index.mjs, bindRouterToTransport).
 */
import { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { disableColyseusCors, gateRequest, gateUpgrade } from "./cors.ts";
import { readMatchmakeBody } from "./errors.ts";

const isDuplex = (value: unknown): value is Duplex => typeof value === "object" && value !== null && "end" in value && typeof value.end === "function";

export class FrontServer extends HttpServer {
  private readonly allowed: ReadonlySet<string>;

  /** `allowedOrigins`: other web pages that may use this server (ALLOWED_ORIGINS), as parseAllowedOrigins gives them. */
  constructor(allowedOrigins: readonly string[]) {
    super();
    this.allowed = new Set(allowedOrigins);
    disableColyseusCors();
  }

  override emit(event: string, ...args: unknown[]): boolean {
    const [req, target] = args;
    if (event === "request" && req instanceof IncomingMessage && target instanceof ServerResponse) {
      if (!gateRequest(req, target, this.allowed)) return true;
      readMatchmakeBody(req, target, () => super.emit(event, ...args));
      return true;
    }
    if (event === "upgrade" && req instanceof IncomingMessage && isDuplex(target) && !gateUpgrade(req, target, this.allowed)) return true;
    return super.emit(event, ...args);
  }
}
