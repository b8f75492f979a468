/** Small stroked icons for the board (24×24), drawn here so no licence is involved. */
const PATHS = {
  check: "M5 12.5 10 17l9-10",
  lock: "M7 11V8a5 5 0 0 1 10 0v3M5.5 11h13v9h-13z",
  law: "M12 3v18M5 7h14M7.5 7 4 14a3.5 3.5 0 0 0 7 0L7.5 7Zm9 0L13 14a3.5 3.5 0 0 0 7 0l-3.5-7ZM8 21h8",
  spanning: "M13 2 5 13h6l-1 9 8-11h-6l1-9Z",
  flag: "M5 21V4m0 0h11l-2 4 2 4H5",
  plus: "M12 5v14M5 12h14",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg class="b-icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
