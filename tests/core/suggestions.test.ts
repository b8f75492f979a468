import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fold, isStopword, normalise, stem } from "../../server/core/dutchText.ts";
import {
  DEFAULT_SUGGESTION_MAX,
  DEFAULT_SUGGESTION_THRESHOLD,
  suggestDuplicates,
  type SuggestionEntry,
} from "../../server/core/suggestions.ts";
import { EISEN_GROUPS, labelledQuality } from "../fixtures/eisenPairs.ts";

function eis(id: string, text: string): SuggestionEntry {
  return { ref: { kind: "eis", id }, text };
}

function pairScore(a: string, b: string): number {
  const [hit] = suggestDuplicates([eis("a", a), eis("b", b)], { threshold: 0 });
  return hit?.score ?? 0;
}

describe("normalise and stem", () => {
  it("folds case and diacritics", () => {
    expect(fold("Één Cliënt, geïnformeerd, CAFÉ")).toBe("een client, geinformeerd, cafe");
    expect(normalise("Cliënten")).toEqual(normalise("clienten"));
    expect(normalise("Geïnformeerd")).toEqual(normalise("geinformeerd"));
  });

  it("drops Dutch stopwords and keeps content words", () => {
    expect(normalise("de het een en van in op te dat die voor met zijn is niet wel moet kunnen worden we ons je")).toEqual([]);
    expect(normalise("Eén vast aanspreekpunt voor ons")).toEqual(["vast", "aanspreekpunt"]);
    expect(isStopword("een")).toBe(true);
    expect(isStopword("budget")).toBe(false);
  });

  it("splits on everything that is not a letter or digit", () => {
    expect(normalise("Wmo-consulent/wijkteam (18 jaar)")).toEqual(["wmo", "consulent", "wijkteam", "18", "jar"]);
    expect(normalise("pgb's")).toEqual(["pgb"]);
    expect(normalise("...!?")).toEqual([]);
  });

  it("stems plurals onto the singular", () => {
    expect(stem("eisen")).toBe("eis");
    expect(stem("eis")).toBe("eis");
    expect(stem("mogelijkheden")).toBe(stem("mogelijkheid"));
    expect(stem("voorzieningen")).toBe(stem("voorziening"));
    expect(stem("gemeenten")).toBe(stem("gemeente"));
    expect(stem("aanspreekpunten")).toBe(stem("aanspreekpunt"));
    expect(stem("aanvragen")).toBe(stem("aanvraag"));
    expect(stem("hulpverleners")).toBe(stem("hulpverlener"));
    expect(stem("maatwerkbudgetten")).toBe("maatwerkbudget");
  });

  it("undoubles final consonants and keeps stems of at least three letters", () => {
    expect(stem("bakken")).toBe("bak");
    expect(stem("beslissingen")).toBe(stem("beslissen"));
    expect(stem("maan")).toBe("man");
    for (const word of ["eisen", "ogen", "uren", "kosten", "wetten"]) expect(stem(word).length).toBeGreaterThanOrEqual(3);
    expect(normalise("ik ga nu")).toEqual([]);
  });

  it("never stems below three letters and only returns tokens of three or more characters or numbers", () => {
    const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzéëèïöü".split(""));
    fc.assert(
      fc.property(fc.string({ unit: letters, minLength: 1, maxLength: 14 }), (word) => {
        expect(stem(word).length).toBeGreaterThanOrEqual(Math.min(3, word.length));
        expect(stem(word)).toBe(stem(word.toUpperCase()));
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        for (const token of normalise(text)) expect(token.length >= 3 || /^\p{N}+$/u.test(token)).toBe(true);
      }),
    );
  });

  it("leaves numbers and mixed tokens alone", () => {
    expect(stem("2025")).toBe("2025");
    expect(stem("b1")).toBe("b1");
  });
});

