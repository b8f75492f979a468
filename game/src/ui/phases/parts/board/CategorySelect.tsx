/** The scenario's categories as a labelled select. */
import type { Snapshot } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";

export function CategorySelect({ id, snap, value, onChange }: { id: string; snap: Snapshot; value: string; onChange: (categoryId: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{t.common.category}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {value === "" ? <option value="">{t.common.chooseCategory}</option> : null}
        {snap.scenario.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
