/**
 * Reflectie for a participant: first choose 3 to 5 points of the day-1 kader you can say something about (19 points
 * times three questions was too much for a phone), then a card per chosen point, one open at a time. Points already
 * saved stay chosen. With five points or fewer there is nothing to choose: all of them.
 */
import { useEffect, useState } from "preact/hooks";
import type { TerugkomView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import { useKeptText } from "../hooks.ts";
import type { PhaseProps } from "../phases/types.ts";
import { StageHead } from "./parts.tsx";
import { CHOOSE, choosing as choosingFor } from "./choose.ts";
import { ReflectieItem } from "./ReflectieItem.tsx";


export function ReflectieForm({ conn, snap, view }: PhaseProps & { view: TerugkomView }) {
  const s = t.terugkom.reflectie;
  const all = [...view.v1].sort((a, b) => a.rank - b.rank);
  const savedIds = new Set((snap.mine?.reflecties ?? []).map((r) => r.itemId));
  const [pickedText, setPickedText] = useKeptText(`${snap.session.sessionId}:reflectie:gekozen`);
  const picked = new Set(pickedText.split(",").filter(Boolean));
  const choosing = choosingFor(all.length);
  const items = choosing ? all.filter((i) => picked.has(i.itemId) || savedIds.has(i.itemId)) : all;
  const done = items.filter((i) => savedIds.has(i.itemId)).length;
  const toggle = (itemId: string) => {
    const next = new Set(picked);
    if (next.has(itemId)) next.delete(itemId);
    else next.add(itemId);
    setPickedText([...next].join(","));
    // The first point chosen opens, ready to fill in.
    if (next.has(itemId) && (openId === null || !items.some((i) => i.itemId === openId))) setOpenId(itemId);
  };
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
      <StageHead stage="reflectie" title={s.title} intro={choosing ? s.introChoose : s.intro}>
        <div class="tk-progress" role="group" aria-label={s.progressLabel}>
          <p class="p-count">{choosing ? s.progressChosen(done, items.length) : s.progress(done, items.length)}</p>
          <div class="p-progress" aria-hidden="true">
            <span style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
          {items.length > 0 && done === items.length ? <p class="p-note-open tk-all-done">{s.allDone}</p> : null}
        </div>
      </StageHead>
      {choosing ? (
        <Chooser
          items={all}
          picked={picked}
          saved={savedIds}
          chosen={items.length}
          onToggle={toggle}
          onDone={() => {
            // Folded, the chosen points are right below: to the one to fill in first.
            const first = (openId !== null && items.some((i) => i.itemId === openId) ? openId : null) ?? items.find((i) => !savedIds.has(i.itemId))?.itemId ?? items[0]?.itemId ?? null;
            if (first === null) return;
            setOpenId(first);
            setFocusId(first);
          }}
        />
      ) : null}
      {all.length === 0 ? (
        <p class="muted">{s.empty}</p>
      ) : items.length === 0 ? null : (
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

/**
 * The points to choose from, as checkboxes; open until at least three are chosen. With enough chosen, a bar at the
 * bottom of the screen folds the list and goes to the chosen points (else they wait below all 19 or 25 points).
 */
function Chooser(props: { items: TerugkomView["v1"]; picked: Set<string>; saved: Set<string>; chosen: number; onToggle: (itemId: string) => void; onDone: () => void }) {
  const s = t.terugkom.reflectie;
  const { items, picked, saved, chosen, onToggle } = props;
  const enough = chosen >= CHOOSE.min;
  const [open, setOpen] = useState(!enough);
  return (
    <details class="card tk-choose" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span class="tk-choose-title">{s.chooseTitle(CHOOSE.min, CHOOSE.max)}</span>
        <span class={`small ${enough ? "tk-choose-ok" : "muted"}`}>{s.chosenCount(chosen, CHOOSE.max)}</span>
      </summary>
      <fieldset class="tk-choose-list">
        <legend class="small">{s.chooseHint(items.length)}</legend>
        {items.map((item) => {
          const isSaved = saved.has(item.itemId);
          const checked = isSaved || picked.has(item.itemId);
          const full = !checked && chosen >= CHOOSE.max;
          const id = `tk-kies-${item.itemId}`;
          return (
            <div key={item.itemId} class={`tk-choose-row${full ? " is-full" : ""}`}>
              <input id={id} type="checkbox" checked={checked} disabled={isSaved || full} onChange={() => onToggle(item.itemId)} />
              <label for={id}>
                <span class="tk-choose-rank">{s.rank(item.rank)}</span> {item.text}
                {isSaved ? <span class="small muted"> · {s.saved.toLowerCase()}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
      {enough ? (
        <div class="tk-choose-done">
          <span class="small tk-choose-ok">{s.chosenCount(chosen, CHOOSE.max)}</span>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              props.onDone();
            }}
          >
            {s.chooseDone}
          </button>
        </div>
      ) : null}
    </details>
  );
}
