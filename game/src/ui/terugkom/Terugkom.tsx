/**
 * Day 2, the terugkombijeenkomst, for participants and the spelleider (the spelleider's terugblik has its own
 * viewer): what to do in each stage. The server keeps the rules; these screens show the controls and its answers.
 */
import { t } from "#shared/strings/index.ts";
import "../../styles/participant.css";
import "../../styles/terugkom.css";
import type { PhaseProps } from "../phases/types.ts";
import { Bijstellen } from "./Bijstellen.tsx";
import { KaderStage } from "./KaderStage.tsx";
import { ReflectieForm } from "./ReflectieForm.tsx";
import { ReflectieOverview } from "./ReflectieOverview.tsx";
import { TerugblikWait } from "./TerugblikWait.tsx";

export function Terugkom(props: PhaseProps) {
  const { snap, audience } = props;
  const view = snap.terugkom;
  if (view === null) return <p role="status" class="muted">{t.terugkom.loading}</p>;
  switch (view.stage) {
    case "terugblik":
      return <TerugblikWait />;
    case "reflectie":
      return audience === "deelnemer" ? <ReflectieForm {...props} view={view} /> : <ReflectieOverview snap={snap} view={view} />;
    case "bijstellen":
      return <Bijstellen {...props} view={view} />;
    case "kader":
      return <KaderStage snap={snap} view={view} />;
    default: {
      const unreachable: never = view.stage;
      return unreachable;
    }
  }
}
