/**
 * The role reveal as a card that turns: the first time a participant sees their role in a round, the card lies face
 * down for a moment (the back in the scenario's calm colours), then turns over in 280 ms to show the role's colour,
 * icon and name. Once per round per browser (remembered in sessionStorage), never again on a reload. Under reduced
 * motion the card lies face up at once. The role's name is in the DOM from the start (the face-down side is hidden
 * from screen readers), and a status line says the role once it is shown.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/feel.css";

const FACE_DOWN_MS = 650;

function seenKey(sessionId: string, roundId: string): string {
  return `maatwerkspel:rol-gezien:${sessionId}:${roundId}`;
}

function alreadySeen(key: string): boolean {
  try {
    return window.sessionStorage.getItem(key) === "1";
  } catch {
    return true;
  }
}

function remember(key: string): void {
  try {
    window.sessionStorage.setItem(key, "1");
  } catch {
    // Private mode without storage: the card may turn again after a reload, nothing worse.
  }
}

export function RoleTurn({ sessionId, roundId, roleName, children }: { sessionId: string; roundId: string; roleName: string; children: ComponentChildren }) {
  const key = seenKey(sessionId, roundId);
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const [state, setState] = useState<"down" | "turning" | "up">(() => (still || alreadySeen(key) ? "up" : "down"));
  // While the card lies face down, the role chip in the top bar waits too, so it does not give the role away.
  useEffect(() => {
    if (state !== "down") return;
    document.body.dataset.roleTurn = "down";
    return () => {
      delete document.body.dataset.roleTurn;
    };
  }, [state]);
  useEffect(() => {
    if (state !== "down") return;
    const timer = window.setTimeout(() => {
      setState("turning");
      remember(key);
    }, FACE_DOWN_MS);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <div class={`p-turn ${state}`} data-turn={state} onAnimationEnd={() => setState("up")}>
      <div class="p-turn-inner">
        <div class="p-turn-back" aria-hidden="true">
          <span class="p-turn-pattern" />
          <span class="p-turn-hint">{t.feel.reveal.turnHint}</span>
        </div>
        <div class="p-turn-front">{children}</div>
      </div>
      <p class="sr-only" role="status">
        {state === "down" ? "" : t.feel.reveal.announce(roleName)}
      </p>
    </div>
  );
}
