/**
 * Sessions are played in the Netherlands: every date the server writes (a session's default label, the exports) is
 * an Amsterdam date, whatever the server's own time zone. A server on UTC named a session started at 00:40 on
 * 8 December "…, 7-12-2026" while its export said "gespeeld op 8 december 2026".
 */
export const TIME_ZONE = "Europe/Amsterdam";

const shortDate = new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, day: "numeric", month: "numeric", year: "numeric" });

/** "12-3-2026", as a session's default label carries it. */
export const formatShortDate = (ms: number): string => shortDate.format(ms);
