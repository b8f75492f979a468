/**
 * Tafels: a big group split into tafels of 5-8 that each swap roles, write eisen and merge their own programma; a
 * plenair phase merges the tafels' programma's into one, with provenance that names the tafel; support shows per
 * role and per tafel; the casustoets can run per tafel.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dealTables, proposedTableCount } from "../../server/core/tafels.ts";
import { kader } from "../../server/core/resultaat.ts";
import type { SessionState } from "../../server/core/state.ts";
import { playerView } from "../../server/core/view.ts";
import { REAL_ROLES, ownGameRole, type RealRole } from "#shared/protocol/ids.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";
import {
  advanceTo,
  asParticipant,
  asSpelleider,
  beamer,
  cmd,
  guest,
  lobbyWith,
  nameOf,
  participant,
  play,
  rejected,
  seatToken,
  spelleider,
  thenEvents,
  when,
} from "../fixtures/given.ts";

const P = { lobby: 0, ronde1: 1, samenvoegen: 2, plenair: 3, prioriteren: 4, casustoets: 5, resultaat: 6 } as const;

function tafelScenario(): Scenario {
  const s = minimalScenario();
  s.variants = [
    {
      id: "tafels",
      title: "Tafels",
      phases: [
        { kind: "lobby" },
        { kind: "rolwissel", roundId: "ronde1" },
        { kind: "samenvoegen" },
        { kind: "plenair" },
        { kind: "prioriteren" },
        { kind: "casustoets", caseIds: ["ebike", "kinderopvang"], perTafel: true },
        { kind: "resultaat" },
      ],
    },
  ];
  return s;
}

/** Twelve people, two of each real role that has a game role plus a teamleider and an "anders", over two tafels. */
const TWELVE: RealRole[] = ["raadslid", "raadslid", "wethouder", "wethouder", "directeur", "directeur", "beleidsambtenaar", "beleidsambtenaar", "wijkteamprofessional", "wijkteamprofessional", "teamleider", "anders"];

function twoTables(): SessionState {
  const state = lobbyWith(TWELVE, tafelScenario());
  play(state, cmd("tables.assign", { count: 2 }), spelleider);
  return state;
}

const tableMembers = (state: SessionState, tableId: string) => [...state.participants.values()].filter((p) => !p.removed && p.tableId === tableId);

/** Each participant at tafel t writes one eis; then the round is revealed for everyone. */
function withEisen(state: SessionState): SessionState {
  advanceTo(state, P.ronde1);
  for (const p of state.participants.values()) play(state, cmd("eis.write", { eisId: `e-${p.id}`, text: `Eis van ${p.id}`, categoryId: "kernwaarden" }), participant(p.id));
  play(state, cmd("eisen.reveal"), spelleider);
  return state;
}

