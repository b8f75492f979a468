import type { PhaseProps } from "./types.ts";

export function Lobby({ snap }: PhaseProps) {
  return (
    <section class="card stack" aria-labelledby="fase-titel">
      <h2 id="fase-titel">{snap.scenario.title}</h2>
    </section>
  );
}
