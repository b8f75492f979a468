/**
 * Exports of a session played at tafels: the provenance names the tafel, support shows per tafel, and the CSV gets
 * one column per tafel at the end. A session without tafels keeps its file exactly as before (the golden files).
 */
import { describe, expect, it } from "vitest";
import { kaderCsv, kaderMarkdown } from "../../server/exports/index.ts";
import type { RealRole } from "#shared/protocol/ids.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";
import { advanceTo, cmd, lobbyWith, logOf, participant, play, spelleider } from "../fixtures/given.ts";

function tafelSession() {
  const scenario = minimalScenario();
  scenario.variants = [
    {
      id: "tafels",
      title: "Tafels",
      phases: [{ kind: "lobby" }, { kind: "rolwissel", roundId: "ronde1" }, { kind: "samenvoegen" }, { kind: "plenair" }, { kind: "prioriteren" }, { kind: "resultaat" }],
    },
  ];
  const roles: RealRole[] = ["raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional", "teamleider"];
  const state = lobbyWith([...roles, ...roles], scenario);
  play(state, cmd("tables.assign", { count: 2 }), spelleider);
  advanceTo(state, 1);
  const people = [...state.participants.values()];
  for (const p of people) play(state, cmd("eis.write", { eisId: `e-${p.id}`, text: `Eén aanspreekpunt volgens ${p.id}`, categoryId: "kernwaarden" }), participant(p.id));
  advanceTo(state, 2);
  const first = (tableId: string) => people.find((p) => p.tableId === tableId)!;
  for (const t of ["t1", "t2"]) play(state, cmd("pve.merge", { itemId: `i-${t}`, sources: [{ kind: "eis", id: `e-${first(t).id}` }], text: `Aanspreekpunt ${t}`, categoryId: "kernwaarden" }), spelleider);
  advanceTo(state, 3);
  play(state, cmd("pve.merge", { itemId: "i-samen", sources: [{ kind: "item", id: "i-t1" }, { kind: "item", id: "i-t2" }], text: "Eén vast aanspreekpunt", categoryId: "kernwaarden" }), spelleider);
  advanceTo(state, 4);
  for (const p of people.filter((x) => x.tableId === "t1")) play(state, cmd("vote.points", { itemId: "i-samen", points: 2 }), participant(p.id));
  advanceTo(state, 5);
  return logOf(state);
}

describe("exports of a session at tafels", () => {
  it("Markdown: the provenance names the tafel of each eis, and support is given per tafel", () => {
    const md = kaderMarkdown(tafelSession());
    expect(md).toMatch(/\(Tafel 1, Ronde 1: de e-bike\)/);
    expect(md).toMatch(/\(Tafel 2, Ronde 1: de e-bike\)/);
    expect(md).toContain("Steun per tafel (deel van de stemmers aan die tafel): Tafel 1 100%.");
  });

  it("CSV: the tafels an item came from and one support column per tafel, at the end", () => {
    const [header, row] = kaderCsv(tafelSession()).replace("\uFEFF", "").split("\r\n");
    expect(header).toMatch(/"draagvlak";"casus";"oordeel";"tafels";"steun Tafel 1";"steun Tafel 2"$/);
    expect(row).toMatch(/"Eén vast aanspreekpunt"/);
    expect(row).toMatch(/"Tafel 1, Tafel 2";"1";""$/);
  });
});
