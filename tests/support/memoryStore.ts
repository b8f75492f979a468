/**
 * In-memory event store, for tests only (the server runs SQLite or PostgreSQL): the store contract runs against it
 * too. It keeps each event as JSON text and parses it again on the way out, exactly as the SQLite store does, so a
 * test that passes here cannot rely on shared object references or on values JSON would drop.
 */
import { EventSchema, type SessionEvent, type StoredEvent } from "#shared/protocol/events.ts";
import { chainRows, emptyHead, type ChainedRow, type Head } from "../../server/store/chain.ts";
import { DamageLedger, DamagedSessionError, type DamagedSession, type IntegrityReport } from "../../server/store/integrity.ts";
import { toLog } from "../../server/store/rows.ts";
import type { AppendResult, EventStore, SessionRecord } from "../../server/store/types.ts";

/** One session as this store keeps it: its record, the head of its log, and the rows of the log. */
export interface MemorySessionEntry {
  record: SessionRecord;
  head: Head;
  rows: ChainedRow[];
}

/**
 * What the store keeps, by session id. A store may be given one, as a file store is given its file: the contract
 * tests reach into it to damage a log behind the store's back, as a bad disk would.
 */
export type MemoryStorage = Map<string, MemorySessionEntry>;

export class MemoryEventStore implements EventStore {
  private readonly sessions: MemoryStorage;
  private readonly ledger = new DamageLedger();
  /** Insertion order breaks ties between equal `createdAt`, as rowid does in SQLite. */
  private readonly order: string[] = [];
  private closed = false;

  constructor(storage: MemoryStorage = new Map()) {
    this.sessions = storage;
    this.order.push(...storage.keys());
  }

  async createSession(record: SessionRecord, firstEvents: SessionEvent[]): Promise<void> {
    this.assertOpen();
    const bodies = serialise(firstEvents);
    this.assertUnique(record);
    const chained = chainRows(emptyHead(record.sessionId), null, bodies.map((body) => ({ body, commandKey: null })));
    this.sessions.set(record.sessionId, { record: { ...record }, head: chained.head, rows: chained.rows });
    this.order.push(record.sessionId);
  }

  async append(sessionId: string, expectedLastSeq: number, commandKey: string | null, events: SessionEvent[]): Promise<AppendResult> {
    this.assertOpen();
    // Validate the whole batch before touching the log: all or nothing.
    const bodies = serialise(events);
    const entry = this.entry(sessionId);
    const lastSeq = entry.head.seq;
    if ((entry.rows.at(-1)?.seq ?? 0) !== lastSeq) throw new DamagedSessionError(sessionId, `het log eindigt niet bij de laatst vastgelegde gebeurtenis (${lastSeq})`);
    if (lastSeq !== expectedLastSeq) return { ok: false, reason: "conflict", lastSeq };
    const chained = chainRows(entry.head, commandKey, bodies.map((body) => ({ body, commandKey })));
    entry.rows.push(...chained.rows);
    entry.head = chained.head;
    return { ok: true, lastSeq: chained.head.seq };
  }

  async load(sessionId: string): Promise<StoredEvent[]> {
    this.assertOpen();
    const entry = this.sessions.get(sessionId);
    try {
      return toLog(sessionId, entry ? { ...entry.head } : null, (entry?.rows ?? []).map((row) => [row.seq, row.commandKey, row.body, row.hash]));
    } catch (error) {
      if (error instanceof DamagedSessionError) this.ledger.session({ sessionId, label: entry?.record.label ?? null, problem: error.problem });
      throw error;
    }
  }

  async checkIntegrity(): Promise<IntegrityReport> {
    this.assertOpen();
    const damaged: DamagedSession[] = [];
    for (const [sessionId, entry] of this.sessions) {
      await this.load(sessionId).catch((error: unknown) => {
        if (!(error instanceof DamagedSessionError)) throw error;
        damaged.push({ sessionId, label: entry.record.label, problem: error.problem });
      });
    }
    return this.ledger.checked({ sessionsChecked: this.sessions.size, storage: [], damaged });
  }

  integrity(): IntegrityReport {
    return this.ledger.report();
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
    this.ledger.forget(sessionId);
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

  private entry(sessionId: string): MemorySessionEntry {
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
