/**
 * Picks the screen for the current phase; the same screens serve participants and the spelleider. Once the
 * terugkombijeenkomst is open, day 1 is frozen and day 2 takes over: the spelleider's terugblik has its own viewer.
 */
import { Beeldvorming } from "./Beeldvorming.tsx";
import { Casustoets } from "./Casustoets.tsx";
import { Lobby } from "./Lobby.tsx";
import { Prioriteren } from "./Prioriteren.tsx";
import { Resultaat } from "./Resultaat.tsx";
import { Rolwissel } from "./Rolwissel.tsx";
import { Samenvoegen } from "./Samenvoegen.tsx";
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { Terugkom } from "../terugkom/Terugkom.tsx";
import type { PhaseProps } from "./types.ts";

export function PhaseView(props: PhaseProps) {
  const stage = props.snap.session.terugkomStage;
  if (stage !== null) {
    if (props.audience === "spelleider" && stage === "terugblik") return <LazyTerugblik conn={props.conn} snap={props.snap} />;
    return <Terugkom {...props} />;
  }
  const kind = props.snap.session.phase.kind;
  switch (kind) {
    case "lobby":
      return <Lobby {...props} />;
    case "beeldvorming":
      return <Beeldvorming {...props} />;
    case "rolwissel":
      return <Rolwissel {...props} />;
    case "samenvoegen":
    case "plenair":
      return <Samenvoegen {...props} />;
    case "prioriteren":
      return <Prioriteren {...props} />;
    case "casustoets":
      return <Casustoets {...props} />;
    case "resultaat":
      return <Resultaat {...props} />;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

type ViewerProps = { conn: Connection; snap: Snapshot };

/**
 * The terugblik viewer draws every beamer board: loaded only when the spelleider opens it, so the phones' first
 * download does not carry the beamer's boards.
 */
function LazyTerugblik(props: ViewerProps) {
  const [Viewer, setViewer] = useState<{ C: ComponentType<ViewerProps> } | { error: string } | null>(null);
  useEffect(() => {
    import("../terugblik/TerugblikViewer.tsx").then(
      (m) => setViewer({ C: m.TerugblikViewer }),
      (error: unknown) => setViewer({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  if (Viewer === null) return <p role="status">{t.common.loading}</p>;
  if ("error" in Viewer) {
    return (
      <section class="card" role="alert">
        <p>{Viewer.error}</p>
      </section>
    );
  }
  return <Viewer.C {...props} />;
}
