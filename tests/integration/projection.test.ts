/**
 * The room projects only what a command's events can change (rooms/projection.ts). That must be exactly what the full
 * projection gives: after every command of whole simulated sessions (every phase, pause, timers, going back a phase,
 * removing someone, people coming and going, the terugkombijeenkomst), the incremental projector holds the same
 * entities, in the same order, and every connection sees the same private entries as with a full projection.
 */
import { resolve } from "node:path";
import { Decoder, Encoder, StateView } from "@colyseus/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../../tools/bench/simulate.ts";
import type { SessionState } from "../../server/core/state.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { Projector, type Audience, type Reach } from "../../server/rooms/projection.ts";
import { SessionRoomState } from "#shared/protocol/schema.ts";
import { loadScenarioDir } from "../../server/scenarios/load.ts";

type Side = { projector: Projector; views: { audience: Audience; view: StateView }[] };

function side(): Side {
  const projector = new Projector();
  new Encoder(projector.state);
  return { projector, views: [] };
}

function connect(s: Side, audience: Audience, session: SessionState): void {
  const view = new StateView();
  s.projector.attach(view, audience, session);
  s.views.push({ audience, view });
}

/** Everything a client can end up with: every field, each map as [key, json] in map order, and per connection what it sees. */
function snapshot(s: Side) {
  const st = s.projector.state;
  const entries = (map: typeof st.items) => [...map.entries()].map(([key, entity]) => [key, entity.json]);
  const visible = (map: typeof st.people, view: StateView) => [...map.entries()].filter(([, entity]) => view.has(entity)).map(([key]) => key);
  return {
    seq: st.seq,
    session: st.session,
    scenario: st.scenario,
    suggestions: st.suggestions,
    kader: st.kader,
    terugkom: st.terugkom,
    maps: Object.fromEntries((["seats", "cards", "clusters", "eisen", "items", "tables", "spanningen", "support", "cases", "terugkomItems", "people", "mine", "drafts"] as const).map((name) => [name, entries(st[name])])),
    views: s.views.map(({ audience, view }) => ({
      audience,
      people: visible(st.people, view),
      mine: visible(st.mine, view),
      drafts: visible(st.drafts, view),
      eisen: visible(st.eisen, view),
      items: visible(st.items, view),
    })),
  };
}

/** What one connection receives, apart from `seq`: every shared field and map, and the private entries it may see. */
function receivedBy(s: Side, view: StateView) {
  const st = s.projector.state;
  const { seq: _seq, maps, views: _views, ...fields } = snapshot(s);
  const privateEntries = (map: typeof st.people) => [...map.entries()].filter(([, entity]) => view.has(entity)).map(([key, entity]) => [key, entity.json]);
  return { ...fields, maps: { ...maps, people: privateEntries(st.people), mine: privateEntries(st.mine), drafts: privateEntries(st.drafts) } };
}

const reaches = (reach: Reach, audience: Audience): boolean =>
  reach.everyone || (audience.kind === "participant" ? reach.participants.has(audience.participantId) : audience.kind === "spelleider" && reach.spelleider);

let scenarios: ReadonlyMap<string, Scenario>;
beforeAll(async () => {
  ({ scenarios } = await loadScenarioDir(resolve("scenarios")));
});

type Case = { scenarioId: string; variantId?: string; participants: number; seed: number; tables?: number };

const nameOf = (c: Case) => `${c.scenarioId}/${c.variantId ?? "eerste variant"} with ${c.participants} participants${c.tables ? ` at ${c.tables} tafels` : ""}`;

/** Plays a whole session of `c` through the rules (every phase, extras, day 2), calling `onApplied` per command. */
function play(c: Case, seedOffset: number, onApplied: (events: readonly SessionEvent[], state: SessionState) => void): void {
  const scenario = scenarios.get(c.scenarioId);
  if (!scenario) throw new Error(`scenario ${c.scenarioId} ontbreekt`);
  simulate({
    scenario,
    variantId: c.variantId,
    participants: c.participants,
    seed: c.seed + seedOffset,
    tables: c.tables,
    eisenPerRound: 3,
    editsPerRound: 1,
    boardActions: 40,
    votesPerParticipant: 3,
    extras: true,
    terugkom: true,
    onApplied,
  });
}

const cases: Case[] = [
  { scenarioId: "demo-maatwerk", variantId: "dag", participants: 8, seed: 1 },
  { scenarioId: "demo-maatwerk", variantId: "kort", participants: 13, seed: 2 },
  { scenarioId: "wmo-meedoen", variantId: undefined, participants: 7, seed: 3 },
  { scenarioId: "jeugd-naar-volwassenheid", variantId: undefined, participants: 6, seed: 4 },
  // Tafels: each participant sees only their own tafel's board in rolwissel and samenvoegen, then everything.
  { scenarioId: "demo-maatwerk", variantId: "tafels", participants: 14, seed: 5, tables: 2 },
  { scenarioId: "demo-maatwerk", variantId: "tafels", participants: 19, seed: 6, tables: 3 },
];

