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

/*
 * What the session room says in Dutch besides a command's own refusal (core's messages) and the close notices above.
 */

/** A frame that does not decode as a message (refused; the connection stays). */
export const UNREADABLE_MESSAGE = "Dit bericht kon niet worden gelezen en is niet verwerkt. Laad de pagina opnieuw als dit blijft gebeuren.";
/** A message of a type the room does not know; `name` is the type when it is a name. */
export const UNKNOWN_MESSAGE = (name: string | null): string => `Onbekend soort bericht${name === null ? "" : ` '${name}'`}. Laad de pagina opnieuw.`;
/** A command from a beamer screen. */
export const BEAMER_CANNOT_PLAY = "Het beamerscherm kan alleen kijken, niet meespelen.";
/** Another process wrote to the session in between (the command was not applied). */
export const CONFLICT_MESSAGE = "De sessie was net veranderd. Probeer het nog eens.";
/** The store refused the write, or a bug: nothing was kept. */
export const NOT_SAVED_MESSAGE = "Je werk kon niet worden opgeslagen. Er is niets veranderd; probeer het zo nog eens.";
export const REPLAY_ONLY_SPELLEIDER = "Alleen de spelleider bepaalt wat de terugblik laat zien.";
export const REPLAY_POSITION_INVALID = "Geef de positie in de terugblik op als een heel getal (0 = terugblik uit).";
export const BEAMER_PAGE_ONLY_SPELLEIDER = "Alleen de spelleider kiest de pagina op de beamer.";
export const CLOCK_REQUEST_INVALID = "Vraag de klok van de server met het tijdstip van je eigen klok in milliseconden (sent), een getal vanaf 0.";
export const BEAMER_PAGE_INVALID = "Geef de pagina op de beamer op als een heel getal vanaf 0, met het bord waarvoor hij geldt.";
/** Refusals of a connection (onAuth). */
export const JOIN_OPTIONS_INCOMPLETE = "De gegevens om mee te doen zijn onvolledig. Laad de pagina opnieuw.";
export const OTHER_SESSION = "Deze verbinding hoort bij een andere sessie.";
export const WRONG_SPELLEIDER_LINK = "Deze spelleiderslink klopt niet.";
export const SEAT_NOT_MADE = "Je plek kon niet worden gemaakt. Probeer het opnieuw.";
/** Refusals of a room that will not open here (seat requests). */
export const OPENING_ELSEWHERE = "Deze sessie wordt al geopend; probeer het zo opnieuw.";
export const SESSION_GONE = "Deze sessie bestaat niet (meer). Controleer de code of de link.";
export const SESSION_WONT_OPEN = "De sessie kon niet worden geopend. Probeer het over een minuut opnieuw.";
