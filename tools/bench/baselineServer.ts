/**
 * The baselines for `npm run bench:load -- --baseline echo,broadcast`: a bare Colyseus server on the same transport,
 * with the same HTTP paths the load clients use, and one room type per baseline. No zod, no rules, no store, no
 * projection in either.
 *
 * - `echo`: answers `ack { commandId, seq }` to every `command` message and changes nothing. What is left is the cost
 *   of Colyseus, the WebSocket and the clients themselves.
 * - `broadcast`: the least any shared board must do. Each command's text is appended to the schema state (one entity
 *   per command), that change is patched to every client of the session at once (the ordinary patch, as our room
 *   patches before it acks), and then the sender gets its ack. So `ours / broadcast` shows what the game adds to a
 *   board that only shares what people type.
 *
 * Run as a child process by load.ts: `BASELINE` (echo or broadcast), PORT and HOST from the environment, like
 * server/main.ts. tests/integration/broadcastBaseline.test.ts starts it in-process with `buildBaselineServer`.
 */
import { randomBytes } from "node:crypto";
import { Room, defineRoom, defineServer, matchMaker, type Client, type Server } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { MAX_MESSAGE_BYTES } from "../../server/app.ts";
import { ROOM_NAME } from "#shared/protocol/wire.ts";
import { COMMAND_MESSAGE, SERVER_MESSAGES } from "#shared/protocol/views.ts";
import { Entity, SessionRoomState } from "#shared/protocol/schema.ts";

export const BASELINES = ["echo", "broadcast"] as const;
export type Baseline = (typeof BASELINES)[number];
export const isBaseline = (value: unknown): value is Baseline => BASELINES.some((b) => b === value);

// The same state class as the game (so the same SDK clients decode it), and the library's own encoder buffer size, not
// the game's: the baselines are bare rooms.
Encoder.BUFFER_SIZE = 16 * 1024;

/** A string field of a message, or null: the baselines check nothing else. */
function field(message: unknown, name: string): string | null {
  if (typeof message !== "object" || message === null) return null;
  const value: unknown = Reflect.get(message, name);
  return typeof value === "string" ? value : null;
}

class EchoRoom extends Room<{ state: SessionRoomState }> {
  override maxClients = 250;
  private seq = 0;

  override onCreate(): void {
    this.setState(new SessionRoomState());
    this.onMessage(COMMAND_MESSAGE, (client: Client, message: unknown) => {
      client.send(SERVER_MESSAGES.ack, { commandId: field(message, "commandId"), seq: ++this.seq });
    });
  }

  override onAuth(): boolean {
    return true;
  }
}

/**
 * Appends each command's text (its `text`, or its type for a command without one, e.g. a vote or phase.next) to the
 * state as one entity in `cards` (a map every connection sees; the game's own maps with views would need a StateView
 * per connection), keyed by the new `seq`; patches it to everyone in the room; then acks the sender.
 */
class BroadcastRoom extends Room<{ state: SessionRoomState }> {
  override maxClients = 250;

  override onCreate(): void {
    this.setState(new SessionRoomState());
    this.state.seq = 0;
    // Every change is patched at once below; the timer only catches anything else (our room does the same).
    this.patchRate = 1_000;
    this.onMessage(COMMAND_MESSAGE, (client: Client, message: unknown) => {
      const state = this.state;
      state.seq += 1;
      state.cards.set(String(state.seq), new Entity({ json: field(message, "text") ?? field(message, "type") ?? "" }));
      this.broadcastPatch();
      client.send(SERVER_MESSAGES.ack, { commandId: field(message, "commandId"), seq: state.seq });
    });
  }

  override onAuth(): boolean {
    return true;
  }
}

/** A server with one baseline room type and just enough HTTP for the clients' join path (code and secret in memory). */
export function buildBaselineServer(baseline: Baseline): Server {
  const byCode = new Map<string, string>();
  const bySecret = new Map<string, { sessionId: string; code: string }>();
  const room = baseline === "echo" ? EchoRoom : BroadcastRoom;
  return defineServer({
    transport: new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES }),
    greet: false,
    rooms: { [ROOM_NAME]: defineRoom(room).filterBy(["sessionId"]) },
    express: (app) => {
      app.use(express.json({ limit: "256kb" }));
      app.get("/health", (_req, res) => void res.json({ ok: true }));
      app.post("/api/sessions", (_req, res) => {
        const sessionId = `s${randomBytes(8).toString("hex")}`;
        const code = randomBytes(4).toString("hex").toUpperCase();
        const secret = randomBytes(32).toString("base64url");
        byCode.set(code, sessionId);
        bySecret.set(secret, { sessionId, code });
        res.status(201).json({ sessionId, code, secret, label: baseline });
      });
      app.get("/api/join/:code", (req, res) => {
        const sessionId = byCode.get(String(req.params.code));
        if (!sessionId) return void res.status(404).json({ error: "onbekende code" });
        res.json({ sessionId, code: req.params.code, label: baseline });
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
        res.json({ ...found, label: baseline });
      });
    },
  });
}

if (import.meta.main) {
  const baseline = process.env.BASELINE ?? "echo";
  if (!isBaseline(baseline)) {
    console.error(`BASELINE moet ${BASELINES.join(" of ")} zijn, niet '${baseline}'.`);
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 2568);
  await buildBaselineServer(baseline).listen(port, process.env.HOST ?? "127.0.0.1");
  console.log(`${baseline}-server op http://localhost:${port}`);
}
