/**
 * `npm run session:purge` as an operator runs it: a child process on a data directory with sessions of different
 * ages, made directly through the store with old timestamps.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import type { SessionRecord } from "../../server/store/types.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const SCRIPT = resolve("tools/admin/purge.ts");

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "maatwerkspel-purge-"));
  file = join(dir, "maatwerkspel.sqlite");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A session made `daysAgo` days ago, with one participant whose name must never be printed. */
function session(n: number, daysAgo: number): SessionRecord {
  return {
    sessionId: `sessie-${n}`,
    code: `CODE${n}`,
    secretHash: n.toString(16).padStart(64, "0"),
    label: `Gemeente Testdorp ${n}`,
    scenarioId: "test-minimaal",
    // Half a day off the whole day, so the child's own clock (a little later than ours) cannot tip a boundary.
    createdAt: Date.now() - daysAgo * DAY_MS + DAY_MS / 2,
  };
}

async function withStore<T>(work: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const store = new SqliteEventStore(file);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function seed(records: SessionRecord[]): Promise<void> {
  await withStore(async (store) => {
    for (const r of records) {
      await store.createSession(r, [
        { type: "SessionCreated", v: 1, at: r.createdAt, sessionId: r.sessionId, code: r.code, label: r.label, scenario: minimalScenario(), variantId: "dag", engineVersion: "test" },
        { type: "ParticipantJoined", v: 1, at: r.createdAt + 1, participantId: "p1", displayName: `Naam Geheim ${r.sessionId}`, realRole: "raadslid", seatTokenHash: "ab".repeat(32) },
      ]);
    }
  });
}

function purge(args: string[], env: Record<string, string> = {}) {
  // Not the DATA_DIR or DATABASE_URL of whoever runs the tests: only this test's directory may be touched.
  const { DATA_DIR: _ignored, DATABASE_URL: _ignoredToo, ...outer } = process.env;
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", env: { ...outer, ...env } });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const remaining = () => withStore(async (store) => (await store.listSessions()).map((s) => s.sessionId).sort());

describe("session:purge", () => {
  const old = session(1, 400);
  const justOver = session(2, 181);
  const justUnder = session(3, 179);
  const recent = session(4, 2);

  beforeEach(async () => {
    await seed([recent, old, justUnder, justOver]);
  });

  it("deletes the sessions older than the age with their logs, and says what it did in Dutch without names", async () => {
    const run = purge(["--older-than", "180d", "--data-dir", dir]);
    expect(run.err).toBe("");
    expect(run.status).toBe(0);
    expect(run.out).toContain("2 sessies ouder dan 180 dagen");
    expect(run.out).toMatch(new RegExp(`CODE1 +${old.label}`));
    expect(run.out).toMatch(new RegExp(`CODE2 +${justOver.label}`));
    expect(run.out).not.toContain(justUnder.code);
    expect(run.out).not.toContain(recent.code);
    expect(run.out).not.toContain("Naam Geheim");
    expect(run.out).toContain("Klaar: 2 sessies verwijderd");
    expect(run.out).toContain("2 sessies blijven bewaard");
    // Oldest first, as people read a list of dates.
    expect(run.out.indexOf("CODE1")).toBeLessThan(run.out.indexOf("CODE2"));

    expect(await remaining()).toStrictEqual(["sessie-3", "sessie-4"]);
    await withStore(async (store) => {
      expect(await store.load(old.sessionId)).toStrictEqual([]);
      expect(await store.findByCode(justOver.code)).toBeNull();
      expect(await store.load(justUnder.sessionId)).toHaveLength(2);
    });
  });

  it("only lists with --dry-run, and deletes nothing", async () => {
    const run = purge(["--older-than", "180d", "--data-dir", dir, "--dry-run"]);
    expect(run.status).toBe(0);
    expect(run.out).toContain("CODE1");
    expect(run.out).toContain("CODE2");
    expect(run.out).toContain("Proefdraai (--dry-run): er is niets verwijderd.");
    expect(await remaining()).toStrictEqual(["sessie-1", "sessie-2", "sessie-3", "sessie-4"]);
  });

  it("prints a label as plain text on one line: escape sequences, NUL, line separators and bidi overrides stored in a label never reach the terminal", async () => {
    // Stored directly, as a label from before labels were cleaned on the way in: ESC [2J ESC [H clears the screen.
    await seed([{ ...session(5, 300), label: "\u001b[2J\u001b[HGemeente\u0000 Testdorp\u2028\u202Eevil\u202C\u009b31m 5" }]);
    const run = purge(["--older-than", "180d", "--data-dir", dir, "--dry-run"]);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/CODE5 +\[2J\[HGemeente Testdorp evil31m 5\n/);
    expect(run.out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
  });

  it("takes weeks as well as days, and the data directory from DATA_DIR", async () => {
    // 26 weeks is 182 days: the session of 181 days stays.
    const run = purge(["--older-than", "26w"], { DATA_DIR: dir });
    expect(run.status).toBe(0);
    expect(run.out).toContain("1 sessie ouder dan 26 weken");
    expect(await remaining()).toStrictEqual(["sessie-2", "sessie-3", "sessie-4"]);
  });

  it("says so when nothing is old enough", async () => {
    const run = purge(["--older-than", "1000d", "--data-dir", dir]);
    expect(run.status).toBe(0);
    expect(run.out).toContain("Geen sessies ouder dan 1000 dagen");
    expect(await remaining()).toHaveLength(4);
  });

  it("refuses an unclear age or option in Dutch, and touches nothing", async () => {
    for (const args of [["--older-than", "180"], ["--older-than", "0d"], ["--older-than", "6m"], [], ["--older-than", "180d", "--ouder-dan", "1d"]]) {
      const run = purge([...args, "--data-dir", dir]);
      expect(run.status).toBe(2);
      expect(run.err).toContain("Gebruik: npm run session:purge -- --older-than <leeftijd>");
    }
    expect(purge(["--older-than", "6m", "--data-dir", dir]).err).toContain("'6m' is geen leeftijd");
    expect(await remaining()).toHaveLength(4);
  });

  it("does not create a database in a wrong data directory", () => {
    const wrong = join(dir, "bestaat-niet");
    const run = purge(["--older-than", "180d", "--data-dir", wrong]);
    expect(run.status).toBe(1);
    expect(run.err).toContain("Er is geen databasebestand");
  });
});
