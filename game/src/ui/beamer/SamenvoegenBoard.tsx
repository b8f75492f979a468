/**
 * The programma van eisen as it grows, on the beamer: the shared board (PveBoard: lanes per category, items with the
 * roles inside, loose eisen with their role, clusters of likely duplicates, spanningen as lines), live from the same
 * patch that brings a merge. No pages: everything is on one screen, laid out to fit. Under it the counts and the newest
 * item in full, and the board as text for screen readers. A card whose text does not fit (a cut title, an eis shown
 * as a mark) is read out whole in turn in the line under the board, ringed on the board meanwhile; that line also
 * says that everyone's own screen lists every eis and item in full.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Snapshot } from "../../net/connection.ts";
import { ROLE_NAMES, t } from "#shared/strings/index.ts";
import { pveBoard } from "#shared/strings/pveBoard.ts";
import { BoardText, PveBoard } from "../board/PveBoard.tsx";
import { TableStrip } from "./TableStrip.tsx";

const roleName = (role: keyof typeof ROLE_NAMES) => ROLE_NAMES[role];

/** After a merge the newest item stays in the line under the board this long; then the tour goes on. */
const NEWEST_MS = 12_000;
/** How long each card whose text does not fit is read out (and ringed on the board). */
const TOUR_MS = 8_000;

/**
 * `replay`: drawn in the terugblik, where nobody's own screen lists the eisen of that moment (and the steps move on
 * faster than a tour would).
 */
export function SamenvoegenBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.samenvoegen;
  const loose = snap.eisen.filter((e) => e.itemId === null).length;
  const strip = snap.session.phase.kind === "samenvoegen" && snap.tables.length > 0;
  const newest = snap.items[snap.items.length - 1] ?? null;
  const [hidden, setHidden] = useState<string[]>([]);
  const onCut = useCallback((keys: string[]) => setHidden((old) => (old.join(" ") === keys.join(" ") ? old : keys)), []);
  const toured = useTour(hidden, newest?.id ?? null, !replay);
  const tour = toured ? tourLine(snap, toured) : null;
  // The board takes all the height there is; under it in one band what it is and how far it is, and the newest item
  // in full, or, in turn, each card whose text does not fit on the board (ringed there), so every eis and item can be
  // read on the beamer itself.
  return (
    <div class="samen samen-board">
      {snap.eisen.length === 0 ? (
        <p class="beamer-empty">{pveBoard.empty}</p>
      ) : (
        <PveBoard snap={snap} class="samen-canvas" onCut={onCut} highlight={tour ? toured : null} fallback={<BoardText snap={snap} roleName={roleName} visible />} />
      )}
      <div class="samen-foot">
        <div class="samen-foot-head">
          <h2>{b.heading}</h2>
          <p>
            {b.stats(snap.items.length, loose)}
            {snap.spanningen.length > 0 ? ` · ${snap.spanningen.length === 1 ? "1 spanning" : `${snap.spanningen.length} spanningen`}` : ""}
          </p>
          {hidden.length > 0 && !replay ? <p class="muted">{pveBoard.cutNote}</p> : null}
        </div>
        {tour ? (
          <p class="samen-spotlight samen-tour" data-card={toured ?? ""}>
            <strong>{pveBoard.tour}:</strong> <span>{tour.text}</span> {tour.note ? <span class="muted">({tour.note})</span> : null}
          </p>
        ) : newest ? (
          <p class="samen-spotlight">
            <strong>{pveBoard.spotlight}:</strong> <span>{newest.text}</span> <span class="muted">({pveBoard.fromEisen(newest.eisIds.length)})</span>
          </p>
        ) : null}
      </div>
      <BoardText snap={snap} roleName={roleName} />
      {strip ? <TableStrip snap={snap} /> : null}
    </div>
  );
}

/** The card the tour reads out now, or null (the newest item first, for a while after each merge). */
function useTour(keys: readonly string[], newestId: string | null, enabled: boolean): string | null {
  const since = useRef({ id: newestId, at: Date.now() });
  if (since.current.id !== newestId) since.current = { id: newestId, at: Date.now() };
  const [now, setNow] = useState(() => Date.now());
  const on = enabled && keys.length > 0;
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [on]);
  if (!on) return null;
  const start = since.current.at + (newestId !== null ? NEWEST_MS : 0);
  if (now < start) return null;
  return keys[Math.floor((now - start) / TOUR_MS) % keys.length] ?? null;
}

function tourLine(snap: Snapshot, key: string): { text: string; note: string | null } | null {
  const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  if (kind === "item") {
    const item = snap.items.find((i) => i.id === id);
    return item ? { text: item.text, note: pveBoard.fromEisen(item.eisIds.length) } : null;
  }
  const eis = snap.eisen.find((e) => e.id === id);
  return eis ? { text: pveBoard.tourEis(roleName(eis.role), eis.text), note: null } : null;
}
