/** The spelleider's console: controls and who-is-ready beside the same phase screens participants see. */
import type { Connection } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { TopBar } from "../common.tsx";
import { useSnapshot } from "../hooks.ts";
import { PhaseView } from "../phases/PhaseView.tsx";

export function SpelleiderScreen({ conn }: { conn: Connection }) {
  const snap = useSnapshot(conn);
  if (!snap) return <main class="page"><p role="status">{t.common.loading}</p></main>;
  return (
    <>
      <TopBar conn={conn} snap={snap} />
      <main class="page wide">
        <PhaseView conn={conn} snap={snap} audience="spelleider" />
      </main>
    </>
  );
}
