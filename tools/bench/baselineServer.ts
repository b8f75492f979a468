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
 * - `durable`: `broadcast`, but what the game promises besides (GAME.md: every accepted action is stored durably before
 *   anyone is told): each command is first appended to the game's own SQLite store (server/store/sqlite.ts: the writer
 *   thread, group commit, synchronous = FULL, the hash chain) as one event, and what the commits of one turn hold is
 *   patched once and acked. So `ours / durable` shows what the game adds to a board that shares and keeps what people
 *   type: its rules, who sees what, the duplicate suggestions, not the durability.
 *
 * Run as a child process by load.ts: `BASELINE` (echo, broadcast or durable), PORT, HOST and DATA_DIR (durable's file)
 * from the environment, like server/main.ts. tests/integration/broadcastBaseline.test.ts starts it in-process with
 * `buildBaselineServer`.
 */
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { Room, defineRoom, defineServer, matchMaker, type Client, type Server } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { MAX_MESSAGE_BYTES } from "../../server/app.ts";
import { CONFLICT_MESSAGE, NOT_SAVED_MESSAGE, ROOM_NAME } from "#shared/protocol/wire.ts";
import { COMMAND_MESSAGE, SERVER_MESSAGES } from "#shared/protocol/views.ts";
import { Entity, SessionRoomState } from "#shared/protocol/schema.ts";
import { EVENT_VERSION, type SessionEvent } from "#shared/protocol/events.ts";
import { hashSecret, makeJoinCode } from "../../server/sessions.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import type { EventStore } from "../../server/store/types.ts";

export const BASELINES = ["echo", "broadcast", "durable"] as const;
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

/**
 * A message of another type (the game's clients ask the server's clock when they connect: CLOCK_MESSAGE) is left
 * unanswered; Colyseus would otherwise close the connection for a type the room does not know.
 */
function ignoreOtherMessages(room: Room): void {
  room.onMessage("*", () => {});
}

class EchoRoom extends Room<{ state: SessionRoomState }> {
  override maxClients = 250;
  private seq = 0;

  override onCreate(): void {
    this.setState(new SessionRoomState());
    ignoreOtherMessages(this);
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
    ignoreOtherMessages(this);
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

/** A command stored and waiting for its turn's patch and ack. */
interface Kept {
  client: Client;
  commandId: string | null;
  text: string;
  seq: number;
}

/**
 * `broadcast` with the game's durability: each command is appended to the store as one event (its text in an
 * `EisEdited`, the game's smallest event with a text, so the store does its real work on a real event: the zod check,
 * the row, the hash chain, the head), in the order the commands came, each appended at once (the store keeps one
 * session's appends in order and gathers every room's into shared commits). Once appended, the cards of all commands
 * answered in that turn go into the state together, are patched once, and then acked: nobody hears of anything that is
 * not stored, as in our room. A refused append is answered with `rejected` and changes nothing.
 */
abstract class DurableRoom extends Room<{ state: SessionRoomState }> {
  override maxClients = 250;
  /** The server's store (see durableRoomOn). */
  protected abstract readonly store: EventStore;
  private logId = "";
  private asked = 0;
  private kept: Kept[] = [];

  override async onCreate(): Promise<void> {
    this.setState(new SessionRoomState());
    this.state.seq = 0;
    this.patchRate = 1_000;
    const store = this.store;
    this.logId = `b${randomBytes(8).toString("hex")}`;
    // A session record as the game's (server/sessions.ts); nobody joins through it, the clients use the room's own codes.
    const secretHash = hashSecret(randomBytes(32).toString("base64url"));
    await store.createSession({ sessionId: this.logId, code: makeJoinCode(), secretHash, label: "durable", scenarioId: "baseline", createdAt: Date.now() }, []);
    ignoreOtherMessages(this);
    this.onMessage(COMMAND_MESSAGE, (client: Client, message: unknown) => {
      const seq = ++this.asked;
      const commandId = field(message, "commandId");
      const text = field(message, "text") ?? field(message, "type") ?? "";
      const event: SessionEvent = { type: "EisEdited", v: EVENT_VERSION, at: Date.now(), eisId: `k${seq}`, categoryId: "baseline", text };
      store.append(this.logId, seq - 1, `${client.sessionId}:${commandId ?? seq}`, [event]).then(
        (result) => (result.ok ? this.keep({ client, commandId, text, seq }) : client.send(SERVER_MESSAGES.rejected, { commandId, code: "conflict", message: CONFLICT_MESSAGE })),
        () => client.send(SERVER_MESSAGES.rejected, { commandId, code: "serverfout", message: NOT_SAVED_MESSAGE }),
      );
    });
  }

  /** Collects what one commit answered; the first of a turn schedules the patch and the acks after the others. */
  private keep(kept: Kept): void {
    if (this.kept.push(kept) === 1) queueMicrotask(() => this.release());
  }

  private release(): void {
    const kept = this.kept;
    this.kept = [];
    const state = this.state;
    for (const k of kept) {
      state.seq = k.seq;
      state.cards.set(String(k.seq), new Entity({ json: k.text }));
    }
    this.broadcastPatch();
    for (const k of kept) k.client.send(SERVER_MESSAGES.ack, { commandId: k.commandId, seq: k.seq });
  }

  override onAuth(): boolean {
    return true;
  }
}

/** The durable room type of one server, on its store (one per server, as our server's). */
function durableRoomOn(store: EventStore): typeof Room<{ state: SessionRoomState }> {
  return class extends DurableRoom {
    protected override readonly store = store;
  };
}

/** A server with one baseline room type and just enough HTTP for the clients' join path (code and secret in memory). */
export function buildBaselineServer(baseline: Baseline, options: { dataDir?: string } = {}): Server {
  const byCode = new Map<string, string>();
  const bySecret = new Map<string, { sessionId: string; code: string }>();
  const store = baseline === "durable" ? new SqliteEventStore(resolve(options.dataDir ?? "data", "baseline-durable.sqlite")) : null;
  const room = store ? durableRoomOn(store) : baseline === "echo" ? EchoRoom : BroadcastRoom;
  const server = defineServer({
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
  if (store) server.onShutdown(() => store.close());
  return server;
}

if (import.meta.main) {
  const baseline = process.env.BASELINE ?? "echo";
  if (!isBaseline(baseline)) {
    console.error(`BASELINE moet ${BASELINES.join(" of ")} zijn, niet '${baseline}'.`);
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 2568);
  await buildBaselineServer(baseline, { dataDir: process.env.DATA_DIR }).listen(port, process.env.HOST ?? "127.0.0.1");
  console.log(`${baseline}-server op http://localhost:${port}`);
}
