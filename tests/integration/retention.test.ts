/**
 * Deleting a session through a real server: everyone connected is told in Dutch and stopped, the room goes away, and
 * nothing of the session is left in the store or reachable by its code or link.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSessionOverHttp, setUpSession } from "../../tools/bots/play.ts";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { findLiveRooms } from "../../server/rooms/liveRoom.ts";
import { useTestServer } from "./harness.ts";

const fx = useTestServer();

const NOTICE = "De spelleider heeft deze sessie verwijderd.";
const ErrorSchema = z.object({ error: z.string() });

async function deleteSession(secret: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${fx.baseUrl}/api/spelleider/${encodeURIComponent(secret)}`, { method: "DELETE" });
  return { status: res.status, body: await res.json() };
}

async function getStatus(path: string): Promise<number> {
  return (await fetch(`${fx.baseUrl}${path}`)).status;
}

/** The details a client was stopped with, as a screen would show them. */
function recordStops(client: SessionClient): string[] {
  const details: string[] = [];
  client.onStatus = (status, detail) => {
    if (status === "gestopt") details.push(detail ?? "");
  };
  return details;
}

describe("een sessie verwijderen", () => {
  // Not through fx.session: that would check the (deleted) session's room after the test.
  it("stopt iedereen met een Nederlandse melding en laat niets van de sessie achter", async () => {
    const ctx = await setUpSession({ baseUrl: fx.baseUrl, players: 3, scenarioId: "demo-maatwerk" });
    const beamer = await SessionClient.join(fx.baseUrl, { as: "beamer", code: ctx.code });
    const everyone = [ctx.spelleider, beamer, ...ctx.players];
    fx.open.push(...everyone);
    await ctx.spelleider.must({ type: "phase.next" });
    const stops = everyone.map(recordStops);
    const { store } = fx.get();
    expect(await store.load(ctx.sessionId)).not.toHaveLength(0);

    expect(await deleteSession(ctx.secret)).toStrictEqual({ status: 200, body: { deleted: true } });

    await Promise.all(everyone.map((client) => client.until(() => client.status === "gestopt")));
    for (const [index, client] of everyone.entries()) {
      expect(client.notices).toContain(NOTICE);
      expect(stops[index]).toStrictEqual([NOTICE]);
    }
    expect(await findLiveRooms(ctx.sessionId)).toStrictEqual([]);
    expect(await store.getSession(ctx.sessionId)).toBeNull();
    expect(await store.load(ctx.sessionId)).toStrictEqual([]);
    expect(await store.findByCode(ctx.code)).toBeNull();
    expect((await store.listSessions()).map((s) => s.sessionId)).not.toContain(ctx.sessionId);
  });

  it("maakt de code en de spelleiderslink onbruikbaar", async () => {
    const ctx = await setUpSession({ baseUrl: fx.baseUrl, players: 1, scenarioId: "demo-maatwerk" });
    fx.open.push(ctx.spelleider, ...ctx.players);
    await deleteSession(ctx.secret);

    const join = await fetch(`${fx.baseUrl}/api/join/${ctx.code}`);
    expect(join.status).toBe(404);
    expect(ErrorSchema.parse(await join.json()).error).toMatch(/code kennen we niet/);
    expect(await getStatus(`/api/spelleider/${ctx.secret}`)).toBe(404);
    expect(await getStatus(`/api/spelleider/${ctx.secret}/events`)).toBe(404);
    await expect(SessionClient.join(fx.baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Laat", realRole: "anders" })).rejects.toThrow(/code kennen we niet/);
    // A second delete finds nothing: the link is unknown now.
    const again = await deleteSession(ctx.secret);
    expect(again.status).toBe(404);
  });

  it("weigert een verkeerde spelleiderslink in het Nederlands en laat de sessie staan", async () => {
    const created = await createSessionOverHttp(fx.baseUrl, { scenarioId: "demo-maatwerk" });
    const wrong = await deleteSession(`${created.secret}x`);
    expect(wrong.status).toBe(404);
    expect(ErrorSchema.parse(wrong.body).error).toBe("Deze spelleiderslink klopt niet.");
    expect(await fx.get().store.getSession(created.sessionId)).not.toBeNull();
    expect(await getStatus(`/api/join/${created.code}`)).toBe(200);
  });

  it("verwijdert ook een sessie waar niemand mee verbonden is", async () => {
    const created = await createSessionOverHttp(fx.baseUrl, { scenarioId: "demo-maatwerk" });
    expect(await deleteSession(created.secret)).toStrictEqual({ status: 200, body: { deleted: true } });
    expect(await fx.get().store.getSession(created.sessionId)).toBeNull();
    expect(await getStatus(`/api/join/${created.code}`)).toBe(404);
  });

  it("laat een opdracht die tegelijk binnenkomt niets meer opslaan", async () => {
    const ctx = await setUpSession({ baseUrl: fx.baseUrl, players: 2, scenarioId: "demo-maatwerk" });
    fx.open.push(ctx.spelleider, ...ctx.players);
    // Sent together with the delete: it is either stored before the room closes (and then deleted) or refused.
    const racing = ctx.spelleider.send({ type: "session.lock", locked: true }, 3_000).catch(() => null);
    const deleted = await deleteSession(ctx.secret);
    await racing;
    expect(deleted.status).toBe(200);
    expect(await fx.get().store.load(ctx.sessionId)).toStrictEqual([]);
    expect(await fx.get().store.getSession(ctx.sessionId)).toBeNull();
  });
});
