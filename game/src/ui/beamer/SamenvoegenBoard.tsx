/**
 * The programma van eisen as it grows, on the beamer: the shared board (PveBoard: lanes per category, items with the
 * roles inside, loose eisen with their role, clusters of likely duplicates, spanningen as lines), live from the same
 * patch that brings a merge. No pages: everything is on one screen, laid out to fit. Under it the counts and the newest
 * item in full, and the board as text for screen readers. Where a title does not fit its card, the line under the
 * board says where to read it whole (everyone's own screen lists every eis and item in full).
 */
import { useState } from "preact/hooks";
import type { Snapshot } from "../../net/connection.ts";
import { ROLE_NAMES, t } from "#shared/strings/index.ts";
import { pveBoard } from "#shared/strings/pveBoard.ts";
import { BoardText, PveBoard } from "../board/PveBoard.tsx";
import { TableStrip } from "./TableStrip.tsx";

const roleName = (role: keyof typeof ROLE_NAMES) => ROLE_NAMES[role];

/** `replay`: drawn in the terugblik, where nobody's own screen lists the eisen of that moment. */
export function SamenvoegenBoard({ snap, replay = false }: { snap: Snapshot; replay?: boolean }) {
  const b = t.beamer.samenvoegen;
  const loose = snap.eisen.filter((e) => e.itemId === null).length;
  const strip = snap.session.phase.kind === "samenvoegen" && snap.tables.length > 0;
  const newest = snap.items[snap.items.length - 1] ?? null;
  const [cut, setCut] = useState(0);
  // The board takes all the height there is; what it is and how far it is go in one line under it, beside the
  // newest item in full.
  return (
    <div class="samen samen-board">
      {snap.eisen.length === 0 ? (
        <p class="beamer-empty">{pveBoard.empty}</p>
      ) : (
        <PveBoard snap={snap} class="samen-canvas" onCut={setCut} fallback={<BoardText snap={snap} roleName={roleName} visible />} />
      )}
      <div class="samen-foot">
        <div class="samen-foot-head">
          <h2>{b.heading}</h2>
          <p>
            {b.stats(snap.items.length, loose)}
            {snap.spanningen.length > 0 ? ` · ${snap.spanningen.length === 1 ? "1 spanning" : `${snap.spanningen.length} spanningen`}` : ""}
          </p>
          {cut > 0 && !replay ? <p class="muted">{pveBoard.cutNote}</p> : null}
        </div>
        {newest ? (
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
