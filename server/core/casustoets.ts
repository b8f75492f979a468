/**
 * Phase 5, casustoets: for each case the group walks De Omgekeerde Toets in order (no skipping: a step needs at
 * least one note before the next), and only then judges each PvE item (helpt / staat in de weg / niet van
 * toepassing), records a decision with its cost now and over time, and adds aanvullingen to the programma.
 * Moving to the next step (and back) is shared and changes what everyone sees: that is the spelleider's call.
 */
import type { CaseDraft, CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf, NewEvent } from "#shared/protocol/events.ts";
import { LIMITS } from "#shared/protocol/ids.ts";
import { accept, reject, type Decision, type Rejection } from "./decision.ts";
import { describeFound, findPersonalData } from "#shared/personalData.ts";
import { requirePhase } from "./phaseNames.ts";
import type { Actor } from "./decision.ts";
import type { Phase } from "#shared/protocol/scenario.ts";
import { caseFromDraft, countWhere, currentCaseFor, gameRoleOf, type CaseState, type SessionState } from "./state.ts";

export function onEnterCasustoets(state: SessionState, phase: Extract<Phase, { kind: "casustoets" }>): NewEvent[] {
  const { caseIds } = phase;
  // Per tafel: each tafel gets its own case, the scenario's cases dealt round the tafels.
  if (phase.perTafel && state.tables.size > 0) {
    return [...state.tables.keys()].flatMap((tableId, i): NewEvent[] => {
      if (state.caseByTable.has(tableId)) return [];
      const caseId = caseIds[i % caseIds.length];
      return caseId && state.cases.has(caseId) ? [{ type: "CaseOpened", caseId, tableId }] : [];
    });
  }
  // Coming back to the casustoets: stay with the case on the table, also a live case the spelleider added.
  const current = state.currentCaseId ? state.cases.get(state.currentCaseId) : undefined;
  if (current && (caseIds.includes(current.id) || current.source === "live")) return [];
  const next = caseIds.find((id) => state.cases.get(id)?.decision === null) ?? caseIds[0];
  return next && state.cases.has(next) ? [{ type: "CaseOpened", caseId: next }] : [];
}

/** Every free text of a case draft: what the personal-data guard reads. */
const draftTexts = (d: CaseDraft): string[] => [d.title, d.situation, d.effectWanted, d.dilemma ?? "", d.rules ?? "", d.afloop ?? ""];

export function decideCaseAdd(state: SessionState, cmd: CommandOf<"case.add">, now: number): Decision {
  if (state.cases.has(cmd.caseId) || state.proposals.has(cmd.caseId)) return reject("bestaat_al", "Er is al een casus met deze naam.");
  if (state.phases[state.phaseIndex]?.kind === "resultaat") return reject("verkeerde_fase", "Het kader is al klaar; een casus toevoegen kan tot en met de casustoets.");
  // Cases come from real wijkteam work (DOMAIN.md §6). Something that looks like personal data is stopped once; the
  // spelleider removes it or confirms it is made up (a fictional phone number in a training case, say).
  if (cmd.confirmPersonalData !== true) {
    const found = draftTexts(cmd.draft).flatMap((text) => findPersonalData(text));
    if (found.length > 0) {
      // The message names the kinds, never the data itself: rejections may end up in logs.
      return reject("persoonsgegevens", `De casus lijkt ${describeFound(found)} te bevatten. Haal die gegevens weg, of bevestig dat het geen echte persoonsgegevens zijn.`);
    }
  }
  return accept(now, { type: "CaseAdded", caseId: cmd.caseId, draft: cmd.draft });
}

/** How many cases one participant may bring in: enough for the cases they know, not a flood for the spelleider. */
const MAX_PROPOSALS_PER_PARTICIPANT = LIMITS.proposalsPerParticipant;

/**
 * Cases from the room (seed 002, stap 3: "echte casuïstiek ingebracht door de deelnemers"). A participant brings in a
 * case from their own practice; sending it again with the same id changes it, until the spelleider admits it. Personal
 * data is stopped without a way round: the participant rewrites it (the spelleider may confirm made-up data).
 */
