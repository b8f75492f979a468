/**
 * One session, one live room, in the whole deployment; and only the server opens it.
 *
 * Colyseus lets any client create rooms (`POST /matchmake/create/…`) and opens a second room for the same filter when
 * the first is full or locked (`joinOrCreate`). Either split a session: newcomers sat in a room the spelleider did not
 * see, and each room's writes made the other's fail with `conflict`. Here instead:
 *
 * - Clients cannot use Colyseus' matchmaking routes at all (`lockClientMatchmaking`); they ask `POST /api/seat`
 *   (server/http/seat.ts), and `reserveSeat` below decides the room: the session's one listed room, wherever it runs
 *   (the listing is in Redis with several processes), or, when there is none, a new one it opens itself. A full room
 *   is a Dutch refusal, never a second room. The SDK's own reconnect goes straight to the room's WebSocket with its
 *   token and needs no matchmaking route.
 * - A room claims its session before it loads anything (`claimSession`, a key in Colyseus' presence: this process's
 *   memory, or Redis shared by every process). A second room for the session, from a race between two joins or two
 *   processes, is refused in onCreate, and the join that tried it takes a seat in the first. The claim expires
 *   CLAIM_TTL_SECONDS after its process stops renewing it (kill -9); a claim of a process that no longer answers a
 *   health check is taken over at once.
 *
 * It uses the matchmaker's public API only; the one read of a room's internals (its seats) is in colyseus.ts.
 */
import { matchMaker, ServerError, type IRoomCache, type Room } from "@colyseus/core";
import { NO_CLIENT_ROOMS, ROOM_FULL } from "../limits.ts";
import type { JoinOptions } from "#shared/protocol/views.ts";

import { CLOSE_CODES, OPENING_ELSEWHERE, ROOM_NAME, SESSION_GONE, SESSION_WONT_OPEN } from "#shared/protocol/wire.ts";
import { seatCounts } from "./colyseus.ts";


/**
 * onCreate's answer when the session already has a room (or one is being opened): the join retries and finds it.
 * Through Redis only the message of an error travels (Colyseus' IPC drops the code), so both are recognised.
 */
export const ROOM_ELSEWHERE_CODE = CLOSE_CODES.damaged;

const CLAIM_TTL_SECONDS = 15;
/** How often a room renews its claim: three chances before it expires. */
export const CLAIM_RENEW_MS = 5_000;
/** How long a join waits for a room that is being opened (a big session loads in a second or two; a takeover in ~6 s). */
const OPEN_WAIT_MS = 20_000;

const claimKey = (sessionId: string) => `maatwerkspel:kamer:${sessionId}`;
const holderValue = (roomId: string) => `${matchMaker.processId} ${roomId}`;

/**
 * Colyseus' matchmaking routes (`/matchmake/create|join|joinById|joinOrCreate|reconnect/<room>`) refuse every client,
 * in Dutch. The controller is Colyseus' documented hook for these routes (process-wide; setting it twice is harmless).
 */
export function lockClientMatchmaking(): void {
  matchMaker.controller.exposedMethods = [];
  matchMaker.controller.invokeMethod = async () => {
    throw new ServerError(403, NO_CLIENT_ROOMS);
  };
}

/**
 * Claims the session for this room. Resolves true when it holds the claim; false when another live room holds it (or
 * is being opened). A claim left by a process that no longer answers is taken over.
 */
export async function claimSession(sessionId: string, roomId: string): Promise<boolean> {
  const presence = matchMaker.presence;
  const key = claimKey(sessionId);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!(await presence.exists(key))) {
      // Atomic on Redis (MULTI) and in memory: exactly one claimant counts 1.
      const count = await presence.hincrbyex(key, "claims", 1, CLAIM_TTL_SECONDS);
      if (count === 1) {
        await presence.hset(key, "holder", holderValue(roomId));
        return true;
      }
      return false;
    }
    const holder = await presence.hget(key, "holder");
    // Claimed a moment ago and not yet named, or held by this process (it knows its own rooms are alive).
    if (holder === null) return false;
    const [processId] = holder.split(" ");
    if (!processId || processId === matchMaker.processId) return false;
    // Another process holds it: is it still there? (healthCheckProcessId also removes a dead process's listings.)
    if (await matchMaker.healthCheckProcessId(processId)) return false;
    if ((await presence.hget(key, "holder")) === holder) await presence.del(key);
  }
  return false;
}

