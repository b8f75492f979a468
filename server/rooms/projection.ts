/**
 * Projects the core state onto the Colyseus schema after every applied command. Entities are compared by their
 * JSON, so only what changed is patched; views are granted so private entries reach only those allowed.
 */
import type { MapSchema, StateView } from "@colyseus/schema";
import { z } from "zod";
import type { SessionState } from "../core/state.ts";
import { terugkomView } from "../core/terugkom.ts";
import * as views from "../core/view.ts";
import { Entity, SessionRoomState } from "./schema.ts";

type Keyed = { key: string; value: unknown };

const TableOfSchema = z.object({ tableId: z.string().nullable() });
/** The tafel an eis or item belongs to, read back from its projected JSON (which this module wrote itself). */
function tableIdOf(json: string): string | null {
  const parsed = TableOfSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data.tableId : null;
}

function syncMap(map: MapSchema<Entity>, entries: readonly Keyed[]): void {
  const seen = new Set<string>();
  for (const { key, value } of entries) {
    seen.add(key);
    const json = JSON.stringify(value);
    const existing = map.get(key);
    if (!existing) map.set(key, new Entity({ json }));
    else if (existing.json !== json) existing.json = json;
  }
  for (const key of [...map.keys()]) if (!seen.has(key)) map.delete(key);
}

const setJson = (current: string, value: unknown): string => {
  const json = JSON.stringify(value);
  return json === current ? current : json;
};

export type Audience = { kind: "participant"; participantId: string } | { kind: "spelleider" } | { kind: "beamer" };

export class Projector {
  readonly state = new SessionRoomState();
  private readonly participantViews = new Map<string, Set<StateView>>();
  private readonly spelleiderViews = new Set<StateView>();
  /** The beamer sees the whole board (eisen and items of every tafel), like the spelleider. */
  private readonly beamerViews = new Set<StateView>();

  sync(session: SessionState, online: views.Online, seq: number): void {
    const s = this.state;
    s.seq = seq;
    s.session = setJson(s.session, views.sessionView(session, online));
    if (!s.scenario) s.scenario = JSON.stringify(views.publicScenario(session.scenario));
    syncMap(s.seats, views.seatViews(session, online).map((v) => ({ key: v.participantId, value: v })));
    syncMap(s.cards, views.cardViews(session).map((v) => ({ key: v.id, value: v })));
    syncMap(s.clusters, views.clusterViews(session).map((v) => ({ key: v.id, value: v })));
    syncMap(s.eisen, views.revealedEisen(session).map((v) => ({ key: v.id, value: v })));
    syncMap(s.items, views.itemViews(session).map((v) => ({ key: v.id, value: v })));
    syncMap(s.spanningen, views.openSpanningenView(session).map((v) => ({ key: v.spanningId, value: v })));
    syncMap(s.support, views.supportViews(session).map((v) => ({ key: v.itemId, value: v })));
    syncMap(s.cases, views.caseViews(session).map((v) => ({ key: v.id, value: v })));
    syncMap(s.tables, views.tableViews(session, online).map((v) => ({ key: v.tableId, value: v })));
    s.suggestions = setJson(s.suggestions, views.boardSuggestions(session));
    s.kader = setJson(s.kader, views.kaderView(session));
    const terugkom = terugkomView(session);
    s.terugkom = setJson(s.terugkom, terugkom ? { ...terugkom, v2: [], v2Order: terugkom.v2.map((i) => i.itemId) } : null);
    syncMap(s.terugkomItems, (terugkom?.v2 ?? []).map((v) => ({ key: v.itemId, value: v })));
    this.syncPrivate(session, online);
  }

  private syncPrivate(session: SessionState, online: views.Online): void {
    const ids = [...session.participants.keys()];
    syncMap(this.state.people, ids.flatMap((id) => {
      const person = views.personView(session, id, online);
      return person ? [{ key: id, value: person }] : [];
    }));
    syncMap(this.state.mine, ids.map((id) => ({ key: id, value: views.mineView(session, id) })));
    syncMap(this.state.drafts, ids.flatMap((id) => views.draftsOf(session, id).map((d) => ({ key: d.id, value: d }))));
    this.grant(session);
  }

  /** Makes every private entry visible to exactly the views allowed to see it. Adding twice is harmless. */
  private grant(session: SessionState): void {
    for (const view of this.spelleiderViews) for (const person of this.state.people.values()) view.add(person);
    for (const view of [...this.spelleiderViews, ...this.beamerViews]) this.grantBoard(view, "all");
    for (const [participantId, set] of this.participantViews) {
      const person = this.state.people.get(participantId);
      const mine = this.state.mine.get(participantId);
      const drafts = views.draftsOf(session, participantId).flatMap((d) => this.state.drafts.get(d.id) ?? []);
      const scope = views.tableScopeFor(session, participantId);
      for (const view of set) {
        if (person) view.add(person);
        if (mine) view.add(mine);
        for (const draft of drafts) view.add(draft);
        this.grantBoard(view, scope);
      }
    }
  }

  /** Eisen and items of the tafels in scope are added to a view, the others taken out (a participant can move). */
  private grantBoard(view: StateView, scope: string | "all"): void {
    for (const map of [this.state.eisen, this.state.items]) {
      for (const entity of map.values()) {
        const visible = views.visibleIn(scope, tableIdOf(entity.json));
        if (visible && !view.has(entity)) view.add(entity);
        else if (!visible && view.has(entity)) view.remove(entity);
      }
    }
  }

  attach(view: StateView, audience: Audience, session: SessionState): void {
    if (audience.kind === "spelleider") this.spelleiderViews.add(view);
    if (audience.kind === "beamer") this.beamerViews.add(view);
    if (audience.kind === "participant") {
      const set = this.participantViews.get(audience.participantId) ?? new Set();
      set.add(view);
      this.participantViews.set(audience.participantId, set);
    }
    this.grant(session);
  }

  detach(view: StateView): void {
    this.spelleiderViews.delete(view);
    this.beamerViews.delete(view);
    for (const set of this.participantViews.values()) set.delete(view);
  }
}
