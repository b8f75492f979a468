/** One PvE item in the vote: text, category, provenance; own points or MoSCoW while open; support once revealed. */
import type { ItemView, SupportView } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { MOSCOW_NAMES, t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { ItemRoles } from "./ItemRoles.tsx";
import { categoryName } from "./lookup.ts";
import { MoscowControl } from "./MoscowControl.tsx";
import { PointsControl } from "./PointsControl.tsx";
import { SupportSummary } from "./SupportBars.tsx";
import { TableSupport } from "../tafel/TableSupport.tsx";

export function VoteItem(props: { conn: Connection; snap: Snapshot; item: ItemView; support: SupportView | null; canVote: boolean; rank: number | null }) {
  const { conn, snap, item, support, canVote } = props;
  const texts = t.participant.prioriteren;
  const voting = snap.scenario.voting;
  const revealed = snap.session.votesRevealed;
  const points = snap.mine?.points.find((p) => p.itemId === item.id)?.points ?? 0;
  const choice = snap.mine?.moscow.find((m) => m.itemId === item.id)?.choice ?? null;
  const open = canVote && !revealed;
  const side = open ? (
    voting.mode === "punten" ? (
      <PointsControl conn={conn} itemId={item.id} itemText={item.text} points={points} />
    ) : (
      <MoscowControl conn={conn} itemId={item.id} itemText={item.text} choice={choice} />
    )
  ) : revealed && support ? (
    <>
      <SupportSummary support={support} unit={voting.mode === "punten" ? "punten" : "moscow"} />
      <TableSupport snap={snap} support={support} />
    </>
  ) : null;
  // MoSCoW's four options need the full width; points and bars fit beside the text on a wide card.
  const besideText = side !== null && !(open && voting.mode === "moscow");
  const marked = open && (voting.mode === "punten" ? points > 0 : choice !== null);

  return (
    <li class={`board-card item p-vote-item${marked ? " p-has-points" : ""}`}>
      <div class={`p-vote-grid${besideText ? " p-has-side" : ""}`}>
        <div class="p-vote-main">
          {props.rank !== null ? (
            <span class="p-rank" aria-hidden="true">{props.rank}</span>
          ) : null}
          <div class="p-vote-body">
            <p class="p-cat-tag small">{categoryName(snap, item.categoryId)}</p>
            <h3 class="p-item-text">
              {props.rank !== null ? <span class="sr-only">{t.participant.resultaat.rankLabel(props.rank)}: </span> : null}
              {item.text}
            </h3>
            <ItemRoles roles={item.roles} />
          </div>
        </div>
        {side ? <div class={`p-side${open && voting.mode === "punten" ? " p-side-points" : ""}`}>{side}</div> : null}
        {revealed && canVote && (points > 0 || choice !== null) ? (
          <p class="small muted p-yours">{choice !== null ? texts.yourChoice(MOSCOW_NAMES[choice]) : texts.youGave(points)}</p>
        ) : null}
      </div>
    </li>
  );
}
