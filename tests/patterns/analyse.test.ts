/**
 * Patronen over sessies, the pure part: logs in, patterns out. Sessions are played through the real rules
 * (fullSession, terugkomSession and the small sessions of build.ts), never hand-made states.
 */
import { describe, expect, it } from "vitest";
import { analysePatterns, type PatternAnalysis } from "../../server/patterns/analyse.ts";
import { patternsCsv } from "../../server/patterns/csv.ts";
import { patternsMarkdown } from "../../server/patterns/markdown.ts";
import { patternsPage } from "../../server/render/patterns.ts";
import { defaultLabel } from "../../server/sessions.ts";
import { FULL_SESSION_NAMES, TERUGKOM_NEWCOMER, fullSession, logOf, terugkomSession } from "../fixtures/given.ts";
import { PATTERN_NAMES, playedSession, withIdentity } from "./build.ts";

const DAY = 24 * 60 * 60 * 1000;
const MARCH_12 = Date.UTC(2026, 2, 12, 9, 0);
const SECRET = "een-trainersgeheim-van-ruim-tweeendertig-tekens";

/** fullSession() as one municipality's session: its items include "Het budget is vooraf bekend" (in the way of the e-bike). */
const oosterwolde = () => withIdentity(logOf(fullSession()), { sessionId: "s-oosterwolde", label: "Gemeente Oosterwolde", createdAt: MARCH_12 });

const lindeveen = (extra: Partial<Parameters<typeof playedSession>[0]> = {}) =>
  playedSession({
    sessionId: "s-lindeveen",
    label: "Gemeente Lindeveen",
    createdAt: MARCH_12 + 7 * DAY,
    eisen: ["Iedere inwoner krijgt één vast aanspreekpunt.", "Het budget voor maatwerk is vooraf bekend.", "Formulieren worden niet opnieuw gevraagd.", "Raadsleden lopen een dag mee met het wijkteam."],
    blocked: ["Het budget voor maatwerk is vooraf bekend."],
    helped: ["Iedere inwoner krijgt één vast aanspreekpunt."],
    ...extra,
  });

const patternWith = (analysis: PatternAnalysis, fragment: string) => analysis.patterns.find((p) => p.entries.some((e) => e.text.includes(fragment)));

