/**
 * Projects the core state onto the Colyseus schema after every applied command. Entities are compared by their
 * JSON, so only what changed is patched; views are granted so private entries reach only those allowed.
 *
 * Two ways, one result. `sync` without events projects everything (a room opening, a phase change, a join). With the
 * events of one command it projects only what those events can change: the busy commands of a session (writing an
 * eis, a vote, "klaar", a card, a Toets note, merging on the board) touch one participant's entries or the board,
 * not every view of every participant. An event that is not listed in `touchedBy` falls back to the full projection.
 * tests/integration/projection.test.ts checks, after every command of simulated sessions, that both ways give the
 * same state and the same visibility.
 *
 * Visibility is granted as entries are made: a person entry to its participant and the spelleider, a ballot and a
 * draft to their participant, an eis or item of the board to the spelleider, the beamer and the participants whose
 * tafel scope includes it (with tafels, during rolwissel and samenvoegen a participant sees only their own tafel's
 * board). What can change a scope (a phase, a split into tafels, a move) is never in `touchedBy`: the full projection
 * re-grants the board to every connection.
 */
import type { MapSchema, StateView } from "@colyseus/schema";
import type { SessionState } from "../core/state.ts";
import type { EisView, ItemView } from "#shared/protocol/views.ts";
import { terugkomView } from "../core/terugkom.ts";
import { eisVisible } from "../core/state.ts";
import * as views from "../core/view.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { Entity, SessionRoomState } from "#shared/protocol/schema.ts";

type Keyed<V> = { key: string; value: V };
type Created<V> = (key: string, entity: Entity, value: V) => void;

/** The one key of the counts map (see schema.ts). */
export const COUNTS_KEY = "counts";

/** Texts that are the same in many rooms; see setJson. */
const sharedTexts = new Map<string, string>();

/**
 * Whose connections a projection changed something for. Most commands of a busy session change only private entries
 * (a draft eis and its author's counts, a ballot): then only their participant and the spelleider need a patch, not
 * every phone in the session. Anything shared (a top-level field or a map everyone receives) reaches everyone.
 */
export type Reach = { everyone: true } | { everyone: false; participants: ReadonlySet<string>; spelleider: boolean; beamer: boolean };

export type Audience = { kind: "participant"; participantId: string } | { kind: "spelleider" } | { kind: "beamer" };

/** What one command's events can change, beyond `seq`. */
interface Touched {
  /** participantIds whose PersonView / MineView may have changed. */
  people: Set<string>;
  mine: Set<string>;
  /** eisIds of unrevealed eisen whose draft entry may have changed. */
  drafts: Set<string>;
  cards: Set<string>;
  clusters: Set<string>;
  /** The shared board of samenvoegen: items, eisen, spanningen, support, suggestions, kader; and the ballots. */
  board: boolean;
  /** Exactly which items and eisen changed, when known; null: resync the whole collection. */
  items: Set<string> | null;
  removedItems: Set<string>;
  eisen: Set<string> | null;
  cases: boolean;
  terugkom: boolean;
}

/**
 * What the events of one command can change, or null when the full projection is needed. Kept to the events a
 * session sends all the time; each case lists every view its event feeds (see core/view.ts).
 */
