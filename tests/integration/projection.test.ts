/**
 * The room's projection (rooms/projection.ts) diffs what core says each viewer may see (core/views). Whatever it
 * patches, every connection must hold exactly core's playerView: for random sessions (every phase, tafels, pause,
 * timers, going back a phase, removing someone, people coming and going, the terugkombijeenkomst), after every
 * generation of commands, for the spelleider, the beamer and every participant. A connection the projection did not
 * reach must have missed nothing. Duplicate suggestions are computed after the answers (off the command path), from
 * the board at that seq: once computed they are exactly what a replay of the log to that seq gives.
 */
import { resolve } from "node:path";
import { Decoder, Encoder, StateView, type MapSchema } from "@colyseus/schema";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { simulate } from "../../tools/bench/simulate.ts";
import { evolve, replay } from "../../server/core/evolve.ts";
import type { SessionState } from "../../server/core/state.ts";
import { boardSuggestions, playerView, type PlayerView } from "../../server/core/view.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { BoardEisSchema, eisenInItems, ItemViewSchema } from "#shared/protocol/views.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { DERIVED_DELAY_MS, Projector, type Audience, type Reach } from "../../server/rooms/projection.ts";
import { derivedFigures } from "../../server/rooms/derivedTurns.ts";
import { suggestionTextCaches } from "../../server/core/suggestions.ts";
import { Entity, SessionRoomState } from "#shared/protocol/schema.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";
import { parameters, timeoutFor } from "../fuzz/settings.ts";

let scenarios: ReadonlyMap<string, Scenario>;
beforeAll(async () => {
  ({ scenarios } = await loadScenarioDir(resolve("scenarios")));
});

/** The shipped demo scenario, which most of these sessions play. */
function demoScenario(): Scenario {
  const scenario = scenarios.get("demo-maatwerk");
  if (!scenario) throw new Error("demo-maatwerk ontbreekt");
  return scenario;
}

type Connection = { audience: Audience; view: StateView };

/** What one connection has received, as the client reads it (game/src/net/sessionClient.ts): the fields of playerView. */
function received(projector: Projector, view: StateView): Record<keyof PlayerView, unknown> {
  const s = projector.state;
  const parse = (json: string): unknown => JSON.parse(json);
  const all = (map: MapSchema<Entity>) => [...map.values()].map((e) => parse(e.json));
  const granted = (map: MapSchema<Entity>) => [...map.values()].filter((e) => view.has(e)).map((e) => parse(e.json));
  // The terugkom header travels without its v2 items, which come one entity each, in the order it names.
  const header = parse(s.terugkom);
  const items = new Map(all(s.terugkomItems).map((i) => [Reflect.get(Object(i), "itemId"), i]));
  const order: unknown = header === null ? [] : Reflect.get(Object(header), "v2Order");
  const terugkom = header === null ? null : { ...Object(header), v2Order: undefined, v2: (Array.isArray(order) ? order : []).map((id) => items.get(id)) };
  if (terugkom) delete terugkom.v2Order;
  // A tafel's eisen and items are granted; the whole group's travel in shared maps.
  const board = { eisen: [...granted(s.eisen), ...all(s.groupEisen)], items: [...granted(s.items), ...all(s.groupItems)] };
  return {
    session: parse(s.session),
    scenario: parse(s.scenario),
    seats: all(s.seats),
    cards: all(s.cards),
    clusters: all(s.clusters),
    // An eis travels without its item (strict: the test fails if it is sent again); the client reads it from the items.
    eisen: eisenInItems(z.array(BoardEisSchema.strict()).parse(board.eisen), z.array(ItemViewSchema).parse(board.items)),
    items: board.items,
    spanningen: all(s.spanningen),
    suggestions: parse(s.suggestions || "[]"),
    support: all(s.support),
    cases: all(s.cases),
    tables: all(s.tables),
    kader: parse(s.kader),
    terugkom,
    people: granted(s.people),
    mine: granted(s.mine)[0] ?? null,
    drafts: eisenInItems(z.array(BoardEisSchema.strict()).parse(granted(s.drafts)), []),
    counts: granted(s.counts)[0] ?? null,
  };
}

