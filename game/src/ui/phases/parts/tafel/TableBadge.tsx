/** A small label naming the tafel(s) an item or eis comes from: "Tafel 2", "Tafel 1 + 3". Words, not colour. */
import type { Snapshot } from "../../../../net/connection.ts";
import "../../../../styles/tafels.css";
import { tablesLabel } from "./tafels.ts";

export function TableBadge({ snap, tableIds }: { snap: Snapshot; tableIds: readonly string[] }) {
  const label = tablesLabel(snap, tableIds);
  if (!label) return null;
  return <span class="tafel-badge">{label}</span>;
}
