/**
 * The spelleider's powers through the real room: remove, lock, pause, timers; and the HTTP routes beside it.
 */
import { describe, expect, it } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import type { PlayContext } from "../../tools/bots/play.ts";
import { useTestServer } from "./harness.ts";

const fx = useTestServer();

function joinAs(ctx: PlayContext, seatToken?: string) {
  return SessionClient.join(fx.baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Nieuw", realRole: "anders", seatToken });
}

describe("de spelleider", () => {
  it("haalt een deelnemer uit de sessie: die hoort waarom, wordt losgekoppeld en komt er niet meer in", async () => {
    const ctx = await fx.session(3);
    const [alice] = ctx.players;
    if (!alice?.mine) throw new Error("geen speler");
    await ctx.spelleider.must({ type: "participant.remove", participantId: alice.mine.participantId });
    await alice.until(() => alice.status === "gestopt");
    expect(alice.notices).toContain("De spelleider heeft je uit deze sessie gehaald.");
    await expect(joinAs(ctx, alice.seatToken ?? "")).rejects.toThrow(/uit deze sessie gehaald/);
    await ctx.spelleider.until(() => ctx.spelleider.session.participantCount === 2);
    expect(ctx.spelleider.people.find((p) => p.participantId === alice.mine?.participantId)?.removed).toBe(true);
  });

  it("sluit de sessie: nieuwe deelnemers krijgen een Nederlandse uitleg, wie al een plek had komt gewoon terug", async () => {
    const ctx = await fx.session(2);
    const [alice] = ctx.players;
    await ctx.spelleider.must({ type: "session.lock", locked: true });
    await expect(joinAs(ctx)).rejects.toThrow(/gesloten voor nieuwe deelnemers/);
    const back = await joinAs(ctx, alice?.seatToken ?? "");
    fx.open.push(back);
    await back.until(() => back.mine !== null);
    expect(back.mine?.participantId).toBe(alice?.mine?.participantId);
  });

  it("zet het spel op pauze: deelnemers wachten met een Nederlandse reden, de spelleider gaat door", async () => {
    const ctx = await fx.session(2);
    const [alice] = ctx.players;
    if (!alice) throw new Error("geen speler");
    await ctx.spelleider.must({ type: "phase.next" });
    await ctx.spelleider.must({ type: "session.pause", paused: true });
    const result = await alice.send({ type: "card.post", cardId: "k1", promptId: "wel", text: "Luisteren" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/pauze/);
    await ctx.spelleider.must({ type: "session.pause", paused: false });
    await alice.must({ type: "card.post", cardId: "k1", promptId: "wel", text: "Luisteren" });
  });

  it("als de timer van een ronde afloopt, worden de eisen zichtbaar voor iedereen", async () => {
    const ctx = await fx.session(6);
    const [alice, bob] = ctx.players;
    if (!alice || !bob) throw new Error("te weinig spelers");
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming
    await ctx.spelleider.must({ type: "phase.next" }); // rolwissel ronde1, 25 minuten
    expect(ctx.spelleider.session.deadline).not.toBeNull();
    await alice.until(() => alice.mine?.role !== null);
    await alice.must({ type: "eis.write", eisId: "e-timer", categoryId: "werkproces", text: "Eén vast aanspreekpunt voor het hele huishouden." });
    expect(bob.eisen).toEqual([]);
    fx.get().clock.offsetMs = 26 * 60_000;
    await bob.must({ type: "participant.ready", ready: true }); // any command: the room looks at the clock again
    await bob.until(() => bob.eisen.some((e) => e.id === "e-timer"));
    expect(bob.session.timerExpired).toBe(true);
    const late = await alice.send({ type: "eis.edit", eisId: "e-timer", categoryId: "werkproces", text: "Te laat" });
    expect(late.ok).toBe(false);
  });

  it("een verkeerde spelleiderslink geeft een Nederlandse foutmelding", async () => {
    await expect(SessionClient.join(fx.baseUrl, { as: "spelleider", secret: "dit-is-geen-geheim-van-een-sessie" })).rejects.toThrow(/spelleiderslink klopt niet/);
  });
});

describe("HTTP naast het spel", () => {
  const get = (path: string) => fetch(`${fx.baseUrl}${path}`);

  it("/health en de lijst van scenario's", async () => {
    expect((await get("/health")).status).toBe(200);
    const scenarios = await (await get("/api/scenarios")).json();
    expect(JSON.stringify(scenarios)).toContain("demo-maatwerk");
    // What /nieuw shows before a choice: the introduction, and per phase its round or cases; no role's private facts.
    const demo = scenarios.scenarios.find((s: { id: string }) => s.id === "demo-maatwerk");
    expect(demo.intro.length).toBeGreaterThan(100);
    const kort = demo.variants.find((v: { id: string }) => v.id === "kort");
    expect(kort.steps.map((step: { kind: string; about: string[] }) => [step.kind, step.about])).toEqual([
      ["lobby", []],
      ["rolwissel", ["Ronde 1: de elektrische fiets"]],
      ["samenvoegen", []],
      ["prioriteren", []],
      ["casustoets", ["De partner als mantelzorger"]],
      ["resultaat", []],
    ]);
    expect(JSON.stringify(scenarios)).not.toContain("factsPerRole");
  });

  it("een sessie maken: fouten in het Nederlands, en de code werkt hoofdletterongevoelig", async () => {
    const bad = await fetch(`${fx.baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Geef een scenario op/);
    const unknown = await fetch(`${fx.baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "bestaat-niet" }) });
    expect((await unknown.json()).error).toMatch(/bestaat niet. Kies uit: demo-maatwerk/);
    const made = await fetch(`${fx.baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "demo-maatwerk", variantId: "kort", label: "Test" }) });
    expect(made.status).toBe(201);
    const body = await made.json();
    expect(body.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(body.secret.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    const found = await get(`/api/join/${body.code.toLowerCase().slice(0, 3)}-${body.code.toLowerCase().slice(3)}`);
    expect((await found.json()).sessionId).toBe(body.sessionId);
    const missing = await get("/api/join/ZZZZZZ");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/Deze code kennen we niet/);
  });

  it("het logboek van een sessie alleen met de spelleiderslink", async () => {
    const ctx = await fx.session(1);
    expect((await get("/api/spelleider/niet-het-geheim/events")).status).toBe(404);
    const log = await (await get(`/api/spelleider/${ctx.secret}/events`)).json();
    expect(log.events[0].event.type).toBe("SessionCreated");
    expect(log.events.some((e: { event: { type: string } }) => e.event.type === "ParticipantJoined")).toBe(true);
  });
});
