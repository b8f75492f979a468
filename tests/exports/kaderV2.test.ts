/**
 * Kader versie 2 (the terugkombijeenkomst) as Markdown, CSV and PDF, of one deterministic session: fullSession()
 * and its terugkombijeenkomst (terugkomSession: two participants reflect, one amend, one add, one retire, steun that
 * moves one item by 50 points). Markdown and CSV against golden files; the PDF's text read back with pdftotext.
 * And day 1's exports stay byte for byte what they were once day 2 begins, whatever happens there.
 * When a change is meant: UPDATE_GOLDEN=1 npx vitest run tests/exports, then read the diff of tests/exports/golden.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { terugkomView } from "../../server/core/terugkom.ts";
import { kaderCsv } from "../../server/exports/csv.ts";
import { EXPORT_FORMATS, KADER_V2_FORMATS, KADER_V2_NOT_OPENED, exportKaderV2, exportSession } from "../../server/exports/index.ts";
import { KADER_V2_CSV_HEADER, kaderV2Csv, kaderV2Markdown } from "../../server/exports/kaderV2.ts";
import { kaderV2Pdf } from "../../server/exports/kaderV2Pdf.ts";
import { kaderMarkdown } from "../../server/exports/markdown.ts";
import { kaderPdf } from "../../server/exports/pdf.ts";
import { ROLE_NAMES, exportFileNameV2 } from "../../server/exports/text.ts";
import type { SessionEvent, StoredEvent } from "#shared/protocol/events.ts";
import type { TerugkomView } from "#shared/protocol/views.ts";
import { FULL_SESSION_NAMES, MINUTE, T0, TERUGKOM_NEWCOMER, T_TERUGKOM, cmd, fullSession, logOf, play, spelleider, terugkomSession } from "../fixtures/given.ts";

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
  expect(actual, `${name} wijkt af. ${HOW_TO_UPDATE}`).toBe(expected.toString("utf8"));
  expect(Buffer.from(actual, "utf8").equals(expected), `${name} wijkt byte voor byte af. ${HOW_TO_UPDATE}`).toBe(true);
}

const storedOf = (events: readonly SessionEvent[]): StoredEvent[] => events.map((event, index) => ({ seq: index + 1, commandKey: null, event }));

// Given: day 1 as fullSession() left it, and the same session after its terugkombijeenkomst.
const dayOne = logOf(fullSession());
const state = terugkomSession();
const events = logOf(state);
const view = terugkomView(state) as TerugkomView;
/** When the files are made: an hour after the terugkombijeenkomst began. */
const NOW_V2 = T_TERUGKOM + 60 * MINUTE;
const NAMES = [...FULL_SESSION_NAMES, TERUGKOM_NEWCOMER];

describe("the constructed terugkombijeenkomst", () => {
  test("has what the exports must show: every status, reflections from two people, steun that moved on one item", () => {
    expect(view.counts).toEqual({ ongewijzigd: 4, gewijzigd: 1, nieuw: 1, vervallen: 1, steunVeranderd: 1 });
    expect(view.reflectors).toBe(2);
    expect(view.v2.map((i) => [i.itemId, i.status, i.v1Rank])).toEqual([
      ["i1", "ongewijzigd", 1],
      ["i3", "ongewijzigd", 2],
      ["i5", "ongewijzigd", 3],
      ["i2", "gewijzigd", 4],
      ["i6", "vervallen", 5],
      ["a1", "ongewijzigd", 6],
      ["k1", "nieuw", null],
    ]);
    const moved = view.v2.filter((i) => i.steunVerandering !== null);
    expect(moved.map((i) => [i.itemId, i.backingV1, i.steun.backing, i.steunVerandering])).toEqual([["i2", 0.25, 0.75, "meer"]]);
  });
});

