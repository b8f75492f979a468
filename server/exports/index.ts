/**
 * Exports of a session, each a pure function of its stored log (and `now`, for the JSON's time stamp and the PDF's
 * creation date): the kader op maat as Markdown, PDF and CSV, and the full log as JSON to import elsewhere.
 */
import { z } from "zod";
import type { StoredEvent } from "../protocol/events.ts";
import { kaderCsv } from "./csv.ts";
import { sessionExportJson } from "./json.ts";
import { kaderMarkdown } from "./markdown.ts";
import { kaderPdf } from "./pdf.ts";
import { exportFileName } from "./text.ts";

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

export { kaderCsv, kaderMarkdown, kaderPdf, sessionExportJson };
