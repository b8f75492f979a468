/** A participant's screen: the top bar (phase, timer, own role, connection) and the current phase. */
import type { Connection } from "../net/connection.ts";
import { t } from "../strings/index.ts";
import { TopBar } from "./common.tsx";
import { useSnapshot } from "./hooks.ts";
import { PhaseView } from "./phases/PhaseView.tsx";

export function ParticipantScreen({ conn }: { conn: Connection }) {
  const snap = useSnapshot(conn);
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
