/** The role reveal: who you are this round, what you care about, the pressure on you, and what only you know. */
import type { GameRole } from "#shared/protocol/ids.ts";
import type { Briefing } from "#shared/protocol/scenario.ts";
import { t } from "#shared/strings/index.ts";
import { ROLE_COLOURS, ROLE_INK } from "#shared/theme.ts";
import "../../../../styles/participant.css";
import { breakableName, RoleIcon } from "../../../common.tsx";
import { RoleTurn } from "./RoleTurn.tsx";

/** `turn`: the first time this role is shown in this round, its card turns over (see RoleTurn.tsx). */
export function RoleBriefing({ role, briefing, turn }: { role: GameRole; briefing: Briefing; turn?: { sessionId: string; roundId: string } }) {
  const texts = t.participant.rolwissel;
  const head = (
    <div class="p-role-head">
      <span class="p-role-badge" style={{ background: ROLE_COLOURS[role] }} aria-hidden="true">
        <RoleIcon role={role} size={36} />
      </span>
      <div>
        <p class="p-kicker">{texts.roleKicker}</p>
        <h2 id="p-rol-titel" class="p-role-name" style={{ color: ROLE_INK[role] }}>{breakableName(briefing.name)}</h2>
      </div>
    </div>
  );
  return (
    <section class="card p-role-card p-reveal" style={{ borderTopColor: ROLE_COLOURS[role] }} aria-labelledby="p-rol-titel">
      {turn ? (
        <RoleTurn sessionId={turn.sessionId} roundId={turn.roundId} roleName={briefing.name}>
          {head}
        </RoleTurn>
      ) : (
        head
      )}
      <p class="p-role-summary">{briefing.summary}</p>
      <BriefingList title={texts.concerns} lines={briefing.concerns} />
      <BriefingList title={texts.pressure} lines={briefing.pressure} />
      {briefing.privateFacts.length > 0 ? (
        <div class="p-secret">
          <h3>
            <span class="p-lock" aria-hidden="true">
              <LockIcon />
            </span>
            {texts.privateFacts}
          </h3>
          <p class="small">{texts.privateFactsHint}</p>
          <ul>
            {briefing.privateFacts.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function BriefingList({ title, lines }: { title: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div class="p-brief-block">
      <h3>{title}</h3>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

export function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      <path d="M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3" />
    </svg>
  );
}
