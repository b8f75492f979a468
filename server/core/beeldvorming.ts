/**
 * Phase 1, beeldvorming: everyone posts short cards on the scenario's prompts, anonymously, and the group
 * clusters them into a shared picture of maatwerk.
 */
import type { CommandOf } from "#shared/protocol/commands.ts";
import type { EventOf } from "#shared/protocol/events.ts";
import { accept, reject, type Decision } from "./decision.ts";
import { requirePhase } from "./phaseNames.ts";
import { countWhere, type SessionState } from "./state.ts";

/** Enough for a full wall of cards; more than this is a runaway client, not a person. */
export const MAX_CARDS_PER_PARTICIPANT = 40;

const promptExists = (state: SessionState, promptId: string) =>
  state.scenario.beeldvorming.prompts.some((p) => p.id === promptId);

export function decideCardPost(state: SessionState, cmd: CommandOf<"card.post">, participantId: string, now: number): Decision {
  const wrong = requirePhase(state, "beeldvorming", "Een kaartje plaatsen");
  if (wrong) return wrong;
  if (!promptExists(state, cmd.promptId)) return reject("niet_gevonden", "Deze vraag hoort niet bij het scenario.");
  if (state.cards.has(cmd.cardId)) return reject("bestaat_al", "Dit kaartje bestaat al.");
  const mine = countWhere(state.cards, (c) => c.authorId === participantId);
  if (mine >= MAX_CARDS_PER_PARTICIPANT) return reject("te_veel", `Je hebt al ${MAX_CARDS_PER_PARTICIPANT} kaartjes geplaatst; dat is het maximum.`);
  return accept(now, { type: "CardPosted", cardId: cmd.cardId, promptId: cmd.promptId, text: cmd.text, authorId: participantId });
}

export function decideCardRemove(state: SessionState, cmd: CommandOf<"card.remove">, participantId: string, now: number): Decision {
  const wrong = requirePhase(state, "beeldvorming", "Een kaartje weghalen");
  if (wrong) return wrong;
  const card = state.cards.get(cmd.cardId);
  if (!card) return reject("niet_gevonden", "Dit kaartje bestaat niet (meer).");
  if (card.authorId !== participantId) return reject("niet_toegestaan", "Je kunt alleen je eigen kaartjes weghalen.");
  return accept(now, { type: "CardRemoved", cardId: card.id });
}

export function decideClusterCreate(state: SessionState, cmd: CommandOf<"cluster.create">, now: number): Decision {
  const wrong = requirePhase(state, "beeldvorming", "Een cluster maken");
  if (wrong) return wrong;
  if (!promptExists(state, cmd.promptId)) return reject("niet_gevonden", "Deze vraag hoort niet bij het scenario.");
  if (state.clusters.has(cmd.clusterId)) return reject("bestaat_al", "Dit cluster bestaat al.");
  return accept(now, { type: "ClusterCreated", clusterId: cmd.clusterId, promptId: cmd.promptId, label: cmd.label });
}

export function decideClusterRename(state: SessionState, cmd: CommandOf<"cluster.rename">, now: number): Decision {
  const wrong = requirePhase(state, "beeldvorming", "Een cluster hernoemen");
  if (wrong) return wrong;
  if (!state.clusters.has(cmd.clusterId)) return reject("niet_gevonden", "Dit cluster bestaat niet.");
  return accept(now, { type: "ClusterRenamed", clusterId: cmd.clusterId, label: cmd.label });
}

export function decideCardCluster(state: SessionState, cmd: CommandOf<"card.cluster">, now: number): Decision {
  const wrong = requirePhase(state, "beeldvorming", "Kaartjes clusteren");
  if (wrong) return wrong;
  const card = state.cards.get(cmd.cardId);
  if (!card) return reject("niet_gevonden", "Dit kaartje bestaat niet (meer).");
  if (cmd.clusterId !== null) {
    const cluster = state.clusters.get(cmd.clusterId);
    if (!cluster) return reject("niet_gevonden", "Dit cluster bestaat niet.");
    if (cluster.promptId !== card.promptId) return reject("ongeldig", "Een kaartje kan alleen in een cluster bij dezelfde vraag.");
  }
  if (card.clusterId === cmd.clusterId) return reject("ongeldig", "Het kaartje ligt daar al.");
  return accept(now, { type: "CardClustered", cardId: card.id, clusterId: cmd.clusterId });
}

type BeeldvormingEvent = EventOf<"CardPosted" | "CardRemoved" | "ClusterCreated" | "ClusterRenamed" | "CardClustered">;

export function applyBeeldvorming(state: SessionState, event: BeeldvormingEvent): void {
  switch (event.type) {
    case "CardPosted":
      state.cards.set(event.cardId, { id: event.cardId, promptId: event.promptId, text: event.text, authorId: event.authorId, clusterId: null });
      return;
    case "CardRemoved":
      state.cards.delete(event.cardId);
      return;
    case "ClusterCreated":
      state.clusters.set(event.clusterId, { id: event.clusterId, promptId: event.promptId, label: event.label });
      return;
    case "ClusterRenamed": {
      const cluster = state.clusters.get(event.clusterId);
      if (cluster) cluster.label = event.label;
      return;
    }
    case "CardClustered": {
      const card = state.cards.get(event.cardId);
      if (card) card.clusterId = event.clusterId;
      return;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
