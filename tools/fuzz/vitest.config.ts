import { defineConfig } from "vitest/config";

/** `npm run fuzz`: only the fuzz properties, without the client build the browser tests need. */
export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  test: {
    include: ["tests/fuzz/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
