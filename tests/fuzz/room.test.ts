/**
 * Fuzzing a real room through real SDK clients: a participant, the beamer and the spelleider send messages of any
 * type and shape (junk on the command channel, near-valid commands, junk on the terugblik channel, message types
 * that do not exist, raw-bytes frames of any type). Every one is answered with a Dutch refusal, nobody is disconnected, the server logs no error,
 * nothing reaches the stored log, and afterwards the log still replays into exactly the room's state (the harness).
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionClient } from "../../game/src/net/sessionClient.ts";
import { SessionClient as Client } from "../../game/src/net/sessionClient.ts";
import { CommandSchema } from "#shared/protocol/commands.ts";
import { UNREADABLE_MESSAGE } from "#shared/protocol/wire.ts";
import { COMMAND_MESSAGE, REPLAY_POSITION_MESSAGE, ReplayPositionSchema } from "#shared/protocol/views.ts";
import { useTestServer } from "../integration/harness.ts";
import { commandInput, wireValue } from "./arbitraries.ts";
import { dutchProblem, parameters, timeoutFor } from "./settings.ts";

const fx = useTestServer();

type Sender = "deelnemer" | "beamer" | "spelleider";
interface Message {
  sender: Sender;
  type: string | number;
  payload: unknown;
  /** Sent as a raw-bytes frame (the SDK's sendBytes), which Colyseus dispatches itself. */
  bytes?: Uint8Array;
}

/** What is sent must be refused: a command that would pass the schema could be accepted, so those are left out. */
const isRefusable = (m: Message): boolean =>
  m.bytes !== undefined ||
  m.type === COMMAND_MESSAGE ? !CommandSchema.safeParse(m.payload).success : m.type === REPLAY_POSITION_MESSAGE ? m.sender !== "spelleider" || !ReplayPositionSchema.safeParse(m.payload).success : true;

const messageArb = (ids: readonly string[]): fc.Arbitrary<Message> =>
  fc
    .record({
      sender: fc.constantFrom<Sender>("deelnemer", "beamer", "spelleider"),
      channel: fc.constantFrom("command", "command", "command", "positie", "onbekend", "bytes"),
      command: commandInput(ids),
      junk: wireValue,
      bytes: fc.uint8Array({ maxLength: 64 }),
      bytesType: fc.constantFrom<string | number>(COMMAND_MESSAGE, REPLAY_POSITION_MESSAGE, "onbekend", 7),
      unknownType: fc.oneof(fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom("ack", "rejected", "notice", "__proto__", "*", "COMMAND", "command ")),
    })
    .map(({ sender, channel, command, junk, bytes, bytesType, unknownType }): Message => {
      if (channel === "bytes") return { sender, type: bytesType, payload: null, bytes };
      if (channel === "command") return { sender, type: COMMAND_MESSAGE, payload: command };
      if (channel === "positie") return { sender, type: REPLAY_POSITION_MESSAGE, payload: junk };
      return { sender, type: unknownType, payload: junk };
    })
    .filter((m) => m.type !== "" && isRefusable(m));

describe("fuzz: een echte kamer met echte clients", () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errors = vi.spyOn(console, "error");
  });
  afterEach(() => {
    errors.mockRestore();
  });

  const settings = parameters(300, 1 / 20);
  it(`random messages from a participant, the beamer and the spelleider: Dutch refusals, still connected, log untouched (${settings.numRuns} runs)`, { timeout: timeoutFor(settings.numRuns, 40) }, async () => {
    const ctx = await fx.session(2);
    const [alice] = ctx.players;
    if (!alice) throw new Error("geen speler");
    const beamer = await Client.join(fx.baseUrl, { as: "beamer", code: ctx.code });
    fx.track(ctx.sessionId, beamer);
    await beamer.until(() => Boolean(beamer.room.state.session));
    await ctx.spelleider.must({ type: "phase.next" }); // beeldvorming: the board is open
    await alice.must({ type: "card.post", cardId: "k1", promptId: ctx.spelleider.scenario.prompts[0]?.id ?? "wel", text: "Maatwerk is luisteren." });

    const clients: Record<Sender, SessionClient> = { deelnemer: alice, beamer, spelleider: ctx.spelleider };
    const rooms = Object.fromEntries(Object.entries(clients).map(([k, c]) => [k, c.room]));
    const { store, clock } = fx.get();
    const logLength = (await store.load(ctx.sessionId)).length;
    const ids = ["k1", "wel", "kernwaarden", "d1", "ebike", alice.mine?.participantId ?? "d1"];
    const counts = { refused: 0, tooLarge: 0, unreadable: 0 };

    await fc.assert(
      fc.asyncProperty(messageArb(ids), async (message) => {
        const client = clients[message.sender];
        const seen = client.rejections.length;
        try {
          if (message.bytes) client.room.sendBytes(message.type, message.bytes);
          else client.room.send(message.type, message.payload);
        } catch {
          return; // the SDK cannot encode this value (nothing was sent)
        }
        await client.until(() => client.rejections.length > seen, 10_000);
        const answer = client.rejections.at(-1);
        expect(client.rejections.length, "precies één antwoord").toBe(seen + 1);
        expect(answer?.code).not.toBe("serverfout");
        expect(dutchProblem(answer?.message), answer?.message).toBeNull();
        if (answer?.code === "te_groot") counts.tooLarge++;
        if (answer?.message === UNREADABLE_MESSAGE) counts.unreadable++;
        counts.refused++;
        for (const [sender, c] of Object.entries(clients)) {
          expect(c.room, `${sender} moest opnieuw verbinden`).toBe(rooms[sender]);
          expect(c.room.connection.isOpen, `${sender} is niet meer verbonden`).toBe(true);
          expect(c.status).toBe("verbonden");
        }
        expect((await store.load(ctx.sessionId)).length, "het log veranderde").toBe(logLength);
        // A real client sends this much only in a test: let the room's clock move on so the rate limit stays out of it
        // (the limits have tests of their own, in tests/integration/limits.test.ts).
        clock.offsetMs += 60;
      }),
      settings,
    );
    console.log(`room fuzz: ${counts.refused} berichten geweigerd in het Nederlands (${counts.tooLarge} te groot, ${counts.unreadable} onleesbaar), niemand verbroken`);
    expect(errors).not.toHaveBeenCalled();
    // The session still works for everyone afterwards.
    await alice.must({ type: "participant.ready", ready: true });
  });
});
