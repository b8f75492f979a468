import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fold, isStopword, normalise, stem } from "../../server/core/dutchText.ts";
import { themesOf } from "../../server/core/eisThemes.ts";
import {
  DEFAULT_SUGGESTION_MAX,
  DEFAULT_SUGGESTION_THRESHOLD,
  suggestDuplicates,
  type SuggestionEntry,
} from "../../server/core/suggestions.ts";
import { EISEN_GROUPS, TUNING_BOARDS, TUNING_EXTRA } from "../fixtures/eisenPairs.ts";
import { HELD_OUT_BOARDS } from "../fixtures/eisenHeldOut.ts";
import { labelledQuality, labelledTexts, type LabelledBoard, type LabelledQuality } from "../fixtures/eisenLabels.ts";

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

  it("returns at most max suggestions; by default one per entry on the board, and never fewer than 20", () => {
    const entries = Array.from({ length: 10 }, (_, k) => eis(`e${k}`, "Eén vast aanspreekpunt per gezin."));
    expect(suggestDuplicates(entries, { threshold: 0 })).toHaveLength(DEFAULT_SUGGESTION_MAX);
    expect(DEFAULT_SUGGESTION_MAX).toBe(20);
    expect(suggestDuplicates(entries, { max: 5 })).toHaveLength(5);
    expect(suggestDuplicates(entries, { max: 0 })).toEqual([]);
    expect(suggestDuplicates(entries, { max: Number.POSITIVE_INFINITY })).toHaveLength(45);
    // A plenair of 30 eisen, three of each of ten demands: the default cap (30) lets all 30 pairs through, where a
    // fixed 20 would have cut a third of them.
    const demands = [
      "Respijtzorg voor mantelzorgers.",
      "Brieven in begrijpelijke taal.",
      "Een doorbraakteam voor vastgelopen casussen.",
      "Het wijkteam is 's avonds bereikbaar.",
      "Gratis cliëntondersteuning.",
      "Minder registratie.",
      "Jeugdhulp op school.",
      "Vervoer naar de dagbesteding.",
      "Geen boete bij kleine fouten.",
      "Gelijke gevallen gelijk behandelen.",
    ];
    const plenair = Array.from({ length: 30 }, (_, k) => eis(`p${String(k).padStart(2, "0")}`, demands[k % 10]!));
    expect(suggestDuplicates(plenair, { max: Number.POSITIVE_INFINITY })).toHaveLength(30);
    expect(suggestDuplicates(plenair)).toHaveLength(30);
  });

  it("suggests every pair of a group of up to four eisen when two of its pairs are found, as the board shows them together", () => {
    // "Eén huishouden, één plan, één regisseur": b asks for both, a and c each for one half.
    const entries = [
      eis("a", "Eén vast aanspreekpunt per gezin."),
      eis("b", "Elk gezin heeft één vast aanspreekpunt en één plan voor alle hulp."),
      eis("c", "Alle hulp aan een gezin staat in één plan."),
    ];
    const scores = new Map(suggestDuplicates(entries, { threshold: 0 }).map((s) => [`${s.a.id}${s.b.id}`, s.score]));
    const pairs = suggestDuplicates(entries).map((s) => `${s.a.id}${s.b.id}`);
    // a and c are too far apart to be suggested on their own, but each is found with b: one group of three.
    expect(scores.get("ab")).toBeGreaterThanOrEqual(DEFAULT_SUGGESTION_THRESHOLD);
    expect(scores.get("bc")).toBeGreaterThanOrEqual(DEFAULT_SUGGESTION_THRESHOLD);
    expect(scores.get("ac")).toBeLessThan(DEFAULT_SUGGESTION_THRESHOLD);
    expect(pairs.sort()).toEqual(["ab", "ac", "bc"]);
    expect(suggestDuplicates(entries).find((s) => s.a.id === "a" && s.b.id === "c")?.score).toBe(scores.get("ac"));
  });

  it("leaves a ring of more than four eisen as its pairs (the board shows those as pairs too)", () => {
    // Five eisen, each sharing one word with the next and the last with the first: five pairs, one group of five.
    const words = ["kaas", "brood", "melk", "appel", "peer"];
    const ring = words.map((word, k) => eis(`c${k}`, `${word} ${words[(k + 1) % 5]}`));
    const pairs = suggestDuplicates(ring).map((s) => `${s.a.id}-${s.b.id}`);
    expect(pairs.sort()).toEqual(["c0-c1", "c0-c4", "c1-c2", "c2-c3", "c3-c4"]);
  });

  it("gives every pair when the threshold is 0", () => {
    const entries = [eis("a", "Brieven in begrijpelijke taal."), eis("b", "Respijtzorg voor mantelzorgers."), eis("c", "Een doorbraakteam.")];
    expect(suggestDuplicates(entries, { threshold: 0 })).toHaveLength(3);
  });
});

