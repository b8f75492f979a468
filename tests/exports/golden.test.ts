/**
 * Golden files: the Markdown, CSV and JSON export of one deterministic session (fullSession: fixed ids, a fixed clock,
 * every step through the real rules), compared byte for byte. A change in wording or layout shows up as a diff here.
 * When the change is meant: UPDATE_GOLDEN=1 npx vitest run tests/exports, then read the diff of tests/exports/golden.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { csvField, kaderCsv } from "../../server/exports/csv.ts";
import { EXPORT_FORMATS, exportSession } from "../../server/exports/index.ts";
import { SessionExportSchema, sessionExport, sessionExportJson } from "../../server/exports/json.ts";
import { inline, kaderMarkdown } from "../../server/exports/markdown.ts";
import { kaderPdf, printable } from "../../server/exports/pdf.ts";
import { exportFileName, formatNumber } from "../../server/exports/text.ts";
import type { StoredEvent } from "#shared/protocol/events.ts";
import { FULL_SESSION_NAMES, T0, fullSession, given, logOf } from "../fixtures/given.ts";

const GOLDEN_DIR = fileURLToPath(new URL("./golden/", import.meta.url));
const HOW_TO_UPDATE = "Is de nieuwe uitvoer goed? Werk de golden-bestanden bij met: UPDATE_GOLDEN=1 npx vitest run tests/exports";

function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`Het golden-bestand ${name} ontbreekt. ${HOW_TO_UPDATE}`);
  const expected = readFileSync(path);
  // As text first, for a readable diff; then as bytes, which also catches a lost BOM or changed line ends.
  expect(actual, `${name} wijkt af. ${HOW_TO_UPDATE}`).toBe(expected.toString("utf8"));
  expect(Buffer.from(actual, "utf8").equals(expected), `${name} wijkt byte voor byte af. ${HOW_TO_UPDATE}`).toBe(true);
}

const events = logOf(fullSession());
const stored: StoredEvent[] = events.map((event, index) => ({ seq: index + 1, commandKey: null, event }));

describe("golden files of a whole session", () => {
  test("kader.md", () => {
    expectGolden("kader.md", kaderMarkdown(events));
  });

  test("kader.csv", () => {
    expectGolden("kader.csv", kaderCsv(events));
  });

  test("sessie.json: the JSON export of day 1, made an hour after the start", () => {
    expectGolden("sessie.json", sessionExportJson(stored, T0 + 3_600_000));
  });

  test("the beeldvorming: each question with its clusters and their cards, then the cards in none; a card taken back is gone", () => {
    const md = kaderMarkdown(events);
    const section = md.slice(md.indexOf("## Ons beeld van maatwerk"), md.indexOf("## De casussen"));
    expect(section).toContain("### Maatwerk is…\n\n**Luisteren** (1 kaartje)\n\n- Maatwerk is luisteren.\n\n**Niet in een cluster** (1 kaartje)\n\n- Maatwerk is durven afwijken.");
    expect(section).not.toContain("echt horen");
    // Without cards (a variant without beeldvorming) the section is left out.
    const withoutCards = events.filter((e) => !["CardPosted", "CardRemoved", "ClusterCreated", "ClusterRenamed", "CardClustered"].includes(e.type));
    expect(kaderMarkdown(withoutCards)).not.toContain("Ons beeld van maatwerk");
  });

  test("the same log gives the same files, and names of participants are in neither", () => {
    const md = kaderMarkdown(events);
    const csv = kaderCsv(events);
    expect(kaderMarkdown(logOf(fullSession()))).toBe(md);
    for (const name of FULL_SESSION_NAMES) {
      expect(md).not.toContain(name);
      expect(csv).not.toContain(name);
    }
  });
});

describe("CSV for Excel with Dutch settings", () => {
  const csv = kaderCsv(events);
  const lines = csv.slice(1).split("\r\n");

  test("UTF-8 with BOM, CRLF line ends, one header row, the same number of fields on every row", () => {
    expect(csv.startsWith("\uFEFF\"soort\";\"plaats\";")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const fields = (line: string) => line.match(/"(?:[^"]|"")*"/g)?.length ?? 0;
    for (const line of lines.filter(Boolean)) expect(fields(line)).toBe(15);
  });

  test("every kader item has a row, and every verdict of the casustoets", () => {
    expect(lines.filter((l) => l.startsWith('"item";'))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('"oordeel";'))).toHaveLength(2);
  });

  test("fields are quoted with quotes doubled, numbers have a decimal comma, formulas are defused", () => {
    expect(csvField('Zeg "ja"; of nee')).toBe('"Zeg ""ja""; of nee"');
    expect(csvField(0.25)).toBe('"0,25"');
    expect(csvField(12)).toBe('"12"');
    expect(csvField(null)).toBe('""');
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("-5 formulieren")).toBe('"\'-5 formulieren"');
    expect(formatNumber(1234.5)).toBe("1234,5");
  });
});

describe("Markdown, PDF text and file names", () => {
  test("text people wrote cannot turn into Markdown markup", () => {
    expect(inline("# Kop | tabel *vet* _schuin_\nnieuwe regel")).toBe("\\# Kop \\| tabel \\*vet\\* \\_schuin\\_ nieuwe regel");
  });

  test("the PDF keeps Dutch letters and replaces what its font cannot print", () => {
    expect(printable("De wijkteamprofessional coördineert; één ‘loket’ — “zo” … € 10")).toBe("De wijkteamprofessional coördineert; één ‘loket’ — “zo” … € 10");
    expect(printable("Ayşe → Łódź ✓ 🙂")).toBe("Ayse -> Lódz v ?");
  });

  test("file names say the session code and the day it was played", async () => {
    expect(exportFileName("ABC123", T0, "md")).toBe("kader-ABC123-2026-01-15.md");
    const file = await exportSession("csv", stored, T0);
    expect(file).toMatchObject({ fileName: "kader-ABC123-2026-01-15.csv", contentType: "text/csv; charset=utf-8" });
  });

  test("the JSON export holds the whole stored log and parses as an export", () => {
    const data = sessionExport(stored, T0 + 3_600_000);
    expect(SessionExportSchema.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
    expect(data).toMatchObject({ format: "maatwerkspel-sessie", version: 1, exportedAt: "2026-01-15T10:00:00.000Z", session: { sessionId: "sessie-test", code: "ABC123", label: "Testsessie" } });
    expect(data.events).toEqual(stored);
  });

  test("a file from an older server, with a version-0 event in it, reads as the current version", () => {
    const data = sessionExport(stored, T0 + 3_600_000);
    const at = stored.findIndex((s) => s.event.type === "ParticipantJoined");
    const joined = stored[at]?.event;
    if (joined?.type !== "ParticipantJoined") throw new Error("De testsessie heeft een ParticipantJoined nodig.");
    // Version 0 called the display name `name` (shared/protocol/upcast.ts).
    const { displayName, ...rest } = joined;
    const withEvent = (event: object) => ({ ...data, events: data.events.map((s, i) => (i === at ? { ...s, event } : s)) });
    expect(SessionExportSchema.parse(JSON.parse(JSON.stringify(withEvent({ ...rest, v: 0, name: displayName }))))).toEqual(data);
    // A version this server does not know is refused, not guessed at.
    expect(SessionExportSchema.safeParse(JSON.parse(JSON.stringify(withEvent({ ...joined, v: 2 })))).success).toBe(false);
  });
});

describe("any moment of a session can be exported", () => {
  test("a session just made, with nothing in it yet, gives every format", async () => {
    const empty = logOf(given()).map((event, index) => ({ seq: index + 1, commandKey: null, event }));
    for (const format of EXPORT_FORMATS) {
      const file = await exportSession(format, empty, T0);
      expect(file.body.length, format).toBeGreaterThan(100);
    }
    expect(kaderMarkdown(logOf(given()))).toContain("Er zijn geen casussen getoetst.");
  });

  test("the PDF is a pure function of the log and `now` too", async () => {
    const [a, b] = await Promise.all([kaderPdf(events, T0), kaderPdf(events, T0)]);
    expect(a.equals(b)).toBe(true);
  });

  test("a log that does not start with SessionCreated is refused", async () => {
    await expect(exportSession("md", stored.slice(1), T0)).rejects.toThrow("SessionCreated");
  });
});
