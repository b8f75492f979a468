/** The lobby on the beamer: a huge code and QR, the link, how many are in, and the scenario's introduction. */
import type { Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/tafels.css";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { Arrivals } from "./Arrivals.tsx";
import { PageDots } from "./PageDots.tsx";
import { usePages } from "./usePages.ts";

export function LobbyBoard({ snap }: { snap: Snapshot }) {
  const b = t.beamer.lobby;
  const { code, participantCount } = snap.session;
  return (
    <div class="beamer-lobby">
      <section class="lobby-join" aria-labelledby="doe-mee">
        <img class="lobby-qr" src={`/api/qr/${encodeURIComponent(code)}.svg`} alt={b.qrAlt(code)} />
        <div class="lobby-how">
          <h2 id="doe-mee">{b.heading}</h2>
          <p>{b.step1}</p>
          <p class="lobby-url">
            {location.host}/j/{code}
          </p>
          <p class="lobby-code-label">{b.codeLabel}</p>
          <p class="lobby-code">
            {code}
          </p>
          <Count n={participantCount} text={b.count(participantCount)} />
        </div>
      </section>
      {snap.tables.length > 0 ? (
        <TableSplit snap={snap} />
      ) : (
        <div class="lobby-below">
          {snap.counts ? <Arrivals counts={snap.counts.arrivals} /> : null}
          <section class="lobby-intro" aria-labelledby="scenario-kop">
            <h2 id="scenario-kop">{snap.scenario.title}</h2>
            <IntroText text={snap.scenario.intro} />
            <p class="muted">{b.roleNote}</p>
          </section>
        </div>
      )}
    </div>
  );
}

/**
 * The scenario's introduction, whole: never cut off with "…". It gets the beamer's full height beside the code; an
 * introduction longer than that (scenarios may write 2,000 characters) is shown in parts of whole sentences that
 * turn by themselves, with "1 / 2" under them. Screen readers get the whole text at once.
 */
function IntroText({ text }: { text: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [parts, setParts] = useState(1);
  const sentences = text.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g)?.map((x) => x.trim()).filter(Boolean) ?? [text];
  const pages = splitEvenly(sentences, Math.min(parts, sentences.length));
  const paged = usePages(pages, 1, { board: `intro:${text.length}:${parts}`, turnMs: 20_000 });
  // Measure: one more part while the shown part does not fit (a resize starts again from one).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (el.scrollHeight > el.clientHeight + 1 && parts < sentences.length) setParts((n) => n + 1);
  });
  useEffect(() => {
    const reset = () => setParts(1);
    window.addEventListener("resize", reset);
    return () => window.removeEventListener("resize", reset);
  }, []);
  return (
    <>
      <div class="lobby-intro-text" ref={box} aria-hidden="true">
        <p>{(paged.items[0] ?? sentences).join(" ")}</p>
      </div>
      <p class="sr-only">{text}</p>
      <PageDots index={paged.index} count={paged.count} />
    </>
  );
}

/** `list` in `n` runs of about the same length in characters, in order. */
function splitEvenly(list: readonly string[], n: number): string[][] {
  if (n <= 1) return [[...list]];
  const total = list.reduce((sum, x) => sum + x.length, 0);
  const out: string[][] = [[]];
  let used = 0;
  for (const item of list) {
    const current = out[out.length - 1] ?? [];
    if (current.length > 0 && used + item.length / 2 > (total / n) * out.length && out.length < n) out.push([item]);
    else current.push(item);
    used += item.length;
  }
  return out;
}

/** Once split: the tafels with how many sit at each. Never who: people find their tafel on their own phone. */
function TableSplit({ snap }: { snap: Snapshot }) {
  const b = t.tafels.beamer;
  return (
    <section class="lobby-intro lobby-tafels" aria-labelledby="tafels-kop">
      <h2 id="tafels-kop">{b.splitHeading(snap.tables.length)}</h2>
      {/* Two across up to four tafels, three across beyond: every tafel on one line. */}
      <ul class="lobby-tafel-list" style={{ "--cols": String(snap.tables.length <= 2 ? snap.tables.length : snap.tables.length <= 4 ? 2 : 3) }}>
        {snap.tables.map((x) => (
          <li key={x.tableId}>
            <strong>{x.name}</strong>
            <span>{b.people(x.members)}</span>
          </li>
        ))}
      </ul>
      <p class="muted">{b.splitNote}</p>
    </section>
  );
}

/** The count of arrivals, ticking (a short pulse, none under reduced motion) each time it goes up. */
function Count({ n, text }: { n: number; text: string }) {
  const last = useRef(n);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (n > last.current) setTick((x) => x + 1);
    last.current = n;
  }, [n]);
  return (
    <p class="lobby-count-live" aria-live="polite" data-count={n}>
      <span key={tick} class={`lobby-count ${tick > 0 ? "tick" : ""}`}>
        {text}
      </span>
    </p>
  );
}