export function decideCasePropose(state: SessionState, cmd: CommandOf<"case.propose">, participantId: string, now: number): Decision {
  const wrong = requirePhase(state, "casustoets", "Een casus inbrengen");
  if (wrong) return wrong;
  const existing = state.proposals.get(cmd.caseId);
  if (existing) {
    if (existing.authorId !== participantId) return reject("bestaat_al", "Er is al een casus met deze naam.");
    if (existing.admitted) return reject("ongeldig", "De spelleider heeft je casus al toegelaten; wijzigen kan nu alleen de spelleider.");
    if (existing.declined) return reject("ongeldig", "De spelleider heeft deze casus niet gekozen; aanpassen kan niet meer. Breng gerust een andere casus in.");
  } else {
    if (state.cases.has(cmd.caseId)) return reject("bestaat_al", "Er is al een casus met deze naam.");
    // A case the spelleider turned down does not count: its author may bring in another (docs/decisions.md, "Cases from the room").
    const own = countWhere(state.proposals, (p) => p.authorId === participantId && p.declined === null);
    if (own >= MAX_PROPOSALS_PER_PARTICIPANT) return reject("te_veel", `Je hebt al ${MAX_PROPOSALS_PER_PARTICIPANT} casussen ingebracht; meer kan niet. Pas een van je casussen aan als je iets wilt veranderen.`);
  }
  const found = draftTexts(cmd.draft).flatMap((text) => findPersonalData(text));
  if (found.length > 0) {
    // The kinds, never the data itself: rejections may end up in logs.
    return reject("persoonsgegevens", `Je casus lijkt ${describeFound(found)} te bevatten. Haal die gegevens weg: de groep heeft de situatie nodig, niet wie het is.`);
  }
  return accept(now, { type: "CaseProposed", caseId: cmd.caseId, authorId: participantId, draft: cmd.draft });
}

/** The spelleider admits a case brought in, as written or edited; from then on the group can choose it. */
export function decideCaseAdmit(state: SessionState, cmd: CommandOf<"case.admit">, now: number): Decision {
  const wrong = requirePhase(state, "casustoets", "Een ingebrachte casus toelaten");
  if (wrong) return wrong;
  const proposal = state.proposals.get(cmd.caseId);
  if (!proposal) return reject("niet_gevonden", "Deze ingebrachte casus bestaat niet.");
  if (proposal.admitted || state.cases.has(cmd.caseId)) return reject("bestaat_al", "Deze casus is al toegelaten.");
  if (proposal.declined) return reject("ongeldig", "Deze casus heb je niet gekozen; toelaten kan niet meer. De deelnemer kan hem opnieuw inbrengen.");
  if (cmd.confirmPersonalData !== true) {
    const found = draftTexts(cmd.draft).flatMap((text) => findPersonalData(text));
    if (found.length > 0) {
      return reject("persoonsgegevens", `De casus lijkt ${describeFound(found)} te bevatten. Haal die gegevens weg, of bevestig dat het geen echte persoonsgegevens zijn.`);
    }
  }
  return accept(now, { type: "CaseAdmitted", caseId: cmd.caseId, draft: cmd.draft });
}

/**
 * The spelleider turns a case brought in down (it does not fit the programma, it repeats another, it is too thin):
 * only while it is not admitted. Its author sees "niet gekozen" and the reason, if any; nobody else sees anything.
 */
export function decideCaseDecline(state: SessionState, cmd: CommandOf<"case.decline">, now: number): Decision {
  const wrong = requirePhase(state, "casustoets", "Een ingebrachte casus niet kiezen");
  if (wrong) return wrong;
  const proposal = state.proposals.get(cmd.caseId);
  if (!proposal) return reject("niet_gevonden", "Deze ingebrachte casus bestaat niet.");
  if (proposal.admitted || state.cases.has(cmd.caseId)) return reject("ongeldig", "Deze casus is al toegelaten; niet kiezen kan alleen voordat je hem toelaat.");
  if (proposal.declined) return reject("ongeldig", "Deze casus heb je al niet gekozen.");
  const reason = cmd.reason ?? "";
  const found = findPersonalData(reason);
  if (found.length > 0) return reject("persoonsgegevens", `De reden lijkt ${describeFound(found)} te bevatten. Haal die gegevens weg.`);
  return accept(now, { type: "CaseDeclined", caseId: proposal.id, reason });
}

/** The cases the group can choose from now: this casustoets' own, and those brought in during the session, not yet decided. */
export function choosableCases(state: SessionState): CaseState[] {
  const phase = state.phases[state.phaseIndex];
  const planned = phase?.kind === "casustoets" ? phase.caseIds : [];
  return [...state.cases.values()].filter((c) => (planned.includes(c.id) || c.source === "live") && c.decision === null);
}

