/**
 * Phase 0, lobby: joining with a display name and real role, the spelleider's lock and remove, and the
 * "ik ben klaar" signal that works in every phase.
 */
import { createHash } from "node:crypto";
import type { CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf, NewEvent } from "#shared/protocol/events.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import { accept, reject, type Actor, type Decision } from "./decision.ts";
import { activeParticipants, currentRoundId, gameRoleOf, type SessionState } from "./state.ts";
import { assignLateJoiner } from "./roleAssignment.ts";
import { smallestTable } from "./tafels.ts";

export const hashSeatToken = (seatToken: string): string => createHash("sha256").update(seatToken).digest("hex");

export type SeatLookup = { kind: "seat"; participantId: string } | { kind: "removed" } | { kind: "none" };

/** Whether a browser's seat token already holds a seat: a returning participant gets the same seat back. */
export function resolveSeat(state: SessionState, seatToken: string): SeatLookup {
  const hash = hashSeatToken(seatToken);
  for (const p of state.participants.values()) {
    if (p.seatTokenHash === hash) return p.removed ? { kind: "removed" } : { kind: "seat", participantId: p.id };
  }
  return { kind: "none" };
}

export function decideJoin(state: SessionState, cmd: CommandOf<"participant.join">, now: number): Decision {
  const seat = resolveSeat(state, cmd.seatToken);
  if (seat.kind === "removed") return reject("niet_toegestaan", "De spelleider heeft je uit deze sessie gehaald; je kunt niet opnieuw meedoen.");
  if (seat.kind !== "none") return reject("bestaat_al", "Deze browser heeft al een plek in de sessie.");
  if (state.locked) return reject("gesloten", "De spelleider heeft de sessie gesloten voor nieuwe deelnemers. Vraag de spelleider om hem te openen.");
  if (activeParticipants(state).length >= LIMITS.participants) {
    return reject("te_veel", `De sessie is vol: er kunnen hoogstens ${LIMITS.participants} deelnemers meedoen.`);
  }
  const participantId = `d${state.participants.size + 1}`;
  const joined: Omit<EventOf<"ParticipantJoined">, "v" | "at"> = {
    type: "ParticipantJoined",
    participantId,
    displayName: cmd.displayName,
    realRole: cmd.realRole,
    seatTokenHash: hashSeatToken(cmd.seatToken),
  };
  // With tafels, a newcomer sits down at the smallest one; then takes a role there if a round is running.
  const table = smallestTable(state);
  const seated: NewEvent[] = table ? [{ type: "ParticipantMoved", participantId, tableId: table }] : [];
  const lateRole = lateJoinerRole(state, participantId, cmd.realRole, table);
  return accept(now, joined, ...seated, ...(lateRole ? [lateRole] : []));
}

/** Someone who arrives after roles were handed out still gets one in the current round, so they can take part at once. */
function lateJoinerRole(state: SessionState, participantId: string, realRole: CommandOf<"participant.join">["realRole"], tableId: string | null) {
  const roundId = currentRoundId(state);
  // At the terugkombijeenkomst nobody plays a role any more: newcomers reflect as themselves.
  if (!roundId || state.terugkom) return null;
  const round = state.rounds.get(roundId);
  if (!round) return null;
  const current = [...round.assignments]
    .filter(([id]) => (state.participants.get(id)?.tableId ?? null) === tableId)
    .map(([id, role]) => ({ participantId: id, role }));
  const role = assignLateJoiner({ participantId, realRole, previousRoles: [] }, current, state.scenario.rolePriority);
  return { type: "RolesAssigned" as const, roundId, assignments: [{ participantId, role }] };
}

export function decideRemove(state: SessionState, cmd: CommandOf<"participant.remove">, now: number): Decision {
  const p = state.participants.get(cmd.participantId);
  if (!p) return reject("niet_gevonden", "Deze deelnemer bestaat niet.");
  if (p.removed) return reject("niet_gevonden", "Deze deelnemer is al verwijderd.");
  return accept(now, { type: "ParticipantRemoved", participantId: p.id });
}

/**
 * Removes, in one go, the participants the spelleider listed as offline: each one that is not back online by now (and
 * not removed already). Their seats are free again for people who are really there.
 */
export function decideRemoveOffline(state: SessionState, cmd: CommandOf<"participants.removeOffline">, online: ReadonlySet<string>, now: number): Decision {
  const unknown = cmd.participantIds.find((id) => !state.participants.has(id));
  if (unknown !== undefined) return reject("niet_gevonden", `Deelnemer ${unknown} bestaat niet in deze sessie.`);
  const leaving = [...new Set(cmd.participantIds)].filter((id) => !online.has(id) && state.participants.get(id)?.removed === false);
  if (leaving.length === 0) return reject("ongeldig", "Niemand van deze deelnemers is nog offline; er is niemand verwijderd.");
  return accept(now, ...leaving.map((participantId) => ({ type: "ParticipantRemoved" as const, participantId })));
}

export function decideLock(state: SessionState, cmd: CommandOf<"session.lock">, now: number): Decision {
  if (state.locked === cmd.locked) {
    return reject("ongeldig", cmd.locked ? "De sessie is al gesloten." : "De sessie is al open.");
  }
  return accept(now, { type: "SessionLockChanged", locked: cmd.locked });
}

export function decideReady(state: SessionState, cmd: CommandOf<"participant.ready">, actor: Actor, now: number): Decision {
  if (actor.kind !== "participant") return reject("niet_toegestaan", "Alleen deelnemers kunnen aangeven dat ze klaar zijn.");
  const kind = state.phases[state.phaseIndex]?.kind;
  if (kind === "lobby" || kind === "resultaat") return reject("verkeerde_fase", "In deze fase hoef je niet aan te geven dat je klaar bent.");
  if (kind === "rolwissel" && !gameRoleOf(state, actor.participantId)) {
    return reject("niet_toegestaan", "Je hebt in deze ronde nog geen rol.");
  }
  const isReady = state.ready.get(state.phaseIndex)?.has(actor.participantId) ?? false;
  if (isReady === cmd.ready) return reject("ongeldig", cmd.ready ? "Je had al aangegeven dat je klaar bent." : "Je stond nog niet op klaar.");
  return accept(now, { type: "ReadinessChanged", participantId: actor.participantId, phaseIndex: state.phaseIndex, ready: cmd.ready });
}

export function applyLobby(state: SessionState, event: EventOf<"ParticipantJoined" | "ParticipantRemoved" | "ReadinessChanged" | "SessionLockChanged">): void {
  switch (event.type) {
    case "ParticipantJoined":
      state.participants.set(event.participantId, {
        id: event.participantId,
        displayName: event.displayName,
        realRole: event.realRole,
        seatTokenHash: event.seatTokenHash,
        joinedAt: event.at,
        removed: false,
        tableId: null,
      });
      return;
    case "ParticipantRemoved": {
      const p = state.participants.get(event.participantId);
      if (p) p.removed = true;
      for (const set of state.ready.values()) set.delete(event.participantId);
      return;
    }
    case "ReadinessChanged": {
      const set = state.ready.get(event.phaseIndex) ?? new Set<string>();
      if (event.ready) set.add(event.participantId);
      else set.delete(event.participantId);
      state.ready.set(event.phaseIndex, set);
      return;
    }
    case "SessionLockChanged":
      state.locked = event.locked;
      return;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