describe("the concept layer: what an eis asks for, in the words people use", () => {
  it("recognises one requirement in wordings that share no word", () => {
    for (const text of ["Praat niet over mij zonder mij.", "De jongere zit zelf aan tafel bij elk overleg.", "Inwoners zijn regisseur van hun eigen hulp."]) {
      expect(themesOf(text).has("regie")).toBe(true);
    }
    for (const text of ["Eén casusregisseur die het overzicht houdt.", "Eén vast aanspreekpunt.", "Niet elke keer een nieuwe consulent."]) {
      expect(themesOf(text).has("aanspreekpunt")).toBe(true);
    }
    for (const text of ["Een vastgelopen casus gaat naar iemand die de knoop doorhakt.", "Er is een functionaris met doorzettingsmacht."]) {
      expect(themesOf(text).has("doorbraak")).toBe(true);
    }
  });

  it("suggests two eisen that ask for the same thing in other words", () => {
    expect(pairScore("Praat niet over mij zonder mij.", "De jongere zit zelf aan tafel bij elk overleg over zijn toekomst.")).toBeGreaterThanOrEqual(
      DEFAULT_SUGGESTION_THRESHOLD,
    );
    expect(pairScore("Eén casusregisseur die het overzicht houdt.", "Eén vast aanspreekpunt.")).toBeGreaterThanOrEqual(DEFAULT_SUGGESTION_THRESHOLD);
    expect(pairScore("Brieven in begrijpelijke taal.", "Geen ambtelijk jargon in beschikkingen.")).toBeGreaterThanOrEqual(DEFAULT_SUGGESTION_THRESHOLD);
    expect(pairScore("Gelijke gevallen gelijk behandelen.", "Het mag niet uitmaken welke consulent je treft.")).toBeGreaterThanOrEqual(DEFAULT_SUGGESTION_THRESHOLD);
  });

  it("keeps apart eisen that share words but ask for something else", () => {
    // About the instrument, not for it.
    expect(pairScore("Professionals krijgen mandaat om zelf over maatwerk te beslissen.", "Het mandaat van professionals wordt na een jaar geëvalueerd.")).toBeLessThan(
      DEFAULT_SUGGESTION_THRESHOLD,
    );
    // The opposite demand.
    expect(pairScore("Ik wil mogen afwijken en dat achteraf verantwoorden.", "Afwijken mag alleen als de teamleider vooraf akkoord geeft.")).toBeLessThan(
      DEFAULT_SUGGESTION_THRESHOLD,
    );
    // One subject, two requirements.
    expect(pairScore("Een doorbraakteam voor vastgelopen casussen.", "Vastgelopen casussen worden gebruikt om de regels te verbeteren.")).toBeLessThan(
      DEFAULT_SUGGESTION_THRESHOLD,
    );
  });

  it("does not take 'geen' for the same demand, unless the other eis says no too", () => {
    expect(pairScore("Het wijkteam krijgt een eigen budget.", "Het wijkteam krijgt geen eigen budget.")).toBeLessThan(DEFAULT_SUGGESTION_THRESHOLD);
    expect(pairScore("Geen nieuwe formulieren.", "Formulieren worden niet opnieuw gevraagd.")).toBeGreaterThanOrEqual(DEFAULT_SUGGESTION_THRESHOLD);
  });

  it("hears the subject in what a requirement asks, and a subject one eis is silent on does not part them", () => {
    // Rest from the care is about mantelzorg, without the word.
    expect(pairScore("Mijn vrouw moet eens rust krijgen van de zorg.", "Mantelzorgers krijgen respijtzorg.")).toBeGreaterThanOrEqual(DEFAULT_SUGGESTION_THRESHOLD);
    // The same rule (the zoektermijn), once for jongeren from the jeugdhulp, once without a subject.
    expect(pairScore("Ik wil niet eerst vier weken zonder geld zitten.", "Voor jongeren uit de jeugdhulp geldt de zoektermijn niet.")).toBeGreaterThanOrEqual(
      DEFAULT_SUGGESTION_THRESHOLD,
    );
  });

  it("keeps apart what a tafel asks about one instrument when many of its eisen name it", () => {
    // Seven eisen about the doorbraak: for it (twice), its term, who may call it in, its reporting, its members.
    const entries = [
      eis("voor1", "Er komt een doorbraakteam dat vastgelopen casussen oplost."),
      eis("knoop", "Als iedereen naar elkaar wijst, hakt iemand de knoop door."),
      eis("termijn", "Het doorbraakteam beslist binnen tien werkdagen."),
      eis("aanvragen", "Inwoners kunnen zelf een doorbraak aanvragen."),
      eis("voor2", "Het doorbraakteam krijgt doorzettingsmacht over alle afdelingen."),
      eis("raad", "Het doorbraakteam rapporteert jaarlijks aan de raad."),
      eis("leden", "Het doorbraakteam bestaat uit een jurist, een consulent en een beleidsmaker."),
    ];
    const found = suggestDuplicates(entries).map((s) => [s.a.id, s.b.id].sort().join(" "));
    expect(found).toContain("voor1 voor2");
    const others = new Set(["termijn", "aanvragen", "raad", "leden"]);
    for (const pair of found) expect(pair.split(" ").filter((id) => others.has(id)), pair).toEqual([]);
  });
});

