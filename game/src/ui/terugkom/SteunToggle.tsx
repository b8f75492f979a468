/**
 * A participant's steun for one item: "Steun ik" / "Steun ik niet" as two pressed-or-not buttons, and a way to
 * take the choice back. Beside it how the group stands now, so nobody has to guess.
 */
import type { KaderV2Item } from "#shared/protocol/views.ts";
import type { Connection } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";

export function SteunToggle({ conn, item, mine }: { conn: Connection; item: KaderV2Item; mine: boolean | null }) {
  const s = t.terugkom.bijstellen;
  const [run, state] = useCommand(conn);
  const give = (steun: boolean | null) => run({ type: "kader.steun", itemId: item.itemId, steun });
  return (
    <div class="tk-steun">
      <div class="tk-steun-row" role="group" aria-label={s.steunLabel(item.text)}>
        <button type="button" class="secondary tk-steun-button tk-voor" aria-pressed={mine === true} onClick={() => give(mine === true ? null : true)}>
          <span aria-hidden="true">{mine === true ? "✓" : "+"}</span> {s.steun}
        </button>
        <button type="button" class="secondary tk-steun-button tk-tegen" aria-pressed={mine === false} onClick={() => give(mine === false ? null : false)}>
          <span aria-hidden="true">{mine === false ? "✓" : "−"}</span> {s.geenSteun}
        </button>
        {mine !== null ? (
          <button type="button" class="quiet tk-small-button" onClick={() => give(null)}>
            {s.clear}
          </button>
        ) : null}
      </div>
      <p class="tk-steun-count small">
        <span class="sr-only">{s.steunCountLabel(item.steun.voor, item.steun.tegen)}</span>
        <span aria-hidden="true">{s.steunCount(item.steun.voor, item.steun.tegen)}</span>
      </p>
      <CommandStatus state={state} />
    </div>
  );
}
