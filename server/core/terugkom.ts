/**
 * Phase 7, the terugkombijeenkomst (day 2, weeks later). Opening it freezes day 1 and copies the kader op maat
 * into the log as version 1. Then, stage by stage: terugblik (the replay), reflectie (per v1 item: toegepast,
 * goed, beter, indicator), bijstellen (amend, add, retire items; say per item whether you back it), kader (v2
 * beside v1 with the differences marked).
 */
import type { CommandOf, CommandType } from "#shared/protocol/commands.ts";
import type { EventOf, KaderV1Item, NewEvent } from "#shared/protocol/events.ts";
import type { TerugkomStage } from "#shared/protocol/ids.ts";
import type { KaderStatus, KaderV2Item, TerugkomView } from "#shared/protocol/views.ts";
import { accept, reject, type Decision, type Rejection } from "./decision.ts";
import { MOSCOW_SCORE, wasVotedOn } from "./prioriteren.ts";
import { kader } from "./resultaat.ts";
import type { KaderV2Entry, SessionState, TerugkomState } from "./state.ts";

/** How the stages are called in Dutch sentences ("kan alleen in de stap …"). */
export const STAGE_NAMES: Record<TerugkomStage, string> = {
  terugblik: "terugblik",
  reflectie: "reflectie",
  bijstellen: "bijstellen",
  kader: "kader versie 2",
};

/** A change of at least this share of backers (0..1) between v1 and v2 counts as "support changed". */
export const STEUN_DREMPEL = 0.2;

/** Most items kader v2 may hold, added ones included: enough for any group, small enough for one screen. */
export const MAX_KADER_ITEMS = 120;

/** Commands that still make sense once day 1 is frozen: people arriving, leaving, pausing, and the day-2 work. */
const ALLOWED_ON_DAY_TWO: ReadonlySet<CommandType> = new Set<CommandType>([
  "participant.join",
  "participant.remove",
  "participants.removeOffline",
  "participant.ready",
  "session.lock",
  "session.pause",
  "terugkom.open",
  "terugkom.stage",
  "reflectie.give",
  "kader.amend",
  "kader.add",
  "kader.retire",
  "kader.restore",
  "kader.steun",
]);

/** Day 1 cannot change once the terugkombijeenkomst has begun: the replay and version 1 must stay what they were. */
export function dayOneFrozen(state: SessionState, type: CommandType): Rejection | null {
  if (!state.terugkom || ALLOWED_ON_DAY_TWO.has(type)) return null;
  return reject(
    "verkeerde_fase",
    "De terugkombijeenkomst is begonnen: het werk van dag 1 ligt vast. Bekijk het in de terugblik of werk aan versie 2 van het kader.",
  );
}

function requireStage(state: SessionState, stage: TerugkomStage, what: string): { t: TerugkomState } | Rejection {
  const t = state.terugkom;
  if (!t) return reject("verkeerde_fase", `${what} kan pas als de spelleider de terugkombijeenkomst heeft geopend.`);
  if (t.stage !== stage) return reject("verkeerde_fase", `${what} kan alleen in de stap ${STAGE_NAMES[stage]} van de terugkombijeenkomst.`);
  return { t };
}

const isRejection = (x: { t: TerugkomState } | Rejection): x is Rejection => "ok" in x;

/** Share of day-1 voters who backed each item: points above zero, or must/should. */
function backingV1(state: SessionState): Map<string, number> {
  const ballots = [...state.ballots].filter(([id]) => state.participants.get(id)?.removed === false).map(([, b]) => b);
  const result = new Map<string, number>();
  if (!state.votesRevealed || ballots.length === 0) return result;
  for (const item of state.items.values()) {
    if (!wasVotedOn(item, ballots)) continue; // an aanvulling nobody could vote on: niet gestemd, not 0%
    const backers = ballots.filter((b) =>
      state.scenario.voting.mode === "punten" ? (b.points.get(item.id) ?? 0) > 0 : MOSCOW_SCORE[b.moscow.get(item.id) ?? "wont"] >= MOSCOW_SCORE.should,
    ).length;
    result.set(item.id, backers / ballots.length);
  }
  return result;
}

