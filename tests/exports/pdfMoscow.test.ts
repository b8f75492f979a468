/**
 * The PDF's legend says what a light bar is when the session voted with MoSCoW ("kan" gives a score but is not
 * support), and only then. Read back with pdftotext, as a reader would see it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { kaderPdf } from "../../server/exports/pdf.ts";
import { MINUTE, T0, fullSession, logOf } from "../fixtures/given.ts";

const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;
if (!hasPdftotext) console.warn("PDF-legendatest overgeslagen: pdftotext ontbreekt (pakket poppler-utils).");
const scratch = mkdtempSync(join(tmpdir(), "maatwerkspel-pdf-moscow-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function pdfText(events: SessionEvent[], name: string): Promise<string> {
  const file = join(scratch, name);
  writeFileSync(file, await kaderPdf(events, T0 + 60 * MINUTE));
  const result = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.replace(/\s+/g, " ");
}

/** The same session, as if its scenario voted with MoSCoW. */
const withMoscow = (events: SessionEvent[]): SessionEvent[] =>
  events.map((event) => (event.type === "SessionCreated" ? { ...event, scenario: { ...event.scenario, voting: { mode: "moscow" as const } } } : event));

describe.skipIf(!hasPdftotext)("the PDF's legend of the support bars", () => {
  test("with MoSCoW it says what a light bar is; with points it does not", async () => {
    const events = logOf(fullSession());
    expect(await pdfText(withMoscow(events), "moscow.pdf")).toContain("Een lichte staaf: in die rol koos men alleen ‘kan’; dat telt niet als steun.");
    expect(await pdfText(events, "punten.pdf")).not.toContain("lichte staaf");
  });
});
