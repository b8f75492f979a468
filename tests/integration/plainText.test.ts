/**
 * Labels, names and texts are plain text from the moment they come in: a session label (set without logging in), a
 * participant's name and an eis arrive with escape sequences, NUL, line separators and bidi overrides, and what is
 * stored, shown and sent on is the text without them. Free text keeps its lines; a name or a label is one line.
 */
import { describe, expect, it } from "vitest";
import { createSessionOverHttp } from "../../tools/bots/play.ts";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { useTestServer } from "./harness.ts";

const server = useTestServer();

/** Every character that must never be stored: C0 but tab and newline, DEL, C1, U+2028/9, bidi overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Every string anywhere in a value (JSON.stringify would escape some control characters and hide them). */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

describe("tekst komt schoon binnen", () => {
  it("een label, een naam en een eis met stuurtekens worden opgeslagen en getoond zonder die tekens", async () => {
    // ESC [2J ESC [H clears a terminal; U+202E turns the rest of the line around; CSI (U+009B) is ESC [ in one.
    const label = "\u001b[2J\u001b[HGemeente\u0000 Testdorp\u2028\u202Eevil\u202C\u009b31m";
    const created = await createSessionOverHttp(server.baseUrl, { scenarioId: "demo-maatwerk", label });
    server.track(created.sessionId);
    const clean = "[2J[HGemeente Testdorp evil31m";
    const store = server.get().store;
    expect((await store.findByCode(created.code))?.label).toBe(clean);
    const [first] = await store.load(created.sessionId);
    expect(first?.event.type === "SessionCreated" && first.event.label).toBe(clean);

    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: created.secret });
    const alice = await SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "\u2066Ali\u001bce\u2069\nvan\tDijk", realRole: "raadslid" });
    server.track(created.sessionId, spelleider, alice);
    await spelleider.until(() => spelleider.people.length === 1);
    expect(spelleider.people[0]?.displayName).toBe("Alice van Dijk");

    await spelleider.must({ type: "phase.next" }); // beeldvorming
    await spelleider.must({ type: "phase.next" }); // rolwissel ronde1
    await alice.until(() => alice.mine?.role !== null && alice.mine !== null);
    // Free text keeps its lines (CR LF and U+2029 become a newline) and its tabs.
    await alice.must({ type: "eis.write", eisId: "schoon1", categoryId: "kernwaarden", text: "Eerst\u0007 luisteren.\r\nDan\u202D\tbeslissen.\u2029\u0000Klaar\u0085nu." });
    await alice.until(() => alice.drafts.length === 1);
    expect(alice.drafts[0]?.text).toBe("Eerst luisteren.\nDan\tbeslissen.\nKlaar\nnu.");

    // Nothing but control characters is nothing: refused in Dutch, nothing stored, still connected.
    const empty = await alice.send({ type: "eis.write", eisId: "schoon2", categoryId: "kernwaarden", text: "\u001b\u0000\u202E \u2066" });
    expect(empty).toMatchObject({ ok: false, message: "De tekst is leeg: vul iets in." });
    // A category is chosen, not typed: left empty it is "niet gekozen".
    const noCategory = await alice.send({ type: "eis.write", eisId: "schoon3", categoryId: "", text: "Eerst luisteren." });
    expect(noCategory).toMatchObject({ ok: false, message: "De categorie is niet gekozen: kies er een." });
    // A name of nothing but control characters is no name.
    await expect(SessionClient.join(server.baseUrl, { as: "deelnemer", code: created.code, displayName: "\u001b\u202E\u0000 \u2069", realRole: "wethouder" })).rejects.toThrow(/Je naam/);

    const stored = (await store.load(created.sessionId)).map((s) => s.event);
    expect(stringsIn(stored).filter((s) => CONTROL.test(s))).toEqual([]);
    expect(stringsIn([spelleider.view(), alice.view()]).filter((s) => CONTROL.test(s))).toEqual([]);
    expect(stringsIn(stored)).toContain("Alice van Dijk");
  });
});