/** The key of each list's entries: the room's maps keep the order entries were first made, a replay the order of the state. */
const LIST_KEYS: Partial<Record<keyof PlayerView, string>> = {
  seats: "participantId",
  cards: "id",
  clusters: "id",
  eisen: "id",
  items: "id",
  spanningen: "spanningId",
  support: "itemId",
  cases: "id",
  tables: "tableId",
  people: "participantId",
  drafts: "id",
};

/** A view as it travels (JSON), with its lists in key order. */
function ordered(view: Record<keyof PlayerView, unknown> | PlayerView, asJson = true): Record<string, unknown> {
  const data: Record<string, unknown> = asJson ? JSON.parse(JSON.stringify(view)) : { ...view };
  for (const [name, key] of Object.entries(LIST_KEYS)) {
    const list = data[name];
    if (Array.isArray(list)) list.sort((a, b) => String(Reflect.get(Object(a), key)).localeCompare(String(Reflect.get(Object(b), key))));
  }
  return data;
}

const reaches = (reach: Reach, audience: Audience): boolean =>
  reach.everyone || (audience.kind === "participant" ? reach.participants.has(audience.participantId) : audience.kind === "spelleider" ? reach.spelleider : reach.beamer);

const label = (a: Audience) => (a.kind === "participant" ? `deelnemer ${a.participantId}` : a.kind);

interface SessionShape {
  scenarioId: string;
  variantId?: string;
  participants: number;
  tables?: number;
  seed: number;
  eisenPerRound: number;
  boardActions: number;
  votes: number;
  extras: boolean;
  terugkom: boolean;
  /** Commands per generation, in turn (the room folds a generation and projects it once). */
  sizes: number[];
  /** Every this many generations someone drops off or comes back (0: nobody). */
  churn: number;
}

const KINDS: { scenarioId: string; variantId?: string; tafels?: boolean }[] = [
  { scenarioId: "demo-maatwerk", variantId: "dag" },
  { scenarioId: "demo-maatwerk", variantId: "kort" },
  { scenarioId: "demo-maatwerk", variantId: "tafels", tafels: true },
  { scenarioId: "wmo-meedoen" },
  { scenarioId: "jeugd-naar-volwassenheid" },
];

const sessionArb: fc.Arbitrary<SessionShape> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    participants: fc.integer({ min: 3, max: 12 }),
    tafelGroup: fc.integer({ min: 10, max: 16 }),
    tables: fc.integer({ min: 2, max: 3 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    eisenPerRound: fc.integer({ min: 1, max: 3 }),
    boardActions: fc.integer({ min: 0, max: 30 }),
    votes: fc.integer({ min: 0, max: 3 }),
    extras: fc.boolean(),
    terugkom: fc.boolean(),
    sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
    churn: fc.integer({ min: 0, max: 25 }),
  })
  .map(({ kind, participants, tafelGroup, tables, ...rest }) => ({
    scenarioId: kind.scenarioId,
    ...(kind.variantId ? { variantId: kind.variantId } : {}),
    participants: kind.tafels ? tafelGroup : participants,
    ...(kind.tafels ? { tables } : {}),
    ...rest,
  }));

interface Played {
  generations: number;
  /** Generations whose patch went to only some connections. */
  narrow: number;
  /** Checks in which a participant saw only part of the board (their tafel's). */
  partial: number;
}

/**
 * Plays a session through the rules, projecting each generation as the room does, and after each one checks every
 * connection against playerView. `onGeneration` sees the projector before the derived part is settled.
 */
