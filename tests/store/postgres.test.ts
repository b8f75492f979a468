/**
 * The event store contract against PostgreSQL, on a throwaway server started for this file (initdb in a temp dir,
 * a free port). Each test gets its own empty database, so "reopen" means a new pool on the same database, as a
 * restarted process would find it. Skipped, with the reason printed, where PostgreSQL is not installed.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, findPostgresBin, startPostgres, type Throwaway } from "../../tools/bench/services.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { PostgresEventStore } from "../../server/store/postgres.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";
import { z } from "zod";
import { chainHash } from "../../server/store/chain.ts";
import { SESSION_RECORD, eventStoreContract, type RawAccess, type StoreHarness } from "./contract.ts";

const absent = findPostgresBin() === null;
if (absent) console.warn("tests/store/postgres.test.ts overgeslagen: PostgreSQL (initdb, postgres) niet gevonden; apt-get install postgresql (.ci/run doet dat).");

let server: Throwaway | null = null;
let databases = 0;

beforeAll(async () => {
  if (!absent) server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

async function postgresHarness(): Promise<StoreHarness & { url: string }> {
  if (!server) throw new Error("De PostgreSQL-testserver draait niet.");
  const url = await createDatabase(server.url, `contract_${process.pid}_${++databases}`);
  const opened: PostgresEventStore[] = [];
  const open = async (): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.open(url, { maxConnections: 4 });
    opened.push(store);
    return store;
  };
  return {
    url,
    store: await open(),
    raw: postgresRaw(url),
    reopen: open,
    cleanup: async () => {
      for (const store of opened) await store.close();
    },
  };
}

/** The database changed through a connection of its own, as a hand edit (or an older server) would. */
function postgresRaw(url: string): RawAccess {
  const withClient = async (work: (client: pg.Client) => Promise<unknown>) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    setBody: (sessionId, seq, body) => withClient((c) => c.query("UPDATE events SET body = $1 WHERE session_id = $2 AND seq = $3", [body, sessionId, seq])),
    deleteEvent: (sessionId, seq) => withClient((c) => c.query("DELETE FROM events WHERE session_id = $1 AND seq = $2", [sessionId, seq])),
    appendRaw: (sessionId, body) =>
      withClient(async (c) => {
        const { rows } = await c.query("SELECT head_seq, head_hash FROM sessions WHERE session_id = $1", [sessionId]);
        const head = HeadRowSchema.parse(rows[0]);
        const seq = head.head_seq + 1;
        const hash = chainHash(head.head_hash, seq, null, body);
        await c.query("INSERT INTO events (session_id, seq, command_key, type, body, hash) VALUES ($1, $2, NULL, 'onbekend', $3, $4)", [sessionId, seq, body, hash]);
        await c.query("UPDATE sessions SET head_seq = $1, head_hash = $2 WHERE session_id = $3", [seq, hash, sessionId]);
      }),
  };
}

const HeadRowSchema = z.strictObject({ head_seq: z.number().int(), head_hash: z.string() });

