/**
 * Which screen an address opens: `/` and `/j/<code>` for participants, `/spelleider/<secret>` (and `/terugkom/<secret>`,
 * the same console with its terugkombijeenkomst card first), `/beamer/<code>` and `/nieuw`. Its own module, so screens
 * that read the address (the console's links, the terugblik) do not import the App that imports them.
 */
export type Route =
  | { kind: "join"; code: string }
  | { kind: "nieuw" }
  /** `terugkom`: opened with the terugkom link; the same console, its terugkombijeenkomst card first. */
  | { kind: "spelleider"; secret: string; terugkom: boolean }
  | { kind: "beamer"; code: string };

export function routeOf(path: string): Route {
  const [, first = "", second = ""] = path.split("/");
  const value = decodeURIComponent(second);
  if ((first === "spelleider" || first === "terugkom") && value) return { kind: "spelleider", secret: value, terugkom: first === "terugkom" };
  if (first === "beamer" && value) return { kind: "beamer", code: value };
  if (first === "nieuw") return { kind: "nieuw" };
  if (first === "j" && value) return { kind: "join", code: value };
  return { kind: "join", code: "" };
}
