/**
 * Who gets a patch. A projection says whose connections it changed something for (Reach); only those, and the senders'
 * own connections (for `seq`), are patched at once. Writing a draft or moving points changes nothing the other phones
 * show: sending them a patch of `seq` alone made every command cost a socket write per connection of the session, on
 * the server and on every phone. The others get the new `seq` with their next patch to everyone, at the latest within
 * a second (Colyseus' patch timer; the room's onBeforePatch calls `beforePatch`).
 */
import type { Client, Room } from "@colyseus/core";
import type { Actor } from "../core/decision.ts";
import type { SessionRoomState } from "#shared/protocol/schema.ts";
import { patchOnly } from "./colyseus.ts";
import type { Audience, Reach } from "./projection.ts";

export class Patcher {
  /** Some connections missed a patch of `seq`. */
  private seqBehind = false;
  private readonly room: Room<{ state: SessionRoomState }>;
  private readonly audienceOf: (client: Client) => Audience | null;

  constructor(room: Room<{ state: SessionRoomState }>, audienceOf: (client: Client) => Audience | null) {
    this.room = room;
    this.audienceOf = audienceOf;
  }

  /** Patches everyone, or whom `reach` names and the senders. */
  patch(reach: Reach, senders: readonly Actor[]): void {
    const room = this.room;
    if (reach.everyone) {
      room.broadcastPatch();
      return;
    }
    const targets = room.clients.filter((client) => {
      // A connection with anything of its own waiting (a grant) gets it now, whatever the projection said.
      if ((client.view?.changes.size ?? 0) > 0) return true;
      const audience = this.audienceOf(client);
      if (audience?.kind === "participant") return reach.participants.has(audience.participantId) || senders.some((a) => a.kind === "participant" && a.participantId === audience.participantId);
      if (audience?.kind === "beamer") return reach.beamer;
      return audience?.kind === "spelleider" && (reach.spelleider || senders.some((a) => a.kind === "spelleider"));
    });
    if (targets.length < room.clients.length) this.seqBehind = true;
    patchOnly(room, targets);
  }

  /** Before every patch to everyone (ours, or Colyseus' timer): bring connections that missed a `seq` up to date. */
  beforePatch(): void {
    if (!this.seqBehind) return;
    this.seqBehind = false;
    // Marks `seq` as changed (the schema skips a write of the same value), so the patch carries it to everyone.
    const state = this.room.state;
    const seq = state.seq;
    state.seq = -1;
    state.seq = seq;
  }
}
