/**
 * Puts the pieces together: one Colyseus server with the session room and the HTTP routes on one port. Used by
 * main.ts and by the integration tests, which start real servers on free ports.
 */
import { defineRoom, defineServer, type Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { parseAllowedOrigins } from "./http/cors.ts";
import { FrontServer } from "./http/front.ts";
import { registerRoutes } from "./http/routes.ts";
import { registerSeatRoute } from "./http/seat.ts";
import { KeyedLimiter, MESSAGE_LIMITS, SEAT_RESERVATIONS, WS_MAX_PAYLOAD_BYTES, newSeatLimits, roomCapacity, sessionCreationLimits, type LookupLimits, type MessageLimits, type RoomCapacity } from "./limits.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import type { RoomServices } from "./rooms/roomServices.ts";
import { HeartbeatTransport } from "./rooms/colyseus.ts";
import { SessionRoom } from "./rooms/SessionRoom.ts";
import { lockClientMatchmaking } from "./rooms/seating.ts";
import { ROOM_NAME } from "#shared/protocol/wire.ts";
import type { EventStore } from "./store/types.ts";

/** The WebSocket frame limit (kept under this name for the benchmarks' echo server). */
export const MAX_MESSAGE_BYTES = WS_MAX_PAYLOAD_BYTES;

export interface AppServices {
  store: EventStore;
  scenarios: ReadonlyMap<string, Scenario>;
  now?: () => number;
  reconnectSeconds?: number;
  /** Directory of the built client (dist/client); without it `/` shows a plain page. */
  clientDir?: string;
  /** TRAINER_SECRET (at least 32 characters, checked in main.ts): the trainer's overview at /trainer/<secret>. */
  trainerSecret?: string | null;
  /** Several processes on one Redis (see docs/deployment.md); without it this process matches players on its own. */
  scale?: ScaleOptions;
  /** Size and rate limits per connection to a room (default MESSAGE_LIMITS). */
  limits?: MessageLimits;
  /**
   * Express's `trust proxy`: which reverse proxies may name the client's address (X-Forwarded-For, for the HTTP rate
   * limits) and scheme (X-Forwarded-Proto, for https in the QR link). Default from TRUST_PROXY (e.g. `loopback`, `1`,
   * `10.0.0.2`, `false`); unset = `loopback`, a proxy on the same machine.
   */
  trustProxy?: string;
  /** New sessions per address (default from MAX_NEW_SESSIONS_PER_HOUR, else SESSION_CREATIONS). */
  sessionCreations?: LookupLimits;
  /** New seats per client address in one session (default from MAX_NEW_SEATS_PER_MINUTE, else NEW_SEATS). */
  newSeats?: LookupLimits;
  /** Seat reservations (`POST /api/seat`) per client address and session (default SEAT_RESERVATIONS). */
  seatReservations?: LookupLimits;
  /** Rooms and memory this process takes on (default from MAX_ROOMS and MAX_MEMORY_MB, else ROOM_CAPACITY). */
  capacity?: Partial<RoomCapacity>;
  /** How long a seat reservation waits for its socket, in seconds (default SEAT_RESERVATION_SECONDS). */
  seatReservationSeconds?: number;
  /** The longest a connection waits for a `seq` it missed (default SEQ_CATCH_UP_MS, rooms/patching.ts). */
  seqCatchUpMs?: number;
  /**
   * How often every connection is pinged; one that missed two pings in a row is cut off (its seat waits
   * `reconnectSeconds` for it). Default Colyseus' 3,000 ms; tests make it short.
   */
  heartbeatMs?: number;
  /**
   * Origins of other web pages that may use this server from a browser (CORS), e.g. `http://localhost:5173` for
   * `npm run dev`. Default from ALLOWED_ORIGINS; unset: none, only the server's own pages (see server/http/cors.ts).
   */
  allowedOrigins?: readonly string[];
}

export interface ScaleOptions {
  /** REDIS_URL: shared matchmaking (which room lives where) and the messages between processes. */
  redisUrl: string;
  /**
   * PUBLIC_ADDRESS: host[:port][/path] where clients reach THIS process's WebSockets. A seat is reserved through any
   * process, but the socket must reach the process that holds the room; Colyseus hands this address out with the seat.
   */
  publicAddress?: string;
}

/** TRUST_PROXY as express understands it: a hop count, true/false, or addresses and subnets. */
function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === "") return "loopback";
  if (value === "false") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** ALLOWED_ORIGINS; main.ts checks it first and stops with the Dutch reason, so this throws only for other callers. */
