/**
 * A rolwissel-ronde: before the reveal the round's case, the instruction and which roles are in play, with a live
 * count of eisen written per role (numbers only: the drafts' text stays private); after the reveal each role's
 * wensenpakket, arriving role by role. Eisen that do not fit their role's panel are counted in a visible "+n meer".
 */
import { useLayoutEffect, useRef } from "preact/hooks";
import type { Snapshot } from "../../net/connection.ts";
import { GAME_ROLES, type GameRole } from "#shared/protocol/ids.ts";
import { t } from "#shared/strings/index.ts";
import { ROLE_NAMES } from "#shared/strings/index.ts";
import { ROLE_COLOURS } from "#shared/theme.ts";
import { RoleChip } from "../common.tsx";
import { TableStrip } from "./TableStrip.tsx";

export function RolwisselBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const { phase, rounds } = snap.session;
  const round = snap.scenario.rounds.find((r) => r.id === phase.roundId);
  // With tafels: once every tafel is revealed the room sees the wensenpakketten, as after one reveal for all.
  const revealed = (rounds.find((r) => r.id === phase.roundId)?.revealed ?? false) || (snap.tables.length > 0 && snap.tables.every((x) => x.revealed));
  if (!round) return null;
  return (
    <>
      {revealed ? <Wensenpakketten snap={snap} roundId={round.id} /> : <RoundIntro snap={snap} caseId={round.caseId} instruction={round.instruction ?? null} replay={replay} />}
      <TableStrip snap={snap} />
    </>
  );
}

function RoundIntro({ snap, caseId, instruction, replay }: { snap: Snapshot; caseId: string; instruction: string | null; replay: boolean }) {
  const b = t.beamer.rolwissel;
  const theCase = snap.cases.find((c) => c.id === caseId);
  const tafels = snap.tables.length > 0;
  const perRole = new Map<GameRole, number>();
  for (const seat of snap.seats) if (seat.role) perRole.set(seat.role, (perRole.get(seat.role) ?? 0) + 1);
  const written = snap.counts?.written && snap.counts.written.roundId === snap.session.phase.roundId ? snap.counts.written.perRole : null;
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
          <h2 id="rollen-kop" class="beamer-label">{written ? t.feel.rolwissel.writtenHeading : b.rolesHeading}</h2>
          {/* With tafels the counts are of the whole room; the chips alone, side by side, leave room for the strip. */}
          {written ? (
            <Written roles={GAME_ROLES.filter((r) => perRole.has(r) || written[r] > 0)} written={written} />
          ) : perRole.size === 0 ? (
            <p>{b.rolesComing}</p>
          ) : (
            <ul class={`rol-roles ${tafels ? "tafel-roles-wrap" : ""}`}>
              {GAME_ROLES.filter((r) => perRole.has(r)).map((role) => (
                <li key={role}>
                  <RoleChip role={role} /> {tafels ? null : <span class="muted">{b.players(perRole.get(role) ?? 0)}</span>}
                </li>
              ))}
            </ul>
          )}
          <p class="muted">{written ? (replay ? t.feel.rolwissel.privateNoteReplay : t.feel.rolwissel.privateNote) : replay ? b.privateNoteReplay : b.privateNote}</p>
        </section>
      </div>
    </div>
  );
}

