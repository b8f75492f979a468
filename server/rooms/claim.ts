/**
 * A room's hold on its session (seating.ts: one live room per session in the whole deployment) and on this process's
 * capacity: taken before anything is loaded, renewed while the room lives, given up when it closes.
 */
import { ServerError } from "@colyseus/core";
import { DAMAGED_SESSION_NOTICE, OPENING_ELSEWHERE } from "#shared/protocol/wire.ts";
import { OUT_OF_MEMORY, TOO_MANY_ROOMS, type RoomCapacity } from "../limits.ts";
import { DamagedSessionError } from "../store/integrity.ts";
import { CLAIM_RENEW_MS, ROOM_ELSEWHERE_CODE, claimSession, releaseClaim, renewClaim } from "./seating.ts";

/** Status of a refused join to a session whose stored log is damaged: a 4xx, so clients do not retry on their own. */
export const DAMAGED_SESSION_CODE = 409;

export class RoomClaim {
  private timer: ReturnType<typeof setInterval> | null = null;
  private held = true;
  readonly sessionId: string;
  private readonly roomId: string;
  private readonly capacity: (RoomCapacity & { open: number }) | undefined;

  private constructor(sessionId: string, roomId: string, capacity: (RoomCapacity & { open: number }) | undefined) {
    this.sessionId = sessionId;
    this.roomId = roomId;
    this.capacity = capacity;
  }

  /** Claims the session for the room, or throws the ServerError that refuses the room (at capacity, opened elsewhere). */
  static async take(sessionId: string, roomId: string, capacity: (RoomCapacity & { open: number }) | undefined): Promise<RoomClaim> {
    if (capacity) {
      if (capacity.open >= capacity.maxRooms) throw new ServerError(503, TOO_MANY_ROOMS(capacity.maxRooms));
      if (process.memoryUsage.rss() / 2 ** 20 > capacity.maxMemoryMb) throw new ServerError(503, OUT_OF_MEMORY);
      // Counted before the claim is awaited, so that rooms opening at the same moment cannot all pass the check.
      capacity.open += 1;
    }
    const claimed = await claimSession(sessionId, roomId).catch((error: unknown) => {
      if (capacity) capacity.open -= 1;
      throw error;
    });
    if (!claimed) {
      if (capacity) capacity.open -= 1;
      throw new ServerError(ROOM_ELSEWHERE_CODE, OPENING_ELSEWHERE);
    }
    return new RoomClaim(sessionId, roomId, capacity);
  }

  /**
   * Keeps the claim alive. Lost (this process stalled longer than the claim lives, and another room took the session
   * over): `lost` is called, and the room must close so its clients join the room that holds it now.
   */
  keepAlive(lost: () => Promise<void>): void {
    this.timer = setInterval(() => void this.renew(lost), CLAIM_RENEW_MS);
  }

  private async renew(lost: () => Promise<void>): Promise<void> {
    if (!this.held) return;
    try {
      if (await renewClaim(this.sessionId, this.roomId)) return;
    } catch (error) {
      console.warn(`Claim van sessie ${this.sessionId} kon niet worden verlengd:`, error instanceof Error ? error.message : error);
      return;
    }
    console.warn(`Sessie ${this.sessionId} is overgenomen door een andere kamer; deze kamer (${this.roomId}) sluit.`);
    this.stop();
    await lost();
  }

  /** Stops renewing and gives back this process's count; true the first time. */
  private stop(): boolean {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.held) return false;
    this.held = false;
    if (this.capacity) this.capacity.open -= 1;
    return true;
  }

  /**
   * Loads the session for the room; on failure the claim is given up. A session whose log does not hold together is not
   * opened at all (never half): the operator reads where it broke in the server log, whoever tries to join hears in
   * Dutch that it cannot be opened.
   */
  async opening<T>(load: () => Promise<T>): Promise<T> {
    try {
      return await load();
    } catch (error) {
      await this.release();
      if (!(error instanceof DamagedSessionError)) throw error;
      console.error(`${error.message} De sessie wordt niet geopend.`);
      throw new ServerError(DAMAGED_SESSION_CODE, DAMAGED_SESSION_NOTICE);
    }
  }

  /** Gives up the claim and this process's count of it. */
  async release(): Promise<void> {
    if (!this.stop()) return;
    await releaseClaim(this.sessionId, this.roomId).catch((error: unknown) =>
      console.warn(`Claim van sessie ${this.sessionId} kon niet worden vrijgegeven:`, error instanceof Error ? error.message : error),
    );
  }
}
