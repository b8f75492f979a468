/**
 * The visual language: one colour per role (Okabe–Ito, colour-blind safe), always paired with an icon and the role's
 * name. Icons are drawn here (24×24, stroke), so no licence is involved; see assets/README.md.
 */
import type { GameRole, RealRole } from "./protocol/ids.ts";

export const ROLE_COLOURS: Record<GameRole, string> = {
  burger: "#D55E00",
  raadslid: "#0072B2",
  wethouder: "#CC79A7",
  directeur: "#009E73",
  beleidsambtenaar: "#E69F00",
  wijkteamprofessional: "#56B4E9",
};

/** Darker shades for text and thin lines on paper: each meets WCAG AA (4.5:1) on the page background. */
export const ROLE_INK: Record<GameRole, string> = {
  burger: "#9A3F00",
  raadslid: "#005A8C",
  wethouder: "#8E3E6E",
  directeur: "#00684C",
  beleidsambtenaar: "#7A5200",
  wijkteamprofessional: "#1D5F80",
};

/** SVG path data (viewBox 0 0 24 24, stroked). */
export const ROLE_ICONS: Record<GameRole, string> = {
  // a house: the inwoner at home
  burger: "M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5M10 20v-5h4v5",
  // a raised hand: a vote in the raad
  raadslid: "M8 12V6.5a1.5 1.5 0 0 1 3 0V11m0-5.5V4.5a1.5 1.5 0 0 1 3 0V11m0-5a1.5 1.5 0 0 1 3 0v6.5c0 4-2.5 7.5-6.5 7.5-3 0-4.5-1.5-6-4L3.5 12a1.5 1.5 0 0 1 2.5-1.5L8 13",
  // a chain of office: the wethouder's mandate
  wethouder: "M6 3c0 4 2.5 7 6 7s6-3 6-7M12 10v2M12 12a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Zm0 2.5v4M10 16.5h4",
  // a briefcase: running the organisation
  directeur: "M3.5 8h17v11h-17zM9 8V5.5h6V8M3.5 13h17M11 13v2h2v-2",
  // a document with lines: the beleidsregel
  beleidsambtenaar: "M6 3h8l4 4v14H6zM14 3v4h4M9 11h6M9 14.5h6M9 18h4",
  // two people side by side: the wijkteam at the kitchen table
  wijkteamprofessional: "M8.5 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM3 20c0-3.3 2.5-6 5.5-6s5.5 2.7 5.5 6M16 11a2.5 2.5 0 1 0 0-5M17 14c2.5.4 4 2.8 4 6",
};

export const PALETTE = {
  paper: "#F6F1E8",
  card: "#FFFFFF",
  ink: "#1F2A30",
  muted: "#56626B",
  line: "#D9D2C5",
  accent: "#0B5F78",
  accentInk: "#FFFFFF",
  /** Light backgrounds behind accent, danger and ok text (tags, notices) on the server's pages. */
  accentSoft: "#E3F0F3",
  danger: "#A32A00",
  dangerSoft: "#FBE9E2",
  ok: "#1E6B3A",
  okSoft: "#E4F2E8",
  /** What only one role sees, and warnings: the dashed border, its background, and text on it. */
  warn: "#B07800",
  warnSoft: "#FFF6E0",
  warnInk: "#6B4A00",
  focus: "#E69F00",
} as const;

/**
 * Own functions (the lobby's arrivals): a function that is also a game role keeps that role's colour and icon;
 * teamleider gets Okabe–Ito's yellow (with a dark icon), anders a neutral grey. Always shown with the function's name.
 */
export const FUNCTION_COLOURS: Record<RealRole, string> = {
  raadslid: ROLE_COLOURS.raadslid,
  wethouder: ROLE_COLOURS.wethouder,
  directeur: ROLE_COLOURS.directeur,
  beleidsambtenaar: ROLE_COLOURS.beleidsambtenaar,
  wijkteamprofessional: ROLE_COLOURS.wijkteamprofessional,
  teamleider: "#F0E442",
  anders: "#6F7B84",
};

/** Icon stroke on the function's colour: white, dark on the light yellow. */
export const FUNCTION_ICON_INK: Record<RealRole, string> = {
  raadslid: "#FFFFFF",
  wethouder: "#FFFFFF",
  directeur: "#FFFFFF",
  beleidsambtenaar: "#FFFFFF",
  wijkteamprofessional: "#FFFFFF",
  teamleider: "#1F2A30",
  anders: "#FFFFFF",
};

export const FUNCTION_ICONS: Record<RealRole, string> = {
  raadslid: ROLE_ICONS.raadslid,
  wethouder: ROLE_ICONS.wethouder,
  directeur: ROLE_ICONS.directeur,
  beleidsambtenaar: ROLE_ICONS.beleidsambtenaar,
  wijkteamprofessional: ROLE_ICONS.wijkteamprofessional,
  // a pennant: the one who leads the team
  teamleider: "M6 21V3.5M6 4h11l-2.5 4L17 12H6",
  // one person: any other function
  anders: "M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM5 20.5c0-3.9 3.1-7 7-7s7 3.1 7 7",
};
