/**
 * `POST /api/seat`: the only way into a session's room. The body is the join options (zod: JoinOptionsSchema); the
 * answer is a Colyseus seat reservation in the session's one room, which the SDK then uses to open its WebSocket
 * (SessionClient.connect). The server decides the room (rooms/seating.ts); Colyseus' own matchmaking routes refuse
 * clients. Reservations are limited per client address and session (limits.ts, SEAT_RESERVATIONS).
 */
import express, { type Application } from "express";
import { KeyedLimiter, TOO_MANY_RESERVATIONS, clientKey, type LookupLimits } from "../limits.ts";
import { JoinOptionsSchema } from "#shared/protocol/views.ts";
import { SeatRefused, reserveSeat } from "../rooms/seating.ts";

export function registerSeatRoute(app: Application, services: { now: () => number; reservations: LookupLimits }): void {
  const reservations = new KeyedLimiter(services.reservations);
  app.post("/api/seat", express.json({ limit: "8kb" }), async (req, res) => {
    const parsed = JoinOptionsSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "De gegevens om mee te doen zijn onvolledig. Laad de pagina opnieuw." });
      return;
    }
    const address = clientKey(req.ip ?? req.socket.remoteAddress);
    const key = `${address} ${parsed.data.sessionId}`;
    const now = services.now();
    if (!reservations.allows(key, now)) {
      res.set("retry-after", String(reservations.retryAfterSeconds(key, now)));
      res.status(429).json({ error: TOO_MANY_RESERVATIONS });
      return;
    }
    reservations.spend(key, now);
    try {
      res.json(await reserveSeat(parsed.data, { address }));
    } catch (error) {
      if (error instanceof SeatRefused) {
        res.status(error.status).json({ error: error.message });
        return;
      }
      console.error("Plaats reserveren mislukt:", error);
      res.status(500).json({ error: "Meedoen lukte nu niet door een fout op de server. Probeer het zo opnieuw." });
    }
  });
}
