/**
 * `npm run session:import -- sessie.json [--data-dir dir]`: brings a session exported as JSON (export.json) into
 * the SQLite file of a data directory (DATA_DIR, default ./data), or into PostgreSQL when DATABASE_URL is set and
 * no --data-dir is given, e.g. to hold the terugkombijeenkomst on another
 * server. The session gets a new join code and a new spelleiderslink, printed once; it keeps its sessionId when that
 * is free here. Every event is stored again with its commandKey, so a replay gives the same session.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { replay } from "../../server/core/evolve.ts";
import { SessionExportSchema, type SessionExport } from "../../server/exports/json.ts";
import type { SessionEvent, StoredEvent } from "#shared/protocol/events.ts";
import { plainLine } from "#shared/protocol/plainText.ts";
import { hashSecret, makeJoinCode } from "../../server/sessions.ts";
import { PostgresEventStore } from "../../server/store/postgres.ts";
import { SqliteEventStore } from "../../server/store/sqlite.ts";
import type { EventStore } from "../../server/store/types.ts";

const USAGE = [
  "Gebruik: npm run session:import -- <bestand.json> [--data-dir <map>]",
  "  <bestand.json>  een sessie-export (export.json uit de spelleiderstafel)",
  "  --data-dir      de map met maatwerkspel.sqlite (standaard DATA_DIR, anders ./data)",
  "Met DATABASE_URL (en zonder --data-dir) gaat de sessie naar die PostgreSQL-database.",
].join("\n");

export interface ImportedSession {
  sessionId: string;
  /** The sessionId in the file; differs from `sessionId` when that one was already taken here. */
  originalSessionId: string;
  code: string;
  originalCode: string;
  /** Shown once: only its hash is stored. */
  secret: string;
  label: string;
  events: number;
}

/** The file's text as a session export, or one Dutch sentence on what is wrong with it. */
export function parseSessionExport(text: string): SessionExport | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "Het bestand is geen geldige JSON. Gebruik het bestand dat de spelleiderstafel als ‘JSON (volledig logboek)’ gaf." };
  }
  const parsed = SessionExportSchema.safeParse(data, { error: z.locales.nl().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(bestand)"}: ${i.message}`);
    return { error: `Het bestand is geen bruikbare sessie-export. ${issues.join("; ")}.` };
  }
  const problem = logProblem(parsed.data.events);
  return problem ? { error: problem } : parsed.data;
}

