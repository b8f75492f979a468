/** Lobby: a participant is welcomed by name and waits; everyone reads the intro and meets the six roles. */
import { REAL_ROLE_NAMES, t } from "#shared/strings/index.ts";
import "../../styles/participant.css";
import { isParticipant } from "./parts/participant/lookup.ts";
import { RoleList } from "./parts/participant/RoleList.tsx";
import { tableName } from "./parts/tafel/tafels.ts";
import "../../styles/tafels.css";
import type { PhaseProps } from "./types.ts";

export function Lobby({ snap, audience }: PhaseProps) {
  const texts = t.participant.lobby;
  // For the spelleider `people` is everyone, so the welcome by name is only for a participant's own entry.
  const me = isParticipant(audience) ? (snap.people[0] ?? null) : null;
  const table = me ? tableName(snap, me.tableId) : null;
  return (
    <div class="p-screen stack">
      <section class="card stack p-welcome" aria-labelledby="fase-titel">
        <h1 id="fase-titel">{me ? t.lobby.welcome(me.displayName) : texts.titleSpelleider}</h1>
        {me ? (
          <div class="p-in" role="status">
            <span class="p-in-mark" aria-hidden="true">✓</span>
            <div>
              <p class="p-in-title">{texts.inTitle}</p>
              <p class="muted">{texts.waiting}</p>
            </div>
          </div>
        ) : null}
        <p class="p-count">{texts.count(snap.session.participantCount)}</p>
        {table ? (
          <div class="tafel-seat" role="status">
            <p class="tafel-seat-label">{t.tafels.participant.seatLabel}</p>
            <p class="tafel-seat-name">{table}</p>
            <p>{t.tafels.participant.seatHint}</p>
          </div>
        ) : null}
        {me ? <p class="small muted">{texts.yourFunction(REAL_ROLE_NAMES[me.realRole])}</p> : null}
      </section>
      <section class="card stack" aria-labelledby="lobby-intro">
        <h2 id="lobby-intro">{texts.introTitle}</h2>
        <p class="p-intro">{snap.scenario.intro}</p>
      </section>
      <section class="card stack" aria-labelledby="lobby-rollen">
        <h2 id="lobby-rollen">{texts.rolesTitle}</h2>
        <p class="muted">{me ? texts.rolesIntro : texts.rolesIntroSpelleider}</p>
        <RoleList snap={snap} />
      </section>
    </div>
  );
}
