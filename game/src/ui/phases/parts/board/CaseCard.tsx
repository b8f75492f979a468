/** The case on the table: what the inwoner wants first, then the situation, the dilemma, what the rules say and the laws it touches. */
import { useState } from "preact/hooks";
import type { CaseView } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";

/** On a phone the long situation starts folded, so the path is within reach; wide screens show it at once. */
const startsOpen = () => typeof matchMedia === "function" && matchMedia("(min-width: 48rem)").matches;

export function CaseCard({ kase }: { kase: CaseView }) {
  const c = t.board.casustoets;
  const [open] = useState(startsOpen);
  return (
    <section class="card b-case" aria-labelledby="casus-titel">
      <p class="b-kicker">
        {c.caseKicker}
        {kase.source === "live" ? <span class="b-live">{c.live}</span> : null}
      </p>
      <h3 id="casus-titel">{kase.title}</h3>
      <h4>{c.effectWanted}</h4>
      <p class="b-effect">{kase.effectWanted}</p>
      <details class="b-situation" open={open}>
        <summary>{c.situation}</summary>
        {kase.situation.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </details>
      {kase.dilemma ? (
        <>
          <h4>{c.dilemma}</h4>
          <p>{kase.dilemma}</p>
        </>
      ) : null}
      {kase.rules ? (
        <>
          <h4>{c.rules}</h4>
          <p>{kase.rules}</p>
        </>
      ) : null}
      {kase.laws.length > 0 ? (
        <>
          <h4>{c.laws}</h4>
          <ul class="b-laws">
            {kase.laws.map((law) => (
              <li key={law}>{law}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
