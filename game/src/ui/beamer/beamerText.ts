/**
 * The long text the beamer shows in parts (WholeText): the scenario's introduction in the lobby, the case's situatie
 * and afloop in a plenary casustoets. Each has its own board key, so the spelleider's choice of part (`beamer.pagina`,
 * like a board's page) holds only for that text: the afloop of a case, or the next case, starts again at part 1.
 * The beamer measures how many parts a text needs on its own screen; the console does not know that number, so it
 * sends a part and the beamer shows that part or, past its last, its last ("Deel 3 van 3").
 */
import type { Snapshot } from "../../net/connection.ts";

export const textBoard = {
  intro: "tekst:intro",
  situatie: (caseId: string) => `tekst:situatie:${caseId}`,
  afloop: (caseId: string) => `tekst:afloop:${caseId}`,
} as const;

export type BeamerTextKind = "intro" | "situatie" | "afloop";

/**
 * The most characters of a text that every beamer shows in one part, per kind of text: below what the smallest box for
 * it holds at 16:9 (the tightest shape: the beamer's font follows the smaller of width and height, so a 16:10 or wider
 * screen only has more room). Measured in Chromium at 1920x1080 with the shipped scenarios: the lobby's box holds 890
 * to 936 characters; the situatie's 769 to 841 beside the step's question, 653 to 718 beside the outcome after the
 * last step (half the width); the afloop has the wide column. A longer text may still fit one part on a given beamer;
 * only the beamer knows (see the top of this file).
 */
export const ONE_PART_CHARS: Record<BeamerTextKind, number> = { intro: 800, situatie: 600, afloop: 600 };

/** Whether the text surely fits one part on any beamer: then there is no part to choose. */
export const fitsOnePart = (shown: { kind: BeamerTextKind; text: string }): boolean => shown.text.length <= ONE_PART_CHARS[shown.kind];

/** The text the beamer shows in parts now, with its board key; null when it shows none (or day 2 is on). */
export function beamerText(snap: Snapshot): { board: string; kind: BeamerTextKind; text: string } | null {
  if (snap.session.terugkomStage !== null) return null;
  const kind = snap.session.phase.kind;
  // The lobby's introduction; once the group is split into tafels the lobby shows the tafels instead.
  if (kind === "lobby") return snap.tables.length > 0 ? null : { board: textBoard.intro, kind: "intro", text: snap.scenario.intro };
  // A casustoets per tafel shows a panel per tafel, without the long texts.
  if (kind !== "casustoets" || snap.session.caseByTable.length > 0) return null;
  const theCase = snap.cases.find((c) => c.id === snap.session.currentCaseId);
  if (!theCase) return null;
  return theCase.afloop !== null
    ? { board: textBoard.afloop(theCase.id), kind: "afloop", text: theCase.afloop }
    : { board: textBoard.situatie(theCase.id), kind: "situatie", text: theCase.situation };
}
