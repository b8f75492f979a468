/**
 * The spelleider's terugblik: day 1 as a timeline to step through, event by event or phase by phase, with the board
 * as it was drawn below by the same components the beamer used live. Every position is shared with the beamer, which
 * follows. Only the beamer's view of the past is fetched, so no participant is ever named here.
 */
import "../../styles/terugblik.css";
import "../../styles/feel.css";
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { dayOneEntries, terugblikFor, timeOf, type Terugblik, type TimelineEntry } from "../../net/terugblik.ts";
import { DEBOUNCE_MS, eventLabel, phaseTitle, useBoardAt, useTimeline, type BoardState } from "./replay.ts";
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import { routeOf } from "../route.ts";
import { Board } from "../beamer/PhaseBoard.tsx";
import { SPEEDS, TICK_MS, autoplayStep, type Speed } from "./autoplay.ts";

export function TerugblikViewer({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  // The console is opened with the spelleiderslink (/spelleider/… or /terugkom/…): its address holds the secret.
  const route = routeOf(location.pathname);
  const secret = route.kind === "spelleider" ? route.secret : null;
  const source = useMemo(() => (secret ? terugblikFor({ as: "spelleider", secret }) : null), [secret]);
  if (!source) {
    return (
      <section class="card" role="alert">
        <p>{t.terugblik.errors.noSecret}</p>
      </section>
    );
  }
  return <Viewer conn={conn} snap={snap} source={source} />;
}

/** A place on the timeline worth jumping to: the start of a phase or of a rolwissel-ronde. */
export interface Marker {
  index: number;
  kind: "fase" | "ronde";
  title: string;
  at: number;
  phaseKind: TimelineEntry["phaseKind"];
}

/**
 * The markers of day 1, titled in the client's words. Day 1 starts in the lobby without a marker, so the first entry
 * gets one. A rolwissel phase is one round and its title already names the round, so the "roles assigned" marker
 * right after it is left out rather than shown twice.
 */
export function markersOf(entries: readonly TimelineEntry[], snap: Snapshot): Marker[] {
  const markers: Marker[] = [];
  entries.forEach((entry, index) => {
    const marker = index === 0 && !entry.marker ? { kind: "fase" as const } : entry.marker;
    if (!marker) return;
    const previous = markers.at(-1);
    if (marker.kind === "ronde" && previous?.kind === "fase" && entries[previous.index]?.phaseIndex === entry.phaseIndex) return;
    const title = marker.kind === "fase" ? phaseTitle(snap, entry) : entry.marker?.title ?? "";
    markers.push({ index, kind: marker.kind, title, at: entry.at, phaseKind: entry.phaseKind });
  });
  return markers;
}

/** The marker whose stretch holds `index`. */
export function markerAt(markers: readonly Marker[], index: number): Marker | null {
  return markers.findLast((m) => m.index <= index) ?? null;
}

function Viewer({ conn, snap, source }: { conn: Connection; snap: Snapshot; source: Terugblik }) {
  const v = t.terugblik.viewer;
  const { timeline, error: timelineError, retry: retryTimeline } = useTimeline(source);
  const entries = useMemo(() => (timeline ? dayOneEntries(timeline) : []), [timeline]);
  const markers = useMemo(() => markersOf(entries, snap), [entries, snap.session.phases, snap.scenario]);
  const [index, setIndex] = useState<number | null>(null);
  // The beamer follows only once the spelleider moves; opening the console does not take the room anywhere.
  const moved = useRef(false);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(4);
  const [ended, setEnded] = useState(false);
  // The time-lapse's clock: a time of the session, and the step it was last set for (a manual step resets it).
  const clock = useRef({ index: -1, at: 0 });

  useEffect(() => {
    if (index !== null || entries.length === 0) return;
    // After a reload the console picks up where the beamer is.
    const at = snap.replaySeq > 0 ? entries.findLastIndex((e) => e.seq <= snap.replaySeq) : -1;
    setIndex(Math.max(0, at));
  }, [entries]);

  const last = entries.length - 1;
  const position = index === null ? null : Math.min(Math.max(index, 0), last);
  const current = position === null ? null : (entries[position] ?? null);

  useEffect(() => {
    if (!current || !moved.current) return;
    // The film sends every step it shows (a few a second at most, TICK_MS): waiting for it to rest, as for the slider,
    // kept the beamer on one board for the whole film whenever a step took the console longer to draw than the wait.
    if (playing) {
      sendPosition(conn, current.seq);
      return;
    }
    const timer = setTimeout(() => sendPosition(conn, current.seq), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [current?.seq]);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      setIndex((from) => {
        const at = from === null ? 0 : Math.min(Math.max(from, 0), entries.length - 1);
        if (at >= entries.length - 1) {
          setPlaying(false);
          setEnded(true);
          return at;
        }
        const c = clock.current.index === at ? clock.current : { index: at, at: entries[at]?.at ?? 0 };
        const step = autoplayStep(entries, at, c.at, speed);
        clock.current = { index: step.index, at: step.clock };
        return step.index;
      });
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [playing, speed, entries]);

  const togglePlay = () => {
    if (position === null) return;
    if (playing) {
      setPlaying(false);
      return;
    }
    moved.current = true;
    setEnded(false);
    // Played to the end: play again from the start.
    if (position >= last) setIndex(0);
    else if (current) sendPosition(conn, current.seq);
    setPlaying(true);
  };

  const neighbours = position === null ? [] : [entries[position + 1]?.seq, entries[position - 1]?.seq].filter((s) => s !== undefined);
  const board = useBoardAt(source, current?.seq ?? null, { neighbours });

  const go = (to: number) => {
    if (position === null) return;
    const next = Math.min(Math.max(to, 0), last);
    if (next === position) {
      // The first step may be "show this one": the beamer is still waiting, so take it here.
      if (!moved.current && current) sendPosition(conn, current.seq);
      moved.current = true;
      return;
    }
    moved.current = true;
    setIndex(next);
  };
  const previousMarker = () => go(position === null ? 0 : (markers.findLast((m) => m.index < position)?.index ?? 0));
  const nextMarker = () => go(position === null ? 0 : (markers.find((m) => m.index > position)?.index ?? last));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || position === null || isTyping(e.target)) return;
    // Space on a button presses that button.
    if (e.key === " " && e.target instanceof HTMLButtonElement) return;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => go(position - 1),
      ArrowRight: () => go(position + 1),
      PageUp: previousMarker,
      PageDown: nextMarker,
      Home: () => go(0),
      End: () => go(last),
      " ": togglePlay,
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  if (timelineError) {
    return (
      <section class="card stack" aria-labelledby="tb-kop">
        <h2 id="tb-kop">{v.heading}</h2>
        <p class="state rejected" role="alert">
          {timelineError}
        </p>
        <button type="button" class="secondary" onClick={retryTimeline}>
          {t.terugblik.errors.retry}
        </button>
      </section>
    );
  }
  if (!timeline || position === null || !current) {
    return (
      <section class="card" aria-labelledby="tb-kop">
        <h2 id="tb-kop">{v.heading}</h2>
        <p role="status" class="muted">
          {timeline && entries.length === 0 ? v.empty : v.loadingTimeline}
        </p>
      </section>
    );
  }

  const here = markerAt(markers, position);
  const at = (edge: boolean) => (edge ? "true" : undefined);
  return (
    <section class="terugblik-viewer" aria-labelledby="tb-kop" tabIndex={-1} onKeyDown={onKeyDown}>
      <div class="card tb-controls">
        <div class="tb-head">
          <h2 id="tb-kop">{v.heading}</h2>
          <BeamerState replaySeq={snap.replaySeq} entries={entries} />
        </div>
        {/* While the film plays, the steps are not read out one by one: the autoplay line says what happens. */}
        <div class="tb-now" aria-live={playing ? "off" : "polite"} aria-atomic="true">
          <p class="tb-phase">{here?.title ?? PHASE_TITLES[current.phaseKind]}</p>
          <p class="tb-label">{eventLabel(current)}</p>
          <p class="tb-meta small">
            <span>{timeOf(current.at)}</span>
            <span aria-hidden="true"> · </span>
            <span>{v.step(position + 1, entries.length)}</span>
          </p>
        </div>
        <div class="tb-scrubber">
          <Track entries={entries} markers={markers} position={position} />
          <label for="tb-scrub" class="sr-only">
            {v.scrubLabel}
          </label>
          <input
            id="tb-scrub"
            class="tb-range"
            type="range"
            min={0}
            max={last}
            step={1}
            value={position}
            aria-valuetext={v.scrubValue(position + 1, entries.length, eventLabel(current))}
            onInput={(e) => go(Number(e.currentTarget.value))}
          />
        </div>
        <Jumps markers={markers} here={here} onJump={go} />
        <div class="tb-buttons" role="group" aria-label={v.controlsLabel}>
          <StepButton label={v.first} title={v.firstTitle} icon={<EdgeIcon end={false} />} keys="Home" disabled={at(position === 0)} onClick={() => go(0)} />
          <StepButton label={v.prevMarker} title={v.prevMarkerTitle} icon="«" keys="PageUp" disabled={at(position === 0)} onClick={previousMarker} />
          <StepButton label={v.prevEvent} title={v.prevEventTitle} icon="‹" keys="ArrowLeft" disabled={at(position === 0)} onClick={() => go(position - 1)} />
          <StepButton label={v.nextEvent} title={v.nextEventTitle} icon="›" after keys="ArrowRight" disabled={at(position === last)} onClick={() => go(position + 1)} primary />
          <StepButton label={v.nextMarker} title={v.nextMarkerTitle} icon="»" after keys="PageDown" disabled={at(position === last)} onClick={nextMarker} />
          <StepButton label={v.last} title={v.lastTitle} icon={<EdgeIcon end />} after keys="End" disabled={at(position === last)} onClick={() => go(last)} />
        </div>
        <Autoplay playing={playing} speed={speed} ended={ended} onToggle={togglePlay} onSpeed={setSpeed} />
        <p class="hint tb-keys">{v.keysHint}</p>
      </div>
      <section class="tb-board" aria-labelledby="tb-board-kop" aria-busy={board.loading ? "true" : "false"}>
        <div class="tb-board-head">
          <h3 id="tb-board-kop">{v.boardHeading}</h3>
          <p class="tb-loading small muted" role="status">
            {board.loading ? v.loadingBoard : ""}
          </p>
        </div>
        {board.error ? (
          <div class="row tb-error">
            <p class="state rejected" role="alert">
              {board.error}
            </p>
            <button type="button" class="secondary small-button" onClick={board.retry}>
              {t.terugblik.errors.retry}
            </button>
          </div>
        ) : null}
        <ReplayedBoard shown={board.shown} />
      </section>
    </section>
  );
}

/** The board inside a 16:9 frame, sized from the column's width, so the console shows what the room sees (a replay, as on the beamer). */
export function ReplayedBoard({ shown }: { shown: BoardState["shown"] }) {
  const stage = useRef<HTMLDivElement>(null);
  const font = useStageFont(stage);
  return (
    <div class={`tb-stage ${shown ? "" : "empty"}`} ref={stage}>
      <div class={`beamer-root tb-beamer ${shown ? `phase-${shown.snap.session.phase.kind}` : ""}`} style={font === null ? undefined : { "--b": `${font}px` }}>
        <div class="beamer-main">{shown ? <Board snap={shown.snap} replay /> : <p class="beamer-empty">{t.terugblik.viewer.loadingBoard}</p>}</div>
      </div>
    </div>
  );
}

/**
 * The replayed board's font size in px, from the frame's width as on a beamer (28 px at 1920). Set in px, not as a
 * container unit in CSS (`100cqw`): with the font following the container, every layout of the console (a step of the
 * film, a tick of the timer) laid the whole board out again, 200-500 ms for the rolwissel's and the kader's boards on
 * this machine, against 1 ms with a size in px.
 */
function useStageFont(stage: { current: HTMLDivElement | null }): number | null {
  const [font, setFont] = useState<number | null>(null);
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const size = () => setFont(Math.max(9, Math.round(el.clientWidth * 0.014584 * 100) / 100));
    size();
    const observer = new ResizeObserver(size);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return font;
}

/** Play, pause and the speed of the time-lapse; the state in words beside them. */
function Autoplay(props: { playing: boolean; speed: Speed; ended: boolean; onToggle: () => void; onSpeed: (s: Speed) => void }) {
  const a = t.feel.autoplay;
  return (
    <div class="tb-autoplay" role="group" aria-label={a.speedLabel}>
      <button type="button" class="tb-play" aria-pressed={props.playing ? "true" : "false"} title={props.playing ? a.pauseTitle : a.playTitle} aria-keyshortcuts="Space" onClick={props.onToggle}>
        <span aria-hidden="true">{props.playing ? "❚❚ " : "▶ "}</span>
        {props.playing ? a.pause : a.play}
      </button>
      <span class="tb-speeds">
        <span class="small muted">{a.speedLabel}:</span>
        {SPEEDS.map((x) => (
          <button key={x} type="button" class="secondary small-button" aria-pressed={props.speed === x ? "true" : "false"} title={a.speedTitle(x)} onClick={() => props.onSpeed(x)}>
            {a.speed(x)}
          </button>
        ))}
      </span>
      <p class="small muted tb-autoplay-state" role="status">
        {props.playing ? a.playing(props.speed) : props.ended ? a.ended : a.paused}
      </p>
    </div>
  );
}

/** To the very start or end: a triangle against a bar (drawn, because the font has no such glyph). */
function EdgeIcon({ end }: { end: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="currentColor" style={end ? undefined : { transform: "scaleX(-1)" }}>
      <path d="M3 2.5v11l8-5.5z" />
      <rect x="11.5" y="2.5" width="2.2" height="11" rx="0.6" />
    </svg>
  );
}

function StepButton(props: { label: string; title: string; icon: ComponentChildren; after?: boolean; keys: string; disabled: "true" | undefined; primary?: boolean; onClick: () => void }) {
  // aria-disabled, not disabled: the button keeps focus at the end of the line, so the keys keep working.
  return (
    <button
      type="button"
      class={props.primary ? "" : "secondary"}
      title={props.title}
      aria-keyshortcuts={props.keys}
      aria-disabled={props.disabled}
      onClick={() => {
        if (!props.disabled) props.onClick();
      }}
    >
      {props.after ? null : <span aria-hidden="true">{props.icon}</span>}
      {props.label}
      {props.after ? <span aria-hidden="true">{props.icon}</span> : null}
    </button>
  );
}

/** Day 1 as a bar: one coloured stretch per phase, a tick per round; the range's thumb on top says where we are. A picture only: the jump list says the same in words. */
function Track({ entries, markers, position }: { entries: readonly TimelineEntry[]; markers: readonly Marker[]; position: number }) {
  const span = Math.max(1, entries.length - 1);
  const pct = (i: number) => `${(i / span) * 100}%`;
  const phases = markers.filter((m) => m.kind === "fase");
  return (
    <div class="tb-track" aria-hidden="true">
      {phases.map((m, i) => {
        const end = phases[i + 1]?.index ?? span;
        const current = position >= m.index && (position < end || (i === phases.length - 1 && position <= end));
        const edges = `${i === 0 ? "first" : ""} ${i === phases.length - 1 ? "last" : ""}`;
        return <span key={m.index} class={`tb-seg kind-${m.phaseKind} ${edges} ${current ? "current" : ""}`} style={{ left: pct(m.index), width: pct(end - m.index) }} />;
      })}
      {/* Phases show as coloured stretches; a round inside a phase gets a tick. */}
      {markers
        .filter((m) => m.kind === "ronde")
        .map((m) => (
          <span key={`t${m.index}`} class="tb-tick" style={{ left: pct(m.index) }} />
        ))}
    </div>
  );
}

function Jumps({ markers, here, onJump }: { markers: readonly Marker[]; here: Marker | null; onJump: (index: number) => void }) {
  const v = t.terugblik.viewer;
  return (
    <nav class="tb-jumps" aria-label={v.jumpHeading}>
      <ol>
        {markers.map((m) => (
          <li key={m.index}>
            <button
              type="button"
              class={`tb-jump kind-${m.phaseKind} ${m.kind} ${here?.index === m.index ? "current" : ""}`}
              aria-current={here?.index === m.index ? "step" : undefined}
              onClick={() => onJump(m.index)}
            >
              <span class="tb-swatch" aria-hidden="true" />
              <span class="sr-only">{v.jumpPrefix(m.kind)}</span>
              <span class="tb-jump-title">{m.title}</span>
              <span class="tb-jump-time">{timeOf(m.at)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Where the beamer is, so the spelleider with their back to the screen knows what the room sees. */
function BeamerState({ replaySeq, entries }: { replaySeq: number; entries: readonly TimelineEntry[] }) {
  const v = t.terugblik.viewer;
  const index = replaySeq > 0 ? entries.findIndex((e) => e.seq === replaySeq) : -1;
  const text = replaySeq === 0 ? v.beamerWaiting : index >= 0 ? v.beamerFollows(index + 1, entries.length) : v.beamerElsewhere;
  return (
    <p class={`tb-beamer-state small ${replaySeq === 0 ? "waiting" : ""}`}>
      <span class="tb-beamer-icon" aria-hidden="true">
        ▭
      </span>{" "}
      {text}
    </p>
  );
}

function sendPosition(conn: Connection, seq: number): void {
  try {
    conn.client.sendReplayPosition(seq);
  } catch (error) {
    // Offline for a moment: the banner says so, and the next step sends the position again.
    window.console.warn("Positie van de terugblik niet verstuurd", error);
  }
}

/** Keys typed into a field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return target.type !== "range";
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}
