/**
 * A real server, real SQLite, real SDK clients. After every test the log replays into exactly the room's state.
 */
import { describe, expect, it } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { playPhases, playSession } from "../../tools/bots/play.ts";
import { dropConnection, TEST_SEQ_CATCH_UP_MS, useTestServer } from "./harness.ts";

const fx = useTestServer();

/** Everything a client can see, as one string: for checks that something never reaches it. */
function visibleTo(c: SessionClient): string {
  return JSON.stringify([c.session, c.seats, c.cards, c.eisen, c.items, c.cases, c.support, c.kader, c.people, c.mine, c.drafts]);
}

describe("een hele sessie", () => {
  it("acht deelnemers spelen van lobby tot kader op maat, zonder één weigering", async () => {
    const report = await playSession({ baseUrl: fx.baseUrl, players: 8, scenarioId: "demo-maatwerk" });
    const { spelleider, players } = report.context;
    fx.track(report.sessionId, spelleider, ...players);
    expect(report.rejected).toBe(0);
    expect(spelleider.session.phase.kind).toBe("resultaat");
    const kader = spelleider.kader;
    expect(kader?.items.length).toBeGreaterThanOrEqual(10);
    // Every item the group voted on has support; the aanvullingen from the casustoets came after the vote: niet gestemd.
    const aanvullingen = kader?.items.filter((i) => i.provenance.length === 0 && i.fromCases.length > 0) ?? [];
    expect(aanvullingen.length).toBe(2);
    expect(aanvullingen.every((i) => i.support === null)).toBe(true);
    expect(kader?.items.filter((i) => !aanvullingen.includes(i)).every((i) => i.support !== null)).toBe(true);
    expect(kader?.cases.filter((c) => c.decision).length).toBe(2);
    // Eight players: all six roles were played in each round, nobody their own.
    const people = spelleider.people;
    expect(new Set(people.map((p) => p.role)).size).toBe(6);
    expect(people.every((p) => p.role !== p.realRole)).toBe(true);
  });

  it("een deelnemer ziet nooit de naam van een ander, en alleen zijn eigen briefing", async () => {
    const report = await playSession({ baseUrl: fx.baseUrl, players: 6, scenarioId: "demo-maatwerk" });
    const { spelleider, players } = report.context;
    fx.track(report.sessionId, spelleider, ...players);
    for (const [i, p] of players.entries()) {
      const seen = visibleTo(p);
      expect(seen).toContain(`Bot ${i + 1}`);
      for (let other = 1; other <= players.length; other++) if (other !== i + 1) expect(seen).not.toContain(`"Bot ${other}"`);
      expect(p.people).toHaveLength(1);
    }
    expect(spelleider.people.map((p) => p.displayName).sort()).toEqual(players.map((_, i) => `Bot ${i + 1}`).sort());
  });
});

describe("wie een patch krijgt", () => {
  it("een concept-eis gaat alleen naar de schrijver en de spelleider; de anderen krijgen het volgnummer later (uiterlijk na vijf seconden, op een testserver na één)", async () => {
    const ctx = await fx.session(6);
    const [alice, bob, carol] = ctx.players;
    if (!alice || !bob || !carol) throw new Error("te weinig spelers");
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming
    await ctx.spelleider.must({ type: "phase.next" }); // rolwissel ronde1
    await Promise.all(ctx.players.map((p) => p.caughtUp(ctx.spelleider.seq)));
    const patches = new Map<SessionClient, number>();
    for (const c of [alice, bob, carol, ctx.spelleider]) {
      patches.set(c, 0);
      c.room.onStateChange(() => patches.set(c, (patches.get(c) ?? 0) + 1));
    }
    let last = 0;
    for (let k = 1; k <= 8; k++) {
      const result = await alice.send({ type: "eis.write", eisId: `stil${k}`, categoryId: "kernwaarden", text: `Concept ${k}: eerst vragen wat de inwoner zelf wil.` });
      if (!result.ok) throw new Error(result.message);
      last = result.seq;
    }
    // Alice sees her drafts, the spelleider her count; both got a patch per eis.
    expect(patches.get(alice)).toBeGreaterThanOrEqual(8);
    await ctx.spelleider.until(() => ctx.spelleider.people.some((p) => p.participantId === alice.mine?.participantId && p.eisen === 8));
    expect(patches.get(ctx.spelleider)).toBeGreaterThanOrEqual(8);
    // Bob and Carol had nothing to see: at most the catch-up of the seq, not a patch per eis.
    expect(patches.get(bob)).toBeLessThanOrEqual(2);
    expect(patches.get(carol)).toBeLessThanOrEqual(2);
    // ... and they do catch up, without anyone doing anything.
    await Promise.all([bob, carol].map((c) => c.caughtUp(last, TEST_SEQ_CATCH_UP_MS + 2_000)));
    expect(visibleTo(bob)).not.toContain("Concept 1");
  });
});