/** A log we can store again must be whole: seq 1, 2, 3, … from SessionCreated on, and it must replay. */
function logProblem(events: readonly StoredEvent[]): string | null {
  const gap = events.findIndex((e, index) => e.seq !== index + 1);
  if (gap >= 0) return `Het logboek is niet compleet: op plaats ${gap + 1} staat gebeurtenis ${events[gap]?.seq}.`;
  if (events[0]?.event.type !== "SessionCreated") return "Het logboek begint niet met het maken van de sessie (SessionCreated).";
  try {
    replay(events.map((e) => e.event));
    return null;
  } catch (error) {
    return `Het logboek laat zich niet afspelen: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Stores the exported session under a new code and secret; keeps its sessionId when that is free in this store. */
export async function importSession(store: EventStore, data: SessionExport): Promise<ImportedSession> {
  const [first, ...rest] = data.events;
  if (!first || first.event.type !== "SessionCreated") throw new Error("Het logboek begint niet met het maken van de sessie (SessionCreated).");
  const original = first.event;
  const sessionId = (await store.getSession(original.sessionId)) ? newSessionId() : original.sessionId;
  const code = await freeCode(store);
  const secret = randomBytes(32).toString("base64url");
  // Only the session's address changes; every other fact stays as it was recorded.
  const created: SessionEvent = { ...original, sessionId, code };
  await store.createSession(
    { sessionId, code, secretHash: hashSecret(secret), label: original.label, scenarioId: original.scenario.id, createdAt: original.at },
    [created],
  );
  let lastSeq = 1;
  for (const batch of commandBatches(rest)) {
    const result = await store.append(sessionId, lastSeq, batch.commandKey, batch.events);
    if (!result.ok) throw new Error(`Iets anders schreef tegelijk in sessie ${sessionId}; de import is gestopt na gebeurtenis ${result.lastSeq}.`);
    lastSeq = result.lastSeq;
  }
  return { sessionId, originalSessionId: original.sessionId, code, originalCode: original.code, secret, label: original.label, events: data.events.length };
}

/** Consecutive events of one command were appended together; they are again, with their commandKey. */
function commandBatches(events: readonly StoredEvent[]): { commandKey: string | null; events: SessionEvent[] }[] {
  const batches: { commandKey: string | null; events: SessionEvent[] }[] = [];
  for (const stored of events) {
    const last = batches[batches.length - 1];
    if (last && last.commandKey === stored.commandKey) last.events.push(stored.event);
    else batches.push({ commandKey: stored.commandKey, events: [stored.event] });
  }
  return batches;
}

const newSessionId = (): string => `s${randomBytes(8).toString("hex")}`;

/** A code clash is rare (31^6 codes) but possible: try again rather than fail. */
async function freeCode(store: EventStore): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = makeJoinCode();
    if (!(await store.findByCode(code))) return code;
  }
  throw new Error("Er kon geen vrije code worden gemaakt. Probeer het nog eens.");
}

const readArgs = (argv: string[]) => parseArgs({ args: argv, options: { "data-dir": { type: "string" } }, allowPositionals: true, strict: true });

function parseOptions(argv: string[]): { file: string; dataDir: string; databaseUrl: string | null } | { error: string } {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(argv);
  } catch (error) {
    // parseArgs explains in English; the Dutch sentence comes first, its detail after.
    return { error: `Onbekende of onvolledige optie (${error instanceof Error ? error.message : String(error)}).` };
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) return { error: "Geef het bestand op dat je wilt importeren." };
  if (extra.length > 0) return { error: `Geef één bestand tegelijk op (nu ook: ${extra.join(", ")}).` };
  // An explicit --data-dir means the SQLite file, whatever the environment says.
  const databaseUrl = parsed.values["data-dir"] === undefined ? process.env.DATABASE_URL?.trim() || null : null;
  return { file: resolve(file), dataDir: resolve(parsed.values["data-dir"] ?? process.env.DATA_DIR ?? "data"), databaseUrl };
}

function report(imported: ImportedSession): string {
  const sameId = imported.sessionId === imported.originalSessionId;
  return [
    `Sessie geïmporteerd: ${plainLine(imported.label)} (${imported.events} gebeurtenissen).`,
    `  sessie-id:        ${imported.sessionId}${sameId ? "" : ` (nieuw: ${imported.originalSessionId} was hier al in gebruik)`}`,
    `  code:             ${imported.code} (nieuw; in het bestand stond ${imported.originalCode})`,
    `  spelleiderslink:  /spelleider/${imported.secret}`,
    "Zet het adres van de server voor de link, bijvoorbeeld http://localhost:2567/spelleider/…",
    "Bewaar de link goed: hij wordt maar één keer getoond en is de sleutel tot de sessie.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const options = parseOptions(argv);
  if ("error" in options) {
    console.error(`${options.error}\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(options.file, "utf8");
  } catch {
    console.error(`Het bestand ${options.file} kan niet worden gelezen.`);
    return 1;
  }
  const data = parseSessionExport(text);
  if ("error" in data) {
    console.error(data.error);
    return 1;
  }
  let store: EventStore | null = null;
  try {
    store = options.databaseUrl ? await PostgresEventStore.open(options.databaseUrl) : new SqliteEventStore(resolve(options.dataDir, "maatwerkspel.sqlite"));
    console.log(report(await importSession(store, data)));
    return 0;
  } catch (error) {
    console.error(`De import is mislukt: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store?.close();
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
