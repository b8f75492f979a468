/**
 * Projects the core state onto the Colyseus schema. What a view holds and who may see each entry is core's
 * (server/core/views: VIEW_PARTS, `sees`); this only diffs what core says and grants each entry to the connections
 * that may see it. Nothing here knows which event changes what.
 *
 * Every sync takes the parts made of what the generation changed (core says which areas of the state each event
 * changes and each part is made of) and compares each entry with what was projected before, as data (no JSON unless
 * it changed), so only what changed is written to the schema and patched. Each entry is granted by its
 * `seenBy` to the connections whose standing (core's `standingOf`: for a participant, the tafel scope of the board)
 * `sees` it: when an entry is made, when who may see it changes, and when a connection's standing changes (a phase,
 * a split into tafels, a move). The Reach of a sync is whom its changed entries reach.
 *
 * Derived parts (the duplicate suggestions) are not computed before a command is answered: the sync notes that the
 * part's areas changed, and after the answers have gone out, at most every DERIVED_INTERVAL_MS, in turns with the
 * other rooms' derived work within a share of the loop (derivedTurns.ts), the input is taken from the state as it is
 * then and the value computed from it. The input is taken only when the state is the one last projected (`isCurrent`:
 * the room says so; not while it holds events that are not stored and projected yet), and labelled with that seq, so
 * whatever it shows is what core computes for the state at that seq, and the terugblik shows the same there. Taking
 * the input once per computation instead of after every generation: in samenvoegen a session makes several
 * generations a second and the suggestions are computed every two seconds, and taking the board's input was 4 % of the
 * main thread at 3,000 participants. A state with nothing to compute (not a board phase) and a full sync (the room
 * opening, a rebuild) compute at once.
 *
 * tests/integration/projection.test.ts checks, for random sessions, that after every generation each audience holds
 * exactly core's playerView and that connections a sync did not reach missed nothing.
 */
import type { StateView } from "@colyseus/schema";
import { VIEW_PARTS } from "../core/view.ts";
import { COUNTS_KEY } from "../core/views/lobby.ts";
import { AREA_OF, STANDING_READS, sameSeenBy, seenByAll, sameStanding, sameValue, sees, scopeOf, standingOf, type Area, type KeyKind, type DerivedInput, type DerivedPart, type FieldName, type ListName, type Online, type SeenBy, type Standing, type Viewer } from "../core/views/parts.ts";
import type { SessionState } from "../core/state.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { KaderV2Item, TerugkomView } from "#shared/protocol/views.ts";
import { Entity, SessionRoomState } from "#shared/protocol/schema.ts";
import { prepareLater, scheduleDerived, type DerivedTicket } from "./derivedTurns.ts";

export { COUNTS_KEY };

/** Texts that are the same in many rooms; see setJson. */
const sharedTexts = new Map<string, string>();

/** The first derived value waits this long after the change (the answers go out first)... */
export const DERIVED_DELAY_MS = 20;
/** ...and the next one at least this long after the one before. */
export const DERIVED_INTERVAL_MS = 2_000;

/**
 * Whose connections a projection changed something for. Most commands of a busy session change only private entries
 * (a draft eis and its author's counts, a ballot): then only their participant and the spelleider need a patch, not
 * every phone in the session. Anything shared (a top-level field or a map everyone receives) reaches everyone.
 */
export type Reach = { everyone: true } | { everyone: false; participants: ReadonlySet<string>; spelleider: boolean; beamer: boolean };

/** Who a connection is: core's viewer. */
export type Audience = Viewer;

/** The maps of the schema whose entries each connection sees only when granted (`.view()` in schema.ts). */
type MapName = ListName | "terugkomItems";
/** The maps of the state: one per list, and the shared twins of the board's granted maps. */
type StateMap = MapName | "groupEisen" | "groupItems";
const GRANTED: ReadonlySet<StateMap> = new Set<StateMap>(["eisen", "items", "people", "mine", "drafts", "counts"]);

/**
 * Where an entry of a list lives in the state: an eis or item everyone sees (no tafel, or the plenair's) in the shared
 * twin of its granted map, so a change to it is encoded once for every connection (see schema.ts).
 */
function mapOf(name: MapName, seenBy: SeenBy): StateMap {
  if (!seenByAll(seenBy)) return name;
  return name === "eisen" ? "groupEisen" : name === "items" ? "groupItems" : name;
}

