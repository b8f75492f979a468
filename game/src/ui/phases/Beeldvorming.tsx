/** Beeldvorming: anonymous cards per prompt, clustered by the group; "klaar" for participants. */
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import "../../styles/participant.css";
import { Dock } from "./parts/participant/Dock.tsx";
import { canWorkOnBoard, fieldId, isParticipant } from "./parts/participant/lookup.ts";
import { PromptBoard } from "./parts/participant/PromptBoard.tsx";
import { ReadyToggle } from "./parts/participant/ReadyToggle.tsx";
import type { PhaseProps } from "./types.ts";

export function Beeldvorming({ conn, snap, audience }: PhaseProps) {
  const texts = t.participant.beeldvorming;
  const participant = isParticipant(audience);
  const prompts = snap.scenario.prompts;
  return (
    <div class={`p-screen stack${participant ? "" : " p-wide"}`}>
      <header class="p-head">
        <h1 id="fase-titel">{PHASE_TITLES.beeldvorming}</h1>
        <p class="muted">{participant ? texts.intro : texts.introSpelleider}</p>
        {prompts.length > 1 ? (
          <nav aria-label={texts.jumpTo}>
            <ul class="p-jump">
              {prompts.map((p) => (
                <li key={p.id}>
                  <a href={`#${fieldId("vraag-sectie", p.id)}`}>{p.text}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <div class="p-prompts">
        {prompts.map((p) => (
          <PromptBoard key={p.id} conn={conn} snap={snap} promptId={p.id} text={p.text} canPost={participant} canMove={canWorkOnBoard(audience)} />
        ))}
      </div>
      {participant ? (
        <Dock label={t.participant.ready.dock}>
          <ReadyToggle conn={conn} snap={snap} />
        </Dock>
      ) : null}
    </div>
  );
}
