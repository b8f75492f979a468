/**
 * The command pipeline of a session, without Colyseus: a real SQLite file, the real core, and plain objects as
 * connections and as the room around it. What it promises: nobody is told before the store has it, a command counts
 * once, a refusal changes nothing, commands that arrive together are stored and shown together, and a failed write
 * leaves the session as if the command never came.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../server/core/decision.ts";
import { replay } from "../../server/core/evolve.ts";
import { resolveSeat } from "../../server/core/lobby.ts";
import { FAN_OUT_BUDGET_MS, fanOutFigures, fanOutTurn } from "../../server/rooms/fanOut.ts";
import { CommandPipeline, type Connection, type PipelineHost } from "../../server/rooms/pipeline.ts";
import type { Audience, Reach } from "../../server/rooms/projection.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { createSession } from "../../server/sessions.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";

let dir: string;
let scenario: Scenario;
const stores: SqliteEventStore[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "maatwerkspel-pipeline-"));
  const { scenarios } = await loadScenarioDir(resolve("scenarios"));
  const demo = scenarios.get("demo-maatwerk");
  if (!demo) throw new Error("scenario demo-maatwerk ontbreekt");
  scenario = demo;
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close().catch(() => undefined)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What happened, in order, as the room around the pipeline saw it. */
type Happening = { kind: "patch"; reach: Reach; senders: readonly Actor[] } | { kind: "ack" | "rejected"; who: string; message: Record<string, unknown> } | { kind: "stored"; events: readonly SessionEvent[] };

interface Table {
  store: SqliteEventStore;
  file: string;
  sessionId: string;
  pipeline: CommandPipeline;
  log: Happening[];
  /** A plain connection; `onSend` runs at the moment it is sent something. */
  connect(who: string, audience: Audience, onSend?: () => void): Connection;
  /** A participant's seat, made through the pipeline as the room's onAuth does. */
  seat(name: string): Promise<string>;
  /** Sends and waits for the answer. */
  send(connection: Connection, message: Record<string, unknown>): Promise<Record<string, unknown>>;
  storedEvents(): number;
  /** Cards in the projected room state at each patch, beside the cards on disk at that moment. */
  cardsAtPatch: { projected: number; onDisk: number }[];
  setOnline(participantId: string, online: boolean): void;
}

let tables = 0;

async function openTable(options: { file?: string; sessionId?: string } = {}): Promise<Table> {
  const file = options.file ?? join(dir, `t${++tables}.sqlite`);
  const store = new SqliteEventStore(file);
  stores.push(store);
  let sessionId = options.sessionId;
  if (!sessionId) {
    const created = await createSession(store, scenario, { now: Date.now() });
    if (!created.ok) throw new Error(created.message);
    sessionId = created.session.sessionId;
  }
  const log: Happening[] = [];
  const online = new Set<string>();
  const cardsAtPatch: { projected: number; onDisk: number }[] = [];
  const count = (sql: string): number => {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      return Number(db.prepare(sql).get(sessionId)?.n);
    } finally {
      db.close();
    }
  };
  const host: PipelineHost = {
    store,
    now: () => Date.now(),
    online: () => online,
    patch: (reach, senders) => {
      log.push({ kind: "patch", reach, senders });
      cardsAtPatch.push({ projected: pipeline.projector.state.cards.size, onDisk: count("SELECT COUNT(*) AS n FROM events WHERE session_id = ? AND type = 'CardPosted'") });
    },
    cork: () => () => undefined,
    stored: (events) => log.push({ kind: "stored", events }),
    damaged: () => undefined,
  };
  const pipeline = await CommandPipeline.open(host, sessionId);
  pipeline.start();
  const waiting = new Map<string, (answer: Record<string, unknown>) => void>();
  const table: Table = {
    store,
    file,
    sessionId,
    pipeline,
    log,
    connect(who, audience, onSend) {
      return {
        audience,
        send(type, raw) {
          onSend?.();
          const message = { ...(raw as Record<string, unknown>) };
          log.push({ kind: type, who, message });
          const id = typeof message.commandId === "string" ? message.commandId : "";
          waiting.get(`${who}:${id}`)?.({ ...message, answer: type });
        },
      };
    },
    async seat(name) {
      const seatToken = `token-van-${name}-${"x".repeat(16)}`;
      const command = { type: "participant.join" as const, commandId: "join", displayName: name, realRole: "raadslid" as const, seatToken };
      const outcome = await pipeline.exclusive(async () => (await pipeline.apply(command, { kind: "guest" }, null)).outcome);
      if (!outcome.ok) throw new Error(outcome.message);
      const seat = resolveSeat(pipeline.session, seatToken);
      if (seat.kind !== "seat") throw new Error("geen plek");
      online.add(seat.participantId);
      return seat.participantId;
    },
    send(connection, message) {
      const who = (connection as { who?: string }).who ?? whoOf(connection);
      return new Promise((done) => {
        waiting.set(`${who}:${String(message.commandId ?? "")}`, done);
        pipeline.receive(connection, message);
      });
    },
    storedEvents: () => count("SELECT COUNT(*) AS n FROM events WHERE session_id = ?"),
    cardsAtPatch,
    setOnline(participantId, isOnline) {
      if (isOnline) online.add(participantId);
      else online.delete(participantId);
      pipeline.presence(participantId);
    },
  };
  return table;
}

