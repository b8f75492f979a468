/**
 * A casustoets per tafel on the beamer: a panel per tafel with its case, where it is on De Omgekeerde Toets (the same
 * track as the plenary's, small: a road over the five numbered marks with the tafel's token on its current step, the
 * law last; the marks and the line under them say it in words) and whether it decided. Counts and roles only, no names.
 * Up to four tafels the panels are tall and show the effect and the newest note whole; with five or more (two rows) a
 * panel names its tafel in the title's line and gives the rest of its height to the newest note (else the effect),
 * shortened to whole words with "…" where it is long: the whole text is on the phones of that tafel and on the console.
 * Once a tafel has decided, its panel shows its besluit (under the effect; with five or more tafels instead of it).
 */
import type { TableView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../net/connection.ts";
import { ROLE_NAMES, t } from "#shared/strings/index.ts";
import "../../styles/tafels.css";
import type { ComponentChildren } from "preact";
import type { ToetsStep } from "#shared/protocol/scenario.ts";
import { RoleChip, RoleIcon } from "../common.tsx";
import { ROLE_COLOURS } from "#shared/theme.ts";
import type { GameRole } from "#shared/protocol/ids.ts";
import { useToetsTrack } from "./ToetsTrack.tsx";
import { FitText } from "./FitText.tsx";

export function TableCases({ snap }: { snap: Snapshot }) {
  const b = t.tafels.beamer;
  // Up to four tafels in one row of tall panels; more in two rows (five or six tafels: three a row, up to twelve: six).
  const n = snap.tables.length;
  const compact = n > 4;
  return (
    <section class="tafel-cases" aria-labelledby="tafel-casussen-kop">
      {compact ? (
        <div class="board-head">
          <h2 id="tafel-casussen-kop">{b.casesHeading}</h2>
          <p class="muted tafel-cases-whole">{b.shortened}</p>
        </div>
      ) : (
        <h2 id="tafel-casussen-kop">{b.casesHeading}</h2>
      )}
      <ul class={`tafel-cases-grid ${n <= 4 ? "one-row" : ""}`} style={{ "--tafel-cols": String(n <= 4 ? Math.max(1, n) : Math.min(6, Math.ceil(n / 2))) }}>
        {snap.tables.map((table) => (
          <li key={table.tableId}>
            <TableCase snap={snap} table={table} compact={compact} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TableCase({ snap, table, compact }: { snap: Snapshot; table: TableView; compact: boolean }) {
  const b = t.tafels.beamer;
  const cb = t.beamer.casustoets;
  const steps = snap.scenario.omgekeerdeToets;
  const kase = table.caseId ? snap.cases.find((c) => c.id === table.caseId) : undefined;
  const stepIndex = Math.min(table.stepIndex ?? 0, steps.length);
  const step = steps[stepIndex];
  // The newest note at this tafel's current step: what the tafel is talking about now.
  const note = kase?.notes.filter((n) => n.stepId === step?.id).at(-1);
  // Once the tafel has decided, its besluit is the news (where it stands depends on the layout, below).
  const besluit = kase?.decision ? <FitText class="tafel-case-decision" text={kase.decision.decision} lead={<span class="beamer-label">{`${cb.decision}: `}</span>} /> : null;
  return (
    <article class={`beamer-panel tafel-case ${kase?.decision ? "done" : ""}`} aria-labelledby={`tc-${table.tableId}`}>
      {compact && kase ? null : (
        <p class="beamer-label" id={`tc-${table.tableId}`}>
          {table.name}
        </p>
      )}
      {kase ? (
        <>
          {compact ? (
            // Two rows of panels: the tafel's name starts the title's line, a line more for the note.
            <h3 class="clamp-3" id={`tc-${table.tableId}`}>
              <span class="tafel-case-name">{table.name}</span>
              <span class="sr-only">:</span> {kase.title}
            </h3>
          ) : (
            <h3 class="clamp-3">{kase.title}</h3>
          )}
          <TafelWalk steps={steps} stepIndex={stepIndex} decided={kase.decision !== null}>
            <ol class="tafel-steps" aria-label={cb.pathLabel}>
              {steps.map((s, i) => {
                const state = kase.decision || i < stepIndex ? "done" : i === stepIndex ? "current" : "todo";
                return (
                  <li key={s.id} class={`${state} ${i === steps.length - 1 ? "law" : ""}`} aria-current={state === "current" ? "step" : undefined}>
                    <span aria-hidden="true">{state === "done" ? "✓" : i + 1}</span>
                    <span class="sr-only">{`${cb.step(i + 1)}: ${s.title}${state === "done" ? ` (${cb.done})` : ""}`}</span>
                  </li>
                );
              })}
            </ol>
          </TafelWalk>
          <p class="tafel-case-step">
            {kase.decision ? (
              <strong class="tafel-tile-ok">
                <span aria-hidden="true">✓ </span>
                {b.decided}
              </strong>
            ) : (
              <>
                <strong>{b.step(stepIndex + 1, steps.length)}</strong>
                {step ? `: ${step.title}` : ""}
              </>
            )}
          </p>
          {compact ? (
            besluit ? (
              besluit
            ) : note ? (
              <FitText class="tafel-case-note" text={note.text} lead={note.role ? <NoteRole role={note.role} /> : null} />
            ) : (
              <FitText class="tafel-case-effect" text={kase.effectWanted} lead={<span class="beamer-label">{`${b.effect}: `}</span>} />
            )
          ) : null}
          {compact ? null : (
            <p class="tafel-case-effect clamp-4">
              <span class="beamer-label">{cb.effect}: </span>
              {kase.effectWanted}
            </p>
          )}
          {/* Up to four tafels: the besluit under the effect, in the rest of the panel. */}
          {compact ? null : besluit}
          {note && !kase.decision && !compact ? (
            <p class="tafel-case-note">
              {note.role ? <RoleChip role={note.role} /> : null} <span class="clamp-3">{note.text}</span>
            </p>
          ) : null}
        </>
      ) : (
        <p class="muted">{b.noCase}</p>
      )}
    </article>
  );
}

/**
 * The tafel's track: the toets scene (phaser/scenes/ToetsTrack.ts) drawn over the step marks, the token walking on when
 * the tafel's step changes (it jumps under reduced motion), past the law once the tafel has decided.
 */
function TafelWalk({ steps, stepIndex, decided, children }: { steps: ToetsStep[]; stepIndex: number; decided: boolean; children: ComponentChildren }) {
  const { walk, track, host, mode } = useToetsTrack(".tafel-steps > li", decided ? steps.length : stepIndex, steps.length);
  return (
    <div class={`tafel-walk ${mode}`} ref={walk}>
      <div class="tafel-track" ref={track} aria-hidden="true">
        <div class="tafel-track-canvas" ref={host} />
      </div>
      {children}
    </div>
  );
}

/** Who wrote a shortened note: the role's icon in its colour (as on the board's marks), the name for screen readers. */
function NoteRole({ role }: { role: GameRole }) {
  return (
    <>
      <span class="tafel-note-role" style={{ background: ROLE_COLOURS[role] }} aria-hidden="true">
        <RoleIcon role={role} />
      </span>
      <span class="sr-only">{`${ROLE_NAMES[role]}: `}</span>
    </>
  );
}
