/** What beeldvorming (server/core/beeldvorming.ts) makes visible: the cards and clusters, for everyone; a card's author never. */
import type { CardView, ClusterView } from "#shared/protocol/views.ts";
import type { Card, Cluster, SessionState } from "../state.ts";
import { forEveryone, type ListPart } from "./parts.ts";

export const cardView = (c: Card): CardView => ({ id: c.id, promptId: c.promptId, text: c.text, clusterId: c.clusterId });
export const cardViews = (state: SessionState): CardView[] => [...state.cards.values()].map(cardView);

export const clusterView = (c: Cluster): ClusterView => ({ id: c.id, promptId: c.promptId, label: c.label });
export const clusterViews = (state: SessionState): ClusterView[] => [...state.clusters.values()].map(clusterView);

export const cards: ListPart<"cards"> = { kind: "list", name: "cards", reads: ["cards"], entries: (state) => forEveryone(cardViews(state), (c) => c.id) };
export const clusters: ListPart<"clusters"> = { kind: "list", name: "clusters", reads: ["cards"], entries: (state) => forEveryone(clusterViews(state), (c) => c.id) };
