/**
 * Numbers in the PDFs: Atkinson Hyperlegible Next, the export's typeface, draws a slashed zero ("Wmo 2Ø15"), so a word
 * with a digit is set in Helvetica (every reader has it), on the baseline of the words beside it and without changing
 * where a line breaks. Read back with poppler-utils (pdffonts, pdftotext -bbox-layout), as a reader's PDF viewer would.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { kaderV2Pdf } from "../../server/exports/kaderV2Pdf.ts";
import { ATKINSON_ASCENT, digitRuns, kaderPdf } from "../../server/exports/pdf.ts";
import { MINUTE, T0, T_TERUGKOM, fullSession, logOf, terugkomSession } from "../fixtures/given.ts";

const has = (tool: string) => spawnSync(tool, ["-v"]).error === undefined;
const NO_POPPLER = "pdffonts/pdftotext ontbreken (pakket poppler-utils): de cijfers in de PDF kunnen niet worden gecontroleerd.";
if (!has("pdftotext") || !has("pdffonts")) console.warn(`PDF-cijfertest overgeslagen: ${NO_POPPLER}`);

/** Helvetica's ascender as poppler reads it for the standard font (718 of 1000 units). */
const HELVETICA_ASCENT = 0.718;
const scratch = mkdtempSync(join(tmpdir(), "maatwerkspel-pdf-cijfers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Word {
  text: string;
  yMin: number;
  yMax: number;
}

/** The words of each line, with their boxes (poppler makes a box from the font's ascender and descender). */
function lines(file: string): Word[][] {
  const result = spawnSync("pdftotext", ["-bbox-layout", file, "-"], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split("<line ").slice(1).map((line) =>
    [...line.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[3] ?? "",
      yMin: Number(m[1]),
      yMax: Number(m[2]),
    })),
  );
}

function checkNumbers(file: string): { numbers: number; mixedLines: number } {
  const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout;
  expect(fonts).toMatch(/^Helvetica\s/m);
  let numbers = 0;
  let mixedLines = 0;
  for (const words of lines(file)) {
    const plain = words.find((w) => !/\d/.test(w.text));
    for (const word of words.filter((w) => /\d/.test(w.text))) {
      numbers++;
      // Helvetica's box is lower than Atkinson's (9.25 against 13 points at 10 pt): the number is in Helvetica.
      if (!plain) continue;
      const size = (plain.yMax - plain.yMin) / 1.3;
      expect((word.yMax - word.yMin) / size, `"${word.text}" naast "${plain.text}" staat niet in Helvetica`).toBeCloseTo(0.925, 1);
      const plainBaseline = plain.yMin + ATKINSON_ASCENT * size;
      const wordBaseline = word.yMin + HELVETICA_ASCENT * size;
      expect(Math.abs(wordBaseline - plainBaseline), `"${word.text}" staat niet op de regel van "${plain.text}"`).toBeLessThan(0.2);
      mixedLines++;
    }
  }
  return { numbers, mixedLines };
}

describe("a word with a digit", () => {
  test("is one run, with what sticks to it; text without a digit is one plain run", () => {
    expect(digitRuns("Wmo 2015 art. 2.3.5 (plaats 20).")).toEqual([
      { text: "Wmo ", number: false },
      { text: "2015", number: true },
      { text: " art. ", number: false },
      { text: "2.3.5", number: true },
      { text: " (plaats ", number: false },
      { text: "20).", number: true },
    ]);
    expect(digitRuns("Geen cijfers hier.")).toEqual([{ text: "Geen cijfers hier.", number: false }]);
  });
});

describe.skipIf(!has("pdftotext") || !has("pdffonts"))("numbers in the PDFs", () => {
  test("the kader op maat: every number in Helvetica, on the baseline of the words beside it", async () => {
    const file = join(scratch, "kader.pdf");
    writeFileSync(file, await kaderPdf(logOf(fullSession()), T0 + 60 * MINUTE));
    const { numbers, mixedLines } = checkNumbers(file);
    expect(numbers).toBeGreaterThan(20);
    expect(mixedLines).toBeGreaterThan(10);
  });

  test("kader versie 2 as well", async () => {
    const file = join(scratch, "kader-v2.pdf");
    writeFileSync(file, await kaderV2Pdf(logOf(terugkomSession()), T_TERUGKOM + 60 * MINUTE));
    const { numbers, mixedLines } = checkNumbers(file);
    expect(numbers).toBeGreaterThan(5);
    expect(mixedLines).toBeGreaterThan(3);
  });
});