function touchedBy(session: SessionState, events: readonly SessionEvent[]): Touched | null {
  const t: Touched = {
    people: new Set(),
    mine: new Set(),
    drafts: new Set(),
    cards: new Set(),
    clusters: new Set(),
    board: false,
    items: new Set(),
    removedItems: new Set(),
    eisen: new Set(),
    cases: false,
    terugkom: false,
  };
  const wholeBoard = () => {
    t.board = true;
    t.items = null;
    t.eisen = null;
  };
  for (const event of events) {
    switch (event.type) {
      case "ReadinessChanged":
        t.people.add(event.participantId);
        break;
      case "CardPosted":
        // PersonView counts cards; MineView lists their ids.
        t.cards.add(event.cardId);
        t.people.add(event.authorId);
        t.mine.add(event.authorId);
        break;
      case "CardClustered":
        t.cards.add(event.cardId);
        break;
      case "ClusterCreated":
      case "ClusterRenamed":
        t.clusters.add(event.clusterId);
        break;
      case "EisWritten":
      case "EisEdited": {
        // A draft: only its author sees it, and the author's count of eisen in the round (and their tafel's count,
        // see syncTables). A revealed eis is board.
        const eis = session.eisen.get(event.eisId);
        if (!eis || eisVisible(session, eis)) return null;
        t.drafts.add(eis.id);
        t.people.add(eis.authorId);
        break;
      }
      case "PveItemCreated":
        t.board = true;
        t.items?.add(event.itemId);
        for (const id of event.absorbedItemIds) t.removedItems.add(id);
        // The eisen that moved into the item (merges flatten: also those of absorbed items) change their itemId.
        for (const source of event.sources) if (source.kind === "eis") t.eisen?.add(source.eisId);
        break;
      case "PveItemEdited":
        t.board = true;
        t.items?.add(event.itemId);
        break;
      case "PveMergeUndone":
      case "PveItemSplit":
      case "SpanningMarked":
      case "SpanningRemoved":
        wholeBoard();
        break;
      case "PointsAllocated":
      case "MoscowChosen":
        // A ballot is seen by its voter (MineView) and counted in PersonView; support and kader only after the
        // reveal or in resultaat, where voting is closed: then project everything.
        if (session.votesRevealed || session.phases[session.phaseIndex]?.kind === "resultaat") return null;
        t.mine.add(event.participantId);
        t.people.add(event.participantId);
        break;
      case "CaseProposed":
        // Seen by its author and the spelleider only: in the author's person entry.
        t.people.add(event.authorId);
        break;
      case "CaseDeclined": {
        // Like CaseProposed: "niet gekozen" and the reason reach the author's person entry (and the spelleider) only.
        const authorId = session.proposals.get(event.caseId)?.authorId;
        if (authorId === undefined) return null;
        t.people.add(authorId);
        break;
      }
      case "CaseVoteCast":
        // The count on the case is shared; whose vote it is, only the voter sees (MineView).
        t.cases = true;
        t.mine.add(event.participantId);
        break;
      case "ToetsNoteAdded":
      case "ToetsStepAdvanced":
      case "ToetsStepReturned":
      case "VerdictGiven":
      case "CaseDecided":
        t.cases = true;
        break;
      case "ReflectionGiven":
      case "KaderSteunGiven":
        t.terugkom = true;
        t.mine.add(event.participantId);
        t.people.add(event.participantId);
        break;
      default:
        return null;
    }
  }
  return t;
}

export class Projector {
  readonly state = new SessionRoomState();
  private readonly participantViews = new Map<string, Set<StateView>>();
  private readonly spelleiderViews = new Set<StateView>();
  /** The beamer sees the whole board (eisen and items of every tafel), like the spelleider. */
  private readonly beamerViews = new Set<StateView>();
  /** The tafel of every eis and item on the board (null: the whole group's), for granting it. */
  private readonly boardTables = new WeakMap<Entity, string | null>();
  /** Author of every draft entry, so a participant's views get their own drafts. */
  private readonly draftAuthors = new Map<string, string>();
  /** UTF-8 bytes of every entity (key and JSON) and top-level string: kept up to date for `encodedSizeBound`. */
  private bytes = 0;
  private entities = 0;
  /** What the projection under way changed, and for whom (see Reach). */
  private changedShared = false;
  private readonly changedFor = new Set<string>();
  private changedForSpelleider = false;
  private changedForBeamer = false;

  private startReach(): void {
    this.changedShared = false;
    this.changedFor.clear();
    this.changedForSpelleider = false;
    this.changedForBeamer = false;
  }

  private reach(): Reach {
    return this.changedShared
      ? { everyone: true }
      : { everyone: false, participants: new Set(this.changedFor), spelleider: this.changedForSpelleider, beamer: this.changedForBeamer };
  }

  /** Notes who sees a change to entry `key` of `map`: its owner for the private maps, everyone for the others. */
  private changed(map: MapSchema<Entity>, key: string): void {
    const s = this.state;
    if (map === s.people) {
      this.changedFor.add(key);
      this.changedForSpelleider = true;
    } else if (map === s.mine) this.changedFor.add(key);
    else if (map === s.counts) {
      this.changedForSpelleider = true;
      this.changedForBeamer = true;
    }
    else if (map === s.drafts) {
      const author = this.draftAuthors.get(key);
      if (author === undefined) this.changedShared = true;
      else this.changedFor.add(author);
    } else this.changedShared = true;
  }

  /**
   * An upper bound of the bytes a full encode of the state takes (shared part plus any one connection's private
   * part): the strings' UTF-8 bytes, and for each entry a generous allowance for its framing. See schema.ts.
   */
  encodedSizeBound(): number {
    return this.bytes + 32 * this.entities + 4096;
  }