/** Suggested pairs joined into groups (as the board shows them): sets of entry ids, largest first. */
function clusters(entries: readonly SuggestionEntry[]): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  const pairs = suggestDuplicates(entries, { max: Number.POSITIVE_INFINITY });
  for (const { a, b } of pairs) {
    for (const id of [a.id, b.id]) if (!parent.has(id)) parent.set(id, id);
    parent.set(find(a.id), find(b.id));
  }
  const groups = new Map<string, string[]>();
  for (const id of [...parent.keys()].sort()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()].sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
}

function labelledEntries(board: LabelledBoard): { entries: SuggestionEntry[]; groupOf: Map<string, string> } {
  const entries: SuggestionEntry[] = [];
  const groupOf = new Map<string, string>();
  board.topics.forEach((groups, t) =>
    groups.forEach((eisen, g) =>
      eisen.forEach(([, text], k) => {
        const id = `t${String(t).padStart(2, "0")}-g${g}-${k}`;
        entries.push(eis(id, text));
        groupOf.set(id, `${t}/${g}`);
      }),
    ),
  );
  return { entries, groupOf };
}

function describeQuality(name: string, q: LabelledQuality): string {
  return (
    `${name}: ${q.entries} eisen on ${q.boards} boards, ${q.positives} duplicate pairs, ${q.hardNegatives} hard negatives; ` +
    `threshold ${DEFAULT_SUGGESTION_THRESHOLD}: ${q.suggested} suggested, ${q.truePositives} correct, ${q.suggestedHardNegatives} hard negatives ` +
    `suggested; precision ${q.precision.toFixed(3)}, recall ${q.recall.toFixed(3)}`
  );
}

