/**
 * The trainer secret: one link for the trainer who runs a scenario with several municipalities. It opens an overview
 * over sessions, so it is configured by the operator (TRAINER_SECRET), never made by the game, and never logged.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const MIN_TRAINER_SECRET_LENGTH = 32;

/** URL-safe, so it can sit in a link as it is; long enough that guessing it is hopeless. */
export const TrainerSecretSchema = z
  .string()
  .min(MIN_TRAINER_SECRET_LENGTH)
  .max(256)
  .regex(/^[A-Za-z0-9._~-]+$/);

export type TrainerSecretSetting = { secret: string; warning: null } | { secret: null; warning: string | null };

/** TRAINER_SECRET as read at start: the secret, or off with the Dutch reason to log (none when it is simply not set). */
export function trainerSecretFromEnv(value: string | undefined): TrainerSecretSetting {
  if (value === undefined || value.trim() === "") return { secret: null, warning: null };
  const parsed = TrainerSecretSchema.safeParse(value.trim());
  if (parsed.success) return { secret: parsed.data, warning: null };
  return {
    secret: null,
    warning:
      value.trim().length < MIN_TRAINER_SECRET_LENGTH
        ? `TRAINER_SECRET is korter dan ${MIN_TRAINER_SECRET_LENGTH} tekens: het trainersoverzicht (/trainer) staat uit. Kies een langer geheim, bijvoorbeeld met 'openssl rand -hex 24'.`
        : "TRAINER_SECRET mag alleen letters, cijfers en . _ ~ - bevatten (het staat in een link) en hoogstens 256 tekens lang zijn: het trainersoverzicht (/trainer) staat uit.",
  };
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * Whether `given` is the configured secret, in constant time: both are hashed first, so neither the length nor the
 * first differing character shows in how long the answer takes. No secret configured: never.
 */
export function trainerSecretMatches(configured: string | null | undefined, given: string): boolean {
  if (!configured || !TrainerSecretSchema.safeParse(configured).success) return false;
  return timingSafeEqual(digest(configured), digest(given));
}
