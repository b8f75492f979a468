/**
 * The baseline for `npm run bench:load -- --baseline echo`: a bare Colyseus server on the same transport, with the
 * same HTTP paths the load clients use and one room type that only answers `ack { commandId, seq }` to every
 * `command` message. No zod, no rules, no store, no projection: what is left is the cost of Colyseus, the WebSocket
 * and the clients themselves, so `ours / echo` shows what the game adds.
 *
 * Run as a child process by load.ts: PORT and HOST from the environment, like server/main.ts.
 */
import { randomBytes } from "node:crypto";
import { Room, defineRoom, defineServer, matchMaker, type Client } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { MAX_MESSAGE_BYTES, ROOM_NAME } from "../app.ts";
import { COMMAND_MESSAGE, SERVER_MESSAGES } from "../protocol/views.ts";
import { SessionRoomState } from "../rooms/schema.ts";

// The same state class as the game (so the same SDK clients decode it), but never changed, so no patches; and the
// library's own encoder buffer size, not the game's: the baseline is a bare room.
Encoder.BUFFER_SIZE = 16 * 1024;

class EchoRoom extends Room<{ state: SessionRoomState }> {
  override maxClients = 250;
  private seq = 0;

  override onCreate(): void {
    this.setState(new SessionRoomState());
    this.onMessage(COMMAND_MESSAGE, (client: Client, message: unknown) => {
      const commandId = typeof message === "object" && message !== null && "commandId" in message && typeof message.commandId === "string" ? message.commandId : null;
      client.send(SERVER_MESSAGES.ack, { commandId, seq: ++this.seq });
    });
  }

  override onAuth(): boolean {
    return true;
  }
}

/** code -> sessionId and secret -> sessionId, in memory: just enough for the clients' join path. */
const byCode = new Map<string, string>();
const bySecret = new Map<string, { sessionId: string; code: string }>();

const server = defineServer({
  transport: new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES }),
  greet: false,
  rooms: { [ROOM_NAME]: defineRoom(EchoRoom).filterBy(["sessionId"]) },
  express: (app) => {
    app.use(express.json({ limit: "256kb" }));
    app.get("/health", (_req, res) => void res.json({ ok: true }));
    app.post("/api/sessions", (_req, res) => {
      const sessionId = `s${randomBytes(8).toString("hex")}`;
      const code = randomBytes(4).toString("hex").toUpperCase();
      const secret = randomBytes(32).toString("base64url");
      byCode.set(code, sessionId);
      bySecret.set(secret, { sessionId, code });
      res.status(201).json({ sessionId, code, secret, label: "echo" });
    });
    app.get("/api/join/:code", (req, res) => {
      const sessionId = byCode.get(String(req.params.code));
      if (!sessionId) return void res.status(404).json({ error: "onbekende code" });
      res.json({ sessionId, code: req.params.code, label: "echo" });
    });
    // Clients take their seat through the server, as with the game (rooms/seating.ts), but without its checks.
    app.post("/api/seat", async (req, res) => {
      const options: unknown = req.body;
      const sessionId = typeof options === "object" && options !== null && "sessionId" in options ? String(options.sessionId) : "";
      res.json(await matchMaker.joinOrCreate(ROOM_NAME, { sessionId }));
    });
    app.get("/api/spelleider/:secret", (req, res) => {
      const found = bySecret.get(String(req.params.secret));
      if (!found) return void res.status(404).json({ error: "onbekend geheim" });
      res.json({ ...found, label: "echo" });
    });
  },
});

const port = Number(process.env.PORT ?? 2568);
await server.listen(port, process.env.HOST ?? "127.0.0.1");
console.log(`echo-server op http://localhost:${port}`);