describe("quality on the labelled eisen", () => {
  it("has labelled sets of the promised shape: >= 300 labelled pairs, 100 of them held out, no text in both", () => {
    const tuning = labelledQuality(TUNING_BOARDS);
    const heldOut = labelledQuality(HELD_OUT_BOARDS);
    expect(tuning.positives + tuning.hardNegatives + heldOut.positives + heldOut.hardNegatives).toBeGreaterThanOrEqual(300);
    expect(heldOut.positives + heldOut.hardNegatives).toBeGreaterThanOrEqual(100);
    expect(heldOut.positives).toBeGreaterThanOrEqual(40);
    expect(heldOut.hardNegatives).toBeGreaterThanOrEqual(40);
    const tuningTexts = labelledTexts(TUNING_BOARDS);
    const heldOutTexts = labelledTexts(HELD_OUT_BOARDS);
    expect(new Set(tuningTexts).size).toBe(tuningTexts.length);
    expect(new Set(heldOutTexts).size).toBe(heldOutTexts.length);
    const seen = new Set(tuningTexts);
    expect(heldOutTexts.filter((text) => seen.has(text))).toEqual([]);
    // The boards of 6 December: no text twice, none from the other sets.
    const extraTexts = labelledTexts(TUNING_EXTRA);
    expect(new Set(extraTexts).size).toBe(extraTexts.length);
    expect(extraTexts.filter((text) => seen.has(text) || heldOutTexts.includes(text))).toEqual([]);
    for (const group of EISEN_GROUPS) expect(group.length).toBeGreaterThanOrEqual(1);
  });

  // The issue asks for recall >= 0.8 at precision >= 0.8. On the tuning boards the lexical similarity with the concept
  // layer reaches it; on text it was not tuned on it does not (see docs/performance.md, "Duplicate suggestions"). These
  // floors hold what it does reach, counted as the board shows the suggestions (default cap, groups of up to four), so
  // a change that loses quality fails.
  it("finds nine in ten duplicates on the tuning boards at precision >= 0.85", () => {
    const q = labelledQuality(TUNING_BOARDS);
    console.log(describeQuality("tuning boards", q));
    expect(q.precision).toBeGreaterThanOrEqual(0.85);
    expect(q.recall).toBeGreaterThanOrEqual(0.92);
  });

  // Written by three authors who had not read the lexicon; at first sight 0.58 / 0.38 (gemengde tafels and bestuurstaal)
  // and 0.50 / 0.28 (burgertaal, measured after tuning on the other two); then tuned on (docs/performance.md).
  it("on the six boards of 6 December, in three styles and tuned on after their first look, keeps four in five suggestions right and finds nearly three in four duplicates", () => {
    const q = labelledQuality(TUNING_EXTRA);
    console.log(describeQuality("boards of 6 December", q));
    expect(q.precision).toBeGreaterThanOrEqual(0.8);
    expect(q.recall).toBeGreaterThanOrEqual(0.72);
  });

  // Measured once after the changes of 6 December evening (threshold 0.50, the crowded-requirement and "geen" rules,
  // 23 more requirements): 0.708 / 0.543, against 0.763 / 0.479 before them. The floors hold that; nothing was changed
  // after seeing it.
  it("on the held-out boards nobody tuned on, keeps seven in ten suggestions right and finds half of the duplicates", () => {
    const q = labelledQuality(HELD_OUT_BOARDS);
    console.log(describeQuality("held-out boards", q));
    expect(q.precision).toBeGreaterThanOrEqual(0.7);
    expect(q.recall).toBeGreaterThanOrEqual(0.53);
  });

  it("joins the suggestions into groups of the same demand on a tafel, not into one long chain", () => {
    for (const board of TUNING_BOARDS.filter((b) => b.name.includes("(tafel)"))) {
      const { entries, groupOf } = labelledEntries(board);
      const found = clusters(entries);
      // Groups, not just pairs: some clusters hold three or more eisen.
      expect(found.some((c) => c.length >= 3)).toBe(true);
      // No chain grows beyond a handful, and most clusters hold eisen of one labelled group only.
      expect(found[0]!.length).toBeLessThanOrEqual(6);
      const pure = found.filter((c) => new Set(c.map((id) => groupOf.get(id))).size === 1);
      expect(pure.length / found.length).toBeGreaterThanOrEqual(0.6);
    }
  });

  it("groups the eisen of a small session the way people would merge them", () => {
    // Eleven eisen of six roles, as one tafel writes them: three demands said three times, two said once. Today the
    // suggestions find two or three of each demand (a1-a2, b1-b2, c1-c3; the third is a near miss at 0.45), never mixed.
    const entries = [
      eis("a1", "Ik wil één vast aanspreekpunt, niet van het kastje naar de muur."),
      eis("a2", "Iedere inwoner heeft één vaste contactpersoon die het hele verhaal kent."),
      eis("a3", "Eén aanspreekpunt per huishouden voor alle hulp."),
      eis("b1", "Een maatwerkbudget voor het wijkteam."),
      eis("b2", "Het wijkteam krijgt een eigen budget voor maatwerk, zonder aparte aanvraag."),
      eis("b3", "Reserveer geld waaruit professionals snel maatwerk kunnen betalen."),
      eis("c1", "Beschikkingen in begrijpelijke taal."),
      eis("c2", "Brieven van de gemeente zijn eenvoudig en helder geschreven."),
      eis("c3", "Alle besluiten op taalniveau B1, zodat iedereen ze begrijpt."),
      eis("d1", "Gelijke gevallen worden gelijk behandeld."),
      eis("e1", "De raad krijgt elk jaar een overzicht van de afwijkingen."),
    ];
    const found = clusters(entries);
    // Each of the three demands said three times comes out as its own group (at least a pair of it) ...
    for (const demand of ["a", "b", "c"]) expect(found.filter((c) => c.every((id) => id.startsWith(demand)))).toHaveLength(1);
    // ... no group mixes demands, and the demands said once stay alone.
    for (const c of found) expect(new Set(c.map((id) => id[0])).size).toBe(1);
    expect(found.flat()).not.toContain("d1");
    expect(found.flat()).not.toContain("e1");
  });
});
