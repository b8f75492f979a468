/**
 * One Colyseus room per session. The room only orders, persists, applies and projects: every command goes
 * through one serial queue, is parsed, checked for a re-send, decided by core, appended durably, folded into the
 * state, projected, and only then acknowledged. All meaning lives in server/core.
 */
import { Protocol, Room, ServerError, type Client } from "@colyseus/core";
import { StateView, decode } from "@colyseus/schema";
// msgpackr: the decoder Colyseus itself uses for messages (a dependency of @colyseus/core and of the SDK).
import { unpack } from "msgpackr";
import { z } from "zod";
import type { Actor } from "../core/decision.ts";
import { decide } from "../core/decide.ts";
import { evolve, replay } from "../core/evolve.ts";
import { resolveSeat } from "../core/lobby.ts";
import type { SessionState } from "../core/state.ts";
import { CommandSchema, type Command } from "#shared/protocol/commands.ts";
import type { SessionEvent, StoredEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { describeCommandError } from "#shared/protocol/dutchErrors.ts";
import { BEAMER_PAGE_MESSAGE, BeamerPageSchema, COMMAND_MESSAGE, JoinOptionsSchema, REPLAY_POSITION_MESSAGE, ReplayPositionSchema, SERVER_MESSAGES, type JoinOptions, type Rejected } from "#shared/protocol/views.ts";
import { BEAMERS_FULL, ConnectionLimiter, KeyedLimiter, MAX_BEAMERS, MESSAGE_LIMITS, NEW_SEATS, OUT_OF_MEMORY, ROOM_CAPACITY, SEAT_RESERVATION_SECONDS, TOO_MANY_NEW_SEATS, TOO_MANY_ROOMS, type MessageLimits, type RoomCapacity } from "../limits.ts";
import { hashSecret } from "../sessions.ts";
import { DAMAGED_SESSION_MESSAGE, DamagedSessionError } from "../store/integrity.ts";
import { CLOSE_CODES, DELETED_NOTICE, REMOVED_NOTICE } from "#shared/protocol/wire.ts";
import type { AppendResult, EventStore } from "../store/types.ts";
import { fitEncodeBuffers } from "./encoding.ts";
import { CLAIM_RENEW_MS, OPENING_ELSEWHERE, ROOM_ELSEWHERE_CODE, SESSION_GONE, claimSession, releaseClaim, renewClaim, roomIsFull } from "./seating.ts";
import { Projector, type Audience, type Reach } from "./projection.ts";
import { SerialQueue } from "./queue.ts";
import { SessionRoomState } from "#shared/protocol/schema.ts";

export interface RoomServices {
  store: EventStore;
  now: () => number;
  /** How long a dropped connection keeps its place before it counts as gone. */
  reconnectSeconds: number;
  /** Size and rate limits per connection; MESSAGE_LIMITS unless a test says otherwise. */
  limits?: MessageLimits;
  /** New seats per client address and session, for every room of this server (default: NEW_SEATS). */
  newSeats?: KeyedLimiter;
  /** Rooms, memory and connections this process takes on (default ROOM_CAPACITY); `open` counts its rooms. */
  capacity?: RoomCapacity & { open: number };
  /** How long a seat reservation waits for its socket (default SEAT_RESERVATION_SECONDS). */
  seatReservationSeconds?: number;
}

/** Who asked for the seat, as the server's seat route put it in the reservation (see rooms/seating.ts). */
const SeatAuthSchema = z.object({ address: z.string().max(100) });

/** What onAuth decided about a connection; kept on the client (userData) for the whole connection. */
type Identity = Audience;
const IdentitySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("participant"), participantId: z.string() }),
  z.object({ kind: z.literal("spelleider") }),
  z.object({ kind: z.literal("beamer") }),
]);

const actorFor = (identity: Identity): Actor | null =>
  identity.kind === "participant" ? { kind: "participant", participantId: identity.participantId } : identity.kind === "spelleider" ? { kind: "spelleider" } : null;

/** The commandId a message claims, to answer it by; only a string, and never longer than an id may be. */
const commandIdOf = (message: unknown): string | null =>
  typeof message === "object" && message !== null && "commandId" in message && typeof message.commandId === "string" ? message.commandId.slice(0, 64) : null;

const commandKey = (actor: Actor, commandId: string): string =>
  `${actor.kind === "participant" ? actor.participantId : actor.kind}:${commandId}`;

/** How long a dropped beamer's place is kept for its reconnect. */
const BEAMER_RECONNECT_SECONDS = 20;


export const UNREADABLE_MESSAGE = "Dit bericht kon niet worden gelezen en is niet verwerkt. Laad de pagina opnieuw als dit blijft gebeuren.";

