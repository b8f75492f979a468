/**
 * Rolwissel-ronde: the participant's role and its briefing, the round's case with what only this role knows, and
 * the private eisen editor; after the reveal, every role's wensenpakket. The spelleider sees the case and, once
 * revealed, the wensenpakketten (before that: how many are ready).
 */
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import "../../styles/participant.css";
import { BriefingFold } from "./parts/participant/BriefingFold.tsx";
import { CaseBrief } from "./parts/participant/CaseBrief.tsx";
import { Dock } from "./parts/participant/Dock.tsx";
import { DraftList } from "./parts/participant/DraftList.tsx";
import { EisEditor } from "./parts/participant/EisEditor.tsx";
import { LockIcon, RoleBriefing } from "./parts/participant/RoleBriefing.tsx";
import { currentRound, isParticipant, readyCount } from "./parts/participant/lookup.ts";
import { ReadyProgress } from "./parts/participant/ReadyProgress.tsx";
import { ReadyToggle } from "./parts/participant/ReadyToggle.tsx";
import { Wensenpakketten } from "./parts/participant/Wensenpakketten.tsx";
import type { PhaseProps } from "./types.ts";

export function Rolwissel({ conn, snap, audience }: PhaseProps) {
  const texts = t.participant.rolwissel;
  const { roundId, round, caseView, revealed } = currentRound(snap);
  const participant = isParticipant(audience);
  const role = participant ? (snap.mine?.role ?? null) : null;
  const briefing = participant ? (snap.mine?.briefing ?? null) : null;
  const writing = participant && role !== null && !revealed && roundId !== null;
  const { ready, total } = readyCount(snap);
  // With tafels the spelleider may have revealed some tafels already; the tafeloverzicht shows which.
  const revealedTables = snap.tables.filter((x) => x.revealed).map((x) => x.name);

  const briefingCard = role && briefing ? <RoleBriefing key={`${roundId ?? ""}:${role}`} role={role} briefing={briefing} turn={participant && roundId ? { sessionId: snap.session.sessionId, roundId } : undefined} /> : null;
  const caseCard = caseView ? <CaseBrief caseView={caseView} facts={participant ? (snap.mine?.caseFacts ?? []) : []} instruction={round?.instruction ?? null} /> : null;

  return (
    <div class={`p-screen stack${participant ? "" : " p-wide"}${writing ? " p-writing" : ""}`}>
      <header class="p-head">
        <p class="p-kicker">{PHASE_TITLES.rolwissel}</p>
        <h1 id="fase-titel">{round?.title ?? PHASE_TITLES.rolwissel}</h1>
        {writing ? (
          <a class="p-skip" href="#p-eisen">
            {texts.skipToEisen}
          </a>
        ) : null}
      </header>

      {participant && role === null ? <p class="card p-note" role="status">{texts.noRole}</p> : null}

      {revealed && roundId ? (
        <>
          <p class="p-note p-note-open" role="status">{participant ? texts.revealedNote : texts.revealedNoteSpelleider}</p>
          <Wensenpakketten snap={snap} roundId={roundId} />
          {briefingCard}
          {caseCard}
        </>
      ) : (
        <>
          {!participant ? (
            <section class="card p-waiting" aria-labelledby="p-wacht-titel">
              <h2 id="p-wacht-titel">{texts.pakkettenTitle}</h2>
              <p>{revealedTables.length > 0 ? t.tafels.rolwissel.someRevealed(revealedTables) : texts.notYetVisible}</p>
              <ReadyProgress ready={ready} total={total} />
            </section>
          ) : null}
          {writing && roundId ? (
            <BriefingFold sessionId={snap.session.sessionId} roundId={roundId} hasDrafts={snap.drafts.some((e) => e.roundId === roundId)}>
              {briefingCard}
              {caseCard}
            </BriefingFold>
          ) : (
            <>
              {briefingCard}
              {caseCard}
            </>
          )}
        </>
      )}

      {writing && roundId ? (
        <section id="p-eisen" class="card stack p-eisen" aria-labelledby="p-eisen-titel" tabIndex={-1}>
          <h2 id="p-eisen-titel">{texts.editorTitle}</h2>
          <p class="p-private">
            <span class="p-lock" aria-hidden="true">
              <LockIcon />
            </span>
            {texts.privacy}
          </p>
          <EisEditor conn={conn} snap={snap} roundId={roundId} />
          <DraftList conn={conn} snap={snap} roundId={roundId} />
        </section>
      ) : null}

      {participant && role !== null ? (
        <Dock label={t.participant.ready.dock}>
          <ReadyToggle conn={conn} snap={snap} />
        </Dock>
      ) : null}
    </div>
  );
}
