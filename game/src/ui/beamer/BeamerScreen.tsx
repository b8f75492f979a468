/**
 * The projector view: no controls, readable from the back of the room, kept awake (useScreenAwake) and full screen
 * with a double click. Always the phase, the timer and a pause banner; below them the board of the current phase. Once
 * the terugkombijeenkomst is open, its stage decides: the terugblik follows the spelleider through day 1, the later
 * stages show their own board.
 */
import "../../styles/beamer.css";
import "../../styles/feel-beamer.css";
import type { Connection } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { ConnectionBanner } from "../common.tsx";
import { useFullscreenOnDoubleClick, useScreenAwake, useSnapshot } from "../hooks.ts";
import { TerugkomBoard } from "../terugkom/TerugkomBoard.tsx";
import { BeamerHeader } from "./BeamerHeader.tsx";
import { BeamerTerugblik, TerugkomHeader } from "./BeamerTerugblik.tsx";
import { Board } from "./PhaseBoard.tsx";

export function BeamerScreen({ conn }: { conn: Connection }) {
  const snap = useSnapshot(conn);
  // The screen the whole room looks at does not go to sleep in the middle of a phase.
  useScreenAwake();
  useFullscreenOnDoubleClick();
  if (!snap) {
    return (
      <main class="beamer-root">
        <p role="status">{t.common.loading}</p>
      </main>
    );
  }
  const stage = snap.session.terugkomStage;
  const paused = snap.session.paused ? (
    <div class="banner paused beamer-paused" role="status">
      {t.beamer.paused}
    </div>
  ) : null;
  if (stage === "terugblik") {
    return (
      <div class="beamer-root terugkom-terugblik">
        <ConnectionBanner conn={conn} />
        {paused}
        <BeamerTerugblik snap={snap} />
      </div>
    );
  }
  if (stage !== null) {
    return (
      <div class={`beamer-root terugkom-${stage}`}>
        <TerugkomHeader snap={snap} />
        <ConnectionBanner conn={conn} />
        {paused}
        <main class="beamer-main">
          <TerugkomBoard snap={snap} />
        </main>
      </div>
    );
  }
  return (
    <div class={`beamer-root phase-${snap.session.phase.kind}`}>
      <BeamerHeader snap={snap} />
      <ConnectionBanner conn={conn} />
      {paused}
      <main class="beamer-main">
        <Board snap={snap} />
      </main>
    </div>
  );
}
