/**
 * Puts the pieces together: one Colyseus server with the session room and the HTTP routes on one port. Used by
 * main.ts and by the integration tests, which start real servers on free ports.
 */
import { defineRoom, defineServer, type Server } from "@colyseus/core";
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
    rooms: { [ROOM_NAME]: defineRoom(BoundRoom).filterBy(["sessionId"]) },
    express: (app) => registerRoutes(app, { store: services.store, scenarios: services.scenarios, now, startedAt: now(), clientDir: services.clientDir, trainerSecret: services.trainerSecret }),
  });
}
