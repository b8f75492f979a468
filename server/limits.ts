/**
 * Every limit on what one client may send, in one place (docs/deployment.md, "Limits", quotes these numbers),
 * and the token buckets that enforce them. Time always comes from the caller, so the same code runs on the room's
 * clock, the HTTP routes' clock and a test's clock.
 */
import { FLOODED_NOTICE } from "#shared/protocol/wire.ts";


/** WebSocket frames above this close the socket (ws `maxPayload`): only a client that is abusing the server sends them. */
export const WS_MAX_PAYLOAD_BYTES = 256 * 1024;

/** What one connection to a session room may send. */
export interface MessageLimits {
  /**
   * A message larger than this (bytes on the wire) is refused in Dutch and not read any further; the connection stays.
   * The largest legitimate command, a case (added, brought in or admitted) with every text at its maximum in 3-byte
   * UTF-8 characters, is about 21.5 KB, so this is about twice that.
   */
  maxMessageBytes: number;
  /** Messages a connection may send in one go before the rate applies (a reconnect flushes up to 200 queued ones). */
  burst: number;
  /** Sustained messages per second; beyond it each message is refused with "Je stuurt te veel tegelijk; wacht even." */
  perSecond: number;
  /** This many refused messages within `floodWindowMs` close the connection, after a Dutch notice. */
  floodRefusals: number;
  floodWindowMs: number;
}

export const MESSAGE_LIMITS: MessageLimits = {
  maxMessageBytes: 48 * 1024,
  burst: 200,
  perSecond: 20,
  floodRefusals: 200,
  floodWindowMs: 10_000,
};

/**
 * Failed look-ups per client IP over HTTP (join codes, spelleider links). Look-ups that find a session are free. Join
 * codes: JOIN_CODE_LOOKUPS applies per address and code prefix, CODE_GUESSES_PER_ADDRESS over all prefixes (see
 * CodeGuessLimiter); spelleider links: SECRET_LOOKUPS per address.
 */
export interface LookupLimits {
  /** Failed look-ups an address may make in one go. */
  burst: number;
  /** After that, one more failed look-up per this many milliseconds (6 s: ten a minute). */
  refillMs: number;
}

export const JOIN_CODE_LOOKUPS: LookupLimits = { burst: 20, refillMs: 6_000 };
/** Wrong join codes per address over all prefixes: 60 at once, then ten a minute. This is what bounds a guesser. */
export const CODE_GUESSES_PER_ADDRESS: LookupLimits = { burst: 60, refillMs: 6_000 };
/** How many leading characters of a join code make its prefix (31² = 961 prefixes). */
export const CODE_PREFIX_LENGTH = 2;
export const SECRET_LOOKUPS: LookupLimits = { burst: 20, refillMs: 6_000 };
/**
 * New sessions per address: 60 at once, then one a minute. A trainer makes a few a day; this only stops a script from
 * filling the disk. MAX_NEW_SESSIONS_PER_HOUR changes it (the load benchmark creates 500 at once from loopback).
 */
export const SESSION_CREATIONS: LookupLimits = { burst: 60, refillMs: 60_000 };

/** MAX_NEW_SESSIONS_PER_HOUR as limits: that many at once, and that many an hour after. */
export function sessionCreationLimits(perHour: string | undefined): LookupLimits {
  const n = Number(perHour);
  return perHour !== undefined && Number.isInteger(n) && n > 0 ? { burst: n, refillMs: 3_600_000 / n } : SESSION_CREATIONS;
}

/**
 * New seats in one session per client address: 30 at once, then one more every second (60 a minute). A classroom of
 * 60 behind one NAT that trickles in over a minute always fits (the first 30 at once, then one a second); a script that sends 60 joins in half a second gets
 * 30 seats and "Er komen vanaf dit adres net heel veel mensen tegelijk binnen…" for the rest. Returning to a seat you
 * already have (same seat token) costs nothing, so a whole class rejoining after a restart is never refused.
 * MAX_NEW_SEATS_PER_MINUTE=n changes it to n at once and n a minute (the load benchmark sets a million).
 * (With 30 a minute, the old default, a class of 60 arriving one a second did not fit: 30 + 30 refills, the last one
 * short by half a seat.)
 */
