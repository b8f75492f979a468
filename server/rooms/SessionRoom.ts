/**
 * One Colyseus room per session: a lifecycle shell. Commands go through the session's CommandPipeline (pipeline.ts:
 * parse, re-send check, decide, append, fold, project, ack); who is connected is seats.ts, the limits screening.ts,
 * the session's claim claim.ts, and every reach into Colyseus' internals colyseus.ts. All meaning lives in server/core.
 */
import { Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { SessionState } from "../core/state.ts";
import type { SessionRoomState } from "#shared/protocol/schema.ts";
import { BEAMER_PAGE_MESSAGE, CLOCK_MESSAGE, COMMAND_MESSAGE, REPLAY_POSITION_MESSAGE, SERVER_MESSAGES } from "#shared/protocol/views.ts";
import { CLOSE_CODES, DAMAGED_SESSION_NOTICE, DELETED_NOTICE, REMOVED_NOTICE, SESSION_GONE, UNKNOWN_MESSAGE, UNREADABLE_MESSAGE } from "#shared/protocol/wire.ts";
import { KeyedLimiter, MESSAGE_LIMITS, NEW_SEATS, ROOM_CAPACITY, SEAT_RESERVATION_SECONDS } from "../limits.ts";
import { DamagedSessionError } from "../store/integrity.ts";
import { RoomClaim } from "./claim.ts";
import { fitEncodeBuffers, screenFrames } from "./colyseus.ts";
import { clockAnswer, setBeamerPage, setReplayPosition } from "./controls.ts";
import { CommandPipeline, commandIdOf, type Connection, type PipelineHost } from "./pipeline.ts";
import { Patcher, SEQ_CATCH_UP_MS } from "./patching.ts";
import type { RoomServices } from "./roomServices.ts";
import type { Audience } from "./projection.ts";
import { ConnectionScreen } from "./screening.ts";
import { Seats } from "./seats.ts";
import { roomIsFull } from "./seating.ts";

/** How long a dropped beamer's place is kept for its reconnect. */
const BEAMER_RECONNECT_SECONDS = 20;
/** Colyseus looks for unpatched changes this often (its default is 50 ms); see onCreate. */
const PATCH_SAFETY_NET_MS = 1_000;

export class SessionRoom extends Room<{ state: SessionRoomState }> {
  /** Set by the app before the room is defined; see app.ts. */
  static services: RoomServices;

  private services!: RoomServices;
  private pipeline!: CommandPipeline;
  private seats!: Seats;
  private screen!: ConnectionScreen;
  private claim: RoomClaim | null = null;
  /** A field, not set in onCreate: Colyseus patches (onBeforePatch) also a room whose onCreate failed. */
  private readonly patcher = new Patcher(
    this,
    (client) => this.seats.audienceOf(client),
    () => this.services.seqCatchUpMs ?? SEQ_CATCH_UP_MS,
  );
  override maxClients = ROOM_CAPACITY.maxClientsPerRoom;
  private maxPending = ROOM_CAPACITY.maxPendingPerRoom;

  static {
    // Every frame passes the screen: its size for the limits; a message is decoded once and comes to `receive`, and an
    // unreadable frame is answered in Dutch instead of closing the connection.
    screenFrames(this, (room) => ({
      noted: (client, bytes) => room.screen.noted(client, bytes),
      unreadable: (client) => {
        if (room.screen.admit(client, null)) client.send(SERVER_MESSAGES.rejected, { commandId: null, code: "ongeldig", message: UNREADABLE_MESSAGE });
      },
      received: (client, type, message) => room.receive(client, type, message),
    }));
  }

  override async onCreate(options: unknown): Promise<void> {
    const services = (this.services = (this.constructor as typeof SessionRoom).services);
    const sessionId = typeof options === "object" && options !== null && "sessionId" in options ? options.sessionId : undefined;
    if (typeof sessionId !== "string" || !(await services.store.getSession(sessionId))) throw new ServerError(404, SESSION_GONE);
    this.maxClients = services.capacity?.maxClientsPerRoom ?? this.maxClients;
    this.maxPending = services.capacity?.maxPendingPerRoom ?? this.maxPending;
    // One live room per session in the whole deployment: claimed before anything is loaded.
    const claim = (this.claim = await RoomClaim.take(sessionId, this.roomId, services.capacity));
    const host: PipelineHost = {
      store: services.store,
      now: services.now,
      online: () => this.seats.online(),
      patch: (reach, senders) => this.patcher.patch(reach, senders),
      cork: () => this.patcher.holdWrites(),
      stored: (events) => {
        for (const event of events) if (event.type === "ParticipantRemoved") this.closeSeat(event.participantId);
      },
      damaged: (error: DamagedSessionError) => void this.closeDamaged(error),
    };
    this.pipeline = await claim.opening(() => CommandPipeline.open(host, sessionId));
    claim.keepAlive(() => this.disconnect());
    this.seats = new Seats(this.pipeline, { store: services.store, now: services.now, newSeats: services.newSeats ?? new KeyedLimiter(NEW_SEATS) });
    this.screen = new ConnectionScreen(services.limits ?? MESSAGE_LIMITS, services.now);
    this.seatReservationTimeout = services.seatReservationSeconds ?? SEAT_RESERVATION_SECONDS;
    this.setState(this.pipeline.projector.state);
    // Patches and full states always fit the encoder's buffers, at any size of session (see colyseus.ts).
    fitEncodeBuffers(this);
    // Every change is patched at once where it is made (commands, presence, the terugblik position); the timer only
    // catches anything else, so 300 idle rooms do not each look for changes 20 times a second.
    this.patchRate = PATCH_SAFETY_NET_MS;
    this.pipeline.start();
    // Frames of other kinds that carry a message (raw bytes) still go through Colyseus' dispatch: to the same place.
    this.onMessage("*", (client, type: unknown, message: unknown) => this.receive(client, typeof type === "number" ? type : String(type), message));
  }

  /** A message from a client (see screenFrames). Anything else a client sends is answered, never punished with a disconnect. */
  private receive(client: Client, type: string | number, message: unknown): void {
    if (!this.screen.admit(client, type === COMMAND_MESSAGE ? commandIdOf(message) : null)) return;
    if (type === COMMAND_MESSAGE) this.pipeline.receive(this.connection(client), message);
    else if (type === REPLAY_POSITION_MESSAGE) this.answer(client, setReplayPosition(this.state, this.seats.audienceOf(client), message, this.pipeline.seq));
    else if (type === BEAMER_PAGE_MESSAGE) this.answer(client, setBeamerPage(this.state, this.seats.audienceOf(client), message));
    else if (type === CLOCK_MESSAGE) {
      const [answer, payload] = clockAnswer(message, this.services.now());
      client.send(answer, payload);
    }
    else client.send(SERVER_MESSAGES.rejected, { commandId: null, code: "ongeldig", message: UNKNOWN_MESSAGE(String(type).slice(0, 40)) });
  }

  /** A presentation change was made (patched to everyone), or refused in Dutch. */
  private answer(client: Client, refusal: ReturnType<typeof setBeamerPage>): void {
    if (refusal) client.send(SERVER_MESSAGES.rejected, refusal);
    else this.broadcastPatch();
  }

  private connection(client: Client): Connection {
    return { audience: this.seats.audienceOf(client), send: (type, message) => client.send(type, message) };
  }

  /** Resolves when every command received so far has been handled. */
  settled(): Promise<void> {
    return this.pipeline.settled();
  }

  /** The live state, for tests that compare it with a replay of the log. */
  get sessionState(): SessionState {
    return this.pipeline.session;
  }

  /** Before a session's data is deleted: commands stop (the one being stored finishes), everyone is told and closed. */
  async closeForDeletion(): Promise<void> {
    await this.pipeline.stop();
    await this.closeAll(DELETED_NOTICE, CLOSE_CODES.deleted);
  }

  /** The log turned out damaged while open: nothing more is written, everyone hears why (onCreate refuses them after). */
  private async closeDamaged(error: DamagedSessionError): Promise<void> {
    if (this.pipeline.halted) return;
    this.pipeline.halt();
    console.error(`${error.message} De kamer wordt gesloten.`);
    await this.closeAll(DAMAGED_SESSION_NOTICE, CLOSE_CODES.damaged);
  }

  private async closeAll(notice: string, code: number): Promise<void> {
    for (const client of this.clients) client.send(SERVER_MESSAGES.notice, { message: notice });
    await this.disconnect(code);
  }

  /** A removed participant's open connections are told why and closed; their seat token no longer works. */
  private closeSeat(participantId: string): void {
    for (const client of this.clients) {
      const audience = this.seats.audienceOf(client);
      if (audience?.kind === "participant" && audience.participantId === participantId) this.screen.closeForGood(client, REMOVED_NOTICE, CLOSE_CODES.removed, "verwijderd");
    }
  }

  override onAuth(client: Client, options: unknown): Promise<Audience> {
    return this.seats.authorize(options, client.auth);
  }

  override onJoin(client: Client, _options: unknown, audience: Audience): void {
    this.seats.joined(client, audience);
    client.view = new StateView();
    this.pipeline.projector.attach(client.view, audience, this.pipeline.session);
    // The full state this connection gets next holds everything its view now sees. Left pending, these grants went out
    // again with the next patch: tens of KB per join in a big session (tests/integration/bigSession.test.ts).
    client.view.changes.clear();
    this.seats.setOnline(client, true);
  }

  override async onDrop(client: Client): Promise<void> {
    this.seats.setOnline(client, false);
    if (this.screen.isClosedForGood(client)) return;
    // A beamer's place is held briefly (a Wi-Fi blip), so a reloaded beamer page does not keep one of the four for long.
    const seconds = this.seats.isBeamer(client) ? Math.min(BEAMER_RECONNECT_SECONDS, this.services.reconnectSeconds) : this.services.reconnectSeconds;
    await this.allowReconnection(client, seconds).catch(() => undefined); // not back in time: onLeave follows
  }

  override onReconnect(client: Client): void {
    this.seats.setOnline(client, true);
  }

  override onLeave(client: Client): void {
    this.screen.forget(client);
    this.seats.left(client);
    if (client.view) this.pipeline.projector.detach(client.view);
  }

  /** Unused seat reservations keep nobody out (see seating.ts). */
  override hasReachedMaxClients(): boolean {
    return roomIsFull(this, this.maxClients, this.maxPending);
  }

  override async onDispose(): Promise<void> {
    this.pipeline?.halt();
    await this.claim?.release();
  }

  override onBeforePatch(): void {
    this.patcher.beforePatch();
  }
}
