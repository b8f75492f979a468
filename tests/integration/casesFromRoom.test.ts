/**
 * Cases from the room over real connections (real server, SQLite, @colyseus/sdk clients): a case a participant brings
 * in reaches only its author and the spelleider until it is admitted; then everyone has it, without its author; the
 * vote counts are shared, a vote is the voter's own; "Wat er echt gebeurde" arrives with the decision, not before.
 * Every connection sees exactly playerView(replay(log)) for its viewer.
 */
import { describe, expect, it } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { replay } from "../../server/core/evolve.ts";
import { playerView, type Viewer } from "../../server/core/view.ts";
import { comparableView, useTestServer } from "./harness.ts";

const fx = useTestServer();

const CASE = {
  title: "Een erfenis in de bijstand",
  situation: "Een vrouw in de bijstand erft een deel van een vakantiehuisje dat ze niet kan verkopen.",
  effectWanted: "Haar uitkering houden tot het huisje verkocht is.",
  rules: "Vermogen boven de grens: geen recht op bijstand (Participatiewet art. 34).",
  afloop: "De gemeente gaf bijstand als geldlening tot de verkoop van het huisje (Participatiewet art. 48 lid 2).",
};

describe("casussen uit de zaal, over echte verbindingen", () => {
  it("inbrengen, toelaten, stemmen, kiezen en toetsen; de afloop pas na het besluit", async () => {
    const ctx = await fx.session(3);
    const { spelleider } = ctx;
    const [alice, bob, carol] = ctx.players;
    if (!alice || !bob || !carol) throw new Error("te weinig spelers");
    const beamer = await SessionClient.join(fx.baseUrl, { as: "beamer", code: ctx.code });
    fx.track(ctx.sessionId, beamer);
    while (spelleider.session.phase.kind !== "casustoets") await spelleider.must({ type: "phase.next" });
    const everyone = [spelleider, beamer, alice, bob, carol];
    const settled = () => Promise.all(everyone.map((c) => c.caughtUp(spelleider.seq)));
    const asViewer = (c: SessionClient): Viewer => (c === spelleider ? { kind: "spelleider" } : c === beamer ? { kind: "beamer" } : { kind: "participant", participantId: c.mine?.participantId ?? "" });
    const matchesReplay = async () => {
      await settled();
      const state = replay((await fx.get().store.load(ctx.sessionId)).map((s) => s.event));
      for (const c of everyone) expect(comparableView(c.view())).toEqual(comparableView(playerView(state, asViewer(c))));
    };

    // Bob's case holds a BSN: refused in Dutch, naming what it found, and nothing is stored.
    const before = spelleider.seq;
    const refused = await bob.send({ type: "case.propose", caseId: "toeslag", draft: { ...CASE, situation: "Mevrouw (BSN 123456782) erft een huisje." } });
    expect(refused).toMatchObject({ ok: false, code: "persoonsgegevens", message: expect.stringContaining("Je casus lijkt een BSN te bevatten") });
    expect(JSON.stringify(refused)).not.toContain("123456782");

    // Alice's case: only she and the spelleider have it.
    await alice.must({ type: "case.propose", caseId: "erfenis", draft: CASE });
    await settled();
    expect(spelleider.seq).toBe(before + 1);
    expect(alice.people[0]?.proposals).toMatchObject([{ caseId: "erfenis", title: CASE.title, admitted: false }]);
    expect(spelleider.people.find((p) => p.displayName === alice.people[0]?.displayName)?.proposals[0]?.situation).toBe(CASE.situation);
    for (const c of [bob, carol, beamer]) expect(JSON.stringify(c.view())).not.toContain(CASE.situation);
    await matchesReplay();

    // Admitted: everyone has the case, no one but the spelleider knows whose it is; what really happened is not sent yet.
    await spelleider.must({ type: "case.admit", caseId: "erfenis", draft: CASE });
    await settled();
    for (const c of everyone) {
      const kase = c.cases.find((x) => x.id === "erfenis");
      expect(kase).toMatchObject({ source: "live", rules: CASE.rules, hasAfloop: true, afloop: null });
    }
    // (its author and the spelleider wrote or read it in the case as brought in; the rest of the room has none of it)
    for (const c of [bob, carol, beamer]) expect(JSON.stringify(c.view())).not.toContain("geldlening");
    for (const c of [bob, carol, beamer]) expect(JSON.stringify(c.view())).not.toContain(alice.people[0]?.displayName ?? "?");

    // A quick vote; the spelleider closes it and the chosen case opens for everyone.
    for (const c of [alice, bob, carol]) await c.must({ type: "case.vote", caseId: "erfenis" });
    await settled();
    expect(beamer.cases.find((x) => x.id === "erfenis")?.votes).toBe(3);
    expect(bob.mine?.caseVote).toBe("erfenis");
    await matchesReplay();
    await spelleider.must({ type: "case.choose" });
    await settled();
    for (const c of everyone) expect(c.session.currentCaseId).toBe("erfenis");

    // De Omgekeerde Toets, then the decision: now the afloop reaches every screen.
    for (const step of spelleider.scenario.omgekeerdeToets) {
      await carol.must({ type: "toets.note", noteId: `n-${step.id}`, caseId: "erfenis", stepId: step.id, text: `Bij ${step.title}` });
      await spelleider.must({ type: "toets.advance", caseId: "erfenis" });
    }
    await settled();
    expect(carol.cases.find((x) => x.id === "erfenis")?.afloop).toBeNull();
    // Walked to the end, not yet decided: still nothing of it with the rest of the room, the beamer included.
    for (const c of [bob, carol, beamer]) expect(JSON.stringify(c.view())).not.toContain("geldlening");
    await bob.must({ type: "toets.decide", caseId: "erfenis", decision: "Bijstand als lening tot de verkoop.", costNow: "laag", costLater: "laag" });
    await settled();
    for (const c of everyone) expect(c.cases.find((x) => x.id === "erfenis")?.afloop).toBe(CASE.afloop);
    await matchesReplay();
  });

  it("de spelleider kiest een ingebrachte casus niet: de inbrenger ziet het met de reden, de rest van de zaal niets, en hij mag een andere inbrengen", async () => {
    const ctx = await fx.session(2);
    const { spelleider } = ctx;
    const [alice, bob] = ctx.players;
    if (!alice || !bob) throw new Error("te weinig spelers");
    const beamer = await SessionClient.join(fx.baseUrl, { as: "beamer", code: ctx.code });
    fx.track(ctx.sessionId, beamer);
    while (spelleider.session.phase.kind !== "casustoets") await spelleider.must({ type: "phase.next" });
    const everyone = [spelleider, beamer, alice, bob];
    const settled = () => Promise.all(everyone.map((c) => c.caughtUp(spelleider.seq)));
    const REASON = "Lijkt te veel op de e-bike-casus van vanochtend.";

    for (const caseId of ["een", "twee", "drie"]) await alice.must({ type: "case.propose", caseId, draft: { ...CASE, title: `${CASE.title} (${caseId})` } });
    await settled();
    const full = await alice.send({ type: "case.propose", caseId: "vier", draft: CASE });
    expect(full).toMatchObject({ ok: false, code: "te_veel" });

    // Not the spelleider, a reason too long: refused in Dutch, nothing stored.
    const before = spelleider.seq;
    expect(await bob.send({ type: "case.decline", caseId: "twee" })).toMatchObject({ ok: false, code: "niet_toegestaan" });
    expect(await spelleider.send({ type: "case.decline", caseId: "twee", reason: "x".repeat(201) })).toMatchObject({ ok: false, message: "De reden is te lang: hoogstens 200 tekens." });
    expect(spelleider.seq).toBe(before);

    await spelleider.must({ type: "case.decline", caseId: "twee", reason: REASON });
    await settled();
    expect(alice.people[0]?.proposals.find((p) => p.caseId === "twee")).toMatchObject({ declined: true, declineReason: REASON, admitted: false });
    expect(spelleider.people.find((p) => p.displayName === alice.people[0]?.displayName)?.proposals.find((p) => p.caseId === "twee")?.declined).toBe(true);
    for (const c of [bob, beamer]) {
      expect(JSON.stringify(c.view())).not.toContain(REASON);
      expect(JSON.stringify(c.view())).not.toContain(CASE.situation);
    }
    // Turned down, it no longer counts toward the three: Alice brings in another.
    await alice.must({ type: "case.propose", caseId: "vier", draft: CASE });
    await settled();
    expect(alice.people[0]?.proposals.map((p) => p.caseId)).toEqual(["een", "twee", "drie", "vier"]);
    const state = replay((await fx.get().store.load(ctx.sessionId)).map((s) => s.event));
    const asViewer = (c: SessionClient): Viewer => (c === spelleider ? { kind: "spelleider" } : c === beamer ? { kind: "beamer" } : { kind: "participant", participantId: c.mine?.participantId ?? "" });
    for (const c of everyone) expect(comparableView(c.view())).toEqual(comparableView(playerView(state, asViewer(c))));
  });
});
