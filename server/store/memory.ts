/**
 * In-memory event store, for unit tests and quick local runs. It keeps each event as JSON text and parses it
 * again on the way out, exactly as the SQLite store does, so a test that passes here cannot rely on shared
 * object references or on values JSON would drop.
 */
import { EventSchema, StoredEventSchema, type SessionEvent, type StoredEvent } from "../protocol/events.ts";
import type { AppendResult, EventStore, SessionRecord } from "./types.ts";

interface StoredRow {
  seq: number;
  commandKey: string | null;
  body: string;
}

interface SessionEntry {
  record: SessionRecord;
  rows: StoredRow[];
}

export class MemoryEventStore implements EventStore {
  private readonly sessions = new Map<string, SessionEntry>();
  /** Insertion order breaks ties between equal `createdAt`, as rowid does in SQLite. */
  private readonly order: string[] = [];
  private closed = false;

  async createSession(record: SessionRecord, firstEvents: SessionEvent[]): Promise<void> {
    this.assertOpen();
    const bodies = serialise(firstEvents);
    this.assertUnique(record);
    this.sessions.set(record.sessionId, { record: { ...record }, rows: toRows(0, null, bodies) });
    this.order.push(record.sessionId);
  }

  async append(sessionId: string, expectedLastSeq: number, commandKey: string | null, events: SessionEvent[]): Promise<AppendResult> {
    this.assertOpen();
    // Validate the whole batch before touching the log: all or nothing.
    const bodies = serialise(events);
    const entry = this.entry(sessionId);
    const lastSeq = entry.rows.length;
    if (lastSeq !== expectedLastSeq) return { ok: false, reason: "conflict", lastSeq };
    entry.rows.push(...toRows(lastSeq, commandKey, bodies));
    return { ok: true, lastSeq: lastSeq + bodies.length };
  }

  async load(sessionId: string): Promise<StoredEvent[]> {
    this.assertOpen();
    const rows = this.sessions.get(sessionId)?.rows ?? [];
    return rows.map((row) => StoredEventSchema.parse({ seq: row.seq, commandKey: row.commandKey, event: JSON.parse(row.body) }));
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    this.assertOpen();
    const rows = this.sessions.get(sessionId)?.rows ?? [];
    return rows.some((row) => row.commandKey === commandKey);
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    this.assertOpen();
    return this.findRecord((record) => record.sessionId === sessionId);
  }

  async findByCode(code: string): Promise<SessionRecord | null> {
    this.assertOpen();
    return this.findRecord((record) => record.code === code);
  }

  async findBySecretHash(secretHash: string): Promise<SessionRecord | null> {
    this.assertOpen();
    return this.findRecord((record) => record.secretHash === secretHash);
  }

  async listSessions(): Promise<SessionRecord[]> {
    this.assertOpen();
    const newestInsertedFirst = [...this.order].reverse();
    return newestInsertedFirst
      .map((id) => this.entry(id).record)
      .sort((a, b) => b.createdAt - a.createdAt) // stable: equal times keep newest-inserted first
      .map((record) => ({ ...record }));
  }

  async listSessionsCreatedBefore(time: number): Promise<SessionRecord[]> {
    this.assertOpen();
    return this.order
      .map((id) => this.entry(id).record)
      .filter((record) => record.createdAt < time)
      .sort((a, b) => a.createdAt - b.createdAt) // stable: equal times keep the order they were inserted in
      .map((record) => ({ ...record }));
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    this.assertOpen();
    if (!this.sessions.delete(sessionId)) return false;
    this.order.splice(this.order.indexOf(sessionId), 1);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Same rules as the UNIQUE constraints of the SQLite tables. */
  private assertUnique(record: SessionRecord): void {
    for (const { record: other } of this.sessions.values()) {
      if (other.sessionId === record.sessionId) throw new Error(`Sessie ${record.sessionId} bestaat al.`);
      if (other.code === record.code) throw new Error(`De code ${record.code} is al in gebruik.`);
      if (other.secretHash === record.secretHash) throw new Error("Dit spelleidersgeheim is al in gebruik.");
    }
  }

  private entry(sessionId: string): SessionEntry {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`Onbekende sessie: ${sessionId}.`);
    return entry;
  }

  private findRecord(match: (record: SessionRecord) => boolean): SessionRecord | null {
    for (const { record } of this.sessions.values()) {
      if (match(record)) return { ...record };
    }
    return null;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("De event store is gesloten.");
  }
}

/** Parses every event (throws on the first invalid one) and returns them as JSON text: a deep copy. */
function serialise(events: SessionEvent[]): string[] {
  return events.map((event) => JSON.stringify(EventSchema.parse(event)));
}

function toRows(lastSeq: number, commandKey: string | null, bodies: string[]): StoredRow[] {
  return bodies.map((body, index) => ({ seq: lastSeq + index + 1, commandKey, body }));
}
