/**
 * What the trainer pages read from the store: which scenarios have sessions, and the logs of one scenario's
 * sessions. Only the session records and the logs; the analysis itself (analyse.ts) stays pure.
 */
import type { SessionEvent } from "../protocol/events.ts";
import type { Scenario } from "../protocol/scenario.ts";
import type { EventStore } from "../store/types.ts";
import { formatDate } from "../exports/text.ts";
import type { ScenarioListing } from "./page.ts";

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
  const first = (await store.load(sessionId))[0]?.event;
  return first?.type === "SessionCreated" ? first.scenario.title : null;
}

/** The logs of every session of one scenario (day 2 included; the analysis cuts it off). */
export async function scenarioLogs(store: EventStore, scenarioId: string): Promise<SessionEvent[][]> {
  const records = (await store.listSessions()).filter((r) => r.scenarioId === scenarioId);
  const logs: SessionEvent[][] = [];
  for (const record of records) logs.push((await store.load(record.sessionId)).map((s) => s.event));
  return logs;
}
