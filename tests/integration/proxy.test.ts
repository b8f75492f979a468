/**
 * A whole session played by SDK clients through a bad network: a proxy between them and the server drops every
 * connection now and then, delays the bytes, and pauses all traffic for a while. No work may be lost: every command
 * the server acknowledged is in the log, the bots never saw a refusal, the log replays into the room (harness), and
 * once the network is healthy again every client shows exactly what the room holds.
 */
import { describe, expect, it } from "vitest";
import { playPhases, setUpSession } from "../../tools/bots/play.ts";
import { playerView, type Viewer } from "../../server/core/view.ts";
import { comparableView, liveRoom, useTestServer } from "./harness.ts";
import { ChaosProxy } from "./proxy.ts";

const fx = useTestServer();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("een slecht netwerk tussen clients en server", () => {
  it("drops, delays and pauses during a whole session: no acknowledged command lost, every view converges", { timeout: 180_000 }, async () => {
    const { baseUrl, store } = fx.get();
    const url = new URL(baseUrl);
    const proxy = new ChaosProxy({ host: url.hostname, port: Number(url.port) });
    const proxyUrl = await proxy.listen();
    try {
      const ctx = await setUpSession({ baseUrl: proxyUrl, players: 6, scenarioId: "demo-maatwerk" });
      const everyone = [ctx.spelleider, ...ctx.players];
      fx.track(ctx.sessionId, ...everyone);
      let drops = 0;
      everyone.forEach((c) => c.room.onDrop(() => drops++));

      // The weather, in a fixed cycle every 0.4-0.9 s: everything dropped, a new delay, a pause; with bytes delayed
      // by 40 ms to start with, so that a session takes long enough to go through the cycle many times.
      let stormy = true;
      proxy.delayMs = 40;
      const weather: string[] = [];
      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const storm = (async () => {
        for (let step = 0; stormy; step++) {
          await sleep(400 + random() * 500);
          if (!stormy) break;
          switch (step % 3) {
            case 0:
              weather.push(`weg (${proxy.dropAll()} verbindingen)`);
              break;
            case 1:
              proxy.delayMs = Math.round(random() * 120);
              weather.push(`vertraging ${proxy.delayMs} ms`);
              break;
            default: {
              const ms = Math.round(200 + random() * 600);
              proxy.pause();
              weather.push(`pauze ${ms} ms`);
              await sleep(ms);
              proxy.resume();
            }
          }
        }
      })();

      const run = await playPhases(ctx, { from: 1, to: ctx.spelleider.session.phases.length - 1 });
      stormy = false;
      await storm;
      proxy.heal();
      console.log(`slecht netwerk: ${run.commands} opdrachten, ${weather.length} keer weer (${weather.filter((w) => w.startsWith("weg")).length} keer alles weg, ${proxy.stats.pauses} pauzes), ${drops} keer een client kwijt`);
      expect(weather.filter((w) => w.startsWith("weg")).length).toBeGreaterThanOrEqual(3);
      expect(proxy.stats.pauses).toBeGreaterThanOrEqual(2);
      expect(drops).toBeGreaterThan(0);

      // No refusals (a refusal would have thrown in the bots), and every acknowledged command is in the log.
      expect(run.rejected).toBe(0);
      expect(ctx.spelleider.session.phase.kind).toBe("resultaat");
      const log = await store.load(ctx.sessionId);
      const logged = new Set(log.flatMap((e) => (e.commandKey ? [e.commandKey] : [])));
      expect(run.acknowledged.filter((key) => !logged.has(key))).toEqual([]);
      // And nothing twice: the events of one command sit together, from one append.
      const seqsOf = new Map<string, number[]>();
      for (const e of log) if (e.commandKey) seqsOf.set(e.commandKey, [...(seqsOf.get(e.commandKey) ?? []), e.seq]);
      for (const [key, seqs] of seqsOf) expect((seqs.at(-1) ?? 0) - (seqs[0] ?? 0) + 1, key).toBe(seqs.length);

      // Healthy again: everyone reconnects, catches up with the log, and shows exactly the room's state.
      const lastSeq = log.at(-1)?.seq ?? 0;
      await Promise.all(everyone.map((c) => c.until(() => c.status === "verbonden" && c.room.connection.isOpen, 30_000)));
      await Promise.all(everyone.map((c) => c.caughtUp(lastSeq, 30_000)));
      const room = await liveRoom(ctx.sessionId);
      await room.settled();
      for (const c of everyone) {
        const viewer: Viewer = c.seatToken ? { kind: "participant", participantId: c.mine?.participantId ?? "?" } : { kind: "spelleider" };
        expect(comparableView(c.view()), `${viewer.kind} ${c.mine?.participantId ?? ""}`).toEqual(comparableView(playerView(room.sessionState, viewer)));
      }
    } finally {
      await proxy.close();
    }
  });
});
