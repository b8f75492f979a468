/**
 * A game role on a server-made page: its icon, colour and name together, like the game's RoleChip. The colours are
 * not written into the markup: an element with the class `role-<rol>` gets `--role` and `--role-ink` from the
 * stylesheet (styles.ts, from shared/theme.ts), so pages need no style attributes and the CSP allows no inline style.
 */
import { ROLE_ICONS } from "#shared/theme.ts";
import type { GameRole } from "#shared/protocol/ids.ts";
import { esc } from "./escape.ts";

/** The class that gives an element the role's colours (`--role`, `--role-ink`). */
export const roleClass = (role: GameRole): string => `role-${role}`;

/** The role's icon (24×24, stroked in the current colour); decorative, the name is always beside it. */
export function roleIcon(role: GameRole, size: number): string {
  return `<svg viewBox="0 0 24 24" width="${size}" height="${size}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="${esc(ROLE_ICONS[role])}"/></svg>`;
}

/** The icon in a round dot of the role's colour. */
export function roleDot(role: GameRole, size: number): string {
  return `<span class="icon ${roleClass(role)}">${roleIcon(role, size)}</span>`;
}

/** Colour, icon and name together in a pill. */
export function roleChip(role: GameRole, name: string): string {
  return `<span class="role-chip ${roleClass(role)}">${roleDot(role, 16)}<span>${esc(name)}</span></span>`;
}