function playAndCheck(shape: SessionShape, onGeneration?: (projector: Projector, state: SessionState, events: readonly SessionEvent[], seq: number) => void): Played {
  const scenario = scenarios.get(shape.scenarioId);
  if (!scenario) throw new Error(`scenario ${shape.scenarioId} ontbreekt`);
  const projector = new Projector();
  // As in the room: the state has an encoder (StateView needs it to know the entities).
  new Encoder(projector.state);
  const connections: Connection[] = [];
  const online = new Set<string>();
  const pending: SessionEvent[] = [];
  let seq = 1;
  let commands = 0;
  let generations = 0;
  let narrow = 0;
  let partial = 0;
  const connect = (audience: Audience, state: SessionState) => {
    const view = new StateView();
    projector.attach(view, audience, state);
    connections.push({ audience, view });
  };
  const check = (state: SessionState, what: string) => {
    projector.settleDerived();
    const all = playerView(state, { kind: "spelleider" }, online).eisen.length;
    for (const { audience, view } of connections) {
      const got = received(projector, view);
      expect(ordered(got, false), `${label(audience)} ${what}`).toEqual(ordered(playerView(state, audience, online)));
      const eisen = Array.isArray(got.eisen) ? got.eisen.length : 0;
      if (audience.kind === "participant" && eisen > 0 && eisen < all) partial++;
    }
  };
  simulate({
    scenario,
    variantId: shape.variantId,
    participants: shape.participants,
    seed: shape.seed,
    tables: shape.tables,
    eisenPerRound: shape.eisenPerRound,
    editsPerRound: 1,
    boardActions: shape.boardActions,
    votesPerParticipant: shape.votes,
    extras: shape.extras,
    terugkom: shape.terugkom,
    onApplied: (events, state) => {
      seq += events.length;
      if (connections.length === 0) {
        // The spelleider and the beamer are there from the start; the beamer is not a participant.
        projector.sync(state, online, 1);
        connect({ kind: "spelleider" }, state);
        connect({ kind: "beamer" }, state);
      }
      pending.push(...events);
      commands++;
      const joined = events.flatMap((e) => (e.type === "ParticipantJoined" ? [e.participantId] : []));
      // A join is answered (and its connection made) when its generation is done: it closes one here.
      if (commands < (shape.sizes[generations % shape.sizes.length] ?? 1) && joined.length === 0) return;
      const before = connections.map(({ view }) => JSON.stringify(received(projector, view)));
      const reach = projector.sync(state, online, seq, pending);
      connections.forEach(({ audience, view }, k) => {
        // The room patches only the connections a sync reached (and the senders): nobody else may have missed anything.
        if (!reaches(reach, audience)) expect(JSON.stringify(received(projector, view)), `${label(audience)} na generatie ${generations}`).toBe(before[k]);
      });
      if (!reach.everyone) narrow++;
      onGeneration?.(projector, state, pending, seq);
      const what = `na generatie ${generations} (${pending.map((e) => e.type).join(", ")})`;
      pending.length = 0;
      commands = 0;
      generations++;
      for (const participantId of joined) {
        // The room connects a new participant once the join is stored, and marks them online.
        connect({ kind: "participant", participantId }, state);
        online.add(participantId);
        projector.syncPresence(state, online, seq, participantId);
      }
      // Now and then someone drops off (their connection goes) or comes back (a new one).
      if (shape.churn > 0 && generations % shape.churn === 0) {
        const ids = [...state.participants.keys()];
        const id = ids[generations % Math.max(1, ids.length)];
        if (id) {
          if (online.has(id)) {
            online.delete(id);
            for (const c of connections.filter((c) => c.audience.kind === "participant" && c.audience.participantId === id)) {
              projector.detach(c.view);
              connections.splice(connections.indexOf(c), 1);
            }
          } else {
            online.add(id);
            connect({ kind: "participant", participantId: id }, state);
          }
          projector.syncPresence(state, online, seq, id);
        }
      }
      check(state, what);
    },
  });
  return { generations, narrow, partial };
}

describe("every connection holds exactly playerView, after every generation", () => {
  it(
    "for random sessions: every audience, every phase, generations of 1-5 commands, people coming and going",
    () => {
      const params = parameters(6);
      fc.assert(
        fc.property(sessionArb, (shape) => {
          const played = playAndCheck(shape);
          expect(played.generations).toBeGreaterThan(10);
        }),
        params,
      );
    },
    timeoutFor(parameters(6).numRuns, 20_000),
  );

  it("with tafels, a participant sees only their own tafel's board in rolwissel and samenvoegen; drafts and ballots reach only their owner", () => {
    const played = playAndCheck({ scenarioId: "demo-maatwerk", variantId: "tafels", participants: 12, tables: 3, seed: 6, eisenPerRound: 2, boardActions: 30, votes: 2, extras: true, terugkom: true, sizes: [1, 2], churn: 17 });
    expect(played.partial).toBeGreaterThan(10);
    // Writing a draft, a vote, "klaar": only the owner (and the spelleider or the beamer) get a patch.
    expect(played.narrow).toBeGreaterThan(20);
  });

  it("without tafels the whole group sees the whole board, and most commands reach only their sender's side", () => {
    const played = playAndCheck({ scenarioId: "demo-maatwerk", variantId: "kort", participants: 10, seed: 2, eisenPerRound: 3, boardActions: 30, votes: 3, extras: true, terugkom: true, sizes: [1], churn: 17 });
    expect(played.partial).toBe(0);
    expect(played.narrow).toBeGreaterThan(played.generations / 5);
  });
});

