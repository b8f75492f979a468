/**
 * The server as a child process, as `npm start` runs it: play half a session, kill -9, start again on the same
 * data directory, everyone back in their seat, play on. No acknowledged command may be missing from the log.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { playPhases, setUpSession } from "../../tools/bots/play.ts";
import type { CommandInput, SessionClient } from "../../game/src/net/sessionClient.ts";
import { StoredEventSchema } from "#shared/protocol/events.ts";
import { freePort } from "./harness.ts";

const dataDir = mkdtempSync(join(tmpdir(), "maatwerkspel-restart-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["server/main.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (healthy) return child;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`De server startte niet:\n${output}`);
}

const LogSchema = z.object({ events: z.array(StoredEventSchema) });

async function loggedCommandKeys(baseUrl: string, secret: string): Promise<Set<string>> {
  const res = await fetch(`${baseUrl}/api/spelleider/${secret}/events`);
  const log = LogSchema.parse(await res.json());
  return new Set(log.events.flatMap((e) => (e.commandKey ? [e.commandKey] : [])));
}

describe("herstart na kill -9", () => {
  it("verliest geen bevestigde opdracht en iedereen krijgt zijn plek terug", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = await startServer(port);
    const ctx = await setUpSession({ baseUrl, players: 6, scenarioId: "demo-maatwerk" });
    const half = await playPhases(ctx, { from: 1, to: 4 });
    // One acknowledged command we will send again after the restart, as the SDK does after a reconnect.
    const [, , itemA, itemB] = ctx.spelleider.items; // the bots marked a spanning between the first two already
    const resent = { type: "spanning.mark", commandId: "voor-de-herstart", spanningId: "sp-herstart", itemA: itemA?.id ?? "", itemB: itemB?.id ?? "", note: "Gelijke behandeling tegenover ruimte voor de professional." } as const;
    expect((await ctx.spelleider.send(resent)).ok).toBe(true);
    await Promise.all(ctx.players.map((p) => p.caughtUp(ctx.spelleider.seq)));
    const seats = ctx.players.map((p) => ({ participantId: p.mine?.participantId, role: p.mine?.role }));
    const itemsBefore = ctx.spelleider.items.map((i) => i.id).sort();

    // Taken before the kill: a fast client may already be in its new room by the time the new server answers.
    const everyone = [ctx.spelleider, ...ctx.players];
    const oldRooms = everyone.map((c) => c.room);
    first.kill("SIGKILL");
    await new Promise<void>((ok) => first.once("exit", () => ok()));
    await startServer(port);

    const logged = await loggedCommandKeys(baseUrl, ctx.secret);
    const missing = half.acknowledged.filter((key) => !logged.has(key));
    expect(missing).toEqual([]);
    expect(half.acknowledged.length).toBeGreaterThan(50);

    // Everyone comes back by themselves: the clients notice the room is gone and rejoin with their seat token
    // (participants) or secret (spelleider), as an open browser tab would.
    const back = Date.now();
    const backInSeat = (c: (typeof everyone)[number], i: number) => c.room !== oldRooms[i] && c.status === "verbonden";
    await Promise.all(everyone.map((c, i) => c.until(() => backInSeat(c, i), 75_000))).catch((error: unknown) => {
      const states = everyone.map((c, i) => `${c.actorKey}: ${c.status} ${c.statusDetail} ${backInSeat(c, i) ? "terug" : "niet terug"}`);
      throw new Error(`${String(error)}\n${states.join("\n")}`);
    });
    // Generous here: CI runs this beside browser tests on two cores. The 5 s target is measured by issue 8's script.
    const rejoinMs = Date.now() - back;
    console.log(`Iedereen terug op zijn plek na ${rejoinMs} ms.`);
    expect(rejoinMs).toBeLessThan(75_000);
    for (const [i, p] of ctx.players.entries()) {
      await p.until(() => p.mine !== null);
      expect(p.mine?.participantId).toBe(seats[i]?.participantId);
      expect(p.mine?.role).toBe(seats[i]?.role);
    }
    const { spelleider } = ctx;
    await spelleider.until(() => spelleider.items.length === itemsBefore.length);
    expect(spelleider.items.map((i) => i.id).sort()).toEqual(itemsBefore);
    expect(spelleider.session.phase.kind).toBe("samenvoegen");

    // The re-sent command is acknowledged again and not applied twice, also across the restart.
    expect((await spelleider.send(resent)).ok).toBe(true);
    const log = LogSchema.parse(await (await fetch(`${baseUrl}/api/spelleider/${ctx.secret}/events`)).json());
    expect(log.events.filter((e) => e.commandKey === "spelleider:voor-de-herstart")).toHaveLength(1);

    const rest = await playPhases(ctx, { from: 5, to: 7 });
    expect(rest.rejected).toBe(0);
    expect(spelleider.session.phase.kind).toBe("resultaat");
    const all = await loggedCommandKeys(baseUrl, ctx.secret);
    expect([...half.acknowledged, ...rest.acknowledged].filter((key) => !all.has(key))).toEqual([]);
    await Promise.all(everyone.map((c) => c.leave()));
  });
});

describe("kill -9 terwijl dertig deelnemers bezig zijn", () => {
  it("every acknowledged command is in the log, and every client is back in its seat within 5 s of the restart", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = await startServer(port);
    const ctx = await setUpSession({ baseUrl, players: 30, scenarioId: "demo-maatwerk" });
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming: everyone can post cards
    const promptIds = ctx.spelleider.scenario.prompts.map((p) => p.id);
    const seats = ctx.players.map((p) => p.mine?.participantId ?? "");
    expect(seats.every((id) => id !== "")).toBe(true);

    // Each participant keeps acting: a card, then takes it away again, then "klaar" on or off; a few times a second.
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let acting = true;
    const act = async (p: SessionClient, i: number) => {
      const key = (commandId: string) => `${seats[i]}:${commandId}`;
      const send = async (command: CommandInput) => {
        const result = await p.send(command, 60_000);
        if (result.ok) acknowledged.push(key(result.commandId));
        else refused.push(`${command.type}: ${result.message}`);
      };
      for (let n = 0; acting; n++) {
        const cardId = `k${i}x${n}`;
        await send({ type: "card.post", cardId, promptId: promptIds[n % promptIds.length] ?? "wel", text: `Kaartje ${n} van deelnemer ${i + 1}` });
        await send({ type: "card.remove", cardId });
        await send({ type: "participant.ready", ready: n % 2 === 0 });
        await new Promise((r) => setTimeout(r, 150 + ((i * 37 + n * 11) % 200)));
      }
    };
    const actors = ctx.players.map((p, i) => act(p, i));
    await ctx.spelleider.until(() => acknowledged.length >= 200, 60_000);

    const everyone = [ctx.spelleider, ...ctx.players];
    const oldRooms = everyone.map((c) => c.room);
    const ackedBeforeKill = acknowledged.length;
    const killedAt = Date.now();
    first.kill("SIGKILL");
    await new Promise<void>((ok) => first.once("exit", () => ok()));
    await startServer(port);
    const restartedAt = Date.now();

    // Back in the seat: a new room, connected, and the participant's own seat in it. Measured per client.
    const backAt = new Map<number, number>();
    const inSeat = (c: SessionClient, i: number) => c.room !== oldRooms[i] && c.status === "verbonden" && (i === 0 ? c.room.state.session !== undefined : c.mine?.participantId === seats[i - 1]);
    await new Promise<void>((ok, fail) => {
      const poll = setInterval(() => {
        everyone.forEach((c, i) => {
          if (!backAt.has(i) && inSeat(c, i)) backAt.set(i, Date.now());
        });
        if (backAt.size === everyone.length) {
          clearInterval(poll);
          ok();
        } else if (Date.now() - restartedAt > 60_000) {
          clearInterval(poll);
          fail(new Error(`Na 60 s nog niet terug: ${everyone.filter((_, i) => !backAt.has(i)).map((c) => `${c.actorKey} ${c.status} ${c.statusDetail}`).join("; ")}`));
        }
      }, 5);
    });
    const lastBack = Math.max(...backAt.values());
    const sinceRestart = lastBack - restartedAt;
    console.log(
      `kill -9 met 30 actieve deelnemers: ${ackedBeforeKill} bevestigd voor de kill; server weer op na ${restartedAt - killedAt} ms; ` +
        `iedereen terug op zijn plek ${sinceRestart} ms na de herstart (${lastBack - killedAt} ms na de kill; mediaan ${median([...backAt.values()].map((t) => t - restartedAt))} ms).`,
    );
    expect(sinceRestart).toBeLessThan(5_000);

    // They carry on for a moment on the new server, then stop.
    const afterRestart = acknowledged.length;
    await ctx.spelleider.until(() => acknowledged.length >= afterRestart + 60, 60_000);
    acting = false;
    await Promise.all(actors);
    expect(refused).toEqual([]);

    const logged = await loggedCommandKeys(baseUrl, ctx.secret);
    const missing = acknowledged.filter((key) => !logged.has(key));
    expect(missing).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(ackedBeforeKill);
    await Promise.all(everyone.map((c) => c.leave()));
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
