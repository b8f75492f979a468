/** A cluster: its label (renamable by anyone at the board) and the cards the group put in it. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CardView, ClusterView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";
import { BoardCard, type CardMove } from "./BoardCard.tsx";
import { ClusterNameForm } from "./ClusterNameForm.tsx";

export function ClusterGroup(props: { conn: Connection; snap: Snapshot; cluster: ClusterView; clusters: ClusterView[]; cards: CardView[]; canMove: boolean; moves: CardMove }) {
  const { conn, snap, cluster, cards } = props;
  const texts = t.participant.beeldvorming;
  const [editing, setEditing] = useState(false);
  const [run, state] = useCommand(conn);
  const mine = new Set(snap.mine?.cardIds ?? []);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back from the rename form: focus returns to the button that opened it, not to the top of the page.
  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const rename = async (label: string) => {
    const result = await run({ type: "cluster.rename", clusterId: cluster.id, label });
    if (result.ok) setEditing(false);
    return result.ok;
  };

  return (
    <li class="p-cluster">
      <div class="p-cluster-head">
        {editing ? (
          <ClusterNameForm
            keyName={`${snap.session.sessionId}:cluster-naam:${cluster.id}`}
            idPart={cluster.id}
            initial={cluster.label}
            submitLabel={t.common.save}
            onSubmit={rename}
            onCancel={() => setEditing(false)}
            state={state}
          />
        ) : (
          <>
            <div class="p-cluster-name">
              <h3 class="p-cluster-title">{cluster.label}</h3>
              <span class="p-cluster-count small">{texts.cardCount(cards.length)}</span>
            </div>
            {props.canMove ? (
              <button type="button" ref={renameButton} class="quiet small" onClick={() => setEditing(true)}>
                {texts.rename}
                <span class="sr-only">{texts.clusterContext(cluster.label)}</span>
              </button>
            ) : null}
          </>
        )}
      </div>
      {!editing && state.kind === "done" ? <CommandStatus state={state} /> : null}
      {cards.length === 0 ? (
        <p class="small muted">{texts.emptyCluster}</p>
      ) : (
        <ul class="p-cards">
          {cards.map((card) => (
            <BoardCard key={card.id} conn={conn} card={card} clusters={props.clusters} own={mine.has(card.id)} canMove={props.canMove} moves={props.moves} />
          ))}
        </ul>
      )}
    </li>
  );
}
