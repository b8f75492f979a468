/**
 * The server's clock as a screen knows it. The timers count down to deadlines the server set by its own clock; a
 * phone or laptop whose clock is off (set by hand, not synchronised for months) would otherwise show the wrong time
 * left, or "De tijd is om" while the group still has minutes. Each session client asks the server for its time on
 * every (re)connection and every few minutes (CLOCK_MESSAGE in shared/protocol/views.ts) and notes each answer in its
 * ServerClock.
 *
 * An answer says the server's time somewhere within the round trip: taken as its middle, it is off by at most half the
 * round trip. Of the last few answers the one with the shortest round trip counts (the least delayed by the network:
 * on bad Wi-Fi one answer can take seconds). Without any answer the screen's own clock is used.
 */

/** How many of the latest answers are weighed. */
const KEPT = 4;

interface Sample {
  roundTrip: number;
  offset: number;
}

export class ServerClock {
  private samples: Sample[] = [];
  private best = 0;

  /** How far this screen's clock is behind the server's (ms; negative: ahead). */
  get offset(): number {
    return this.best;
  }

  /** An answer: `sent` and `received` by this screen's clock, `serverNow` by the server's. */
  note(sent: number, serverNow: number, received: number): void {
    const roundTrip = received - sent;
    if (!Number.isFinite(roundTrip) || roundTrip < 0 || !Number.isFinite(serverNow)) return;
    this.samples = [...this.samples.slice(-(KEPT - 1)), { roundTrip, offset: serverNow - (sent + received) / 2 }];
    let best = this.samples[0];
    for (const sample of this.samples) if (best === undefined || sample.roundTrip < best.roundTrip) best = sample;
    this.best = best?.offset ?? 0;
  }

  /** Now, by the server's clock as far as this screen knows it (milliseconds since the epoch). */
  now(): number {
    return Date.now() + this.best;
  }
}

/** The clock of this page's one connection (the browser: see connection.ts); null until it joined. */
let pageClock: ServerClock | null = null;

export function showTimeOf(clock: ServerClock): void {
  pageClock = clock;
}

/** Now by the server's clock, for the page's timers; the screen's own clock until the page has joined. */
export function serverNow(): number {
  return pageClock ? pageClock.now() : Date.now();
}
