/**
 * The rules under fuzz: `decide` on real states at every phase (built through the rules by the fixtures: a lobby,
 * each phase of a whole session, a paused one, the terugkombijeenkomst), with any command that passes the schema,
 * from any actor. It never throws, never changes the state it is given, refuses in Dutch with a known code, and what
 * it accepts folds into the state without trouble.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../server/core/decision.ts";
import { REJECTION_CODES } from "../../server/core/decision.ts";
import { decide } from "../../server/core/decide.ts";
import { evolve, replay } from "../../server/core/evolve.ts";
import type { SessionState } from "../../server/core/state.ts";
import { CommandSchema } from "#shared/protocol/commands.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { DAY, NOW, PHASE, advanceTo, fullSession, lobbyWith, logOf, terugkomSession } from "../fixtures/given.ts";
import { idsIn, nearValidCommand, validCommand } from "./arbitraries.ts";
import { dutchProblem, parameters, timeoutFor } from "./settings.ts";

interface Fixture {
  name: string;
  state: SessionState;
  /** A deep copy taken before fuzzing: decide may never make the state differ from it. */
  before: SessionState;
  ids: string[];
  actors: Actor[];
}

function fixture(name: string, state: SessionState): Fixture {
  const participants = [...state.participants.keys()];
  const actors: Actor[] = [
    { kind: "spelleider" },
    { kind: "guest" },
    { kind: "system" },
    { kind: "participant", participantId: "onbekend" },
    ...participants.map((participantId): Actor => ({ kind: "participant", participantId })),
  ];
  return { name, state, before: structuredClone(state), ids: idsIn(state), actors };
}

/** The state at the end of each phase (and stage) of a log: replays of its prefixes. */
function phaseEnds(name: string, log: SessionEvent[]): Fixture[] {
  // Just before each phase or stage starts, and right after a pause begins.
  const cuts = log.flatMap((event, i) => (i > 0 && (event.type === "PhaseStarted" || event.type === "TerugkomStageSet") ? [i] : event.type === "SessionPaused" ? [i + 1] : []));
  return [...cuts, log.length].map((end) => fixture(`${name} tot ${log[end - 1]?.type ?? "?"} #${end}`, replay(log.slice(0, end))));
}

const FIXTURES: Fixture[] = [
  fixture("lobby met vier", lobbyWith(["raadslid", "wethouder", "directeur", "teamleider"])),
  fixture("beeldvorming", advanceTo(lobbyWith(["raadslid", "wethouder", "anders"]), PHASE.beeldvorming)),
  fixture("rolwissel ronde 1", advanceTo(lobbyWith(["raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional", "teamleider", "anders"]), PHASE.ronde1)),
  fixture("casustoets zonder items", advanceTo(lobbyWith(["raadslid", "wethouder"]), PHASE.casustoets)),
  ...phaseEnds("hele sessie", logOf(fullSession())),
  ...phaseEnds("terugkombijeenkomst", logOf(terugkomSession())).slice(-5),
];

const actorOf = (f: Fixture) => fc.constantFrom(...f.actors);
const when = fc.integer({ min: NOW - DAY, max: NOW + 60 * DAY });

/** Decides and checks everything decide promises; returns whether it accepted. */
function decideAndCheck(f: Fixture, raw: unknown, actor: Actor, now: number): boolean {
  const parsed = CommandSchema.safeParse(raw);
  if (!parsed.success) return false;
  const decision = decide(f.state, parsed.data, actor, now);
  if (!isDeepStrictEqual(f.state, f.before)) throw new Error(`decide veranderde de state (${f.name}, ${parsed.data.type})`);
  if (!decision.ok) {
    expect(REJECTION_CODES).toContain(decision.code);
    expect(dutchProblem(decision.message), decision.message).toBeNull();
    return false;
  }
  expect(decision.events.length, parsed.data.type).toBeGreaterThan(0);
  for (const event of decision.events) expect({ v: event.v, at: event.at }).toEqual({ v: 1, at: now });
  // What decide accepted folds into (a copy of) the state without throwing.
  const next = structuredClone(f.state);
  for (const event of decision.events) evolve(next, event);
  return true;
}

describe("fuzz: decide op echte toestanden", () => {
  it(`has states at every phase to fuzz (${FIXTURES.length})`, () => {
    const kinds = new Set(FIXTURES.map((f) => f.state.scenario.variants.find((v) => v.id === f.state.variantId)?.phases[f.state.phaseIndex]?.kind));
    expect([...kinds].sort()).toEqual(["beeldvorming", "casustoets", "lobby", "prioriteren", "resultaat", "rolwissel", "samenvoegen"]);
    expect(FIXTURES.some((f) => f.state.paused)).toBe(true);
    expect(FIXTURES.some((f) => f.state.terugkom !== null)).toBe(true);
  });

  const valid = parameters(1500);
  let accepted = 0;
  it(`valid commands of every type, any actor, any phase: never throws or mutates, refuses in Dutch (${valid.numRuns} runs)`, { timeout: timeoutFor(valid.numRuns, 3) }, () => {
    const arbitrary = fc.integer({ min: 0, max: FIXTURES.length - 1 }).chain((i) => {
      const f = FIXTURES[i] as Fixture;
      return fc.tuple(fc.constant(i), validCommand(f.ids), actorOf(f), when);
    });
    fc.assert(
      fc.property(arbitrary, ([i, command, actor, now]) => {
        if (decideAndCheck(FIXTURES[i] as Fixture, command, actor, now)) accepted++;
      }),
      valid,
    );
    // Not only refusals: the fuzz reaches the rules themselves.
    expect(accepted).toBeGreaterThan(0);
  });

  const near = parameters(1000);
  it(`near-valid commands that still pass the schema: the same (${near.numRuns} runs)`, { timeout: timeoutFor(near.numRuns, 3) }, () => {
    const arbitrary = fc.integer({ min: 0, max: FIXTURES.length - 1 }).chain((i) => {
      const f = FIXTURES[i] as Fixture;
      return fc.tuple(fc.constant(i), nearValidCommand(f.ids), actorOf(f), when);
    });
    fc.assert(
      fc.property(arbitrary, ([i, command, actor, now]) => {
        decideAndCheck(FIXTURES[i] as Fixture, command, actor, now);
      }),
      near,
    );
  });
});
