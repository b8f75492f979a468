/**
 * A whole session played through the real rules in core (decide -> evolve), without a server: the commands a group
 * sends, in the order a group would, seeded so the same options give the same log. Used by `npm run bench:replay`
 * (a 10,000-event session) and by the projection test (every kind of event, also pause, timers, going back a phase,
 * removing someone, and the terugkombijeenkomst).
 */
import { decide } from "../../server/core/decide.ts";
import type { Actor } from "../../server/core/decision.ts";
import { evolve, initialState } from "../../server/core/evolve.ts";
import { pointsSpent } from "../../server/core/prioriteren.ts";
import { mulberry32 } from "../../server/core/roleAssignment.ts";
import { ENGINE_VERSION, eisVisible, liveItems, tableOf, type SessionState } from "../../server/core/state.ts";
import { CARD_TEXTS, DECISIONS, EIS_TEXTS, NIEUWE_KADERPUNTEN, REFLECTIE_BETER, REFLECTIE_GOED, TOETS_NOTES } from "../bots/texts.ts";
import type { Command } from "#shared/protocol/commands.ts";
import type { EventOf, SessionEvent } from "#shared/protocol/events.ts";
import { MOSCOW, REAL_ROLES, TOEGEPAST, VERDICTS } from "#shared/protocol/ids.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";

/** A command without its id: the simulator numbers them. */
type CommandInput = Command extends infer C ? (C extends Command ? Omit<C, "commandId"> : never) : never;

export interface SimulateOptions {
  scenario: Scenario;
  variantId?: string;
  participants: number;
  seed?: number;
  /** Eisen each participant writes per rolwissel-ronde (at most 30), and how often each edits one. */
  eisenPerRound?: number;
  editsPerRound?: number;
  /** Merge, edit, split and undo actions in samenvoegen. */
  boardActions?: number;
  /** vote.points / vote.moscow per participant. */
  votesPerParticipant?: number;
  /** Split the group into this many tafels in the lobby (and move someone in the first round). */
  tables?: number;
  /** Pause, timers, lock, going back a phase, removing someone. */
  extras?: boolean;
  /** Also play the terugkombijeenkomst after the resultaat phase. */
  terugkom?: boolean;
  /** Called after every accepted command with its events and the state they were folded into. */
  onApplied?: (events: readonly SessionEvent[], state: SessionState, actor: Actor) => void;
}

export interface Simulated {
  events: SessionEvent[];
  state: SessionState;
  commands: number;
  rejected: number;
}

const T0 = Date.UTC(2026, 2, 12, 9, 0, 0);

