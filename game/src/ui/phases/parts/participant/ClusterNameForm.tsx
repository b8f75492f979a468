/** A small form for a cluster's name: used to make a new cluster and to rename one. */
import { useEffect, useRef } from "preact/hooks";
import { LIMITS } from "#shared/protocol/ids.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { CommandStatus } from "../../../common.tsx";
import { useKeptText, type CommandState } from "../../../hooks.ts";
import { fieldId } from "./lookup.ts";

export function ClusterNameForm(props: {
  keyName: string;
  idPart: string;
  initial?: string;
  label?: string;
  hint?: string;
  submitLabel: string;
  onSubmit: (label: string) => Promise<boolean>;
  onCancel?: () => void;
  state: CommandState;
}) {
  const texts = t.participant.beeldvorming;
  const [value, setValue] = useKeptText(props.keyName, props.initial ?? "");
  const input = useRef<HTMLInputElement>(null);
  const id = fieldId("clusternaam", props.idPart);
  // Renaming opens in place of the heading: put the cursor in the field so keyboard users land where they work.
  useEffect(() => {
    if (props.onCancel) input.current?.focus();
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await props.onSubmit(value)) setValue("");
  };
  const cancel = () => {
    setValue("");
    props.onCancel?.();
  };
  return (
    <form class="p-cluster-form" onSubmit={submit} onKeyDown={(e) => (e.key === "Escape" && props.onCancel ? cancel() : undefined)}>
      <label for={id}>{props.label ?? texts.clusterName}</label>
      <input id={id} ref={input} maxLength={LIMITS.label} value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      {props.hint ? <p class="hint" id={`${id}-hint`}>{props.hint}</p> : null}
      <div class="row p-actions">
        <button type="submit" class="secondary" disabled={props.state.kind === "pending"}>{props.submitLabel}</button>
        {props.onCancel ? (
          <button type="button" class="quiet" onClick={cancel}>{t.common.cancel}</button>
        ) : null}
        <CommandStatus state={props.state} />
      </div>
    </form>
  );
}