describe("concepten en verbindingen", () => {
  it("een concept-eis blijft privé tot de onthulling en overleeft een verbroken verbinding en een herladen pagina", async () => {
    const ctx = await fx.session(6);
    const [alice, bob] = ctx.players;
    if (!alice || !bob) throw new Error("te weinig spelers");
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming
    await ctx.spelleider.must({ type: "phase.next" }); // rolwissel ronde1
    await alice.until(() => alice.mine?.role !== null);
    await alice.must({ type: "eis.write", eisId: "concept1", categoryId: "kernwaarden", text: "Eerst luisteren naar wat de inwoner zelf wil bereiken." });
    expect(alice.drafts.map((d) => d.id)).toEqual(["concept1"]);
    expect(visibleTo(bob)).not.toContain("Eerst luisteren");
    expect(visibleTo(ctx.spelleider)).not.toContain("Eerst luisteren");

    // Wi-Fi drops: the SDK reconnects by itself and the seat, role and draft are still there.
    const participantId = alice.mine?.participantId;
    const reconnected = new Promise<void>((ok) => alice.room.onReconnect.once(() => ok()));
    await dropConnection(ctx.sessionId, alice.room.sessionId);
    await ctx.spelleider.until(() => ctx.spelleider.people.some((p) => p.participantId === participantId && !p.online));
    await reconnected;
    await ctx.spelleider.until(() => ctx.spelleider.people.some((p) => p.participantId === participantId && p.online));
    await alice.must({ type: "eis.edit", eisId: "concept1", categoryId: "kernwaarden", text: "Eerst luisteren naar wat de inwoner zelf wil bereiken, in eigen woorden." });
    expect(alice.mine?.participantId).toBe(participantId);

    // The page is reloaded: a new connection with the seat token the browser kept gets the same seat back.
    const seatToken = alice.seatToken ?? "";
    const again = await SessionClient.join(fx.baseUrl, { as: "deelnemer", code: ctx.code, displayName: "Iemand anders", realRole: "anders", seatToken });
    fx.open.push(again);
    await again.until(() => again.mine !== null);
    expect(again.mine?.participantId).toBe(participantId);
    expect(again.drafts.map((d) => d.text)).toEqual(["Eerst luisteren naar wat de inwoner zelf wil bereiken, in eigen woorden."]);
    expect(ctx.spelleider.session.participantCount).toBe(6);

    const revealed = await ctx.spelleider.must({ type: "eisen.reveal" });
    expect(revealed).toBeTruthy();
    await bob.until(() => bob.eisen.some((e) => e.id === "concept1"));
    expect(again.drafts).toEqual([]);
  });

  it("een opnieuw verstuurde opdracht wordt opnieuw bevestigd maar één keer uitgevoerd", async () => {
    const ctx = await fx.session(3);
    const [alice] = ctx.players;
    if (!alice) throw new Error("te weinig spelers");
    await ctx.spelleider.must({ type: "phase.next" });
    const card = { type: "card.post", commandId: "dubbel1", cardId: "kaart1", promptId: "wel", text: "Kijken naar de mens achter de vraag" };
    const first = await alice.sendRaw(card, "dubbel1");
    const second = await alice.sendRaw(card, "dubbel1");
    expect(first.ok && second.ok).toBe(true);
    const log = await fx.get().store.load(ctx.sessionId);
    expect(log.filter((e) => e.event.type === "CardPosted")).toHaveLength(1);
    expect(log.filter((e) => e.commandKey?.endsWith(":dubbel1"))).toHaveLength(1);
    // The same commandId from someone else is their own command, not a re-send.
    const [, bob] = ctx.players;
    const other = await bob?.sendRaw({ ...card, cardId: "kaart2" }, "dubbel1");
    expect(other?.ok).toBe(true);
  });
});

