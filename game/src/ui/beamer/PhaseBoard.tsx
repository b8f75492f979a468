// The board brings its own styles: the console's terugblik draws it too, without the beamer screen around it.
import "../../styles/beamer.css";
import "../../styles/feel-beamer.css";
import type { Snapshot } from "../../net/connection.ts";
import { BeeldvormingBoard } from "./BeeldvormingBoard.tsx";
import { CasustoetsBoard } from "./CasustoetsBoard.tsx";
import { LobbyBoard } from "./LobbyBoard.tsx";
import { PrioriterenBoard } from "./PrioriterenBoard.tsx";
import { ResultaatBoard } from "./ResultaatBoard.tsx";
import { RolwisselBoard } from "./RolwisselBoard.tsx";
import { SamenvoegenBoard } from "./SamenvoegenBoard.tsx";

/**
 * The board of a phase; also draws the replayed boards of the terugblik, so day 1 looks back exactly as it was. With
 * `replay` what the room was asked then (write, vote, wait for a case) is told as what happened: nobody acts on it now.
 */
export function Board({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const kind = snap.session.phase.kind;
  switch (kind) {
    case "lobby":
      return <LobbyBoard snap={snap} />;
    case "beeldvorming":
      return <BeeldvormingBoard snap={snap} replay={replay} />;
    case "rolwissel":
      return <RolwisselBoard snap={snap} replay={replay} />;
    case "samenvoegen":
    case "plenair":
      return <SamenvoegenBoard snap={snap} replay={replay} />;
    case "prioriteren":
      return <PrioriterenBoard snap={snap} replay={replay} />;
    case "casustoets":
      return <CasustoetsBoard snap={snap} replay={replay} />;
    case "resultaat":
      return <ResultaatBoard snap={snap} replay={replay} />;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
