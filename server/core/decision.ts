/**
 * What `decide` returns: events to append, or a rejection with a code the UI can act on and a Dutch message a
 * participant can read. Core never throws for bad input.
 */
import type { NewEvent, SessionEvent } from "#shared/protocol/events.ts";

/** Who sends a command. The room derives this from the connection, never from the message. */
export type Actor =
  | { kind: "guest" }
  | { kind: "participant"; participantId: string }
  | { kind: "spelleider" }
  | { kind: "system" };

export const REJECTION_CODES = [
  "ongeldig",
  "niet_toegestaan",
  "verkeerde_fase",
  "niet_gevonden",
  "bestaat_al",
  "gepauzeerd",
  "gesloten",
  "te_veel",
  "niet_op_volgorde",
  "persoonsgegevens",
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  ok: false;
  code: RejectionCode;
  /** Dutch, for people: says what is wrong and, where possible, what to do. */
  message: string;
}
export interface Accepted {
  ok: true;
  events: SessionEvent[];
}
export type Decision = Accepted | Rejection;

export const reject = (code: RejectionCode, message: string): Rejection => ({ ok: false, code, message });

/** Stamps shape version and time on the events core wrote. */
export function accept(now: number, ...events: NewEvent[]): Accepted {
  // The spread keeps each event's own discriminant; TS cannot follow a spread through a union, hence the cast.
  return { ok: true, events: events.map((e) => ({ ...e, v: 1, at: now }) as SessionEvent) };
}

/** Rejections that recur across phases, worded once. */
export const commonRejections = {
  notSpelleider: () => reject("niet_toegestaan", "Alleen de spelleider kan dit doen."),
  notParticipant: () => reject("niet_toegestaan", "Alleen deelnemers met een plek in deze sessie kunnen dit doen."),
  wrongPhase: (what: string, phaseName: string) =>
    reject("verkeerde_fase", `${what} kan alleen in de fase ${phaseName}.`),
  paused: () => reject("gepauzeerd", "Het spel staat even op pauze. Je werk is bewaard; probeer het zo opnieuw."),
};
