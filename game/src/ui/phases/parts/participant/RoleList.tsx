/** The six roles with their one-line summary: sets the scene before anyone gets a role. */
import type { Snapshot } from "../../../../net/connection.ts";
import "../../../../styles/participant.css";
import { RoleChip } from "../../../common.tsx";
import { ROLE_COLOURS } from "#shared/theme.ts";

export function RoleList({ snap }: { snap: Snapshot }) {
  return (
    <ul class="p-role-list">
      {snap.scenario.roles.map((r) => (
        <li key={r.role} class="p-role-row" style={{ borderLeftColor: ROLE_COLOURS[r.role] }}>
          <RoleChip role={r.role} label={r.name} />
          <p class="small">{r.summary}</p>
        </li>
      ))}
    </ul>
  );
}
