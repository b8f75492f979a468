/**
 * The command line of the developer tools (benchmarks, fuzz): `--help` or `-h` prints the tool's usage and stops; an
 * unknown or incomplete option says so in Dutch with the usage, and stops with exit code 2, instead of a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

export function toolArgs<const T extends ParseArgsConfig>(config: T, usage: string, argv: readonly string[] = process.argv.slice(2)): ReturnType<typeof parseArgs<T>> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs<T>({ ...config, args: [...argv] });
  } catch (error) {
    // parseArgs explains in English; the Dutch sentence comes first, its detail after.
    console.error(`Onbekende of onvolledige optie (${error instanceof Error ? error.message : String(error)}).\n\n${usage}`);
    process.exit(2);
  }
}