describe("duplicate suggestions are computed after the answers, exactly as at that seq", () => {
  it("a merge is projected without them; settled, they are what the replayed log gives at that seq", () => {
    const scenario = demoScenario();
    const projector = new Projector();
    /** The seq of each merge whose suggestions waited, and what the projection showed once they were settled. */
    const settled: { seq: number; shown: unknown }[] = [];
    let seq = 1;
    const sim = simulate({
      scenario,
      variantId: "kort",
      participants: 8,
      seed: 11,
      eisenPerRound: 3,
      boardActions: 30,
      votesPerParticipant: 0,
      onApplied: (events, state) => {
        seq += events.length;
        const before = projector.state.suggestions;
        projector.sync(state, new Set(), seq, events);
        if (!projector.derivedPending) return;
        // Answered first: what clients see of the suggestions did not move with the command.
        expect(projector.state.suggestions).toBe(before);
        projector.settleDerived();
        expect(projector.derivedPending).toBe(false);
        // Said to be of this seq, for the terugblik.
        expect(projector.state.suggestionsSeq).toBe(seq);
        settled.push({ seq, shown: JSON.parse(projector.state.suggestions) });
      },
    });
    expect(settled.length).toBeGreaterThan(5);
    for (const { seq: at, shown } of settled) expect(shown, `seq ${at}`).toEqual(boardSuggestions(replay(sim.events.slice(0, at))));
  });

  it("left alone, the room gets them soon after, with whom they reach, of the state as last projected", async () => {
    const scenario = demoScenario();
    const sim = simulate({ scenario, variantId: "kort", participants: 6, seed: 12, eisenPerRound: 3, boardActions: 5, votesPerParticipant: 0 });
    // The first merge of samenvoegen: everything before it projected whole, then its own generation as the room does.
    const merge = sim.events.findIndex((e) => e.type === "PveItemCreated");
    expect(merge).toBeGreaterThan(0);
    const state = replay(sim.events.slice(0, merge));
    const projector = new Projector();
    projector.sync(state, new Set(), merge);
    const events = sim.events.slice(merge, merge + 1);
    for (const event of events) evolve(state, event);
    projector.sync(state, new Set(), merge + 1, events);
    expect(projector.derivedPending).toBe(true);
    const reach = await new Promise<Reach>((resolve) => {
      projector.onDerived = resolve;
    });
    expect(reach).toEqual({ everyone: true });
    expect(projector.derivedPending).toBe(false);
    const then = boardSuggestions(replay(sim.events.slice(0, merge + 1)));
    expect(then.length).toBeGreaterThan(0);
    expect(JSON.parse(projector.state.suggestions)).toEqual(then);
    expect(projector.state.suggestionsSeq).toBe(merge + 1);
    projector.dispose();
  });

  it("never from a state with events that are not projected yet: then from the generation after them, at its seq", async () => {
    const scenario = demoScenario();
    const sim = simulate({ scenario, variantId: "kort", participants: 6, seed: 12, eisenPerRound: 3, boardActions: 8, votesPerParticipant: 0 });
    const merges = sim.events.flatMap((e, k) => (e.type === "PveItemCreated" ? [k] : []));
    const [first, second] = merges;
    if (first === undefined || second === undefined) throw new Error("twee samenvoegingen verwacht");
    const state = replay(sim.events.slice(0, first));
    const projector = new Projector();
    let current = true;
    projector.isCurrent = () => current;
    projector.sync(state, new Set(), first);
    const firstEvents = sim.events.slice(first, first + 1);
    for (const event of firstEvents) evolve(state, event);
    projector.sync(state, new Set(), first + 1, firstEvents);
    // The room folds the next generation in before it is stored (a generation of several commands): not current.
    const later = sim.events.slice(first + 1, second + 1);
    for (const event of later) evolve(state, event);
    current = false;
    expect(projector.derivedPending).toBe(true);
    // Its turn comes and goes: nothing is taken from a state ahead of the projection (still the full sync's).
    await new Promise((done) => setTimeout(done, DERIVED_DELAY_MS + 100));
    expect(projector.state.suggestionsSeq).toBe(first);
    // Stored and projected: the input is taken now, of that seq.
    current = true;
    projector.sync(state, new Set(), second + 1, later);
    await new Promise<Reach>((resolve) => {
      projector.onDerived = resolve;
    });
    expect(projector.state.suggestionsSeq).toBe(second + 1);
    expect(JSON.parse(projector.state.suggestions)).toEqual(boardSuggestions(replay(sim.events.slice(0, second + 1))));
    projector.dispose();
  });
});