/** Version 1: the kader op maat as day 1 left it, in rank order. */
export function kaderV1(state: SessionState): KaderV1Item[] {
  const backing = backingV1(state);
  return kader(state).items.map((item) => ({
    itemId: item.itemId,
    rank: item.rank,
    text: item.text,
    categoryId: item.categoryId,
    backing: backing.get(item.itemId) ?? null,
    draagvlak: item.support?.draagvlak ?? null,
    supportingRoles: item.support?.supportingRoles ?? [],
  }));
}

export function decideOpen(state: SessionState, _cmd: CommandOf<"terugkom.open">, now: number): Decision {
  if (state.terugkom) return reject("bestaat_al", "De terugkombijeenkomst is al geopend.");
  if (state.phases[state.phaseIndex]?.kind !== "resultaat") {
    return reject("verkeerde_fase", "De terugkombijeenkomst kan pas beginnen als dag 1 bij het resultaat (het kader op maat) is.");
  }
  const events: NewEvent[] = [{ type: "TerugkomOpened", kaderV1: kaderV1(state) }];
  // Returning participants and newcomers must be able to come in; a day-1 timer has no meaning any more.
  if (state.locked) events.push({ type: "SessionLockChanged", locked: false });
  if (state.deadline !== null) events.push({ type: "TimerSet", deadline: null });
  return accept(now, ...events);
}

export function decideStage(state: SessionState, cmd: CommandOf<"terugkom.stage">, now: number): Decision {
  const t = state.terugkom;
  if (!t) return reject("verkeerde_fase", "Open eerst de terugkombijeenkomst.");
  if (t.stage === cmd.stage) return reject("ongeldig", `De terugkombijeenkomst is al bij de stap ${STAGE_NAMES[cmd.stage]}.`);
  return accept(now, { type: "TerugkomStageSet", stage: cmd.stage });
}

export function decideReflection(state: SessionState, cmd: CommandOf<"reflectie.give">, participantId: string, now: number): Decision {
  const stage = requireStage(state, "reflectie", "Reflecteren op het kader");
  if (isRejection(stage)) return stage;
  if (!stage.t.v1.some((i) => i.itemId === cmd.itemId)) return reject("niet_gevonden", "Dit kaderpunt staat niet in versie 1 van het kader.");
  return accept(now, {
    type: "ReflectionGiven",
    participantId,
    itemId: cmd.itemId,
    toegepast: cmd.toegepast,
    goed: cmd.goed ?? "",
    beter: cmd.beter ?? "",
    indicator: cmd.indicator ?? "",
  });
}

function liveEntry(t: TerugkomState, itemId: string): KaderV2Entry | Rejection {
  const entry = t.items.get(itemId);
  if (!entry) return reject("niet_gevonden", "Dit kaderpunt bestaat niet.");
  if (entry.retiredReason !== null) return reject("ongeldig", "Dit kaderpunt is vervallen. Zet het eerst terug.");
  return entry;
}

const isEntry = (x: KaderV2Entry | Rejection): x is KaderV2Entry => !("ok" in x);

const unknownCategory = (state: SessionState, categoryId: string): Rejection | null =>
  state.scenario.categories.some((c) => c.id === categoryId) ? null : reject("niet_gevonden", "Deze categorie bestaat niet in het scenario.");

export function decideAmend(state: SessionState, cmd: CommandOf<"kader.amend">, now: number): Decision {
  const stage = requireStage(state, "bijstellen", "Een kaderpunt aanpassen");
  if (isRejection(stage)) return stage;
  const entry = liveEntry(stage.t, cmd.itemId);
  if (!isEntry(entry)) return entry;
  const badCategory = unknownCategory(state, cmd.categoryId);
  if (badCategory) return badCategory;
  if (entry.text === cmd.text && entry.categoryId === cmd.categoryId) return reject("ongeldig", "Er is niets veranderd aan dit kaderpunt.");
  return accept(now, { type: "KaderItemAmended", itemId: cmd.itemId, text: cmd.text, categoryId: cmd.categoryId });
}

export function decideAdd(state: SessionState, cmd: CommandOf<"kader.add">, now: number): Decision {
  const stage = requireStage(state, "bijstellen", "Een kaderpunt toevoegen");
  if (isRejection(stage)) return stage;
  if (stage.t.items.has(cmd.itemId) || state.items.has(cmd.itemId)) return reject("bestaat_al", "Er is al een kaderpunt met deze id.");
  if (stage.t.items.size >= MAX_KADER_ITEMS) return reject("te_veel", `Het kader kan hoogstens ${MAX_KADER_ITEMS} punten hebben.`);
  const badCategory = unknownCategory(state, cmd.categoryId);
  if (badCategory) return badCategory;
  return accept(now, { type: "KaderItemAdded", itemId: cmd.itemId, text: cmd.text, categoryId: cmd.categoryId });
}

