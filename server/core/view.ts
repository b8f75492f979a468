/**
 * playerView: what each viewer may see. Everyone sees the shared board with contributions by game role only;
 * a participant also sees their own name, briefing, drafts and ballot; the spelleider sees names, real roles and
 * who is ready, but not drafts or ballots.
 *
 * The one source: each phase's view file (server/core/views/<phase>.ts) says what its parts hold and who may see each
 * entry, and views/parts.ts says whom that reaches (`sees`). VIEW_PARTS lists them all; playerView picks one viewer's
 * entries, and the room's projection (server/rooms/projection.ts) diffs the same parts and grants each entry to the
 * connections that may see it.
 */
import { eisenInItems } from "#shared/protocol/views.ts";
import type { SessionState } from "./state.ts";
import * as beeldvorming from "./views/beeldvorming.ts";
import * as casustoets from "./views/casustoets.ts";
import * as lobby from "./views/lobby.ts";
import { nobodyOnline, sees, standingOf, type ListName, type ListPart, type Listed, type Online, type Part, type PlayerView, type Viewer } from "./views/parts.ts";
import * as prioriteren from "./views/prioriteren.ts";
import * as resultaat from "./views/resultaat.ts";
import * as rolwissel from "./views/rolwissel.ts";
import * as samenvoegen from "./views/samenvoegen.ts";
import * as tafels from "./views/tafels.ts";
import * as terugkom from "./views/terugkom.ts";

export type { Online, PlayerView, Viewer } from "./views/parts.ts";
export { tableScopeFor, visibleIn } from "./views/parts.ts";
export { cardView, cardViews, clusterView, clusterViews } from "./views/beeldvorming.ts";
export { caseViews } from "./views/casustoets.ts";
export { countsView, mineView, personView, phaseViews, proposalView, publicScenario, seatViews, sessionView } from "./views/lobby.ts";
export { supportViews } from "./views/prioriteren.ts";
export { kaderView } from "./views/resultaat.ts";
export { boardSuggestions, itemView, itemViews, openSpanningenView } from "./views/samenvoegen.ts";
export { tableViews } from "./views/tafels.ts";

/** Every part of a view, in the order of PlayerView. */
export const VIEW_PARTS: readonly Part[] = [
  lobby.session,
  lobby.scenario,
  lobby.seats,
  beeldvorming.cards,
  beeldvorming.clusters,
  rolwissel.eisen,
  samenvoegen.items,
  samenvoegen.spanningen,
  samenvoegen.suggestions,
  prioriteren.support,
  casustoets.cases,
  tafels.tables,
  resultaat.kader,
  terugkom.terugkom,
  lobby.people,
  lobby.mine,
  rolwissel.drafts,
  lobby.counts,
];

/** A draft is in no item: it is not on the board yet. */
const NO_ITEMS: readonly [] = [];

export function playerView(state: SessionState, viewer: Viewer, online: Online = nobodyOnline): PlayerView {
  const standing = standingOf(state, viewer);
  const seen = <N extends ListName>(part: ListPart<N>): Listed[N][] => part.entries(state, online).flatMap((e) => (sees(standing, e.seenBy) ? [e.value] : []));
  const items = seen(samenvoegen.items);
  return {
    session: lobby.session.value(state, online),
    scenario: lobby.scenario.value(state, online),
    seats: seen(lobby.seats),
    cards: seen(beeldvorming.cards),
    clusters: seen(beeldvorming.clusters),
    // Which item an eis is in, as the client reads it: from the items this viewer sees (see BoardEis).
    eisen: eisenInItems(seen(rolwissel.eisen), items),
    items,
    spanningen: seen(samenvoegen.spanningen),
    suggestions: samenvoegen.boardSuggestions(state),
    support: seen(prioriteren.support),
    cases: seen(casustoets.cases),
    tables: seen(tafels.tables),
    kader: resultaat.kader.value(state, online),
    terugkom: terugkom.terugkom.value(state, online),
    people: seen(lobby.people),
    mine: seen(lobby.mine)[0] ?? null,
    drafts: eisenInItems(seen(rolwissel.drafts), NO_ITEMS),
    counts: seen(lobby.counts)[0] ?? null,
  };
}
