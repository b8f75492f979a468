/**
 * Puts the pieces together: one Colyseus server with the session room and the HTTP routes on one port. Used by
 * main.ts and by the integration tests, which start real servers on free ports.
 */
import { defineRoom, defineServer, type Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { registerRoutes } from "./http/routes.ts";
import type { Scenario } from "./protocol/scenario.ts";
import { SessionRoom, type RoomServices } from "./rooms/SessionRoom.ts";
import type { EventStore } from "./store/types.ts";

export const ROOM_NAME = "sessie";
export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface AppServices {
  store: EventStore;
  scenarios: ReadonlyMap<string, Scenario>;
  now?: () => number;
  reconnectSeconds?: number;
  /** Directory of the built client (dist/client); without it `/` shows a plain page. */
  clientDir?: string;
  /** TRAINER_SECRET (at least 32 characters, checked in main.ts): the trainer's overview at /trainer/<secret>. */
  trainerSecret?: string | null;
  /** Several processes on one Redis (see README "Deployment"); without it this process matches players on its own. */
  scale?: ScaleOptions;
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

export function buildServer(services: AppServices): Server {
  const now = services.now ?? Date.now;
  const roomServices: RoomServices = { store: services.store, now, reconnectSeconds: services.reconnectSeconds ?? 120 };
  // A subclass per server carries its services, so several servers (tests) can share one process.
  const BoundRoom = class extends SessionRoom {};
  BoundRoom.services = roomServices;
  return defineServer({
    // 64 KiB: room for a long live case in UTF-8; beyond that the socket closes, so core's limits bite long before.
    transport: new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES }),
    greet: false,
    ...(services.scale ? scaled(services.scale) : {}),
    rooms: { [ROOM_NAME]: defineRoom(BoundRoom).filterBy(["sessionId"]) },
    express: (app) => {
      // Behind a reverse proxy on the same machine (README "Deployment") the page was loaded over https: believe its
      // X-Forwarded-Proto, so the QR code's join link says https too. Only from loopback: nobody else can fake it.
      app.set("trust proxy", "loopback");
      registerRoutes(app, { store: services.store, scenarios: services.scenarios, now, startedAt: now(), clientDir: services.clientDir, trainerSecret: services.trainerSecret });
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