describe("patronen over sessies", () => {
  it("finds the same item in other words in other sessions, with each session's wording, support and verdicts", () => {
    const analysis = analysePatterns([lindeveen(), oosterwolde()]);
    expect(analysis.scenarioTitle).toBe("Minimaal testscenario");
    expect(analysis.sessions.map((s) => [s.number, s.date, s.label, s.counted])).toEqual([
      [1, "12 maart 2026", "Gemeente Oosterwolde", true],
      [2, "19 maart 2026", "Gemeente Lindeveen", true],
    ]);
    const aanspreekpunt = patternWith(analysis, "aanspreekpunt");
    expect(aanspreekpunt?.entries.map((e) => [e.session, e.text])).toEqual([
      [1, "Eén vast aanspreekpunt"],
      [2, "Iedere inwoner krijgt één vast aanspreekpunt."],
    ]);
    expect(aanspreekpunt).toMatchObject({ sessionCount: 2, sessionTotal: 2 });
    // "Geen nieuwe formulieren" and "Formulieren worden niet opnieuw gevraagd" share one word, and still match.
    expect(patternWith(analysis, "formulieren")?.entries.map((e) => e.text)).toEqual(["Geen nieuwe formulieren", "Formulieren worden niet opnieuw gevraagd."]);

    const [first, second] = aanspreekpunt?.entries ?? [];
    // Oosterwolde: every role that voted backed it; Lindeveen: all six gave it half their points.
    expect(first?.draagvlak).toBe("verticaal");
    expect(second?.support).toEqual({ burger: 0.5, raadslid: 0.5, wethouder: 0.5, directeur: 0.5, beleidsambtenaar: 0.5, wijkteamprofessional: 0.5 });
    expect(second?.verdicts).toEqual([{ caseTitle: "De e-bike als re-integratievoorziening", verdict: "helpt" }]);
    // A role nobody voted in has no share, not 0.
    expect(Object.values(first?.support ?? {}).filter((share) => share === null).length).toBeGreaterThan(0);
  });

  it("an item that comes up in one session only is no pattern", () => {
    const analysis = analysePatterns([oosterwolde(), lindeveen()]);
    expect(patternWith(analysis, "Raadsleden lopen")).toBeUndefined();
    expect(patternWith(analysis, "Mandaat voor de professional")).toBeUndefined();
    expect(analysis.singleItems).toBe(analysis.itemCount - analysis.patterns.reduce((n, p) => n + p.entries.length, 0));
    // One session alone has nothing to compare with, however alike its own items are.
    const alone = analysePatterns([playedSession({ sessionId: "s1", label: "Alleen", createdAt: MARCH_12, eisen: ["Eén vast aanspreekpunt.", "Eén vast aanspreekpunt voor iedereen."] })]);
    expect(alone.patterns).toEqual([]);
  });

  it("a blockage that recurs in two sessions is a terugkerende blokkade, with its cases", () => {
    const analysis = analysePatterns([oosterwolde(), lindeveen()]);
    expect(analysis.blockages).toEqual([
      {
        pattern: patternWith(analysis, "budget")?.number,
        text: expect.stringMatching(/budget/),
        sessionCount: 2,
        sessionTotal: 2,
        blockedIn: [
          { session: 1, cases: ["De e-bike als re-integratievoorziening"] },
          { session: 2, cases: ["De e-bike als re-integratievoorziening"] },
        ],
      },
    ]);
    // Blocked in one session only: a pattern, not a recurring blockage.
    const once = analysePatterns([oosterwolde(), lindeveen({ blocked: [] })]);
    expect(patternWith(once, "budget")?.blockedIn).toHaveLength(1);
    expect(once.blockages).toEqual([]);
    // Patterns that block come before those that do not, among patterns in as many sessions.
    expect(analysis.patterns[0]?.entries[0]?.text).toBe("Het budget is vooraf bekend");
  });

  it("groups at most one item per session, and counts only sessions with a programma van eisen", () => {
    const twice = playedSession({ sessionId: "s-twee", label: "Twee keer", createdAt: MARCH_12 + DAY, eisen: ["Eén vast aanspreekpunt voor de inwoner.", "Eén vast aanspreekpunt per gezin."], stopAtSamenvoegen: true });
    const lobby = withIdentity(logOf(fullSession()).slice(0, 7), { sessionId: "s-lobby", label: "Nog in de lobby", createdAt: MARCH_12 + 2 * DAY });
    const analysis = analysePatterns([oosterwolde(), twice, lobby]);
    const pattern = patternWith(analysis, "aanspreekpunt");
    expect(pattern?.entries.map((e) => e.session)).toEqual([1, 2]);
    expect(pattern?.sessionTotal).toBe(2);
    expect(analysis.sessions.map((s) => s.counted)).toEqual([true, true, false]);
    // Stopped before the vote: the item is there, without support.
    expect(pattern?.entries[1]).toMatchObject({ support: null, draagvlak: null, verdicts: [] });
  });

  it("an aanvulling made after the vote has no support profile, not a row of zeros", () => {
    const other = playedSession({ sessionId: "s-vervoer", label: "Gemeente Rijnsveld", createdAt: MARCH_12 + DAY, eisen: ["Vervoer naar het werk hoort bij re-integratie.", "Iets heel anders."] });
    const [aanvulling, voted] = patternWith(analysePatterns([oosterwolde(), other]), "Vervoer")?.entries ?? [];
    expect(aanvulling).toMatchObject({ text: "Vervoer naar werk hoort bij re-integratie.", addedAfterVote: true, support: null, draagvlak: null });
    expect(voted).toMatchObject({ addedAfterVote: false, draagvlak: "verticaal" });
  });

  it("only day 1 counts: what the terugkombijeenkomst added or changed is not compared", () => {
    const dayTwo = withIdentity(logOf(terugkomSession()), { sessionId: "s-terugkom", label: "Gemeente Oosterwolde", createdAt: MARCH_12 });
    const other = playedSession({
      sessionId: "s-ander",
      label: "Gemeente Westerhaven",
      createdAt: MARCH_12 + DAY,
      // The first is only in day 2 of the other session (kader.add); the second its day-2 rewording of i2.
      eisen: ["Elk half jaar kijken we samen terug op de casussen.", "Mandaat voor de professional, op papier vastgelegd."],
    });
    const analysis = analysePatterns([dayTwo, other]);
    expect(patternWith(analysis, "half jaar")).toBeUndefined();
    // i2 is compared with its day-1 wording.
    expect(patternWith(analysis, "op papier")?.entries.map((e) => e.text)).toEqual(["Mandaat voor de professional", "Mandaat voor de professional, op papier vastgelegd."]);
    expect(analysis.itemCount).toBe(analysePatterns([logOf(fullSession())]).itemCount + 2);
  });

  it("never lets a participant's name through, in the analysis or in anything made from it", () => {
    const dayTwo = withIdentity(logOf(terugkomSession()), { sessionId: "s-terugkom", label: "Gemeente Oosterwolde", createdAt: MARCH_12 });
    const analysis = analysePatterns([dayTwo, lindeveen(), oosterwolde()]);
    expect(analysis.patterns.length).toBeGreaterThan(1);
    const outputs = { json: JSON.stringify(analysis), csv: patternsCsv(analysis), md: patternsMarkdown(analysis), html: patternsPage(SECRET, analysis) };
    for (const [kind, text] of Object.entries(outputs)) {
      for (const name of [...FULL_SESSION_NAMES, TERUGKOM_NEWCOMER, ...PATTERN_NAMES]) {
        expect(text.includes(name), `${name} in ${kind}`).toBe(false);
      }
      // Nor session ids or join codes: a session is its date and label.
      expect(text.includes("ABC123"), `join code in ${kind}`).toBe(false);
      expect(text.includes("s-lindeveen"), `session id in ${kind}`).toBe(false);
    }
  });

  it("leaves out the label the game makes when none was typed: it only repeats title and date", () => {
    const unnamed = playedSession({ sessionId: "s-zonder", label: "Minimaal testscenario, 12-3-2026", createdAt: MARCH_12, eisen: ["Eén vast aanspreekpunt."] });
    const named = playedSession({ sessionId: "s-met", label: "Minimaal testscenario, middaggroep", createdAt: MARCH_12 + DAY, eisen: ["Eén vast aanspreekpunt."] });
    expect(analysePatterns([unnamed, named]).sessions.map((s) => s.label)).toEqual(["", "Minimaal testscenario, middaggroep"]);
  });

  it("knows the label the game makes after a title that ends in a question mark ('past? · 12-3-2026', not 'past?, 12-3-2026')", () => {
    expect(defaultLabel("Minimaal testscenario", MARCH_12)).toBe("Minimaal testscenario, 12-3-2026");
    expect(defaultLabel("Maatwerk in de wijk: wie bepaalt wat past?", MARCH_12)).toBe("Maatwerk in de wijk: wie bepaalt wat past? · 12-3-2026");
    const unnamed = playedSession({ sessionId: "s-zonder", label: "Minimaal testscenario · 12-3-2026", createdAt: MARCH_12, eisen: ["Eén vast aanspreekpunt."] });
    expect(analysePatterns([unnamed]).sessions.map((s) => s.label)).toEqual([""]);
  });

  it("dates the label the game makes in Amsterdam, whatever the server's time zone (23:40 UTC on 7 December is 8 December there)", () => {
    expect(defaultLabel("Minimaal testscenario", Date.UTC(2026, 11, 7, 23, 40))).toBe("Minimaal testscenario, 8-12-2026");
    expect(defaultLabel("Minimaal testscenario", Date.UTC(2026, 6, 1, 21, 59))).toBe("Minimaal testscenario, 1-7-2026");
    expect(defaultLabel("Minimaal testscenario", Date.UTC(2026, 6, 1, 22, 0))).toBe("Minimaal testscenario, 2-7-2026");
  });

  it("is the same whatever order the logs come in", () => {
    const a = analysePatterns([oosterwolde(), lindeveen()]);
    const b = analysePatterns([lindeveen(), oosterwolde()]);
    expect(b).toEqual(a);
  });
});

