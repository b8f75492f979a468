/** The revealed eisen of a round, grouped per role: each role's wensenpakket under its chip. */
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import type { Snapshot } from "../../../../net/connection.ts";
import { ROLE_NAMES, t } from "#shared/strings/index.ts";
import { ROLE_COLOURS } from "#shared/theme.ts";
import "../../../../styles/participant.css";
import { RoleChip } from "../../../common.tsx";
import { categoryName } from "./lookup.ts";
import { hasTables, myTable } from "../tafel/tafels.ts";
import { TableBadge } from "../tafel/TableBadge.tsx";

export function Wensenpakketten({ snap, roundId }: { snap: Snapshot; roundId: string }) {
  const texts = t.participant.rolwissel;
  const eisen = snap.eisen.filter((e) => e.roundId === roundId);
  const ownRole = snap.mine?.role ?? null;
  // The spelleider sees every tafel's eisen together: each says which tafel it comes from.
  const showTable = hasTables(snap) && myTable(snap) === null;
  const groups = GAME_ROLES.map((role) => ({ role, eisen: eisen.filter((e) => e.role === role) })).filter((g) => g.eisen.length > 0);
  return (
    <section class="stack p-pakketten" aria-labelledby="p-pakketten-titel">
      <div>
        <h2 id="p-pakketten-titel">{texts.pakkettenTitle}</h2>
        <p class="muted">{eisen.length > 0 ? (myTable(snap) ? t.tafels.participant.pakkettenIntro : texts.pakkettenIntro) : texts.noEisen}</p>
      </div>
      <div class="p-pakket-grid">
        {groups.map((g) => (
          <section key={g.role} class={`card p-pakket${g.role === ownRole ? " p-pakket-own" : ""}`} style={{ borderTopColor: ROLE_COLOURS[g.role] }} aria-label={texts.eisenOfRole(ROLE_NAMES[g.role], g.eisen.length)}>
            <div class="p-pakket-head">
              <h3 class="p-pakket-role">
                <RoleChip role={g.role} />
              </h3>
              {g.role === ownRole ? <span class="p-own-role">{texts.yourRole}</span> : null}
              <span class="grow" />
              <span class="small muted">{texts.draftCount(g.eisen.length)}</span>
            </div>
            <ul class="p-list">
              {g.eisen.map((e) => (
                <li key={e.id} class="board-card p-eis">
                  <p class="p-cat-tag small">
                    {categoryName(snap, e.categoryId)}
                    {showTable && e.tableId ? (
                      <>
                        {" "}
                        <TableBadge snap={snap} tableIds={[e.tableId]} />
                      </>
                    ) : null}
                  </p>
                  <p>{e.text}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
