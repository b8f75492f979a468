/**
 * Support per tafel beside support per role: per tafel a row with its name, a bar, and "4 van 6" (voters of that
 * tafel who back the item), so the plenary sees where support comes from. Words and numbers, not colour alone.
 */
import type { SupportView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/tafels.css";
import { tableName } from "./tafels.ts";

export function TableSupport({ snap, support }: { snap: Snapshot; support: SupportView }) {
  const texts = t.tafels.participant;
  if (support.perTable.length === 0) return null;
  return (
    <div class="tafel-support">
      <p class="tafel-support-caption small">{texts.perTableCaption}</p>
      <ul class="tafel-support-rows">
        {support.perTable.map((row) => {
          const name = tableName(snap, row.tableId) ?? row.tableId;
          const backers = Math.round(row.share * row.voters);
          return (
            <li key={row.tableId}>
              <span class="sr-only">{texts.perTable(name, backers, row.voters)}</span>
              <span class="tafel-support-name" aria-hidden="true">{name}</span>
              <span class="tafel-support-track" aria-hidden="true">
                <span style={{ width: `${Math.round(Math.max(0, Math.min(1, row.share)) * 100)}%` }} />
              </span>
              <span class="tafel-support-value" aria-hidden="true">
                {row.voters === 0 ? "–" : `${backers} van ${row.voters}`}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
