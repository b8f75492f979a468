/**
 * Who gets a patch. A projection says whose connections it changed something for (Reach); only those, and the senders'
 * own connections (for `seq`), are patched at once. Writing a draft or moving points changes nothing the other phones
 * show: sending them a patch of `seq` alone made every command cost a socket write per connection of the session, on
 * the server and on every phone. The others get the new `seq` with their next patch to everyone, at the latest within
 * SEQ_CATCH_UP_MS (Colyseus' patch timer, once a second; the room's onBeforePatch calls `beforePatch`). Nothing on a
 * screen shows `seq` (it tells tools and tests that a client has seen a position); caught up every second, a busy
 * session's catch-up cost as many socket writes as its commands did.
 */
import type { Client, Room } from "@colyseus/core";
import type { Actor } from "../core/decision.ts";
import type { SessionRoomState } from "#shared/protocol/schema.ts";
import { corkSockets, patchOnly } from "./colyseus.ts";
import type { Audience, Reach } from "./projection.ts";

/** The longest a connection that missed a patch of `seq` waits for it (tests' servers may say less: RoomServices). */
export const SEQ_CATCH_UP_MS = 5_000;

/** The patch timer may fire a little early: a catch-up due within this is done now rather than a second later. */
const PATCH_TIMER_SLACK_MS = 100;

export class Patcher {
  /** Some connections missed a patch of `seq`. */
  private seqBehind = false;
  private caughtUpAt = 0;
  /** A projection's patch to everyone is under way (not Colyseus' timer). */
  private patchingEveryone = false;
  /** While writes are held (holdWrites): how to release the sockets corked so far. */
  private releases: (() => void)[] | null = null;
  private readonly room: Room<{ state: SessionRoomState }>;
  private readonly audienceOf: (client: Client) => Audience | null;

  private readonly catchUpMs: () => number;

  constructor(room: Room<{ state: SessionRoomState }>, audienceOf: (client: Client) => Audience | null, catchUpMs: () => number = () => SEQ_CATCH_UP_MS) {
    this.room = room;
    this.audienceOf = audienceOf;
    this.catchUpMs = catchUpMs;
  }

  /**
   * Holds back the socket writes of the patches made until the returned function is called, so a patch and the answers
   * that follow it leave in one syscall per connection. Only the connections patched are corked (most commands patch
   * three of a session's twelve).
   */
  holdWrites(): () => void {
    const releases: (() => void)[] = [];
    this.releases = releases;
    return () => {
      if (this.releases === releases) this.releases = null;
      for (const release of releases) release();
    };
  }

  /** Patches everyone, or whom `reach` names and the senders. */
  patch(reach: Reach, senders: readonly Actor[]): void {
    const room = this.room;
    if (reach.everyone) {
      this.releases?.push(corkSockets(room.clients));
      // A patch to everyone anyway: the seq goes along for a few bytes (see beforePatch).
      this.patchingEveryone = true;
      try {
        room.broadcastPatch();
      } finally {
        this.patchingEveryone = false;
      }
      return;
    }
    // An indexed loop into a plain array: `room.clients` is Colyseus' ClientArray, a subclass of Array, and its
    // `filter` takes the engine's slow path for subclasses (a new ClientArray, with its own Map, per patch).
    const clients = room.clients;
    const targets: Client[] = [];
    for (let k = 0; k < clients.length; k++) {
      const client = clients[k];
      if (client && this.concerns(client, reach, senders)) targets.push(client);
    }
    if (targets.length < room.clients.length) this.seqBehind = true;
    this.releases?.push(corkSockets(targets));
    patchOnly(room, targets);
  }

  /** Whether a patch of `reach` goes to `client`: what the projection named, and the senders' own connections. */
  private concerns(client: Client, reach: Exclude<Reach, { everyone: true }>, senders: readonly Actor[]): boolean {
    // A connection with anything of its own waiting (a grant) gets it now, whatever the projection said.
    if ((client.view?.changes.size ?? 0) > 0) return true;
    const audience = this.audienceOf(client);
    switch (audience?.kind) {
      case "participant":
        return reach.participants.has(audience.participantId) || sentBy(senders, audience.participantId);
      case "beamer":
        return reach.beamer;
      case "spelleider":
        return reach.spelleider || sentBy(senders, null);
      case undefined:
        return false;
      default: {
        const unreachable: never = audience;
        return unreachable;
      }
    }
  }

  /** Before every patch to everyone (ours, or Colyseus' timer): bring connections that missed a `seq` up to date (the timer's, at most every SEQ_CATCH_UP_MS). */
  beforePatch(): void {
    if (!this.seqBehind) return;
    const now = Date.now();
    // The timer's patch would carry nothing else: at most every SEQ_CATCH_UP_MS.
    if (!this.patchingEveryone && now - this.caughtUpAt < this.catchUpMs() - PATCH_TIMER_SLACK_MS) return;
    this.caughtUpAt = now;
    this.seqBehind = false;
    // Marks `seq` as changed (the schema skips a write of the same value), so the patch carries it to everyone.
    const state = this.room.state;
    const seq = state.seq;
    state.seq = -1;
    state.seq = seq;
  }
}

/** Whether one of `senders` is that participant (or, for null, the spelleider). */
function sentBy(senders: readonly Actor[], participantId: string | null): boolean {
  for (const actor of senders) {
    if (participantId === null ? actor.kind === "spelleider" : actor.kind === "participant" && actor.participantId === participantId) return true;
  }
  return false;
}
