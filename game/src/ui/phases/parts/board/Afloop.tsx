/**
 * "Wat er echt gebeurde": the case's real outcome, the moment of learning. The server sends the text only once the
 * group has recorded its decision; before that a case that has one says it will come.
 */
import type { CaseView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import "../../../../styles/cases.css";

export function Afloop({ kase }: { kase: CaseView }) {
  const a = t.board.afloop;
  if (!kase.hasAfloop) return null;
  if (kase.afloop === null) return <p class="card small muted b-afloop-later">{a.later}</p>;
  return (
    <section class="card b-afloop" aria-labelledby="afloop-titel">
      <h3 id="afloop-titel">{a.title}</h3>
      <p class="small muted">{a.intro}</p>
      {kase.afloop.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </section>
  );
}