/** One vote per participant for the case to test next; a new vote replaces the old, null withdraws it. */
export function decideCaseVote(state: SessionState, cmd: CommandOf<"case.vote">, participantId: string, now: number): Decision {
  const wrong = requirePhase(state, "casustoets", "Stemmen welke casus jullie toetsen");
  if (wrong) return wrong;
  const current = state.caseVotes.get(participantId) ?? null;
  if (cmd.caseId === null) {
    if (current === null) return reject("ongeldig", "Je hebt nog niet gestemd.");
    return accept(now, { type: "CaseVoteCast", participantId, caseId: null });
  }
  const c = state.cases.get(cmd.caseId);
  if (!c) {
    return state.proposals.has(cmd.caseId)
      ? reject("niet_toegestaan", "Deze casus is nog niet toegelaten door de spelleider; stemmen kan op toegelaten casussen.")
      : reject("niet_gevonden", "Deze casus bestaat niet.");
  }
  if (c.decision !== null) return reject("ongeldig", "Over deze casus heeft de groep al een besluit genomen; kies een andere.");
  if (!choosableCases(state).includes(c)) return reject("ongeldig", "Deze casus staat niet op het programma van deze casustoets.");
  if (current === c.id) return reject("ongeldig", "Je hebt al op deze casus gestemd.");
  return accept(now, { type: "CaseVoteCast", participantId, caseId: c.id });
}

/** Votes per choosable case, from the votes of participants still in the session. */
export function caseVoteCounts(state: SessionState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [participantId, caseId] of state.caseVotes) {
    if (state.participants.get(participantId)?.removed !== false) continue;
    counts.set(caseId, (counts.get(caseId) ?? 0) + 1);
  }
  return counts;
}

/** The spelleider closes the vote: the case with the most votes is opened for everyone. A tie is the spelleider's to break. */
export function decideCaseChoose(state: SessionState, now: number): Decision {
  const wrong = requirePhase(state, "casustoets", "De stemming over de casus afsluiten");
  if (wrong) return wrong;
  const counts = caseVoteCounts(state);
  const ranked = choosableCases(state)
    .map((c) => ({ c, votes: counts.get(c.id) ?? 0 }))
    .filter((r) => r.votes > 0)
    .sort((a, b) => b.votes - a.votes);
  const top = ranked[0];
  if (!top) return reject("ongeldig", "Er is nog niet gestemd. Laat de groep eerst kiezen, of open zelf een casus.");
  const tied = ranked.filter((r) => r.votes === top.votes);
  if (tied.length > 1) {
    const titles = tied.map((r) => `'${r.c.title}'`);
    return reject("ongeldig", `De stemmen staken (${top.votes} elk) tussen ${titles.slice(0, -1).join(", ")} en ${titles[titles.length - 1] ?? ""}. Open zelf een van deze casussen.`);
  }
  return accept(now, { type: "CaseChosen", caseId: top.c.id, votes: top.votes });
}

export function decideCaseOpen(state: SessionState, cmd: CommandOf<"case.open">, now: number): Decision {
  const wrong = requirePhase(state, "casustoets", "Een casus openen");
  if (wrong) return wrong;
  if (!state.cases.has(cmd.caseId)) return reject("niet_gevonden", "Deze casus bestaat niet.");
  if (cmd.tableId !== undefined) {
    const table = state.tables.get(cmd.tableId);
    if (!table) return reject("niet_gevonden", "Deze tafel bestaat niet.");
    if (state.caseByTable.get(table.id) === cmd.caseId) return reject("ongeldig", `Deze casus staat al open bij ${table.name}.`);
    return accept(now, { type: "CaseOpened", caseId: cmd.caseId, tableId: table.id });
  }
  if (state.currentCaseId === cmd.caseId && state.caseByTable.size === 0) return reject("ongeldig", "Deze casus staat al open.");
  return accept(now, { type: "CaseOpened", caseId: cmd.caseId });
}

/** The case being tested now (for a participant: at their tafel); commands about any other case are out of turn. */
function currentCase(state: SessionState, caseId: string, what: string, actor: Actor): Rejection | CaseState {
  const wrong = requirePhase(state, "casustoets", what);
  if (wrong) return wrong;
  const c = state.cases.get(caseId);
  if (!c) return reject("niet_gevonden", "Deze casus bestaat niet.");
  const open =
    actor.kind === "participant"
      ? currentCaseFor(state, actor.participantId) === caseId
      : state.currentCaseId === caseId || [...state.caseByTable.values()].includes(caseId);
  if (!open) return reject("niet_op_volgorde", "Deze casus is nu niet aan de beurt. De spelleider opent de casus die de groep bespreekt.");
  return c;
}