export function decideRetire(state: SessionState, cmd: CommandOf<"kader.retire">, now: number): Decision {
  const stage = requireStage(state, "bijstellen", "Een kaderpunt laten vervallen");
  if (isRejection(stage)) return stage;
  const entry = liveEntry(stage.t, cmd.itemId);
  if (!isEntry(entry)) return entry;
  return accept(now, { type: "KaderItemRetired", itemId: cmd.itemId, reason: cmd.reason ?? "" });
}

export function decideRestore(state: SessionState, cmd: CommandOf<"kader.restore">, now: number): Decision {
  const stage = requireStage(state, "bijstellen", "Een kaderpunt terugzetten");
  if (isRejection(stage)) return stage;
  const entry = stage.t.items.get(cmd.itemId);
  if (!entry) return reject("niet_gevonden", "Dit kaderpunt bestaat niet.");
  if (entry.retiredReason === null) return reject("ongeldig", "Dit kaderpunt is niet vervallen.");
  return accept(now, { type: "KaderItemRestored", itemId: cmd.itemId });
}

export function decideSteun(state: SessionState, cmd: CommandOf<"kader.steun">, participantId: string, now: number): Decision {
  const stage = requireStage(state, "bijstellen", "Steun geven aan een kaderpunt");
  if (isRejection(stage)) return stage;
  const entry = liveEntry(stage.t, cmd.itemId);
  if (!isEntry(entry)) return entry;
  return accept(now, { type: "KaderSteunGiven", participantId, itemId: cmd.itemId, steun: cmd.steun });
}

type TerugkomEvent = EventOf<
  "TerugkomOpened" | "TerugkomStageSet" | "ReflectionGiven" | "KaderItemAmended" | "KaderItemAdded" | "KaderItemRetired" | "KaderItemRestored" | "KaderSteunGiven"
>;