/**
 * Renews the claim. False when this room no longer holds it (the process stalled past the TTL and another room took
 * over): the caller must close, so that its clients join the room that holds it.
 */
export async function renewClaim(sessionId: string, roomId: string): Promise<boolean> {
  const presence = matchMaker.presence;
  const key = claimKey(sessionId);
  const holder = await presence.hget(key, "holder");
  if (holder === holderValue(roomId)) {
    await presence.expire(key, CLAIM_TTL_SECONDS);
    return true;
  }
  // Expired while nobody else claimed it: claim it again.
  return holder === null && (await claimSession(sessionId, roomId));
}

export async function releaseClaim(sessionId: string, roomId: string): Promise<void> {
  const presence = matchMaker.presence;
  const key = claimKey(sessionId);
  if ((await presence.hget(key, "holder")) === holderValue(roomId)) await presence.del(key);
}

/**
 * Whether a room takes no more seats. Colyseus counts a reserved seat as a client until it is used or expires (15 s),
 * so 250 reservations nobody uses lock a room, and its joinOrCreate then opens a second one. Here connections (and
 * seats held for a reconnect) count against `maxConnections`; fresh reservations only against `maxPending`, which
 * bounds their memory (the counts: colyseus.ts `seatCounts`).
 */
export function roomIsFull(room: Room, maxConnections: number, maxPending: number): boolean {
  const { disposing, pending, reconnecting } = seatCounts(room);
  if (disposing) return true;
  return room.clients.length + reconnecting >= maxConnections || pending >= maxPending;
}

/** What the room's onAuth gets with the seat, from the server (never from the client): who asked, for the limits. */
export interface SeatAuth {
  address: string;
}

export class SeatRefused extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const codeOf = (error: unknown): unknown => (typeof error === "object" && error !== null && "code" in error ? error.code : undefined);

/**
 * A seat in the session's one room, opening the room when there is none. Throws SeatRefused with a Dutch message for
 * a full room or a room that will not open (no such session, server at capacity).
 */
export async function reserveSeat(options: JoinOptions, auth: SeatAuth): Promise<ReturnType<typeof matchMaker.buildSeatReservation>> {
  const started = Date.now();
  let refusedBy: string | null = null;
  for (let attempt = 0; ; attempt++) {
    let listing: IRoomCache | undefined = (await matchMaker.query({ name: ROOM_NAME, sessionId: options.sessionId }))[0];
    if (!listing) {
      try {
        listing = await matchMaker.createRoom(ROOM_NAME, { sessionId: options.sessionId });
      } catch (error) {
        // Another room holds the session, or is being opened: it will be listed in a moment.
        const message = error instanceof Error ? error.message : String(error);
        if (codeOf(error) !== ROOM_ELSEWHERE_CODE && message !== OPENING_ELSEWHERE) throw new SeatRefused(statusOf(error, message), message);
      }
    }
    // A full room says so; the same room stays the session's room (no second one is opened next to it).
    if (listing?.locked) throw new SeatRefused(503, ROOM_FULL);
    if (listing) {
      try {
        return await matchMaker.reserveSeatFor(listing, options, auth);
      } catch {
        // Full, disposing, or its process died (then Colyseus has health-checked it and removed its listings). The
        // same room refusing twice, a moment apart, is full.
        if (refusedBy === listing.roomId && (await matchMaker.query({ roomId: listing.roomId })).length > 0) throw new SeatRefused(503, ROOM_FULL);
        refusedBy = listing.roomId;
      }
    }
    if (Date.now() - started > OPEN_WAIT_MS) throw new SeatRefused(503, SESSION_WONT_OPEN);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)));
  }
}

/**
 * An HTTP status for a refusal from onCreate: its ServerError's code, or (from another process, where the code is
 * lost) 404 for a session that does not exist and 503 for a process that cannot open it now.
 */
function statusOf(error: unknown, message: string): number {
  const code = codeOf(error);
  if (typeof code === "number" && code >= 400 && code < 600) return code;
  return message === SESSION_GONE ? 404 : 503;
}
