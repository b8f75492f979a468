/** The server's duplicate suggestions as a short list at the top of the board, each one click from the merge dialog. */
import { useState } from "preact/hooks";
import type { SuggestionView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import { refKey, resolve, resolvedText, shorten, suggestionGroups, type BoardIndex, type BoardRef } from "./model.ts";
import { RefSummary } from "./RefSummary.tsx";

const SHOWN = 3;

/** Wide screens open the list at once; on a phone it starts folded so the board is in reach. */
const startsOpen = () => typeof matchMedia === "function" && matchMedia("(min-width: 48rem)").matches;

export function Suggestions({ index, suggestions, onMerge }: { index: BoardIndex; suggestions: readonly SuggestionView[]; onMerge: (refs: BoardRef[]) => void }) {
  const [open] = useState(startsOpen);
  const [all, setAll] = useState(false);
  const s = t.board.suggestions;
  const groups = suggestionGroups(index, suggestions);
  if (groups.length === 0) return null;
  const shown = all ? groups : groups.slice(0, SHOWN);
  return (
    <details class="b-suggest card" open={open}>
      <summary>
        <span class="b-suggest-icon" aria-hidden="true">≈</span>
        {s.summary(groups.length)}
      </summary>
      <p class="small muted">{s.intro}</p>
      <ul class="b-suggest-list">
        {shown.map((group) => {
          const members = group.refs.flatMap((ref) => {
            const found = resolve(index, ref);
            return found ? [{ ref, found }] : [];
          });
          const names = members.map((m) => shorten(resolvedText(m.found), 40));
          return (
            <li key={group.refs.map(refKey).join("|")}>
              <ul class={`b-group-members n${members.length}`}>
                {members.map(({ ref, found }) => (
                  <li key={refKey(ref)}>
                    <RefSummary resolved={found} max={120} />
                  </li>
                ))}
              </ul>
              <button type="button" class="secondary" aria-label={s.mergeLabel(names)} onClick={() => onMerge(members.map((m) => m.ref))}>
                {s.merge}
              </button>
            </li>
          );
        })}
      </ul>
      {groups.length > SHOWN ? (
        <button type="button" class="quiet" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? s.less : s.more(groups.length)}
        </button>
      ) : null}
    </details>
  );
}