  /** Brings a whole map in line with `entries`; calls `created` for every entity it adds. */
  private syncMap<V>(map: MapSchema<Entity>, entries: readonly Keyed<V>[], created?: Created<V>): void {
    const seen = new Set<string>();
    for (const { key, value } of entries) {
      seen.add(key);
      this.upsert(map, key, value, created);
    }
    for (const key of [...map.keys()]) if (!seen.has(key)) this.upsert(map, key, null);
  }

  /** Sets one entry (null: removes it); an unchanged value is not touched, so nothing is patched. */
  private upsert<V>(map: MapSchema<Entity>, key: string, value: V | null | undefined, created?: Created<V>): void {
    const existing = map.get(key);
    if (value === null || value === undefined) {
      if (existing) {
        this.bytes -= Buffer.byteLength(key) + Buffer.byteLength(existing.json);
        this.entities--;
        this.changed(map, key);
        map.delete(key);
      }
      return;
    }
    const json = JSON.stringify(value);
    if (!existing) {
      const entity = new Entity({ json });
      map.set(key, entity);
      this.bytes += Buffer.byteLength(key) + Buffer.byteLength(json);
      this.entities++;
      created?.(key, entity, value);
      this.changed(map, key);
    } else if (existing.json !== json) {
      this.bytes += Buffer.byteLength(json) - Buffer.byteLength(existing.json);
      existing.json = json;
      this.changed(map, key);
    }
  }

  /**
   * A top-level JSON string field: the new JSON, or the current string itself when nothing changed. `shared`: the same
   * text in every room of a scenario (the public scenario), kept once in memory.
   */
  private setJson(current: string, value: unknown, shared = false): string {
    let json = JSON.stringify(value);
    if (shared) {
      const known = sharedTexts.get(json);
      if (known === undefined) sharedTexts.set(json, json);
      else json = known;
    }
    if (json === current) return current;
    this.bytes += Buffer.byteLength(json) - Buffer.byteLength(current ?? "");
    this.changedShared = true;
    return json;
  }

  /**
   * Projects the state. With the events of the command just applied, only what they can change; without (or for
   * events not known to `touchedBy`), everything. Says whose connections need a patch.
   */
  sync(session: SessionState, online: views.Online, seq: number, events?: readonly SessionEvent[]): Reach {
    this.startReach();
    const touched = events ? touchedBy(session, events) : null;
    if (!touched) {
      this.syncAll(session, online, seq);
      // A full projection can change what a connection may see (grants), not only entries: patch everyone.
      return { everyone: true };
    }
    const s = this.state;
    s.seq = seq;
    for (const id of touched.cards) this.upsert(s.cards, id, cardView(session, id));
    for (const id of touched.clusters) this.upsert(s.clusters, id, clusterView(session, id));
    for (const id of touched.drafts) {
      const eis = session.eisen.get(id);
      if (eis) this.upsert(s.drafts, id, views.eisView(eis), (key, entity) => this.grantDraft(key, eis.authorId, entity));
    }
    if (touched.board) this.syncBoard(session, touched);
    if (touched.cases) {
      this.syncMap(s.cases, views.caseViews(session).map((v) => ({ key: v.id, value: v })));
      s.kader = this.setJson(s.kader, views.kaderView(session));
    }
    if (touched.terugkom) this.syncTerugkom(session);
    this.syncTables(session, online);
    this.syncCounts(session);
    for (const id of touched.people) this.upsert(s.people, id, views.personView(session, id, online), (key, entity) => this.grantPerson(key, entity));
    for (const id of touched.mine) this.upsert(s.mine, id, views.mineView(session, id), (key, entity) => this.grantMine(key, entity));
    return this.reach();
  }

  /** Someone came or went: their seat, their person entry and the online count. */
  syncPresence(session: SessionState, online: views.Online, seq: number, participantId: string): void {
    const s = this.state;
    s.seq = seq;
    s.session = this.setJson(s.session, views.sessionView(session, online));
    const seat = views.seatViews(session, online).find((v) => v.participantId === participantId) ?? null;
    this.upsert(s.seats, participantId, seat);
    this.syncTables(session, online);
    if (session.participants.has(participantId)) this.upsert(s.people, participantId, views.personView(session, participantId, online), (key, entity) => this.grantPerson(key, entity));
  }

