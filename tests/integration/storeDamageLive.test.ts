/**
 * The stored log of a session breaks while its room is open (the last events vanish from the file under a running
 * server, as a failing disk or a careless hand edit could do). The next write must not be stored past the break, the
 * people in the room hear in Dutch why, the room closes, and coming back is refused with the same message.
 */
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { DAMAGED_SESSION_NOTICE } from "#shared/protocol/wire.ts";
import { useTestServer } from "./harness.ts";

const fixture = useTestServer();

describe("een log dat beschadigd raakt terwijl de kamer open is", () => {
  it("slaat niets meer op, vertelt iedereen waarom, sluit de kamer en laat niemand meer binnen", { timeout: 60_000 }, async () => {
    const { spelleider, players, sessionId, secret } = await fixture.session(2);
    // The harness compares a replay of the log with the live room after each test: here there will be neither.
    fixture.sessions.splice(fixture.sessions.indexOf(sessionId), 1);
    const before = await fixture.get().store.load(sessionId);
    // The last event disappears from the file, behind the server's back.
    const db = new DatabaseSync(join(fixture.get().dir, "it.sqlite"));
    db.prepare("DELETE FROM events WHERE session_id = ? AND seq = ?").run(sessionId, before.length);
    db.close();

    const answer = await spelleider.send({ type: "session.lock", locked: true });
    expect(answer.ok).toBe(false);
    for (const client of [spelleider, ...players]) {
      await client.until(() => client.notices.includes(DAMAGED_SESSION_NOTICE), 20_000);
    }
    // Nothing was written after the break.
    const rows = new DatabaseSync(join(fixture.get().dir, "it.sqlite"));
    const count = rows.prepare("SELECT COUNT(*) AS n FROM events WHERE session_id = ?").get(sessionId);
    rows.close();
    expect(count).toEqual({ n: before.length - 1 });
    await expect(fixture.get().store.load(sessionId)).rejects.toThrow(`het log houdt op bij gebeurtenis ${before.length - 1}, maar er waren er ${before.length} vastgelegd`);
    expect(fixture.get().store.integrity().damaged.map((d) => d.sessionId)).toStrictEqual([sessionId]);

    // Coming back: refused with the same Dutch message.
    const again = await SessionClient.join(fixture.baseUrl, { as: "spelleider", secret }).then(
      async (c) => {
        await c.leave();
        return "(toegelaten)";
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(again).toBe(DAMAGED_SESSION_NOTICE);
  });
});
