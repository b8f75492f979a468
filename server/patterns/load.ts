/**
 * What the trainer pages read from the store: which scenarios have sessions, and the logs of one scenario's
 * sessions. Only the session records and the logs; the analysis itself (analyse.ts) stays pure.
 */
import type { SessionEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { DamagedSessionError } from "../store/integrity.ts";
import type { EventStore } from "../store/types.ts";
import { formatDate } from "../exports/text.ts";

export interface ScenarioListing {
  scenarioId: string;
  title: string;
  sessions: number;
  /** "12 maart 2026". */
  lastPlayed: string;
  lastPlayedAt: number;
}

/** Scenarios with at least one session, most recently played first. */
export async function scenariosWithSessions(store: EventStore, loaded: ReadonlyMap<string, Scenario>): Promise<ScenarioListing[]> {
  const byScenario = new Map<string, { sessionIds: string[]; lastPlayed: number }>();
  // listSessions is newest first, so the first record of a scenario is its latest session.
  for (const record of await store.listSessions()) {
    const entry = byScenario.get(record.scenarioId) ?? { sessionIds: [], lastPlayed: record.createdAt };
    entry.sessionIds.push(record.sessionId);
    entry.lastPlayed = Math.max(entry.lastPlayed, record.createdAt);
    byScenario.set(record.scenarioId, entry);
  }
  const listings: ScenarioListing[] = [];
  for (const [scenarioId, entry] of byScenario) {
    const title = loaded.get(scenarioId)?.title ?? (await titleFromLog(store, entry.sessionIds[0]));
    listings.push({ scenarioId, title: title ?? scenarioId, sessions: entry.sessionIds.length, lastPlayed: formatDate(entry.lastPlayed), lastPlayedAt: entry.lastPlayed });
  }
  return listings.sort((a, b) => b.lastPlayedAt - a.lastPlayedAt || a.title.localeCompare(b.title, "nl"));
}

/** A scenario no longer loaded is still known by the copy its sessions carry in SessionCreated. */
async function titleFromLog(store: EventStore, sessionId: string | undefined): Promise<string | null> {
  if (!sessionId) return null;
  const log = await store.load(sessionId).catch((error: unknown) => {
    // A damaged session is refused (and named in the server log); the listing falls back to the scenario id.
    if (error instanceof DamagedSessionError) return [];
    throw error;
  });
  const first = log[0]?.event;
  return first?.type === "SessionCreated" ? first.scenario.title : null;
}

export interface ScenarioLogs {
  /** The logs of the sessions that could be read whole. */
  logs: SessionEvent[][];
  /** Labels of the sessions left out because their stored log is damaged: the pages say so, never silently. */
  damaged: string[];
}

/** The logs of every session of one scenario (day 2 included; the analysis cuts it off). */
export async function scenarioLogs(store: EventStore, scenarioId: string): Promise<ScenarioLogs> {
  const records = (await store.listSessions()).filter((r) => r.scenarioId === scenarioId);
  const logs: SessionEvent[][] = [];
  const damaged: string[] = [];
  for (const record of records) {
    try {
      logs.push((await store.load(record.sessionId)).map((s) => s.event));
    } catch (error) {
      if (!(error instanceof DamagedSessionError)) throw error;
      console.error(`${error.message} Niet meegeteld in de patronen.`);
      damaged.push(record.label);
    }
  }
  return { logs, damaged };
}