  private syncBoard(session: SessionState, touched: Touched): void {
    const s = this.state;
    const board = this.boardCreated(session);
    if (touched.items === null) this.syncMap(s.items, views.itemViews(session).map((v) => ({ key: v.id, value: v })), board);
    else {
      // New entries first, then removals: the same order of changes as syncMap.
      for (const id of touched.items) this.upsert(s.items, id, itemView(session, id), board);
      for (const id of touched.removedItems) this.upsert(s.items, id, null);
    }
    if (touched.eisen === null) this.syncMap(s.eisen, views.revealedEisen(session).map((v) => ({ key: v.id, value: v })), board);
    else for (const id of touched.eisen) this.upsert(s.eisen, id, revealedEis(session, id), board);
    this.syncMap(s.spanningen, views.openSpanningenView(session).map((v) => ({ key: v.spanningId, value: v })));
    const support = views.supportViews(session);
    this.syncMap(s.support, support.map((v) => ({ key: v.itemId, value: v })));
    // Cases list their verdicts as given, by item id: merging items does not change them.
    s.suggestions = this.setJson(s.suggestions, views.boardSuggestions(session));
    s.kader = this.setJson(s.kader, views.kaderView(session, support));
    this.syncTerugkom(session);
    // Points on an item that was merged away are given back: the ballots' pointsLeft change.
    for (const id of session.ballots.keys()) this.upsert(s.mine, id, views.mineView(session, id), (key, entity) => this.grantMine(key, entity));
  }

  private syncAll(session: SessionState, online: views.Online, seq: number): void {
    const s = this.state;
    s.seq = seq;
    s.session = this.setJson(s.session, views.sessionView(session, online));
    if (!s.scenario) s.scenario = this.setJson(s.scenario, views.publicScenario(session.scenario), true);
    this.syncMap(s.seats, views.seatViews(session, online).map((v) => ({ key: v.participantId, value: v })));
    this.syncMap(s.cards, views.cardViews(session).map((v) => ({ key: v.id, value: v })));
    this.syncMap(s.clusters, views.clusterViews(session).map((v) => ({ key: v.id, value: v })));
    this.syncMap(s.eisen, views.revealedEisen(session).map((v) => ({ key: v.id, value: v })), this.boardCreated(session));
    this.syncMap(s.items, views.itemViews(session).map((v) => ({ key: v.id, value: v })), this.boardCreated(session));
    this.syncTables(session, online);
    this.syncMap(s.spanningen, views.openSpanningenView(session).map((v) => ({ key: v.spanningId, value: v })));
    const support = views.supportViews(session);
    this.syncMap(s.support, support.map((v) => ({ key: v.itemId, value: v })));
    this.syncMap(s.cases, views.caseViews(session).map((v) => ({ key: v.id, value: v })));
    s.suggestions = this.setJson(s.suggestions, views.boardSuggestions(session));
    s.kader = this.setJson(s.kader, views.kaderView(session, support));
    this.syncTerugkom(session);
    this.syncCounts(session);
    this.syncPrivate(session, online);
    // A phase, a split into tafels or a move can change what each participant may see of the board.
    this.regrantBoard(session);
  }

  /** The tafel overview: counts of people, eisen, items and votes per tafel, so almost anything can change it. */
  private syncTables(session: SessionState, online: views.Online): void {
    if (session.tables.size === 0 && this.state.tables.size === 0) return;
    this.syncMap(this.state.tables, views.tableViews(session, online).map((v) => ({ key: v.tableId, value: v })));
  }

  /** Arrivals per function and eisen per role: one entry, for the beamer and the spelleider only. */
  private syncCounts(session: SessionState): void {
    this.upsert(this.state.counts, COUNTS_KEY, views.countsView(session), (_key, entity) => this.grantCounts(entity));
  }

  private grantCounts(entity: Entity): void {
    for (const view of this.spelleiderViews) view.add(entity);
    for (const view of this.beamerViews) view.add(entity);
  }

  /** The terugkom header (with the order of its v2 items) and one entity per v2 item. */
  private syncTerugkom(session: SessionState): void {
    const terugkom = terugkomView(session);
    this.state.terugkom = this.setJson(this.state.terugkom, terugkom ? { ...terugkom, v2: [], v2Order: terugkom.v2.map((i) => i.itemId) } : null);
    this.syncMap(this.state.terugkomItems, (terugkom?.v2 ?? []).map((v) => ({ key: v.itemId, value: v })));
  }

  /** What happens to a new eis or item of the board: it is granted to those who may see it now. */
  private boardCreated(session: SessionState): Created<EisView | ItemView> {
    return (_key, entity, value) => {
      this.boardTables.set(entity, value.tableId);
      for (const view of this.spelleiderViews) view.add(entity);
      for (const view of this.beamerViews) view.add(entity);
      for (const [participantId, set] of this.participantViews) {
        if (!views.visibleIn(views.tableScopeFor(session, participantId), value.tableId)) continue;
        for (const view of set) view.add(entity);
      }
    };
  }

