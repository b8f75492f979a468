/** "Nog N punten te verdelen": prominent, and said aloud (politely) whenever it changes. */
import type { Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";

export function PointsLeft({ snap }: { snap: Snapshot }) {
  const texts = t.participant.prioriteren;
  const left = snap.mine?.pointsLeft ?? 0;
  const text = left > 0 ? texts.pointsLeft(left) : left === 0 ? texts.pointsLeftNone : texts.pointsOver(-left);
  return (
    <p class={`p-left${left === 0 ? " p-left-done" : ""}`} aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
