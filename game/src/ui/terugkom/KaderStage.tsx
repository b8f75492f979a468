/** The last stage: kader versie 2 beside versie 1, with the summary of what changed. Everyone sees the same. */
import type { TerugkomView } from "#shared/protocol/views.ts";
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { KaderCompare, KaderSummary } from "./KaderCompare.tsx";
import { StageHead } from "./parts.tsx";

export function KaderStage({ snap, view }: { snap: Snapshot; view: TerugkomView }) {
  const s = t.terugkom.kader;
  return (
    <div class="p-screen stack tk-screen tk-kader">
      <StageHead stage="kader" title={s.title} intro={s.intro}>
        <KaderSummary view={view} />
      </StageHead>
      <KaderCompare snap={snap} view={view} />
    </div>
  );
}
