/**
 * The trainer's overview over sessions, behind TRAINER_SECRET:
 *   GET /trainer/<secret>                               the scenarios that have sessions
 *   GET /trainer/<secret>/patronen/<scenarioId>         the patterns of one scenario (HTML)
 *   GET /trainer/<secret>/patronen/<scenarioId>.csv|.md the same as a download
 * Any wrong, missing or unconfigured secret, and any other path under /trainer, gets the same Dutch 404, checked
 * before anything else: the answer says nothing about whether the overview or a scenario exists.
 */
import express, { type Application, type Request, type Response } from "express";
import { z } from "zod";
import { isoDate } from "../exports/text.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import type { EventStore } from "../store/types.ts";
import { analysePatterns, type PatternAnalysis } from "../patterns/analyse.ts";
import { patternsCsv } from "../patterns/csv.ts";
import { scenarioLogs, scenariosWithSessions } from "../patterns/load.ts";
import { patternsMarkdown } from "../patterns/markdown.ts";
import { trainerSecretMatches } from "../patterns/secret.ts";
import { patternFileName } from "../patterns/text.ts";
import { patternsPage } from "../render/patterns.ts";
import { pagePolicy } from "../render/shell.ts";
import { analysisFailedPage, scenarioListPage, unknownScenarioPage, wrongLinkPage } from "../render/trainer.ts";
import { isWithheld } from "../scenarios/privacy.ts";
import { scenarioPreviewResponse } from "./preview.ts";

export interface PatternServices {
  store: EventStore;
  scenarios: ReadonlyMap<string, Scenario>;
  now: () => number;
  /** TRAINER_SECRET; absent or null: the overview is off and every /trainer path answers 404. */
  trainerSecret?: string | null;
}

/** `demo-maatwerk`, `demo-maatwerk.csv` or `demo-maatwerk.md`: a scenario id (as IdSchema) and what to send. */
const FileSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}(\.(csv|md))?$/)
  .transform((value) => {
    const [scenarioId = "", extension] = value.split(".");
    return { scenarioId, format: extension === "csv" || extension === "md" ? extension : "html" };
  });

// no-store: the pages show what groups wrote; no-referrer: the secret is in the address and must not travel on.
const PRIVATE_HEADERS = { "cache-control": "no-store", "referrer-policy": "no-referrer", "x-robots-tag": "noindex, nofollow" };

const html = (res: Response, status: number, page: string) => res.status(status).set({ ...PRIVATE_HEADERS, "content-security-policy": pagePolicy(page) }).type("html").send(page);

export function registerPatternRoutes(app: Application, services: PatternServices): void {
  const router = express.Router();
  const secretOf = (req: Request): string | null => {
    const secret = req.params.secret;
    return typeof secret === "string" && trainerSecretMatches(services.trainerSecret, secret) ? secret : null;
  };

  router.get("/:secret", async (req, res) => {
    const secret = secretOf(req);
    if (!secret) return html(res, 404, wrongLinkPage());
    const previews = [...services.scenarios.values()].map((s) => ({ id: s.id, title: s.title, withheld: isWithheld(s) }));
    return html(res, 200, scenarioListPage(secret, await scenariosWithSessions(services.store, services.scenarios), previews));
  });

  router.get("/:secret/patronen/:file", async (req, res) => {
    const secret = secretOf(req);
    if (!secret) return html(res, 404, wrongLinkPage());
    const file = FileSchema.safeParse(req.params.file);
    if (!file.success) return html(res, 404, unknownScenarioPage(secret, String(req.params.file ?? "")));
    const { scenarioId, format } = file.data;
    const { logs, damaged } = await scenarioLogs(services.store, scenarioId);
    if (logs.length === 0 && !services.scenarios.has(scenarioId)) return html(res, 404, unknownScenarioPage(secret, scenarioId));
    const analysis = analyse(logs, services.scenarios.get(scenarioId));
    if (!analysis) {
      return html(res, 500, analysisFailedPage());
    }
    if (format === "html") return html(res, 200, patternsPage(secret, analysis, damaged));
    // The CSV stays one table (a note would break it for Excel); the page beside its link says what was left out.
    const body = format === "csv" ? patternsCsv(analysis) : patternsMarkdown(analysis, damaged);
    const type = format === "csv" ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8";
    return res.status(200).set(PRIVATE_HEADERS).type(type).attachment(patternFileName(scenarioId, isoDate(services.now()), format)).send(body);
  });

  // The preview of a loaded scenario, with the checker's warnings on top (also one held back from /nieuw).
  router.get("/:secret/scenario/:id", (req, res) => {
    const secret = secretOf(req);
    if (!secret) return html(res, 404, wrongLinkPage());
    const { status, html: page, csp } = scenarioPreviewResponse(services.scenarios, String(req.params.id ?? ""), `/trainer/${encodeURIComponent(secret)}/scenario/`);
    return res.status(status).set({ ...PRIVATE_HEADERS, "content-security-policy": csp }).type("html").send(page);
  });

  // Everything else under /trainer, including /trainer itself: the same 404 as a wrong secret.
  router.use((_req, res) => {
    html(res, 404, wrongLinkPage());
  });
  app.use("/trainer", router);
}

/** The analysis, or null (logged) when a stored log cannot be replayed. */
function analyse(logs: readonly SessionEvent[][], loaded: Scenario | undefined): PatternAnalysis | null {
  try {
    const analysis = analysePatterns(logs);
    // A loaded scenario nobody has played yet: its own title, and the page says there is nothing to compare.
    if (logs.length > 0 || !loaded) return analysis;
    return { ...analysis, scenarioId: loaded.id, scenarioTitle: loaded.title, unit: loaded.voting.mode === "moscow" ? "moscow" : "punten" };
  } catch (error) {
    console.error("Het patronenoverzicht kon niet worden gemaakt:", error);
    return null;
  }
}
