/**
 * The scenario preview behind a link (the trainer's, or a spelleider's for the own session): which page to answer
 * with, and the checker's warnings to show on top. The page itself is made in server/render/preview.ts.
 */
import type { Scenario } from "#shared/protocol/scenario.ts";
import { describePersonalData } from "#shared/personalData.ts";
import { scenarioPreviewPage, unknownScenarioPage, type ShownProblem } from "../render/preview.ts";
import { pagePolicy } from "../render/shell.ts";
import { loadWarnings } from "../scenarios/load.ts";
import { formatPath } from "../scenarios/locate.ts";
import { isWithheld, unconfirmedPersonalData } from "../scenarios/privacy.ts";

/** The warnings to show above a server preview: the checker's, as the server read the file; else what the guard finds. */
export function previewWarnings(scenario: Scenario): ShownProblem[] {
  const loaded = loadWarnings(scenario);
  if (loaded !== undefined) {
    return loaded.problems.map((p) => ({ where: `${loaded.file}:${p.line}:${p.column}`, path: p.path, severity: p.severity, message: p.message }));
  }
  return unconfirmedPersonalData(scenario).map((f) => ({
    path: formatPath(f.path),
    severity: "waarschuwing",
    message: `Dit lijkt ${describePersonalData(f.kind)}: ${JSON.stringify(f.match)}. Een scenario moet anoniem zijn: haal dit gegeven weg, of beschrijf het in algemene woorden.`,
  }));
}

/** A scenario preview for someone with a link: the status and page, independent of the HTTP framework. */
export function scenarioPreviewResponse(scenarios: ReadonlyMap<string, Scenario>, id: string, base: string): { status: number; html: string; csp: string } {
  const scenario = scenarios.get(id);
  const answer = (status: number, html: string) => ({ status, html, csp: pagePolicy(html) });
  if (!scenario) return answer(404, unknownScenarioPage(id, [...scenarios.keys()], base));
  return answer(200, scenarioPreviewPage(scenario, { warnings: previewWarnings(scenario), withheld: isWithheld(scenario) }));
}
