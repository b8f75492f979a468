/**
 * Cases from the room in the exports: a case a participant brought in, admitted, chosen by the group and tested, is in
 * the Markdown casusboekje, the PDF and the CSV like the prepared cases, without its author's name; "Wat er echt
 * gebeurde" of a case that carries it is in the casusboekje (Markdown and PDF).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { kaderCsv } from "../../server/exports/csv.ts";
import { kaderMarkdown } from "../../server/exports/markdown.ts";
import { kaderPdf } from "../../server/exports/pdf.ts";
import { PHASE, advanceTo, cmd, lobbyWith, logOf, nameOf, participant, play, spelleider } from "../fixtures/given.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";

const EBIKE_AFLOOP = "De gemeente verstrekte de e-bike als re-integratievoorziening (Participatiewet art. 10): goedkoper dan een jaar bijstand.";
const BROUGHT = {
  title: "Een erfenis in de bijstand",
  situation: "Een vrouw in de bijstand erft een deel van een vakantiehuisje dat ze niet kan verkopen.",
  effectWanted: "Haar uitkering houden tot het huisje verkocht is.",
  rules: "Vermogen boven de grens: geen recht op bijstand (Participatiewet art. 34).",
  afloop: "De gemeente gaf bijstand als geldlening tot de verkoop (Participatiewet art. 48 lid 2).",
};

function played() {
  const scenario = minimalScenario();
  scenario.cases = scenario.cases.map((c) => (c.id === "ebike" ? { ...c, afloop: EBIKE_AFLOOP } : c));
  const state = lobbyWith(["raadslid", "wethouder", "directeur"], scenario);
  advanceTo(state, PHASE.ronde1);
  play(state, cmd("eis.write", { eisId: "e1", text: "De professional mag afwijken als het de inwoner helpt.", categoryId: "ruimte" }), participant("d1"));
  advanceTo(state, PHASE.samenvoegen);
  play(state, cmd("pve.adopt", { adopt: [{ itemId: "i1", eisId: "e1" }] }), spelleider);
  advanceTo(state, PHASE.casustoets);
  const walk = (caseId: string) => {
    state.scenario.omgekeerdeToets.forEach((step, i) => {
      play(state, cmd("toets.note", { noteId: `${caseId}-${i}`, caseId, stepId: step.id, text: `Bij ${step.title.toLowerCase()}` }), participant("d1"));
      play(state, cmd("toets.advance", { caseId }), spelleider);
    });
    play(state, cmd("toets.verdict", { caseId, itemId: "i1", verdict: caseId === "ebike" ? "helpt" : "staat_in_de_weg" }), participant("d3"));
    play(state, cmd("toets.decide", { caseId, decision: `Besluit over ${caseId}.`, costNow: "laag", costLater: "gemiddeld" }), participant("d2"));
  };
  walk("ebike");
  // two participants bring a case in; the spelleider admits one; the group votes for it and the spelleider closes the vote
  play(state, cmd("case.propose", { caseId: "erfenis", draft: BROUGHT }), participant("d3"));
  play(state, cmd("case.propose", { caseId: "ander", draft: { ...BROUGHT, title: "Niet gekozen", situation: "Een andere situatie." } }), participant("d2"));
  play(state, cmd("case.admit", { caseId: "erfenis", draft: BROUGHT }), spelleider);
  for (const id of ["d1", "d2", "d3"]) play(state, cmd("case.vote", { caseId: "erfenis" }), participant(id));
  play(state, cmd("case.choose"), spelleider);
  walk("erfenis");
  play(state, cmd("phase.next"), spelleider);
  return logOf(state);
}

const events = played();

describe("exports: cases from the room and what really happened", () => {
  test("the casusboekje (Markdown) has the brought-in case like a prepared one, with what the rules say and its afloop", () => {
    const md = kaderMarkdown(events);
    expect(md).toContain("### Een erfenis in de bijstand (ingebracht tijdens de sessie)");
    expect(md).toContain(`**Situatie.** ${BROUGHT.situation}`);
    expect(md).toContain(`**Wat de regels zeggen.** ${BROUGHT.rules}`);
    expect(md).toContain(`**Wat er echt gebeurde.** ${BROUGHT.afloop}`);
    expect(md).toContain("**Besluit.** Besluit over erfenis.");
    // the prepared case's afloop too, after its decision
    const ebike = md.slice(md.indexOf("### De e-bike"));
    expect(ebike.indexOf(`**Wat er echt gebeurde.** ${EBIKE_AFLOOP}`)).toBeGreaterThan(ebike.indexOf("**Besluit.**"));
    // a case that was brought in but never admitted is not in it, and nobody's name is
    expect(md).not.toContain("Niet gekozen");
    for (const id of ["d1", "d2", "d3"]) expect(md).not.toContain(nameOf(id));
  });

  test("the CSV lists the brought-in case's verdicts like the others", () => {
    const csv = kaderCsv(events);
    expect(csv).toContain('"oordeel";"1";"De professional mag afwijken als het de inwoner helpt."');
    expect(csv).toContain('"Een erfenis in de bijstand";"Staat in de weg"');
    for (const id of ["d1", "d2", "d3"]) expect(csv).not.toContain(nameOf(id));
  });

  test("the PDF's casusboekje has both afloops", async () => {
    const pdf = await kaderPdf(events, Date.UTC(2026, 0, 15, 12));
    const dir = mkdtempSync(join(tmpdir(), "casus-pdf-"));
    writeFileSync(join(dir, "kader.pdf"), pdf);
    let text: string;
    try {
      text = execFileSync("pdftotext", [join(dir, "kader.pdf"), "-"], { encoding: "utf8" });
    } catch {
      throw new Error("pdftotext ontbreekt (pakket poppler-utils): de tekst van de PDF kan niet worden gecontroleerd.");
    }
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Een erfenis in de bijstand");
    expect(flat).toContain("Wat er echt gebeurde");
    expect(flat).toContain(BROUGHT.afloop);
    expect(flat).toContain(EBIKE_AFLOOP);
    expect(flat).toContain(BROUGHT.rules);
  });
});
