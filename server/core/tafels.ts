/**
 * Tafels: a big group split into tables of 5-8, so role swap and merging happen in a group where everyone can talk.
 * Each tafel gets its own six roles and its own programma van eisen; the plenair phase merges them into one. The
 * split mixes real roles, so every tafel holds a vertical line from raad to wijkteam as far as the group allows.
 */
import type { CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf, NewEvent } from "#shared/protocol/events.ts";
import { LIMITS, REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { accept, reject, type Decision } from "./decision.ts";
import { requirePhase } from "./phaseNames.ts";
import { assignLateJoiner, mulberry32 } from "./roleAssignment.ts";
import { activeParticipants, currentRoundId, type SessionState } from "./state.ts";

export const TABLE_SIZE = { min: 5, max: 8, ideal: 6.5 } as const;
/** Fewer people than this play as one group: two tafels of four cannot each cover the roles. */
export const MIN_PEOPLE_FOR_TABLES = 10;
/** A tafel the spelleider makes needs at least this many people. */
export const MIN_PER_TABLE = 3;

export const tableId = (index: number): string => `t${index + 1}`;
export const tableName = (index: number): string => `Tafel ${index + 1}`;

/** How many tafels the server proposes for n people: around 6-7 per tafel, never outside 5-8 when that can be met. */
export function proposedTableCount(n: number): number {
  if (n < MIN_PEOPLE_FOR_TABLES) return 1;
  const fewest = Math.ceil(n / TABLE_SIZE.max);
  const most = Math.floor(n / TABLE_SIZE.min);
  return Math.min(most, Math.max(fewest, Math.round(n / TABLE_SIZE.ideal)));
}

export interface Seat {
  participantId: string;
  realRole: RealRole;
}

/**
 * Deals people over `count` tafels. People of the same real role are dealt one after another round the tafels, the
 * biggest roles first, so every role is spread as evenly as it can be (no tafel has two more of a role than another)
 * and tafel sizes differ by at most one. Within a role the order is shuffled by `seed`, so it is not by arrival.
 */
export function dealTables(people: readonly Seat[], count: number, seed: number): Map<string, number> {
  const random = mulberry32(seed);
  const byRole = REAL_ROLES.map((role) => people.filter((p) => p.realRole === role))
    .map((group) => shuffle(group, random))
    .sort((a, b) => b.length - a.length);
  const result = new Map<string, number>();
  let next = 0;
  for (const group of byRole) {
    for (const person of group) {
      result.set(person.participantId, next % count);
      next++;
    }
  }
  return result;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A seed from the session id, so the same session splits the same way (core has no randomness of its own). */
function seedOf(sessionId: string, count: number): number {
  let h = 2166136261;
  for (const ch of `${sessionId}/${count}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function decideTablesAssign(state: SessionState, cmd: CommandOf<"tables.assign">, now: number): Decision {
  const wrong = requirePhase(state, "lobby", "Tafels indelen");
  if (wrong) return wrong;
  const people = activeParticipants(state);
  const count = cmd.count ?? proposedTableCount(people.length);
  if (count > 1 && count > Math.floor(people.length / MIN_PER_TABLE)) {
    return reject(
      "ongeldig",
      `Met ${people.length} deelnemers kun je hoogstens ${Math.max(1, Math.floor(people.length / MIN_PER_TABLE))} tafel(s) maken: minstens ${MIN_PER_TABLE} mensen per tafel.`,
    );
  }
  if (count <= 1) {
    if (state.tables.size === 0) return reject("ongeldig", cmd.count === null ? `Met ${people.length} deelnemers speelt de groep het best als één tafel.` : "De groep speelt al als één tafel.");
    return accept(now, { type: "TablesAssigned", tables: [], assignments: [] });
  }
  const dealt = dealTables(people.map((p) => ({ participantId: p.id, realRole: p.realRole })), count, seedOf(state.sessionId, count));
  return accept(now, {
    type: "TablesAssigned",
    tables: Array.from({ length: count }, (_, i) => ({ tableId: tableId(i), name: tableName(i) })),
    assignments: people.map((p) => ({ participantId: p.id, tableId: tableId(dealt.get(p.id) ?? 0) })),
  });
}

/** The tafel with the fewest people (the first of those): where someone who arrives late sits down. */
export function smallestTable(state: SessionState): string | null {
  let best: { id: string; size: number } | null = null;
  for (const table of state.tables.values()) {
    const size = activeParticipants(state).filter((p) => p.tableId === table.id).length;
    if (!best || size < best.size) best = { id: table.id, size };
  }
  return best?.id ?? null;
}

export function decideMove(state: SessionState, cmd: CommandOf<"participant.move">, now: number): Decision {
  const p = state.participants.get(cmd.participantId);
  if (!p || p.removed) return reject("niet_gevonden", "Deze deelnemer zit niet (meer) in de sessie.");
  const table = state.tables.get(cmd.tableId);
  if (!table) return reject("niet_gevonden", "Deze tafel bestaat niet. Deel eerst tafels in.");
  if (p.tableId === table.id) return reject("ongeldig", `Deze deelnemer zit al aan ${table.name}.`);
  const events: NewEvent[] = [{ type: "ParticipantMoved", participantId: p.id, tableId: table.id }];
  // In a running round the newcomer takes a role the new tafel still needs; their written eisen stay where they were written.
  const roundId = currentRoundId(state);
  const round = roundId ? state.rounds.get(roundId) : undefined;
  if (roundId && round?.assignments.has(p.id)) {
    const current = [...round.assignments]
      .filter(([id]) => id !== p.id && state.participants.get(id)?.tableId === table.id)
      .map(([participantId, role]) => ({ participantId, role }));
    const role = assignLateJoiner({ participantId: p.id, realRole: p.realRole, previousRoles: [] }, current, state.scenario.rolePriority);
    events.push({ type: "RolesAssigned", roundId, assignments: [{ participantId: p.id, role }] });
  }
  return accept(now, ...events);
}

export function applyTafels(state: SessionState, event: EventOf<"TablesAssigned" | "ParticipantMoved">): void {
  switch (event.type) {
    case "TablesAssigned":
      state.tables = new Map(event.tables.map((t) => [t.tableId, { id: t.tableId, name: t.name }]));
      for (const p of state.participants.values()) p.tableId = null;
      for (const a of event.assignments) {
        const p = state.participants.get(a.participantId);
        if (p) p.tableId = a.tableId;
      }
      return;
    case "ParticipantMoved": {
      const p = state.participants.get(event.participantId);
      if (p) p.tableId = event.tableId;
      return;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export const MAX_TABLES = LIMITS.tables;
