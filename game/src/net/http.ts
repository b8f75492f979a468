/**
 * A request to the server's HTTP API with Dutch answers for what goes wrong on the way: the browser's own words for a
 * failed request ("Failed to fetch", "NetworkError when attempting to fetch resource") and a body that is not JSON
 * (a Wi-Fi network's own login page answers in its place) become sentences a participant understands.
 */
import { t } from "#shared/strings/index.ts";

/** The server could not be reached at all (no network, the server down): worth trying again, unlike a refusal. */
export class ServerUnreachable extends Error {}

/** How long a screen coming back by itself (a beamer, a console, a phone to its seat) waits before it tries again. */
export const RETRY_MS = 3_000;

export async function requestJson(url: string, init?: RequestInit): Promise<{ res: Response; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ServerUnreachable(t.connection.noServer);
  }
  try {
    return { res, body: await res.json() };
  } catch {
    if (res.ok) throw new Error(t.connection.unreadable);
    return { res, body: null };
  }
}