function allowedOriginsFromEnv(): string[] {
  const parsed = parseAllowedOrigins(process.env.ALLOWED_ORIGINS);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.origins;
}

export function buildServer(services: AppServices): Server {
  const now = services.now ?? Date.now;
  const roomServices: RoomServices = {
    store: services.store,
    now,
    reconnectSeconds: services.reconnectSeconds ?? 120,
    limits: services.limits ?? MESSAGE_LIMITS,
    newSeats: new KeyedLimiter(services.newSeats ?? newSeatLimits(process.env.MAX_NEW_SEATS_PER_MINUTE)),
    capacity: { ...roomCapacity(process.env), ...services.capacity, open: 0 },
    ...(services.seatReservationSeconds !== undefined ? { seatReservationSeconds: services.seatReservationSeconds } : {}),
    ...(services.seqCatchUpMs !== undefined ? { seqCatchUpMs: services.seqCatchUpMs } : {}),
  };
  // Only the server opens rooms, one per session (rooms/seating.ts); clients ask POST /api/seat.
  lockClientMatchmaking();
  // A subclass per server carries its services, so several servers (tests) can share one process.
  const BoundRoom = class extends SessionRoom {};
  BoundRoom.services = roomServices;
  return defineServer({
    // 256 KiB at the socket: only abuse is bigger. The room itself refuses anything over 48 KiB in Dutch and keeps the
    // connection (see limits.ts), so a participant who pastes too much hears why instead of losing the connection.
    // The HTTP server behind it refuses requests and WebSocket upgrades from other web pages (server/http/front.ts).
    // A heartbeat spread over its interval instead of every connection pinged at once (rooms/colyseus.ts, 7).
    transport: new HeartbeatTransport({
      maxPayload: WS_MAX_PAYLOAD_BYTES,
      server: new FrontServer(services.allowedOrigins ?? allowedOriginsFromEnv()),
      ...(services.heartbeatMs !== undefined ? { pingInterval: services.heartbeatMs } : {}),
    }),
    greet: false,
    ...(services.scale ? scaled(services.scale) : {}),
    rooms: { [ROOM_NAME]: defineRoom(BoundRoom).filterBy(["sessionId"]) },
    express: (app) => {
      // Behind a reverse proxy (docs/deployment.md) believe what it says about the client: its address for the rate
      // limits, and https for the QR code's join link. Only from the proxies TRUST_PROXY names: nobody else can fake it.
      app.set("trust proxy", trustProxySetting(services.trustProxy ?? process.env.TRUST_PROXY));
      registerSeatRoute(app, { now, reservations: services.seatReservations ?? SEAT_RESERVATIONS });
      registerRoutes(app, {
        store: services.store,
        scenarios: services.scenarios,
        now,
        startedAt: now(),
        clientDir: services.clientDir,
        trainerSecret: services.trainerSecret,
        sessionCreations: services.sessionCreations ?? sessionCreationLimits(process.env.MAX_NEW_SESSIONS_PER_HOUR),
      });
    },
  });
}

function scaled(scale: ScaleOptions) {
  return {
    presence: new RedisPresence(scale.redisUrl),
    driver: new RedisDriver(scale.redisUrl),
    ...(scale.publicAddress ? { publicAddress: scale.publicAddress } : {}),
  };
}
