/**
 * A rolwissel-ronde: before the reveal the round's case, the instruction and which roles are in play (drafts are
 * private, so no counts); after the reveal each role's wensenpakket.
 */
import type { Snapshot } from "../../net/connection.ts";
import { GAME_ROLES, type GameRole } from "../../../../server/protocol/ids.ts";
import { t } from "../../strings/index.ts";
import { RoleChip } from "../common.tsx";
import { TableStrip } from "./TableStrip.tsx";
import { firstOf } from "./usePages.ts";

export function RolwisselBoard({ snap }: { snap: Snapshot }) {
  const { phase, rounds } = snap.session;
  const round = snap.scenario.rounds.find((r) => r.id === phase.roundId);
  // With tafels: once every tafel is revealed the room sees the wensenpakketten, as after one reveal for all.
  const revealed = (rounds.find((r) => r.id === phase.roundId)?.revealed ?? false) || (snap.tables.length > 0 && snap.tables.every((x) => x.revealed));
  if (!round) return null;
  return (
    <>
      {revealed ? <Wensenpakketten snap={snap} roundId={round.id} /> : <RoundIntro snap={snap} caseId={round.caseId} instruction={round.instruction ?? null} />}
      <TableStrip snap={snap} />
    </>
  );
}

function RoundIntro({ snap, caseId, instruction }: { snap: Snapshot; caseId: string; instruction: string | null }) {
  const b = t.beamer.rolwissel;
  const theCase = snap.cases.find((c) => c.id === caseId);
  const tafels = snap.tables.length > 0;
  const perRole = new Map<GameRole, number>();
  for (const seat of snap.seats) if (seat.role) perRole.set(seat.role, (perRole.get(seat.role) ?? 0) + 1);
  return (
    <div class="rol-intro">
      {theCase ? (
        <section class="beamer-panel rol-case" aria-labelledby="casus-kop">
          <p class="beamer-label">{b.caseLabel}</p>
          <h2 id="casus-kop">{theCase.title}</h2>
          <p class="clamp-12">{theCase.situation}</p>
          <p class="rol-effect">
            <span class="beamer-label">{b.effect}: </span>
            {theCase.effectWanted}
          </p>
        </section>
      ) : null}
      <div class="rol-side">
        {instruction ? (
          <section class="beamer-panel" aria-labelledby="opdracht-kop">
            <h2 id="opdracht-kop" class="beamer-label">{b.instructionLabel}</h2>
            <p class="clamp-6">{instruction}</p>
          </section>
        ) : null}
        <section class="beamer-panel" aria-labelledby="rollen-kop">
          <h2 id="rollen-kop" class="beamer-label">{b.rolesHeading}</h2>
          {/* With tafels the counts are of the whole room; the chips alone, side by side, leave room for the strip. */}
          <ul class={`rol-roles ${tafels ? "tafel-roles-wrap" : ""}`}>
            {GAME_ROLES.filter((r) => perRole.has(r)).map((role) => (
              <li key={role}>
                <RoleChip role={role} /> {tafels ? null : <span class="muted">{b.players(perRole.get(role) ?? 0)}</span>}
              </li>
            ))}
          </ul>
          <p class="muted">{b.privateNote}</p>
        </section>
      </div>
    </div>
  );
}

function Wensenpakketten({ snap, roundId }: { snap: Snapshot; roundId: string }) {
  const b = t.beamer.rolwissel;
  const eisen = snap.eisen.filter((e) => e.roundId === roundId);
  const roles = GAME_ROLES.filter((r) => eisen.some((e) => e.role === r));
  // Fewer roles, more room each: six roles fit three across in two rows.
  // With tafels the strip under the board takes a line of each cell's room.
  const perCell = roles.length > 3 ? (snap.tables.length > 0 ? 2 : 4) : 8;
  return (
    <section class="pakketten-board" aria-labelledby="pakketten-kop">
      <div class="board-head">
        <h2 id="pakketten-kop">{b.packagesHeading}</h2>
        <p class="muted">{b.packagesStats(eisen.length, roles.length)}</p>
      </div>
      <div class={`pakketten ${roles.length > 3 ? "two-rows" : ""}`}>
        {roles.map((role) => {
          const mine = eisen.filter((e) => e.role === role);
          const { shown, rest } = firstOf(mine, perCell);
          return (
            <section key={role} class="pakket beamer-panel">
              <h3 class="pakket-head">
                <RoleChip role={role} /> <span class="muted">{b.eisen(mine.length)}</span>
              </h3>
              <ul>
                {shown.map((e) => (
                  <li key={e.id} class="clamp-2">
                    {e.text}
                  </li>
                ))}
              </ul>
              {rest > 0 ? <p class="beamer-more">{t.beamer.more(rest)}</p> : null}
            </section>
          );
        })}
      </div>
    </section>
  );
}