export function applyTerugkom(state: SessionState, event: TerugkomEvent): void {
  if (event.type === "TerugkomOpened") {
    state.terugkom = {
      openedAt: event.at,
      stage: "terugblik",
      v1: event.kaderV1,
      items: new Map(event.kaderV1.map((i) => [i.itemId, { id: i.itemId, text: i.text, categoryId: i.categoryId, origin: "v1", retiredReason: null }])),
      reflections: new Map(),
      steun: new Map(),
    };
    return;
  }
  const t = state.terugkom;
  if (!t) return; // decide never lets a day-2 event through before the opening
  switch (event.type) {
    case "TerugkomStageSet":
      t.stage = event.stage;
      return;
    case "ReflectionGiven": {
      const perItem = t.reflections.get(event.itemId) ?? new Map();
      perItem.set(event.participantId, { toegepast: event.toegepast, goed: event.goed, beter: event.beter, indicator: event.indicator });
      t.reflections.set(event.itemId, perItem);
      return;
    }
    case "KaderItemAmended": {
      const entry = t.items.get(event.itemId);
      if (entry) Object.assign(entry, { text: event.text, categoryId: event.categoryId });
      return;
    }
    case "KaderItemAdded":
      t.items.set(event.itemId, { id: event.itemId, text: event.text, categoryId: event.categoryId, origin: "nieuw", retiredReason: null });
      return;
    case "KaderItemRetired": {
      const entry = t.items.get(event.itemId);
      if (entry) entry.retiredReason = event.reason;
      return;
    }
    case "KaderItemRestored": {
      const entry = t.items.get(event.itemId);
      if (entry) entry.retiredReason = null;
      return;
    }
    case "KaderSteunGiven": {
      const perItem = t.steun.get(event.itemId) ?? new Map();
      if (event.steun === null) perItem.delete(event.participantId);
      else perItem.set(event.participantId, event.steun);
      t.steun.set(event.itemId, perItem);
      return;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Only people still in the session count. */
const counted = <V>(state: SessionState, perParticipant: Map<string, V> | undefined): V[] =>
  [...(perParticipant ?? [])].filter(([id]) => state.participants.get(id)?.removed === false).map(([, v]) => v);

function statusOf(entry: KaderV2Entry, v1: KaderV1Item | undefined): KaderStatus {
  if (entry.retiredReason !== null) return "vervallen";
  if (!v1) return "nieuw";
  return v1.text === entry.text && v1.categoryId === entry.categoryId ? "ongewijzigd" : "gewijzigd";
}

function v2Item(state: SessionState, entry: KaderV2Entry, v1: KaderV1Item | undefined): KaderV2Item {
  const t = state.terugkom;
  const reflections = counted(state, t?.reflections.get(entry.id));
  const steun = counted(state, t?.steun.get(entry.id));
  const voor = steun.filter(Boolean).length;
  const tegen = steun.length - voor;
  const backing = steun.length ? voor / steun.length : null;
  const backingV1 = v1?.backing ?? null;
  const moved = backing !== null && backingV1 !== null && Math.abs(backing - backingV1) >= STEUN_DREMPEL - 1e-9;
  const status = statusOf(entry, v1);
  const nonEmpty = (xs: string[]) => xs.filter((x) => x.trim() !== "");
  return {
    itemId: entry.id,
    text: entry.text,
    categoryId: entry.categoryId,
    status,
    v1Text: v1 && status !== "ongewijzigd" && (v1.text !== entry.text || v1.categoryId !== entry.categoryId) ? v1.text : null,
    v1CategoryId: v1 && v1.categoryId !== entry.categoryId ? v1.categoryId : null,
    v1Rank: v1?.rank ?? null,
    retiredReason: entry.retiredReason,
    reflecties: {
      ja: reflections.filter((r) => r.toegepast === "ja").length,
      deels: reflections.filter((r) => r.toegepast === "deels").length,
      nee: reflections.filter((r) => r.toegepast === "nee").length,
      goed: nonEmpty(reflections.map((r) => r.goed)),
      beter: nonEmpty(reflections.map((r) => r.beter)),
      indicatoren: nonEmpty(reflections.map((r) => r.indicator)),
    },
    steun: { voor, tegen, backing },
    backingV1,
    steunVerandering: moved && backing !== null && backingV1 !== null ? (backing > backingV1 ? "meer" : "minder") : null,
  };
}

/**
 * Kader v2 beside v1: every v1 item, then the added ones. A retired item, also one added today, stays in the list
 * struck through (status vervallen, with its reason) and can be restored: nothing the group wrote disappears.
 */
export function terugkomView(state: SessionState): TerugkomView | null {
  const t = state.terugkom;
  if (!t) return null;
  const v1ById = new Map(t.v1.map((i) => [i.itemId, i]));
  const v2 = [...t.items.values()].map((e) => v2Item(state, e, v1ById.get(e.id)));
  const participantsWith = (m: Map<string, Map<string, unknown>>) =>
    new Set([...m.values()].flatMap((perItem) => [...perItem.keys()]).filter((id) => state.participants.get(id)?.removed === false)).size;
  const count = (status: KaderStatus) => v2.filter((i) => i.status === status).length;
  return {
    stage: t.stage,
    openedAt: t.openedAt,
    v1: t.v1,
    v2,
    reflectors: participantsWith(t.reflections),
    steunGivers: participantsWith(t.steun),
    counts: {
      ongewijzigd: count("ongewijzigd"),
      gewijzigd: count("gewijzigd"),
      nieuw: count("nieuw"),
      vervallen: count("vervallen"),
      steunVeranderd: v2.filter((i) => i.steunVerandering !== null).length,
    },
  };
}

/** A participant's own reflections and steun, for their screen. */
export function mineTerugkom(state: SessionState, participantId: string) {
  const t = state.terugkom;
  if (!t) return { reflecties: [], steun: [] };
  return {
    reflecties: [...t.reflections].flatMap(([itemId, m]) => {
      const r = m.get(participantId);
      return r ? [{ itemId, ...r }] : [];
    }),
    steun: [...t.steun].flatMap(([itemId, m]) => {
      const s = m.get(participantId);
      return s === undefined ? [] : [{ itemId, steun: s }];
    }),
  };
}

export const reflectionCount = (state: SessionState, participantId: string): number =>
  state.terugkom ? [...state.terugkom.reflections.values()].filter((m) => m.has(participantId)).length : 0;
