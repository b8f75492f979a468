/**
 * The bench's account of the server's memory by kind (tools/bench/memoryReport.ts) finds what a real server with a
 * real session keeps: the room's session state, its projection, one view per connection, the encode buffers; and the
 * state it reports grows as the session is played. Its byte estimates count a shared object once.
 */
import { describe, expect, it } from "vitest";
import { playPhases } from "../../tools/bots/play.ts";
import { approxBytes, memoryReport } from "../../tools/bench/memoryReport.ts";
import { useTestServer } from "./harness.ts";

const server = useTestServer();

describe("memoryReport", () => {
  it("finds the room's state, projection, views and encode buffers, and the state grows as the session is played", async () => {
    const ctx = await server.session(4);
    const before = await memoryReport();
    expect(before.rooms).toBe(1);
    // The spelleider and four participants, each with a view.
    expect(before.connections).toBe(5);
    expect(before.views.count).toBe(5);
    expect(before.state.count).toBeGreaterThanOrEqual(1);
    expect(before.state.bytes).toBeGreaterThan(1_000);
    expect(before.scenarios.count).toBe(1);
    expect(before.projection.count).toBeGreaterThan(5);
    expect(before.projection.bytes).toBeGreaterThan(before.projection.count * 700);
    expect(before.encoderBuffers.count).toBeGreaterThanOrEqual(1);
    expect(before.encoderBuffers.bytes).toBeGreaterThanOrEqual(16 * 1024);

    await playPhases(ctx, { from: 1, to: 3 });
    const after = await memoryReport();
    expect(after.state.bytes).toBeGreaterThan(before.state.bytes);
    expect(after.projection.count).toBeGreaterThan(before.projection.count);
  }, 60_000);

  it("estimates bytes counting each object once, strings past Latin-1 at two bytes a character", () => {
    const shared = { text: "x".repeat(1000) };
    const seen = new WeakSet<object>();
    const once = approxBytes({ a: shared }, seen);
    expect(once).toBeGreaterThan(1000);
    expect(approxBytes({ b: shared }, seen)).toBeLessThan(100);
    expect(approxBytes("é".repeat(100), new WeakSet())).toBe(116);
    expect(approxBytes("€".repeat(100), new WeakSet())).toBe(216);
    expect(approxBytes(new Map([["k", "v".repeat(50)]]), new WeakSet())).toBe(48 + 36 + 17 + 66);
  });
});
