/**
 * A long text on the beamer is never cut off: WholeText (game/src/ui/beamer/WholeText.tsx) shows it in parts of whole
 * sentences when it does not fit. Sentences break where Dutch sentences break, not at "art." or "o.a.".
 */
import { describe, expect, it } from "vitest";
import { sentencesOf, splitEvenly } from "../../game/src/ui/beamer/WholeText.tsx";

describe("een lange tekst op de beamer, in delen van hele zinnen", () => {
  it("breekt na een punt, uitroepteken of vraagteken waar een hoofdletter volgt", () => {
    expect(sentencesOf("In bezwaar herriep de gemeente haar besluit. Gebruikelijke hulp (Wmo 2015 art. 2.3.5 lid 4) telt mee. Klopt dat? Ja!")).toEqual([
      "In bezwaar herriep de gemeente haar besluit.",
      "Gebruikelijke hulp (Wmo 2015 art. 2.3.5 lid 4) telt mee.",
      "Klopt dat?",
      "Ja!",
    ]);
    expect(sentencesOf("Zo werken o.a. de wijkteams. Klaar")).toEqual(["Zo werken o.a. de wijkteams.", "Klaar"]);
    expect(sentencesOf("Eén zin zonder punt")).toEqual(["Eén zin zonder punt"]);
  });

  it("verdeelt de zinnen in delen van ongeveer even lang, in volgorde, zonder iets weg te laten", () => {
    const sentences = ["Een.", "Twee twee.", "Drie drie drie.", "Vier vier vier vier.", "Vijf."];
    for (const n of [1, 2, 3]) {
      const parts = splitEvenly(sentences, n);
      expect(parts).toHaveLength(n);
      expect(parts.flat()).toEqual(sentences);
    }
  });
});
