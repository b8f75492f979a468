/**
 * The spelleider's console: a left column with the session, pacing, timer, this phase's actions, cases, who is in
 * and, last, deleting the session; on the right the same phase screen the participants see, so the spelleider can
 * act in it too. In the resultaat a card opens the terugkombijeenkomst; once it is open (or the console was opened
 * with the terugkom link) that card comes first, and day 1's pacing, timer, actions and cases leave the column.
 */
import "../../styles/console.css";
import { useEffect, useState } from "preact/hooks";
import type { Connection } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { routeOf } from "../route.ts";
import { TopBar } from "../common.tsx";
import { useSnapshot } from "../hooks.ts";
import { PhaseView } from "../phases/PhaseView.tsx";
import { useTopOfNewContent } from "../ParticipantScreen.tsx";
import { BeamerPager } from "./BeamerPager.tsx";
import { CasesCard } from "./CasesCard.tsx";
import { DeleteCard } from "./DeleteCard.tsx";
import { ExportCard } from "./ExportCard.tsx";
import { People } from "./People.tsx";
import { PhaseActions } from "./PhaseActions.tsx";
import { PhaseControl } from "./PhaseControl.tsx";
import { SessionCard } from "./SessionCard.tsx";
import { TableOverview } from "./TableOverview.tsx";
import { TablesCard } from "./TablesCard.tsx";
import { TerugkomSection } from "./TerugkomSection.tsx";
import { TimerControl } from "./TimerControl.tsx";

/**
 * The top bar grows when a banner (pause, offline) appears; the sticky left column starts below it, so nothing of
 * the controls slides under the bar.
 */
function useTopbarHeight(shown: boolean): number {
  const [height, setHeight] = useState(56);
  useEffect(() => {
    const bar = document.querySelector(".topbar");
    if (!bar) return;
    const observer = new ResizeObserver(() => setHeight(bar.getBoundingClientRect().height));
    observer.observe(bar);
    return () => observer.disconnect();
  }, [shown]);
  return height;
}

export function SpelleiderScreen({ conn }: { conn: Connection }) {
  const snap = useSnapshot(conn);
  const topbar = useTopbarHeight(snap !== null);
  // A new phase or a new stage of day 2 (opening the terugkombijeenkomst too): back to the top, where it now is.
  useTopOfNewContent(snap ? `${snap.session.phase.index}|${snap.session.terugkomStage ?? ""}` : null, ".console-side, .console-main");
  if (!snap) return <main class="page"><p role="status">{t.common.loading}</p></main>;
  const lobby = snap.session.phase.kind === "lobby";
  // In the casustoets choosing the case is this phase's action, so the cases come up to where actions are.
  const casesFirst = snap.session.phase.kind === "casustoets";
  // Day 2: the server refuses day-1 pacing, timers, actions and cases, so their controls are not offered.
  const dayTwo = snap.session.terugkomStage !== null;
  // Opened with the terugkom link, or once day 2 has begun, the terugkombijeenkomst is what matters now.
  const route = routeOf(location.pathname);
  const terugkomFirst = dayTwo || (route.kind === "spelleider" && route.terugkom);
  return (
    <>
      <a class="skip-link" href="#fasescherm">{t.console.skipToPhase}</a>
      <TopBar conn={conn} snap={snap}>
        <span class="small muted">{t.header.participants(snap.session.participantCount)}</span>
        <span class="console-badge">{t.console.badge}</span>
      </TopBar>
      <main class="page wide console-page" style={{ "--console-top": `${Math.ceil(topbar) + 12}px` }}>
        <h1 class="sr-only">
          {t.console.heading}: {snap.session.label || snap.scenario.title}
        </h1>
        <div class="grid console">
          <div class="console-side stack">
            {/* What matters every minute comes first, within the first screen at 1366×900: the pacing with who is
                ready and who just came in, this phase's action and the timer; in the lobby then the code to show. */}
            {terugkomFirst ? <TerugkomSection conn={conn} snap={snap} /> : null}
            {dayTwo ? null : <PhaseControl conn={conn} snap={snap} />}
            {lobby ? <SessionCard conn={conn} snap={snap} /> : null}
            {lobby && !dayTwo ? <TablesCard conn={conn} snap={snap} /> : null}
            {dayTwo ? null : <PhaseActions conn={conn} snap={snap} />}
            {dayTwo || lobby ? null : <TimerControl key={snap.session.phase.index} conn={conn} snap={snap} />}
            <BeamerPager conn={conn} snap={snap} />
            {snap.session.phase.kind === "resultaat" ? <ExportCard snap={snap} /> : null}
            {terugkomFirst ? null : <TerugkomSection conn={conn} snap={snap} />}
            {casesFirst ? <CasesCard conn={conn} snap={snap} /> : null}
            {dayTwo || !lobby ? null : <TimerControl conn={conn} snap={snap} />}
            <People conn={conn} snap={snap} />
            {lobby ? null : <SessionCard conn={conn} snap={snap} />}
            {casesFirst || dayTwo ? null : <CasesCard conn={conn} snap={snap} />}
            <DeleteCard conn={conn} snap={snap} />
          </div>
          <div class="console-main">
            {/* The tafels side by side above the phase screen, where there is room for them all in a row. */}
            {dayTwo ? null : <TableOverview conn={conn} snap={snap} />}
            <section class="console-phase" id="fasescherm" tabIndex={-1} aria-label={t.console.phaseScreenLabel}>
              <PhaseView conn={conn} snap={snap} audience="spelleider" />
            </section>
          </div>
        </div>
      </main>
    </>
  );
}