/** Verdicts, decisions and aanvullingen come after the law step: that is the point of the reverse test. */
function walkedCase(state: SessionState, caseId: string, what: string, actor: Actor): Rejection | CaseState {
  const c = currentCase(state, caseId, what, actor);
  if ("ok" in c) return c;
  const steps = state.scenario.omgekeerdeToets;
  if (c.stepIndex < steps.length) {
    return reject("niet_op_volgorde", `Loop eerst alle stappen van De Omgekeerde Toets door; jullie zijn bij stap ${c.stepIndex + 1}: ${steps[c.stepIndex]?.title ?? ""}.`);
  }
  return c;
}

export function decideNote(state: SessionState, cmd: CommandOf<"toets.note">, actor: Actor, now: number): Decision {
  const c = currentCase(state, cmd.caseId, "Een aantekening bij De Omgekeerde Toets maken", actor);
  if ("ok" in c) return c;
  const steps = state.scenario.omgekeerdeToets;
  const stepIndex = steps.findIndex((s) => s.id === cmd.stepId);
  if (stepIndex < 0) return reject("niet_gevonden", "Deze stap hoort niet bij De Omgekeerde Toets van dit scenario.");
  if (stepIndex > c.stepIndex) return reject("niet_op_volgorde", `Niet vooruitlopen: de groep is bij stap ${c.stepIndex + 1}: ${steps[c.stepIndex]?.title ?? ""}.`);
  if (c.notes.some((n) => n.id === cmd.noteId)) return reject("bestaat_al", "Deze aantekening bestaat al.");
  const role = actor.kind === "participant" ? gameRoleOf(state, actor.participantId) : null;
  return accept(now, { type: "ToetsNoteAdded", noteId: cmd.noteId, caseId: c.id, stepId: cmd.stepId, text: cmd.text, role });
}

/** A step made from a step the group has already left is not made again (pressed twice while the first waited). */
function alreadyStepped(c: { stepIndex: number }, fromStep: number | undefined): Decision | null {
  if (fromStep === undefined || fromStep === c.stepIndex) return null;
  return reject("ongeldig", `De groep is al bij stap ${c.stepIndex + 1}: deze stap was al gezet.`);
}

export function decideAdvance(state: SessionState, cmd: CommandOf<"toets.advance">, actor: Actor, now: number): Decision {
  const c = currentCase(state, cmd.caseId, "Naar de volgende stap gaan", actor);
  if ("ok" in c) return c;
  const stepped = alreadyStepped(c, cmd.fromStep);
  if (stepped) return stepped;
  const steps = state.scenario.omgekeerdeToets;
  const step = steps[c.stepIndex];
  if (!step) return reject("ongeldig", "Alle stappen zijn al doorlopen; geef nu per item aan of het helpt.");
  if (!c.notes.some((n) => n.stepId === step.id)) {
    return reject("niet_op_volgorde", `Schrijf eerst minstens één aantekening bij stap ${c.stepIndex + 1}: ${step.title}. Geen stap overslaan.`);
  }
  return accept(now, { type: "ToetsStepAdvanced", caseId: c.id, stepIndex: c.stepIndex + 1 });
}

/**
 * One step back, when the group moved on too soon: the notes stay, verdicts and a decision stay recorded (they show
 * again once the group has walked to the end). Like moving on, this is the spelleider's call.
 */
export function decideStepBack(state: SessionState, cmd: CommandOf<"toets.back">, actor: Actor, now: number): Decision {
  const c = currentCase(state, cmd.caseId, "Een stap teruggaan", actor);
  if ("ok" in c) return c;
  const stepped = alreadyStepped(c, cmd.fromStep);
  if (stepped) return stepped;
  if (c.stepIndex === 0) return reject("ongeldig", "De groep is nog bij de eerste stap; verder terug kan niet.");
  return accept(now, { type: "ToetsStepReturned", caseId: c.id, stepIndex: c.stepIndex - 1 });
}

