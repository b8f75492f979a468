/**
 * The spread heartbeat (server/rooms/colyseus.ts, HeartbeatTransport) against real SDK clients in a real session:
 * with a ping every 200 ms, clients that answer stay connected for many rounds and go on playing. How the pings are
 * spread and when an unanswering connection is cut off: tests/rooms/heartbeat.test.ts.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "./harness.ts";

const fx = useTestServer({ app: { heartbeatMs: 200 } });

describe("de hartslag in een echte sessie", () => {
  it("deelnemers die antwoorden, blijven tien pingrondes verbonden en spelen door", async () => {
    const { spelleider, players } = await fx.session(4);
    const drops: string[] = [];
    for (const client of [spelleider, ...players]) client.onStatus = (status) => void (status !== "verbonden" && drops.push(status));
    await new Promise((done) => setTimeout(done, 2_000));
    expect(drops).toEqual([]);
    const started = await spelleider.send({ type: "phase.next" });
    expect(started.ok).toBe(true);
    if (started.ok) await Promise.all(players.map((p) => p.caughtUp(started.seq)));
    expect([spelleider, ...players].map((c) => c.status)).toEqual(Array(5).fill("verbonden"));
  });
});
