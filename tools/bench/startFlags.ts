/**
 * The Node flags `npm start` gives the server (package.json's "start" script: `node <flags> server/main.ts`), so that
 * every benchmark runs our server exactly as `npm start` does. Read from the package.json of the checkout the server
 * comes from (`bench:load --server-dir` runs another one's, with its own flags).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const PackageSchema = z.object({ scripts: z.object({ start: z.string() }) });

export function startFlags(checkout: string): string[] {
  const start = PackageSchema.parse(JSON.parse(readFileSync(join(checkout, "package.json"), "utf8"))).scripts.start;
  const words = start
    .split("&&")
    .map((part) => part.trim().split(/\s+/))
    .find((part) => part.at(-1) === "server/main.ts");
  if (!words || words[0] !== "node") throw new Error(`package.json in ${checkout}: het start-script start de server niet als 'node … server/main.ts' (${start}).`);
  const flags = words.slice(1, -1);
  const notAFlag = flags.find((word) => !word.startsWith("--"));
  if (notAFlag !== undefined) throw new Error(`package.json in ${checkout}: '${notAFlag}' in het start-script is geen Node-vlag.`);
  return flags;
}
