/**
 * Which store and which multi-process settings a server takes from its environment (docs/deployment.md). A wrong
 * combination stops the server at start with a Dutch reason instead of running half a cluster.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scaleConfigFromEnv } from "../../server/scaleConfig.ts";
import { openStoreFromEnv, withoutPassword } from "../../server/store/open.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";

describe("the environment of one server process", () => {
  it("without DATABASE_URL: the SQLite file in DATA_DIR, one process on its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-config-"));
    try {
      const config = scaleConfigFromEnv({ DATA_DIR: dir });
      expect(config).toStrictEqual({ ok: true, databaseUrl: undefined, scale: undefined, warnings: [] });
      const { store, where } = await openStoreFromEnv({ DATA_DIR: dir });
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(where).toBe(join(dir, "maatwerkspel.sqlite"));
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("DATABASE_URL alone: PostgreSQL, still one process (no Redis)", () => {
    expect(scaleConfigFromEnv({ DATABASE_URL: "postgres://spel@db/maatwerkspel" })).toStrictEqual({
      ok: true, databaseUrl: "postgres://spel@db/maatwerkspel", scale: undefined, warnings: [],
    });
  });

  it("DATABASE_URL, REDIS_URL and PUBLIC_ADDRESS: one of several processes", () => {
    expect(scaleConfigFromEnv({ DATABASE_URL: "postgresql://db/spel", REDIS_URL: "redis://cache:6379", PUBLIC_ADDRESS: "spel.example.nl/p1/" })).toStrictEqual({
      ok: true, databaseUrl: "postgresql://db/spel", scale: { redisUrl: "redis://cache:6379", publicAddress: "spel.example.nl/p1" }, warnings: [],
    });
  });

  it("refuses REDIS_URL without DATABASE_URL: each process would keep its own SQLite truth", () => {
    expect(scaleConfigFromEnv({ REDIS_URL: "redis://cache:6379" })).toStrictEqual({ ok: false, error: expect.stringContaining("DATABASE_URL") });
  });

  it("warns when a process of several has no PUBLIC_ADDRESS: sockets could reach the wrong process", () => {
    const config = scaleConfigFromEnv({ DATABASE_URL: "postgres://db/spel", REDIS_URL: "redis://cache:6379" });
    expect(config.ok && config.warnings).toStrictEqual([expect.stringContaining("PUBLIC_ADDRESS")]);
  });

  it("refuses URLs of the wrong kind, in Dutch", () => {
    expect(scaleConfigFromEnv({ DATABASE_URL: "mysql://db/spel" })).toStrictEqual({ ok: false, error: expect.stringContaining("postgres://") });
    expect(scaleConfigFromEnv({ DATABASE_URL: "postgres://db/spel", REDIS_URL: "localhost:6379" })).toStrictEqual({ ok: false, error: expect.stringContaining("redis://") });
    expect(scaleConfigFromEnv({ PUBLIC_ADDRESS: "https://spel.example.nl" })).toStrictEqual({ ok: false, error: expect.stringContaining("zonder http://") });
  });

  it("treats an empty variable as unset, as a blank line in an .env file means", () => {
    expect(scaleConfigFromEnv({ DATABASE_URL: "", REDIS_URL: "", PUBLIC_ADDRESS: "" })).toStrictEqual({ ok: true, databaseUrl: undefined, scale: undefined, warnings: [] });
  });

  it("never prints a database password", () => {
    expect(withoutPassword("postgres://spel:geheim@db:5432/maatwerkspel")).toBe("postgres://spel:***@db:5432/maatwerkspel");
    expect(withoutPassword("geen url")).toBe("(DATABASE_URL)");
  });
});
