/**
 * The terugblik: a stored log as a timeline the spelleider steps through, and the board as it was at any point.
 * Both are pure functions of the log. Labels name game roles, never people: the replay is shown on the beamer.
 */
import type { SessionEvent, StoredEvent } from "#shared/protocol/events.ts";
import type { GameRole, PhaseKind } from "#shared/protocol/ids.ts";
import { evolve, initialState, replay } from "./evolve.ts";
import { PHASE_NAMES } from "./phaseNames.ts";
import type { SessionState } from "./state.ts";
import { playerView, type PlayerView } from "./view.ts";

export interface TimelineEntry {
  seq: number;
  at: number;
  type: SessionEvent["type"];
  /** Dutch, one line, without names. */
  label: string;
  /** The phase the session is in after this event. */
  phaseIndex: number;
  phaseKind: PhaseKind;
  /** Set on the first event of a phase and the first event of a rolwissel-ronde, for the markers on the timeline. */
  marker: { kind: "fase" | "ronde"; title: string } | null;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** The last position of day 1: the event before the terugkombijeenkomst opened, or the end of the log. */
  dayOneEnd: number;
}

/** " (Inwoner)": the role as the scenario names it, never the person. */
const roleOf = (state: SessionState, r: GameRole | null | undefined): string => (r ? ` (${state.scenario.roles[r].name})` : "");
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** One Dutch line per event. Exhaustive, so a new event type cannot be forgotten here. */
export function describeEvent(event: SessionEvent, state: SessionState): string {
  switch (event.type) {
    case "SessionCreated":
      return `Sessie aangemaakt: ${event.scenario.title}`;
    case "ParticipantJoined":
      return "Een deelnemer kwam binnen";
    case "ParticipantRemoved":
      return "Een deelnemer is uit de sessie gehaald";
    case "ReadinessChanged":
      return event.ready ? "Een deelnemer is klaar" : "Een deelnemer is toch nog bezig";
    case "SessionLockChanged":
      return event.locked ? "Sessie gesloten voor nieuwe deelnemers" : "Sessie weer open voor nieuwe deelnemers";
    case "TablesAssigned":
      return event.tables.length ? `De groep is verdeeld over ${event.tables.length} tafels` : "De groep speelt weer als één tafel";
    case "ParticipantMoved":
      return `Een deelnemer ging naar ${state.tables.get(event.tableId)?.name ?? "een andere tafel"}`;
    case "PhaseStarted":
      return `Fase: ${capitalised(phaseTitle(state, event.phaseIndex))}`;
    case "TimerSet":
      return event.deadline === null ? "Timer uitgezet" : "Timer gezet";
    case "TimerExpired":
      return "De tijd is om";
    case "SessionPaused":
      return "Pauze";
    case "SessionResumed":
      return "Verder na de pauze";
    case "CardPosted":
      return `Kaartje: "${event.text}"`;
    case "CardRemoved":
      return "Kaartje teruggenomen";
    case "ClusterCreated":
      return `Cluster gemaakt: ${event.label}`;
    case "ClusterRenamed":
      return `Cluster hernoemd: ${event.label}`;
    case "CardClustered":
      return event.clusterId ? "Kaartje bij een cluster gelegd" : "Kaartje uit een cluster gehaald";
    case "RolesAssigned":
      return event.assignments.length > 1 ? "Rollen verdeeld" : "Rol gegeven aan een late deelnemer";
    case "EisWritten":
      return `Eis geschreven${roleOf(state, event.role)}`;
    case "EisEdited":
      return "Eis aangepast";
    case "EisDeleted":
      return "Eis verwijderd";
    case "EisenRevealed":
      return "De wensenpakketten zijn zichtbaar";
    case "PveItemCreated":
      return event.sources.length > 1 ? `Samengevoegd: "${event.text}"` : `Punt in het programma van eisen: "${event.text}"`;
    case "PveItemEdited":
      return `Punt herschreven: "${event.text}"`;
    case "PveMergeUndone":
      return "Samenvoeging ongedaan gemaakt";
    case "PveItemSplit":
      return `Punt gesplitst: "${event.text}"`;
    case "SpanningMarked":
      return `Spanning gemarkeerd: ${event.note}`;
    case "SpanningRemoved":
      return "Spanning weggehaald";
    case "PointsAllocated":
      return `Punten gegeven${roleOf(state, event.role)}`;
    case "MoscowChosen":
      return `MoSCoW gekozen${roleOf(state, event.role)}`;
    case "VotesRevealed":
      return "De uitslag van de stemming is zichtbaar";
    case "CaseAdded":
      return `Casus ingebracht: ${event.draft.title}`;
    case "CaseProposed":
      // Not its title: until the spelleider admits it, a case brought in is its author's and the spelleider's only.
      return "Een deelnemer brengt een casus in";
    case "CaseAdmitted":
      return `Ingebrachte casus toegelaten: ${event.draft.title}`;
    case "CaseDeclined":
      // Not its title either: a case turned down stays its author's and the spelleider's.
      return "Een ingebrachte casus is niet gekozen";
    case "CaseVoteCast":
      return "Stem op de casus om te toetsen";
    case "CaseChosen":
      return `Casus gekozen door de groep (${event.votes} ${event.votes === 1 ? "stem" : "stemmen"}): ${state.cases.get(event.caseId)?.title ?? event.caseId}`;
    case "CaseOpened":
      return `Casus geopend: ${state.cases.get(event.caseId)?.title ?? event.caseId}`;
    case "ToetsNoteAdded":
      return `Notitie bij de Omgekeerde Toets${roleOf(state, event.role)}`;
    case "ToetsStepAdvanced":
      return "Volgende stap van de Omgekeerde Toets";
    case "ToetsStepReturned":
      return "Een stap terug in de Omgekeerde Toets";
    case "VerdictGiven":
      return "Oordeel over een punt bij de casus";
    case "CaseDecided":
      return `Besluit over ${state.cases.get(event.caseId)?.title ?? "de casus"}`;
    case "TerugkomOpened":
      return "Terugkombijeenkomst geopend";
    case "TerugkomStageSet":
      return `Terugkombijeenkomst: ${event.stage}`;
    case "ReflectionGiven":
      return "Reflectie op een kaderpunt";
    case "KaderItemAmended":
      return `Kaderpunt aangepast: "${event.text}"`;
    case "KaderItemAdded":
      return `Kaderpunt toegevoegd: "${event.text}"`;
    case "KaderItemRetired":
      return "Kaderpunt vervallen";
    case "KaderItemRestored":
      return "Kaderpunt teruggezet";
    case "KaderSteunGiven":
      return "Steun gegeven aan een kaderpunt";
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function phaseTitle(state: SessionState, phaseIndex: number): string {
  const phase = state.phases[phaseIndex];
  if (!phase) return `fase ${phaseIndex + 1}`;
  if (phase.kind === "rolwissel") {
    const round = state.scenario.rounds.find((r) => r.id === phase.roundId);
    return round ? `${PHASE_NAMES.rolwissel} – ${round.title}` : PHASE_NAMES.rolwissel;
  }
  return PHASE_NAMES[phase.kind];
}

/** The whole log as a timeline, folding once. */
export function timeline(stored: readonly StoredEvent[]): Timeline {
  const [first, ...rest] = stored;
  if (!first || first.event.type !== "SessionCreated") throw new Error("Een sessielog begint altijd met SessionCreated.");
  const state = initialState(first.event);
  const entries: TimelineEntry[] = [entryFor(first, state, null)];
  let dayOneEnd = stored.at(-1)?.seq ?? first.seq;
  for (const s of rest) {
    if (s.event.type === "TerugkomOpened" && state.terugkom === null) dayOneEnd = entries.at(-1)?.seq ?? first.seq;
    const phaseBefore = state.phaseIndex;
    const roundsBefore = state.rounds.size;
    const event = s.event;
    evolve(state, event);
    const marker =
      event.type === "PhaseStarted" && state.phaseIndex !== phaseBefore
        ? { kind: "fase" as const, title: capitalised(phaseTitle(state, state.phaseIndex)) }
        : event.type === "RolesAssigned" && state.rounds.size > roundsBefore
          ? { kind: "ronde" as const, title: state.scenario.rounds.find((r) => r.id === event.roundId)?.title ?? "Nieuwe ronde" }
          : null;
    entries.push(entryFor(s, state, marker));
  }
  return { entries, dayOneEnd };
}

function entryFor(s: StoredEvent, state: SessionState, marker: TimelineEntry["marker"]): TimelineEntry {
  const phase = state.phases[state.phaseIndex];
  return {
    seq: s.seq,
    at: s.event.at,
    type: s.event.type,
    label: describeEvent(s.event, state),
    phaseIndex: state.phaseIndex,
    phaseKind: phase?.kind ?? "lobby",
    marker,
  };
}

/** The board as the beamer showed it right after event `seq`: the log replayed up to there, seen by role only. */
export function boardAt(stored: readonly StoredEvent[], seq: number): PlayerView {
  return playerView(replay(stored.filter((s) => s.seq <= seq).map((s) => s.event)), { kind: "beamer" });
}
