/**
 * The pieces of the terugblik both the console's viewer and the beamer use: the names of a timeline entry and the
 * hooks that load the timeline and the replayed board at a position.
 */
import { useEffect, useState } from "preact/hooks";
import type { Snapshot } from "../../net/connection.ts";
import { errorText, snapshotOf, type Terugblik, type TimelineEntry, type TimelineView } from "../../net/terugblik.ts";
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import { phaseDetail } from "../spelleider/phaseLabels.ts";

/** Scrubbing asks for the board where the thumb rests, not for every position it passes. */
export const DEBOUNCE_MS = 120;

/** The phase an entry belongs to as the console names it: "Rolwissel" with its round as detail, or "Samenvoegen". */
export function phaseParts(snap: Snapshot, entry: TimelineEntry): { title: string; detail: string | null } {
  const phase = snap.session.phases[entry.phaseIndex];
  const detail = phase && phase.kind === entry.phaseKind && phase.kind === "rolwissel" ? phaseDetail(snap, phase) : null;
  return { title: PHASE_TITLES[entry.phaseKind], detail };
}

export function phaseTitle(snap: Snapshot, entry: TimelineEntry): string {
  const { title, detail } = phaseParts(snap, entry);
  return detail ? `${title} · ${detail}` : title;
}

/** The server's line for an event; the start of a phase is named by the phase title shown beside it. */
export function eventLabel(entry: TimelineEntry): string {
  return entry.type === "PhaseStarted" ? t.terugblik.viewer.phaseStarted : entry.label;
}

export interface BoardState {
  /** The board on screen: possibly an earlier position's, while the new one loads. */
  shown: { seq: number; snap: Snapshot } | null;
  loading: boolean;
  error: string | null;
  retry: () => void;
}

/**
 * The replayed board at one position, for the console and the beamer alike: a board already fetched shows at once,
 * a new one after a short pause, and the last board stays up while the next one loads, so the screen never goes blank.
 */
export function useBoardAt(source: Terugblik | null, seq: number | null, options: { debounceMs?: number; neighbours?: readonly number[] } = {}): BoardState {
  const [shown, setShown] = useState<BoardState["shown"]>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const wait = options.debounceMs ?? DEBOUNCE_MS;
  const neighbours = options.neighbours ?? [];

  useEffect(() => {
    if (!source || seq === null || seq < 1) {
      setLoading(false);
      return;
    }
    let live = true;
    const prefetch = () => neighbours.forEach((n) => source.prefetch(n));
    const cached = source.cached(seq);
    if (cached) {
      setShown({ seq, snap: snapshotOf(cached) });
      setLoading(false);
      setError(null);
      const timer = setTimeout(prefetch, wait);
      return () => clearTimeout(timer);
    }
    setLoading(true);
    const timer = setTimeout(() => {
      source.board(seq).then(
        (board) => {
          if (!live) return;
          setShown({ seq, snap: snapshotOf(board) });
          setLoading(false);
          setError(null);
          prefetch();
        },
        (failure: unknown) => {
          if (!live) return;
          setLoading(false);
          setError(errorText(failure));
        },
      );
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source, seq, attempt]);

  return { shown, loading, error, retry: () => setAttempt((n) => n + 1) };
}

/** The timeline of a terugblik, loaded once, with a retry after a failure. */
export function useTimeline(source: Terugblik | null): { timeline: TimelineView | null; error: string | null; retry: () => void } {
  const [state, setState] = useState<{ timeline: TimelineView | null; error: string | null }>({ timeline: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!source) return;
    let live = true;
    setState((s) => ({ timeline: s.timeline, error: null }));
    source.timeline().then(
      (timeline) => {
        if (live) setState({ timeline, error: null });
      },
      (failure: unknown) => {
        if (live) setState({ timeline: null, error: errorText(failure) });
      },
    );
    return () => {
      live = false;
    };
  }, [source, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
