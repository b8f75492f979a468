/**
 * Bijstellen: kader v2 taking shape. Every item with its status and what the group said; participants say per item
 * whether they back it; anyone (the spelleider too) amends, retires, restores and adds items.
 */
import type { TerugkomView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import type { PhaseProps } from "../phases/types.ts";
import { BijstelItem } from "./BijstelItem.tsx";
import { NewItemForm } from "./NewItemForm.tsx";
import { StageHead } from "./parts.tsx";

export function Bijstellen({ conn, snap, audience, view }: PhaseProps & { view: TerugkomView }) {
  const s = t.terugkom.bijstellen;
  const participant = audience === "deelnemer";
  const canEdit = audience !== "beamer";
  const live = view.v2.filter((i) => i.status !== "vervallen");
  const mine = new Map((snap.mine?.steun ?? []).map((x) => [x.itemId, x.steun]));
  const mineCount = live.filter((i) => mine.has(i.itemId)).length;
  return (
    <div class={`p-screen stack tk-screen${participant ? "" : " p-wide"}`}>
      <StageHead stage="bijstellen" title={s.title} intro={participant ? s.intro : s.introSpelleider}>
        <p class="tk-summary">{s.summary(view.v2.length, view.counts.gewijzigd, view.counts.nieuw, view.counts.vervallen)}</p>
        {participant ? <p class="p-count">{s.mySteun(mineCount, live.length)}</p> : null}
        {canEdit ? (
          <p>
            <a class="p-skip" href="#tk-nieuw">{s.toNew}</a>
          </p>
        ) : null}
      </StageHead>
      <ul class="p-items tk-v2-list" aria-label={s.listLabel}>
        {view.v2.map((item) => (
          <BijstelItem key={item.itemId} conn={conn} snap={snap} item={item} canEdit={canEdit} mySteun={participant ? (mine.get(item.itemId) ?? null) : undefined} />
        ))}
      </ul>
      {canEdit ? <NewItemForm conn={conn} snap={snap} /> : null}
    </div>
  );
}
