/**
 * Reflectie for a participant: the kader of day 1 as a list of cards in rank order, one open at a time (a phone
 * screen holds one form comfortably). Each card says whether it is done; the progress sits on top.
 */
import { useEffect, useState } from "preact/hooks";
import type { TerugkomView } from "../../../../server/protocol/views.ts";
import { t } from "../../strings/index.ts";
import type { PhaseProps } from "../phases/types.ts";
import { StageHead } from "./parts.tsx";
import { ReflectieItem } from "./ReflectieItem.tsx";

export function ReflectieForm({ conn, snap, view }: PhaseProps & { view: TerugkomView }) {
  const s = t.terugkom.reflectie;
  const items = [...view.v1].sort((a, b) => a.rank - b.rank);
  const savedIds = new Set((snap.mine?.reflecties ?? []).map((r) => r.itemId));
  const done = items.filter((i) => savedIds.has(i.itemId)).length;
  // Start on the first item still to do, so a returning phone continues where it was.
  const [openId, setOpenId] = useState<string | null>(() => items.find((i) => !savedIds.has(i.itemId))?.itemId ?? null);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const button = document.getElementById(`tk-refl-knop-${focusId}`);
    button?.scrollIntoView({ block: "start" });
    button?.focus({ preventScroll: true });
    setFocusId(null);
  }, [focusId]);

  const nextAfter = (itemId: string): string | null => {
    const from = items.findIndex((i) => i.itemId === itemId);
    const later = [...items.slice(from + 1), ...items.slice(0, from)];
    return later.find((i) => !savedIds.has(i.itemId))?.itemId ?? null;
  };
  const share = items.length > 0 ? done / items.length : 0;

  return (
    <div class="p-screen stack tk-screen">
      <StageHead stage="reflectie" title={s.title} intro={s.intro}>
        <div class="tk-progress" role="group" aria-label={s.progressLabel}>
          <p class="p-count">{s.progress(done, items.length)}</p>
          <div class="p-progress" aria-hidden="true">
            <span style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
          {items.length > 0 && done === items.length ? <p class="p-note-open tk-all-done">{s.allDone}</p> : null}
        </div>
      </StageHead>
      {items.length === 0 ? (
        <p class="muted">{s.empty}</p>
      ) : (
        <ul class="tk-refl-list">
          {items.map((item) => {
            const next = nextAfter(item.itemId);
            return (
              <ReflectieItem
                key={item.itemId}
                conn={conn}
                snap={snap}
                item={item}
                open={openId === item.itemId}
                onToggle={() => setOpenId(openId === item.itemId ? null : item.itemId)}
                onNext={
                  next
                    ? () => {
                        setOpenId(next);
                        setFocusId(next);
                      }
                    : null
                }
              />
            );
          })}
        </ul>
      )}
    </div>
  );
}