function Wensenpakketten({ snap, roundId }: { snap: Snapshot; roundId: string }) {
  const b = t.beamer.rolwissel;
  const eisen = snap.eisen.filter((e) => e.roundId === roundId);
  const roles = GAME_ROLES.filter((r) => eisen.some((e) => e.role === r));
  const board = useRef<HTMLDivElement>(null);
  const columns = columnsFor(roles.map((role) => ({ role, weight: weightOf(eisen.filter((e) => e.role === role)) })), Math.min(3, roles.length));
  // After every layout: each panel shows the eisen that fit whole, and says how many more there are.
  useLayoutEffect(() => {
    const el = board.current;
    if (!el) return;
    const fit = () => {
      const panels = Array.from(el.querySelectorAll<HTMLElement>(".pakket"));
      // First every panel's floor (a floor raised later would squeeze a panel already fitted), then the fitting.
      for (const panel of panels) keepFirstWhole(panel);
      for (const panel of panels) fitPanel(panel);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    void document.fonts.ready.then(fit);
    return () => observer.disconnect();
  });
  return (
    <section class="pakketten-board" aria-labelledby="pakketten-kop">
      <div class="board-head">
        <h2 id="pakketten-kop">{b.packagesHeading}</h2>
        <p class="muted">{b.packagesStats(eisen.length, roles.length)}</p>
        <p class="sr-only">{t.feel.rolwissel.revealOrder}</p>
      </div>
      <div class="pakketten pakket-columns" ref={board} style={{ "--cols": String(columns.length) }}>
        {columns.map((column, c) => (
          <div key={c} class="pakket-col">
            {column.map((role) => {
              const mine = eisen.filter((e) => e.role === role);
              return (
                <section key={role} class="pakket beamer-panel reveal" data-role={role} style={{ "--delay": `${roles.indexOf(role) * 220}ms`, "--grow": String(weightOf(mine)) }}>
                  <h3 class="pakket-head">
                    <RoleChip role={role} /> <span class="muted">{b.eisen(mine.length)}</span>
                  </h3>
                  <ul>
                    {mine.map((e) => (
                      <li key={e.id} class="clamp-4">
                        {e.text}
                      </li>
                    ))}
                  </ul>
                  <p class="pakket-more" hidden />
                </section>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}

/** Roughly how many lines a role's panel needs: its head, and per eis its text at about 40 characters a line. */
function weightOf(eisen: readonly { text: string }[]): number {
  return 1.6 + eisen.reduce((sum, e) => sum + Math.min(4, Math.ceil(e.text.length / 40)) + 0.3, 0);
}

/**
 * The roles in order, cut into `n` columns so the fullest column is as light as it can be: a role with five long eisen
 * gets a column to itself, three roles with one short eis each share one. (At most six roles: every cut is tried.)
 */
export function columnsFor<R>(roles: readonly { role: R; weight: number }[], n: number): R[][] {
  const count = Math.max(1, Math.min(n, roles.length));
  const sum = (from: number, to: number) => roles.slice(from, to).reduce((a, r) => a + r.weight, 0);
  // Every way to cut the list into `count` non-empty runs (at most six roles, so at most ten ways for three columns).
  const cutsOf = (from: number, parts: number): number[][] =>
    parts === 1 ? [[]] : Array.from({ length: roles.length - from - parts + 1 }, (_, k) => from + 1 + k).flatMap((c) => cutsOf(c, parts - 1).map((rest) => [c, ...rest]));
  let best = { bounds: [0, roles.length], worst: Infinity };
  for (const cuts of cutsOf(0, count)) {
    const bounds = [0, ...cuts, roles.length];
    const worst = Math.max(...bounds.slice(1).map((end, i) => sum(bounds[i] ?? 0, end)));
    if (worst < best.worst) best = { bounds, worst };
  }
  return best.bounds.slice(1).map((end, i) => roles.slice(best.bounds[i] ?? 0, end).map((r) => r.role));
}

/**
 * A panel is never lower than its head with its first eis whole (and the "+n meer" line when it has more): the
 * weights only guess how many lines a text takes, and a role with one eis must not show half of it.
 */
function keepFirstWhole(panel: HTMLElement): void {
  const first = panel.querySelector<HTMLElement>("ul > li");
  const more = panel.querySelector<HTMLElement>(".pakket-more");
  panel.style.minHeight = "";
  if (!first) return;
  first.classList.remove("fit-hidden");
  const style = getComputedStyle(panel);
  let need = first.getBoundingClientRect().bottom - panel.getBoundingClientRect().top + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
  if (more && panel.querySelectorAll("ul > li").length > 1) {
    const hidden = more.hidden;
    more.hidden = false;
    need += more.getBoundingClientRect().height + parseFloat(style.rowGap || "0");
    more.hidden = hidden;
  }
  panel.style.minHeight = `${Math.ceil(need)}px`;
}

/**
 * Shows the eisen of one panel that fit whole (the last one may be cut to its clamp, never half a line) and writes
 * "+n meer" under them for the rest, so nothing is left out silently.
 */
function fitPanel(panel: HTMLElement): void {
  const list = panel.querySelector("ul");
  const more = panel.querySelector<HTMLElement>(".pakket-more");
  if (!list || !more) return;
  const items = Array.from(list.querySelectorAll<HTMLElement>(":scope > li"));
  for (const li of items) li.classList.remove("fit-hidden");
  more.hidden = true;
  const bottom = () => list.getBoundingClientRect().bottom + 0.5;
  if (items.every((li) => li.getBoundingClientRect().bottom <= bottom())) return;
  more.hidden = false;
  let hidden = 0;
  for (let i = items.length - 1; i > 0; i--) {
    const last = items[i - 1];
    items[i]?.classList.add("fit-hidden");
    hidden++;
    if (last && last.getBoundingClientRect().bottom <= bottom()) break;
  }
  // One eis that does not fit has nothing to count: its clamp shows what fits (keepFirstWhole makes room for it).
  if (hidden === 0) {
    more.hidden = true;
    return;
  }
  more.textContent = t.feel.rolwissel.more(hidden);
  more.setAttribute("aria-label", t.feel.rolwissel.moreLabel(hidden));
}

/** Eisen written so far per role: a number and a bar each, growing as the room writes; the texts stay private. */
function Written({ roles, written }: { roles: GameRole[]; written: Record<GameRole, number> }) {
  const w = t.feel.rolwissel;
  const max = Math.max(1, ...roles.map((r) => written[r]));
  const total = roles.reduce((sum, r) => sum + written[r], 0);
  return (
    <>
      <ul class="written-list">
        {roles.map((role) => (
          <li key={role} class="written-row" data-role={role} aria-label={w.writtenLabel(ROLE_NAMES[role], written[role])}>
            <RoleChip role={role} />
            <span class="written-bar" aria-hidden="true">
              <span style={{ width: `${Math.round((written[role] / max) * 100)}%`, background: ROLE_COLOURS[role] }} />
            </span>
            <WrittenCount n={written[role]} />
          </li>
        ))}
      </ul>
      <p class="written-total" aria-live="polite">
        {w.writtenTotal(total)}
      </p>
    </>
  );
}

function WrittenCount({ n }: { n: number }) {
  // The number pulses once when it goes up (restarted by the key); no motion under reduced motion (CSS).
  return (
    <span key={n} class={`written-count ${n > 0 ? "tick" : ""}`} aria-hidden="true">
      {t.feel.rolwissel.written(n)}
    </span>
  );
}
