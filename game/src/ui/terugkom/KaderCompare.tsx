/**
 * Kader v2 beside v1, for every screen. Wide: two columns, v1 left as day 1 left it, v2 right with its marks.
 * Narrow: only the v2 column, with "was: …" inline where the wording changed. Marks are words with an icon
 * (Nieuw, Gewijzigd, Vervallen, Meer/Minder steun), never colour alone; old text is struck through.
 * `big` is the beamer: no scrolling there, so each row keeps to the text and its marks.
 */
import type { KaderV1Item } from "#shared/protocol/events.ts";
import type { KaderV2Item, TerugkomView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { categoryName } from "../phases/parts/participant/lookup.ts";
import type { KaderRowTexts } from "./kaderPages.ts";
import { StatusBadge, SteunMoveBadge, statusLabel, steunMoveLabel } from "./parts.tsx";

/** The summary line under the heading: how many items stayed, changed, came and went. */
export function KaderSummary({ view }: { view: TerugkomView }) {
  return <p class="tk-summary">{t.terugkom.kader.summary(view.counts)}</p>;
}

export function KaderCompare({ snap, view, items, big = false }: { snap: Snapshot; view: TerugkomView; items?: KaderV2Item[]; big?: boolean }) {
  const s = t.terugkom.kader;
  const rows = items ?? view.v2;
  const v1ById = new Map(view.v1.map((i) => [i.itemId, i]));
  if (rows.length === 0) return <p class="muted">{s.empty}</p>;
  return (
    <div class={`tk-cmp${big ? " tk-cmp-big" : ""}`}>
      <div class="tk-cmp-cols" aria-hidden="true">
        <span>{s.v1}</span>
        <span>{s.v2}</span>
      </div>
      <ul class="tk-cmp-list" aria-label={s.listLabel}>
        {rows.map((item) => (
          <CompareRow key={item.itemId} snap={snap} item={item} v1={v1ById.get(item.itemId) ?? null} big={big} />
        ))}
      </ul>
    </div>
  );
}

/** What each row of the beamer's comparison shows, for measuring its pages (kaderPages.ts); as CompareRow draws it `big`. */
export function kaderRowTexts(snap: Snapshot, view: TerugkomView): KaderRowTexts[] {
  const s = t.terugkom.kader;
  const v1ById = new Map(view.v1.map((i) => [i.itemId, i]));
  return view.v2.map((item) => {
    const v1 = v1ById.get(item.itemId) ?? null;
    const steun = steunMoveLabel(item);
    const marks = [item.status === "ongewijzigd" ? null : statusLabel(item.status), steun].filter((m) => m !== null);
    const categoryLine = v1 && v1.categoryId !== item.categoryId ? `${categoryName(snap, item.categoryId)} (${t.terugkom.bijstellen.categoryWas(categoryName(snap, v1.categoryId))})` : null;
    const reasonLine = item.status === "vervallen" && item.retiredReason ? s.retiredReason(item.retiredReason) : null;
    return { v1Text: v1?.text ?? null, v2Text: item.text, marks, categoryLine, reasonLine };
  });
}

function Marks({ item }: { item: KaderV2Item }) {
  return (
    <>
      {item.status === "ongewijzigd" ? null : <StatusBadge status={item.status} />}
      <SteunMoveBadge item={item} />
    </>
  );
}

function CompareRow({ snap, item, v1, big }: { snap: Snapshot; item: KaderV2Item; v1: KaderV1Item | null; big: boolean }) {
  const s = t.terugkom.kader;
  const retired = item.status === "vervallen";
  // A change of category alone keeps the words: then nothing is struck, the category says what moved.
  const textChanged = v1 !== null && v1.text !== item.text;
  const categoryChanged = v1 !== null && v1.categoryId !== item.categoryId;
  const marked = item.status !== "ongewijzigd" || item.steunVerandering !== null;
  const body = retired ? <del>{item.text}</del> : textChanged ? <ins>{item.text}</ins> : item.text;
  return (
    <li class={`tk-cmp-row tk-st-${item.status}`}>
      <div class="tk-cmp-v1">
        <span class="sr-only">{s.v1Short}: </span>
        {v1 ? (
          <>
            {big ? null : (
              <p class="tk-cmp-meta">
                <span class="p-rank p-rank-small" aria-hidden="true">{v1.rank}</span>
                <span class="tk-cat">{categoryName(snap, v1.categoryId)}</span>
              </p>
            )}
            <p class={`tk-cmp-text${big ? " clamp-3" : ""}`}>
              {big ? <span class="tk-cmp-rank" aria-hidden="true">{v1.rank}</span> : null}
              {textChanged ? <del>{v1.text}</del> : v1.text}
            </p>
            {big ? null : <p class="tk-cmp-steun small muted">{v1.backing === null ? s.noBackingV1 : s.backingV1(v1.backing)}</p>}
          </>
        ) : (
          <p class="tk-cmp-none muted">{s.notInV1}</p>
        )}
      </div>
      <div class="tk-cmp-arrow" aria-hidden="true">→</div>
      <div class="tk-cmp-v2">
        <span class="sr-only">{s.v2Short}: </span>
        {big ? (
          <p class={`tk-cmp-text tk-clamp-4${retired ? " tk-struck" : ""}`}>
            {marked ? (
              <span class="tk-cmp-marks">
                <Marks item={item} />
              </span>
            ) : null}
            {body}
          </p>
        ) : (
          <>
            <p class="tk-cmp-meta">
              {item.v1Rank !== null ? <span class="p-rank p-rank-small tk-narrow-only" aria-hidden="true">{item.v1Rank}</span> : null}
              {item.status === "ongewijzigd" ? <span class="tk-same">{t.terugkom.status.ongewijzigd}</span> : <StatusBadge status={item.status} />}
              <SteunMoveBadge item={item} />
            </p>
            {/* Wide, the category stands in the v1 column already; repeat it only where it is new or moved. */}
            <p class={`tk-cat${categoryChanged || v1 === null ? "" : " tk-narrow-only"}`}>
              {categoryName(snap, item.categoryId)}
              {categoryChanged && v1 ? <span class="tk-narrow-only"> ({t.terugkom.bijstellen.categoryWas(categoryName(snap, v1.categoryId))})</span> : null}
            </p>
            {textChanged && v1 ? (
              <p class="tk-was tk-narrow-only">
                <span class="tk-was-label">{s.was}</span> <del>{v1.text}</del>
              </p>
            ) : null}
            <p class={`tk-cmp-text${retired ? " tk-struck" : ""}`}>{body}</p>
            {retired ? null : <p class="tk-cmp-steun small muted">{s.steunNow(item.steun.voor, item.steun.tegen, item.steun.backing)}</p>}
          </>
        )}
        {big && categoryChanged && v1 ? (
          <p class="tk-cat clamp-1">
            {categoryName(snap, item.categoryId)} ({t.terugkom.bijstellen.categoryWas(categoryName(snap, v1.categoryId))})
          </p>
        ) : null}
        {retired && item.retiredReason ? <p class={`tk-reason${big ? " clamp-2" : ""}`}>{s.retiredReason(item.retiredReason)}</p> : null}
      </div>
    </li>
  );
}
