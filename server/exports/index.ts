/**
 * Exports of a session, each a pure function of its stored log (and `now`, for the JSON's time stamp and the PDF's
 * creation date): the kader op maat as Markdown, PDF and CSV, and the full log as JSON to import elsewhere; after
 * the terugkombijeenkomst also kader versie 2 as Markdown, PDF and CSV. Day 1's kader exports are built from the
 * log up to the terugkombijeenkomst, so they stay what they were.
 */
import { z } from "zod";
import type { StoredEvent } from "#shared/protocol/events.ts";
import { kaderCsv } from "./csv.ts";
import { buildKaderV2Report, kaderV2Csv, kaderV2Markdown } from "./kaderV2.ts";
import { kaderV2Pdf } from "./kaderV2Pdf.ts";
import { sessionExportJson } from "./json.ts";
import { kaderMarkdown } from "./markdown.ts";
import { kaderPdf } from "./pdf.ts";
import { TEXTS_V2, exportFileName, exportFileNameV2 } from "./text.ts";

export const EXPORT_FORMATS = ["md", "pdf", "csv", "json"] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** One export of a stored log. Throws when the log does not start with SessionCreated. */
export async function exportSession(format: ExportFormat, stored: readonly StoredEvent[], now: number): Promise<ExportFile> {
  const first = stored[0]?.event;
  if (!first || first.type !== "SessionCreated") throw new Error("Een sessielog begint altijd met SessionCreated.");
  return { fileName: exportFileName(first.code, first.at, format), contentType: CONTENT_TYPES[format], body: await exportBody(format, stored, now) };
}

async function exportBody(format: ExportFormat, stored: readonly StoredEvent[], now: number): Promise<string | Buffer> {
  const events = stored.map((s) => s.event);
  switch (format) {
    case "md":
      return kaderMarkdown(events);
    case "pdf":
      return kaderPdf(events, now);
    case "csv":
      return kaderCsv(events);
    case "json":
      return sessionExportJson(stored, now);
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/** Kader versie 2 has no JSON of its own: the JSON export of the session holds day 2's log too. */
export const KADER_V2_FORMATS = ["md", "pdf", "csv"] as const;
export type KaderV2Format = (typeof KADER_V2_FORMATS)[number];

/** Why there is no kader versie 2 yet, for the 409 of its routes. */
export const KADER_V2_NOT_OPENED = TEXTS_V2.notOpened;

/**
 * Kader versie 2 of a stored log, or null when the terugkombijeenkomst has not been opened yet. The file is named
 * after the day of the terugkombijeenkomst: `kader-ABC123-2026-02-12-v2.md`.
 */
export async function exportKaderV2(format: KaderV2Format, stored: readonly StoredEvent[], now: number): Promise<ExportFile | null> {
  const events = stored.map((s) => s.event);
  const first = events[0];
  if (!first || first.type !== "SessionCreated") throw new Error("Een sessielog begint altijd met SessionCreated.");
  const report = buildKaderV2Report(events);
  if (!report) return null;
  const body = format === "md" ? kaderV2Markdown(events) : format === "csv" ? kaderV2Csv(events) : await kaderV2Pdf(events, now);
  return { fileName: exportFileNameV2(first.code, report.openedAt, format), contentType: CONTENT_TYPES[format], body };
}

export { kaderCsv, kaderMarkdown, kaderPdf, kaderV2Csv, kaderV2Markdown, kaderV2Pdf, sessionExportJson };
