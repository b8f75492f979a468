/** Your own draft eisen of this round, newest last, each editable until the spelleider reveals them. */
import type { Connection, Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { DraftItem } from "./DraftItem.tsx";

export function DraftList({ conn, snap, roundId }: { conn: Connection; snap: Snapshot; roundId: string }) {
  const texts = t.participant.rolwissel;
  const drafts = snap.drafts.filter((e) => e.roundId === roundId);
  return (
    <div class="p-drafts">
      <h3>
        {texts.draftsTitle} <span class="p-count-badge">{texts.draftCount(drafts.length)}</span>
      </h3>
      {drafts.length === 0 ? (
        <p class="muted small">{texts.noDrafts}</p>
      ) : (
        <ul class="p-list">
          {drafts.map((eis) => (
            <DraftItem key={eis.id} conn={conn} snap={snap} eis={eis} />
          ))}
        </ul>
      )}
    </div>
  );
}
