/**
 * Creating sessions and finding them again: join codes for participants, secret links for the spelleider.
 * Randomness lives here, outside core: ids, codes and secrets are made once and then recorded.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { ENGINE_VERSION } from "./core/state.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { personalDataRefusal } from "./scenarios/privacy.ts";
import type { EventStore, SessionRecord } from "./store/types.ts";
import { formatShortDate } from "./dates.ts";

/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

export function makeJoinCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Codes are typed by people: ignore case, spaces and dashes. */
export const normaliseCode = (input: string): string => input.toUpperCase().replace(/[\s-]/g, "");

export interface CreatedSession {
  sessionId: string;
  code: string;
  /** 256 bits, base64url; only its hash is stored, so this is the one time it is shown. */
  secret: string;
  label: string;
}

export type CreateResult = { ok: true; session: CreatedSession } | { ok: false; message: string };

/**
 * The label of a session the spelleider named nothing: the scenario's title and the date. A title that ends in its
 * own punctuation ("Maatwerk in de wijk: wie bepaalt wat past?") gets " · " before the date, not "past?, 7-12-2026".
 */
export function defaultLabel(title: string, now: number): string {
  const date = formatShortDate(now);
  return /[?!.…]$/.test(title.trim()) ? `${title} · ${date}` : `${title}, ${date}`;
}

export async function createSession(
  store: EventStore,
  scenario: Scenario,
  options: { variantId?: string; label?: string; now: number },
): Promise<CreateResult> {
  const variant = options.variantId ? scenario.variants.find((v) => v.id === options.variantId) : scenario.variants[0];
  if (!variant) {
    return { ok: false, message: `Scenario '${scenario.id}' heeft geen variant '${options.variantId}'. Kies uit: ${scenario.variants.map((v) => v.id).join(", ")}.` };
  }
  // The session's copy of the scenario goes into the log (SessionCreated): it passes the same personal-data guard
  // as the scenario files, so nothing the trainer has not confirmed is stored with a session.
  const refusal = personalDataRefusal(scenario);
  if (refusal !== null) return { ok: false, message: refusal };
  const label = options.label?.trim() || defaultLabel(scenario.title, options.now);
  for (let attempt = 0; attempt < 5; attempt++) {
    const session: CreatedSession = {
      sessionId: `s${randomBytes(8).toString("hex")}`,
      code: makeJoinCode(),
      secret: randomBytes(32).toString("base64url"),
      label,
    };
    const record: SessionRecord = {
      sessionId: session.sessionId,
      code: session.code,
      secretHash: hashSecret(session.secret),
      label,
      scenarioId: scenario.id,
      createdAt: options.now,
    };
    const created: SessionEvent = {
      type: "SessionCreated",
      v: 1,
      at: options.now,
      sessionId: session.sessionId,
      code: session.code,
      label,
      scenario,
      variantId: variant.id,
      engineVersion: ENGINE_VERSION,
    };
    // A clash of codes is rare (31^6 codes) but possible: try a fresh code rather than fail.
    if (await store.findByCode(session.code)) continue;
    await store.createSession(record, [created]);
    return { ok: true, session };
  }
  return { ok: false, message: "Er kon geen vrije code worden gemaakt. Probeer het nog eens." };
}