describe.skipIf(absent)("PostgreSQL", () => {
  eventStoreContract("PostgresEventStore", postgresHarness, { durable: true });

  describe("PostgresEventStore on a shared database", () => {
    const record = SESSION_RECORD;
    const lock = (locked: boolean, at = record.createdAt + 2): SessionEvent[] => [{ type: "SessionLockChanged", v: 1, at, locked }];

    async function seeded(): Promise<Awaited<ReturnType<typeof postgresHarness>>> {
      const harness = await postgresHarness();
      await harness.store.createSession(record, [
        { type: "SessionCreated", v: 1, at: record.createdAt, sessionId: record.sessionId, code: record.code, label: record.label, scenario: minimalScenario(), variantId: "dag", engineVersion: "test" },
      ]);
      await harness.store.append(record.sessionId, 1, "p1:c1", lock(true, record.createdAt + 1));
      return harness;
    }

    async function sql(url: string, text: string, values: unknown[] = []): Promise<void> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(text, values);
      } finally {
        await client.end();
      }
    }

    it("lets only one of two processes append at the same seq, however they race", async () => {
      const harness = await seeded();
      try {
        const second = await harness.reopen?.();
        if (!second) throw new Error("postgresHarness heeft altijd reopen");
        // Both read seq 2 and write at once, through separate pools: exactly one wins, the other learns the new seq.
        const results = await Promise.all([harness.store.append(record.sessionId, 2, "p1:c2", lock(false)), second.append(record.sessionId, 2, "p2:c1", lock(true))]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toStrictEqual([{ ok: false, reason: "conflict", lastSeq: 3 }]);
        expect((await second.load(record.sessionId)).map((e) => e.seq)).toStrictEqual([1, 2, 3]);
      } finally {
        await harness.cleanup();
      }
    });

    it("computes the chain for the events of a database written before it, and goes on from there", async () => {
      const harness = await postgresHarness();
      try {
        // Back to schema version 1, as servers before the hash chain left a database, with a session of three events.
        await sql(harness.url, "ALTER TABLE events DROP COLUMN hash; ALTER TABLE sessions DROP COLUMN head_seq; ALTER TABLE sessions DROP COLUMN head_hash; DELETE FROM schema_migrations WHERE version > 1");
        const created: SessionEvent = { type: "SessionCreated", v: 1, at: record.createdAt, sessionId: record.sessionId, code: record.code, label: record.label, scenario: minimalScenario(), variantId: "dag", engineVersion: "test" };
        const events = [created, ...lock(true), ...lock(false)];
        await sql(harness.url, "INSERT INTO sessions (session_id, code, secret_hash, label, scenario_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)", [record.sessionId, record.code, record.secretHash, record.label, record.scenarioId, record.createdAt]);
        for (const [i, event] of events.entries()) {
          await sql(harness.url, "INSERT INTO events (session_id, seq, command_key, type, body) VALUES ($1, $2, $3, $4, $5)", [record.sessionId, i + 1, i === 0 ? null : `p1:c${i}`, event.type, JSON.stringify(event)]);
        }
        const migrated = await harness.reopen?.();
        if (!migrated) throw new Error("postgresHarness heeft altijd reopen");
        expect((await migrated.load(record.sessionId)).map((e) => e.event)).toStrictEqual(events);
        expect(await migrated.checkIntegrity()).toMatchObject({ sessionsChecked: 1, storage: [], damaged: [] });
        expect(await migrated.append(record.sessionId, 3, "p1:c3", lock(true))).toStrictEqual({ ok: true, lastSeq: 4 });
        expect(await migrated.checkIntegrity()).toMatchObject({ sessionsChecked: 1, storage: [], damaged: [] });
      } finally {
        await harness.cleanup();
      }
    });

    it("session:purge with DATABASE_URL deletes old sessions from PostgreSQL and keeps the rest", async () => {
      const harness = await seeded();
      try {
        const DAY_MS = 24 * 60 * 60 * 1000;
        const recent = { ...record, sessionId: "sessie-2", code: "NIEUW1", secretHash: "1".repeat(64), createdAt: Date.now() - DAY_MS };
        await harness.store.createSession(recent, [
          { type: "SessionCreated", v: 1, at: recent.createdAt, sessionId: recent.sessionId, code: recent.code, label: recent.label, scenario: minimalScenario(), variantId: "dag", engineVersion: "test" },
        ]);
        const { DATA_DIR: _ignored, ...outer } = process.env;
        const run = spawnSync(process.execPath, ["tools/admin/purge.ts", "--older-than", "180d"], { encoding: "utf8", env: { ...outer, DATABASE_URL: harness.url } });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain("1 sessie verwijderd");
        expect(await harness.store.getSession(record.sessionId)).toBeNull();
        expect(await harness.store.load(record.sessionId)).toStrictEqual([]);
        expect(await harness.store.getSession(recent.sessionId)).toStrictEqual(recent);
      } finally {
        await harness.cleanup();
      }
    });

    it("migrates once when several processes start together, and refuses a database of a newer schema", async () => {
      const harness = await postgresHarness();
      try {
        const more = await Promise.all([1, 2, 3].map(() => harness.reopen?.()));
        expect(more.every((store) => store !== undefined)).toBe(true);
        await sql(harness.url, "INSERT INTO schema_migrations (version) VALUES (99)");
        await expect(PostgresEventStore.open(harness.url)).rejects.toThrow(/schemaversie 99/);
      } finally {
        await harness.cleanup();
      }
    });
  });
});