const names = new WeakMap<Connection, string>();
function whoOf(connection: Connection): string {
  return names.get(connection) ?? "?";
}

/** A table in the beeldvorming with a spelleider and `players` seated participants. */
async function beeldvorming(players: string[]) {
  const table = await openTable();
  const spelleider = named(table, "spelleider", { kind: "spelleider" });
  const seated: Connection[] = [];
  for (const name of players) seated.push(named(table, name, { kind: "participant", participantId: await table.seat(name) }));
  expect(await table.send(spelleider, { type: "phase.next", commandId: "fase-1" })).toMatchObject({ answer: "ack" });
  return { table, spelleider, seated };
}

function named(table: Table, who: string, audience: Audience, onSend?: () => void): Connection {
  const connection = table.connect(who, audience, onSend);
  names.set(connection, who);
  return connection;
}

const card = (cardId: string, text: string) => ({ type: "card.post", commandId: `c-${cardId}`, cardId, promptId: "wel", text });

describe("de opdrachtenstroom van een sessie", () => {
  it("bevestigt een opdracht pas als haar gebeurtenissen op schijf staan, en na de patch ervan", async () => {
    const { table, seated } = await beeldvorming(["Anna"]);
    const [anna] = seated;
    if (!anna) throw new Error("geen Anna");
    const before = table.storedEvents();
    let onDiskAtAck = -1;
    const watched = named(table, "Anna", anna.audience ?? { kind: "beamer" }, () => (onDiskAtAck = table.storedEvents()));
    const answer = await table.send(watched, card("k1", "Eén loket voor alles"));
    expect(answer).toMatchObject({ answer: "ack", seq: before + 1 });
    expect(onDiskAtAck).toBe(before + 1);
    const ack = table.log.findIndex((h) => h.kind === "ack" && h.message.commandId === "c-k1");
    const patch = table.log.findLastIndex((h, k) => h.kind === "patch" && k < ack);
    expect(patch).toBeGreaterThan(-1);
    expect(table.pipeline.session.cards.get("k1")?.text).toBe("Eén loket voor alles");
  });

  it("bevestigt een opnieuw gestuurde opdracht opnieuw, maar past haar maar één keer toe", async () => {
    const { table, seated } = await beeldvorming(["Anna"]);
    const [anna] = seated;
    if (!anna) throw new Error("geen Anna");
    expect(await table.send(anna, card("k1", "Minder formulieren"))).toMatchObject({ answer: "ack" });
    const stored = table.storedEvents();
    expect(await table.send(anna, card("k1", "Minder formulieren"))).toMatchObject({ answer: "ack" });
    expect(table.storedEvents()).toBe(stored);
    expect(table.pipeline.session.cards.size).toBe(1);
  });

  it("weigert wat de regels niet toestaan in het Nederlands, en verandert en bewaart dan niets", async () => {
    const { table, seated, spelleider } = await beeldvorming(["Anna"]);
    const [anna] = seated;
    if (!anna) throw new Error("geen Anna");
    const stored = table.storedEvents();
    const phase = table.pipeline.session.phaseIndex;
    const refused = await table.send(anna, { type: "phase.next", commandId: "stiekem" });
    expect(refused).toMatchObject({ answer: "rejected", code: expect.any(String) });
    expect(String(refused.message)).toMatch(/spelleider/i);
    const unreadable = await table.send(anna, { type: "card.post", commandId: "half", cardId: "k9" });
    expect(unreadable).toMatchObject({ answer: "rejected", code: "ongeldig" });
    const beamer = named(table, "beamer", { kind: "beamer" });
    expect(await table.send(beamer, card("k2", "Ik kijk alleen"))).toMatchObject({ answer: "rejected", code: "niet_toegestaan", message: "Het beamerscherm kan alleen kijken, niet meespelen." });
    expect(table.storedEvents()).toBe(stored);
    expect(table.pipeline.session.phaseIndex).toBe(phase);
    expect(table.pipeline.session.cards.size).toBe(0);
    expect(spelleider.audience).toEqual({ kind: "spelleider" });
  });

  it("slaat opdrachten die tegelijk binnenkomen samen op, laat ze in één patch zien en bevestigt ze daarna elk met hun eigen volgnummer", async () => {
    const players = ["Anna", "Bram", "Cem", "Dewi", "Eva"];
    const { table, seated } = await beeldvorming(players);
    const start = table.log.length;
    const answers = await Promise.all(seated.map((connection, k) => table.send(connection, card(`k${k}`, `Kaartje ${k + 1}`))));
    const happened = table.log.slice(start);
    expect(happened.filter((h) => h.kind === "patch")).toHaveLength(1);
    expect(happened[0]?.kind).toBe("patch");
    expect(happened.filter((h) => h.kind === "ack")).toHaveLength(players.length);
    const seqs = answers.map((a) => Number(a.seq));
    expect(new Set(seqs).size).toBe(players.length);
    expect(Math.max(...seqs)).toBe(table.storedEvents());
    // The one patch names every sender, so each sees its own `seq`.
    const [patch] = happened;
    expect(patch?.kind === "patch" ? patch.senders.length : 0).toBe(players.length);
  });

  it("laat bij elke patch alleen zien wat op schijf staat, ook als iemand binnenkomt terwijl opdrachten worden opgeslagen", async () => {
    const { table, seated } = await beeldvorming(["Anna", "Bram", "Cem"]);
    const cem = seated[2]?.audience;
    if (cem?.kind !== "participant") throw new Error("geen Cem");
    table.setOnline(cem.participantId, false);
    const start = table.cardsAtPatch.length;
    const sent = seated.slice(0, 2).map((connection, k) => table.send(connection, card(`k${k}`, `Kaartje ${k}`)));
    // Cem's phone comes back while both cards are decided (in this turn's microtasks) and not yet stored.
    const back = new Promise<void>((done) => setImmediate(() => done(table.setOnline(cem.participantId, true))));
    await Promise.all([...sent, back]);
    await table.pipeline.settled();
    const patches = table.cardsAtPatch.slice(start);
    expect(patches.length).toBeGreaterThan(1);
    for (const patch of patches) expect(patch.projected).toBeLessThanOrEqual(patch.onDisk);
    expect(patches.at(-1)).toEqual({ projected: 2, onDisk: 2 });
    const seat = table.pipeline.projector.state.seats.get(cem.participantId);
    expect(seat && JSON.parse(seat.json)).toMatchObject({ online: true });
  });

  it("laat de toestand zoals hij was als de opslag een opdracht niet kan bewaren, en zegt dat in het Nederlands", async () => {
    const { table, seated } = await beeldvorming(["Anna"]);
    const [anna] = seated;
    if (!anna) throw new Error("geen Anna");
    const stored = table.storedEvents();
    const patches = table.log.filter((h) => h.kind === "patch").length;
    await table.store.close(); // the real SQLite handle is gone: every append now fails
    const answer = await table.send(anna, card("k1", "Dit kan niet worden bewaard"));
    expect(answer).toMatchObject({ answer: "rejected", code: "serverfout" });
    expect(String(answer.message)).toMatch(/niet worden opgeslagen. Er is niets veranderd/);
    expect(table.pipeline.session.cards.size).toBe(0);
    expect(table.storedEvents()).toBe(stored);
    expect(table.log.filter((h) => h.kind === "patch").length).toBe(patches);
  });

  it("weigert een opdracht als een andere kamer tussendoor schreef, en gaat daarna verder vanaf het log", async () => {
    const { table, seated } = await beeldvorming(["Anna"]);
    const [anna] = seated;
    if (!anna) throw new Error("geen Anna");
    // A second room on the same session (a race between processes) writes first.
    const other = await openTable({ file: table.file, sessionId: table.sessionId });
    const annaThere = named(other, "Anna", anna.audience ?? { kind: "beamer" });
    expect(await other.send(annaThere, card("k1", "Van de andere kamer"))).toMatchObject({ answer: "ack" });
    const answer = await table.send(anna, card("k2", "Te laat"));
    expect(answer).toMatchObject({ answer: "rejected", code: "conflict", message: "De sessie was net veranderd. Probeer het nog eens." });
    // Rebuilt from the log: the other room's card is there, the refused one is not.
    expect([...table.pipeline.session.cards.keys()]).toEqual(["k1"]);
    expect(await table.send(anna, card("k2", "Nu wel"))).toMatchObject({ answer: "ack" });
    const log = (await table.store.load(table.sessionId)).map((s) => s.event);
    expect(replay(log)).toEqual(table.pipeline.session);
  });

  it("vouwt het log bij openen één keer tot dezelfde toestand, en kent daarna de opdrachten die al zijn toegepast", async () => {
    const { table, seated } = await beeldvorming(["Anna", "Bram"]);
    await Promise.all(seated.map((connection, k) => table.send(connection, card(`k${k}`, `Kaartje ${k}`))));
    await table.pipeline.settled();
    const reopened = await openTable({ file: table.file, sessionId: table.sessionId });
    expect(reopened.pipeline.session).toEqual(table.pipeline.session);
    expect(reopened.pipeline.seq).toBe(table.storedEvents());
    const [anna] = seated;
    if (!anna) throw new Error("geen Anna");
    const annaAgain = named(reopened, "Anna", anna.audience ?? { kind: "beamer" });
    const stored = reopened.storedEvents();
    expect(await reopened.send(annaAgain, card("k0", "Kaartje 0"))).toMatchObject({ answer: "ack" });
    expect(reopened.storedEvents()).toBe(stored);
  });

  it("meldt een verwijderde deelnemer aan de kamer nadat het verwijderen is opgeslagen", async () => {
    const { table, seated, spelleider } = await beeldvorming(["Anna", "Bram"]);
    const bram = seated[1]?.audience;
    if (bram?.kind !== "participant") throw new Error("geen Bram");
    expect(await table.send(spelleider, { type: "participant.remove", commandId: "weg", participantId: bram.participantId })).toMatchObject({ answer: "ack" });
    const stored = table.log.find((h) => h.kind === "stored" && h.events.some((e) => e.type === "ParticipantRemoved"));
    expect(stored).toBeDefined();
    expect(table.pipeline.session.participants.get(bram.participantId)?.removed).toBe(true);
  });

  it("weigert na stoppen elke opdracht: er wordt niets meer opgeslagen", async () => {
    const { table, seated } = await beeldvorming(["Anna"]);
    const [anna] = seated;
    if (!anna) throw new Error("geen Anna");
    await table.pipeline.stop();
    const stored = table.storedEvents();
    expect(await table.send(anna, card("k1", "Te laat"))).toMatchObject({ answer: "rejected", code: "verwijderd" });
    expect(table.storedEvents()).toBe(stored);
  });
});