/** Colyseus's handler of every frame a client sends. SessionRoom puts screenFrame in front of it. */
const colyseusOnMessage = Room.prototype["_onMessage"] as (this: Room, client: Client, buffer: Uint8Array) => void;

/** Whether a room-data frame decodes as Colyseus will decode it: the message type, then a msgpack payload. */
function decodable(buffer: Uint8Array): boolean {
  try {
    const it = { offset: 1 };
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset));
    return true;
  } catch {
    return false;
  }
}

/**
 * Sessions of the same scenario share one copy of it in memory (core only reads it); each session's log still holds
 * its own, so a session replays the same after the scenario file changed.
 */
const sharedScenarios = new Map<string, Scenario>();
function sharedScenario(scenario: Scenario): Scenario {
  const key = JSON.stringify(scenario);
  const known = sharedScenarios.get(key);
  if (known) return known;
  sharedScenarios.set(key, scenario);
  return scenario;
}

/** Colyseus' serializer (Room#_serializer): it encodes the state's changes once and sends them to the clients given. */
function hasApplyPatches(serializer: unknown): serializer is { applyPatches(clients: Client[], state: unknown): boolean } {
  return typeof serializer === "object" && serializer !== null && "applyPatches" in serializer && typeof serializer.applyPatches === "function";
}

/** Colyseus looks for unpatched changes this often (its default is 50 ms); see onCreate. */
const PATCH_SAFETY_NET_MS = 1_000;

type Outcome = { ok: true; seq: number } | { ok: false; code: string; message: string };

/** A command decided in the generation being formed: what it stores, and how to answer it once that is done. */
interface Staged {
  key: string | null;
  /** Who sent it: their connections always get the patch of it (see patchReached). */
  actor: Actor | null;
  events: SessionEvent[];
  /** The store's answer; null for a command that stores nothing (refused, or already applied). */
  append: Promise<AppendResult> | null;
  /** The answer if the whole generation is stored. */
  outcome: Outcome;
  settle: (outcome: Outcome) => void;
  fail: (error: unknown) => void;
}

const CONFLICT: Outcome = { ok: false, code: "conflict", message: "De sessie was net veranderd. Probeer het nog eens." };

/** Status of a refused join to a session whose stored log is damaged: a 4xx, so clients do not retry on their own. */
export const DAMAGED_SESSION_CODE = 409;

/**
 * A session whose log does not hold together is not opened at all (never half): the operator reads where it broke in
 * the server log, whoever tries to join hears in Dutch that it cannot be opened.
 */
function refusalOf(error: unknown): unknown {
  if (!(error instanceof DamagedSessionError)) return error;
  console.error(`${error.message} De sessie wordt niet geopend.`);
  return new ServerError(DAMAGED_SESSION_CODE, DAMAGED_SESSION_MESSAGE);
}

export class SessionRoom extends Room<{ state: SessionRoomState }> {
  /** Set by the app before the room is defined; see app.ts. */
  static services: RoomServices;

  private services!: RoomServices;
  /** The state of what is stored: what is projected, and what clients see. */
  private session!: SessionState;
  /** The state commands are decided on: `session` plus the generation being formed (see apply). */
  private ahead!: SessionState;
  /** The seq of the last event folded into `ahead`. */
  private lastSeq = 0;
  /** The seq of the last event folded into `session`: stored (synced) and projected. */
  private durableSeq = 0;
  /** Commands decided in this turn of the event loop, stored together (see apply). */
  private forming: Staged[] | null = null;
  /** The generation being stored; until it is stored, projected and answered, no new command is decided. */
  private writing: Promise<void> | null = null;
  private readonly applied = new Set<string>();
  private readonly queue = new SerialQueue();
  private readonly projector = new Projector();
  /** participantId -> ids of its open connections; presence is never logged. */
  private readonly connections = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set once the session is being deleted: from then on nothing is written to the store. */
  private deleting = false;
  /** Size of the message each connection sent last, noted before Colyseus decodes it (see screenFrame). */
  private readonly lastFrameBytes = new WeakMap<Client, number>();
  /** Per connection (Colyseus session id, kept across a reconnect): its message budget. */
  private readonly limiters = new Map<string, ConnectionLimiter>();
  /** Connections closed for good (flooding, removed): they may not reconnect with their old token. */
  private readonly closedForGood = new Set<string>();
  /** Each connection's identity, parsed from its userData once. */
  private readonly identities = new WeakMap<Client, Identity>();
  /** Some connections missed a patch of `seq` (see patchReached). */
  private seqBehind = false;

