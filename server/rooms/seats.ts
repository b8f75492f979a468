/**
 * Who is connected to a session's room: what onAuth decides about a connection (spelleider, beamer, or a participant's
 * seat, made through core's rules and stored before it is confirmed), which participants are online (presence is
 * never logged), and how many beamers hold a place.
 */
import { ServerError } from "@colyseus/core";
import { z } from "zod";
import { resolveSeat } from "../core/lobby.ts";
import { CommandSchema } from "#shared/protocol/commands.ts";
import { describeCommandError } from "#shared/protocol/dutchErrors.ts";
import { JoinOptionsSchema, type JoinOptions } from "#shared/protocol/views.ts";
import { JOIN_OPTIONS_INCOMPLETE, OTHER_SESSION, REMOVED_NOTICE, SEAT_NOT_MADE, WRONG_SPELLEIDER_LINK } from "#shared/protocol/wire.ts";
import { BEAMERS_FULL, MAX_BEAMERS, TOO_MANY_NEW_SEATS, type KeyedLimiter } from "../limits.ts";
import { hashSecret } from "../sessions.ts";
import type { EventStore } from "../store/types.ts";
import type { CommandPipeline } from "./pipeline.ts";
import type { Audience } from "./projection.ts";

/** Who asked for the seat, as the server's seat route put it in the reservation (see seating.ts). */
const SeatAuthSchema = z.object({ address: z.string().max(100) });

/** What onAuth decided, kept on the connection (userData) for the whole connection. */
const AudienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("participant"), participantId: z.string() }),
  z.object({ kind: z.literal("spelleider") }),
  z.object({ kind: z.literal("beamer") }),
]);

/** A connection as seen here (Colyseus' Client is one). */
export interface Seated {
  readonly sessionId: string;
  userData?: unknown;
}

export class Seats {
  /** participantId -> ids of its open connections. */
  private readonly connections = new Map<string, Set<string>>();
  /** Connections of beamers, also while one waits to reconnect: at most MAX_BEAMERS. */
  private readonly beamers = new Set<string>();
  private readonly audiences = new WeakMap<Seated, Audience>();

  private readonly pipeline: CommandPipeline;
  private readonly services: { store: EventStore; now: () => number; newSeats: KeyedLimiter };

  constructor(pipeline: CommandPipeline, services: { store: EventStore; now: () => number; newSeats: KeyedLimiter }) {
    this.pipeline = pipeline;
    this.services = services;
  }

  /** The online set as last made: asked for by every decision and projection, made again only when someone comes or goes. */
  private onlineNow: ReadonlySet<string> = new Set();

  /** Participants with at least one open connection (the same set until someone comes or goes: never change it). */
  online(): ReadonlySet<string> {
    return this.onlineNow;
  }

  /** onAuth: who this connection is, or a ServerError with the Dutch reason. */
  async authorize(rawOptions: unknown, auth: unknown): Promise<Audience> {
    const parsed = JoinOptionsSchema.safeParse(rawOptions);
    if (!parsed.success) throw new ServerError(400, JOIN_OPTIONS_INCOMPLETE);
    const options = parsed.data;
    const sessionId = this.pipeline.sessionId;
    if (options.sessionId !== sessionId) throw new ServerError(400, OTHER_SESSION);
    switch (options.as) {
      case "spelleider": {
        const record = await this.services.store.getSession(sessionId);
        if (!record || record.secretHash !== hashSecret(options.secret)) throw new ServerError(403, WRONG_SPELLEIDER_LINK);
        return { kind: "spelleider" };
      }
      case "beamer":
        return { kind: "beamer" };
      case "deelnemer":
        return this.pipeline.exclusive(() => this.seatFor(options, auth));
      default: {
        const unreachable: never = options;
        return unreachable;
      }
    }
  }

  /** The same browser gets its seat back; a new one joins through core's rules, stored before it is confirmed. */
  private async seatFor(options: Extract<JoinOptions, { as: "deelnemer" }>, auth: unknown): Promise<Audience> {
    const seat = resolveSeat(this.pipeline.decisionState(), options.seatToken);
    if (seat.kind === "seat") return { kind: "participant", participantId: seat.participantId };
    if (seat.kind === "removed") throw new ServerError(403, REMOVED_NOTICE);
    // A new seat is made only now that the socket is here (an unused reservation makes none), and only so many per
    // address: a script cannot fill the session in one go; a class behind one NAT still gets in (limits.ts).
    const parsedAuth = SeatAuthSchema.safeParse(auth);
    const address = `${parsedAuth.success ? parsedAuth.data.address : "onbekend"} ${this.pipeline.sessionId}`;
    if (!this.services.newSeats.allows(address, this.services.now())) throw new ServerError(429, TOO_MANY_NEW_SEATS);
    const input = { type: "participant.join", commandId: "join", displayName: options.displayName, realRole: options.realRole, seatToken: options.seatToken };
    const command = CommandSchema.safeParse(input);
    if (!command.success) throw new ServerError(400, describeCommandError(input, command.error));
    const outcome = await (await this.pipeline.apply(command.data, { kind: "guest" }, null)).outcome;
    if (!outcome.ok) throw new ServerError(400, outcome.message);
    const joined = resolveSeat(this.pipeline.session, options.seatToken);
    if (joined.kind !== "seat") throw new ServerError(500, SEAT_NOT_MADE);
    this.services.newSeats.spend(address, this.services.now());
    return { kind: "participant", participantId: joined.participantId };
  }

  /**
   * onJoin, first: the connection takes its place (online once its view is attached: setOnline). A beamer is counted here, where nothing else runs in between (onAuth of
   * two beamers can interleave).
   */
  joined(connection: Seated, audience: Audience): void {
    if (audience.kind === "beamer") {
      if (this.beamers.size >= MAX_BEAMERS) throw new ServerError(403, BEAMERS_FULL);
      this.beamers.add(connection.sessionId);
    }
    connection.userData = audience;
  }

  isBeamer(connection: Seated): boolean {
    return this.beamers.has(connection.sessionId);
  }

  /** The connection's audience, parsed from its userData once. */
  audienceOf(connection: Seated): Audience | null {
    const known = this.audiences.get(connection);
    if (known) return known;
    const parsed = AudienceSchema.safeParse(connection.userData);
    if (!parsed.success) return null;
    this.audiences.set(connection, parsed.data);
    return parsed.data;
  }

  /** A connection came (back) or went (dropped, left): presence is projected and patched to everyone. */
  setOnline(connection: Seated, online: boolean): void {
    const audience = this.audienceOf(connection);
    if (audience?.kind !== "participant") return;
    const open = this.connections.get(audience.participantId) ?? new Set<string>();
    if (online) open.add(connection.sessionId);
    else open.delete(connection.sessionId);
    if (open.size === 0) this.connections.delete(audience.participantId);
    else this.connections.set(audience.participantId, open);
    this.onlineNow = new Set(this.connections.keys());
    this.pipeline.presence(audience.participantId);
  }

  /** onLeave: gone for good. */
  left(connection: Seated): void {
    this.beamers.delete(connection.sessionId);
    this.setOnline(connection, false);
  }
}
