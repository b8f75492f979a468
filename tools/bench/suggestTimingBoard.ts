/**
 * The board `bench:suggest` and `bench:suggest-boards` time duplicate suggestions on: 300 eisen as a big session writes
 * them, the labelled set and the bots' eisen, then the same ideas said again with a different ending, the way different
 * participants and rounds do (every fifth an item).
 */
import { EIS_TEXTS } from "../bots/texts.ts";
import type { SuggestionEntry } from "../../server/core/suggestions.ts";
import { EISEN_GROUPS } from "../../tests/fixtures/eisenPairs.ts";

export const TIMING_BOARD_SIZE = 300;

export function timingBoard(size = TIMING_BOARD_SIZE): SuggestionEntry[] {
  const pool = [...EISEN_GROUPS.flat(), ...Object.values(EIS_TEXTS).flat()];
  const endings = ["", " Dat geldt voor iedere inwoner.", " Binnen twee weken.", " Ook bij twijfel.", " Zonder extra formulieren.", " Samen met het wijkteam."];
  const board: SuggestionEntry[] = [];
  for (let k = 0; board.length < size; k++) {
    const text = `${pool[k % pool.length]}${endings[Math.floor(k / pool.length) % endings.length]}`.trim();
    board.push({ ref: { kind: k % 5 === 0 ? "item" : "eis", id: `x${String(k).padStart(3, "0")}` }, text });
  }
  return board;
}