/** One projected entry: its entity, the value its JSON was made from, and who may see it. */
interface Slot {
  entity: Entity;
  /** The map of the state it is in (see mapOf). */
  map: StateMap;
  value: unknown;
  seenBy: SeenBy;
  /** The sync that last found it among core's entries. */
  stamp: number;
}

interface Connection {
  viewer: Viewer;
  standing: Standing;
}

/** An entry as core gives it. */
type Projected = { key: string; value: unknown; seenBy: SeenBy };

/** The keys of the keyed parts that the events can change (see scopeOf), together; null: any. */
type Keys = { [K in KeyKind]: string[] | null };
const ANY_KEYS: Readonly<Keys> = { participants: null, eisen: null, items: null };

function keysOf(events: readonly SessionEvent[], session: SessionState): Keys {
  const keys: Keys = { participants: [], eisen: [], items: [] };
  const add = (known: string[] | null, more: readonly string[] | null): string[] | null => (known && more ? (more.length === 0 ? known : [...known, ...more]) : null);
  for (const event of events) {
    const scope = scopeOf(event, session);
    keys.participants = add(keys.participants, scope.participants);
    keys.eisen = add(keys.eisen, scope.eisen);
    keys.items = add(keys.items, scope.items);
  }
  return keys;
}

/** The derived parts of the views (the duplicate suggestions). */
const DERIVED_PARTS: readonly DerivedPart[] = VIEW_PARTS.flatMap((part) => (part.kind === "derived" ? [part] : []));

/** Hands what the events allow ahead of a derived computation to the turns (derivedTurns.ts), to be done when the loop has room. */
function prepareAhead(events: readonly SessionEvent[]): void {
  for (const part of DERIVED_PARTS) {
    for (const event of events) {
      const prepare = part.prepare(event);
      if (prepare) prepareLater(prepare);
    }
  }
}

/** Who came online or went offline. */
function onlineChanges(before: ReadonlySet<string>, now: ReadonlySet<string>): string[] {
  const changed: string[] = [];
  for (const id of before) if (!now.has(id)) changed.push(id);
  for (const id of now) if (!before.has(id)) changed.push(id);
  return changed;
}

const sameMembers = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
};

export class Projector {
  readonly state = new SessionRoomState();
  private readonly slots = new Map<MapName, Map<string, Slot>>();
  /** The last value of each top-level field (what its JSON was made from). */
  private readonly fields = new Map<FieldName, unknown>();
  private readonly connections = new Map<StateView, Connection>();
  /** UTF-8 bytes of every entity (key and JSON) and top-level string: kept up to date for `encodedSizeBound`. */
  private bytes = 0;
  private entities = 0;
  /** What the projection under way changed, and for whom (see Reach). */
  private changedShared = false;
  private readonly changedFor = new Set<string>();
  private changedForSpelleider = false;
  private changedForBeamer = false;
  /** The derived part: the input of the value shown, a newer one waiting, and when the last was computed. */
  private derivedShown: DerivedInput | null = null;
  private derivedWaiting: DerivedInput | null = null;
  /** The seq of the waiting input. */
  private derivedSeq = 0;
  /** The due time of a turn that found the state not current (see scheduleDerived). */
  private derivedMissed: number | null = null;
  /** The derived part's areas changed since its input was last taken: taken again when it is computed. */
  private derivedDirty: { part: DerivedPart; session: SessionState } | null = null;
  /**
   * Whether the state the projection was last synced with is still as it was then (no events folded in since that are
   * not projected yet): only then is a derived input taken from it. The room's pipeline sets this.
   */
  isCurrent: () => boolean = () => true;
  private derivedAt = -Infinity;
  private derivedTicket: DerivedTicket | null = null;
  /** Whether anything was projected yet (until then every part is taken). */
  private synced = false;
  /** Counts the lists synced, to tell entries that are gone. */
  private stamp = 0;
  /** Who was online at the last sync. */
  private online = new Set<string>();
  /** Called after a derived value was projected later (its reach: everyone). Unset, Colyseus' own patch timer sends it. */
  onDerived: ((reach: Reach) => void) | null = null;

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

