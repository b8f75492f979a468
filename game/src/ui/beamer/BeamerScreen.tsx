/** The projector view: no controls; code and QR, phase, timer, the board and the support chart. */
import type { Connection } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { useSnapshot } from "../hooks.ts";

export function BeamerScreen({ conn }: { conn: Connection }) {
  const snap = useSnapshot(conn);
  if (!snap) return <main class="page beamer"><p role="status">{t.common.loading}</p></main>;
  return (
    <main class="page wide beamer">
      <h1>{snap.scenario.title}</h1>
      <p class="code">{snap.session.code}</p>
    </main>
  );
}
