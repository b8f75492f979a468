/**
 * How much to fuzz. `npm test` runs a few thousand cases in all (seconds); `npm run fuzz -- --runs 100000` runs the
 * same properties through tools/fuzz/cli.ts, which passes its numbers in FUZZ_* variables. On a failure fast-check
 * prints the seed and the path of the smallest counterexample: `npm run fuzz -- --seed <seed> --path <path>` replays it.
 */
const number = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} moet een getal zijn, niet '${raw}'.`);
  return value;
};

/** Runs per property: the CLI's --runs, else the default that keeps `npm test` quick. */
export function runs(defaultRuns: number, scale = 1): number {
  const asked = number("FUZZ_RUNS");
  return asked === undefined ? defaultRuns : Math.max(1, Math.ceil(asked * scale));
}

export interface FuzzParameters {
  numRuns: number;
  seed?: number;
  path?: string;
  endOnFailure: boolean;
}

/** fast-check parameters for a property: run count, and the seed/path to replay when given. */
export function parameters(defaultRuns: number, scale = 1): FuzzParameters {
  const seed = number("FUZZ_SEED");
  const path = process.env.FUZZ_PATH;
  return {
    numRuns: runs(defaultRuns, scale),
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    endOnFailure: true,
  };
}

/** A generous test timeout for a property of this many runs at about `msPerRun` each. */
export const timeoutFor = (numRuns: number, msPerRun: number): number => Math.max(30_000, Math.ceil(numRuns * msPerRun * 3));

/**
 * A message people can read: Dutch, not zod's or JavaScript's English, not empty, not a wall of text. What a
 * message quotes back from the input ('…', and the list of unknown fields) is left out of the language check.
 */
export function dutchProblem(message: unknown): string | null {
  if (typeof message !== "string" || message.trim() === "") return "geen tekst";
  if (message.length > 400) return `te lang (${message.length} tekens)`;
  const own = message.replace(/'[^']*'/g, "''").replace(/onbekende velden: .*$/s, "onbekende velden: …");
  const english = /\b(invalid|expected|received|required|must|cannot|undefined|unknown|error|string|number|boolean|object|array|NaN|Infinity)\b/i.exec(own);
  if (english) return `Engels woord '${english[0]}'`;
  if (!/\b(de|het|een|is|niet|te|van|je|deze|dit|kan|alleen|geen|of|en|op|in|met|nog|al|zijn|wordt|bestaat|opdracht|bericht|hoogstens|minstens|ontbreekt|klopt|soort)\b/i.test(own)) return "geen Nederlands woord";
  return null;
}
