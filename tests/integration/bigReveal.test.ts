/**
 * A big reveal reaches every connected phone whole. Sixty participants write thirty eisen each; when the spelleider
 * reveals them, every connection gets all 1,800 eisen in one patch, its own copy (the eisen travel through each
 * connection's StateView), many times the encoder's buffer (rooms/schema.ts). What each client holds right after
 * that patch must be exactly what the rules say that viewer sees: playerView of the stored log, replayed. The same for
 * the biggest session `npm run bench:replay` builds, opened from its log and joined by a few clients. And the encoder
 * never has to grow a buffer while encoding: the server says nothing about a "buffer overflow".
 */
import { isDeepStrictEqual } from "node:util";
import { Decoder, Encoder, StateView } from "@colyseus/schema";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { replay } from "../../server/core/evolve.ts";
import type { SessionState } from "../../server/core/state.ts";
import { playerView, type Viewer } from "../../server/core/view.ts";
import { REAL_ROLES } from "#shared/protocol/ids.ts";
import type { PlayerViewData } from "#shared/protocol/views.ts";
import { placeViews } from "../../server/rooms/colyseus.ts";
import { Entity, SessionRoomState } from "#shared/protocol/schema.ts";
import { comparableView, storeSimulated, useTestServer } from "./harness.ts";

// Sixty bots join from one address at once: more than a real classroom does (limits.ts NEW_SEATS), so allowed here.
const server = useTestServer({ app: { newSeats: { burst: 60, refillMs: 1_000 } } });

/** Every line the server writes with console.warn or console.error, to look for the library's overflow warning. */
let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn");
  error = vi.spyOn(console, "error");
});
afterEach(() => {
  warn.mockRestore();
  error.mockRestore();
});
const overflows = () => [...warn.mock.calls, ...error.mock.calls].map((args) => args.map(String).join(" ")).filter((line) => /buffer overflow/i.test(line));

/** What a viewer is, for playerView: the spelleider, or the participant this client sits as. */
function viewerOf(client: SessionClient, spelleider: SessionClient): Viewer {
  if (client === spelleider) return { kind: "spelleider" };
  const participantId = client.mine?.participantId;
  if (!participantId) throw new Error("deelnemer zonder plaats");
  return { kind: "participant", participantId };
}