describe("golden files of kader versie 2", () => {
  test("kader-v2.md", () => {
    expectGolden("kader-v2.md", kaderV2Markdown(events));
  });

  test("kader-v2.csv", () => {
    expectGolden("kader-v2.csv", kaderV2Csv(events));
  });

  test("the same log gives the same files; names of participants are in none, roles are not in the reflections", async () => {
    const md = kaderV2Markdown(events);
    const csv = kaderV2Csv(events);
    expect(kaderV2Markdown(logOf(terugkomSession()))).toBe(md);
    const [a, b] = await Promise.all([kaderV2Pdf(events, NOW_V2), kaderV2Pdf(events, NOW_V2)]);
    expect(a.equals(b)).toBe(true);
    for (const text of [md, csv]) {
      for (const name of NAMES) expect(text).not.toContain(name);
      for (const role of Object.values(ROLE_NAMES)) expect(text).not.toMatch(new RegExp(`\\b${role}\\b`));
      // A participant who gives a reflection again replaces the earlier one.
      expect(text).not.toContain("Eerst geschreven, daarna vervangen.");
    }
  });
});

describe("what the Markdown says", () => {
  const md = kaderV2Markdown(events);

  test("title with the session's label and code and the day of the terugkombijeenkomst; the summary's five counts", () => {
    expect(md.startsWith("# Kader op maat — versie 2: Testsessie\n\nTerugkombijeenkomst op 12 februari 2026 · sessiecode ABC123 · dag 1 gespeeld op 15 januari 2026\n")).toBe(true);
    expect(md).toContain("| Ongewijzigd | Gewijzigd | Nieuw | Vervallen | Steun veranderd |\n| ---: | ---: | ---: | ---: | ---: |\n| 4 | 1 | 1 | 1 | 1 |");
  });

  test("every v2 item in v1's rank order, then the added one", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("### "));
    expect(headings).toEqual(view.v2.map((i) => `### ${i.v1Rank === null ? "Nieuw:" : `${i.v1Rank}.`} ${i.text}`));
  });

  test("the amended item shows its v1 text, the retired one its reason, steun v1 → v2 and that it moved", () => {
    expect(md).toContain("In versie 1: ‘Mandaat voor de professional’");
    expect(md).toContain("Reden vervallen: Hoort bij het besluit per casus, niet in het kader.");
    expect(md).toContain("Steun: versie 1 25% · versie 2 75% (3 voor, 1 tegen) · **meer steun**");
    expect(md).toContain("Steun: versie 2 67% (2 voor, 1 tegen)");
    expect(md).toContain("Toegepast: ja 1 · deels 1 · nee 0");
  });

  test("the aanvulling from the casustoets was never voted on: 'niet gestemd', not 0%, in Markdown and CSV", () => {
    expect(md).toContain("### 6. Vervoer naar werk hoort bij re-integratie.");
    expect(md).toContain("Steun: versie 1 niet gestemd · versie 2 –");
    expect(kaderV2Csv(events)).toContain('"6";"ongewijzigd";"Vervoer naar werk hoort bij re-integratie.";"";"Ruimte voor de professional";"0";"0";"0";"niet gestemd";');
  });

  test("a point added on day 2 and dropped again stays in every export, as 'vervallen' with its reason", () => {
    const later = terugkomSession();
    play(later, cmd("terugkom.stage", { stage: "bijstellen" }), spelleider, NOW_V2);
    play(later, cmd("kader.add", { itemId: "k9", text: "Een wachtlijst per wijk", categoryId: "kernwaarden" }), spelleider, NOW_V2);
    play(later, cmd("kader.retire", { itemId: "k9", reason: "Dubbel met punt 1." }), spelleider, NOW_V2);
    const laterEvents = logOf(later);
    const laterMd = kaderV2Markdown(laterEvents);
    expect(laterMd).toContain("### Nieuw: Een wachtlijst per wijk\n\n**Vervallen** · Categorie: Kernwaarden en bedoeling\n\nReden vervallen: Dubbel met punt 1.");
    expect(laterMd).toContain("| 4 | 1 | 1 | 2 | 1 |");
    expect(kaderV2Csv(laterEvents)).toContain('"";"vervallen";"Een wachtlijst per wijk";"";"Kernwaarden en bedoeling";"";"";"";"";"";"";"";"";"";"Dubbel met punt 1."');
  });
});

