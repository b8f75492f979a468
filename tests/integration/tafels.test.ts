/**
 * Tafels over a real server with real SDK clients: 24 participants in 4 tafels play the demo's tafels variant to a
 * plenary result. Each tafel sees only its own work during the tafel phases (the room's StateView filters the board
 * per client), the plenary programma holds items with eisen from several tafels, support is shown per tafel.
 */
import { describe, expect, it } from "vitest";
import { playPhases, setUpSession } from "../../tools/bots/play.ts";
import { useTestServer } from "./harness.ts";

const server = useTestServer();

describe("24 deelnemers aan 4 tafels", () => {
  it("plays from the split to a plenary kader, each tafel seeing only its own work until the plenair", async () => {
    const ctx = await setUpSession({ baseUrl: server.baseUrl, players: 24, scenarioId: "demo-maatwerk", variantId: "tafels", tables: 4 });
    server.track(ctx.sessionId, ctx.spelleider, ...ctx.players);
    const { spelleider, players } = ctx;
    expect(spelleider.tables.map((t) => t.members)).toEqual([6, 6, 6, 6]);
    // Every tafel holds a vertical line: at least four different real roles.
    for (const table of spelleider.tables) {
      const realRoles = new Set(spelleider.people.filter((p) => p.tableId === table.tableId).map((p) => p.realRole));
      expect(realRoles.size, table.name).toBeGreaterThanOrEqual(4);
    }

    const seen: { phase: string; tables: Set<string | null>; eisen: number }[] = [];
    await playPhases(ctx, {
      from: 1,
      to: spelleider.session.phases.length - 1,
      afterPhase: async (phase) => {
        const p = players[0]!;
        await p.caughtUp(spelleider.seq);
        seen.push({ phase: phase.kind, tables: new Set([...p.eisen.map((e) => e.tableId), ...p.items.map((i) => i.tableId)]), eisen: p.eisen.length });
        if (phase.kind === "rolwissel") {
          // Six roles at every tafel, nobody their own.
          for (const table of spelleider.tables) expect(table.roles, table.name).toHaveLength(6);
        }
      },
    });

    const own = players[0]!.mine?.tableId ?? null;
    const tafelPhases = seen.filter((s) => s.phase === "rolwissel" || s.phase === "samenvoegen");
    expect(tafelPhases.length).toBe(2);
    for (const s of tafelPhases) {
      expect([...s.tables].filter((t) => t !== null && t !== own), s.phase).toEqual([]);
      expect(s.eisen).toBeGreaterThan(0);
    }
    // From the plenair on, everyone sees every tafel's work.
    const plenair = seen.find((s) => s.phase === "plenair");
    expect(plenair?.eisen).toBe(spelleider.eisen.length);

    const kader = spelleider.kader;
    expect(kader).not.toBeNull();
    const crossing = spelleider.items.filter((i) => i.tableId === null && i.tableIds.length > 1);
    expect(crossing.length).toBeGreaterThan(0);
    const fromSeveral = kader!.items.filter((i) => new Set(i.provenance.map((p) => p.tableId)).size > 1);
    expect(fromSeveral.length).toBeGreaterThan(0);
    for (const s of spelleider.support) expect(s.perTable.map((t) => t.tableId)).toEqual(["t1", "t2", "t3", "t4"]);
    // The casustoets ran per tafel: four cases decided.
    expect(spelleider.cases.filter((c) => c.decision !== null)).toHaveLength(4);
  }, 120_000);
});
