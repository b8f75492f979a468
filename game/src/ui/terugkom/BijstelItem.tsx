/**
 * One item of kader v2 while bijstellen: status, text (with the v1 wording when it changed), what the group said
 * (collapsible), the participant's own steun, and the edit actions with their dialogs.
 */
import { useState } from "preact/hooks";
import type { KaderV2Item } from "#shared/protocol/views.ts";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { categoryName } from "../phases/parts/participant/lookup.ts";
import { AmendDialog, RetireDialog } from "./KaderDialogs.tsx";
import { answerCount, GroupTexts, StatusBadge, SteunMoveBadge, ToegepastBar } from "./parts.tsx";
import { SteunToggle } from "./SteunToggle.tsx";

export function BijstelItem(props: { conn: Connection; snap: Snapshot; item: KaderV2Item; canEdit: boolean; mySteun: boolean | null | undefined }) {
  const { conn, snap, item, canEdit } = props;
  const s = t.terugkom.bijstellen;
  const [dialog, setDialog] = useState<"amend" | "retire" | null>(null);
  const [restore, restoreState] = useCommand(conn);
  const retired = item.status === "vervallen";
  const answers = answerCount(item.reflecties);
  return (
    <li class={`board-card tk-v2-item tk-st-${item.status}`}>
      <div class="tk-v2-top">
        {item.v1Rank !== null ? (
          <span class="p-rank" aria-hidden="true">{item.v1Rank}</span>
        ) : (
          <span class="p-rank tk-rank-new" aria-hidden="true">+</span>
        )}
        {item.status === "ongewijzigd" ? null : <StatusBadge status={item.status} />}
        <SteunMoveBadge item={item} />
        <span class="tk-cat">
          {categoryName(snap, item.categoryId)}
          {item.v1CategoryId !== null ? <span class="muted"> ({s.categoryWas(categoryName(snap, item.v1CategoryId))})</span> : null}
        </span>
      </div>
      <h2 class={`p-item-text tk-v2-text${retired ? " tk-struck" : ""}`}>
        {item.v1Rank !== null ? <span class="sr-only">{t.terugkom.reflectie.rank(item.v1Rank)}: </span> : null}
        {retired ? <del>{item.text}</del> : item.text}
      </h2>
      {item.status === "gewijzigd" && item.v1Text !== null && item.v1Text !== item.text ? (
        <p class="tk-was small">
          <span class="tk-was-label">{s.was}</span> <del>{item.v1Text}</del>
        </p>
      ) : null}
      {retired ? <p class="tk-reason small">{item.retiredReason ? s.reason(item.retiredReason) : s.noReason}</p> : null}
      {item.v1Rank !== null ? (
        <details class="tk-details">
          <summary>{s.groupSaid(answers)}</summary>
          <div class="stack tk-details-body">
            <ToegepastBar counts={item.reflecties} compact />
            <GroupTexts reflecties={item.reflecties} headingLevel={3} />
          </div>
        </details>
      ) : null}
      <div class="tk-v2-foot">
        {retired ? null : props.mySteun !== undefined ? (
          <SteunToggle conn={conn} item={item} mine={props.mySteun} />
        ) : (
          <p class="tk-steun-count small">
            <span class="sr-only">{s.steunCountLabel(item.steun.voor, item.steun.tegen)}</span>
            <span aria-hidden="true">{s.steunCount(item.steun.voor, item.steun.tegen)}</span>
          </p>
        )}
        {canEdit ? (
          <div class="row tk-v2-actions">
            {retired ? (
              <button type="button" class="secondary tk-small-button" aria-label={s.restoreLabel(item.text)} onClick={() => restore({ type: "kader.restore", itemId: item.itemId })}>
                <span aria-hidden="true">↺</span> {s.restore}
              </button>
            ) : (
              <>
                <button type="button" class="secondary tk-small-button" aria-label={s.amendLabel(item.text)} onClick={() => setDialog("amend")}>
                  <span aria-hidden="true">✎</span> {s.amend}
                </button>
                <button type="button" class="quiet tk-small-button tk-retire" aria-label={s.retireLabel(item.text)} onClick={() => setDialog("retire")}>
                  <span aria-hidden="true">✕</span> {s.retire}
                </button>
              </>
            )}
            {retired ? <CommandStatus state={restoreState} /> : null}
          </div>
        ) : null}
      </div>
      {dialog === "amend" ? <AmendDialog conn={conn} snap={snap} item={item} onClose={() => setDialog(null)} /> : null}
      {dialog === "retire" ? <RetireDialog conn={conn} snap={snap} item={item} onClose={() => setDialog(null)} /> : null}
    </li>
  );
}
