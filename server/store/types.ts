/**
 * The event store: the durable truth of every session. One contract (tests/store/contract.ts) is run against
 * every implementation, so the room can rely on these promises whatever the engine.
 */
import type { SessionEvent, StoredEvent } from "#shared/protocol/events.ts";
import type { IntegrityReport } from "./integrity.ts";

/** What the server keeps about a session beside its log: how to find it. */
export interface SessionRecord {
  sessionId: string;
  /** Join code participants type, unique among sessions (upper-case letters and digits). */
  code: string;
  /** SHA-256 (hex) of the spelleider secret; the secret itself is never stored. */
  secretHash: string;
  /** Free label shown to the spelleider, e.g. "Gemeente Oosterwolde, 12 maart". */
  label: string;
  scenarioId: string;
  /** Milliseconds since epoch. */
  createdAt: number;
}

export type AppendResult =
  | { ok: true; lastSeq: number }
  /** Another writer appended first: the caller's view of the log is stale. */
  | { ok: false; reason: "conflict"; lastSeq: number };

export interface EventStore {
  /**
   * Registers a session and appends its first events (SessionCreated ...) atomically.
   * Fails (throws) when the sessionId or code is already taken.
   */
  createSession(record: SessionRecord, firstEvents: SessionEvent[]): Promise<void>;
  /**
   * Appends events after `expectedLastSeq` atomically, all or nothing, and durably (synced) before resolving.
   * `commandKey` (actor + commandId) is stored with each event, so a command is known to be applied after a
   * restart. Returns a conflict when the log's last seq is not `expectedLastSeq`. Appends to one session are applied in
   * the order they were called, also when the next is called before the previous resolved (the room stores a
   * generation of commands at once, each expecting the seq the previous one leaves).
   */
  append(sessionId: string, expectedLastSeq: number, commandKey: string | null, events: SessionEvent[]): Promise<AppendResult>;
  /**
   * The whole log in order, each event upcast to the current version and parsed with zod on the way out. Only ever
   * whole: when the events do not run 1..n, their hash chain is broken, the log does not end at the head recorded
   * with the last append, or a row is unreadable, it rejects with a DamagedSessionError (and the store remembers the
   * session as damaged, see integrity()). An unknown session gives an empty log.
   */
  load(sessionId: string): Promise<StoredEvent[]>;
  /**
   * Checks everything the store holds, as at start-up: the storage itself (SQLite: quick_check and the WAL file) and
   * every session's log as load would. Never throws for damage it finds: it reports it, and integrity() keeps it.
   */
  checkIntegrity(): Promise<IntegrityReport>;
  /** The damage known so far: from the last checkIntegrity and every load since. */
  integrity(): IntegrityReport;
  /** Whether events for this command key were stored. */
  hasCommand(sessionId: string, commandKey: string): Promise<boolean>;
  getSession(sessionId: string): Promise<SessionRecord | null>;
  findByCode(code: string): Promise<SessionRecord | null>;
  findBySecretHash(secretHash: string): Promise<SessionRecord | null>;
  /** Newest first. */
  listSessions(): Promise<SessionRecord[]>;
  /** Sessions created strictly before `time` (ms since epoch), oldest first: what a retention purge would remove. */
  listSessionsCreatedBefore(time: number): Promise<SessionRecord[]>;
  /**
   * Removes a session and its whole log in one go, never half: afterwards nothing of it can be found and its join
   * code is free again. Returns false when there was no such session.
   */
  deleteSession(sessionId: string): Promise<boolean>;
  close(): Promise<void>;
}
