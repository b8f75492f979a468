/**
 * Builds the client once per test run for every browser test (instead of once per file), in production mode.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built client (dist for the e2e servers). */
    clientDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "maatwerkspel-client-"));
  const clientDir = join(dir, "client");
  execFileSync(process.execPath, [resolve("node_modules/vite/bin/vite.js"), "build", "--logLevel", "error", "--outDir", clientDir, "--emptyOutDir"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  project.provide("clientDir", clientDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
