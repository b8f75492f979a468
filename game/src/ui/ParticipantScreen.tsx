/** A participant's screen: the top bar (phase, timer, own role, connection) and the current phase. */
import { useEffect, useRef } from "preact/hooks";
import type { Connection, Snapshot } from "../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { TopBar } from "./common.tsx";
import { useSnapshot } from "./hooks.ts";
import { PhaseView } from "./phases/PhaseView.tsx";
import { roundRevealed } from "./phases/parts/tafel/tafels.ts";

export function ParticipantScreen({ conn }: { conn: Connection }) {
  const snap = useSnapshot(conn);
  useTopOfNewContent(snap ? screenKey(snap) : null);
  useStickyInsets();
  if (!snap) return <main class="page"><p role="status">{t.common.loading}</p></main>;
  return (
    <>
      <TopBar conn={conn} snap={snap} />
      <main class="page" id="inhoud">
        <PhaseView conn={conn} snap={snap} audience="deelnemer" />
      </main>
    </>
  );
}

/**
 * What makes the screen a new one: the phase, the stage of day 2, a reveal (the round's eisen, the vote), the case
 * being tested. Typing, voting and merging change none of these, so they never move the page.
 */
export function screenKey(snap: Snapshot): string {
  const s = snap.session;
  return [s.phase.index, s.terugkomStage ?? "", roundRevealed(snap, s.phase.roundId) ? "open" : "", s.votesRevealed ? "uitslag" : "", snap.mine?.currentCaseId ?? s.currentCaseId ?? ""].join("|");
}

/**
 * A phone kept its scroll position across phase changes and reveals, leaving people 1,000-3,000 px down in content
 * they had never seen. When the screen becomes a new one: back to the top of it, and (when the focused control went
 * away with the old screen) focus on its heading, so a screen reader starts there too.
 */
export function useTopOfNewContent(key: string | null, scrollers = ""): void {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    const before = last.current;
    last.current = key;
    if (before === null || before === key) return;
    window.scrollTo({ top: 0, left: 0, behavior: "instant" });
    // Columns that scroll on their own (the console's side column) go to their top too.
    if (scrollers) document.querySelectorAll(scrollers).forEach((el) => el.scrollTo({ top: 0, left: 0, behavior: "instant" }));
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const heading = document.querySelector<HTMLElement>("#inhoud h1, #inhoud h2");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }, [key, scrollers]);
}

/**
 * The sticky top bar and the "Ik ben klaar" dock cover part of a phone's screen; a control reached with Tab must not
 * end up under them (WCAG 2.4.11). Their real heights become the page's scroll padding (see participant.css), which
 * the browser honours when it scrolls a focused control into view.
 */
function useStickyInsets(): void {
  useEffect(() => {
    const root = document.documentElement;
    const measure = () => {
      const top = document.querySelector(".topbar")?.getBoundingClientRect().height ?? 0;
      const docks = Array.from(document.querySelectorAll(".p-dock, .b-dock"), (d) => d.getBoundingClientRect().height);
      root.style.setProperty("--sticky-top", `${Math.ceil(top)}px`);
      root.style.setProperty("--sticky-bottom", `${Math.ceil(Math.max(0, ...docks))}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    document.querySelectorAll(".topbar, .p-dock, .b-dock").forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  });
}