export function simulate(options: SimulateOptions): Simulated {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const variant = options.variantId ? options.scenario.variants.find((v) => v.id === options.variantId) : options.scenario.variants[0];
  if (!variant) throw new Error(`Scenario ${options.scenario.id} heeft geen variant ${options.variantId}.`);
  let now = T0;
  let ids = 0;
  const id = (prefix: string) => `${prefix}${(++ids).toString(36)}`;
  const created: EventOf<"SessionCreated"> = {
    type: "SessionCreated",
    v: 1,
    at: now,
    sessionId: "sbench0000000001",
    code: "BENCH2",
    label: "Simulatie",
    scenario: options.scenario,
    variantId: variant.id,
    engineVersion: ENGINE_VERSION,
  };
  const state = initialState(created);
  const events: SessionEvent[] = [created];
  let commands = 0;
  let rejected = 0;

  const run = (actor: Actor, input: CommandInput): boolean => {
    commands++;
    now += 250 + Math.floor(random() * 2_000);
    const decision = decide(state, { ...input, commandId: id("c") } as Command, actor, now);
    if (!decision.ok) {
      rejected++;
      return false;
    }
    for (const event of decision.events) {
      evolve(state, event);
      events.push(event);
    }
    options.onApplied?.(decision.events, state, actor);
    return true;
  };
  const spelleider: Actor = { kind: "spelleider" };
  const people = (): Actor[] => [...state.participants.values()].filter((p) => !p.removed).map((p) => ({ kind: "participant", participantId: p.id }));
  const categories = options.scenario.categories.map((c) => c.id);
  const textFor = (categoryId: string) => pick(EIS_TEXTS[categoryId] ?? Object.values(EIS_TEXTS).flat());

  for (let k = 0; k < options.participants; k++) {
    run({ kind: "guest" }, { type: "participant.join", displayName: `Deelnemer ${k + 1}`, realRole: REAL_ROLES[k % REAL_ROLES.length]!, seatToken: `seat-token-${options.seed ?? 1}-${k}-abcdef` });
  }
  if (options.tables) run(spelleider, { type: "tables.assign", count: options.tables });
  /** A participant merges on their own tafel's board (the rules refuse another tafel's); the spelleider on any. */
  const onBoardOf = (actor: Actor) => (tableId: string | null) =>
    actor.kind !== "participant" || state.phases[state.phaseIndex]?.kind !== "samenvoegen" || tableId === null || tableId === tableOf(state, actor.participantId);
  let moved = false;
  let wentBack = false;
  const extras = options.extras ?? false;
  while (state.phaseIndex < state.phases.length - 1) {
    if (!run(spelleider, { type: "phase.next" })) break;
    const phase = state.phases[state.phaseIndex]!;
    if (extras) {
      run(spelleider, { type: "timer.set", minutes: 10 });
      run(spelleider, { type: "session.pause", paused: true });
      run(pick(people()), { type: "participant.ready", ready: true });
      run(spelleider, { type: "session.pause", paused: false });
    }
    switch (phase.kind) {
      case "beeldvorming": {
        for (const p of people()) for (let k = 0; k < 2; k++) run(p, { type: "card.post", cardId: id("k"), promptId: pick(options.scenario.beeldvorming.prompts).id, text: pick(CARD_TEXTS.default ?? ["Maatwerk"]) });
        for (const prompt of options.scenario.beeldvorming.prompts) {
          const clusterId = id("cl");
          run(spelleider, { type: "cluster.create", clusterId, promptId: prompt.id, label: `Rode draad ${prompt.id}` });
          for (const card of [...state.cards.values()].filter((c) => c.promptId === prompt.id).slice(0, 3)) run(spelleider, { type: "card.cluster", cardId: card.id, clusterId });
          run(spelleider, { type: "cluster.rename", clusterId, label: `Rode draad bij ${prompt.id}` });
        }
        const mine = [...state.cards.values()][0];
        if (mine) run({ kind: "participant", participantId: mine.authorId }, { type: "card.remove", cardId: mine.id });
        break;
      }
      case "rolwissel": {
        for (const p of people()) {
          for (let k = 0; k < (options.eisenPerRound ?? 3); k++) {
            const categoryId = pick(categories);
            run(p, { type: "eis.write", eisId: id("e"), categoryId, text: textFor(categoryId) });
          }
        }
        for (let k = 0; k < (options.editsPerRound ?? 1) * people().length; k++) {
          const p = pick(people());
          const own = [...state.eisen.values()].filter((e) => p.kind === "participant" && e.authorId === p.participantId && !state.rounds.get(e.roundId)?.revealed);
          if (own.length === 0) continue;
          const eis = pick(own);
          run(p, { type: "eis.edit", eisId: eis.id, categoryId: eis.categoryId, text: `${textFor(eis.categoryId)} (${k})` });
        }
        for (const p of people()) run(p, { type: "participant.ready", ready: true });
        if (extras) {
          const p = pick(people());
          const own = [...state.eisen.values()].find((e) => p.kind === "participant" && e.authorId === p.participantId && !state.rounds.get(e.roundId)?.revealed);
          if (own) run(p, { type: "eis.delete", eisId: own.id });
        }
        if (options.tables && !moved) {
          // Someone changes tafel mid-round: they see another tafel's board from now on.
          moved = true;
          const mover = pick(people());
          const other = [...state.tables.keys()].find((t) => mover.kind === "participant" && t !== tableOf(state, mover.participantId));
          if (mover.kind === "participant" && other) run(spelleider, { type: "participant.move", participantId: mover.participantId, tableId: other });
        }
        // One tafel at a time, or everyone at once.
        const firstTable = [...state.tables.keys()][0];
        if (firstTable && random() < 0.7) run(spelleider, { type: "eisen.reveal", tableId: firstTable });
        if (random() < 0.5) run(spelleider, { type: "eisen.reveal" });
        break;
      }
      case "samenvoegen":
      case "plenair": {
        for (let k = 0; k < (options.boardActions ?? 20); k++) {
          const actor = random() < 0.3 ? spelleider : pick(people());
          const mayTouch = onBoardOf(actor);
          const free = [...state.eisen.values()].filter((e) => e.itemId === null && eisVisible(state, e) && mayTouch(e.tableId));
          const items = liveItems(state).filter((i) => mayTouch(i.tableId));
          const r = random();
          if (free.length >= 2 && r < 0.45) {
            const a = pick(free);
            const b = pick(free.filter((e) => e.id !== a.id));
            run(actor, { type: "pve.merge", itemId: id("i"), sources: [{ kind: "eis", id: a.id }, { kind: "eis", id: b.id }], text: a.text, categoryId: a.categoryId });
          } else if (free.length >= 1 && r < 0.6) {
            const a = pick(free);
            run(actor, { type: "pve.merge", itemId: id("i"), sources: [{ kind: "eis", id: a.id }], text: a.text, categoryId: a.categoryId });
          } else if (items.length >= 1 && free.length >= 1 && r < 0.7) {
            const item = pick(items);
            run(actor, { type: "pve.merge", itemId: id("i"), sources: [{ kind: "item", id: item.id }, { kind: "eis", id: pick(free).id }], text: item.text, categoryId: item.categoryId });
          } else if (items.length >= 2 && r < 0.75) {
            const [a, b] = [pick(items), pick(items)];
            if (a.id !== b.id) run(actor, { type: "spanning.mark", spanningId: id("sp"), itemA: a.id, itemB: b.id, note: "Botst met gelijke behandeling." });
          } else if (items.length >= 1 && r < 0.8) {
            const item = pick(items);
            const eisIds = item.sources.flatMap((s) => (s.kind === "eis" ? [s.eisId] : []));
            if (eisIds.length >= 2) run(actor, { type: "pve.split", itemId: item.id, newItemId: id("i"), eisIds: [eisIds[0]!], text: "Afgesplitst" });
            else run(actor, { type: "pve.undo", itemId: item.id });
          } else if (items.length >= 1) {
            const item = pick(items);
            run(actor, { type: "pve.edit", itemId: item.id, text: `${textFor(item.categoryId)} [${k}]`, categoryId: item.categoryId });
          }
        }
        const spanning = [...state.spanningen.values()][0];
        if (extras && spanning) run(spelleider, { type: "spanning.remove", spanningId: spanning.id });
        break;
      }
      case "prioriteren": {
        const voting = options.scenario.voting;
        for (let k = 0; k < (options.votesPerParticipant ?? 4); k++) {
          for (const p of people()) {
            const items = liveItems(state);
            if (items.length === 0) break;
            // Half the time someone reconsiders an item they already gave points to.
            const mine = p.kind === "participant" ? [...(state.ballots.get(p.participantId)?.points.keys() ?? [])].flatMap((id) => state.items.get(id) ?? []) : [];
            const item = mine.length > 0 && random() < 0.5 ? pick(mine) : pick(items);
            if (voting.mode === "punten" && p.kind === "participant") {
              // Within the budget, as the screen lets people: move points around, never ask for more than is left.
              const current = state.ballots.get(p.participantId)?.points.get(item.id) ?? 0;
              const most = Math.min(voting.maxPerItem ?? voting.budget, current + voting.budget - pointsSpent(state, p.participantId));
              const points = Math.floor(random() * (most + 1));
              if (points !== current) run(p, { type: "vote.points", itemId: item.id, points });
            } else run(p, { type: "vote.moscow", itemId: item.id, choice: pick([...MOSCOW, null]) });
          }
        }
        if (extras && !wentBack) {
          // Back to samenvoegen and forward again: merging an item someone voted on gives the points back.
          wentBack = true;
          run(spelleider, { type: "phase.previous" });
          const items = liveItems(state);
          if (items.length >= 2) run(spelleider, { type: "pve.merge", itemId: id("i"), sources: [{ kind: "item", id: items[0]!.id }, { kind: "item", id: items[1]!.id }], text: items[0]!.text, categoryId: items[0]!.categoryId });
          run(spelleider, { type: "phase.next" });
        }
        run(spelleider, { type: "votes.reveal" });
        break;
      }
      case "casustoets": {
        for (const caseId of phase.caseIds) {
          if (state.currentCaseId !== caseId) run(spelleider, { type: "case.open", caseId });
          for (const step of options.scenario.omgekeerdeToets) {
            run(pick(people()), { type: "toets.note", noteId: id("n"), caseId, stepId: step.id, text: pick(TOETS_NOTES) });
            run(spelleider, { type: "toets.advance", caseId });
          }
          for (const item of liveItems(state)) run(pick(people()), { type: "toets.verdict", caseId, itemId: item.id, verdict: pick(VERDICTS) });
          run(pick(people()), { type: "toets.decide", caseId, decision: pick(DECISIONS), costNow: "laag", costLater: "gemiddeld", costNote: "Voorkomt duurdere zorg later." });
          run(pick(people()), { type: "toets.amend", itemId: id("i"), caseId, text: "Afwijkingen worden elk kwartaal besproken.", categoryId: pick(categories) });
        }
        if (extras) {
          const liveCaseId = id("case");
          run(spelleider, { type: "case.add", caseId: liveCaseId, draft: { title: "Live casus", situation: "Een inwoner met schulden en een kind.", effectWanted: "Rust in het gezin." } });
          // Cases from the room: two participants bring one in, the spelleider admits one (edited), the group votes,
          // the spelleider closes the vote and the group walks the chosen case to its decision (and its afloop).
          const [first, second] = people().filter((a) => a.kind === "participant");
          if (first && second) {
            const brought = id("case");
            const draft = { title: "Uit de praktijk", situation: "Een moeder met twee banen en een zoon die thuiszit.", effectWanted: "Haar zoon weer naar school.", rules: "Leerplicht; jeugdhulp via het wijkteam." };
            run(first, { type: "case.propose", caseId: brought, draft });
            const other = id("case");
            run(second, { type: "case.propose", caseId: other, draft: { ...draft, title: "Nog een" } });
            run(first, { type: "case.propose", caseId: brought, draft: { ...draft, afloop: "De school en het wijkteam maakten een plan op maat; hij ging na zes weken halve dagen." } });
            run(spelleider, { type: "case.admit", caseId: brought, draft: { ...draft, title: "Thuiszitter", afloop: "Een plan op maat; na zes weken halve dagen naar school." } });
            // The spelleider turns the other one down; its author sees why, and brings in another.
            run(spelleider, { type: "case.decline", caseId: other, reason: "Lijkt te veel op de casus die we net toetsten." });
            run(second, { type: "case.propose", caseId: id("case"), draft: { ...draft, title: "Een andere" } });
            for (const voter of people()) if (voter.kind === "participant") run(voter, { type: "case.vote", caseId: brought });
            run(first, { type: "case.vote", caseId: null });
            run(spelleider, { type: "case.choose" });
            for (const step of options.scenario.omgekeerdeToets) {
              run(pick(people()), { type: "toets.note", noteId: id("n"), caseId: brought, stepId: step.id, text: pick(TOETS_NOTES) });
              run(spelleider, { type: "toets.advance", caseId: brought });
            }
            run(pick(people()), { type: "toets.decide", caseId: brought, decision: pick(DECISIONS), costNow: "laag", costLater: "laag" });
          }
        }
        break;
      }
      default:
        break;
    }
    if (extras && state.phaseIndex === 2) {
      const leaving = people().at(-1);
      run(spelleider, { type: "session.lock", locked: true });
      if (leaving?.kind === "participant") run(spelleider, { type: "participant.remove", participantId: leaving.participantId });
      run(spelleider, { type: "session.lock", locked: false });
      run({ kind: "guest" }, { type: "participant.join", displayName: "Laatkomer", realRole: "anders", seatToken: `seat-token-late-${options.seed ?? 1}-abcdef` });
      run(spelleider, { type: "timer.clear" });
    }
  }

  if (options.terugkom && run(spelleider, { type: "terugkom.open" })) {
    run(spelleider, { type: "terugkom.stage", stage: "reflectie" });
    const v1 = state.terugkom?.v1 ?? [];
    for (const p of people()) {
      for (const item of v1.slice(0, 4)) run(p, { type: "reflectie.give", itemId: item.itemId, toegepast: pick(TOEGEPAST), goed: pick(REFLECTIE_GOED), beter: pick(REFLECTIE_BETER) });
    }
    run(spelleider, { type: "terugkom.stage", stage: "bijstellen" });
    const first = v1[0];
    if (first) {
      run(pick(people()), { type: "kader.amend", itemId: first.itemId, text: `${first.text} Elk kwartaal.`, categoryId: first.categoryId });
      const last = v1.at(-1);
      if (last && last.itemId !== first.itemId) {
        run(spelleider, { type: "kader.retire", itemId: last.itemId, reason: "Niet meer nodig." });
        run(spelleider, { type: "kader.restore", itemId: last.itemId });
        run(spelleider, { type: "kader.retire", itemId: last.itemId, reason: "Toch niet." });
      }
    }
    run(pick(people()), { type: "kader.add", itemId: id("i"), text: pick(NIEUWE_KADERPUNTEN), categoryId: pick(categories) });
    for (const p of people()) for (const item of [...(state.terugkom?.items.values() ?? [])].slice(0, 3)) run(p, { type: "kader.steun", itemId: item.id, steun: random() < 0.7 });
    run(spelleider, { type: "terugkom.stage", stage: "kader" });
  }
  return { events, state, commands, rejected };
}
