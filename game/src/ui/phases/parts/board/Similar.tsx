/** The "Lijkt op: …" badge on a card: one click opens the merge dialog with both cards. */
import { t } from "#shared/strings/index.ts";
import { resolve, resolvedText, shorten, type BoardIndex, type BoardRef } from "./model.ts";

export function SimilarBadge({ index, similar, onMerge }: { index: BoardIndex; similar: readonly BoardRef[]; onMerge: (other: BoardRef) => void }) {
  const first = similar[0];
  const resolved = first ? resolve(index, first) : null;
  if (!first || !resolved) return null;
  const text = resolvedText(resolved);
  const s = t.board.samenvoegen;
  return (
    <button type="button" class="b-similar" title={text} onClick={() => onMerge(first)}>
      <span class="b-similar-icon" aria-hidden="true">≈</span>
      <span class="b-similar-text">
        {s.similar} <q>{shorten(text, 48)}</q>
      </span>
      {similar.length > 1 ? <span class="b-similar-more">{s.similarMore(similar.length - 1)}</span> : null}
      <span class="sr-only">{s.similarAction}</span>
    </button>
  );
}