describe("suggestDuplicates", () => {
  it("scores identical texts 1", () => {
    expect(pairScore("Iedere inwoner krijgt één vast aanspreekpunt.", "Iedere inwoner krijgt één vast aanspreekpunt.")).toBe(1);
    // Case, accents and word order do not matter.
    expect(pairScore("Eén vast aanspreekpunt per gezin", "per gezin één VAST aanspreekpunt!")).toBe(1);
  });

  it("scores unrelated texts below the threshold", () => {
    const score = pairScore("Het wijkteam is 's avonds bereikbaar.", "Brieven in begrijpelijke taal.");
    expect(score).toBeLessThan(DEFAULT_SUGGESTION_THRESHOLD);
    expect(suggestDuplicates([eis("a", "Het wijkteam is 's avonds bereikbaar."), eis("b", "Brieven in begrijpelijke taal.")])).toEqual([]);
  });

  it("recognises a compound written apart and domain synonyms", () => {
    expect(pairScore("Een maatwerkbudget voor het wijkteam.", "Het wijkteam krijgt een budget voor maatwerk.")).toBeGreaterThan(
      DEFAULT_SUGGESTION_THRESHOLD,
    );
    expect(pairScore("Eén vast aanspreekpunt voor iedere inwoner.", "Elke burger krijgt een vaste contactpersoon.")).toBeGreaterThan(
      DEFAULT_SUGGESTION_THRESHOLD,
    );
  });

  it("never pairs an entry with itself, also when its ref appears twice", () => {
    const text = "Er komt een doorbraakteam voor vastgelopen casussen.";
    expect(suggestDuplicates([eis("x", text), eis("x", text)], { threshold: 0 })).toEqual([]);
    const result = suggestDuplicates([eis("x", text), eis("x", text), eis("y", text)], { threshold: 0 });
    expect(result).toEqual([{ a: { kind: "eis", id: "x" }, b: { kind: "eis", id: "y" }, score: 1 }]);
  });

  it("ignores texts without content words", () => {
    expect(suggestDuplicates([eis("a", ""), eis("b", "en dat is het"), eis("c", "...")], { threshold: 0 })).toEqual([]);
  });

  it("orders by score, then by refs, with the smaller ref first in each pair", () => {
    const entries: SuggestionEntry[] = [
      { ref: { kind: "item", id: "i1" }, text: "Eén vast aanspreekpunt per gezin." },
      eis("e3", "Een doorbraakteam voor vastgelopen casussen."),
      eis("e2", "Eén vast aanspreekpunt per gezin."),
      eis("e1", "Eén vast aanspreekpunt per gezin."),
      eis("e4", "Er komt een doorbraakteam voor vastgelopen casussen."),
      eis("e5", "Elk gezin krijgt een vaste contactpersoon bij de gemeente."),
    ];
    const result = suggestDuplicates(entries, { threshold: 0.3 });
    expect(result.length).toBeGreaterThan(3);
    for (const s of result) {
      expect(`${s.a.kind}/${s.a.id}` < `${s.b.kind}/${s.b.id}`).toBe(true);
      expect(s.score).toBeGreaterThanOrEqual(0.3);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    for (let k = 1; k < result.length; k++) expect(result[k - 1]!.score).toBeGreaterThanOrEqual(result[k]!.score);
    // The three identical texts tie at 1 and are ordered by kind, then id.
    expect(result.slice(0, 3).map((s) => [s.a.id, s.b.id, s.score])).toEqual([
      ["e1", "e2", 1],
      ["e1", "i1", 1],
      ["e2", "i1", 1],
    ]);
  });

  it("is deterministic and independent of the input order", () => {
    const entries = EISEN_GROUPS.flat().map((text, k) => eis(`e${String(k).padStart(3, "0")}`, text));
    const first = suggestDuplicates(entries, { max: 50 });
    expect(suggestDuplicates(entries, { max: 50 })).toEqual(first);
    const reversed = [...entries].reverse();
    expect(suggestDuplicates(reversed, { max: 50 })).toEqual(first);
    const interleaved = entries.filter((_, k) => k % 2 === 1).concat(entries.filter((_, k) => k % 2 === 0));
    expect(suggestDuplicates(interleaved, { max: 50 })).toEqual(first);
  });

  it("returns at most max suggestions, 20 by default", () => {
    const entries = Array.from({ length: 10 }, (_, k) => eis(`e${k}`, "Eén vast aanspreekpunt per gezin."));
    expect(suggestDuplicates(entries, { threshold: 0 })).toHaveLength(DEFAULT_SUGGESTION_MAX);
    expect(DEFAULT_SUGGESTION_MAX).toBe(20);
    expect(suggestDuplicates(entries, { max: 5 })).toHaveLength(5);
    expect(suggestDuplicates(entries, { max: 0 })).toEqual([]);
    expect(suggestDuplicates(entries, { max: Number.POSITIVE_INFINITY })).toHaveLength(45);
  });

  it("gives every pair when the threshold is 0", () => {
    const entries = [eis("a", "Brieven in begrijpelijke taal."), eis("b", "Respijtzorg voor mantelzorgers."), eis("c", "Een doorbraakteam.")];
    expect(suggestDuplicates(entries, { threshold: 0 })).toHaveLength(3);
  });
});

describe("quality on the labelled eisen", () => {
  it("has a labelled set of the promised shape", () => {
    const all = EISEN_GROUPS.flat();
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all).size).toBe(all.length);
    for (const group of EISEN_GROUPS) {
      expect(group.length).toBeGreaterThanOrEqual(1);
      expect(group.length).toBeLessThanOrEqual(4);
    }
  });

  it("reaches precision >= 0.8 and recall >= 0.5 at the default threshold", () => {
    const { entries, positives, suggested, truePositives, precision, recall } = labelledQuality();
    console.log(
      `duplicate suggestions on ${entries} labelled eisen (${positives} duplicate pairs), threshold ${DEFAULT_SUGGESTION_THRESHOLD}: ` +
        `${suggested} suggested, ${truePositives} correct; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.5);
  });
});
