/** The lobby on the beamer: a huge code and QR, the link, how many are in, and the scenario's introduction. */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";

export function LobbyBoard({ snap }: { snap: Snapshot }) {
  const b = t.beamer.lobby;
  const { code, participantCount } = snap.session;
  return (
    <div class="beamer-lobby">
      <section class="lobby-join" aria-labelledby="doe-mee">
        <img class="lobby-qr" src={`/api/qr/${encodeURIComponent(code)}.svg`} alt={b.qrAlt(code)} />
        <div class="lobby-how">
          <h2 id="doe-mee">{b.heading}</h2>
          <p>{b.step1}</p>
          <p class="lobby-url">
            {location.host}/j/{code}
          </p>
          <p class="lobby-code-label">{b.codeLabel}</p>
          <p class="lobby-code">
            {code}
          </p>
          <p class="lobby-count" aria-live="polite">
            {b.count(participantCount)}
          </p>
        </div>
      </section>
      <section class="lobby-intro" aria-labelledby="scenario-kop">
        <h2 id="scenario-kop">{snap.scenario.title}</h2>
        <p>{snap.scenario.intro}</p>
        <p class="muted">{b.roleNote}</p>
      </section>
    </div>
  );
}
