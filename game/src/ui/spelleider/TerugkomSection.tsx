/**
 * The terugkombijeenkomst in the console: at the end of day 1 the button that opens it (behind a confirmation,
 * because day 1 is frozen from then on), and once open the four stages to move between and the code to read out.
 */
import "../../styles/terugblik.css";
import { useState } from "preact/hooks";
import { TERUGKOM_STAGES, type TerugkomStage } from "#shared/protocol/ids.ts";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";

export function TerugkomSection({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const stage = snap.session.terugkomStage;
  if (stage !== null) return <Stages conn={conn} snap={snap} stage={stage} />;
  if (snap.session.phase.kind !== "resultaat") return null;
  return <OpenCard conn={conn} />;
}

function OpenCard({ conn }: { conn: Connection }) {
  const s = t.terugblik.section;
  const [run, state] = useCommand(conn);
  const [asking, setAsking] = useState(false);
  const confirm = () => {
    setAsking(false);
    void run({ type: "terugkom.open" });
  };
  return (
    <section class="card stack tk-section" aria-labelledby="terugkom-kop">
      <h2 id="terugkom-kop">{s.heading}</h2>
      <p class="small">{s.intro}</p>
      <ul class="tk-points small" aria-label={s.pointsLabel}>
        {s.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <button type="button" class="tk-open" onClick={() => setAsking(true)}>
        {s.open}
      </button>
      <CommandStatus state={state} />
      <ConfirmDialog open={asking} title={s.confirmTitle} confirmLabel={s.confirm} onConfirm={confirm} onClose={() => setAsking(false)}>
        <p>{s.confirmText}</p>
      </ConfirmDialog>
    </section>
  );
}

function Stages({ conn, snap, stage }: { conn: Connection; snap: Snapshot; stage: TerugkomStage }) {
  const s = t.terugblik.section;
  const names = t.terugblik.stages;
  const [run, state] = useCommand(conn);
  const currentIndex = TERUGKOM_STAGES.indexOf(stage);
  const next = TERUGKOM_STAGES[currentIndex + 1] ?? null;
  const go = (to: TerugkomStage) => void run({ type: "terugkom.stage", stage: to });
  return (
    <section class="card stack tk-section" aria-labelledby="terugkom-kop">
      <h2 id="terugkom-kop">{s.heading}</h2>
      <div class="tk-code">
        <p class="small muted code-label" id="terugkom-code-label">
          {s.codeLabel}
        </p>
        <p class="session-code" aria-describedby="terugkom-code-label">
          {snap.session.code}
        </p>
        <p class="hint">{s.codeHint(location.host)}</p>
      </div>
      <ol class="tk-stages" aria-label={s.stagesLabel}>
        {TERUGKOM_STAGES.map((step, i) => {
          const current = step === stage;
          return (
            <li key={step} class={`tk-stage ${current ? "current" : ""} ${i < currentIndex ? "done" : ""}`} aria-current={current ? "step" : undefined}>
              <span class="tk-num" aria-hidden="true">
                {i + 1}
              </span>
              {current ? (
                <span class="tk-name">
                  {names[step]} <strong class="tk-now">{s.stageNow}</strong>
                </span>
              ) : (
                <button type="button" class="quiet tk-go" aria-label={s.stageGo(names[step])} onClick={() => go(step)}>
                  {names[step]}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {next ? (
        <button type="button" class="tk-next" onClick={() => go(next)}>
          {s.next(names[next])} <span aria-hidden="true">→</span>
        </button>
      ) : null}
      <CommandStatus state={state} />
      <p class="small muted tk-frozen">{s.frozen}</p>
    </section>
  );
}
