/**
 * The projector view: no controls, readable from the back of the room. Always the phase, the timer and a pause
 * banner; below them the board of the current phase. Once the terugkombijeenkomst is open, its stage decides: the
 * terugblik follows the spelleider through day 1, the later stages show their own board.
 */
import "../../styles/beamer.css";
import "../../styles/feel-beamer.css";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { ConnectionBanner } from "../common.tsx";
import { useSnapshot } from "../hooks.ts";
import { TerugkomBoard } from "../terugkom/TerugkomBoard.tsx";
import { BeamerHeader } from "./BeamerHeader.tsx";
import { BeamerTerugblik, TerugkomHeader } from "./BeamerTerugblik.tsx";
import { BeeldvormingBoard } from "./BeeldvormingBoard.tsx";
import { CasustoetsBoard } from "./CasustoetsBoard.tsx";
import { LobbyBoard } from "./LobbyBoard.tsx";
import { PrioriterenBoard } from "./PrioriterenBoard.tsx";
import { ResultaatBoard } from "./ResultaatBoard.tsx";
import { RolwisselBoard } from "./RolwisselBoard.tsx";
import { SamenvoegenBoard } from "./SamenvoegenBoard.tsx";

export function BeamerScreen({ conn }: { conn: Connection }) {
  const snap = useSnapshot(conn);
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

/** The board of a phase; also draws the replayed boards of the terugblik, so day 1 looks back exactly as it was. */
export function Board({ snap }: { snap: Snapshot }) {
  const kind = snap.session.phase.kind;
  switch (kind) {
    case "lobby":
      return <LobbyBoard snap={snap} />;
    case "beeldvorming":
      return <BeeldvormingBoard snap={snap} />;
    case "rolwissel":
      return <RolwisselBoard snap={snap} />;
    case "samenvoegen":
    case "plenair":
      return <SamenvoegenBoard snap={snap} />;
    case "prioriteren":
      return <PrioriterenBoard snap={snap} />;
    case "casustoets":
      return <CasustoetsBoard snap={snap} />;
    case "resultaat":
      return <ResultaatBoard snap={snap} />;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
