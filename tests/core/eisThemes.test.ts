/**
 * The concept layer's shortcut (server/core/eisThemes.ts, `requiredTexts`): before a cue's pattern runs, the folded
 * text must contain one of the pieces of plain text every match of the pattern contains. The shortcut may only skip
 * patterns that could not match; these tests say what it takes from a pattern and check it against every pattern and
 * the labelled eisen of the tuning boards.
 */
import { describe, expect, it } from "vitest";
import { requiredTexts, themesOf, themeText, THEMES } from "../../server/core/eisThemes.ts";
import { TUNING_BOARDS, TUNING_EXTRA } from "../fixtures/eisenPairs.ts";
import { labelledTexts } from "../fixtures/eisenLabels.ts";

describe("de stukken tekst waarvan elke treffer van een patroon er één bevat", () => {
  it("zijn het langste stuk gewone tekst buiten groepen en klassen", () => {
    expect(requiredTexts(/\baanspreekpunt/)).toEqual(["aanspreekpunt"]);
    expect(requiredTexts(/\b(?:1|vaste?) regisseur/)).toEqual([" regisseur"]);
    expect(requiredTexts(/\bkastje (?:naar|en) (?:de )?muur\b/)).toEqual(["kastje "]);
  });

  it("zijn anders de keuzes van een groep die moet passen, als elke keuze zo'n stuk heeft", () => {
    expect(requiredTexts(/\b(?:gegevens|informatie)\b/)).toEqual(["gegevens", "informatie"]);
    expect(requiredTexts(/\b(?:wie|welk) (?:budget|potje)\b/)).toEqual(["budget", "potje"]);
    expect(requiredTexts(/\b(?:1|een) (?:vast )?gezicht\b|\bvertrouwde (?:hulpverlener|persoon)\b/)).toEqual(["gezicht", "vertrouwde "]);
    // An optional group, a lookahead or a group with a short choice says nothing.
    expect(requiredTexts(/\b(?:gegevens|informatie)?\b/)).toBeNull();
    expect(requiredTexts(/\b(?=gegevens)\w+/)).toBeNull();
    expect(requiredTexts(/\b(?:ik|wij)\b/)).toBeNull();
  });

  it("laten een letter met een kwantor weg, en tellen wat tussen accolades staat niet als tekst", () => {
    expect(requiredTexts(/\bvaste?/)).toEqual(["vast"]);
    expect(requiredTexts(/\bcontactpersonen*/)).toEqual(["contactpersone"]);
    expect(requiredTexts(/\bab{100}c/)).toBeNull();
    expect(requiredTexts(/\b(?:\w+ ){0,300}bekend\b/)).toEqual(["bekend"]);
  });

  it("ontbreken bij een keuze op het hoogste niveau waarvan een kant niets zegt, of als het patroon hoofdletters negeert", () => {
    expect(requiredTexts(/\bverhaal\b|\b\w+\b/)).toBeNull();
    expect(requiredTexts(/\baanspreekpunt/i)).toBeNull();
  });

  it("staan in de tekst bij elke treffer van elk patroon op alle gelabelde eisen van het afstemmen", () => {
    const texts = [...labelledTexts(TUNING_BOARDS), ...labelledTexts(TUNING_EXTRA)].map(themeText);
    expect(texts.length).toBeGreaterThan(500);
    let patterns = 0;
    let shortcuts = 0;
    let matched = 0;
    for (const theme of THEMES) {
      for (const cue of theme.cues) {
        for (const pattern of [...cue.all, ...(cue.none ?? [])]) {
          patterns++;
          const required = requiredTexts(pattern);
          if (required === null) continue;
          shortcuts++;
          for (const folded of texts) {
            if (!pattern.test(folded)) continue;
            matched++;
            expect(required.some((piece) => folded.includes(piece)), `${pattern} trof "${folded}" zonder een van ${JSON.stringify(required)}`).toBe(true);
          }
        }
      }
    }
    // Nearly every pattern has a shortcut, and the check saw many real matches.
    expect(shortcuts / patterns).toBeGreaterThan(0.8);
    expect(matched).toBeGreaterThan(500);
  });

  it("veranderen niets aan de thema's van een tekst: themesOf vindt op alle gelabelde eisen wat elk patroon zelf vindt", () => {
    const texts = [...labelledTexts(TUNING_BOARDS), ...labelledTexts(TUNING_EXTRA)];
    for (const text of texts) {
      const folded = themeText(text);
      const plain = new Map<string, number>();
      for (const theme of THEMES) {
        const strengths = theme.cues.filter((c) => c.all.every((p) => p.test(folded)) && !(c.none ?? []).some((p) => p.test(folded))).map((c) => c.strength);
        if (strengths.length > 0) plain.set(theme.id, Math.max(...strengths));
      }
      const found = themesOf(text);
      // themesOf adds the subjects a requirement implies; every theme a pattern found is there with its strength.
      for (const [id, strength] of plain) expect(found.get(id), `${id} in "${text}"`).toBe(strength);
    }
  });
});
