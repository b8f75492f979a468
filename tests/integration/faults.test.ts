/**
 * When the disk refuses a write, nothing is applied and the participant hears it in Dutch, still connected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpSession } from "../../tools/bots/play.ts";
import { liveRoom, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe("opslag weigert", () => {
  it("een opdracht die niet kan worden opgeslagen, verandert niets en krijgt een Nederlandse melding", async () => {
    const ctx = await setUpSession({ baseUrl: server.baseUrl, players: 1, scenarioId: "demo-maatwerk" });
    const [alice] = ctx.players;
    if (!alice) throw new Error("geen speler");
    await ctx.spelleider.must({ type: "phase.next" });
    const room = await liveRoom(ctx.sessionId);
    await server.store.close(); // the real SQLite handle is gone: every append now fails
    const result = await alice.send({ type: "card.post", cardId: "k1", promptId: "wel", text: "Dit kan niet worden bewaard" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe("serverfout");
      expect(result.message).toMatch(/niet worden opgeslagen. Er is niets veranderd/);
    }
    expect(room.sessionState.cards.size).toBe(0);
    expect(alice.cards).toEqual([]);
    expect(alice.room.connection.isOpen).toBe(true);
    await Promise.all([alice, ctx.spelleider].map((c) => c.leave()));
  });
});
