/**
 * Replay: the event log is the truth. Folding a stored log with `replay` gives exactly the state the room built
 * event by event, also after the log went through JSON (storage, export) and the event schema (import); and the
 * rules decide the same on the replayed state as on the live one.
 */
import { describe, expect, it } from "vitest";
import { decide } from "../../server/core/decide.ts";
import { evolve, initialState, replay } from "../../server/core/evolve.ts";
import { EventSchema, type SessionEvent } from "#shared/protocol/events.ts";
import { created, cmd, fullSession, logOf, participant, spelleider, PHASE } from "../fixtures/given.ts";

describe("replay", () => {
  it("replaying the whole log deep-equals the state built step by step with evolve", () => {
    const live = fullSession();
    expect(live.phaseIndex).toBe(PHASE.resultaat);
    const log = logOf(live);
    expect(replay(log)).toEqual(live);
  });

  it("folding by hand with initialState + evolve gives the same state as replay", () => {
    const log = logOf(fullSession());
    const [first, ...rest] = log;
    if (first?.type !== "SessionCreated") throw new Error("log begint niet met SessionCreated");
    const state = initialState(first);
    for (const event of rest) evolve(state, event);
    expect(state).toEqual(replay(log));
  });

  it("every prefix of the log replays to the state the room had at that moment", () => {
    const log = logOf(fullSession());
    // rebuild step by step and compare at each point
    const [first, ...rest] = log as [Extract<SessionEvent, { type: "SessionCreated" }>, ...SessionEvent[]];
    const stepwise = initialState(first);
    rest.forEach((event, i) => {
      evolve(stepwise, event);
      expect(replay(log.slice(0, i + 2))).toEqual(stepwise);
    });
  });

  it("a log that went through JSON and the event schema replays to the same state", () => {
    const live = fullSession();
    const stored: unknown = JSON.parse(JSON.stringify(logOf(live)));
    const parsed = (stored as unknown[]).map((e) => EventSchema.parse(e));
    expect(replay(parsed)).toEqual(live);
  });

  it("the replayed state decides the same as the live one", () => {
    const live = fullSession();
    const again = replay(logOf(live));
    const now = live.lastEventAt + 60_000;
    for (const [command, actor] of [
      [cmd("phase.previous"), spelleider],
      [cmd("case.add", { caseId: "nieuw", draft: { title: "T", situation: "S", effectWanted: "E" } }), spelleider],
      [cmd("participant.ready", { ready: true }), participant("d1")],
    ] as const) {
      expect(decide(again, command, actor, now)).toEqual(decide(live, command, actor, now));
    }
  });

  it("replaying does not change the events it is given", () => {
    const log = logOf(fullSession());
    const before = structuredClone(log);
    const state = replay(log);
    // mutate the replayed state as a room would, through more events
    evolve(state, { type: "SessionLockChanged", locked: false, v: 1, at: state.lastEventAt + 1 });
    expect(log).toEqual(before);
  });

  it("a log must begin with SessionCreated", () => {
    expect(() => replay([])).toThrow("SessionCreated");
    expect(() => replay([{ type: "SessionLockChanged", locked: true, v: 1, at: 0 }, created()])).toThrow("SessionCreated");
  });
});