  override maxClients = ROOM_CAPACITY.maxClientsPerRoom;
  private maxPending = ROOM_CAPACITY.maxPendingPerRoom;
  /** The session this room holds the claim of (see seating.ts); null until onCreate got it. */
  private claimed: string | null = null;
  private claimTimer: ReturnType<typeof setInterval> | null = null;
  /** New seats per client address and session (shared by the server's rooms, so it outlives a room that closes). */
  private newSeats!: KeyedLimiter;
  /** Colyseus session ids of beamer connections, also while one waits to reconnect: at most MAX_BEAMERS. */
  private readonly beamers = new Set<string>();

  override async onCreate(options: unknown): Promise<void> {
    this.services = (this.constructor as typeof SessionRoom).services;
    const sessionId = typeof options === "object" && options !== null && "sessionId" in options ? options.sessionId : undefined;
    if (typeof sessionId !== "string" || !(await this.services.store.getSession(sessionId))) {
      throw new ServerError(404, SESSION_GONE);
    }
    const capacity = this.services.capacity;
    if (capacity) {
      if (capacity.open >= capacity.maxRooms) throw new ServerError(503, TOO_MANY_ROOMS(capacity.maxRooms));
      if (process.memoryUsage.rss() / 2 ** 20 > capacity.maxMemoryMb) throw new ServerError(503, OUT_OF_MEMORY);
      this.maxClients = capacity.maxClientsPerRoom;
      this.maxPending = capacity.maxPendingPerRoom;
    }
    // Counted before the claim is awaited, so that rooms opening at the same moment cannot all pass the check.
    if (capacity) capacity.open += 1;
    // One live room per session in the whole deployment: claimed before anything is loaded.
    const claimed = await claimSession(sessionId, this.roomId).catch((error: unknown) => {
      if (capacity) capacity.open -= 1;
      throw error;
    });
    if (!claimed) {
      if (capacity) capacity.open -= 1;
      throw new ServerError(ROOM_ELSEWHERE_CODE, OPENING_ELSEWHERE);
    }
    this.claimed = sessionId;
    try {
      this.open(await this.services.store.load(sessionId));
    } catch (error) {
      await this.releaseRoom();
      throw refusalOf(error);
    }
    this.claimTimer = setInterval(() => void this.renewClaim(), CLAIM_RENEW_MS);
    this.seatReservationTimeout = this.services.seatReservationSeconds ?? SEAT_RESERVATION_SECONDS;
    this.newSeats = this.services.newSeats ?? new KeyedLimiter(NEW_SEATS);
    this.setState(this.projector.state);
    // Patches and full states always fit the encoder's buffers, at any size of session (see encoding.ts).
    fitEncodeBuffers(this);
    // Every change is patched at once where it is made (project, presence, the terugblik position); the timer only
    // catches anything else, so 300 idle rooms do not each look for changes 20 times a second.
    this.patchRate = PATCH_SAFETY_NET_MS;
    this.project();
    this.onMessage(COMMAND_MESSAGE, (client, message) => {
      if (!this.admit(client, commandIdOf(message))) return;
      void this.queue.run(() => this.handle(client, message)).catch((error: unknown) => this.failed(client, message, error));
    });
    this.onMessage(REPLAY_POSITION_MESSAGE, (client, message) => {
      if (this.admit(client, null)) this.setReplayPosition(client, message);
    });
    this.onMessage(BEAMER_PAGE_MESSAGE, (client, message) => {
      if (this.admit(client, null)) this.setBeamerPage(client, message);
    });
    // Anything else a client sends is answered, never punished with a disconnect. (A message of type "*" arrives here
    // with its payload in the place of the type: name only what is a name.)
    this.onMessage("*", (client, type: unknown) => {
      if (!this.admit(client, null)) return;
      const name = typeof type === "string" || typeof type === "number" ? ` '${String(type).slice(0, 40)}'` : "";
      this.reply(client, { commandId: null, code: "ongeldig", message: `Onbekend soort bericht${name}. Laad de pagina opnieuw.` });
    });
    this.scheduleTimer();
  }

  /** Resolves when every command received so far has been handled. */
  async settled(): Promise<void> {
    await this.queue.idle();
    await this.writesDone();
  }

