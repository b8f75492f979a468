/**
 * `npm run session:purge -- --older-than 180d [--data-dir dir] [--dry-run]`: deletes every session created longer
 * ago than the given age from the SQLite file in the data directory (DATA_DIR, default ./data), or from PostgreSQL
 * when DATABASE_URL is set and no --data-dir is given, each with its whole log. Meant to run from cron next to the server. It prints label, date and code of what it deletes, never names.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { plainLine } from "#shared/protocol/plainText.ts";
import { withoutPassword } from "../../server/store/open.ts";
import { PostgresEventStore } from "../../server/store/postgres.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import type { EventStore, SessionRecord } from "../../server/store/types.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const UNITS = { d: { ms: DAY_MS, one: "dag", many: "dagen" }, w: { ms: 7 * DAY_MS, one: "week", many: "weken" } } as const;

const USAGE = [
  "Gebruik: npm run session:purge -- --older-than <leeftijd> [--data-dir <map>] [--dry-run]",
  "  --older-than  sessies die langer geleden zijn gemaakt, bijvoorbeeld 180d (dagen) of 26w (weken)",
  "  --data-dir    de map met maatwerkspel.sqlite (standaard DATA_DIR, anders ./data)",
  "  --dry-run     alleen laten zien wat er verwijderd zou worden",
  "Met DATABASE_URL (en zonder --data-dir) ruimt het de PostgreSQL-database op.",
].join("\n");

interface Age {
  ms: number;
  /** As people say it, e.g. "180 dagen". */
  words: string;
}

interface Options {
  age: Age;
  dataDir: string;
  /** DATABASE_URL, unless --data-dir asked for the SQLite file explicitly. */
  databaseUrl: string | null;
  dryRun: boolean;
}

/** "180d" or "26w"; a whole number above zero, so a typo can never mean "everything up to now". */
function parseAge(text: string): Age | null {
  const match = /^([1-9]\d{0,5})([dw])$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const amount = Number(match[1]);
  const unit = match[2] === "d" ? UNITS.d : UNITS.w;
  return { ms: amount * unit.ms, words: `${amount} ${amount === 1 ? unit.one : unit.many}` };
}

function readArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { "older-than": { type: "string" }, "data-dir": { type: "string" }, "dry-run": { type: "boolean", default: false } },
    strict: true,
    allowPositionals: false,
  }).values;
}

function parseOptions(argv: string[]): Options | { error: string } {
  let values: ReturnType<typeof readArgs>;
  try {
    values = readArgs(argv);
  } catch (error) {
    // parseArgs explains in English; the Dutch sentence comes first, its detail after.
    return { error: `Onbekende of onvolledige optie (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (values["older-than"] === undefined) return { error: "Zeg hoe oud een sessie moet zijn om te verdwijnen, bijvoorbeeld --older-than 180d." };
  const age = parseAge(values["older-than"]);
  if (!age) return { error: `'${values["older-than"]}' is geen leeftijd. Gebruik een aantal dagen of weken, bijvoorbeeld 180d of 26w.` };
  const databaseUrl = values["data-dir"] === undefined ? process.env.DATABASE_URL?.trim() || null : null;
  return { age, dataDir: resolve(values["data-dir"] ?? process.env.DATA_DIR ?? "data"), databaseUrl, dryRun: values["dry-run"] ?? false };
}

const formatDate = (time: number): string => new Date(time).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });

const sessies = (n: number): string => (n === 1 ? "1 sessie" : `${n} sessies`);

/**
 * One line per session: what the spelleider recognises, never who took part. The label is printed as plain text on
 * one line (protocol/plainText.ts), also when it was stored before labels were cleaned: an ESC sequence in a label
 * would otherwise act on the operator's terminal.
 */
function sessionLine(record: SessionRecord): string {
  return `  ${formatDate(record.createdAt).padEnd(18)} ${record.code}  ${plainLine(record.label)}`;
}

async function purge(store: EventStore, options: Options, now: number): Promise<void> {
  const cutoff = now - options.age.ms;
  const expired = await store.listSessionsCreatedBefore(cutoff);
  const when = `ouder dan ${options.age.words}, gemaakt vóór ${formatDate(cutoff)}`;
  if (expired.length === 0) {
    console.log(`Geen sessies ${when}. Er is niets verwijderd.`);
    return;
  }
  console.log(`${sessies(expired.length)} ${when}:`);
  for (const record of expired) console.log(sessionLine(record));
  if (options.dryRun) {
    console.log(`Proefdraai (--dry-run): er is niets verwijderd. Zonder --dry-run worden deze ${sessies(expired.length)} verwijderd.`);
    return;
  }
  let deleted = 0;
  for (const record of expired) if (await store.deleteSession(record.sessionId)) deleted++;
  const kept = (await store.listSessions()).length;
  console.log(`Klaar: ${sessies(deleted)} verwijderd, met alles wat erin is gebeurd. ${sessies(kept)} ${kept === 1 ? "blijft" : "blijven"} bewaard.`);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const options = parseOptions(argv);
  if ("error" in options) {
    console.error(`${options.error}\n\n${USAGE}`);
    return 2;
  }
  const file = resolve(options.dataDir, "maatwerkspel.sqlite");
  // Opening would create an empty file: a wrong --data-dir must say so, not report "nothing to delete".
  if (!options.databaseUrl && !existsSync(file)) {
    console.error(`Er is geen databasebestand ${file}. Klopt de map (--data-dir of DATA_DIR)?`);
    return 1;
  }
  let store: EventStore | null = null;
  try {
    if (options.databaseUrl) console.log(`Database: ${withoutPassword(options.databaseUrl)}`);
    store = options.databaseUrl ? await PostgresEventStore.open(options.databaseUrl) : new SqliteEventStore(file);
    await purge(store, options, Date.now());
    return 0;
  } catch (error) {
    // The store's own messages are Dutch (a newer schema, an unreadable row); what was deleted before stays deleted.
    console.error(`Opruimen is mislukt: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store?.close();
  }
}

process.exitCode = await main();
