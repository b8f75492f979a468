/**
 * Phase 4, prioriteren: each player, in their game role, spends points or picks MoSCoW per item, as the scenario
 * says. Ballots stay private until the spelleider reveals them or the phase ends; the result is support per item
 * per role, which shows whether an item has verticaal draagvlak.
 */
import type { CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf, NewEvent } from "#shared/protocol/events.ts";
import { GAME_ROLES, type GameRole, type Moscow } from "#shared/protocol/ids.ts";
import type { Draagvlak, SupportView } from "#shared/protocol/views.ts";
import { accept, reject, type Decision, type Rejection } from "./decision.ts";
import { requirePhase } from "./phaseNames.ts";
import { gameRoleOf, liveItems, type Ballot, type PveItem, type SessionState } from "./state.ts";

export const MOSCOW_SCORE: Record<Moscow, number> = { must: 3, should: 2, could: 1, wont: 0 };

function openBallot(state: SessionState, participantId: string, itemId: string): Rejection | GameRole {
  const wrong = requirePhase(state, "prioriteren", "Stemmen");
  if (wrong) return wrong;
  if (state.votesRevealed) return reject("verkeerde_fase", "De stemming is gesloten: de uitslag is al zichtbaar.");
  const role = gameRoleOf(state, participantId);
  if (!role) return reject("niet_toegestaan", "Je hebt geen spelrol, dus je kunt niet stemmen. Vraag de spelleider om hulp.");
  const item = state.items.get(itemId);
  if (!item || item.absorbedInto) return reject("niet_gevonden", "Dit item staat niet (meer) in het programma van eisen.");
  return role;
}

export function decidePoints(state: SessionState, cmd: CommandOf<"vote.points">, participantId: string, now: number): Decision {
  const voting = state.scenario.voting;
  if (voting.mode !== "punten") return reject("ongeldig", "In dit scenario stem je met MoSCoW, niet met punten.");
  const role = openBallot(state, participantId, cmd.itemId);
  if (typeof role !== "string") return role;
  if (voting.maxPerItem !== undefined && cmd.points > voting.maxPerItem) {
    return reject("te_veel", `Je kunt hoogstens ${voting.maxPerItem} punten op één item zetten.`);
  }
  const ballot = state.ballots.get(participantId);
  const elsewhere = pointsSpent(state, participantId) - (ballot?.points.get(cmd.itemId) ?? 0);
  if (elsewhere + cmd.points > voting.budget) {
    return reject("te_veel", `Je hebt ${voting.budget} punten in totaal; er zijn er nog ${voting.budget - elsewhere} over.`);
  }
  if ((ballot?.points.get(cmd.itemId) ?? 0) === cmd.points) return reject("ongeldig", "Dit item heeft al zoveel punten van je.");
  return accept(now, { type: "PointsAllocated", participantId, role, itemId: cmd.itemId, points: cmd.points });
}

/** Whether a participant voted at all (points or a MoSCoW choice): what the shared screens count, never who. */
export function hasVoted(state: SessionState, participantId: string): boolean {
  const ballot = state.ballots.get(participantId);
  return ballot !== undefined && ballot.points.size + ballot.moscow.size > 0;
}

/** Points on items still in the programma: points on an item merged away since are given back. */
export function pointsSpent(state: SessionState, participantId: string): number {
  let spent = 0;
  for (const [itemId, points] of state.ballots.get(participantId)?.points ?? []) {
    if (state.items.get(itemId)?.absorbedInto === null) spent += points;
  }
  return spent;
}

export function decideMoscow(state: SessionState, cmd: CommandOf<"vote.moscow">, participantId: string, now: number): Decision {
  if (state.scenario.voting.mode !== "moscow") return reject("ongeldig", "In dit scenario stem je met punten, niet met MoSCoW.");
  const role = openBallot(state, participantId, cmd.itemId);
  if (typeof role !== "string") return role;
  if ((state.ballots.get(participantId)?.moscow.get(cmd.itemId) ?? null) === cmd.choice) return reject("ongeldig", "Dat had je al gekozen.");
  return accept(now, { type: "MoscowChosen", participantId, role, itemId: cmd.itemId, choice: cmd.choice });
}

export function decideVotesReveal(state: SessionState, _cmd: CommandOf<"votes.reveal">, now: number): Decision {
  const wrong = requirePhase(state, "prioriteren", "De uitslag tonen");
  if (wrong) return wrong;
  if (state.votesRevealed) return reject("ongeldig", "De uitslag is al zichtbaar.");
  return accept(now, { type: "VotesRevealed", reason: "spelleider" });
}

export function onLeavePrioriteren(state: SessionState): NewEvent[] {
  return state.votesRevealed ? [] : [{ type: "VotesRevealed", reason: "fase" }];
}