  /** Notes whom a change to an entry seen by `seenBy` reaches. */
  private reached(seenBy: SeenBy): void {
    switch (seenBy.kind) {
      case "everyone":
        this.changedShared = true;
        return;
      case "staff":
        this.changedForSpelleider = true;
        this.changedForBeamer = true;
        return;
      case "own":
        this.changedFor.add(seenBy.participantId);
        if (seenBy.spelleider) this.changedForSpelleider = true;
        return;
      case "tafel":
        // The whole group's board: everyone (it travels in a shared map).
        if (seenBy.tableId === null) {
          this.changedShared = true;
          return;
        }
        this.changedForSpelleider = true;
        this.changedForBeamer = true;
        for (const { standing } of this.connections.values()) if (standing.kind === "participant" && sees(standing, seenBy)) this.changedFor.add(standing.participantId);
        return;
      default: {
        const unreachable: never = seenBy;
        return unreachable;
      }
    }
  }

  /**
   * An upper bound of the bytes a full encode of the state takes (shared part plus any one connection's private
   * part): the strings' UTF-8 bytes, and for each entry a generous allowance for its framing. See schema.ts.
   */
  encodedSizeBound(): number {
    return this.bytes + 32 * this.entities + 4096;
  }

  /**
   * Projects the state at `seq`: every part core defines, diffed with what is there. `events`: those of the
   * generation just applied (not needed to know what changed; without them this is a full sync: the room opening or
   * a rebuild, which computes derived parts at once and patches everyone). Says whose connections need a patch.
   */
  sync(session: SessionState, online: Online, seq: number, events?: readonly SessionEvent[]): Reach {
    this.startReach();
    const full = events === undefined;
    const all = full || !this.synced;
    this.synced = true;
    const changed = new Set<Area>();
    for (const event of events ?? []) changed.add(AREA_OF[event.type]);
    // What the events allow ahead of a derived computation (core says what): done when the loop has room.
    if (events) prepareAhead(events);
    // Which entries of the keyed parts (per participant, per eis) this generation can change; null: any.
    const keys = all ? ANY_KEYS : keysOf(events ?? [], session);
    if (!sameMembers(this.online, online)) {
      changed.add("presence");
      keys.participants?.push(...onlineChanges(this.online, online));
      this.online = new Set(online);
    }
    this.state.seq = seq;
    const moved: StateView[] = [];
    const standings = all || STANDING_READS.some((area) => changed.has(area));
    for (const [view, connection] of standings ? this.connections : []) {
      const standing = standingOf(session, connection.viewer);
      if (sameStanding(standing, connection.standing)) continue;
      connection.standing = standing;
      moved.push(view);
      if (standing.kind === "participant") this.changedFor.add(standing.participantId);
    }
    for (const part of VIEW_PARTS) {
      // A part made only of areas this generation did not change is as it was.
      if (!all && part.reads && !part.reads.some((area) => changed.has(area))) continue;
      switch (part.kind) {
        case "list":
          {
            // A part keyed by participant or eis is taken for the keys the events name (not after a change of standing).
            const only = part.keyed && !standings ? keys[part.keyed.by] : null;
            if (only) this.syncKeys(part.name, only, (key) => part.keyed?.entry(session, online, key) ?? null);
            else this.syncList(part.name, part.entries(session, online));
          }
          break;
        case "field":
          if (part.name === "terugkom") this.syncTerugkom(part.value(session, online));
          else this.setField(part.name, part.value(session, online));
          break;
        case "derived":
          this.syncDerived(part, session, full);
          break;
        default: {
          const unreachable: never = part;
          return unreachable;
        }
      }
    }
    // A connection whose standing changed sees exactly what it now may.
    for (const view of moved) this.grantAll(view);
    // A derived input not taken because the state had moved on is taken after a later generation.
    this.scheduleDerived();
    return full ? { everyone: true } : this.reach();
  }

  /** Someone came or went: their seat, their person entry and the online counts (a sync like any other). */
  syncPresence(session: SessionState, online: Online, seq: number, _participantId: string): void {
    this.sync(session, online, seq, []);
  }

  /** Computes a derived value that waits, now (tests, and whoever needs the projection exact at this seq). */
  settleDerived(): Reach {
    this.startReach();
    this.takeDerived();
    this.runDerived();
    return this.reach();
  }

  /** Whether a derived value waits to be computed (its input is taken to know, when the state is current). */
  get derivedPending(): boolean {
    this.takeDerived();
    return this.derivedWaiting !== null || this.derivedDirty !== null;
  }

