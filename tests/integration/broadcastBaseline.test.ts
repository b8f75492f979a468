/**
 * The floor of `bench:load -- --baseline broadcast` must really do what any shared board does, or ours/broadcast
 * compares with nothing: every command's text reaches every client of its session (and no other session) through the
 * ordinary state patch, and the sender is acked. The durable baseline does the same after each command is in its SQLite
 * file. The echo baseline only acks. Real baseline servers on free ports,
 * real SDK clients through SessionClient, as the load clients use them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "@colyseus/core";
import { buildBaselineServer, type Baseline } from "../../tools/bench/baselineServer.ts";
import { createSessionOverHttp } from "../../tools/bots/play.ts";
import { SessionClient, newId } from "../../game/src/net/sessionClient.ts";
import { REAL_ROLES } from "#shared/protocol/ids.ts";
import { freePort } from "./harness.ts";

/** The texts on a client's board, in the order the room appended them. */
const board = (client: SessionClient): string[] => {
  const entries: [number, string][] = [];
  client.room.state.cards.forEach((entity, key) => entries.push([Number(key), entity.json]));
  return entries.sort((a, b) => a[0] - b[0]).map(([, json]) => json);
};

async function startBaseline(baseline: Baseline, dataDir?: string): Promise<{ baseUrl: string; server: Server }> {
  const server = buildBaselineServer(baseline, { dataDir });
  const port = await freePort();
  await server.listen(port, "127.0.0.1");
  return { baseUrl: `http://127.0.0.1:${port}`, server };
}

async function seatSession(baseUrl: string, participants: number): Promise<{ spelleider: SessionClient; people: SessionClient[] }> {
  const created = await createSessionOverHttp(baseUrl, { scenarioId: "demo-maatwerk" });
  const spelleider = await SessionClient.join(baseUrl, { as: "spelleider", secret: created.secret });
  const people: SessionClient[] = [];
  for (let k = 1; k <= participants; k++) people.push(await SessionClient.join(baseUrl, { as: "deelnemer", code: created.code, displayName: `Deelnemer ${k}`, realRole: REAL_ROLES[k % REAL_ROLES.length] ?? "raadslid" }));
  return { spelleider, people };
}

describe("the broadcast baseline: each command's text on every board of its session", () => {
  let baseUrl = "";
  let server: Server | undefined;
  const clients: SessionClient[] = [];
  beforeAll(async () => {
    ({ baseUrl, server } = await startBaseline("broadcast"));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    await server?.gracefullyShutdown(false);
  });

  it("appends every text, patches it to everyone in the session before the ack, and to no one elsewhere", async () => {
    const a = await seatSession(baseUrl, 3);
    const b = await seatSession(baseUrl, 1);
    clients.push(a.spelleider, ...a.people, b.spelleider, ...b.people);
    const texts = a.people.map((_, k) => `Eén vast aanspreekpunt per gezin, nummer ${k + 1}.`);

    const acks = [];
    for (const [k, person] of a.people.entries()) {
      const result = await person.send({ type: "eis.write", eisId: newId("e"), categoryId: "toegang", text: texts[k] ?? "" });
      expect(result.ok).toBe(true);
      // The patch goes out before the ack on the same socket: the sender's own board already shows its text.
      expect(board(person)).toContain(texts[k]);
      acks.push(result);
    }
    // A command without a text is appended by its type.
    const vote = await a.people[0]!.send({ type: "vote.points", itemId: newId("i"), points: 2 });
    expect(vote.ok).toBe(true);
    expect(acks.map((r) => (r.ok ? r.seq : 0))).toEqual([1, 2, 3]);
    expect(vote.ok && vote.seq).toBe(4);

    for (const client of [a.spelleider, ...a.people]) {
      await client.until(() => client.room.state.seq === 4);
      expect(board(client)).toEqual([...texts, "vote.points"]);
    }
    // The other session's room is another room: its board stays empty.
    const other = await b.people[0]!.send({ type: "eis.write", eisId: newId("e"), categoryId: "toegang", text: "Alleen in sessie B." });
    expect(other.ok && other.seq).toBe(1);
    for (const client of [b.spelleider, ...b.people]) {
      await client.until(() => client.room.state.seq === 1);
      expect(board(client)).toEqual(["Alleen in sessie B."]);
    }
    expect(board(a.spelleider)).toEqual([...texts, "vote.points"]);
  });
});

describe("the durable baseline: each command stored in SQLite before anyone sees it", () => {
  it("has every acked text in the file and on every board of the session, in order", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "durable-baseline-"));
    const { baseUrl, server } = await startBaseline("durable", dataDir);
    const { spelleider, people } = await seatSession(baseUrl, 3);
    try {
      const texts = people.map((_, k) => `Maatwerk boven de regel, kaart ${k + 1}.`);
      // Sent together: the store keeps them in order and one commit may hold several.
      const results = await Promise.all(people.map((person, k) => person.send({ type: "eis.write", eisId: newId("e"), categoryId: "toegang", text: texts[k] ?? "" })));
      expect(results.every((r) => r.ok)).toBe(true);
      const seqs = results.map((r) => (r.ok ? r.seq : 0)).sort();
      expect(seqs).toEqual([1, 2, 3]);

      // Acked means stored: read the file with another connection while the server still runs.
      const db = new DatabaseSync(join(dataDir, "baseline-durable.sqlite"), { readOnly: true });
      const stored = db.prepare("SELECT seq, type, body FROM events ORDER BY seq").all();
      db.close();
      expect(stored.map((row) => row.type)).toEqual(["EisEdited", "EisEdited", "EisEdited"]);
      const storedTexts = stored.map((row) => JSON.parse(String(row.body)).text);
      expect([...storedTexts].sort()).toEqual([...texts].sort());

      for (const client of [spelleider, ...people]) {
        await client.until(() => client.room.state.seq === 3);
        expect(board(client)).toEqual(storedTexts);
      }
    } finally {
      await Promise.all([spelleider, ...people].map((c) => c.leave()));
      await server.gracefullyShutdown(false);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the echo baseline: an ack and nothing else", () => {
  it("acks each command and leaves every board empty", async () => {
    const { baseUrl, server } = await startBaseline("echo");
    const { spelleider, people } = await seatSession(baseUrl, 2);
    try {
      const result = await people[0]!.send({ type: "eis.write", eisId: newId("e"), categoryId: "toegang", text: "Niemand ziet dit." });
      expect(result.ok).toBe(true);
      // Whatever would have been patched is sent before the ack; nothing was.
      for (const client of [spelleider, ...people]) expect(board(client)).toEqual([]);
    } finally {
      await Promise.all([spelleider, ...people].map((c) => c.leave()));
      await server.gracefullyShutdown(false);
    }
  });
});
