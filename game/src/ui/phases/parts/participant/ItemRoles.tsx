/** Which roles' eisen an item came from, as role chips. */
import type { GameRole } from "#shared/protocol/ids.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { RoleChip } from "../../../common.tsx";

export function ItemRoles({ roles }: { roles: GameRole[] }) {
  if (roles.length === 0) return null;
  return (
    <div class="p-item-roles">
      <span class="sr-only">{t.participant.prioriteren.fromRoles}</span>
      <ul class="p-chips">
        {roles.map((role) => (
          <li key={role}>
            <RoleChip role={role} />
          </li>
        ))}
      </ul>
    </div>
  );
}
