/**
 * Exports over HTTP from a real server, of a session the bots played with real SDK clients: the four routes with
 * the spelleider secret (and a Dutch 404 without it), the PDF read back with pdftotext, and the JSON export imported
 * into a fresh store (and through the CLI) replaying into the same session.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importSession, parseSessionExport } from "../../tools/admin/import.ts";
import { playSession, type PlayReport } from "../../tools/bots/play.ts";
import { replay } from "../../server/core/evolve.ts";
import { kader } from "../../server/core/resultaat.ts";
import type { SessionState } from "../../server/core/state.ts";
import { EXPORT_FORMATS } from "../../server/exports/index.ts";
import type { SessionExport } from "../../server/exports/json.ts";
import { exportFileName } from "../../server/exports/text.ts";
import { hashSecret } from "../../server/sessions.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import { startTestServer, type TestServer } from "../integration/harness.ts";

const CONTENT_TYPES = { md: "text/markdown; charset=utf-8", pdf: "application/pdf", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };
const has = (tool: string) => spawnSync(tool, ["-v"]).error === undefined;
const NO_PDFTOTEXT = "pdftotext ontbreekt (pakket poppler-utils): de tekst van de PDF kan niet worden gecontroleerd. Installeer poppler-utils om deze test te draaien.";

let server: TestServer;
let played: PlayReport;
let original: SessionState;
const scratch = mkdtempSync(join(tmpdir(), "maatwerkspel-exports-"));

beforeAll(async () => {
  server = await startTestServer();
  played = await playSession({ baseUrl: server.baseUrl, players: 6, scenarioId: "demo-maatwerk", seed: 3, label: "Gemeente Oosterwolde, coördinatiegroep" });
  original = replay((await server.store.load(played.sessionId)).map((s) => s.event));
}, 120_000);

afterAll(async () => {
  const { spelleider, players } = played.context;
  await Promise.all([spelleider, ...players].map((c) => c.leave()));
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const exportUrl = (secret: string, format: string) => `${server.baseUrl}/api/spelleider/${encodeURIComponent(secret)}/export.${format}`;

async function download(format: string): Promise<Buffer> {
  const res = await fetch(exportUrl(played.secret, format));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** pdftotext breaks lines where the PDF wraps them: compare text with all white space as single spaces. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

describe("export routes", () => {
  test("a wrong secret gets a Dutch 404 for every format", async () => {
    for (const format of EXPORT_FORMATS) {
      const res = await fetch(exportUrl("dit-is-niet-het-goede-geheim", format));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "Deze spelleiderslink klopt niet." });
    }
  });

  test("the right secret gets each file with its content type and a file name to save it under", async () => {
    const fileName = (format: string) => exportFileName(played.code, original.createdAt, format);
    for (const format of EXPORT_FORMATS) {
      const res = await fetch(exportUrl(played.secret, format));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(CONTENT_TYPES[format]);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename=${fileName(format)}`);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length).toBeGreaterThan(500);
    }
    expect(fileName("md")).toMatch(new RegExp(`^kader-${played.code}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
  });

  test("Markdown and CSV hold every kader item, by game role, never a participant's name", async () => {
    const md = (await download("md")).toString("utf8");
    const csv = await download("csv");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const items = kader(original).items;
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(md).toContain(item.text.replace(/([\\`*_[\]<>|#])/g, "\\$1"));
      expect(csv.toString("utf8")).toContain(`"${item.text.replace(/"/g, '""')}"`);
    }
    expect(md).toContain("## Casusboekje");
    expect(md).not.toMatch(/Bot \d/);
    expect(csv.toString("utf8")).not.toMatch(/Bot \d/);
  });
});

if (!has("pdftotext")) console.warn(`PDF-test overgeslagen: ${NO_PDFTOTEXT}`);

describe.skipIf(!has("pdftotext"))("the PDF", () => {
  test("pdftotext finds every kader item, Dutch letters intact, no names", async () => {
    const pdf = await download("pdf");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = join(scratch, "kader.pdf");
    writeFileSync(file, pdf);
    const result = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const text = flat(result.stdout);
    for (const item of kader(original).items) expect(text).toContain(flat(item.text));
    expect(text).toContain("coördinatiegroep");
    expect(text).toContain("Casusboekje");
    // The beeldvorming's cards, as the group clustered them (the bots play the variant with beeldvorming).
    expect(text).toContain("Ons beeld van maatwerk");
    for (const card of original.cards.values()) expect(text).toContain(flat(card.text));
    expect(text).not.toMatch(/Bot \d/);
    // Page 1 as a picture, for a person to look at (test-results/ is not committed).
    if (has("pdftoppm")) {
      const out = resolve("test-results/exports");
      mkdirSync(out, { recursive: true });
      spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(out, "kader-pagina")]);
    }
  });
});

describe("import of the JSON export", () => {
  let exported: SessionExport;
  const fresh = () => new SqliteEventStore(join(mkdtempSync(join(scratch, "store-")), "maatwerkspel.sqlite"));

  beforeAll(async () => {
    const parsed = parseSessionExport((await download("json")).toString("utf8"));
    if ("error" in parsed) throw new Error(parsed.error);
    exported = parsed;
  });

  test("into a fresh store: same sessionId, a new code and secret, the same log and the same replay", async () => {
    const store = fresh();
    try {
      const imported = await importSession(store, exported);
      expect(imported.sessionId).toBe(played.sessionId);
      expect(imported.code).not.toBe(played.code);
      expect(await store.findBySecretHash(hashSecret(imported.secret))).toMatchObject({ sessionId: played.sessionId, code: imported.code });
      const log = await store.load(imported.sessionId);
      expect(log.map((s) => [s.seq, s.commandKey])).toEqual(exported.events.map((s) => [s.seq, s.commandKey]));
      expect(replay(log.map((s) => s.event))).toEqual({ ...original, code: imported.code });
    } finally {
      await store.close();
    }
  });

  test("twice into the same store: the second gets a new sessionId too, and still replays the same", async () => {
    const store = fresh();
    try {
      const first = await importSession(store, exported);
      const second = await importSession(store, exported);
      expect(second.sessionId).not.toBe(first.sessionId);
      expect(second.originalSessionId).toBe(played.sessionId);
      const log = await store.load(second.sessionId);
      expect(replay(log.map((s) => s.event))).toEqual({ ...original, sessionId: second.sessionId, code: second.code });
    } finally {
      await store.close();
    }
  });

  test("npm run session:import prints the new spelleiderslink once, in Dutch; a broken file gets a Dutch reason", async () => {
    const file = join(scratch, "sessie.json");
    writeFileSync(file, JSON.stringify(exported));
    const dataDir = mkdtempSync(join(scratch, "data-"));
    const run = (...args: string[]) => spawnSync(process.execPath, ["tools/admin/import.ts", ...args], { encoding: "utf8" });
    const ok = run(file, "--data-dir", dataDir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("Sessie geïmporteerd: Gemeente Oosterwolde, coördinatiegroep");
    const secret = /spelleiderslink: {2}\/spelleider\/(\S+)/.exec(ok.stdout)?.[1] ?? "";
    const store = new SqliteEventStore(join(dataDir, "maatwerkspel.sqlite"));
    try {
      expect(await store.findBySecretHash(hashSecret(secret))).toMatchObject({ sessionId: played.sessionId, label: original.label });
    } finally {
      await store.close();
    }

    writeFileSync(file, "{ dit is geen json");
    const broken = run(file, "--data-dir", dataDir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("Het bestand is geen geldige JSON.");

    writeFileSync(file, JSON.stringify({ ...exported, events: exported.events.slice(1) }));
    const partial = run(file, "--data-dir", dataDir);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain("Het logboek is niet compleet");

    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Geef het bestand op dat je wilt importeren.");
  });
});