describe("CSV of versie 2 for Excel with Dutch settings", () => {
  const csv = kaderV2Csv(events);
  const lines = csv.slice(1).split("\r\n");

  test("UTF-8 with BOM, CRLF, the Dutch header, one row per v2 item with 15 fields each", () => {
    expect(csv.startsWith('\uFEFF"rang v1";"status";"kaderpunt";"tekst v1";"categorie";"toegepast ja";"toegepast deels";"toegepast nee";"steun v1";"steun v2";"steun veranderd";"wat ging goed";"wat kan beter";"indicatoren";"reden vervallen"\r\n')).toBe(true);
    expect(KADER_V2_CSV_HEADER).toHaveLength(15);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = lines.filter(Boolean);
    expect(rows).toHaveLength(1 + view.v2.length);
    for (const row of rows) expect(row.match(/"(?:[^"]|"")*"/g)?.length).toBe(15);
  });

  test("several texts in one cell joined with ' | ', text that starts like a formula defused, quotes doubled", () => {
    const amended = lines.find((l) => l.startsWith('"4";"gewijzigd";')) ?? "";
    expect(amended).toContain('"Mandaat voor de professional"');
    expect(amended).toContain('"25%";"75%";"meer"');
    expect(amended).toContain('"\'+ Het mandaat staat nog niet op papier. | =Spreek af wie tekent."');
    expect(amended).toContain('""zo""');
    expect(lines.find((l) => l.startsWith('"";"nieuw";'))).toBe('"";"nieuw";"Elk half jaar kijken we samen terug op de casussen.";"";"Kernwaarden en bedoeling";"";"";"";"";"67%";"";"";"";"";""');
  });
});

const has = (tool: string) => spawnSync(tool, ["-v"]).error === undefined;
const NO_PDFTOTEXT = "pdftotext ontbreekt (pakket poppler-utils): de tekst van de PDF van versie 2 kan niet worden gecontroleerd. Installeer poppler-utils om deze test te draaien.";
if (!has("pdftotext")) console.warn(`PDF-test van versie 2 overgeslagen: ${NO_PDFTOTEXT}`);

describe.skipIf(!has("pdftotext"))("the PDF of versie 2", () => {
  const scratch = mkdtempSync(join(tmpdir(), "maatwerkspel-kader-v2-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test("pdftotext finds the title, the summary and every v2 item's text, and no names", async () => {
    const pdf = await kaderV2Pdf(events, NOW_V2);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = join(scratch, "kader-v2.pdf");
    writeFileSync(file, pdf);
    const result = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const text = result.stdout.replace(/\s+/g, " ");
    expect(text).toContain("Kader op maat — versie 2");
    expect(text).toContain("Terugkombijeenkomst op 12 februari 2026 · sessiecode ABC123");
    for (const item of view.v2) expect(text).toContain(item.text.replace(/\s+/g, " "));
    expect(text).toContain("In versie 1: ‘Mandaat voor de professional’");
    expect(text).toContain("Reden vervallen: Hoort bij het besluit per casus");
    expect(text).toContain("‘Inwoners hebben nu één vast gezicht.’");
    expect(text).toContain("meer steun");
    for (const name of NAMES) expect(text).not.toContain(name);
    // Page 1 as a picture, for a person to look at (test-results/ is not committed).
    if (has("pdftoppm")) {
      const out = resolve("test-results/exports");
      mkdirSync(out, { recursive: true });
      spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(out, "kader-v2-pagina")]);
    }
  });
});

