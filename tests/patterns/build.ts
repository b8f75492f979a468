/**
 * Small sessions for the pattern tests, played through the real rules (given.ts: givenIn, play, cmd) on the minimal
 * scenario: six named people join, write the given eisen in round 1, each eis becomes its own PvE item, everyone
 * votes, the e-bike case is walked and judges the items the test names. The log is the result, with its own
 * label, date and session id, as the store would hold it.
 */
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { RealRole } from "#shared/protocol/ids.ts";
import { NOW, advanceTo, cmd, givenIn, guest, logOf, participant, play, seatToken, spelleider, PHASE } from "../fixtures/given.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";

/** The people in these sessions: distinctive, so a test can look for them in everything the analysis makes. */
export const PATTERN_NAMES = ["Petra Patroonsma", "Bert Blokkadestra", "Gerda Gemeentehuis", "Kees Keukentafel", "Lotte Loketwijzer", "Hamid Hulpvraag"];

export interface SessionPlan {
  sessionId: string;
  label: string;
  /** When the session was created (ms); its date in the overview. */
  createdAt: number;
  /** The eisen of round 1, each taken in as its own PvE item with the same text. */
  eisen: string[];
  /** Items (by text) the e-bike case finds standing in the way, and that help. */
  blocked?: string[];
  helped?: string[];
  /** Leave the session at samenvoegen: items, but no vote and no cases. */
  stopAtSamenvoegen?: boolean;
}

const REAL_ROLES: RealRole[] = ["raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional", "teamleider"];

export function playedSession(plan: SessionPlan): SessionEvent[] {
  const state = givenIn(minimalScenario());
  let clock = NOW;
  const go = (command: Parameters<typeof play>[1], actor: Parameters<typeof play>[2]) => play(state, command, actor, (clock += 60_000));
  PATTERN_NAMES.forEach((displayName, i) => go(cmd("participant.join", { displayName, realRole: REAL_ROLES[i] ?? "anders", seatToken: seatToken(`${plan.sessionId}-${i}`) }), guest));
  const ids = PATTERN_NAMES.map((_, i) => `d${i + 1}`);

  advanceTo(state, PHASE.ronde1, clock);
  plan.eisen.forEach((text, i) => go(cmd("eis.write", { eisId: `e${i}`, text, categoryId: "kernwaarden" }), participant(ids[i % ids.length] ?? "d1")));
  go(cmd("eisen.reveal"), spelleider);
  advanceTo(state, PHASE.samenvoegen, clock);
  plan.eisen.forEach((text, i) => go(cmd("pve.merge", { itemId: `i${i}`, sources: [{ kind: "eis", id: `e${i}` }], text, categoryId: "kernwaarden" }), spelleider));
  if (plan.stopAtSamenvoegen) return withIdentity(logOf(state), plan);

  advanceTo(state, PHASE.prioriteren, clock);
  // Everyone backs the first item; the rest of the budget goes round the others, so profiles differ per item.
  ids.forEach((id, k) => {
    go(cmd("vote.points", { itemId: "i0", points: 5 }), participant(id));
    const other = plan.eisen.length > 1 ? 1 + (k % (plan.eisen.length - 1)) : 0;
    if (other !== 0) go(cmd("vote.points", { itemId: `i${other}`, points: 5 }), participant(id));
  });

  advanceTo(state, PHASE.casustoets, clock); // reveals the vote and opens the e-bike case
  for (const step of state.scenario.omgekeerdeToets) {
    go(cmd("toets.note", { noteId: `n-${step.id}`, caseId: "ebike", stepId: step.id, text: `Bij ${step.id}: wat we zagen.` }), spelleider);
    go(cmd("toets.advance", { caseId: "ebike" }), spelleider);
  }
  const itemOf = (text: string) => `i${plan.eisen.indexOf(text)}`;
  for (const text of plan.blocked ?? []) go(cmd("toets.verdict", { caseId: "ebike", itemId: itemOf(text), verdict: "staat_in_de_weg" }), participant("d1"));
  for (const text of plan.helped ?? []) go(cmd("toets.verdict", { caseId: "ebike", itemId: itemOf(text), verdict: "helpt" }), participant("d2"));
  advanceTo(state, PHASE.resultaat, clock);
  return withIdentity(logOf(state), plan);
}

/** The log with this session's own id, label and creation time in SessionCreated. */
export function withIdentity(log: readonly SessionEvent[], identity: { sessionId: string; label: string; createdAt: number }): SessionEvent[] {
  const [first, ...rest] = log;
  if (!first || first.type !== "SessionCreated") throw new Error("Een sessielog begint met SessionCreated.");
  return [{ ...first, sessionId: identity.sessionId, label: identity.label, at: identity.createdAt }, ...rest];
}
