/**
 * Through the real room: the shared screen's counts (arrivals per function, eisen written per role) reach the beamer
 * and the spelleider, with every new draft, and never a participant; the drafts' text stays with their author. The
 * spelleider chooses the beamer's page with `beamer.pagina`, a presentation message that is not logged; anyone else,
 * or a malformed choice, gets a Dutch answer and stays connected.
 */
import { describe, expect, it } from "vitest";
import { SessionClient, newId } from "../../game/src/net/sessionClient.ts";
import { useTestServer } from "./harness.ts";

const server = useTestServer();

describe("the shared screen's counts through the room", () => {
  it("a draft raises its role's count on the beamer and the console; participants get no counts and no other's text", async () => {
    const ctx = await server.session(3);
    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: ctx.code });
    server.track(ctx.sessionId, beamer);
    await beamer.until(() => beamer.counts !== null);
    const arrivals = beamer.counts?.arrivals;
    expect(Object.values(arrivals ?? {}).reduce((a, b) => a + b, 0)).toBe(3);

    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming
    await ctx.spelleider.must({ type: "phase.next" }); // ronde 1
    const writer = ctx.players[0]!;
    await writer.until(() => (writer.mine?.role ?? null) !== null);
    const role = writer.mine?.role;
    if (!role) throw new Error("geen rol");
    await beamer.until(() => beamer.counts?.written !== null && beamer.counts?.written !== undefined);
    expect(beamer.counts?.written?.perRole[role]).toBe(0);

    const text = "Een geheime kladversie die alleen de schrijver mag zien.";
    await writer.must({ type: "eis.write", eisId: newId("e"), categoryId: ctx.spelleider.scenario.categories[0]?.id ?? "kernwaarden", text });
    // A draft patches only the writer, the spelleider and the beamer (not the other phones): the beamer gets the count.
    await beamer.until(() => beamer.counts?.written?.perRole[role] === 1, 2_000);
    await ctx.spelleider.until(() => ctx.spelleider.counts?.written?.perRole[role] === 1, 2_000);
    for (const p of ctx.players) expect(p.counts).toBeNull();
    expect(JSON.stringify(beamer.view())).not.toContain(text);
    expect(JSON.stringify(ctx.spelleider.view())).not.toContain(text);
    expect(JSON.stringify(ctx.players[1]!.view())).not.toContain(text);
  });
});

