/**
 * Size and rate limits per connection, before anything else is done with a message (limits.ts has the numbers). Too
 * large or too many: a Dutch refusal, and the connection stays. A connection that keeps on flooding after that is told
 * why and closed for good: it may not reconnect with its old token.
 */
import { SERVER_MESSAGES } from "#shared/protocol/views.ts";
import { CLOSE_CODES } from "#shared/protocol/wire.ts";
import { ConnectionLimiter, type MessageLimits } from "../limits.ts";

/** A connection as the screen needs it (Colyseus' Client is one). */
export interface Screened {
  /** Kept across a reconnect. */
  readonly sessionId: string;
  send(type: string, message: unknown): void;
  leave(code?: number, reason?: string): void;
}

export class ConnectionScreen {
  /** Per connection: its message budget. */
  private readonly limiters = new Map<string, ConnectionLimiter>();
  /** Size of the frame each connection sent last, noted before Colyseus decodes it (colyseus.ts screenFrames). */
  private readonly lastFrameBytes = new WeakMap<Screened, number>();
  /** Connections closed for good (flooding, removed). */
  private readonly closed = new Set<string>();

  private readonly limits: MessageLimits;
  private readonly now: () => number;

  constructor(limits: MessageLimits, now: () => number) {
    this.limits = limits;
    this.now = now;
  }

  noted(connection: Screened, bytes: number): void {
    this.lastFrameBytes.set(connection, bytes);
  }

  /** Whether to handle the message the connection sent last; when not, the connection has been answered (or closed). */
  admit(connection: Screened, commandId: string | null): boolean {
    if (this.closed.has(connection.sessionId)) return false;
    const now = this.now();
    let limiter = this.limiters.get(connection.sessionId);
    if (!limiter) {
      limiter = new ConnectionLimiter(this.limits, now);
      this.limiters.set(connection.sessionId, limiter);
    }
    const bytes = this.lastFrameBytes.get(connection) ?? 0;
    this.lastFrameBytes.delete(connection);
    const admission = limiter.admit(bytes, now);
    if (admission.ok) return true;
    if (admission.code === "overspoeld") {
      this.closeForGood(connection, admission.message, CLOSE_CODES.flooded, "te veel berichten");
      return false;
    }
    connection.send(SERVER_MESSAGES.rejected, { commandId, code: admission.code, message: admission.message });
    return false;
  }

  /** Tells the connection why and closes it; its token no longer brings it back. */
  closeForGood(connection: Screened, notice: string, code: number, reason: string): void {
    this.closed.add(connection.sessionId);
    connection.send(SERVER_MESSAGES.notice, { message: notice });
    connection.leave(code, reason);
  }

  isClosedForGood(connection: Screened): boolean {
    return this.closed.has(connection.sessionId);
  }

  /** The connection is gone for good (onLeave). */
  forget(connection: Screened): void {
    this.limiters.delete(connection.sessionId);
    this.closed.delete(connection.sessionId);
  }
}
