/**
 * One anonymous card: its text, a "Cluster" select (the keyboard way to put it in a group or take it out) and, for
 * the author, a remove button. Moving a card re-mounts it in another group, so the board keeps the command state
 * and gives focus back to the select after the move.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CardView, ClusterView } from "#shared/protocol/views.ts";
import type { Connection } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus } from "../../../common.tsx";
import { useCommand, type CommandState } from "../../../hooks.ts";
import { fieldId } from "./lookup.ts";

export interface CardMove {
  /** Ask the server to put the card in a cluster (null: out of every cluster). */
  move: (cardId: string, clusterId: string | null) => void;
  /** The card the last move was about, and how it went. */
  cardId: string | null;
  state: CommandState;
  /** The card whose select should get focus when it appears in its new place. */
  focus: { current: string | null };
}

export function BoardCard(props: { conn: Connection; card: CardView; clusters: ClusterView[]; own: boolean; canMove: boolean; moves: CardMove }) {
  const { card, clusters, own, canMove, moves } = props;
  const texts = t.participant.beeldvorming;
  const [remove, removeState] = useCommand(props.conn);
  const select = useRef<HTMLSelectElement>(null);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const id = fieldId("cluster-van", card.id);

  useEffect(() => {
    if (moves.focus.current === card.id) {
      moves.focus.current = null;
      select.current?.focus();
    }
  }, []);
  // What the select shows: the choice just made until the server's answer arrives, then the server's truth.
  useEffect(() => {
    if (moves.state.kind !== "pending") setChosen(undefined);
  }, [card.clusterId, moves.state.kind]);
  const shown = chosen === undefined ? card.clusterId : chosen;

  const onChange = (value: string) => {
    const clusterId = value === "" ? null : value;
    setChosen(clusterId);
    moves.focus.current = card.id;
    moves.move(card.id, clusterId);
  };

  return (
    <li class={`board-card p-card${own ? " p-card-own" : ""}`}>
      <p class="p-card-text">{card.text}</p>
      {own ? <p class="p-own-tag small">{texts.own}</p> : null}
      {canMove || own ? (
        <div class="p-card-tools">
          {canMove ? (
            <div class="p-cluster-pick">
              <label for={id} class="small">
                {texts.clusterSelect}
                <span class="sr-only">{texts.cardContext(card.text)}</span>
              </label>
              <select id={id} ref={select} value={shown ?? ""} onChange={(e) => onChange(e.currentTarget.value)}>
                <option value="">{texts.noCluster}</option>
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>{c.label}</option>
                ))}
              </select>
            </div>
          ) : null}
          {own ? (
            <button type="button" class="quiet p-remove" onClick={() => void remove({ type: "card.remove", cardId: card.id })}>
              {texts.removeCard}
              <span class="sr-only">{texts.cardContext(card.text)}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {moves.cardId === card.id ? <CommandStatus state={moves.state} /> : null}
      {removeState.kind !== "idle" ? <CommandStatus state={removeState} /> : null}
    </li>
  );
}