  /** The room closes: nothing more is computed. */
  dispose(): void {
    this.derivedTicket?.cancel();
    this.derivedTicket = null;
    this.derivedWaiting = null;
    this.derivedDirty = null;
    this.derivedMissed = null;
  }

  private slotsOf(name: MapName): Map<string, Slot> {
    let slots = this.slots.get(name);
    if (!slots) {
      slots = new Map();
      this.slots.set(name, slots);
    }
    return slots;
  }

  /** Brings one map in line with core's entries: new ones added and granted, changed ones rewritten, gone ones removed. */
  private syncList(name: MapName, entries: readonly Projected[]): void {
    const slots = this.slotsOf(name);
    const stamp = ++this.stamp;
    let found = 0;
    for (const entry of entries) if (this.syncEntry(name, slots, entry, stamp)) found++;
    // Entries synced now carry this stamp: every other one is gone.
    if (found === slots.size) return;
    for (const [key, slot] of slots) if (slot.stamp !== stamp) this.drop(name, slots, key, slot);
  }

  /** Brings the entries of `keys` in line with core's (made, rewritten or gone); the others stay as they are. */
  private syncKeys(name: MapName, keys: readonly string[], entryOf: (key: string) => Projected | null): void {
    const slots = this.slotsOf(name);
    const stamp = ++this.stamp;
    for (const key of keys) {
      const entry = entryOf(key);
      if (entry) {
        if (entry.key !== key) throw new Error(`${name}: de regel van '${key}' heeft sleutel '${entry.key}'.`);
        this.syncEntry(name, slots, entry, stamp);
        continue;
      }
      const slot = slots.get(key);
      if (slot) this.drop(name, slots, key, slot);
    }
  }

  /** One entry: made and granted when new, rewritten when its value changed, granted anew when who sees it changed. */
  private syncEntry(name: MapName, slots: Map<string, Slot>, { key, value, seenBy }: Projected, stamp: number): boolean {
    if (!GRANTED.has(name) && seenBy.kind !== "everyone") throw new Error(`${name} is een gedeelde kaart: elke verbinding krijgt alles, dus '${key}' kan niet alleen voor sommigen zijn.`);
    const slot = slots.get(key);
    if (!slot) {
      const json = JSON.stringify(value);
      const entity = new Entity({ json });
      const map = mapOf(name, seenBy);
      this.state[map].set(key, entity);
      slots.set(key, { entity, map, value, seenBy, stamp });
      this.bytes += Buffer.byteLength(key) + Buffer.byteLength(json);
      this.entities++;
      if (GRANTED.has(map)) this.grant(entity, seenBy);
      this.reached(seenBy);
      return true;
    }
    // The same key twice in one list is counted once.
    const counted = slot.stamp !== stamp;
    slot.stamp = stamp;
    if (!sameValue(slot.value, value)) {
      slot.value = value;
      const json = JSON.stringify(value);
      if (json !== slot.entity.json) {
        this.bytes += Buffer.byteLength(json) - Buffer.byteLength(slot.entity.json);
        slot.entity.json = json;
        this.reached(slot.seenBy);
      }
    }
    if (!sameSeenBy(slot.seenBy, seenBy)) {
      this.reached(slot.seenBy);
      slot.seenBy = seenBy;
      this.reached(seenBy);
      this.move(key, slot, mapOf(name, seenBy));
      if (GRANTED.has(slot.map)) this.grant(slot.entity, seenBy);
    }
    return counted;
  }

  /** An entry whose audience changed between a tafel and the whole group goes to the other map, as a new entity. */
  private move(key: string, slot: Slot, map: StateMap): void {
    if (map === slot.map) return;
    this.state[slot.map].delete(key);
    slot.entity = new Entity({ json: slot.entity.json });
    slot.map = map;
    this.state[map].set(key, slot.entity);
  }

  private drop(name: MapName, slots: Map<string, Slot>, key: string, slot: Slot): void {
    slots.delete(key);
    this.state[slot.map].delete(key);
    this.bytes -= Buffer.byteLength(key) + Buffer.byteLength(slot.entity.json);
    this.entities--;
    this.reached(slot.seenBy);
  }

  /** Gives an entity to every connection that may see it, and takes it from those that no longer may. */
  private grant(entity: Entity, seenBy: SeenBy): void {
    for (const [view, { standing }] of this.connections) {
      if (sees(standing, seenBy)) {
        if (!view.has(entity)) view.add(entity);
      } else if (view.has(entity)) view.remove(entity);
    }
  }