  /** Resolves once no generation is being formed or stored. */
  private async writesDone(): Promise<void> {
    while (this.forming || this.writing) {
      if (this.writing) await this.writing;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Before a session's data is deleted: every connection is told why and closed, and the room goes away. The flag is
   * set inside the command queue, so a command already being stored finishes first and every later one (commands,
   * joins, the timer) is refused: once this resolves, nothing writes to the session again.
   */
  async closeForDeletion(): Promise<void> {
    await this.queue.run(async () => {
      await this.writesDone();
      this.deleting = true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    });
    for (const client of this.clients) client.send(SERVER_MESSAGES.notice, { message: DELETED_NOTICE });
    await this.disconnect(CLOSE_CODES.deleted);
  }

  /** The live state, for tests that compare it with a replay of the log. */
  get sessionState(): SessionState {
    return this.session;
  }

  override async onAuth(client: Client, rawOptions: unknown): Promise<Identity> {
    const parsed = JoinOptionsSchema.safeParse(rawOptions);
    if (!parsed.success) throw new ServerError(400, "De gegevens om mee te doen zijn onvolledig. Laad de pagina opnieuw.");
    const options = parsed.data;
    if (options.sessionId !== this.session.sessionId) throw new ServerError(400, "Deze verbinding hoort bij een andere sessie.");
    switch (options.as) {
      case "spelleider": {
        const record = await this.services.store.getSession(this.session.sessionId);
        if (!record || record.secretHash !== hashSecret(options.secret)) throw new ServerError(403, "Deze spelleiderslink klopt niet.");
        return { kind: "spelleider" };
      }
      case "beamer":
        return { kind: "beamer" };
      case "deelnemer":
        return this.queue.run(() => this.seatFor(options, client.auth));
      default: {
        const unreachable: never = options;
        return unreachable;
      }
    }
  }

  /** The same browser gets its seat back; a new one joins through core's rules, stored before it is confirmed. */
  private async seatFor(options: Extract<JoinOptions, { as: "deelnemer" }>, auth: unknown): Promise<Identity> {
    const seat = resolveSeat(this.ahead, options.seatToken);
    if (seat.kind === "seat") return { kind: "participant", participantId: seat.participantId };
    if (seat.kind === "removed") throw new ServerError(403, REMOVED_NOTICE);
    // A new seat is made only now that the socket is here (an unused reservation makes none), and only so many per
    // address: a script cannot fill the session in one go; a class behind one NAT still gets in (limits.ts).
    const parsedAuth = SeatAuthSchema.safeParse(auth);
    const address = `${parsedAuth.success ? parsedAuth.data.address : "onbekend"} ${this.session.sessionId}`;
    if (!this.newSeats.allows(address, this.services.now())) throw new ServerError(429, TOO_MANY_NEW_SEATS);
    const input = { type: "participant.join", commandId: "join", displayName: options.displayName, realRole: options.realRole, seatToken: options.seatToken };
    const command = CommandSchema.safeParse(input);
    if (!command.success) throw new ServerError(400, describeCommandError(input, command.error));
    const outcome = await (await this.apply(command.data, { kind: "guest" }, null)).outcome;
    if (!outcome.ok) throw new ServerError(400, outcome.message);
    const joined = resolveSeat(this.session, options.seatToken);
    if (joined.kind !== "seat") throw new ServerError(500, "Je plek kon niet worden gemaakt. Probeer het opnieuw.");
    this.newSeats.spend(address, this.services.now());
    return { kind: "participant", participantId: joined.participantId };
  }

  override onJoin(client: Client, _options: unknown, identity: Identity): void {
    // Counted here, where nothing else runs in between: onAuth of two beamers can interleave.
    if (identity.kind === "beamer") {
      if (this.beamers.size >= MAX_BEAMERS) throw new ServerError(403, BEAMERS_FULL);
      this.beamers.add(client.sessionId);
    }
    client.userData = identity;
    client.view = new StateView();
    this.projector.attach(client.view, identity, this.session);
    // The full state this connection gets next holds everything its view now sees. Left pending, these grants went out
    // again with the next patch: tens of KB per join in a big session, which @colyseus/schema 5.0 decoded with an
    // entity left empty (tests/integration/bigSession.test.ts).
    client.view.changes.clear();
    this.setOnline(client, true);
  }

  override async onDrop(client: Client): Promise<void> {
    this.setOnline(client, false);
    if (this.closedForGood.has(client.sessionId)) return;
    // A beamer's place is held briefly (a Wi-Fi blip), so a reloaded beamer page does not keep one of the four for long.
    const seconds = this.beamers.has(client.sessionId) ? Math.min(BEAMER_RECONNECT_SECONDS, this.services.reconnectSeconds) : this.services.reconnectSeconds;
    try {
      await this.allowReconnection(client, seconds);
    } catch {
      // Not back in time: onLeave follows. The seat stays; they can return with the code.
    }
  }

  override onReconnect(client: Client): void {
    this.setOnline(client, true);
  }

  override onLeave(client: Client): void {
    this.beamers.delete(client.sessionId);
    this.limiters.delete(client.sessionId);
    this.closedForGood.delete(client.sessionId);
    this.setOnline(client, false);
    if (client.view) this.projector.detach(client.view);
  }

  /** Unused seat reservations keep nobody out (see seating.ts). */
  override hasReachedMaxClients(): boolean {
    return roomIsFull(this, this.maxClients, this.maxPending);
  }

  override async onDispose(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.releaseRoom();
  }

  /** Gives up the session's claim and this process's count of it (see seating.ts). */
  private async releaseRoom(): Promise<void> {
    if (this.claimTimer) clearInterval(this.claimTimer);
    this.claimTimer = null;
    const sessionId = this.claimed;
    if (sessionId === null) return;
    this.claimed = null;
    if (this.services.capacity) this.services.capacity.open -= 1;
    await releaseClaim(sessionId, this.roomId).catch((error: unknown) => console.warn(`Claim van sessie ${sessionId} kon niet worden vrijgegeven:`, error instanceof Error ? error.message : error));
  }

  /**
   * Keeps the claim alive. Lost (this process stalled longer than the claim lives, and another room took the session
   * over): everyone here is closed, so their clients join the room that holds it now.
   */
  private async renewClaim(): Promise<void> {
    const sessionId = this.claimed;
    if (sessionId === null) return;
    try {
      if (await renewClaim(sessionId, this.roomId)) return;
    } catch (error) {
      console.warn(`Claim van sessie ${sessionId} kon niet worden verlengd:`, error instanceof Error ? error.message : error);
      return;
    }
    console.warn(`Sessie ${sessionId} is overgenomen door een andere kamer; deze kamer (${this.roomId}) sluit.`);
    this.claimed = null;
    if (this.claimTimer) clearInterval(this.claimTimer);
    this.claimTimer = null;
    if (this.services.capacity) this.services.capacity.open -= 1;
    await this.disconnect();
  }

  /**
   * Every frame a client sends passes here before Colyseus reads it (see the static block below). Its size is noted
   * for the limits. Colyseus closes the connection on a message it cannot decode; here such a message is refused in
   * Dutch instead, and the connection stays.
   */
  private screenFrame(client: Client, buffer: Uint8Array): void {
    this.lastFrameBytes.set(client, buffer.byteLength);
    const code = (buffer[0] ?? 0) & 0x1f; // the protocol code; the upper bits are modifiers
    if (code === Protocol.ROOM_DATA && !decodable(buffer)) {
      if (this.admit(client, null)) this.reply(client, { commandId: null, code: "ongeldig", message: UNREADABLE_MESSAGE });
      return;
    }
    colyseusOnMessage.call(this, client, buffer);
  }

  static {
    // Colyseus binds `_onMessage` to each connection when it joins: replacing it on the prototype puts screenFrame
    // in front of every frame of every connection of this room.
    Object.defineProperty(this.prototype, "_onMessage", {
      configurable: true,
      writable: true,
      value(this: SessionRoom, client: Client, buffer: Uint8Array) {
        this.screenFrame(client, buffer);
      },
    });
  }

  /**
   * Size and rate limits, before anything else is done with a message. Too large or too many: a Dutch refusal, and the
   * connection stays. A connection that keeps on flooding after that is told why and closed. False: do not handle it.
   */
  private admit(client: Client, commandId: string | null): boolean {
    if (this.closedForGood.has(client.sessionId)) return false;
    const now = this.services.now();
    let limiter = this.limiters.get(client.sessionId);
    if (!limiter) {
      limiter = new ConnectionLimiter(this.services.limits ?? MESSAGE_LIMITS, now);
      this.limiters.set(client.sessionId, limiter);
    }
    const bytes = this.lastFrameBytes.get(client) ?? 0;
    this.lastFrameBytes.delete(client);
    const admission = limiter.admit(bytes, now);
    if (admission.ok) return true;
    if (admission.code === "overspoeld") {
      this.closedForGood.add(client.sessionId);
      client.send(SERVER_MESSAGES.notice, { message: admission.message });
      client.leave(CLOSE_CODES.flooded, "te veel berichten");
      return false;
    }
    this.reply(client, { commandId, code: admission.code, message: admission.message });
    return false;
  }

  private identityOf(client: Client): Identity | null {
    const known = this.identities.get(client);
    if (known) return known;
    const parsed = IdentitySchema.safeParse(client.userData);
    if (!parsed.success) return null;
    this.identities.set(client, parsed.data);
    return parsed.data;
  }

  private setOnline(client: Client, online: boolean): void {
    const identity = this.identityOf(client);
    if (identity?.kind !== "participant") return;
    const open = this.connections.get(identity.participantId) ?? new Set<string>();
    if (online) open.add(client.sessionId);
    else open.delete(client.sessionId);
    if (open.size === 0) this.connections.delete(identity.participantId);
    else this.connections.set(identity.participantId, open);
    // Presence changes only the seat, the person entry and the online count.
    this.projector.syncPresence(this.session, new Set(this.connections.keys()), this.durableSeq, identity.participantId);
    this.broadcastPatch();
  }

  /** The spelleider's place in the terugblik, shared with the beamer. Presentation only: not a command, not logged. */
  private setReplayPosition(client: Client, message: unknown): void {
    if (this.identityOf(client)?.kind !== "spelleider") {
      this.reply(client, { commandId: null, code: "niet_toegestaan", message: "Alleen de spelleider bepaalt wat de terugblik laat zien." });
      return;
    }
    const parsed = ReplayPositionSchema.safeParse(message);
    if (!parsed.success) {
      this.reply(client, { commandId: null, code: "ongeldig", message: "Geef de positie in de terugblik op als een heel getal (0 = terugblik uit)." });
      return;
    }
    this.state.replaySeq = Math.min(parsed.data.seq, this.durableSeq);
    this.broadcastPatch();
  }

  /** The page the spelleider chose for the beamer's long list. Presentation only: not a command, not logged. */
  private setBeamerPage(client: Client, message: unknown): void {
    if (this.identityOf(client)?.kind !== "spelleider") {
      this.reply(client, { commandId: null, code: "niet_toegestaan", message: "Alleen de spelleider kiest de pagina op de beamer." });
      return;
    }
    const parsed = BeamerPageSchema.safeParse(message);
    if (!parsed.success) {
      this.reply(client, { commandId: null, code: "ongeldig", message: "Geef de pagina op de beamer op als een heel getal vanaf 0, met het bord waarvoor hij geldt." });
      return;
    }
    this.state.beamerPage = JSON.stringify(parsed.data);
    this.broadcastPatch();
  }

  private async handle(client: Client, message: unknown): Promise<void> {
    const identity = this.identityOf(client);
    const actor = identity ? actorFor(identity) : null;
    const commandId = commandIdOf(message);
    if (!actor) {
      this.reply(client, { commandId, code: "niet_toegestaan", message: "Het beamerscherm kan alleen kijken, niet meespelen." });
      return;
    }
    const parsed = CommandSchema.safeParse(message);
    if (!parsed.success) {
      this.reply(client, { commandId, code: "ongeldig", message: describeCommandError(message, parsed.error) });
      return;
    }
    const { outcome } = await this.apply(parsed.data, actor, commandKey(actor, parsed.data.commandId));
    // Answered when its generation is stored and projected; meanwhile the queue goes on with the next command.
    void outcome.then(
      (result) => {
        if (result.ok) client.send(SERVER_MESSAGES.ack, { commandId: parsed.data.commandId, seq: result.seq });
        else this.reply(client, { commandId: parsed.data.commandId, code: result.code, message: result.message });
      },
      (error: unknown) => this.failed(client, message, error),
    );
  }

  /**
   * Decide, store, apply, project, answer. Must run inside the queue.
   *
   * Commands that arrive while a generation is being stored wait for it, and are then decided one after another in
   * the same turn of the event loop, each on the state the previous one left (`ahead`), and their appends go to the
   * store together (one sync, shared with the other rooms: see store/sqlite.ts). Once all of them are stored, they are
   * folded into the state clients see, projected once and patched once, and only then answered: clients never see
   * anything that is not stored. A busy room needs one sync, one projection (one set of duplicate suggestions) and one
   * patch per connection per generation instead of one per command, so the busier it gets, the less each command
   * costs; a quiet room's generations hold one command. If an append fails, nothing of it or of the commands after it
   * is kept: both states are rebuilt from the log and those commands are refused. A command seen before is not applied
   * again (the SDK re-sends after a reconnect), but acknowledged again.
   */
  private async apply(command: Command, actor: Actor, key: string | null): Promise<{ outcome: Promise<Outcome> }> {
    while (this.writing) await this.writing;
    if (this.deleting) return this.answer({ ok: false, code: "verwijderd", message: DELETED_NOTICE });
    if (key && this.applied.has(key)) return this.answer({ ok: true, seq: 0 });
    const decision = decide(this.ahead, command, actor, this.services.now(), new Set(this.connections.keys()));
    if (!decision.ok) return this.answer(decision);
    const append = this.services.store.append(this.session.sessionId, this.lastSeq, key, decision.events);
    // Handled when the generation is done; this keeps an early refusal (an invalid event) from counting as unhandled.
    append.catch(() => undefined);
    for (const event of decision.events) evolve(this.ahead, event);
    this.lastSeq += decision.events.length;
    if (key) this.applied.add(key);
    return this.answer({ ok: true, seq: 0 }, { key, actor, events: decision.events, append });
  }

  /** The answer comes when the generation being formed is done; at once when there is none and nothing to store. */
  private answer(outcome: Outcome, write?: { key: string | null; actor: Actor; events: SessionEvent[]; append: Promise<AppendResult> }): { outcome: Promise<Outcome> } {
    if (!write && !this.forming) return { outcome: Promise.resolve(outcome.ok ? { ok: true, seq: this.durableSeq } : outcome) };
    if (!this.forming) {
      this.forming = [];
      // Everything decided in this turn joins the generation; it is closed once the turn is over.
      setImmediate(() => this.closeGeneration());
    }
    let settle: (outcome: Outcome) => void = () => {};
    let fail: (error: unknown) => void = () => {};
    const promise = new Promise<Outcome>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.forming.push({ key: write?.key ?? null, actor: write?.actor ?? null, events: write?.events ?? [], append: write?.append ?? null, outcome, settle, fail });
    return { outcome: promise };
  }

  /** Holds back this room's socket writes until the returned function is called, so they leave in one syscall. */
  private corkSockets(): () => void {
    const sockets: { cork(): void; uncork(): void }[] = [];
    for (const client of this.clients) {
      const socket: unknown = (client.ref as { _socket?: unknown } | undefined)?._socket;
      if (typeof socket === "object" && socket !== null && "cork" in socket && "uncork" in socket && typeof socket.cork === "function" && typeof socket.uncork === "function") {
        socket.cork();
        sockets.push(socket as { cork(): void; uncork(): void });
      }
    }
    return () => {
      for (const socket of sockets) socket.uncork();
    };
  }

  private closeGeneration(): void {
    const batch = this.forming;
    this.forming = null;
    if (!batch) return;
    this.writing = this.finish(batch).finally(() => {
      this.writing = null;
    });
  }

  private async finish(batch: Staged[]): Promise<void> {
    try {
      const results = await Promise.allSettled(batch.map((s) => s.append ?? Promise.resolve(null)));
      const failedAt = results.findIndex((r) => r.status === "rejected" || (r.value !== null && !r.value.ok));
      const stored = failedAt === -1 ? batch : batch.slice(0, failedAt);
      // The whole generation is folded in and projected once: one patch per connection, then every answer (each with
      // the seq its own events end at), in one socket write per connection.
      const uncork = this.corkSockets();
      const applied: SessionEvent[] = [];
      const actors: Actor[] = [];
      const answers: Outcome[] = stored.map((s, k) => {
        const result = results[k];
        if (result?.status !== "fulfilled" || !result.value?.ok) return s.outcome.ok ? { ok: true, seq: this.durableSeq } : s.outcome;
        for (const event of s.events) evolve(this.session, event);
        applied.push(...s.events);
        if (s.actor) actors.push(s.actor);
        this.durableSeq = result.value.lastSeq;
        return s.outcome.ok ? { ok: true, seq: result.value.lastSeq } : s.outcome;
      });
      if (applied.length > 0) {
        this.project(applied, actors);
        for (const event of applied) if (event.type === "ParticipantRemoved") this.closeSeat(event.participantId);
      }
      stored.forEach((s, k) => s.settle(answers[k] ?? s.outcome));
      // Answers go out from the promises' callbacks (microtasks): release the sockets after those have run.
      queueMicrotask(() => setImmediate(uncork));
      if (failedAt !== -1) {
        // `ahead` holds events that were not stored. (A conflict means another process wrote to this session.)
        const lost = batch.slice(failedAt);
        for (const s of lost) if (s.append && s.key) this.applied.delete(s.key);
        await this.reload();
        const first = results[failedAt];
        lost.forEach((s, k) => (k === 0 && first?.status === "rejected" ? s.fail(first.reason) : s.settle(CONFLICT)));
      }
      this.scheduleTimer();
    } catch (error) {
      // Rebuilding failed too (the disk is gone): refuse what still waits, so nobody hangs.
      for (const s of batch) s.fail(error);
      // After the refusals above have gone out (they are sent from the promises' callbacks).
      if (error instanceof DamagedSessionError) setImmediate(() => void this.closeDamaged(error));
    }
  }

  /**
   * The stored log turned out damaged while the room was open (an append found the log not ending where it was left,
   * and reading it back failed): nothing more is written, everyone hears why, and the room closes. A client that
   * tries to come back is refused by onCreate with the same message.
   */
  private async closeDamaged(error: DamagedSessionError): Promise<void> {
    if (this.deleting) return;
    this.deleting = true;
    console.error(`${error.message} De kamer wordt gesloten.`);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const client of this.clients) client.send(SERVER_MESSAGES.notice, { message: DAMAGED_SESSION_MESSAGE });
    await this.disconnect(CLOSE_CODES.damaged);
  }

  /** A removed participant's open connections are told why and closed; their seat token no longer works. */
  private closeSeat(participantId: string): void {
    for (const client of this.clients) {
      const identity = this.identityOf(client);
      if (identity?.kind !== "participant" || identity.participantId !== participantId) continue;
      client.send(SERVER_MESSAGES.notice, { message: REMOVED_NOTICE });
      this.closedForGood.add(client.sessionId);
      client.leave(CLOSE_CODES.removed, "verwijderd");
    }
  }

  /** Both states from the stored log (a restart replays it; commands already applied are known by their keys). */
  private open(stored: readonly StoredEvent[]): void {
    const events = stored.map((s) => s.event);
    const [created] = events;
    if (created?.type === "SessionCreated") events[0] = { ...created, scenario: sharedScenario(created.scenario) };
    this.session = replay(events);
    this.ahead = replay(events);
    this.lastSeq = stored.at(-1)?.seq ?? 0;
    this.durableSeq = this.lastSeq;
    for (const s of stored) if (s.commandKey) this.applied.add(s.commandKey);
  }

  private async reload(): Promise<void> {
    this.open(await this.services.store.load(this.session.sessionId));
    this.project();
  }

  /** Projects the state; with the events just applied, only what they can change (see projection.ts). */
  private project(events?: readonly SessionEvent[], actors: readonly Actor[] = []): void {
    const reach = this.projector.sync(this.session, new Set(this.connections.keys()), this.durableSeq, events);
    // Patch now, so the change reaches clients before (not after) the ack that follows.
    if (reach.everyone) this.broadcastPatch();
    else this.patchReached(reach, actors);
  }

  /**
   * Patches only the connections a projection changed something for, and the sender's own (for `seq`). Writing a
   * draft or moving points changes nothing the other phones show: sending them a patch of `seq` alone made every
   * command cost a socket write per connection of the session, on the server and on every phone. The others get the
   * new `seq` with their next patch, at the latest within a second (onBeforePatch, Colyseus' patch timer).
   */
  private patchReached(reach: Extract<Reach, { everyone: false }>, actors: readonly Actor[]): void {
    const serializer: unknown = this["_serializer"];
    if (!hasApplyPatches(serializer)) {
      this.broadcastPatch();
      return;
    }
    const targets = this.clients.filter((client) => {
      // A connection with anything of its own waiting (a grant) gets it now, whatever the projection said.
      if ((client.view?.changes.size ?? 0) > 0) return true;
      const identity = this.identityOf(client);
      if (identity?.kind === "participant") return reach.participants.has(identity.participantId) || actors.some((a) => a.kind === "participant" && a.participantId === identity.participantId);
      if (identity?.kind === "beamer") return reach.beamer;
      return identity?.kind === "spelleider" && (reach.spelleider || actors.some((a) => a.kind === "spelleider"));
    });
    if (targets.length < this.clients.length) this.seqBehind = true;
    serializer.applyPatches(targets, this.state);
  }

  /** Before every patch to everyone (ours, or Colyseus' timer): bring connections that missed a `seq` up to date. */
  override onBeforePatch(): void {
    if (!this.seqBehind) return;
    this.seqBehind = false;
    // Marks `seq` as changed (the schema skips a write of the same value), so the patch carries it to everyone.
    const seq = this.state.seq;
    this.state.seq = -1;
    this.state.seq = seq;
  }

  /**
   * A command that could not be handled at all (the disk refused the write, or a bug): nothing of it was kept, because
   * a failed append rebuilds the state from the log (see finish). Say so in Dutch and keep the participant connected.
   */
  private failed(client: Client, message: unknown, error: unknown): void {
    console.error(`Opdracht in sessie ${this.session.sessionId} mislukt:`, error);
    const commandId = commandIdOf(message);
    this.reply(client, { commandId, code: "serverfout", message: "Je werk kon niet worden opgeslagen. Er is niets veranderd; probeer het zo nog eens." });
  }

  private reply(client: Client, rejected: Rejected): void {
    client.send(SERVER_MESSAGES.rejected, rejected);
  }

  /** Timers are deadlines in the log; at the deadline the room asks core what running out means. */
  private scheduleTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { deadline, expiredPhaseIndex, phaseIndex } = this.session;
    if (deadline === null || expiredPhaseIndex === phaseIndex) return;
    const delay = Math.max(0, deadline - this.services.now());
    this.timer = setTimeout(() => {
      const key = `timer-${phaseIndex}-${deadline}`;
      const failed = (error: unknown) => console.error(`Timer van sessie ${this.session.sessionId} kon niet aflopen:`, error);
      void this.queue
        .run(async () => {
          const { outcome } = await this.apply({ type: "timer.expire", commandId: key }, { kind: "system" }, `system:${key}`);
          outcome.catch(failed);
        })
        .catch(failed);
    }, Math.min(delay, 2 ** 31 - 1));
  }
}
