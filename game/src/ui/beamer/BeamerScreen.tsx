/**
 * The projector view: no controls, readable from the back of the room. Always the phase, the timer and a pause
 * banner; below them the board of the current phase.
 */
import "../../styles/beamer.css";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { ConnectionBanner } from "../common.tsx";
import { useSnapshot } from "../hooks.ts";
import { BeamerHeader } from "./BeamerHeader.tsx";
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
  return (
    <div class={`beamer-root phase-${snap.session.phase.kind}`}>
      <BeamerHeader snap={snap} />
      <ConnectionBanner conn={conn} />
      {snap.session.paused ? (
        <div class="banner paused beamer-paused" role="status">
          {t.beamer.paused}
        </div>
      ) : null}
      <main class="beamer-main">
        <Board snap={snap} />
      </main>
    </div>
  );
}

function Board({ snap }: { snap: Snapshot }) {
  const kind = snap.session.phase.kind;
  switch (kind) {
    case "lobby":
      return <LobbyBoard snap={snap} />;
    case "beeldvorming":
      return <BeeldvormingBoard snap={snap} />;
    case "rolwissel":
      return <RolwisselBoard snap={snap} />;
    case "samenvoegen":
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