  /** A connection sees exactly the granted entries its standing allows. */
  private grantAll(view: StateView): void {
    const connection = this.connections.get(view);
    if (!connection) return;
    for (const slots of this.slots.values()) {
      for (const { entity, seenBy, map } of slots.values()) {
        if (!GRANTED.has(map)) continue;
        const visible = sees(connection.standing, seenBy);
        if (visible && !view.has(entity)) view.add(entity);
        else if (!visible && view.has(entity)) view.remove(entity);
      }
    }
  }

  /**
   * A top-level JSON string field, rewritten only when its value changed. The public scenario is the same text in
   * every room of a scenario: kept once in memory.
   */
  private setField(name: Exclude<FieldName, "terugkom">, value: unknown): void {
    if (this.fields.has(name) && sameValue(this.fields.get(name), value)) return;
    this.fields.set(name, value);
    this.state[name] = this.json(this.state[name], value, name === "scenario");
  }

  private json(current: string, value: unknown, shared = false): string {
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

  /** The terugkom header (with the order of its v2 items) as one field, and one entity per v2 item: one reflection patches one item. */
  private syncTerugkom(terugkom: TerugkomView | null): void {
    if (!this.fields.has("terugkom") || !sameValue(this.fields.get("terugkom"), terugkom)) {
      this.fields.set("terugkom", terugkom);
      this.state.terugkom = this.json(this.state.terugkom, terugkom ? { ...terugkom, v2: [], v2Order: terugkom.v2.map((i) => i.itemId) } : null);
    }
    this.syncList("terugkomItems", (terugkom?.v2 ?? []).map((value: KaderV2Item) => ({ key: value.itemId, value, seenBy: { kind: "everyone" as const } })));
  }

  /** Notes that the derived part may have changed; computes at once on a full sync or when there is nothing to compute. */
  private syncDerived(part: DerivedPart, session: SessionState, now: boolean): void {
    this.derivedDirty = { part, session };
    if (!now && !part.idle(session)) return;
    this.takeDerived();
    if (now || this.derivedWaiting?.cheap) this.runDerived();
  }

  /** Takes the input of a changed derived part from the state, when the state is the one last projected. */
  private takeDerived(): void {
    const dirty = this.derivedDirty;
    if (!dirty || !this.isCurrent()) return;
    this.derivedDirty = null;
    const input = dirty.part.input(dirty.session);
    const latest = this.derivedWaiting ?? this.derivedShown;
    if (latest && latest.same(input)) return;
    this.derivedWaiting = input;
    this.derivedSeq = this.state.seq;
  }

  /**
   * Asks for a turn to compute the derived part, if it changed and none is asked for yet. A turn that came while the
   * state was not current (a busy room is often between storing a generation and projecting it) keeps its place in
   * line: the sync after that generation asks again with the same due time, so the others that waited less go after it.
   */
  private scheduleDerived(): void {
    if (this.derivedTicket || (!this.derivedDirty && !this.derivedWaiting)) return;
    const due = this.derivedMissed ?? Math.max(Date.now() + DERIVED_DELAY_MS, this.derivedAt + DERIVED_INTERVAL_MS);
    this.derivedMissed = null;
    this.derivedTicket = scheduleDerived(due, () => {
      this.derivedTicket = null;
      this.takeDerived();
      if (this.derivedDirty) {
        // Not current (events not projected yet): the sync after them asks again, at this due time.
        this.derivedMissed = due;
        return;
      }
      if (!this.derivedWaiting) return;
      this.startReach();
      this.runDerived();
      this.onDerived?.(this.reach());
    });
  }

  private runDerived(): void {
    this.derivedTicket?.cancel();
    this.derivedTicket = null;
    const input = this.derivedWaiting;
    if (!input) return;
    this.derivedWaiting = null;
    this.derivedShown = input;
    if (!input.cheap) this.derivedAt = Date.now();
    this.state.suggestions = this.json(this.state.suggestions, input.compute());
    this.state.suggestionsSeq = this.derivedSeq;
  }

  /** A new connection sees what its standing allows; entries made later are granted as they are made. */
  attach(view: StateView, audience: Audience, session: SessionState): void {
    this.connections.set(view, { viewer: audience, standing: standingOf(session, audience) });
    this.grantAll(view);
  }

  detach(view: StateView): void {
    this.connections.delete(view);
  }
}
