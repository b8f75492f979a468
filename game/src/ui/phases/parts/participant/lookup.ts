/** Small look-ups the participant screens share: names for ids, the current round, who may do what. */
import type { Audience, Snapshot } from "../../../../net/connection.ts";
import { roundRevealed } from "../tafel/tafels.ts";

/** Only a participant has a role, writes, votes and says "klaar"; the spelleider watches the same board. */
export const isParticipant = (audience: Audience): boolean => audience === "deelnemer";

/** Shared board work (clustering) is open to participants and the spelleider; the beamer only shows. */
export const canWorkOnBoard = (audience: Audience): boolean => audience !== "beamer";

export function categoryOf(snap: Snapshot, categoryId: string) {
  return snap.scenario.categories.find((c) => c.id === categoryId);
}

export const categoryName = (snap: Snapshot, categoryId: string): string => categoryOf(snap, categoryId)?.name ?? categoryId;

export const caseTitle = (snap: Snapshot, caseId: string): string =>
  snap.cases.find((c) => c.id === caseId)?.title ?? snap.kader?.cases.find((c) => c.caseId === caseId)?.title ?? caseId;

/** The round of the current rolwissel phase, with its case. */
export function currentRound(snap: Snapshot) {
  const roundId = snap.session.phase.roundId;
  const round = snap.scenario.rounds.find((r) => r.id === roundId) ?? null;
  const caseView = round ? (snap.cases.find((c) => c.id === round.caseId) ?? null) : null;
  // With tafels a participant's own tafel may be revealed before the rest.
  const revealed = roundRevealed(snap, roundId);
  return { roundId, round, caseView, revealed };
}

/** How many participants said they are ready (the spelleider sees everyone in `people`). */
export function readyCount(snap: Snapshot): { ready: number; total: number } {
  const active = snap.people.filter((p) => !p.removed);
  return { ready: active.filter((p) => p.ready).length, total: snap.session.participantCount };
}

/** A stable id fragment for form fields: ids from the server are url-safe already. */
export const fieldId = (...parts: string[]): string => `p-${parts.join("-")}`;
