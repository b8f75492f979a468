/** The lobby on the beamer: a huge code and QR, the link, how many are in, and the scenario's introduction. */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/tafels.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { Arrivals } from "./Arrivals.tsx";
import { textBoard } from "./beamerText.ts";
import { WholeText } from "./WholeText.tsx";

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
          <Count n={participantCount} text={b.count(participantCount)} />
        </div>
      </section>
      {snap.tables.length > 0 ? (
        <TableSplit snap={snap} />
      ) : (
        <div class="lobby-below">
          {snap.counts ? <Arrivals counts={snap.counts.arrivals} /> : null}
          <section class="lobby-intro" aria-labelledby="scenario-kop">
            <h2 id="scenario-kop">{snap.scenario.title}</h2>
            <WholeText text={snap.scenario.intro} class="lobby-intro-text" board={textBoard.intro} chosen={snap.beamerPage} />
            <p class="muted">{b.roleNote}</p>
          </section>
        </div>
      )}
    </div>
  );
}

/** Once split: the tafels with how many sit at each. Never who: people find their tafel on their own phone. */
function TableSplit({ snap }: { snap: Snapshot }) {
  const b = t.tafels.beamer;
  return (
    <section class="lobby-intro lobby-tafels" aria-labelledby="tafels-kop">
      <h2 id="tafels-kop">{b.splitHeading(snap.tables.length)}</h2>
      {/* Two across up to four tafels, three across beyond: every tafel on one line. */}
      <ul class="lobby-tafel-list" style={{ "--cols": String(snap.tables.length <= 2 ? snap.tables.length : snap.tables.length <= 4 ? 2 : 3) }}>
        {snap.tables.map((x) => (
          <li key={x.tableId}>
            <strong>{x.name}</strong>
            <span>{b.people(x.members)}</span>
          </li>
        ))}
      </ul>
      <p class="muted">{b.splitNote}</p>
    </section>
  );
}

/** The count of arrivals, ticking (a short pulse, none under reduced motion) each time it goes up. */
function Count({ n, text }: { n: number; text: string }) {
  const last = useRef(n);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (n > last.current) setTick((x) => x + 1);
    last.current = n;
  }, [n]);
  return (
    <p class="lobby-count-live" aria-live="polite" data-count={n}>
      <span key={tick} class={`lobby-count ${tick > 0 ? "tick" : ""}`}>
        {text}
      </span>
    </p>
  );
}