describe("faseovergangen van verschillende sessies", () => {
  /** A real socket: what another session's phone sends arrives as I/O, read between two turns of the event loop. */
  async function phoneOfAnotherSession(order: string[]) {
    const server = createServer((socket) => socket.on("data", () => order.push("opdracht van een andere sessie")));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    if (typeof address !== "object" || address === null) throw new Error("geen poort");
    const phone = connect(address.port, "127.0.0.1");
    await new Promise<void>((done) => phone.once("connect", done));
    const close = async () => {
      phone.destroy();
      await new Promise((done) => server.close(done));
    };
    return { phone, close };
  }
  const busyFor = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  it("wachten op een eigen beurt zodra de vorige de beurt vol maakte, zodat een bericht dat intussen binnenkomt ertussen wordt gelezen", async () => {
    const order: string[] = [];
    const { phone, close } = await phoneOfAnotherSession(order);
    try {
      const first = fanOutTurn(() => {
        order.push("fase van sessie A");
        phone.write("x");
        busyFor(FAN_OUT_BUDGET_MS + 2);
      });
      const second = fanOutTurn(() => order.push("fase van sessie B"));
      await Promise.all([first, second]);
      await new Promise((done) => setTimeout(done, 50));
      expect(order).toEqual(["fase van sessie A", "opdracht van een andere sessie", "fase van sessie B"]);
    } finally {
      await close();
    }
  });

  it("delen een beurt zolang die niet vol is: honderd korte faseovergangen wachten niet honderd beurten", async () => {
    const order: string[] = [];
    const { phone, close } = await phoneOfAnotherSession(order);
    try {
      const turnsBefore = fanOutFigures.turns;
      const all = Array.from({ length: 100 }, (_, k) =>
        fanOutTurn(() => {
          order.push(`fase ${k}`);
          if (k === 0) phone.write("x");
        }),
      );
      await Promise.all(all);
      await new Promise((done) => setTimeout(done, 50));
      expect(order.indexOf("opdracht van een andere sessie")).toBeGreaterThan(0);
      expect(order.filter((o) => o.startsWith("fase"))).toEqual(Array.from({ length: 100 }, (_, k) => `fase ${k}`));
      expect(fanOutFigures.turns - turnsBefore).toBeLessThan(10);
    } finally {
      await close();
    }
  });

  it("een faseovergang die mislukt, laat de volgende gewoon aan de beurt", async () => {
    const failed = fanOutTurn(() => {
      throw new Error("stuk");
    });
    const next = fanOutTurn(() => undefined);
    await expect(failed).rejects.toThrow("stuk");
    await expect(next).resolves.toBeUndefined();
  });
});
