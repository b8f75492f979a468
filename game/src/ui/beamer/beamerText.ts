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