export const NEW_SEATS: LookupLimits = { burst: 30, refillMs: 1_000 };

/** MAX_NEW_SEATS_PER_MINUTE as limits: that many at once, and that many a minute after. */
export function newSeatLimits(perMinute: string | undefined): LookupLimits {
  const n = Number(perMinute);
  return perMinute !== undefined && Number.isInteger(n) && n > 0 ? { burst: n, refillMs: 60_000 / n } : NEW_SEATS;
}

/**
 * Seat reservations (`POST /api/seat`) per client address and session, new or returning: 150 at once, then 5 a second.
 * Enough for a whole class behind one NAT rejoining at once, twice over; a script that asks for hundreds without ever
 * opening a socket gets "Te veel aanvragen…" (429). An unused reservation expires after SEAT_RESERVATION_SECONDS and
 * never holds a seat: the participant's seat is made only when the socket arrives (SessionRoom.onAuth).
 */
export const SEAT_RESERVATIONS: LookupLimits = { burst: 150, refillMs: 200 };
export const SEAT_RESERVATION_SECONDS = 15;

/** Beamer screens per session: the room refuses a fifth with BEAMERS_FULL. */
export const MAX_BEAMERS = 4;

/** What one process may hold. */
export interface RoomCapacity {
  /** Open sessions (rooms) at once; MAX_ROOMS. The load benchmark holds 500 on one process. */
  maxRooms: number;
  /** Resident memory above which no new room is opened (rooms already open go on); MAX_MEMORY_MB. */
  maxMemoryMb: number;
  /** Connections per room, also those waiting to reconnect (Colyseus maxClients): 60 people, second tabs, beamers. */
  maxClientsPerRoom: number;
  /**
   * Seat reservations per room not yet used by a socket. They do not count as connections, so unused ones never keep
   * anyone out; this only bounds their memory (a few hundred bytes each, gone after SEAT_RESERVATION_SECONDS).
   */
  maxPendingPerRoom: number;
}

export const ROOM_CAPACITY: RoomCapacity = { maxRooms: 1_000, maxMemoryMb: 3_072, maxClientsPerRoom: 250, maxPendingPerRoom: 1_000 };

