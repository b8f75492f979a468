/**
 * Phase 2, rolwissel-ronde: the server hands out game roles (recorded with their outcome, so a replay shows the
 * same), and everyone writes eisen from their role. Eisen stay private to their author until the spelleider
 * reveals them or the timer ends; then each role's wensenpakket is visible to all.
 */
import { createHash } from "node:crypto";
import type { CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf, NewEvent } from "#shared/protocol/events.ts";
import type { GameRole } from "#shared/protocol/ids.ts";
import { accept, reject, type Decision, type Rejection } from "./decision.ts";
import { requirePhase } from "./phaseNames.ts";
import { assignLateJoiner, assignRoles } from "./roleAssignment.ts";
import { activeParticipants, countWhere, type SessionState } from "./state.ts";

/** More than this in one round is a runaway client, not a wensenpakket. */
export const MAX_EISEN_PER_ROUND = 30;

/** A seed that is the same for the same session and round, so assignment needs no randomness of core's own. */
export function roundSeed(sessionId: string, roundId: string): number {
  return createHash("sha256").update(`${sessionId}/${roundId}`).digest().readUInt32BE(0);
}

function previousRoles(state: SessionState, participantId: string, exceptRoundId: string): GameRole[] {
  const roles: GameRole[] = [];
  for (const round of state.rounds.values()) {
    const role = round.roundId === exceptRoundId ? undefined : round.assignments.get(participantId);
    if (role) roles.push(role);
  }
  return roles;
}

