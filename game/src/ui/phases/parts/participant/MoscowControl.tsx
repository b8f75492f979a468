/** MoSCoW for one item: a radio group (moet, zou moeten, kan, niet nu) and a way to clear the choice. */
import { useEffect, useState } from "preact/hooks";
import { MOSCOW, type Moscow } from "#shared/protocol/ids.ts";
import type { Connection } from "../../../../net/connection.ts";
import { MOSCOW_NAMES, t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus } from "../../../common.tsx";
import { useCommand } from "../../../hooks.ts";
import { fieldId } from "./lookup.ts";

export function MoscowControl({ conn, itemId, itemText, choice }: { conn: Connection; itemId: string; itemText: string; choice: Moscow | null }) {
  const texts = t.participant.prioriteren;
  const [run, state] = useCommand(conn);
  // The choice just made, shown until the server's answer arrives.
  const [asked, setAsked] = useState<Moscow | null | undefined>(undefined);
  useEffect(() => {
    if (state.kind !== "pending") setAsked(undefined);
  }, [state.kind, choice]);
  const shown = asked === undefined ? choice : asked;
  const choose = (next: Moscow | null) => {
    setAsked(next);
    void run({ type: "vote.moscow", itemId, choice: next });
  };
  const name = fieldId("moscow", itemId);
  return (
    <fieldset class="p-moscow">
      <legend class="small">
        {texts.moscowLegend}
        <span class="sr-only">{texts.itemContext(itemText)}</span>
      </legend>
      <div class="p-moscow-options">
        {MOSCOW.map((m) => (
          <label key={m} class={`p-radio${shown === m ? " p-radio-on" : ""}`}>
            <input type="radio" name={name} value={m} checked={shown === m} onChange={() => choose(m)} />
            <span>{MOSCOW_NAMES[m]}</span>
          </label>
        ))}
      </div>
      <div class="row p-moscow-foot">
        <button type="button" class="quiet small" disabled={shown === null} onClick={() => choose(null)}>
          {texts.moscowClear}
          <span class="sr-only">{texts.itemContext(itemText)}</span>
        </button>
        <CommandStatus state={state} />
      </div>
    </fieldset>
  );
}