export function decideVerdict(state: SessionState, cmd: CommandOf<"toets.verdict">, actor: Actor, now: number): Decision {
  const c = walkedCase(state, cmd.caseId, "Een oordeel per item geven", actor);
  if ("ok" in c) return c;
  const item = state.items.get(cmd.itemId);
  if (!item || item.absorbedInto) return reject("niet_gevonden", "Dit item staat niet (meer) in het programma van eisen.");
  if ((c.verdicts.get(cmd.itemId) ?? null) === cmd.verdict) return reject("ongeldig", "Dat oordeel staat er al.");
  return accept(now, { type: "VerdictGiven", caseId: c.id, itemId: cmd.itemId, verdict: cmd.verdict });
}

export function decideCaseDecision(state: SessionState, cmd: CommandOf<"toets.decide">, actor: Actor, now: number): Decision {
  const c = walkedCase(state, cmd.caseId, "Een besluit vastleggen", actor);
  if ("ok" in c) return c;
  return accept(now, {
    type: "CaseDecided",
    caseId: c.id,
    decision: cmd.decision,
    costNow: cmd.costNow,
    costLater: cmd.costLater,
    costNote: cmd.costNote ?? "",
  });
}

export function decideAmend(state: SessionState, cmd: CommandOf<"toets.amend">, actor: Actor, now: number): Decision {
  const c = walkedCase(state, cmd.caseId, "Een aanvulling op het programma maken", actor);
  if ("ok" in c) return c;
  if (state.items.has(cmd.itemId)) return reject("bestaat_al", "Dit item bestaat al.");
  if (!state.scenario.categories.some((cat) => cat.id === cmd.categoryId)) return reject("niet_gevonden", "Kies een categorie uit de lijst van dit scenario.");
  return accept(now, {
    type: "PveItemCreated",
    itemId: cmd.itemId,
    text: cmd.text,
    categoryId: cmd.categoryId,
    sources: [{ kind: "casus", caseId: c.id }],
    absorbedItemIds: [],
  });
}

type CasustoetsEvent = EventOf<"CaseAdded" | "CaseProposed" | "CaseAdmitted" | "CaseDeclined" | "CaseVoteCast" | "CaseChosen" | "CaseOpened" | "ToetsNoteAdded" | "ToetsStepAdvanced" | "ToetsStepReturned" | "VerdictGiven" | "CaseDecided">;

export function applyCasustoets(state: SessionState, event: CasustoetsEvent): void {
  switch (event.type) {
    case "CaseAdded":
      state.cases.set(event.caseId, caseFromDraft(event.caseId, event.draft));
      return;
    case "CaseProposed": {
      const existing = state.proposals.get(event.caseId);
      if (existing) existing.draft = event.draft;
      else state.proposals.set(event.caseId, { id: event.caseId, authorId: event.authorId, draft: event.draft, admitted: false, declined: null, at: event.at });
      return;
    }
    case "CaseDeclined": {
      const proposal = state.proposals.get(event.caseId);
      if (proposal) proposal.declined = { reason: event.reason };
      return;
    }
    case "CaseAdmitted": {
      const proposal = state.proposals.get(event.caseId);
      if (proposal) {
        proposal.admitted = true;
        proposal.draft = event.draft;
      }
      state.cases.set(event.caseId, caseFromDraft(event.caseId, event.draft));
      return;
    }
    case "CaseVoteCast":
      if (event.caseId === null) state.caseVotes.delete(event.participantId);
      else state.caseVotes.set(event.participantId, event.caseId);
      return;
    case "CaseChosen":
    case "CaseOpened":
      if (event.type === "CaseOpened" && event.tableId !== undefined) state.caseByTable.set(event.tableId, event.caseId);
      else {
        // Opened for everyone: the tafels come together on this case, and the vote on what to test next is over.
        state.currentCaseId = event.caseId;
        state.caseByTable.clear();
        state.caseVotes.clear();
      }
      return;
    case "ToetsNoteAdded":
      state.cases.get(event.caseId)?.notes.push({ id: event.noteId, stepId: event.stepId, text: event.text, role: event.role, at: event.at });
      return;
    case "ToetsStepAdvanced":
    case "ToetsStepReturned": {
      const c = state.cases.get(event.caseId);
      if (c) c.stepIndex = event.stepIndex;
      return;
    }
    case "VerdictGiven": {
      const verdicts = state.cases.get(event.caseId)?.verdicts;
      if (event.verdict === null) verdicts?.delete(event.itemId);
      else verdicts?.set(event.itemId, event.verdict);
      return;
    }
    case "CaseDecided": {
      const c = state.cases.get(event.caseId);
      if (c) c.decision = { decision: event.decision, costNow: event.costNow, costLater: event.costLater, costNote: event.costNote };
      return;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
