import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    globalSetup: ["tests/e2e/globalSetup.ts"],
    // Browser and restart tests run beside each other on two cores: a poll gets time, not the default single second.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
