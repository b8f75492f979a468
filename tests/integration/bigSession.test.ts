/**
 * A big session arrives whole. Its full state (about 1.5 MB here: 60 participants, two rounds of eisen, the kader and
 * the terugkombijeenkomst) is many times the encoder's default buffer, so every join relies on the room sizing the
 * full-encode buffer to the state first (rooms/encoding.ts), shared part and private view. The room is opened from the
 * stored log, as after a restart, and everyone joins afresh: what each client decodes must be exactly what the rules
 * say that viewer sees (playerView of the replayed log).
 */
import { Encoder } from "@colyseus/schema";
import { describe, expect, it, vi } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { replay } from "../../server/core/evolve.ts";
import { playerView, type Viewer } from "../../server/core/view.ts";
import { REAL_ROLES } from "#shared/protocol/ids.ts";
import { comparableView, storeSimulated, useTestServer } from "./harness.ts";

const server = useTestServer();

describe("een grote sessie komt heel aan", () => {
  it("60 participants, both days: spelleider, beamer and participants joining a room opened from the log see everything", { timeout: 120_000 }, async () => {
    const seed = 11;
    const secret = "groot-geheim-0123456789abcdefghijklmnop";
    const sim = await storeSimulated(server, { variantId: "dag", participants: 60, seed, eisenPerRound: 25, editsPerRound: 1, boardActions: 400, votesPerParticipant: 4, terugkom: true }, secret);
    const created = { sessionId: sim.sessionId, code: sim.code };
    const state = replay(sim.events);

    // The room sizes its full-encode buffer to the state, so the library never has to grow it while encoding.
    const warn = vi.spyOn(console, "warn");
    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret });
    const beamer = await SessionClient.join(server.baseUrl, { as: "beamer", code: created.code });
    const ids = [...state.participants.keys()];
    const players = await Promise.all(
      [0, 1, 59].map((k) =>
        SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: `Deelnemer ${k + 1}`, realRole: REAL_ROLES[k % REAL_ROLES.length]!, seatToken: `seat-token-${seed}-${k}-abcdef` }),
      ),
    );
    server.track(created.sessionId, spelleider, beamer, ...players);
    const everyone = [spelleider, beamer, ...players];
    await Promise.all(everyone.map((c) => c.until(() => c.seq === sim.events.length)));
    await Promise.all(players.map((p) => p.until(() => p.mine !== null)));

    const overflows = warn.mock.calls.filter((args) => String(args[0]).includes("buffer overflow"));
    warn.mockRestore();
    expect(overflows).toEqual([]);
    const bytes = JSON.stringify(spelleider.view()).length;
    expect(bytes, "the full state must be far beyond the encoder buffer for this test to mean anything").toBeGreaterThan(8 * Encoder.BUFFER_SIZE);
    const expected = (viewer: Viewer) => comparableView(playerView(state, viewer));
    expect(comparableView(spelleider.view())).toEqual(expected({ kind: "spelleider" }));
    expect(comparableView(beamer.view())).toEqual(expected({ kind: "beamer" }));
    for (const [n, k] of [0, 1, 59].entries()) {
      const participantId = ids[k];
      if (!participantId) throw new Error(`deelnemer ${k} ontbreekt`);
      expect(comparableView(players[n]!.view())).toEqual(expected({ kind: "participant", participantId }));
    }
  });
});
