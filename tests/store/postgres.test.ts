/**
 * The event store contract against PostgreSQL, on a throwaway server started for this file (initdb in a temp dir,
 * a free port). Each test gets its own empty database, so "reopen" means a new pool on the same database, as a
 * restarted process would find it. Skipped, with the reason printed, where PostgreSQL is not installed.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, findPostgresBin, startPostgres, type Throwaway } from "../../server/bench/services.ts";
import type { SessionEvent } from "../../server/protocol/events.ts";
import { PostgresEventStore } from "../../server/store/postgres.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";
import { SESSION_RECORD, eventStoreContract, type StoreHarness } from "./contract.ts";

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
    reopen: open,
    cleanup: async () => {
      for (const store of opened) await store.close();
    },
  };
}

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

    it("refuses a row that is not a valid event, naming the session and seq", async () => {
      const harness = await seeded();
      try {
        await sql(harness.url, "UPDATE events SET body = $1 WHERE seq = 2", [JSON.stringify({ type: "SessionLockChanged", v: 1, at: 1, locked: "ja" })]);
        await expect(harness.store.load(record.sessionId)).rejects.toThrow(/Gebeurtenis 2 van sessie sessie-1 is onleesbaar/);
        await sql(harness.url, "UPDATE events SET body = '{ kapot' WHERE seq = 2");
        await expect(harness.store.load(record.sessionId)).rejects.toThrow(/Gebeurtenis 2 van sessie sessie-1 is onleesbaar/);
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
        const run = spawnSync(process.execPath, ["server/admin/purge.ts", "--older-than", "180d"], { encoding: "utf8", env: { ...outer, DATABASE_URL: harness.url } });
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
