/**
 * Prioriteren: every PvE item with its provenance; participants spend points (− / +) or choose MoSCoW in their
 * game role; once the spelleider reveals, the support per role per item, most supported first.
 */
import type { SupportView } from "#shared/protocol/views.ts";
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import "../../styles/participant.css";
import { Dock } from "./parts/participant/Dock.tsx";
import { isParticipant, readyCount } from "./parts/participant/lookup.ts";
import { PointsLeft } from "./parts/participant/PointsLeft.tsx";
import { ReadyProgress } from "./parts/participant/ReadyProgress.tsx";
import { ReadyToggle } from "./parts/participant/ReadyToggle.tsx";
import { VoteItem } from "./parts/participant/VoteItem.tsx";
import { anyScoreWithoutSupport } from "../../phaser/chartModel.ts";
import { WeakBarsNote } from "./parts/participant/SupportBars.tsx";
import type { PhaseProps } from "./types.ts";

export function Prioriteren({ conn, snap, audience }: PhaseProps) {
  const texts = t.participant.prioriteren;
  const participant = isParticipant(audience);
  const voting = snap.scenario.voting;
  const revealed = snap.session.votesRevealed;
  const canVote = participant && (snap.mine?.role ?? null) !== null;
  const support = new Map<string, SupportView>(snap.support.map((s) => [s.itemId, s]));
  // After the reveal the list is the result: most supported first (the server's order breaks ties).
  const order = new Map(snap.support.map((s, i) => [s.itemId, i]));
  const items = revealed ? [...snap.items].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9)) : snap.items;
  const { ready, total } = readyCount(snap);

  const intro = !participant
    ? texts.introSpelleider
    : voting.mode === "punten"
      ? texts.introPoints(voting.budget, voting.maxPerItem ?? null)
      : texts.introMoscow;

  return (
    <div class={`p-screen stack${participant ? "" : " p-wide"}`}>
      <header class="p-head">
        <h1 id="fase-titel">{PHASE_TITLES.prioriteren}</h1>
        <p>{revealed ? texts.closed : intro}</p>
        {!revealed && participant ? <p class="small muted">{texts.secret}</p> : null}
        {!revealed && !participant ? <ReadyProgress ready={ready} total={total} /> : null}
      </header>

      <section aria-labelledby="p-items-titel" class="stack">
        <h2 id="p-items-titel">{revealed ? texts.resultTitle : texts.itemsTitle}</h2>
        {revealed && anyScoreWithoutSupport(snap.support) ? <WeakBarsNote /> : null}
        {items.length === 0 ? (
          <p class="muted">{texts.noItems}</p>
        ) : (
          <ol class="p-items">
            {items.map((item, i) => (
              <VoteItem key={item.id} conn={conn} snap={snap} item={item} support={support.get(item.id) ?? null} canVote={canVote} rank={revealed ? i + 1 : null} />
            ))}
          </ol>
        )}
      </section>

      {canVote ? (
        <Dock label={t.participant.ready.dock}>
          {!revealed ? (
            <div class="p-dock-status">
              {voting.mode === "punten" ? <PointsLeft snap={snap} /> : null}
              {items.length > 0 ? <p class="p-chosen small">{texts.chosen(chosenCount(snap), items.length)}</p> : null}
            </div>
          ) : null}
          <ReadyToggle conn={conn} snap={snap} />
        </Dock>
      ) : null}
    </div>
  );
}

/** How far a long list is: the items this participant gave points to, or made a MoSCoW choice for. */
function chosenCount(snap: PhaseProps["snap"]): number {
  const live = new Set(snap.items.map((i) => i.id));
  const mine = snap.scenario.voting.mode === "punten" ? (snap.mine?.points ?? []).filter((p) => p.points > 0) : (snap.mine?.moscow ?? []);
  return new Set(mine.map((m) => m.itemId).filter((id) => live.has(id))).size;
}