describe("incremental projection equals the full projection", () => {
  for (const c of cases) {
    it(`${nameOf(c)}, after every command`, () => {
      const incremental = side();
      const full = side();
      const online = new Set<string>();
      let seq = 1;
      let checked = 0;
      let partial = 0;
      let narrow = 0;
      let step = 0;
      play(c, 0, (events, state) => {
        seq += events.length;
        if (step === 0) {
          for (const s of [incremental, full]) {
            connect(s, { kind: "spelleider" }, state);
            connect(s, { kind: "beamer" }, state);
          }
        }
        step++;
        const before = incremental.views.map(({ view }) => receivedBy(incremental, view));
        const reach = incremental.projector.sync(state, online, seq, events);
        full.projector.sync(state, online, seq);
        // The room patches only the connections the projection reached: nobody else may have missed anything.
        incremental.views.forEach(({ audience, view }, k) => {
          if (!reaches(reach, audience)) expect(receivedBy(incremental, view), `${audience.kind} na opdracht ${step}`).toEqual(before[k]);
        });
        if (!reach.everyone) narrow++;
        for (const event of events) {
          if (event.type !== "ParticipantJoined") continue;
          // The room connects a new participant after the join is stored, and marks them online.
          for (const s of [incremental, full]) connect(s, { kind: "participant", participantId: event.participantId }, state);
          online.add(event.participantId);
          incremental.projector.syncPresence(state, online, seq, event.participantId);
          full.projector.sync(state, online, seq);
        }
        // Now and then someone drops off or comes back.
        if (step % 17 === 0) {
          const ids = [...state.participants.keys()];
          const id = ids[step % ids.length];
          if (id) {
            if (online.has(id)) online.delete(id);
            else online.add(id);
            incremental.projector.syncPresence(state, online, seq, id);
            full.projector.sync(state, online, seq);
          }
        }
        const now = snapshot(incremental);
        expect(now, `na opdracht ${step} (${events.map((e) => e.type).join(", ")})`).toEqual(snapshot(full));
        checked++;
        // With tafels, participants must really have seen only part of the board at some point.
        if (now.views.some((v) => v.audience.kind === "participant" && v.eisen.length > 0 && v.eisen.length < now.maps.eisen!.length)) partial++;
      });
      expect(checked).toBeGreaterThan(100);
      // Drafts and ballots reach only their participant and the spelleider (with tafels, a draft also moves its tafel's
      // progress, which everyone sees).
      expect(narrow).toBeGreaterThan(c.tables ? 20 : checked / 5);
      if (c.tables) expect(partial).toBeGreaterThan(10);
      else expect(partial).toBe(0);
    });
  }
});

describe("a big grant arrives whole", () => {
  it("at the plenair of 60 participants at 6 tafels, a phone receives the other tafels' 1,350 eisen in one patch", () => {
    const scenario = scenarios.get("demo-maatwerk");
    if (!scenario) throw new Error("demo-maatwerk ontbreekt");
    const projector = new Projector();
    const encoder = new Encoder(projector.state);
    const phone = new StateView();
    const received = new SessionRoomState();
    const decoder = new Decoder(received);
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
          expect(received.eisen.size).toBeLessThan(projector.state.eisen.size);
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
    const jsons = [...received.eisen.values()].map((e) => e.json);
    expect(jsons.length).toBe(projector.state.eisen.size);
    expect(jsons.filter((json) => typeof json !== "string")).toEqual([]);
  });
});

describe("a generation of commands projected at once equals the full projection", () => {
  // The room folds a whole generation into its state and projects once with all its events.
  for (const c of cases) {
    it(`${nameOf(c)}, in generations of 1-5 commands`, () => {
      const batched = side();
      const full = side();
      const online = new Set<string>();
      const pending: SessionEvent[] = [];
      let seq = 1;
      let size = 1;
      let commands = 0;
      let generations = 0;
      let largest = 0;
      let step = 0;
      play(c, 100, (events, state) => {
        seq += events.length;
        if (step++ === 0) {
          for (const s of [batched, full]) {
            connect(s, { kind: "spelleider" }, state);
            connect(s, { kind: "beamer" }, state);
          }
        }
        pending.push(...events);
        commands++;
        const joined = events.flatMap((e) => (e.type === "ParticipantJoined" ? [e.participantId] : []));
        // A join is answered (and its connection made) when its generation is done: it closes one here.
        if (commands < size && joined.length === 0) return;
        const before = batched.views.map(({ view }) => receivedBy(batched, view));
        const reach = batched.projector.sync(state, online, seq, pending);
        full.projector.sync(state, online, seq);
        batched.views.forEach(({ audience, view }, k) => {
          if (!reaches(reach, audience)) expect(receivedBy(batched, view), `${audience.kind} na generatie ${generations}`).toEqual(before[k]);
        });
        expect(snapshot(batched), `na generatie ${generations} (${pending.map((e) => e.type).join(", ")})`).toEqual(snapshot(full));
        largest = Math.max(largest, commands);
        pending.length = 0;
        commands = 0;
        generations++;
        size = 1 + (generations % 5);
        for (const participantId of joined) {
          for (const s of [batched, full]) connect(s, { kind: "participant", participantId }, state);
          online.add(participantId);
          batched.projector.syncPresence(state, online, seq, participantId);
          full.projector.sync(state, online, seq);
        }
      });
      expect(generations).toBeGreaterThan(50);
      expect(largest).toBeGreaterThanOrEqual(5);
    });
  }
});