/** Without tafels everyone is one group (key ""); with tafels, each tafel is its own group with its own six roles. */
function groupsByTable(state: SessionState): Map<string, ReturnType<typeof activeParticipants>> {
  const groups = new Map<string, ReturnType<typeof activeParticipants>>();
  for (const p of activeParticipants(state)) {
    const key = p.tableId ?? "";
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return groups;
}

export function onEnterRolwissel(state: SessionState, roundId: string): NewEvent[] {
  const round = state.rounds.get(roundId);
  const assignments: { participantId: string; role: GameRole }[] = [];
  for (const [tableKey, people] of groupsByTable(state)) {
    const players = people.map((p) => ({ participantId: p.id, realRole: p.realRole, previousRoles: previousRoles(state, p.id, roundId) }));
    if (!round) {
      const seed = roundSeed(state.sessionId, tableKey ? `${roundId}/${tableKey}` : roundId);
      assignments.push(...assignRoles({ players, priority: state.scenario.rolePriority, seed }));
      continue;
    }
    // Going back to a round: people who arrived since it started get a role too; nobody else changes.
    const current = players.flatMap((p) => {
      const role = round.assignments.get(p.participantId);
      return role ? [{ participantId: p.participantId, role }] : [];
    });
    for (const p of players.filter((x) => !round.assignments.has(x.participantId))) {
      const role = assignLateJoiner(p, current, state.scenario.rolePriority);
      current.push({ participantId: p.participantId, role });
      assignments.push({ participantId: p.participantId, role });
    }
  }
  return !round || assignments.length ? [{ type: "RolesAssigned", roundId, assignments }] : [];
}

export function onLeaveRolwissel(state: SessionState, roundId: string): NewEvent[] {
  return state.rounds.get(roundId)?.revealed ? [] : [{ type: "EisenRevealed", roundId, reason: "fase" }];
}

/** The round of the current phase, open for writing, and the actor's role in it. */
function openRound(state: SessionState, participantId: string, what: string): Rejection | { roundId: string; role: GameRole } {
  const wrong = requirePhase(state, "rolwissel", what);
  if (wrong) return wrong;
  const phase = state.phases[state.phaseIndex];
  const round = phase?.kind === "rolwissel" ? state.rounds.get(phase.roundId) : undefined;
  if (!round) return reject("verkeerde_fase", "Deze ronde is nog niet begonnen.");
  const tableId = state.participants.get(participantId)?.tableId ?? null;
  if (round.revealed || (tableId !== null && round.revealedTables.has(tableId))) {
    return reject("verkeerde_fase", "De eisen van deze ronde zijn al zichtbaar gemaakt; wijzigen kan niet meer.");
  }
  const role = round.assignments.get(participantId);
  if (!role) return reject("niet_toegestaan", "Je hebt in deze ronde nog geen rol. Vraag de spelleider om je een rol te geven.");
  return { roundId: round.roundId, role };
}

const categoryExists = (state: SessionState, categoryId: string) => state.scenario.categories.some((c) => c.id === categoryId);
const unknownCategory = () => reject("niet_gevonden", "Kies een categorie uit de lijst van dit scenario.");

export function decideEisWrite(state: SessionState, cmd: CommandOf<"eis.write">, participantId: string, now: number): Decision {
  const round = openRound(state, participantId, "Een eis schrijven");
  if ("ok" in round) return round;
  if (!categoryExists(state, cmd.categoryId)) return unknownCategory();
  if (state.eisen.has(cmd.eisId)) return reject("bestaat_al", "Deze eis bestaat al.");
  const mine = countWhere(state.eisen, (e) => e.authorId === participantId && e.roundId === round.roundId);
  if (mine >= MAX_EISEN_PER_ROUND) return reject("te_veel", `Je hebt in deze ronde al ${MAX_EISEN_PER_ROUND} eisen; voeg eisen samen of pas er een aan.`);
  return accept(now, { type: "EisWritten", eisId: cmd.eisId, roundId: round.roundId, authorId: participantId, role: round.role, categoryId: cmd.categoryId, text: cmd.text });
}

function ownDraft(state: SessionState, eisId: string, participantId: string, what: string): Rejection | null {
  const round = openRound(state, participantId, what);
  if ("ok" in round) return round;
  const eis = state.eisen.get(eisId);
  if (!eis || eis.authorId !== participantId) return reject("niet_gevonden", "Deze eis bestaat niet, of is niet van jou.");
  if (eis.roundId !== round.roundId) return reject("verkeerde_fase", "Deze eis hoort bij een eerdere ronde en ligt al vast.");
  return null;
}

export function decideEisEdit(state: SessionState, cmd: CommandOf<"eis.edit">, participantId: string, now: number): Decision {
  const problem = ownDraft(state, cmd.eisId, participantId, "Een eis aanpassen");
  if (problem) return problem;
  if (!categoryExists(state, cmd.categoryId)) return unknownCategory();
  const eis = state.eisen.get(cmd.eisId);
  if (eis && eis.text === cmd.text && eis.categoryId === cmd.categoryId) return reject("ongeldig", "Er is niets veranderd.");
  return accept(now, { type: "EisEdited", eisId: cmd.eisId, text: cmd.text, categoryId: cmd.categoryId });
}

export function decideEisDelete(state: SessionState, cmd: CommandOf<"eis.delete">, participantId: string, now: number): Decision {
  const problem = ownDraft(state, cmd.eisId, participantId, "Een eis weggooien");
  if (problem) return problem;
  return accept(now, { type: "EisDeleted", eisId: cmd.eisId });
}

export function decideReveal(state: SessionState, cmd: CommandOf<"eisen.reveal">, now: number): Decision {
  const wrong = requirePhase(state, "rolwissel", "Eisen zichtbaar maken");
  if (wrong) return wrong;
  const phase = state.phases[state.phaseIndex];
  if (phase?.kind !== "rolwissel") return wrong ?? reject("verkeerde_fase", "Eisen zichtbaar maken kan alleen in een rolwissel-ronde.");
  const round = state.rounds.get(phase.roundId);
  if (round?.revealed) return reject("ongeldig", "De eisen van deze ronde zijn al zichtbaar.");
  if (cmd.tableId === undefined) return accept(now, { type: "EisenRevealed", roundId: phase.roundId, reason: "spelleider" });
  // One tafel at a time: the spelleider paces tafels that are not equally far.
  const table = state.tables.get(cmd.tableId);
  if (!table) return reject("niet_gevonden", "Deze tafel bestaat niet.");
  if (round?.revealedTables.has(table.id)) return reject("ongeldig", `De eisen van ${table.name} zijn al zichtbaar.`);
  return accept(now, { type: "EisenRevealed", roundId: phase.roundId, reason: "spelleider", tableId: table.id });
}

type RolwisselEvent = EventOf<"RolesAssigned" | "EisWritten" | "EisEdited" | "EisDeleted" | "EisenRevealed">;

export function applyRolwissel(state: SessionState, event: RolwisselEvent): void {
  switch (event.type) {
    case "RolesAssigned": {
      const round = state.rounds.get(event.roundId) ?? { roundId: event.roundId, assignments: new Map(), revealed: false, revealedTables: new Set<string>() };
      for (const a of event.assignments) round.assignments.set(a.participantId, a.role);
      state.rounds.set(event.roundId, round);
      return;
    }
    case "EisWritten":
      state.eisen.set(event.eisId, {
        id: event.eisId,
        roundId: event.roundId,
        authorId: event.authorId,
        role: event.role,
        categoryId: event.categoryId,
        text: event.text,
        writtenAt: event.at,
        itemId: null,
        tableId: state.participants.get(event.authorId)?.tableId ?? null,
      });
      return;
    case "EisEdited": {
      const eis = state.eisen.get(event.eisId);
      if (eis) Object.assign(eis, { text: event.text, categoryId: event.categoryId });
      return;
    }
    case "EisDeleted":
      state.eisen.delete(event.eisId);
      return;
    case "EisenRevealed": {
      const round = state.rounds.get(event.roundId);
      if (round && event.tableId !== undefined) round.revealedTables.add(event.tableId);
      else if (round) round.revealed = true;
      return;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