describe("the downloads and the page", () => {
  const analysis = () => analysePatterns([oosterwolde(), lindeveen({ eisen: ["=Eén vast aanspreekpunt <script>alert(1)</script>", "Het budget voor maatwerk is vooraf bekend."], helped: [] })]);

  it("CSV for Dutch Excel: BOM, ';', CRLF, formula-safe, a row per pattern and per item", () => {
    const csv = patternsCsv(analysis());
    expect(csv.startsWith("\uFEFF\"soort\";\"patroon\";\"tekst\"")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "").includes("\n")).toBe(false);
    const rows = csv.slice(1).trimEnd().split("\r\n");
    expect(rows.filter((r) => r.startsWith('"patroon"'))).toHaveLength(2);
    expect(rows.filter((r) => r.startsWith('"item"'))).toHaveLength(4);
    expect(csv).toContain(`"'=Eén vast aanspreekpunt <script>alert(1)</script>"`);
    expect(csv).toContain('"Inwoner (% steun)"');
    expect(rows.find((r) => r.includes('"Het budget is vooraf bekend"') && r.startsWith('"patroon"'))).toContain('"ja"');
  });

  it("Markdown keeps what people typed inside its line, the page escapes it", () => {
    const md = patternsMarkdown(analysis());
    expect(md).toContain("\\<script\\>");
    expect(md).toMatch(/^# Patronen over sessies: Minimaal testscenario$/m);
    expect(md).toContain("In 2 van 2 sessies.");
    const html = patternsPage(SECRET, analysis());
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("in 2 van 2 sessies");
    expect(html).toContain(`/trainer/${SECRET}/patronen/test-minimaal.csv`);
  });
});