/** MAX_ROOMS and MAX_MEMORY_MB over ROOM_CAPACITY; anything that is not a positive whole number keeps the default. */
export function roomCapacity(env: { MAX_ROOMS?: string; MAX_MEMORY_MB?: string }): RoomCapacity {
  const positive = (value: string | undefined, fallback: number) => (value !== undefined && Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
  return { ...ROOM_CAPACITY, maxRooms: positive(env.MAX_ROOMS, ROOM_CAPACITY.maxRooms), maxMemoryMb: positive(env.MAX_MEMORY_MB, ROOM_CAPACITY.maxMemoryMb) };
}

export const TOO_MANY_CODE_LOOKUPS = "Te veel pogingen met een code. Wacht een minuut en probeer het opnieuw.";
export const TOO_MANY_SECRET_LOOKUPS = "Te veel pogingen met een spelleiderslink. Wacht een minuut en probeer het opnieuw.";
export const TOO_MANY_SESSIONS = "Vanaf dit adres zijn net heel veel sessies aangemaakt. Wacht een paar minuten en probeer het opnieuw.";
export const TOO_MANY_NEW_SEATS = "Er komen vanaf dit adres net heel veel mensen tegelijk binnen. Wacht een paar seconden en probeer het opnieuw.";
export const TOO_MANY_RESERVATIONS = "Te veel aanvragen om mee te doen vanaf dit adres. Wacht even en probeer het opnieuw.";
export const BEAMERS_FULL = `Er kijken al ${MAX_BEAMERS} beamerschermen mee met deze sessie. Sluit er een en probeer het opnieuw.`;
export const ROOM_FULL = "Deze sessie heeft op dit moment te veel verbindingen. Probeer het over een minuut opnieuw.";
export const TOO_MANY_ROOMS = (max: number) => `De server heeft al ${max} sessies open en neemt er nu geen bij. Probeer het over een paar minuten opnieuw, of vraag de beheerder om hulp.`;
export const OUT_OF_MEMORY = "De server heeft zijn geheugen vol en opent nu geen sessie meer. Probeer het over een paar minuten opnieuw, of vraag de beheerder om hulp.";
export const NO_CLIENT_ROOMS = "Kamers worden alleen door de server geopend. Doe mee via de code of de link (POST /api/seat).";
export const TOO_MANY_MESSAGES = "Je stuurt te veel tegelijk; wacht even.";
export const MESSAGE_TOO_LARGE = `Dit bericht is te groot (meer dan ${MESSAGE_LIMITS.maxMessageBytes / 1024} kB) en is niet verwerkt. Maak de tekst korter.`;

/**
 * A token bucket: `capacity` tokens, one more every `refillMs`. Time that runs backwards (a test resetting its clock)
 * only restarts the count from there.
 */
export class TokenBucket {
  private readonly capacity: number;
  private readonly refillMs: number;
  private tokens: number;
  private at: number;

  constructor(capacity: number, refillMs: number, now: number) {
    this.capacity = capacity;
    this.refillMs = refillMs;
    this.tokens = capacity;
    this.at = now;
  }

  private refill(now: number): void {
    if (now > this.at) this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) / this.refillMs);
    this.at = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a token is available, without taking it. */
  has(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }

  /** Whether the bucket is full again (nothing to remember any more). */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }

  /** Milliseconds until the next token. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.refillMs);
  }
}

export type Admission = { ok: true } | { ok: false; code: "te_groot" | "te_veel"; message: string } | { ok: false; code: "overspoeld"; message: string };

/** The limits of one connection to a room: size of each message, rate, and when a flood ends the connection. */
export class ConnectionLimiter {
  private readonly limits: MessageLimits;
  private readonly bucket: TokenBucket;
  private readonly refusals: number[] = [];

  constructor(limits: MessageLimits, now: number) {
    this.limits = limits;
    this.bucket = new TokenBucket(limits.burst, 1000 / limits.perSecond, now);
  }

  /** Every message costs a token, whatever it holds; a refused one counts towards a flood. */
  admit(bytes: number, now: number): Admission {
    const refused: Admission | null = !this.bucket.take(now)
      ? { ok: false, code: "te_veel", message: TOO_MANY_MESSAGES }
      : bytes > this.limits.maxMessageBytes
        ? { ok: false, code: "te_groot", message: MESSAGE_TOO_LARGE }
        : null;
    if (!refused) return { ok: true };
    while (this.refusals.length > 0 && (this.refusals[0] ?? now) <= now - this.limits.floodWindowMs) this.refusals.shift();
    this.refusals.push(now);
    if (this.refusals.length > this.limits.floodRefusals) return { ok: false, code: "overspoeld", message: FLOODED_NOTICE };
    return refused;
  }
}

/**
 * Token buckets per key (a client address), for failed look-ups. Remembers at most `maxKeys` addresses: full buckets
 * are forgotten first, since they hold nothing.
 */
export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly limits: LookupLimits;
  private readonly maxKeys: number;

  constructor(limits: LookupLimits, maxKeys = 50_000) {
    this.limits = limits;
    this.maxKeys = maxKeys;
  }

  /** Whether this key may look something up now (a token is left). */
  allows(key: string, now: number): boolean {
    return this.buckets.get(key)?.has(now) ?? true;
  }

  /** A failed look-up (or a new session): costs a token. */
  spend(key: string, now: number): void {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      bucket = new TokenBucket(this.limits.burst, this.limits.refillMs, now);
      this.buckets.set(key, bucket);
    }
    bucket.take(now);
  }

  /** Seconds until this key may try again (for Retry-After). */
  retryAfterSeconds(key: string, now: number): number {
    return Math.max(1, Math.ceil((this.buckets.get(key)?.waitMs(now) ?? 0) / 1000));
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(key);
    // Still full of busy addresses: forget the oldest half rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) for (const key of [...this.buckets.keys()].slice(0, Math.ceil(this.maxKeys / 2))) this.buckets.delete(key);
  }
}