describe("splitting the group over tafels", () => {
  it("the server proposes 5-8 per tafel, and one group below ten people", () => {
    expect([6, 9, 10, 13, 24, 25, 40, 60].map(proposedTableCount)).toEqual([1, 1, 2, 2, 4, 4, 6, 9]);
    for (let n = 10; n <= 60; n++) {
      const count = proposedTableCount(n);
      expect(Math.floor(n / count), `n=${n}`).toBeGreaterThanOrEqual(5);
      expect(Math.ceil(n / count), `n=${n}`).toBeLessThanOrEqual(8);
    }
  });

  it("property (6-60 players): sizes differ by at most one, every real role is spread evenly, and every tafel has at least four real roles when the group has them", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REAL_ROLES), { minLength: 6, maxLength: 60 }), fc.integer({ min: 0, max: 2 ** 31 }), (roles, seed) => {
        const count = Math.max(2, proposedTableCount(roles.length));
        const people = roles.map((realRole, i) => ({ participantId: `d${i + 1}`, realRole }));
        const dealt = dealTables(people, count, seed);
        const sizes = Array.from({ length: count }, (_, t) => people.filter((p) => dealt.get(p.participantId) === t).length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (const role of REAL_ROLES) {
          const perTable = Array.from({ length: count }, (_, t) => people.filter((p) => p.realRole === role && dealt.get(p.participantId) === t).length);
          expect(Math.max(...perTable) - Math.min(...perTable), role).toBeLessThanOrEqual(1);
        }
        // Roles with at least one person per tafel sit at every tafel; four of them give every tafel a vertical line.
        const everywhere = REAL_ROLES.filter((r) => roles.filter((x) => x === r).length >= count).length;
        for (let t = 0; t < count; t++) {
          const distinct = new Set(people.filter((p) => dealt.get(p.participantId) === t).map((p) => p.realRole)).size;
          expect(distinct).toBeGreaterThanOrEqual(Math.min(4, everywhere));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property (6-60 players): at the tafels nobody plays their own role, and a tafel of six or more covers all six roles", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REAL_ROLES), { minLength: 12, maxLength: 60 }), (roles) => {
        const state = lobbyWith(roles, tafelScenario());
        play(state, cmd("tables.assign", { count: null }), spelleider);
        advanceTo(state, P.ronde1);
        const round = state.rounds.get("ronde1");
        for (const table of state.tables.values()) {
          const members = tableMembers(state, table.id);
          for (const p of members) expect(round?.assignments.get(p.id)).not.toBe(ownGameRole(p.realRole));
          const played = new Set(members.map((p) => round?.assignments.get(p.id)));
          if (members.length >= 6) expect(played.size, `${table.name} (${members.length})`).toBe(6);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("is recorded with its outcome, so a replay splits the same way", () => {
    const state = lobbyWith(TWELVE, tafelScenario());
    const [event] = play(state, cmd("tables.assign", { count: 2 }), spelleider);
    expect(event).toMatchObject({ type: "TablesAssigned", tables: [{ tableId: "t1", name: "Tafel 1" }, { tableId: "t2", name: "Tafel 2" }] });
    expect(tableMembers(state, "t1")).toHaveLength(6);
    expect(new Set(tableMembers(state, "t1").map((p) => p.realRole)).size).toBeGreaterThanOrEqual(5);
  });

  it("only the spelleider splits, only in the lobby, and not into tafels of fewer than three", () => {
    const state = lobbyWith(TWELVE, tafelScenario());
    rejected(when(state, cmd("tables.assign", { count: 2 }), participant("d1")), "niet_toegestaan", "Alleen de spelleider");
    rejected(when(state, cmd("tables.assign", { count: 5 }), spelleider), "ongeldig", "hoogstens 4 tafel(s)");
    rejected(when(lobbyWith(["raadslid", "wethouder"], tafelScenario()), cmd("tables.assign", { count: null }), spelleider), "ongeldig", "als één tafel");
    rejected(when(advanceTo(twoTables(), P.ronde1), cmd("tables.assign", { count: 3 }), spelleider), "verkeerde_fase", "lobby");
  });

  it("count 1 brings the group back together", () => {
    const state = twoTables();
    thenEvents(when(state, cmd("tables.assign", { count: 1 }), spelleider), { type: "TablesAssigned", tables: [], assignments: [] });
  });

  it("someone arriving after the split sits down at the smallest tafel", () => {
    const state = twoTables();
    play(state, cmd("participant.remove", { participantId: "d1" }), spelleider);
    const smaller = state.participants.get("d1")?.tableId;
    const events = play(state, cmd("participant.join", { displayName: nameOf("d13"), realRole: "raadslid", seatToken: seatToken("d13") }), guest);
    expect(events.map((e) => e.type)).toEqual(["ParticipantJoined", "ParticipantMoved"]);
    expect(state.participants.get("d13")?.tableId).toBe(smaller);
  });

  it("the spelleider moves someone to another tafel; in a running round they take a role the new tafel needs", () => {
    const state = advanceTo(twoTables(), P.ronde1);
    const mover = tableMembers(state, "t1")[0]!;
    const events = play(state, cmd("participant.move", { participantId: mover.id, tableId: "t2" }), spelleider);
    expect(events.map((e) => e.type)).toEqual(["ParticipantMoved", "RolesAssigned"]);
    expect(state.participants.get(mover.id)?.tableId).toBe("t2");
    expect(state.rounds.get("ronde1")?.assignments.get(mover.id)).not.toBe(ownGameRole(mover.realRole));
    rejected(when(state, cmd("participant.move", { participantId: mover.id, tableId: "t2" }), spelleider), "ongeldig", "zit al aan Tafel 2");
    rejected(when(state, cmd("participant.move", { participantId: mover.id, tableId: "t9" }), spelleider), "niet_gevonden", "tafel bestaat niet");
  });
});

describe("each tafel works as its own group", () => {
  it("the spelleider can reveal one tafel's eisen at a time", () => {
    const state = advanceTo(twoTables(), P.ronde1);
    const a = tableMembers(state, "t1")[0]!;
    const b = tableMembers(state, "t2")[0]!;
    play(state, cmd("eis.write", { eisId: "ea", text: "Eis aan tafel 1", categoryId: "kernwaarden" }), participant(a.id));
    play(state, cmd("eis.write", { eisId: "eb", text: "Eis aan tafel 2", categoryId: "kernwaarden" }), participant(b.id));
    thenEvents(when(state, cmd("eisen.reveal", { tableId: "t1" }), spelleider), { type: "EisenRevealed", roundId: "ronde1", reason: "spelleider", tableId: "t1" });
    play(state, cmd("eisen.reveal", { tableId: "t1" }), spelleider);
    expect(playerView(state, asSpelleider).eisen.map((e) => e.id)).toEqual(["ea"]);
    rejected(when(state, cmd("eis.edit", { eisId: "ea", text: "Toch anders", categoryId: "kernwaarden" }), participant(a.id)), "verkeerde_fase", "al zichtbaar");
    expect(when(state, cmd("eis.edit", { eisId: "eb", text: "Nog anders", categoryId: "kernwaarden" }), participant(b.id)).decision.ok).toBe(true);
    rejected(when(state, cmd("eisen.reveal", { tableId: "t1" }), spelleider), "ongeldig", "Tafel 1 zijn al zichtbaar");
  });

  it("in samenvoegen a participant sees and merges only their own tafel's eisen", () => {
    const state = advanceTo(withEisen(twoTables()), P.samenvoegen);
    const [a1, a2, a3] = tableMembers(state, "t1");
    const [b1] = tableMembers(state, "t2");
    const view = playerView(state, asParticipant(a1!.id));
    expect(new Set(view.eisen.map((e) => e.tableId))).toEqual(new Set(["t1"]));
    expect(playerView(state, beamer).eisen).toHaveLength(12);
    const own = [{ kind: "eis" as const, id: `e-${a1!.id}` }, { kind: "eis" as const, id: `e-${a2!.id}` }];
    const [created] = play(state, cmd("pve.merge", { itemId: "i-t1", sources: own, text: "Samen aan tafel 1", categoryId: "kernwaarden" }), participant(a1!.id));
    expect(created).toMatchObject({ type: "PveItemCreated", tableId: "t1" });
    rejected(when(state, cmd("pve.merge", { itemId: "x", sources: [{ kind: "eis", id: `e-${b1!.id}` }], text: "Niet van mij", categoryId: "kernwaarden" }), participant(a1!.id)), "niet_toegestaan", "andere tafel");
    rejected(when(state, cmd("pve.edit", { itemId: "i-t1", text: "Anders", categoryId: "kernwaarden" }), participant(b1!.id)), "niet_toegestaan", "andere tafel");
    rejected(
      when(state, cmd("pve.merge", { itemId: "x", sources: [{ kind: "eis", id: `e-${a3!.id}` }, { kind: "eis", id: `e-${b1!.id}` }], text: "Over tafels heen", categoryId: "kernwaarden" }), spelleider),
      "ongeldig",
      "alleen eisen van één tafel",
    );
  });

  it("in plenair everyone sees every tafel, and a merge across tafels keeps which tafels its eisen came from", () => {
    const state = advanceTo(withEisen(twoTables()), P.samenvoegen);
    const [a1] = tableMembers(state, "t1");
    const [b1] = tableMembers(state, "t2");
    play(state, cmd("pve.merge", { itemId: "i-a", sources: [{ kind: "eis", id: `e-${a1!.id}` }], text: "Eén aanspreekpunt", categoryId: "kernwaarden" }), participant(a1!.id));
    play(state, cmd("pve.merge", { itemId: "i-b", sources: [{ kind: "eis", id: `e-${b1!.id}` }], text: "Eén contactpersoon", categoryId: "kernwaarden" }), participant(b1!.id));
    advanceTo(state, P.plenair);
    expect(playerView(state, asParticipant(a1!.id)).items.map((i) => i.id).sort()).toEqual(["i-a", "i-b"]);
    const [created] = play(
      state,
      cmd("pve.merge", { itemId: "i-ab", sources: [{ kind: "item", id: "i-a" }, { kind: "item", id: "i-b" }], text: "Eén vast aanspreekpunt", categoryId: "kernwaarden" }),
      participant(a1!.id),
    );
    expect(created).toMatchObject({ type: "PveItemCreated" });
    expect(created && "tableId" in created ? created.tableId : undefined).toBeUndefined();
    const item = playerView(state, beamer).items.find((i) => i.id === "i-ab");
    expect(item).toMatchObject({ tableId: null, tableIds: ["t1", "t2"] });
    advanceTo(state, P.resultaat);
    const inKader = kader(state).items.find((i) => i.itemId === "i-ab");
    expect(inKader?.provenance.map((p) => p.tableId)).toEqual(["t1", "t2"]);
  });

  it("support shows per tafel: the share of each tafel's voters who back an item", () => {
    const state = advanceTo(withEisen(twoTables()), P.samenvoegen);
    const [a1] = tableMembers(state, "t1");
    const [b1] = tableMembers(state, "t2");
    play(state, cmd("pve.merge", { itemId: "i-a", sources: [{ kind: "eis", id: `e-${a1!.id}` }], text: "Eén aanspreekpunt", categoryId: "kernwaarden" }), spelleider);
    play(state, cmd("pve.merge", { itemId: "i-b", sources: [{ kind: "eis", id: `e-${b1!.id}` }], text: "Eén contactpersoon", categoryId: "kernwaarden" }), spelleider);
    advanceTo(state, P.prioriteren);
    // Three at tafel 1 back i-a; two at tafel 2 vote, but for i-b.
    for (const p of tableMembers(state, "t1").slice(0, 3)) play(state, cmd("vote.points", { itemId: "i-a", points: 2 }), participant(p.id));
    for (const p of tableMembers(state, "t2").slice(0, 2)) play(state, cmd("vote.points", { itemId: "i-b", points: 2 }), participant(p.id));
    play(state, cmd("votes.reveal"), spelleider);
    const support = playerView(state, beamer).support.find((s) => s.itemId === "i-a");
    expect(support?.perTable).toEqual([
      { tableId: "t1", voters: 3, share: 1 },
      { tableId: "t2", voters: 2, share: 0 },
    ]);
  });

  it("the casustoets per tafel gives each tafel its own case; a tafel works only on its own", () => {
    const state = advanceTo(withEisen(twoTables()), P.casustoets);
    expect([...state.caseByTable]).toEqual([
      ["t1", "ebike"],
      ["t2", "kinderopvang"],
    ]);
    const [a1] = tableMembers(state, "t1");
    expect(playerView(state, asParticipant(a1!.id)).mine?.currentCaseId).toBe("ebike");
    expect(when(state, cmd("toets.note", { noteId: "n1", caseId: "ebike", stepId: "effect", text: "Hij wil werken." }), participant(a1!.id)).decision.ok).toBe(true);
    rejected(when(state, cmd("toets.note", { noteId: "n2", caseId: "kinderopvang", stepId: "effect", text: "Zij wil leren." }), participant(a1!.id)), "niet_op_volgorde", "niet aan de beurt");
    expect(when(state, cmd("toets.note", { noteId: "n3", caseId: "kinderopvang", stepId: "effect", text: "Zij wil leren." }), spelleider).decision.ok).toBe(true);
    // Opened for everyone: the tafels come together on one case.
    play(state, cmd("case.open", { caseId: "kinderopvang" }), spelleider);
    expect(state.caseByTable.size).toBe(0);
    expect(playerView(state, asParticipant(a1!.id)).mine?.currentCaseId).toBe("kinderopvang");
    rejected(when(state, cmd("case.open", { caseId: "ebike", tableId: "t7" }), spelleider), "niet_gevonden", "tafel bestaat niet");
  });

  it("the tafel overview counts progress per tafel without names", () => {
    const state = advanceTo(twoTables(), P.ronde1);
    const [a1] = tableMembers(state, "t1");
    play(state, cmd("eis.write", { eisId: "e1", text: "Eén aanspreekpunt", categoryId: "kernwaarden" }), participant(a1!.id));
    const [t1, t2] = playerView(state, beamer).tables;
    expect(t1).toMatchObject({ tableId: "t1", name: "Tafel 1", members: 6, wrote: 1, eisen: 1, revealed: false });
    expect(t2).toMatchObject({ tableId: "t2", members: 6, wrote: 0, eisen: 0 });
    expect(t1?.roles).toHaveLength(6);
    expect(JSON.stringify(playerView(state, beamer).tables)).not.toContain(nameOf(a1!.id));
  });
});
