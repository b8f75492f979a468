/**
 * decide(state, command, actor, now) -> events | rejection. First who may send the command, then whether the
 * game is paused, then the phase's own rules. Pure: no I/O, no clock but `now`, no randomness.
 */
import type { Command, CommandOf, CommandType } from "#shared/protocol/commands.ts";
import * as beeldvorming from "./beeldvorming.ts";
import * as casustoets from "./casustoets.ts";
import { commonRejections, reject, type Actor, type Decision } from "./decision.ts";
import * as lobby from "./lobby.ts";
import * as pacing from "./pacing.ts";
import * as prioriteren from "./prioriteren.ts";
import * as rolwissel from "./rolwissel.ts";
import * as samenvoegen from "./samenvoegen.ts";
import type { SessionState } from "./state.ts";
import * as tafels from "./tafels.ts";
import * as terugkom from "./terugkom.ts";

/** Who may send what. `board` = the group's shared work, which both participants and the spelleider can do. */
type Who = "guest" | "spelleider" | "system" | "participant" | "board";

/** `online`: the participants with an open connection now (presence is not in the log; the room knows it). */
type Handler<T extends CommandType> = (state: SessionState, cmd: CommandOf<T>, actor: Actor, now: number, online: ReadonlySet<string>) => Decision;
type Rule<T extends CommandType> = { who: Who; handle: Handler<T> };

/** Participant commands get the participant's id; the `who` check has made sure there is one. */
const asParticipant =
  <T extends CommandType>(f: (state: SessionState, cmd: CommandOf<T>, participantId: string, now: number) => Decision): Handler<T> =>
  (state, cmd, actor, now) =>
    actor.kind === "participant" ? f(state, cmd, actor.participantId, now) : commonRejections.notParticipant();

const RULES: { [T in CommandType]: Rule<T> } = {
  "participant.join": { who: "guest", handle: (s, c, _a, now) => lobby.decideJoin(s, c, now) },
  "participant.remove": { who: "spelleider", handle: (s, c, _a, now) => lobby.decideRemove(s, c, now) },
  "participants.removeOffline": { who: "spelleider", handle: (s, c, _a, now, online) => lobby.decideRemoveOffline(s, c, online, now) },
  "participant.ready": { who: "participant", handle: lobby.decideReady },
  "session.lock": { who: "spelleider", handle: (s, c, _a, now) => lobby.decideLock(s, c, now) },
  "tables.assign": { who: "spelleider", handle: (s, c, _a, now) => tafels.decideTablesAssign(s, c, now) },
  "participant.move": { who: "spelleider", handle: (s, c, _a, now) => tafels.decideMove(s, c, now) },
  "phase.next": { who: "spelleider", handle: (s, c, _a, now) => pacing.decidePhaseNext(s, c, now) },
  "phase.previous": { who: "spelleider", handle: (s, c, _a, now) => pacing.decidePhasePrevious(s, c, now) },
  "timer.set": { who: "spelleider", handle: (s, c, _a, now) => pacing.decideTimerSet(s, c, now) },
  "timer.clear": { who: "spelleider", handle: (s, c, _a, now) => pacing.decideTimerClear(s, c, now) },
  "timer.extend": { who: "spelleider", handle: (s, c, _a, now) => pacing.decideTimerExtend(s, c, now) },
  "timer.expire": { who: "system", handle: (s, c, _a, now) => pacing.decideTimerExpire(s, c, now) },
  "session.pause": { who: "spelleider", handle: (s, c, _a, now) => pacing.decidePause(s, c, now) },
  "card.post": { who: "participant", handle: asParticipant(beeldvorming.decideCardPost) },
  "card.remove": { who: "participant", handle: asParticipant(beeldvorming.decideCardRemove) },
  "cluster.create": { who: "board", handle: (s, c, _a, now) => beeldvorming.decideClusterCreate(s, c, now) },
  "cluster.rename": { who: "board", handle: (s, c, _a, now) => beeldvorming.decideClusterRename(s, c, now) },
  "card.cluster": { who: "board", handle: (s, c, _a, now) => beeldvorming.decideCardCluster(s, c, now) },
  "eis.write": { who: "participant", handle: asParticipant(rolwissel.decideEisWrite) },
  "eis.edit": { who: "participant", handle: asParticipant(rolwissel.decideEisEdit) },
  "eis.delete": { who: "participant", handle: asParticipant(rolwissel.decideEisDelete) },
  "eisen.reveal": { who: "spelleider", handle: (s, c, _a, now) => rolwissel.decideReveal(s, c, now) },
  "pve.merge": { who: "board", handle: samenvoegen.decideMerge },
  "pve.adopt": { who: "board", handle: samenvoegen.decideAdopt },
  "pve.edit": { who: "board", handle: samenvoegen.decideItemEdit },
  "pve.undo": { who: "board", handle: samenvoegen.decideUndo },
  "pve.split": { who: "board", handle: samenvoegen.decideSplit },
  "spanning.mark": { who: "board", handle: samenvoegen.decideSpanningMark },
  "spanning.remove": { who: "board", handle: samenvoegen.decideSpanningRemove },
  "vote.points": { who: "participant", handle: asParticipant(prioriteren.decidePoints) },
  "vote.moscow": { who: "participant", handle: asParticipant(prioriteren.decideMoscow) },
  "votes.reveal": { who: "spelleider", handle: (s, c, _a, now) => prioriteren.decideVotesReveal(s, c, now) },
  "case.add": { who: "spelleider", handle: (s, c, _a, now) => casustoets.decideCaseAdd(s, c, now) },
  "case.propose": { who: "participant", handle: asParticipant(casustoets.decideCasePropose) },
  "case.admit": { who: "spelleider", handle: (s, c, _a, now) => casustoets.decideCaseAdmit(s, c, now) },
  "case.decline": { who: "spelleider", handle: (s, c, _a, now) => casustoets.decideCaseDecline(s, c, now) },
  "case.vote": { who: "participant", handle: asParticipant(casustoets.decideCaseVote) },
  "case.choose": { who: "spelleider", handle: (s, _c, _a, now) => casustoets.decideCaseChoose(s, now) },
  "case.open": { who: "spelleider", handle: (s, c, _a, now) => casustoets.decideCaseOpen(s, c, now) },
  "toets.note": { who: "board", handle: casustoets.decideNote },
  "toets.advance": { who: "spelleider", handle: casustoets.decideAdvance },
  "toets.back": { who: "spelleider", handle: casustoets.decideStepBack },
  "toets.verdict": { who: "board", handle: casustoets.decideVerdict },
  "toets.decide": { who: "board", handle: casustoets.decideCaseDecision },
  "toets.amend": { who: "board", handle: casustoets.decideAmend },
  "terugkom.open": { who: "spelleider", handle: (s, c, _a, now) => terugkom.decideOpen(s, c, now) },
  "terugkom.stage": { who: "spelleider", handle: (s, c, _a, now) => terugkom.decideStage(s, c, now) },
  "reflectie.give": { who: "participant", handle: asParticipant(terugkom.decideReflection) },
  "kader.amend": { who: "board", handle: (s, c, _a, now) => terugkom.decideAmend(s, c, now) },
  "kader.add": { who: "board", handle: (s, c, _a, now) => terugkom.decideAdd(s, c, now) },
  "kader.retire": { who: "board", handle: (s, c, _a, now) => terugkom.decideRetire(s, c, now) },
  "kader.restore": { who: "board", handle: (s, c, _a, now) => terugkom.decideRestore(s, c, now) },
  "kader.steun": { who: "participant", handle: asParticipant(terugkom.decideSteun) },
};

