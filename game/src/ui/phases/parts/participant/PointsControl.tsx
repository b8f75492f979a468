/**
 * − / + for one item's points. vote.points sets the absolute number; quick taps add up on the number shown (the
 * last one asked for) instead of the server's, so two taps before the answer still mean two points.
 */
import { useEffect, useState } from "preact/hooks";
import type { Connection } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";

export function PointsControl({ conn, itemId, itemText, points }: { conn: Connection; itemId: string; itemText: string; points: number }) {
  const texts = t.participant.prioriteren;
  const [run, state] = useCommand(conn);
  const [asked, setAsked] = useState<number | null>(null);
  useEffect(() => {
    if (state.kind !== "pending") setAsked(null);
  }, [state.kind, points]);
  const shown = asked ?? points;
  const set = (value: number) => {
    setAsked(value);
    void run({ type: "vote.points", itemId, points: value });
  };
  return (
    <div class="p-points-wrap">
      <div class="p-points" role="group" aria-label={texts.pointsGroup(itemText)}>
        <button type="button" class="secondary p-step" disabled={shown <= 0} onClick={() => set(shown - 1)}>
          <span aria-hidden="true">−</span>
          <span class="sr-only">{texts.less}</span>
        </button>
        <span class="p-points-value">
          <strong>{shown}</strong>
          <span class="small">{shown === 1 ? texts.pointWord : texts.pointsWord}</span>
        </span>
        <button type="button" class="p-step" onClick={() => set(shown + 1)}>
          <span aria-hidden="true">+</span>
          <span class="sr-only">{texts.more}</span>
        </button>
      </div>
      <CommandStatus state={state} />
    </div>
  );
}
