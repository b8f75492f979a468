/**
 * TRAINER_SECRET: off unless long enough (with a Dutch warning), compared in constant time (both hashed first).
 */
import { describe, expect, it } from "vitest";
import { trainerSecretFromEnv, trainerSecretMatches } from "../../server/patterns/secret.ts";

const GOOD = "a".repeat(20) + "-Bb_0123456789.~xyz";

describe("TRAINER_SECRET", () => {
  it("is off without a warning when not set, and off with a Dutch warning when too short or not URL-safe", () => {
    expect(trainerSecretFromEnv(undefined)).toEqual({ secret: null, warning: null });
    expect(trainerSecretFromEnv("  ")).toEqual({ secret: null, warning: null });
    expect(trainerSecretFromEnv("kort-geheim")).toEqual({ secret: null, warning: expect.stringMatching(/^TRAINER_SECRET is korter dan 32 tekens: het trainersoverzicht \(\/trainer\) staat uit\./) });
    expect(trainerSecretFromEnv(`${GOOD} met spaties`).warning).toMatch(/mag alleen letters, cijfers/);
    expect(trainerSecretFromEnv(` ${GOOD}\n`)).toEqual({ secret: GOOD, warning: null });
  });

  it("matches only the exact secret, and nothing when none is configured", () => {
    expect(trainerSecretMatches(GOOD, GOOD)).toBe(true);
    expect(trainerSecretMatches(GOOD, `${GOOD}x`)).toBe(false);
    expect(trainerSecretMatches(GOOD, GOOD.slice(0, -1))).toBe(false);
    expect(trainerSecretMatches(GOOD, "")).toBe(false);
    expect(trainerSecretMatches(null, "")).toBe(false);
    expect(trainerSecretMatches(undefined, GOOD)).toBe(false);
    // A configured value that would have been refused at start does not open anything either.
    expect(trainerSecretMatches("kort", "kort")).toBe(false);
  });
});
