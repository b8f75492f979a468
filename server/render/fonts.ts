// The typeface files the server serves for its own pages (server/http/fonts.ts) and where those pages ask for them.

/** @fontsource's subsets and weights that the pages use. */
export const FONT_SUBSETS = ["latin", "latin-ext"] as const;
export const FONT_WEIGHTS = [400, 700] as const;

/** A face's file, as @fontsource names it (and as the URL names it). */
export const fontFile = (subset: (typeof FONT_SUBSETS)[number], weight: (typeof FONT_WEIGHTS)[number]): string =>
  `atkinson-hyperlegible-next-${subset}-${weight}-normal.woff2`;

/** Every file the faces name: the only ones served. */
export const FONT_FILES: readonly string[] = FONT_SUBSETS.flatMap((subset) => FONT_WEIGHTS.map((weight) => fontFile(subset, weight)));

/** Where the pages ask for them. */
export const FONT_PATH = "/fonts";
