/**
 * The terugkombijeenkomst over a real server, real SQLite and real SDK clients: the terugblik shows at every
 * position exactly what the live beamer showed then; reflections and kader v2 go through the room; the beamer
 * follows the spelleider's position; bad input is answered in Dutch without a disconnect.
 */
import { describe, expect, it } from "vitest";
import { playPhases } from "../../tools/bots/play.ts";
import { playTerugkom } from "../../tools/bots/terugkom.ts";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { boardAt } from "../../server/core/timeline.ts";
import type { PlayerView } from "../../server/core/view.ts";
import { BoardAtSchema, TimelineSchema } from "#shared/protocol/views.ts";
import { comparableView, useTestServer } from "./harness.ts";

const server = useTestServer();

/** What the beamer can see, as plain data. */
type Board = Omit<PlayerView, "people" | "mine" | "drafts">;

function beamerBoard(c: SessionClient): Board {
  const { people: _people, mine: _mine, drafts: _drafts, ...board } = c.view();
  return board;
}

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe("terugblik: replay at every position equals what the live room showed", () => {
  it("records the beamer live through day 1 and day 2, then replays every recorded position from the stored log", async () => {
    const ctx = await server.session(6);
    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: ctx.code });
    server.track(ctx.sessionId, beamer);
    await beamer.until(() => Boolean(beamer.room.state.session));
    // Duplicate suggestions are computed after the answers: they may be of an earlier position (suggestionsSeq).
    const recorded = new Map<number, { board: Board; suggestionsSeq: number }>();
    const record = () => recorded.set(beamer.seq, { board: beamerBoard(beamer), suggestionsSeq: beamer.room.state.suggestionsSeq });
    record();
    beamer.onChange = record;

    const run = await playPhases(ctx, { from: 1, to: ctx.spelleider.session.phases.length - 1 });
    const day2 = await playTerugkom(ctx);
    await beamer.caughtUp(day2.seq);
    record();

    const log = await server.get().store.load(ctx.sessionId);
    const keys = new Set(log.flatMap((s) => (s.commandKey ? [s.commandKey] : [])));
    // Every command ends at one log position. The beamer gets a patch after each generation of commands that changes
    // what it shows (a draft or a ballot changes nothing there, and reaches only its writer and the spelleider; bots
    // that send at once form generations of several commands), so it records many of those positions, not all.
    const shown = (seq: number) => {
      const { people: _people, mine: _mine, drafts: _drafts, ...board } = boardAt(log, seq);
      return JSON.stringify(comparableView(board));
    };
    const ends = [...new Set(log.flatMap((s, k) => (s.commandKey && log[k + 1]?.commandKey !== s.commandKey ? [s.seq] : [])))];
    const changing = ends.filter((seq, k) => k > 0 && shown(seq) !== shown(ends[k - 1]!)).length;
    console.log(`terugblik: ${log.length} gebeurtenissen, ${keys.size} opdrachten, ${changing} veranderden het beamerbeeld, ${recorded.size} posities live opgenomen`);
    expect(changing).toBeGreaterThan(100);
    expect(recorded.size).toBeGreaterThan(50);
    expect(recorded.size).toBeLessThanOrEqual(changing + 2);
    expect(run.commands + day2.commands).toBeGreaterThan(changing);
    let compared = 0;
    for (const [seq, { board: live, suggestionsSeq }] of recorded) {
      const { people, mine, drafts, ...replayed } = boardAt(log, seq);
      expect({ people, mine, drafts }).toEqual({ people: [], mine: null, drafts: [] });
      expect(suggestionsSeq, `positie ${seq}`).toBeLessThanOrEqual(seq);
      const { suggestions, ...rest } = live;
      expect(comparableView({ ...rest, suggestions: replayed.suggestions }), `positie ${seq}`).toEqual(comparableView(replayed));
      // The suggestions the beamer showed are exactly the replay's at the position they were computed for.
      expect(suggestions, `suggesties bij positie ${seq}`).toEqual(boardAt(log, suggestionsSeq).suggestions);
      compared++;
    }
    expect(compared).toBe(recorded.size);
  }, 120_000);
});

