/**
 * Every shipped scenario, in every variant, can be played to the end by the bots through a real server.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { playSession } from "../../tools/bots/play.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { useTestServer } from "./harness.ts";

const { scenarios, errors } = await loadScenarioDir(resolve("scenarios"));
const fx = useTestServer();

describe("de meegeleverde scenario's", () => {
  it("laden allemaal zonder fouten", () => {
    expect(errors).toEqual([]);
    expect(scenarios.size).toBeGreaterThanOrEqual(1);
  });

  for (const scenario of scenarios.values()) {
    for (const variant of scenario.variants) {
      it(`${scenario.id} (${variant.id}) wordt door de bots uitgespeeld`, async () => {
        const report = await playSession({ baseUrl: fx.baseUrl, players: 7, scenarioId: scenario.id, variantId: variant.id });
        fx.track(report.sessionId, report.context.spelleider, ...report.context.players);
        expect(report.rejected).toBe(0);
        expect(report.context.spelleider.session.phase.kind).toBe("resultaat");
        expect(report.context.spelleider.kader?.items.length).toBeGreaterThan(3);
      });
    }
  }
});