describe("slechte invoer", () => {
  it("een deelnemer die elke spelleidersopdracht stuurt, krijgt telkens een Nederlandse weigering en blijft verbonden", async () => {
    const ctx = await fx.session(2);
    const [alice] = ctx.players;
    if (!alice) throw new Error("te weinig spelers");
    const attempts = [
      { type: "participant.remove", participantId: "d2" },
      { type: "session.lock", locked: true },
      { type: "phase.next" },
      { type: "phase.previous" },
      { type: "timer.set", minutes: 5 },
      { type: "timer.clear" },
      { type: "session.pause", paused: true },
      { type: "eisen.reveal" },
      { type: "votes.reveal" },
      { type: "case.add", caseId: "live1", draft: { title: "Een casus", situation: "Een situatie uit de praktijk.", effectWanted: "Weer meedoen." } },
      { type: "case.open", caseId: "ebike" },
      { type: "timer.expire" },
    ] as const;
    for (const attempt of attempts) {
      const result = await alice.send(attempt);
      expect(result.ok, attempt.type).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe("niet_toegestaan");
        expect(result.message).toMatch(/spelleider|server/);
      }
    }
    expect(alice.room.connection.isOpen).toBe(true);
    expect(ctx.spelleider.session.phase.kind).toBe("lobby");
    expect(ctx.spelleider.session.locked).toBe(false);
    expect(ctx.spelleider.session.participantCount).toBe(2);
    await ctx.spelleider.must({ type: "phase.next" });
    await alice.must({ type: "participant.ready", ready: true });
  });

  it("verkeerde fase en kapotte berichten: een Nederlandse reden, niets veranderd, nog steeds verbonden", async () => {
    const ctx = await fx.session(2);
    const [alice] = ctx.players;
    if (!alice) throw new Error("te weinig spelers");
    const before = (await fx.get().store.load(ctx.sessionId)).length;
    const cases: [unknown, RegExp][] = [
      [{ type: "eis.write", commandId: "f1", eisId: "e1", categoryId: "kernwaarden", text: "Een eis" }, /kan alleen in de fase rolwissel-ronde/],
      [{ type: "vote.points", commandId: "f2", itemId: "i1", points: 3 }, /kan alleen in de fase prioriteren/],
      ["zomaar een tekst", /geen geldige opdracht/],
      [{ type: "bestaat.niet", commandId: "f3" }, /Onbekende opdracht 'bestaat.niet'/],
      [{ type: "card.post", commandId: "f4" }, /ontbreekt/],
      [{ type: "card.post", commandId: "f5", cardId: "k1", promptId: "wel", text: "x".repeat(5000) }, /te lang: hoogstens 200 tekens/],
      [{ type: "card.post", commandId: "f6", cardId: "k1", promptId: "wel", text: "   " }, /leeg/],
      [{ type: "card.post", commandId: "f7", cardId: "k1", promptId: "wel", text: "Goed", extra: 1 }, /onbekende velden: extra/],
      [{ type: "vote.points", commandId: "f8", itemId: "i1", points: "veel" }, /verkeerde soort waarde/],
    ];
    for (const [message, expected] of cases) {
      const id = typeof message === "object" && message && "commandId" in message ? String(message.commandId) : "geen";
      const result = id === "geen" ? await sendAndCatch(alice, message) : await alice.sendRaw(message, id);
      expect(result.ok, JSON.stringify(message).slice(0, 60)).toBe(false);
      if (!result.ok) expect(result.message).toMatch(expected);
    }
    alice.room.send("iets-anders", { hallo: true });
    await alice.until(() => alice.rejections.some((r) => !r.ok && /Onbekend soort bericht/.test(r.message)));
    expect(alice.room.connection.isOpen).toBe(true);
    expect((await fx.get().store.load(ctx.sessionId)).length).toBe(before);
  });
});

/** A message with no commandId can only be answered with commandId null: wait for that rejection. */
async function sendAndCatch(client: SessionClient, message: unknown) {
  const seen = client.rejections.length;
  client.room.send("command", message);
  await client.until(() => client.rejections.length > seen);
  const last = client.rejections[client.rejections.length - 1];
  if (!last) throw new Error("geen weigering");
  return last;
}

describe("halverwege verder", () => {
  it("een sessie kan in delen worden gespeeld", async () => {
    const ctx = await fx.session(6);
    const first = await playPhases(ctx, { from: 1, to: 4 });
    const second = await playPhases(ctx, { from: 5, to: 7 });
    expect(first.rejected + second.rejected).toBe(0);
    expect(ctx.spelleider.session.phase.kind).toBe("resultaat");
  });
});
