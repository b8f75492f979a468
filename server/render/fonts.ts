// The typeface files the server serves for its own pages (server/http/fonts.ts) and where those pages ask for them.
/** The files of the faces (latin and latin-ext, 400 and 700), by the name in the URL. */
export const FONT_FILES = [
  "atkinson-hyperlegible-next-latin-400-normal.woff2",
  "atkinson-hyperlegible-next-latin-700-normal.woff2",
  "atkinson-hyperlegible-next-latin-ext-400-normal.woff2",
  "atkinson-hyperlegible-next-latin-ext-700-normal.woff2",
] as const;

/** Where the pages ask for them. */
export const FONT_PATH = "/fonts";
