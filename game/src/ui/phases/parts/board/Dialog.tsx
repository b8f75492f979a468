/** A modal dialog with a heading: native <dialog> so focus stays inside and Escape closes it. */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../../../common.tsx";
import type { CommandState } from "../../../hooks.ts";

export function Dialog({ id, title, onClose, children }: { id: string; title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    // Start where the typing happens, not on the first small button.
    dialog?.querySelector<HTMLElement>("textarea, select")?.focus();
    return () => {
      dialog?.close();
      // The dialog leaves the page on close, so bring focus back to the control that opened it (if it is still there).
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="b-dialog"
      aria-labelledby={`${id}-titel`}
      onCancel={(e) => {
        // Escape: let the screen decide, so its state and the dialog never disagree.
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-titel`}>{title}</h2>
      {children}
    </dialog>
  );
}

/** The buttons under every board dialog: submit, cancel, and the command's fate right beneath them. */
export function DialogActions({ submit, onClose, state }: { submit: string; onClose: () => void; state: CommandState }) {
  return (
    <>
      <div class="b-dialog-actions">
        <button type="submit">{submit}</button>
        <button type="button" class="secondary" onClick={onClose}>
          {t.common.cancel}
        </button>
      </div>
      <CommandStatus state={state} />
    </>
  );
}