describe("terugblik over HTTP and the beamer following the spelleider", () => {
  it("serves the timeline to the spelleider at any time, and to the beamer only once the terugkombijeenkomst is open", async () => {
    const ctx = await server.session(4);
    await playPhases(ctx, { from: 1, to: ctx.spelleider.session.phases.length - 1 });
    const base = server.baseUrl;
    const forSpelleider = await getJson(`${base}/api/spelleider/${ctx.secret}/terugblik`);
    expect(forSpelleider.status).toBe(200);
    const line = TimelineSchema.parse(forSpelleider.body);
    expect(line.entries.filter((e) => e.marker?.kind === "fase")).toHaveLength(ctx.spelleider.session.phases.length - 1);
    const beforeOpen = await getJson(`${base}/api/terugblik/${ctx.code}`);
    expect(beforeOpen).toEqual({ status: 404, body: { error: expect.stringContaining("zodra de spelleider de terugkombijeenkomst heeft geopend") } });

    await ctx.spelleider.must({ type: "terugkom.open" });
    const forBeamer = TimelineSchema.parse((await getJson(`${base}/api/terugblik/${ctx.code}`)).body);
    expect(forBeamer.dayOneEnd).toBe(line.dayOneEnd);
    const mid = line.entries[Math.floor(line.entries.length / 2)]!.seq;
    const board = BoardAtSchema.parse((await getJson(`${base}/api/terugblik/${ctx.code}/${mid}`)).body);
    expect(board.seq).toBe(mid);
    expect(board.view.people).toEqual([]);
    for (const p of ctx.players) expect(JSON.stringify(board)).not.toContain(p.people[0]?.displayName ?? "Bot");
    expect((await getJson(`${base}/api/terugblik/${ctx.code}/nul`)).body).toEqual({ error: expect.stringContaining("heel getal") });
    expect((await getJson(`${base}/api/spelleider/niet-het-geheim-0123456789/terugblik`)).status).toBe(404);
  }, 60_000);

  it("the beamer follows the spelleider's position; anyone else sending one is told no in Dutch and stays connected", async () => {
    const ctx = await server.session(3);
    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: ctx.code });
    server.track(ctx.sessionId, beamer);
    await beamer.until(() => Boolean(beamer.room.state.session));
    ctx.spelleider.sendReplayPosition(2);
    await beamer.until(() => beamer.replaySeq === 2);
    ctx.spelleider.sendReplayPosition(1_000_000); // beyond the log: the end
    await beamer.until(() => beamer.replaySeq === ctx.spelleider.seq);

    const player = ctx.players[0]!;
    const before = { player: player.rejections.length, spelleider: ctx.spelleider.rejections.length };
    player.sendReplayPosition(2);
    await player.until(() => player.rejections.length === before.player + 1);
    ctx.spelleider.room.send("terugblik.positie", { seq: "twee" });
    ctx.spelleider.room.send("terugblik.positie", { seq: -1 });
    await ctx.spelleider.until(() => ctx.spelleider.rejections.length === before.spelleider + 2);
    expect(player.rejections.at(-1)?.message).toContain("Alleen de spelleider");
    expect(ctx.spelleider.rejections.slice(-2).map((r) => r.message)).toEqual([expect.stringContaining("heel getal"), expect.stringContaining("heel getal")]);
    expect(beamer.replaySeq).toBe(ctx.spelleider.seq);
    expect(player.room.connection.isOpen).toBe(true);
    expect(ctx.spelleider.room.connection.isOpen).toBe(true);
  });
});

describe("day 2 through the room", () => {
  it("reflections and kader v2 are stored and shown; wrong senders and phases get Dutch answers", async () => {
    const ctx = await server.session(5);
    await playPhases(ctx, { from: 1, to: ctx.spelleider.session.phases.length - 1 });
    const early = await ctx.players[0]!.send({ type: "reflectie.give", itemId: "x", toegepast: "ja" });
    expect(early).toMatchObject({ ok: false, message: expect.stringContaining("pas als de spelleider de terugkombijeenkomst heeft geopend") });

    const run = await playTerugkom(ctx);
    await Promise.all(ctx.players.map((p) => p.caughtUp(run.seq)));
    const view = ctx.spelleider.terugkom!;
    expect(view.stage).toBe("kader");
    expect(view.reflectors).toBe(5);
    expect(view.counts).toMatchObject({ gewijzigd: 1, nieuw: 1, vervallen: 1 });
    expect(ctx.players[0]!.mine?.reflecties).toHaveLength(view.v1.length);
    expect(ctx.spelleider.people.every((p) => p.reflecties === view.v1.length)).toBe(true);

    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: ctx.code });
    server.track(ctx.sessionId, beamer);
    const fromBeamer = await beamer.send({ type: "reflectie.give", itemId: view.v1[0]!.itemId, toegepast: "ja" });
    expect(fromBeamer).toMatchObject({ ok: false, message: expect.stringContaining("beamerscherm kan alleen kijken") });
    const fromSpelleider = await ctx.spelleider.send({ type: "kader.steun", itemId: view.v1[0]!.itemId, steun: true });
    expect(fromSpelleider).toMatchObject({ ok: false, message: expect.stringContaining("Alleen deelnemers") });
    const wrongStage = await ctx.players[1]!.send({ type: "reflectie.give", itemId: view.v1[0]!.itemId, toegepast: "ja" });
    expect(wrongStage).toMatchObject({ ok: false, message: expect.stringContaining("alleen in de stap reflectie") });
    const dayOne = await ctx.spelleider.send({ type: "phase.previous" });
    expect(dayOne).toMatchObject({ ok: false, message: expect.stringContaining("dag 1 ligt vast") });
  }, 60_000);

  it("a returning participant gets their day-1 seat back with the same browser; a newcomer joins with the code", async () => {
    const ctx = await server.session(3);
    await playPhases(ctx, { from: 1, to: ctx.spelleider.session.phases.length - 1 });
    await ctx.spelleider.must({ type: "session.lock", locked: true });
    await ctx.spelleider.must({ type: "terugkom.open" });
    const first = ctx.players[0]!;
    const seatToken = first.seatToken!;
    const participantId = first.mine!.participantId;
    await first.leave();
    const back = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Wie dan ook", realRole: "anders", seatToken });
    const newcomer = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Nieuwe collega", realRole: "teamleider" });
    server.track(ctx.sessionId, back, newcomer);
    await back.until(() => back.mine !== null);
    await newcomer.until(() => newcomer.mine !== null);
    expect(back.mine?.participantId).toBe(participantId);
    expect(newcomer.mine?.participantId).not.toBe(participantId);
    expect(newcomer.mine?.role).toBeNull();
  }, 60_000);
});
