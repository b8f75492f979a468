/**
 * What the spelleider shows on the beamer besides the game: the place in the terugblik and the page of the long list;
 * and the server's clock for any screen. Presentation only: not a command, not logged. Each answers with what is done,
 * or the Dutch refusal.
 */
import type { SessionRoomState } from "#shared/protocol/schema.ts";
import { BeamerPageSchema, ClockRequestSchema, ReplayPositionSchema, SERVER_MESSAGES, type Rejected } from "#shared/protocol/views.ts";
import { BEAMER_PAGE_INVALID, BEAMER_PAGE_ONLY_SPELLEIDER, CLOCK_REQUEST_INVALID, REPLAY_ONLY_SPELLEIDER, REPLAY_POSITION_INVALID } from "#shared/protocol/wire.ts";
import type { Audience } from "./projection.ts";

const refused = (code: string, message: string): Rejected => ({ commandId: null, code, message });

/** The spelleider's place in the terugblik (never past what is stored), shared with the beamer. */
export function setReplayPosition(state: SessionRoomState, audience: Audience | null, message: unknown, storedSeq: number): Rejected | null {
  if (audience?.kind !== "spelleider") return refused("niet_toegestaan", REPLAY_ONLY_SPELLEIDER);
  const parsed = ReplayPositionSchema.safeParse(message);
  if (!parsed.success) return refused("ongeldig", REPLAY_POSITION_INVALID);
  state.replaySeq = Math.min(parsed.data.seq, storedSeq);
  return null;
}

/** The page the spelleider chose for the beamer's long list. */
export function setBeamerPage(state: SessionRoomState, audience: Audience | null, message: unknown): Rejected | null {
  if (audience?.kind !== "spelleider") return refused("niet_toegestaan", BEAMER_PAGE_ONLY_SPELLEIDER);
  const parsed = BeamerPageSchema.safeParse(message);
  if (!parsed.success) return refused("ongeldig", BEAMER_PAGE_INVALID);
  state.beamerPage = JSON.stringify(parsed.data);
  return null;
}

/** The server's clock for a screen that asked (any connection may): the message to answer with, its own time back and the server's `now`, or the Dutch refusal. */
export function clockAnswer(message: unknown, now: number): [typeof SERVER_MESSAGES.clock, { sent: number; now: number }] | [typeof SERVER_MESSAGES.rejected, Rejected] {
  const parsed = ClockRequestSchema.safeParse(message);
  if (!parsed.success) return [SERVER_MESSAGES.rejected, refused("ongeldig", CLOCK_REQUEST_INVALID)];
  return [SERVER_MESSAGES.clock, { sent: parsed.data.sent, now }];
}