  /** Every participant's connections see exactly the board of their tafel scope (a participant can move). */
  private regrantBoard(session: SessionState): void {
    for (const [participantId, set] of this.participantViews) {
      const scope = views.tableScopeFor(session, participantId);
      for (const view of set) this.grantBoard(view, scope);
    }
  }

  private grantBoard(view: StateView, scope: string | "all"): void {
    for (const map of [this.state.eisen, this.state.items]) {
      for (const entity of map.values()) {
        const visible = views.visibleIn(scope, this.boardTables.get(entity) ?? null);
        if (visible && !view.has(entity)) view.add(entity);
        else if (!visible && view.has(entity)) view.remove(entity);
      }
    }
  }

  private syncPrivate(session: SessionState, online: views.Online): void {
    const ids = [...session.participants.keys()];
    this.syncMap(
      this.state.people,
      ids.flatMap((id) => {
        const person = views.personView(session, id, online);
        return person ? [{ key: id, value: person }] : [];
      }),
      (key, entity) => this.grantPerson(key, entity),
    );
    this.syncMap(
      this.state.mine,
      ids.map((id) => ({ key: id, value: views.mineView(session, id) })),
      (key, entity) => this.grantMine(key, entity),
    );
    const authors = new Map<string, string>();
    const drafts = ids.flatMap((id) =>
      views.draftsOf(session, id).map((d) => {
        authors.set(d.id, id);
        return { key: d.id, value: d };
      }),
    );
    this.syncMap(this.state.drafts, drafts, (key, entity) => this.grantDraft(key, authors.get(key) ?? "", entity));
    for (const key of [...this.draftAuthors.keys()]) if (!this.state.drafts.has(key)) this.draftAuthors.delete(key);
  }

  /** A new person entry: its participant's views and every spelleider view see it. */
  private grantPerson(participantId: string, entity: Entity): void {
    for (const view of this.spelleiderViews) view.add(entity);
    for (const view of this.participantViews.get(participantId) ?? []) view.add(entity);
  }

  private grantMine(participantId: string, entity: Entity): void {
    for (const view of this.participantViews.get(participantId) ?? []) view.add(entity);
  }

  private grantDraft(eisId: string, authorId: string, entity: Entity): void {
    this.draftAuthors.set(eisId, authorId);
    for (const view of this.participantViews.get(authorId) ?? []) view.add(entity);
  }

  /** A new connection sees the private entries it may see; entries made later are granted as they are made. */
  attach(view: StateView, audience: Audience, session: SessionState): void {
    const counts = this.state.counts.get(COUNTS_KEY);
    if (counts && audience.kind !== "participant") view.add(counts);
    if (audience.kind === "spelleider") {
      this.spelleiderViews.add(view);
      for (const person of this.state.people.values()) view.add(person);
      this.grantBoard(view, "all");
    }
    if (audience.kind === "beamer") {
      this.beamerViews.add(view);
      this.grantBoard(view, "all");
    }
    if (audience.kind === "participant") {
      const id = audience.participantId;
      const set = this.participantViews.get(id) ?? new Set();
      set.add(view);
      this.participantViews.set(id, set);
      const person = this.state.people.get(id);
      const mine = this.state.mine.get(id);
      if (person) view.add(person);
      if (mine) view.add(mine);
      for (const [eisId, authorId] of this.draftAuthors) {
        const draft = authorId === id ? this.state.drafts.get(eisId) : undefined;
        if (draft) view.add(draft);
      }
      this.grantBoard(view, views.tableScopeFor(session, id));
    }
  }

  detach(view: StateView): void {
    this.spelleiderViews.delete(view);
    this.beamerViews.delete(view);
    for (const set of this.participantViews.values()) set.delete(view);
  }
}

function cardView(session: SessionState, cardId: string) {
  const c = session.cards.get(cardId);
  return c ? views.cardView(c) : null;
}

function clusterView(session: SessionState, clusterId: string) {
  const c = session.clusters.get(clusterId);
  return c ? views.clusterView(c) : null;
}

function itemView(session: SessionState, itemId: string) {
  const item = session.items.get(itemId);
  return item && item.absorbedInto === null ? views.itemView(session, item) : null;
}

function revealedEis(session: SessionState, eisId: string) {
  const eis = session.eisen.get(eisId);
  return eis && eisVisible(session, eis) ? views.eisView(eis) : null;
}