function mayAct(state: SessionState, who: Who, actor: Actor): Decision | null {
  if (actor.kind === "participant") {
    const p = state.participants.get(actor.participantId);
    if (!p || p.removed) return reject("niet_toegestaan", "Je hebt geen plek (meer) in deze sessie.");
  }
  switch (who) {
    case "guest":
      return actor.kind === "guest" ? null : reject("ongeldig", "Je doet al mee aan deze sessie.");
    case "spelleider":
      return actor.kind === "spelleider" ? null : commonRejections.notSpelleider();
    case "system":
      return actor.kind === "system" ? null : reject("niet_toegestaan", "Dit doet de server zelf.");
    case "participant":
      return actor.kind === "participant" ? null : commonRejections.notParticipant();
    case "board":
      return actor.kind === "participant" || actor.kind === "spelleider" ? null : commonRejections.notParticipant();
    default: {
      const unreachable: never = who;
      return unreachable;
    }
  }
}

/** A pause stops the group's work; the spelleider, the clock and people arriving carry on. */
const pausedFor = (state: SessionState, actor: Actor): boolean => state.paused && actor.kind === "participant";

export function decide(state: SessionState, command: Command, actor: Actor, now: number, online: ReadonlySet<string> = new Set()): Decision {
  const rule = RULES[command.type] as Rule<CommandType>;
  const denied = mayAct(state, rule.who, actor);
  if (denied) return denied;
  if (pausedFor(state, actor)) return commonRejections.paused();
  const frozen = terugkom.dayOneFrozen(state, command.type);
  if (frozen) return frozen;
  return rule.handle(state, command, actor, now, online);
}

/** Who may send a command type: for clients that want to hide controls they cannot use. */
export const commandAudience = (type: CommandType): Who => RULES[type].who;
