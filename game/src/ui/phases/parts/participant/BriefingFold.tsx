/**
 * On a phone the role card and the case are four screens long, and the eis editor came after them. Once read they
 * fold into one line: by "Gelezen: naar mijn eisen" (which goes to the editor), by the summary, or by themselves
 * when this round already has a concept of yours. Folded stays folded for the round (this browser remembers).
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";

const storageKey = (sessionId: string, roundId: string) => `maatwerkspel:${sessionId}:${roundId}:briefing-gevouwen`;

function remembered(key: string): boolean | null {
  try {
    const value = sessionStorage.getItem(key);
    return value === null ? null : value === "1";
  } catch {
    return null;
  }
}

/** The writing round in two columns, the role and case beside the editor: as `.p-writing` in participant.css. */
const sideBySide = (): boolean => window.matchMedia("(min-width: 68rem)").matches;

export function BriefingFold({ sessionId, roundId, hasDrafts, children }: { sessionId: string; roundId: string; hasDrafts: boolean; children: ComponentChildren }) {
  const texts = t.participant.rolwissel;
  const key = storageKey(sessionId, roundId);
  // Beside the editor (a laptop, participant.css) there is room to keep it open; on a phone it folds once written.
  const [open, setOpenState] = useState(() => !(remembered(key) ?? (hasDrafts && !sideBySide())));
  const setOpen = (value: boolean) => {
    setOpenState(value);
    try {
      sessionStorage.setItem(key, value ? "0" : "1");
    } catch {
      // Private mode without storage: the fold still works, it is only not remembered.
    }
  };
  return (
    <details class="p-fold" open={open} onToggle={(e) => open !== e.currentTarget.open && setOpen(e.currentTarget.open)}>
      <summary>
        <span class="p-fold-title">{texts.foldTitle}</span>
        {open ? null : <span class="p-fold-hint small">{texts.foldClosed}</span>}
      </summary>
      <div class="stack p-fold-body">
        {children}
        <button
          type="button"
          class="secondary p-fold-done"
          onClick={() => {
            setOpen(false);
            const editor = document.getElementById("p-eisen");
            editor?.scrollIntoView({ block: "start" });
            editor?.focus({ preventScroll: true });
          }}
        >
          {texts.foldDone}
        </button>
      </div>
    </details>
  );
}
