/** What the terugkombijeenkomst (server/core/terugkom.ts) makes visible: the kader in versions 1 and 2 with reflections and steun counted, for everyone; a participant's own reflections only them (lobby.ts, `mine`). */
import { terugkomView } from "../terugkom.ts";
import type { FieldPart } from "./parts.ts";

export const terugkom: FieldPart<"terugkom"> = { kind: "field", name: "terugkom", value: terugkomView };