describe("the texts of eisen are prepared while they are written, before the board opens", () => {
  it("each eis written or rewritten in the rolwissel is prepared in the derived turns, before the reveal", async () => {
    const scenario = demoScenario();
    const sim = simulate({ scenario, variantId: "kort", participants: 6, seed: 21, eisenPerRound: 3, boardActions: 0, votesPerParticipant: 0 });
    const reveal = sim.events.findIndex((e) => e.type === "EisenRevealed");
    expect(reveal).toBeGreaterThan(0);
    const written = sim.events.slice(0, reveal).flatMap((e) => (e.type === "EisWritten" || e.type === "EisEdited" ? [e.text] : []));
    expect(written.length).toBeGreaterThan(5);
    const state = replay(sim.events.slice(0, 1));
    const projector = new Projector();
    projector.sync(state, new Set(), 1);
    const prepared = derivedFigures.prepared;
    // One event a generation, as the room projects them, up to the reveal.
    sim.events.slice(1, reveal).forEach((event, k) => {
      evolve(state, event);
      projector.sync(state, new Set(), k + 2, [event]);
    });
    // Handed to the turns, not done in the generation that wrote them.
    expect(derivedFigures.prepared).toBe(prepared);
    const deadline = Date.now() + 5_000;
    while (derivedFigures.prepared < prepared + written.length && Date.now() < deadline) await new Promise((done) => setTimeout(done, 5));
    expect(derivedFigures.prepared - prepared).toBe(written.length);
    const cached = (text: string) => suggestionTextCaches().some((cache) => cache.has(text));
    expect(written.filter((text) => !cached(text))).toEqual([]);
    projector.dispose();
  });
});

describe("a big grant arrives whole", () => {
  it("at the plenair of 60 participants at 6 tafels, a phone receives the other tafels' 1,350 eisen in one patch", () => {
    const scenario = demoScenario();
    const projector = new Projector();
    const encoder = new Encoder(projector.state);
    const phone = new StateView();
    const receivedState = new SessionRoomState();
    const decoder = new Decoder(receivedState);
    let participantId: string | null = null;
    let granted = 0;
    simulate({
      scenario,
      variantId: "tafels",
      participants: 60,
      tables: 6,
      seed: 7,
      eisenPerRound: 25,
      editsPerRound: 0,
      boardActions: 0,
      votesPerParticipant: 0,
      onApplied: (events, state) => {
        if (!events.some((e) => e.type === "PhaseStarted")) return;
        const kind = state.phases[state.phaseIndex]?.kind;
        if (kind === "samenvoegen") {
          // The phone joins: the full state, as Colyseus sends it to a new connection.
          projector.sync(state, new Set(), 1);
          participantId = [...state.participants.keys()][0] ?? null;
          if (!participantId) throw new Error("geen deelnemers");
          projector.attach(phone, { kind: "participant", participantId }, state);
          phone.changes.clear();
          const it = { offset: 0 };
          encoder.encodeAll(it, new Uint8Array(projector.encodedSizeBound()));
          const full = encoder.encodeAllView(phone, it.offset, { ...it }, new Uint8Array(projector.encodedSizeBound()));
          encoder.discardChanges();
          decoder.decode(full);
          expect(receivedState.eisen.size).toBeLessThan(projector.state.eisen.size);
        }
        if (kind === "plenair") {
          projector.sync(state, new Set(), 2);
          granted = phone.changes.size;
          const it = { offset: 0 };
          encoder.encode(it);
          const patch = encoder.encodeView(phone, it.offset, it);
          encoder.discardChanges();
          decoder.decode(patch);
        }
      },
    });
    expect(granted).toBeGreaterThan(1_000);
    const jsons = [...receivedState.eisen.values()].map((e) => e.json);
    expect(jsons.length).toBe(projector.state.eisen.size);
    expect(jsons.filter((json) => typeof json !== "string")).toEqual([]);
  });
});
