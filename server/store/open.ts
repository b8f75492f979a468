/**
 * Which event store a server process uses, from its environment: PostgreSQL when DATABASE_URL is set (needed as
 * soon as several processes serve the same sessions), else the SQLite file in DATA_DIR (one process).
 */
import { resolve } from "node:path";
import { PostgresEventStore } from "./postgres.ts";
import { SqliteEventStore } from "./sqlite.ts";
import type { EventStore } from "./types.ts";

export interface OpenedStore {
  store: EventStore;
  /** Where the data lives, for the start-up lines; a database URL is shown without its password. */
  where: string;
}

export async function openStoreFromEnv(env: { DATABASE_URL?: string; DATA_DIR?: string }): Promise<OpenedStore> {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) {
    return { store: await PostgresEventStore.open(databaseUrl), where: withoutPassword(databaseUrl) };
  }
  const file = resolve(env.DATA_DIR ?? "data", "maatwerkspel.sqlite");
  return { store: new SqliteEventStore(file), where: file };
}

/** The URL as it may be printed in a log: the password replaced by stars. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(DATABASE_URL)";
  }
}
