/** Hooks that connect screens to the connection: re-render on every patch, and follow one command's fate. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CommandInput, Connection, SendResult, Snapshot } from "../net/connection.ts";

/** Re-renders the component whenever the server's state changes or the connection status does. */
export function useSnapshot(conn: Connection): Snapshot | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    const unsubscribe = conn.subscribe(() => setTick((n) => n + 1));
    // The first state may have arrived between the first render and this subscription: draw it now.
    setTick((n) => n + 1);
    return unsubscribe;
  }, [conn]);
  return conn.snapshot;
}

export type CommandState = { kind: "idle" } | { kind: "pending" } | { kind: "done" } | { kind: "rejected"; message: string };

/**
 * Sends commands and remembers how the last one went, so the control next to it can say: pending, saved, or the
 * Dutch reason it was refused.
 */
export function useCommand(conn: Connection): [(command: CommandInput) => Promise<SendResult>, CommandState, () => void] {
  const [state, setState] = useState<CommandState>({ kind: "idle" });
  // "Opgeslagen" says what just happened: it goes after DONE_SHOWN_MS, so it does not stand beside what came after
  // (the next stage, a changed form). A refusal stays until the next try: it says what to do.
  const fading = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopFading = () => {
    if (fading.current !== null) clearTimeout(fading.current);
    fading.current = null;
  };
  useEffect(() => stopFading, []);
  const run = async (command: CommandInput) => {
    stopFading();
    setState({ kind: "pending" });
    const result = await conn.send(command);
    setState(result.ok ? { kind: "done" } : { kind: "rejected", message: result.message });
    stopFading();
    if (result.ok) fading.current = setTimeout(() => setState({ kind: "idle" }), DONE_SHOWN_MS);
    return result;
  };
  const reset = () => {
    stopFading();
    setState({ kind: "idle" });
  };
  return [run, state, reset];
}

/** How long "Opgeslagen" stays after a command went through. */
export const DONE_SHOWN_MS = 4_000;

/** Now, ticking every second: for timers. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Text being typed, kept in the browser so a reload or a lost connection never loses it. The third part empties the
 * field once what was sent has arrived, but only while the field still holds it: someone who went on typing the next
 * one while the first waited for the Wi-Fi keeps what they typed.
 */
export function useKeptText(key: string, initial = ""): [string, (value: string) => void, (sent: string) => void] {
  const storageKey = `maatwerkspel:tekst:${key}`;
  const [value, setValue] = useState(() => {
    try {
      return localStorage.getItem(storageKey) ?? initial;
    } catch {
      return initial;
    }
  });
  const update = (next: string) => {
    setValue(next);
    try {
      if (next) localStorage.setItem(storageKey, next);
      else localStorage.removeItem(storageKey);
    } catch {
      // Private mode without storage: the text still lives in the page.
    }
  };
  const clearIfStill = (sent: string) => {
    setValue((current) => {
      if (current.trim() !== sent.trim()) return current;
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // As above.
      }
      return "";
    });
  };
  return [value, update, clearIfStill];
}

/**
 * Keeps the screen on while the component is shown (the Screen Wake Lock API): a beamer on a laptop of its own, or a
 * meeting room's computer, would otherwise dim and sleep after ten minutes without a mouse movement, in the middle of a
 * phase the whole room is looking at. The browser lets go of the lock whenever the page is hidden; it is asked again
 * when the page is shown. Where the browser does not offer it (an older browser, or a page not on https or localhost)
 * nothing happens: the beamer works as before.
 */
export function useScreenAwake(): void {
  useEffect(() => {
    const wakeLock = "wakeLock" in navigator ? navigator.wakeLock : null;
    if (!wakeLock) return;
    let lock: WakeLockSentinel | null = null;
    let asking = false;
    let gone = false;
    const ask = () => {
      // One request at a time: a second one while the first is under way would leave a lock nobody releases.
      if (gone || asking || document.visibilityState !== "visible" || (lock && !lock.released)) return;
      asking = true;
      wakeLock.request("screen").then(
        (granted) => {
          asking = false;
          if (gone) void granted.release();
          else lock = granted;
        },
        // Refused (battery saver, a policy): the screen may sleep, as it did before.
        () => {
          asking = false;
        },
      );
    };
    ask();
    document.addEventListener("visibilitychange", ask);
    return () => {
      gone = true;
      document.removeEventListener("visibilitychange", ask);
      void lock?.release();
    };
  }, []);
}

/**
 * A double click anywhere makes the page fill the screen, and another one ends that (as F11 does): for the beamer,
 * which has no controls, on a projector where the browser's own bars would take a strip off every board.
 */
export function useFullscreenOnDoubleClick(): void {
  useEffect(() => {
    const toggle = () => {
      // Refused (an embedded page, a browser without it): the page stays as it is.
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else void document.documentElement.requestFullscreen?.().catch(() => undefined);
    };
    document.addEventListener("dblclick", toggle);
    return () => document.removeEventListener("dblclick", toggle);
  }, []);
}
