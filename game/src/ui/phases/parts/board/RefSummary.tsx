/** One eis or item in a few words, with who it comes from: for suggestions and dialogs. */
import type { GameRole } from "#shared/protocol/ids.ts";
import { t } from "#shared/strings/index.ts";
import { RoleChip } from "../../../common.tsx";
import { resolvedText, shorten, type Resolved } from "./model.ts";

export function Roles({ roles }: { roles: readonly GameRole[] }) {
  return (
    <ul class="b-roles">
      {roles.map((role) => (
        <li key={role}>
          <RoleChip role={role} />
        </li>
      ))}
    </ul>
  );
}

export function RefSummary({ resolved, max }: { resolved: Resolved; max?: number }) {
  const text = resolvedText(resolved);
  return (
    <div class="b-ref">
      {resolved.kind === "eis" ? (
        <RoleChip role={resolved.eis.role} />
      ) : (
        <span class="b-itemtag">
          {t.board.samenvoegen.item} · {t.board.samenvoegen.eisCount(resolved.item.eisIds.length)}
        </span>
      )}
      <p class="b-ref-text">{max ? shorten(text, max) : text}</p>
    </div>
  );
}
