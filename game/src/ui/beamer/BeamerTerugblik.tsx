/**
 * The beamer during the terugkombijeenkomst. In the terugblik it follows the spelleider: a header with the phase of
 * day 1 we are in, a strip with the moment (time and what happened), and the board as it was then, drawn by the same boards as live. Until the spelleider takes
 * the first step, a calm waiting text. In the later stages a header with the stage; the board is the stage's own.
 */
import "../../styles/terugblik.css";
import { useMemo } from "preact/hooks";
import type { Snapshot } from "../../net/connection.ts";
import { terugblikFor, timeOf } from "../../net/terugblik.ts";
import { t } from "#shared/strings/index.ts";
import { eventLabel, phaseParts, useBoardAt, useTimeline } from "../terugblik/replay.ts";
import { JoinHint } from "./BeamerHeader.tsx";
import { Board } from "./PhaseBoard.tsx";

export function BeamerTerugblik({ snap }: { snap: Snapshot }) {
  const b = t.terugblik.beamer;
  const code = snap.session.code;
  const source = useMemo(() => terugblikFor({ as: "beamer", code }), [code]);
  const seq = snap.replaySeq > 0 ? snap.replaySeq : null;
  const { timeline } = useTimeline(source);
  // The spelleider already waited for the thumb to rest: the beamer asks at once.
  const board = useBoardAt(source, seq, { debounceMs: 0 });
  const entry = seq === null ? null : (timeline?.entries.find((e) => e.seq === seq) ?? null);
  const phase = entry ? phaseParts(snap, entry) : null;

  return (
    <>
      <header>
        <div class="beamer-header tb-beamer-header">
          <div class="beamer-phase">
            <p class="beamer-scenario">
              {b.dayTwo} · {snap.scenario.title}
            </p>
            <h1>
              {b.heading}
              {phase ? ` — ${phase.title}` : null}
              {phase?.detail ? <span class="beamer-detail"> · {phase.detail}</span> : null}
            </h1>
          </div>
          <JoinHint code={code} />
        </div>
        {entry ? (
          <p class="tb-beamer-event">
            <span class="tb-beamer-time">{timeOf(entry.at)}</span>
            <span class="tb-beamer-label">{eventLabel(entry)}</span>
          </p>
        ) : null}
      </header>
      <main class="beamer-main">
        {seq === null ? (
          <div class="tb-beamer-waiting">
            <h2>{b.waitingTitle}</h2>
            <p>{b.waitingText}</p>
          </div>
        ) : board.shown ? (
          <Board snap={board.shown.snap} replay />
        ) : (
          <p class="beamer-empty" role="status">
            {board.error ?? b.loading}
          </p>
        )}
      </main>
    </>
  );
}

/** The header of the later stages: which stage, and how to join (new people come in with the same code). */
export function TerugkomHeader({ snap }: { snap: Snapshot }) {
  const stage = snap.session.terugkomStage;
  return (
    <header class="beamer-header tb-beamer-header">
      <div class="beamer-phase">
        <p class="beamer-scenario">{snap.scenario.title}</p>
        <h1>
          {t.terugblik.beamer.dayTwo}
          {stage ? <span class="beamer-detail"> · {t.terugblik.stages[stage]}</span> : null}
        </h1>
      </div>
      <JoinHint code={snap.session.code} />
    </header>
  );
}
