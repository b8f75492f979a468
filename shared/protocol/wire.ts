/**
 * What both ends of the WebSocket agree on besides the messages themselves: the room's name, the close codes the
 * server ends a connection with (4000-4999 is ours) and the Dutch notice that goes with each, so a client whose
 * notice did not arrive before the close still says why.
 */

/** The one room type; a session's room is found by `sessionId`. */
export const ROOM_NAME = "sessie";

export const CLOSE_CODES = {
  /** A leave the client asked for itself. */
  consented: 4000,
  /** A participant the spelleider removed; the client does not rejoin. */
  removed: 4403,
  /**
   * Everyone in a session whose stored log turned out damaged while its room was open (like HTTP 409). Also the
   * code of onCreate's refusal when the session's room already exists elsewhere (the seat request retries there).
   */
  damaged: 4409,
  /** Everyone in a session the spelleider deleted (like HTTP 410 Gone); the client does not rejoin. */
  deleted: 4410,
  /** A connection that kept flooding the room after being told to slow down (like HTTP 429). */
  flooded: 4429,
} as const;

export const REMOVED_NOTICE = "De spelleider heeft je uit deze sessie gehaald.";
export const DELETED_NOTICE = "De spelleider heeft deze sessie verwijderd.";
export const FLOODED_NOTICE = "De verbinding is verbroken omdat er veel te veel berichten tegelijk kwamen. Laad de pagina opnieuw om verder te gaan.";
export const DAMAGED_SESSION_NOTICE =
  "De opgeslagen gegevens van deze sessie zijn beschadigd. Om niets half of verkeerd te laten zien, wordt de sessie niet geopend. " +
  "Meld dit bij de beheerder van Maatwerkspel; die kan een reservekopie terugzetten.";

/** The notice of each final close code: the client shows it and does not reconnect. */
export const FINAL_CLOSE_NOTICES: ReadonlyMap<number, string> = new Map([
  [CLOSE_CODES.removed, REMOVED_NOTICE],
  [CLOSE_CODES.deleted, DELETED_NOTICE],
  [CLOSE_CODES.flooded, FLOODED_NOTICE],
]);
