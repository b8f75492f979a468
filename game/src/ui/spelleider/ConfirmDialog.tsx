/**
 * A short "are you sure?" as a native modal <dialog>: the browser traps focus, Escape cancels, and focus returns to
 * the button that opened it.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";
import { t } from "#shared/strings/index.ts";

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} class="console-dialog" aria-labelledby={headingId} onClose={props.onClose}>
      <h2 id={headingId}>{props.title}</h2>
      <div class="stack">{props.children}</div>
      <div class="row dialog-actions">
        <button type="button" class={props.danger ? "danger" : ""} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t.common.cancel}
        </button>
      </div>
    </dialog>
  );
}