describe("day 1's exports once the terugkombijeenkomst has begun", () => {
  test("Markdown, CSV and PDF (with the same `now`) are byte for byte what they were at the end of day 1", async () => {
    expect(kaderMarkdown(events)).toBe(kaderMarkdown(dayOne));
    expect(kaderCsv(events)).toBe(kaderCsv(dayOne));
    expect((await kaderPdf(events, T0)).equals(await kaderPdf(dayOne, T0))).toBe(true);
  });

  test("even when a day-1 voter is removed on day 2: day 1 keeps their votes", async () => {
    // Given: the terugkombijeenkomst, and then the spelleider removes d4, who gave i1 8 points on day 1.
    const later = terugkomSession();
    play(later, cmd("participant.remove", { participantId: "d4" }), spelleider, T_TERUGKOM + 90 * MINUTE);
    const log = logOf(later);
    // Then: day 1's files do not change.
    expect(kaderMarkdown(log)).toBe(kaderMarkdown(dayOne));
    expect(kaderCsv(log)).toBe(kaderCsv(dayOne));
    expect((await kaderPdf(log, T0)).equals(await kaderPdf(dayOne, T0))).toBe(true);
    for (const format of EXPORT_FORMATS.filter((f) => f !== "json")) {
      const [before, after] = await Promise.all([exportSession(format, storedOf(dayOne), T0), exportSession(format, storedOf(log), T0)]);
      expect(Buffer.from(after.body).equals(Buffer.from(before.body)), format).toBe(true);
      expect(after.fileName).toBe(before.fileName);
    }
  });

  test("the JSON export holds day 2 too: it is the whole log, for an import elsewhere", async () => {
    const file = await exportSession("json", storedOf(events), NOW_V2);
    const types = (JSON.parse(String(file.body)) as { events: StoredEvent[] }).events.map((s) => s.event.type);
    expect(types).toContain("TerugkomOpened");
    expect(types).toContain("ReflectionGiven");
  });
});

describe("exportKaderV2: the files of the routes", () => {
  test("before the terugkombijeenkomst: no file (the route answers 409 with this Dutch reason)", async () => {
    for (const format of KADER_V2_FORMATS) expect(await exportKaderV2(format, storedOf(dayOne), T0)).toBeNull();
    expect(KADER_V2_NOT_OPENED).toBe("De terugkombijeenkomst is nog niet geopend: versie 2 van het kader bestaat nog niet.");
    expect(() => kaderV2Markdown(dayOne)).toThrow(KADER_V2_NOT_OPENED);
  });

  test("after: each format with its content type, named after the code and the day of the terugkombijeenkomst", async () => {
    const types = { md: "text/markdown; charset=utf-8", pdf: "application/pdf", csv: "text/csv; charset=utf-8" };
    for (const format of KADER_V2_FORMATS) {
      const file = await exportKaderV2(format, storedOf(events), NOW_V2);
      expect(file, format).toMatchObject({ fileName: `kader-ABC123-2026-02-12-v2.${format}`, contentType: types[format] });
    }
    expect(exportFileNameV2("ABC-123", T_TERUGKOM, "pdf")).toBe("kader-ABC123-2026-02-12-v2.pdf");
    expect((await exportKaderV2("md", storedOf(events), NOW_V2))?.body).toBe(kaderV2Markdown(events));
  });

  test("a terugkombijeenkomst just opened, with nothing done yet, gives every format", async () => {
    const opened = fullSession();
    play(opened, cmd("terugkom.open"), spelleider, T_TERUGKOM);
    for (const format of KADER_V2_FORMATS) {
      const file = await exportKaderV2(format, storedOf(logOf(opened)), NOW_V2);
      expect(file?.body.length, format).toBeGreaterThan(500);
    }
    const md = kaderV2Markdown(logOf(opened));
    expect(md).toContain("| 6 | 0 | 0 | 0 | 0 |");
    expect(md).toContain("Toegepast: _Nog niemand reflecteerde op dit punt._");
  });
});