describe("the beamer's page, chosen on the console", () => {
  it("the spelleider holds a page and lets go; the beamer follows; anyone else or a wrong page is told no in Dutch and stays connected", async () => {
    const ctx = await server.session(2);
    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: ctx.code });
    server.track(ctx.sessionId, beamer);
    await beamer.until(() => Boolean(beamer.room.state.session));
    expect(beamer.beamerPage).toBeNull();
    const seq = ctx.spelleider.seq;

    ctx.spelleider.sendBeamerPage({ board: "3:uitslag", page: 1 });
    await beamer.until(() => beamer.beamerPage?.page === 1);
    expect(beamer.beamerPage).toEqual({ board: "3:uitslag", page: 1 });
    ctx.spelleider.sendBeamerPage({ board: "3:uitslag", page: null });
    await beamer.until(() => beamer.beamerPage?.page === null);

    const player = ctx.players[0]!;
    const before = { player: player.rejections.length, spelleider: ctx.spelleider.rejections.length };
    player.sendBeamerPage({ board: "3:uitslag", page: 2 });
    await player.until(() => player.rejections.length === before.player + 1);
    expect(player.rejections.at(-1)?.message).toBe("Alleen de spelleider kiest de pagina op de beamer.");
    ctx.spelleider.room.send("beamer.pagina", { board: "3:uitslag", page: -1 });
    ctx.spelleider.room.send("beamer.pagina", { page: 2 });
    await ctx.spelleider.until(() => ctx.spelleider.rejections.length === before.spelleider + 2);
    expect(ctx.spelleider.rejections.slice(-2).map((r) => r.message)).toEqual([expect.stringContaining("heel getal vanaf 0"), expect.stringContaining("heel getal vanaf 0")]);
    expect(beamer.beamerPage).toEqual({ board: "3:uitslag", page: null });
    expect(player.room.connection.isOpen).toBe(true);
    expect(ctx.spelleider.room.connection.isOpen).toBe(true);
    // Presentation only: nothing was logged.
    expect(ctx.spelleider.seq).toBe(seq);
    expect((await server.get().store.load(ctx.sessionId)).length).toBe(seq);
  });

  it("a part of a long text (the introduction, a case's situatie or afloop) goes the same way: held, let go, a wrong one told no in Dutch, nothing logged", async () => {
    const ctx = await server.session(1);
    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: ctx.code });
    server.track(ctx.sessionId, beamer);
    await beamer.until(() => Boolean(beamer.room.state.session));
    const seq = ctx.spelleider.seq;
    // The server does not know how many parts the beamer measured: any part is passed on, the beamer shows its last past that.
    ctx.spelleider.sendBeamerPage({ board: "tekst:intro", page: 7 });
    await beamer.until(() => beamer.beamerPage?.page === 7);
    expect(beamer.beamerPage).toEqual({ board: "tekst:intro", page: 7 });
    ctx.spelleider.sendBeamerPage({ board: "tekst:intro", page: null });
    await beamer.until(() => beamer.beamerPage?.page === null);
    const before = ctx.spelleider.rejections.length;
    ctx.spelleider.room.send("beamer.pagina", { board: "tekst:intro", page: 1.5 });
    ctx.spelleider.room.send("beamer.pagina", { board: `tekst:situatie:${"x".repeat(80)}`, page: 1 });
    ctx.spelleider.room.send("beamer.pagina", { board: "tekst:intro", page: "2" });
    await ctx.spelleider.until(() => ctx.spelleider.rejections.length === before + 3);
    for (const r of ctx.spelleider.rejections.slice(-3)) expect(r.message).toBe("Geef de pagina op de beamer op als een heel getal vanaf 0, met het bord waarvoor hij geldt.");
    expect(beamer.beamerPage).toEqual({ board: "tekst:intro", page: null });
    expect(ctx.spelleider.room.connection.isOpen).toBe(true);
    expect(ctx.spelleider.seq).toBe(seq);
    expect((await server.get().store.load(ctx.sessionId)).length).toBe(seq);
  });
});

describe("the server's clock, for the timers", () => {
  it("every client learns it when it joins, however far its own is off; a malformed question is told no in Dutch, nothing logged", async () => {
    const ctx = await server.session(1);
    // The server's clock three minutes ahead of this process's (the clients'): as a laptop three minutes behind.
    server.get().clock.offsetMs = 3 * 60_000;
    const late = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Laat", realRole: "wethouder" });
    server.track(ctx.sessionId, late);
    await late.until(() => Math.abs(late.clock.offset - 3 * 60_000) < 1_000);
    // A timer set now ends 15 minutes from the server's now: by the client's idea of that clock, 15 minutes left.
    await ctx.spelleider.must({ type: "phase.next" });
    await ctx.spelleider.must({ type: "timer.set", minutes: 15 });
    await late.until(() => late.seq >= ctx.spelleider.seq && late.session.deadline !== null);
    const left = (late.session.deadline ?? 0) - late.clock.now();
    expect(left).toBeGreaterThan(15 * 60_000 - 5_000);
    expect(left).toBeLessThanOrEqual(15 * 60_000 + 1_000);

    const logged = (await server.get().store.load(ctx.sessionId)).length;
    const before = late.rejections.length;
    late.room.send("klok", { sent: "gisteren" });
    late.room.send("klok", {});
    await late.until(() => late.rejections.length === before + 2);
    expect(late.rejections.slice(-2).map((r) => r.message)).toEqual([expect.stringContaining("Vraag de klok van de server"), expect.stringContaining("Vraag de klok van de server")]);
    expect(late.room.connection.isOpen).toBe(true);
    expect(Math.abs(late.clock.offset - 3 * 60_000)).toBeLessThan(1_000);
    // Presentation only: the clock questions were not logged.
    expect((await server.get().store.load(ctx.sessionId)).length).toBe(logged);
  });
});