describe("een grote onthulling komt bij iedereen heel aan", () => {
  it("60 deelnemers × 30 eisen: na de patch van de onthulling ziet elke verbonden client precies playerView van het log", { timeout: 120_000 }, async () => {
    const ctx = await server.session(60);
    const { spelleider, players } = ctx;
    const categoryIds = spelleider.scenario.categories.map((c) => c.id);
    await spelleider.must({ type: "phase.next" }); // beeldvorming
    await spelleider.must({ type: "phase.next" }); // rolwissel ronde1
    await Promise.all(players.map((p) => p.until(() => p.mine?.role !== null && p.mine !== null)));
    expect(spelleider.session.phase.kind).toBe("rolwissel");

    // Every patch a client receives must decode into entries that parse; what it holds after the reveal's is kept.
    const everyone = [spelleider, ...players];
    const broken: string[] = [];
    const atReveal = new Map<SessionClient, { seq: number; view: PlayerViewData | null }>();
    /** The reveal is the only command after the writing: the first patch past the last eis is the reveal's. */
    let written = Number.POSITIVE_INFINITY;
    for (const c of everyone) {
      c.room.onStateChange(() => {
        if (atReveal.has(c)) return;
        let view: PlayerViewData | null = null;
        try {
          view = c.view();
        } catch (e) {
          broken.push(`${c.mine?.participantId ?? "spelleider"} @${c.seq}: ${String(e)}`);
        }
        if (c.seq > written) atReveal.set(c, { seq: c.seq, view });
      });
    }

    // Thirty eisen each, with accents and a euro sign, so strings take more bytes than characters.
    const seqs = await Promise.all(
      players.map(async (p, n) => {
        let last = 0;
        for (let k = 0; k < 30; k++) {
          const categoryId = categoryIds[(n + k) % categoryIds.length] ?? "kernwaarden";
          const result = await p.send({ type: "eis.write", eisId: `e${n}x${k}`, categoryId, text: `Eis ${k + 1} van deelnemer ${n + 1}: één vast aanspreekpunt, ook voor wie geen € 50 kan missen; uitleg in begrijpelijke taal, zonder dat je je verhaal steeds opnieuw moet doen.` });
          if (!result.ok) throw new Error(result.message);
          last = result.seq;
        }
        return last;
      }),
    );
    written = Math.max(...seqs);
    const revealed = await spelleider.send({ type: "eisen.reveal" });
    if (!revealed.ok) throw new Error(revealed.message);
    expect(revealed.seq).toBe(written + 1);
    await Promise.all(everyone.map((c) => c.until(() => atReveal.has(c), 30_000)));

    expect(broken).toEqual([]);
    expect(overflows()).toEqual([]);
    const stored = (await server.get().store.load(ctx.sessionId)).map((s) => s.event);
    const replayed = new Map<number, SessionState>();
    for (const c of everyone) {
      const seen = atReveal.get(c);
      if (!seen?.view) throw new Error("geen leesbare toestand na de onthulling");
      const state = replayed.get(seen.seq) ?? replay(stored.slice(0, seen.seq));
      replayed.set(seen.seq, state);
      const viewer = viewerOf(c, spelleider);
      const actual = comparableView(seen.view);
      const expected = comparableView(playerView(state, viewer));
      // The quick comparison first; vitest's, for a readable difference, only when they differ.
      if (!isDeepStrictEqual(actual, expected)) expect(actual, `${viewer.kind} ${viewer.kind === "participant" ? viewer.participantId : ""} @${seen.seq}`).toEqual(expected);
    }
    const eisen = atReveal.get(players[0]!)?.view?.eisen ?? [];
    expect(eisen).toHaveLength(1_800);
    expect(JSON.stringify(eisen).length, "the reveal must be far beyond the encoder buffer for this test to mean anything").toBeGreaterThan(16 * Encoder.BUFFER_SIZE);
  });

  it("de grootste sessie van bench:replay, vanuit het log geopend: spelleider, beamer en deelnemers zien alles goed", { timeout: 120_000 }, async () => {
    // The session of tools/bench/replay.ts: 10,000+ events, 60 participants, both days.
    const seed = 3;
    const secret = "bench-geheim-0123456789abcdefghijklmnop";
    const sim = await storeSimulated(server, { variantId: "dag", participants: 60, seed, eisenPerRound: 12, editsPerRound: 30, boardActions: 1_500, votesPerParticipant: 40, terugkom: true }, secret);
    const created = { sessionId: sim.sessionId, code: sim.code };
    const state = replay(sim.events);
    const ids = [...state.participants.keys()];

    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret });
    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: created.code });
    const picked = [0, 30, 59];
    const players = await Promise.all(
      picked.map((k) =>
        SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: `Deelnemer ${k + 1}`, realRole: REAL_ROLES[k % REAL_ROLES.length]!, seatToken: `seat-token-${seed}-${k}-abcdef` }),
      ),
    );
    server.track(created.sessionId, spelleider, beamer, ...players);
    const everyone = [spelleider, beamer, ...players];
    await Promise.all(everyone.map((c) => c.until(() => c.seq === sim.events.length)));
    await Promise.all(players.map((p) => p.until(() => p.mine !== null)));

    expect(overflows()).toEqual([]);
    expect(JSON.stringify(spelleider.view()).length).toBeGreaterThan(16 * Encoder.BUFFER_SIZE);
    const expected = (viewer: Viewer) => comparableView(playerView(state, viewer));
    expect(comparableView(spelleider.view())).toEqual(expected({ kind: "spelleider" }));
    expect(comparableView(beamer.view())).toEqual(expected({ kind: "beamer" }));
    for (const [n, k] of picked.entries()) {
      const participantId = ids[k];
      if (!participantId) throw new Error(`deelnemer ${k} ontbreekt`);
      expect(comparableView(players[n]!.view())).toEqual(expected({ kind: "participant", participantId }));
    }

    // A patch makes the full state those joins were given stale, and the room lets its large full-encode buffer go
    // (colyseus.ts, KEEP_BYTES); whoever joins after that gets the whole state encoded again, into a buffer made to fit.
    const paused = await spelleider.send({ type: "session.pause", paused: true });
    if (!paused.ok) throw new Error(paused.message);
    const { seq } = paused;
    await Promise.all(everyone.map((c) => c.until(() => c.seq === seq)));
    const late = 45;
    const latecomer = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: `Deelnemer ${late + 1}`, realRole: REAL_ROLES[late % REAL_ROLES.length]!, seatToken: `seat-token-${seed}-${late}-abcdef` });
    server.track(created.sessionId, latecomer);
    await latecomer.until(() => latecomer.seq === seq && latecomer.mine !== null);
    const now = replay((await server.get().store.load(created.sessionId)).map((stored) => stored.event));
    const participantId = ids[late];
    if (!participantId) throw new Error(`deelnemer ${late} ontbreekt`);
    expect(comparableView(latecomer.view())).toEqual(comparableView(playerView(now, { kind: "participant", participantId })));
    expect(comparableView(spelleider.view())).toEqual(comparableView(playerView(now, { kind: "spelleider" })));
    expect(overflows()).toEqual([]);
  });
});

describe("als een grens toch te krap was", () => {
  it("wordt een privé-deel dat niet in de buffer paste, heel opnieuw gecodeerd in plaats van afgekapt", () => {
    // No sizing ahead here: 2,000 eisen granted to one connection in the library's 16 KiB buffer, as before the fix.
    // Their map entries alone (key and reference) are one object of ~60 KB: what the library used to cut off.
    const state = new SessionRoomState();
    const encoder = new Encoder(state);
    placeViews(encoder);
    const view = new StateView();
    for (let k = 0; k < 2_000; k++) {
      const id = `eis-${k}-aanspreekpunt-gezin`;
      const entity = new Entity({ json: JSON.stringify({ id, text: `Eén vast aanspreekpunt (${k}), € 50` }) });
      state.eisen.set(id, entity);
      view.add(entity);
    }
    const it = { offset: 0 };
    encoder.encode(it);
    const patch = encoder.encodeView(view, it.offset, it);
    encoder.discardChanges();
    expect(patch.byteLength).toBeGreaterThan(8 * Encoder.BUFFER_SIZE);

    const received = new SessionRoomState();
    new Decoder(received).decode(patch);
    expect([...received.eisen.entries()].map(([key, e]) => [key, e.json])).toEqual([...state.eisen.entries()].map(([key, e]) => [key, e.json]));
    // It says so: the sizing ahead (fitEncodeBuffers) should have made this unnecessary.
    expect(error.mock.calls.map((args) => String(args[0])).some((line) => line.startsWith("Coderen: een privé-deel"))).toBe(true);
  });
});
