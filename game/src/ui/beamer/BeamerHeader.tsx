/** Always on the beamer: the phase, what it is about, the timer, and (after the lobby) how late-comers join. */
import type { Snapshot } from "../../net/connection.ts";
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import { Timer } from "../common.tsx";
import { phaseDetail } from "../spelleider/phaseLabels.ts";

export function BeamerHeader({ snap }: { snap: Snapshot }) {
  const { phase, code } = snap.session;
  const detail = phase.kind === "rolwissel" ? phaseDetail(snap, phase) : null;
  return (
    <header class="beamer-header">
      <div class="beamer-phase">
        <p class="beamer-scenario">{snap.scenario.title}</p>
        <h1>
          {PHASE_TITLES[phase.kind]}
          {detail ? <span class="beamer-detail"> · {detail}</span> : null}
        </h1>
      </div>
      <div class="beamer-timer">
        <Timer snap={snap} />
      </div>
      {phase.kind !== "lobby" ? (
        <JoinHint code={code} />
      ) : null}
    </header>
  );
}

/** How late-comers join: the address and the code, readable from the back of the room. */
export function JoinHint({ code }: { code: string }) {
  return (
    <p class="beamer-join">
      <span>
        {t.beamer.joinShort} <strong class="join-host">{location.host}</strong>
      </span>
      <span>
        {t.beamer.codeLabel} <strong>{code}</strong>
      </span>
    </p>
  );
}
