/** The programma van eisen as it grows: items with the roles inside them, and the spanningen to discuss. */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "../../strings/index.ts";
import { RoleChip } from "../common.tsx";
import { TableBadge } from "../phases/parts/t-TableBadge.tsx";
import { PageDots } from "./PageDots.tsx";
import { TableStrip } from "./TableStrip.tsx";
import { usePages } from "./usePages.ts";

export function SamenvoegenBoard({ snap }: { snap: Snapshot }) {
  const b = t.beamer.samenvoegen;
  const loose = snap.eisen.filter((e) => e.itemId === null).length;
  const spanningen = snap.spanningen.slice(0, 2);
  // Newest first: what the group just made is what the room wants to see.
  // The tafel strip under the board takes a row of cards' room.
  const strip = snap.session.phase.kind === "samenvoegen" && snap.tables.length > 0;
  const page = usePages([...snap.items].reverse(), (spanningen.length > 0 ? 6 : 8) - (strip ? 2 : 0));
  const textOf = (itemId: string) => snap.items.find((i) => i.id === itemId)?.text ?? "";
  return (
    <div class="samen">
      <div class="board-head">
        <h2>{b.heading}</h2>
        <p class="muted">{b.stats(snap.items.length, loose)}</p>
        <PageDots index={page.index} count={page.count} />
      </div>
      {snap.items.length === 0 ? (
        <p class="beamer-empty">{b.empty}</p>
      ) : (
        <ul class="samen-items">
          {page.items.map((item) => (
            <li key={item.id} class="board-card item samen-item">
              <p class="clamp-3">{item.text}</p>
              <div class="samen-roles">
                {item.roles.map((role) => (
                  <RoleChip key={role} role={role} />
                ))}
                <span class="samen-from">
                  {/* Which tafel(s) the item came from: in plenair "Tafel 1 + 3", the room sees the merge across tafels. */}
                  {item.tableIds.length > 0 && snap.tables.length > 0 ? <TableBadge snap={snap} tableIds={item.tableIds} /> : null}
                  <span class="muted samen-count">{b.fromEisen(item.eisIds.length)}</span>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {spanningen.length > 0 ? (
        <section class="spanningen" aria-labelledby="spanningen-kop">
          <h2 id="spanningen-kop" class="beamer-label">
            <span aria-hidden="true">⚡ </span>
            {b.spanningen} ({snap.spanningen.length})
          </h2>
          <ul>
            {spanningen.map((s) => (
              <li key={s.spanningId}>
                <span class="clamp-1">
                  <strong>{textOf(s.itemA)}</strong> <span class="muted">{b.between}</span> <strong>{textOf(s.itemB)}</strong>
                </span>
                <span class="clamp-1 spanning-note">{s.note}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {strip ? <TableStrip snap={snap} /> : null}
    </div>
  );
}