/**
 * Wrong join codes, so that a guesser is stopped while a classroom behind one NAT is not locked out by one phone.
 *
 * - Only wrong codes count, and each wrong code only once per address: a phone that retries its typo, or a beamer that
 *   keeps asking for a code, costs nothing more. (Trying the same wrong code again tells nothing new.)
 * - Wrong codes are counted per address AND code prefix (JOIN_CODE_LOOKUPS: 20 at once, then one per 6 s). When that
 *   allowance is gone, every code with that prefix is refused from that address, the real ones too: refusing only the
 *   unknown ones would tell which codes exist. Codes with other prefixes, such as the class's own code when the typos
 *   began differently, still work.
 * - Wrong codes are also counted per address over all prefixes (CODE_GUESSES_PER_ADDRESS: 60 at once, then one per
 *   6 s). When that is gone, every code from the address is refused. This is what still stops enumeration: spreading
 *   guesses over prefixes gains nothing past 60, so one address gets at most 60 + 14 400 wrong tries a day, the same
 *   order as a single allowance per address; and since each code counts once, repeating one cannot help either.
 * A classroom is only refused after 20 different wrong codes sharing its prefix, or 60 different wrong codes in all,
 * within minutes: a guesser's pattern, not a mistyping phone's.
 */
export class CodeGuessLimiter {
  private readonly perPrefix: KeyedLimiter;
  private readonly perAddress: KeyedLimiter;
  /** `address code` of wrong codes already counted, oldest first; bounded, the oldest forgotten first. */
  private readonly counted = new Set<string>();
  private readonly maxCounted: number;

  constructor(perPrefix: LookupLimits = JOIN_CODE_LOOKUPS, perAddress: LookupLimits = CODE_GUESSES_PER_ADDRESS, maxCounted = 200_000) {
    this.perPrefix = new KeyedLimiter(perPrefix);
    this.perAddress = new KeyedLimiter(perAddress);
    this.maxCounted = maxCounted;
  }

  private static prefixKey(address: string, code: string): string {
    return `${address} ${code.slice(0, CODE_PREFIX_LENGTH)}`;
  }

  /** Whether this address may look up this (normalised) code now. */
  allows(address: string, code: string, now: number): boolean {
    return this.perPrefix.allows(CodeGuessLimiter.prefixKey(address, code), now) && this.perAddress.allows(address, now);
  }

  /** A look-up of a code that does not exist. */
  wrong(address: string, code: string, now: number): void {
    const key = `${address} ${code}`;
    if (this.counted.has(key)) return;
    if (this.counted.size >= this.maxCounted) {
      const oldest = this.counted.values().next();
      if (!oldest.done) this.counted.delete(oldest.value);
    }
    this.counted.add(key);
    this.perPrefix.spend(CodeGuessLimiter.prefixKey(address, code), now);
    this.perAddress.spend(address, now);
  }

  /** Seconds until this address may look up this code again (for Retry-After). */
  retryAfterSeconds(address: string, code: string, now: number): number {
    const prefixKey = CodeGuessLimiter.prefixKey(address, code);
    const byPrefix = this.perPrefix.allows(prefixKey, now) ? 0 : this.perPrefix.retryAfterSeconds(prefixKey, now);
    const byAddress = this.perAddress.allows(address, now) ? 0 : this.perAddress.retryAfterSeconds(address, now);
    return Math.max(1, byPrefix, byAddress);
  }
}

/**
 * The address a limit applies to. IPv6 clients usually hold a whole /64, so they are counted per /64; IPv4 (also
 * IPv4-mapped IPv6) per address.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return "onbekend";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
