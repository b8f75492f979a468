/** One beeldvorming prompt: post a card, the group's clusters with their cards, the cards not yet clustered. */
import { useRef, useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { newId } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { useCommand } from "../../../hooks.ts";
import { BoardCard, type CardMove } from "./BoardCard.tsx";
import { CardPost } from "./CardPost.tsx";
import { ClusterGroup } from "./ClusterGroup.tsx";
import { ClusterNameForm } from "./ClusterNameForm.tsx";
import { fieldId } from "./lookup.ts";

export function PromptBoard(props: { conn: Connection; snap: Snapshot; promptId: string; text: string; canPost: boolean; canMove: boolean }) {
  const { conn, snap, promptId } = props;
  const texts = t.participant.beeldvorming;
  const cards = snap.cards.filter((c) => c.promptId === promptId);
  const clusters = snap.clusters.filter((c) => c.promptId === promptId);
  const loose = cards.filter((c) => c.clusterId === null || !clusters.some((cl) => cl.id === c.clusterId));
  const mine = new Set(snap.mine?.cardIds ?? []);

  // One command state for moving cards, kept here because a moved card re-mounts in its new group.
  const [moveRun, moveState] = useCommand(conn);
  const [movedCard, setMovedCard] = useState<string | null>(null);
  const focus = useRef<string | null>(null);
  const moves: CardMove = {
    move: (cardId, clusterId) => {
      setMovedCard(cardId);
      void moveRun({ type: "card.cluster", cardId, clusterId });
    },
    cardId: movedCard,
    state: moveState,
    focus,
  };

  const [createRun, createState] = useCommand(conn);
  const create = async (label: string) => (await createRun({ type: "cluster.create", clusterId: newId("cl"), promptId, label })).ok;
  const headingId = fieldId("vraag", promptId);

  return (
    <section class="card p-prompt" aria-labelledby={headingId} id={fieldId("vraag-sectie", promptId)}>
      <h2 id={headingId} class="p-prompt-title">{props.text}</h2>
      {props.canPost ? <CardPost conn={conn} snap={snap} promptId={promptId} /> : null}

      {clusters.length > 0 ? (
        <ul class="p-clusters" aria-label={texts.clustersTitle}>
          {clusters.map((cluster) => (
            <ClusterGroup
              key={cluster.id}
              conn={conn}
              snap={snap}
              cluster={cluster}
              clusters={clusters}
              cards={cards.filter((c) => c.clusterId === cluster.id)}
              canMove={props.canMove}
              moves={moves}
            />
          ))}
        </ul>
      ) : null}

      {cards.length === 0 ? <p class="small muted">{texts.noCards}</p> : null}
      {loose.length > 0 ? (
        <div class="p-loose">
          <h3 class="p-loose-title">{clusters.length > 0 ? texts.unclustered : texts.cardsTitle}</h3>
          <ul class="p-cards">
            {loose.map((card) => (
              <BoardCard key={card.id} conn={conn} card={card} clusters={clusters} own={mine.has(card.id)} canMove={props.canMove} moves={moves} />
            ))}
          </ul>
        </div>
      ) : null}

      {props.canMove ? (
        <details class="p-new-cluster">
          <summary>{texts.newCluster}</summary>
          <ClusterNameForm
            keyName={`${snap.session.sessionId}:cluster:${promptId}`}
            idPart={`nieuw-${promptId}`}
            hint={texts.newClusterHint}
            submitLabel={texts.createCluster}
            onSubmit={create}
            state={createState}
          />
        </details>
      ) : null}
    </section>
  );
}