export function applyPrioriteren(state: SessionState, event: EventOf<"PointsAllocated" | "MoscowChosen" | "VotesRevealed">): void {
  switch (event.type) {
    case "PointsAllocated": {
      const ballot = ballotOf(state, event.participantId, event.role);
      if (event.points === 0) ballot.points.delete(event.itemId);
      else ballot.points.set(event.itemId, event.points);
      return;
    }
    case "MoscowChosen": {
      const ballot = ballotOf(state, event.participantId, event.role);
      if (event.choice === null) ballot.moscow.delete(event.itemId);
      else ballot.moscow.set(event.itemId, event.choice);
      return;
    }
    case "VotesRevealed":
      state.votesRevealed = true;
      return;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function ballotOf(state: SessionState, participantId: string, role: GameRole) {
  const ballot = state.ballots.get(participantId) ?? { role, points: new Map(), moscow: new Map() };
  ballot.role = role;
  state.ballots.set(participantId, ballot);
  return ballot;
}


/**
 * Support for one item: points (or MoSCoW score) per role, the same as a share (0..1) of what that role's voters
 * could have given (fair when roles differ in size), the roles that really support it (points, or must/should)
 * and the roles that voted at all.
 */
export type ItemSupport = SupportView;

const zeroPerRole = (): Record<GameRole, number> => ({ burger: 0, raadslid: 0, wethouder: 0, directeur: 0, beleidsambtenaar: 0, wijkteamprofessional: 0 });

/**
 * The one order of items by support, for the vote's reveal and the kader alike: the highest total first; equal
 * totals in the order the items came into the programma van eisen (the oldest first), and then by id.
 */
export function bySupport(a: { total: number; createdAt: number; itemId: string }, b: { total: number; createdAt: number; itemId: string }): number {
  return b.total - a.total || a.createdAt - b.createdAt || a.itemId.localeCompare(b.itemId);
}

/** Support per item per role, from the ballots. In the order of `bySupport`. */
export function supportByItem(state: SessionState): ItemSupport[] {
  const voting = state.scenario.voting;
  // A removed participant's ballot no longer counts: the spelleider took them out of the session.
  const counted = [...state.ballots].filter(([id]) => state.participants.get(id)?.removed === false);
  const ballots = counted.map(([, b]) => b);
  // Per tafel: the share of that tafel's voters who support an item, so the plenary sees where support comes from.
  const tableOfBallot = new Map(counted.map(([id, b]) => [b, state.participants.get(id)?.tableId ?? null]));
  const votersPerRole = zeroPerRole();
  for (const b of ballots) votersPerRole[b.role] += 1;
  const maxPerVoter = voting.mode === "punten" ? (voting.maxPerItem ?? voting.budget) : MOSCOW_SCORE.must;
  const items = liveItems(state);
  const createdAt = new Map(items.map((item) => [item.id, item.createdAt]));
  return items
    .filter((item) => wasVotedOn(item, ballots))
    .map((item) => {
      const perRole = zeroPerRole();
      const supporting = new Set<GameRole>();
      const tableCounts = new Map<string, { voters: number; backers: number }>([...state.tables.keys()].map((id) => [id, { voters: 0, backers: 0 }]));
      for (const b of ballots) {
        const points = voting.mode === "punten" ? (b.points.get(item.id) ?? 0) : MOSCOW_SCORE[b.moscow.get(item.id) ?? "wont"];
        perRole[b.role] += points;
        const backs = voting.mode === "punten" ? points > 0 : points >= MOSCOW_SCORE.should;
        if (backs) supporting.add(b.role);
        const tally = tableCounts.get(tableOfBallot.get(b) ?? "");
        if (tally) {
          tally.voters += 1;
          if (backs) tally.backers += 1;
        }
      }
      const perTable = [...tableCounts].map(([tableId, t]) => ({ tableId, voters: t.voters, share: t.voters ? t.backers / t.voters : 0 }));
      const sharePerRole = zeroPerRole();
      for (const role of GAME_ROLES) sharePerRole[role] = votersPerRole[role] ? perRole[role] / (votersPerRole[role] * maxPerVoter) : 0;
      const rolesPresent = GAME_ROLES.filter((r) => votersPerRole[r] > 0);
      const supportingRoles = GAME_ROLES.filter((r) => supporting.has(r));
      const total = GAME_ROLES.reduce((sum, r) => sum + perRole[r], 0);
      return { itemId: item.id, perRole, sharePerRole, total, supportingRoles, rolesPresent, draagvlak: draagvlakOf(supportingRoles.length, rolesPresent.length), perTable };
    })
    .sort((a, b) => bySupport({ ...a, createdAt: createdAt.get(a.itemId) ?? 0 }, { ...b, createdAt: createdAt.get(b.itemId) ?? 0 }));
}

/**
 * An aanvulling from the casustoets comes after the vote: nobody could vote on it, so it has no support at all
 * ("niet gestemd"), not zero support. Only when the group went back to prioriteren and someone did vote on it, it
 * counts like any other item.
 */
export function wasVotedOn(item: PveItem, ballots: readonly Ballot[]): boolean {
  const aanvulling = item.sources.length > 0 && item.sources.every((s) => s.kind === "casus");
  if (!aanvulling) return true;
  return ballots.some((b) => b.points.has(item.id) || b.moscow.has(item.id));
}

/**
 * Verticaal: every layer that voted supports it (and at least three did). Breed: at least two thirds of the layers.
 * Gedeeld: two or more, fewer than two thirds. Smal: only one layer wants it. (Breed from half up made nearly every
 * item "breed" in the play test; the label also says how many roles, see draagvlakLabel in the client's strings.)
 */
export function draagvlakOf(supporting: number, present: number): Draagvlak {
  if (supporting === 0) return "geen";
  if (supporting === present && present >= 3) return "verticaal";
  if (supporting === 1) return "smal";
  return supporting * 3 >= present * 2 ? "breed" : "gedeeld";
}
