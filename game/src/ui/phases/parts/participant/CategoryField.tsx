/** Choosing an eis's category: the name in the list, the chosen category's description as a hint below. */
import type { Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";
import { categoryOf } from "./lookup.ts";

export function CategoryField({ id, snap, value, onChange }: { id: string; snap: Snapshot; value: string; onChange: (categoryId: string) => void }) {
  const texts = t.participant.rolwissel;
  const chosen = categoryOf(snap, value);
  return (
    <div class="field">
      <label for={id}>{texts.category}</label>
      <select id={id} value={chosen ? value : ""} onChange={(e) => onChange(e.currentTarget.value)} aria-describedby={chosen ? `${id}-hint` : undefined}>
        <option value="" disabled>{texts.chooseCategory}</option>
        {snap.scenario.categories.map((c) => (
          <option key={c.id} value={c.id}>{c.name}</option>
        ))}
      </select>
      {chosen ? <p class="hint" id={`${id}-hint`}>{chosen.description}</p> : null}
    </div>
  );
}
