/**
 * One Colyseus room per session. The room only orders, persists, applies and projects: every command goes
 * through one serial queue, is parsed, checked for a re-send, decided by core, appended durably, folded into the
 * state, projected, and only then acknowledged. All meaning lives in server/core.
 */
import { Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { z } from "zod";
import type { Actor } from "../core/decision.ts";
import { decide } from "../core/decide.ts";
import { evolve, replay } from "../core/evolve.ts";
import { resolveSeat } from "../core/lobby.ts";
import type { SessionState } from "../core/state.ts";
import { CommandSchema, type Command } from "../protocol/commands.ts";
import { describeCommandError } from "../protocol/dutchErrors.ts";
import { COMMAND_MESSAGE, JoinOptionsSchema, REPLAY_POSITION_MESSAGE, ReplayPositionSchema, SERVER_MESSAGES, type JoinOptions, type Rejected } from "../protocol/views.ts";
import { hashSecret } from "../sessions.ts";
import type { EventStore } from "../store/types.ts";
import { Projector, type Audience } from "./projection.ts";
import { SerialQueue } from "./queue.ts";
import { SessionRoomState } from "./schema.ts";

export interface RoomServices {
  store: EventStore;
  now: () => number;
  /** How long a dropped connection keeps its place before it counts as gone. */
  reconnectSeconds: number;
}

/** What onAuth decided about a connection; kept on the client (userData) for the whole connection. */
type Identity = Audience;
const IdentitySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("participant"), participantId: z.string() }),
  z.object({ kind: z.literal("spelleider") }),
  z.object({ kind: z.literal("beamer") }),
]);

const actorFor = (identity: Identity): Actor | null =>
  identity.kind === "participant" ? { kind: "participant", participantId: identity.participantId } : identity.kind === "spelleider" ? { kind: "spelleider" } : null;

const commandKey = (actor: Actor, commandId: string): string =>
  `${actor.kind === "participant" ? actor.participantId : actor.kind}:${commandId}`;

/** Close code for a participant the spelleider removed (4000-4999 is ours; the client does not rejoin). */
export const REMOVED_CLOSE_CODE = 4403;
/** Close code for everyone in a session the spelleider deleted (like HTTP 410 Gone); the client does not rejoin. */
export const DELETED_CLOSE_CODE = 4410;
export const DELETED_NOTICE = "De spelleider heeft deze sessie verwijderd.";

type Outcome = { ok: true } | { ok: false; code: string; message: string };

export class SessionRoom extends Room<{ state: SessionRoomState }> {
  /** Set by the app before the room is defined; see app.ts. */
  static services: RoomServices;

  private services!: RoomServices;
  private session!: SessionState;
  private lastSeq = 0;
  private readonly applied = new Set<string>();
  private readonly queue = new SerialQueue();
  private readonly projector = new Projector();
  /** participantId -> ids of its open connections; presence is never logged. */
  private readonly connections = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set once the session is being deleted: from then on nothing is written to the store. */
  private deleting = false;

  override maxClients = 250;

  override async onCreate(options: unknown): Promise<void> {
    this.services = (this.constructor as typeof SessionRoom).services;
    const sessionId = typeof options === "object" && options !== null && "sessionId" in options ? options.sessionId : undefined;
    if (typeof sessionId !== "string" || !(await this.services.store.getSession(sessionId))) {
      throw new ServerError(404, "Deze sessie bestaat niet (meer). Controleer de code of de link.");
    }
    const stored = await this.services.store.load(sessionId);
    this.session = replay(stored.map((s) => s.event));
    this.lastSeq = stored.at(-1)?.seq ?? 0;
    for (const s of stored) if (s.commandKey) this.applied.add(s.commandKey);
    this.setState(this.projector.state);
    this.project();
    this.onMessage(COMMAND_MESSAGE, (client, message) => {
      void this.queue.run(() => this.handle(client, message)).catch((error: unknown) => this.failed(client, message, error));
    });
    this.onMessage(REPLAY_POSITION_MESSAGE, (client, message) => this.setReplayPosition(client, message));
    // Anything else a client sends is answered, never punished with a disconnect.
    this.onMessage("*", (client, type) => {
      this.reply(client, { commandId: null, code: "ongeldig", message: `Onbekend soort bericht '${String(type).slice(0, 40)}'. Laad de pagina opnieuw.` });
    });
    this.scheduleTimer();
  }

  /** Resolves when every command received so far has been handled. */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Before a session's data is deleted: every connection is told why and closed, and the room goes away. The flag is
   * set inside the command queue, so a command already being stored finishes first and every later one (commands,
   * joins, the timer) is refused: once this resolves, nothing writes to the session again.
   */
  async closeForDeletion(): Promise<void> {
    await this.queue.run(() => {
      this.deleting = true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    });
    for (const client of this.clients) client.send(SERVER_MESSAGES.notice, { message: DELETED_NOTICE });
    await this.disconnect(DELETED_CLOSE_CODE);
  }

  /** The live state, for tests that compare it with a replay of the log. */
  get sessionState(): SessionState {
    return this.session;
  }

  override async onAuth(_client: Client, rawOptions: unknown): Promise<Identity> {
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
        return this.queue.run(() => this.seatFor(options));
      default: {
        const unreachable: never = options;
        return unreachable;
      }
    }
  }

  /** The same browser gets its seat back; a new one joins through core's rules, stored before it is confirmed. */
  private async seatFor(options: Extract<JoinOptions, { as: "deelnemer" }>): Promise<Identity> {
    const seat = resolveSeat(this.session, options.seatToken);
    if (seat.kind === "seat") return { kind: "participant", participantId: seat.participantId };
    if (seat.kind === "removed") throw new ServerError(403, "De spelleider heeft je uit deze sessie gehaald.");
    const input = { type: "participant.join", commandId: "join", displayName: options.displayName, realRole: options.realRole, seatToken: options.seatToken };
    const command = CommandSchema.safeParse(input);
    if (!command.success) throw new ServerError(400, describeCommandError(input, command.error));
    const outcome = await this.apply(command.data, { kind: "guest" }, null);
    if (!outcome.ok) throw new ServerError(400, outcome.message);
    const joined = resolveSeat(this.session, options.seatToken);
    if (joined.kind !== "seat") throw new ServerError(500, "Je plek kon niet worden gemaakt. Probeer het opnieuw.");
    return { kind: "participant", participantId: joined.participantId };
  }

  override onJoin(client: Client, _options: unknown, identity: Identity): void {
    client.userData = identity;
    client.view = new StateView();
    this.projector.attach(client.view, identity, this.session);
    this.setOnline(client, true);
  }

  override async onDrop(client: Client): Promise<void> {
    this.setOnline(client, false);
    try {
      await this.allowReconnection(client, this.services.reconnectSeconds);
    } catch {
      // Not back in time: onLeave follows. The seat stays; they can return with the code.
    }
  }

  override onReconnect(client: Client): void {
    this.setOnline(client, true);
  }

  override onLeave(client: Client): void {
    this.setOnline(client, false);
    if (client.view) this.projector.detach(client.view);
  }

  override onDispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private identityOf(client: Client): Identity | null {
    const parsed = IdentitySchema.safeParse(client.userData);
    return parsed.success ? parsed.data : null;
  }

  private setOnline(client: Client, online: boolean): void {
    const identity = this.identityOf(client);
    if (identity?.kind !== "participant") return;
    const open = this.connections.get(identity.participantId) ?? new Set<string>();
    if (online) open.add(client.sessionId);
    else open.delete(client.sessionId);
    if (open.size === 0) this.connections.delete(identity.participantId);
    else this.connections.set(identity.participantId, open);
    this.project();
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
    this.state.replaySeq = Math.min(parsed.data.seq, this.lastSeq);
  }

  private async handle(client: Client, message: unknown): Promise<void> {
    const identity = this.identityOf(client);
    const actor = identity ? actorFor(identity) : null;
    const commandId = typeof message === "object" && message !== null && "commandId" in message && typeof message.commandId === "string" ? message.commandId.slice(0, 64) : null;
    if (!actor) {
      this.reply(client, { commandId, code: "niet_toegestaan", message: "Het beamerscherm kan alleen kijken, niet meespelen." });
      return;
    }
    const parsed = CommandSchema.safeParse(message);
    if (!parsed.success) {
      this.reply(client, { commandId, code: "ongeldig", message: describeCommandError(message, parsed.error) });
      return;
    }
    const outcome = await this.apply(parsed.data, actor, commandKey(actor, parsed.data.commandId));
    if (outcome.ok) client.send(SERVER_MESSAGES.ack, { commandId: parsed.data.commandId, seq: this.lastSeq });
    else this.reply(client, { commandId: parsed.data.commandId, code: outcome.code, message: outcome.message });
  }

  /**
   * Decide, persist, apply, project. A command seen before is not applied again (the SDK re-sends after a
   * reconnect). Must run inside the queue.
   */
  private async apply(command: Command, actor: Actor, key: string | null): Promise<Outcome> {
    if (this.deleting) return { ok: false, code: "verwijderd", message: DELETED_NOTICE };
    if (key && this.applied.has(key)) return { ok: true };
    const decision = decide(this.session, command, actor, this.services.now());
    if (!decision.ok) return decision;
    const appended = await this.services.store.append(this.session.sessionId, this.lastSeq, key, decision.events);
    if (!appended.ok) {
      // Another process wrote to this session: our state is stale. Reload rather than guess.
      await this.reload();
      return { ok: false, code: "conflict", message: "De sessie was net veranderd. Probeer het nog eens." };
    }
    this.lastSeq = appended.lastSeq;
    if (key) this.applied.add(key);
    for (const event of decision.events) evolve(this.session, event);
    this.project();
    this.scheduleTimer();
    for (const event of decision.events) if (event.type === "ParticipantRemoved") this.closeSeat(event.participantId);
    return { ok: true };
  }

  /** A removed participant's open connections are told why and closed; their seat token no longer works. */
  private closeSeat(participantId: string): void {
    for (const client of this.clients) {
      const identity = this.identityOf(client);
      if (identity?.kind !== "participant" || identity.participantId !== participantId) continue;
      client.send(SERVER_MESSAGES.notice, { message: "De spelleider heeft je uit deze sessie gehaald." });
      client.leave(REMOVED_CLOSE_CODE, "verwijderd");
    }
  }

  private async reload(): Promise<void> {
    const stored = await this.services.store.load(this.session.sessionId);
    this.session = replay(stored.map((s) => s.event));
    this.lastSeq = stored.at(-1)?.seq ?? 0;
    for (const s of stored) if (s.commandKey) this.applied.add(s.commandKey);
    this.project();
  }

  private project(): void {
    this.projector.sync(this.session, new Set(this.connections.keys()), this.lastSeq);
    // Patch now, so the change reaches clients before (not after) the ack that follows.
    this.broadcastPatch();
  }

  /**
   * A command that could not be handled at all (the disk refused the write, or a bug): nothing was applied, because
   * the state changes only after a successful append. Say so in Dutch and keep the participant connected.
   */
  private failed(client: Client, message: unknown, error: unknown): void {
    console.error(`Opdracht in sessie ${this.session.sessionId} mislukt:`, error);
    const commandId = typeof message === "object" && message !== null && "commandId" in message && typeof message.commandId === "string" ? message.commandId.slice(0, 64) : null;
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
      void this.queue
        .run(() => this.apply({ type: "timer.expire", commandId: key }, { kind: "system" }, `system:${key}`))
        .catch((error: unknown) => console.error(`Timer van sessie ${this.session.sessionId} kon niet aflopen:`, error));
    }, Math.min(delay, 2 ** 31 - 1));
  }
}
