/**
 * The personal-data guard (DOMAIN.md §6): what it must catch in a Dutch case text, and the ordinary case material
 * it must leave alone. A bare postcode or postcode area without a house number is deliberately not flagged: it
 * points to a street or a neighbourhood, not to a person, and case texts use it for a wijk or a region.
 */
import { describe, expect, it } from "vitest";
import { PERSONAL_DATA_KINDS, describeFound, describePersonalData, findPersonalData, passesElfproef, passesMod97, type PersonalDataKind } from "#shared/personalData.ts";

/** A sentence and what the guard must find in it, as [kind, the text as written]. */
type Positive = [sentence: string, expected: [PersonalDataKind, string][]];

const POSITIVE: Positive[] = [
  // BSN: nine digits that pass the 11-proef, plain or in 3-3-3 / 4-2-3 groups.
  ["Het BSN van de cliënt is 123456782.", [["bsn", "123456782"]]],
  ["Zijn burgerservicenummer: 111.222.333, staat op de aanvraag.", [["bsn", "111.222.333"]]],
  ["BSN 1234.56.782 (moeder) is bekend bij de gemeente.", [["bsn", "1234.56.782"]]],
  ["In het dossier staat 123 456 782 als BSN.", [["bsn", "123 456 782"]]],
  ["bsn:010000008", [["bsn", "010000008"]]],
  // E-mail addresses.
  ["Mail de consulent op j.de.vries@gemeente-voorbeeld.nl.", [["email", "j.de.vries@gemeente-voorbeeld.nl"]]],
  ["Het e-mailadres van de dochter (anna+post@hotmail.com) staat in de brief.", [["email", "anna+post@hotmail.com"]]],
  ["Contact: wijkteam.noord@stad.nl of info@zorg-en-welzijn.amsterdam", [["email", "wijkteam.noord@stad.nl"], ["email", "info@zorg-en-welzijn.amsterdam"]]],
  // Phone numbers: mobile and landline, national and international.
  ["Bel mevrouw op 06-12345678 als het niet lukt.", [["telefoon", "06-12345678"]]],
  ["Haar nummer is 06 12 34 56 78.", [["telefoon", "06 12 34 56 78"]]],
  ["Hij is bereikbaar via +31 6 12345678 of +31612345678.", [["telefoon", "+31 6 12345678"], ["telefoon", "+31612345678"]]],
  ["Zijn broer belt vanuit het buitenland: 0031 6 1234 5678.", [["telefoon", "0031 6 1234 5678"]]],
  ["Het wijkteam (010-1234567) belde terug.", [["telefoon", "010-1234567"]]],
  ["Vader is overdag te bereiken op 020 123 4567.", [["telefoon", "020 123 4567"]]],
  ["Tel. (0111) 123456, na 17.00 uur.", [["telefoon", "(0111) 123456"]]],
  ["De huisarts: +31 (0)30 123 45 67.", [["telefoon", "+31 (0)30 123 45 67"]]],
  ["Mobiel 0612345678, vast 0101234567.", [["telefoon", "0612345678"], ["telefoon", "0101234567"]]],
  // Postcode with house number, in either order.
  ["Het gezin woont op 1234 AB 12.", [["postcode", "1234 AB 12"]]],
  ["Adres: 1234AB 12a, tweede verdieping.", [["postcode", "1234AB 12a"]]],
  ["Ze woont aan de Dorpsstraat 12, 1234 AB in het dorp.", [["postcode", "Dorpsstraat 12, 1234 AB"]]],
  ["Nieuw adres: Kerkweg 3b 5678 CD Ergenshuizen.", [["postcode", "Kerkweg 3b 5678 CD"]]],
  ["Post gaat naar 9876 ZX, 104-2.", [["postcode", "9876 ZX, 104-2"]]],
  ["Correspondentieadres 1234ab 7.", [["postcode", "1234ab 7"]]],
  // Dates of birth: a date with a birth cue near it.
  ["Mevrouw is geboren op 12 maart 1987 in Utrecht.", [["geboortedatum", "12 maart 1987"]]],
  ["De vader (geb. 12-03-1987) werkt via een uitzendbureau.", [["geboortedatum", "12-03-1987"]]],
  ["Geboortedatum: 3/4/1990.", [["geboortedatum", "3/4/1990"]]],
  ["Geb. datum 01-02-1975, alleenstaand.", [["geboortedatum", "01-02-1975"]]],
  ["Hun zoon, geboren te Zwolle op 7 juli 2019, heeft een beperking.", [["geboortedatum", "7 juli 2019"]]],
  ["Op 7 juli 2019 is hun zoon geboren.", [["geboortedatum", "7 juli 2019"]]],
  ["De dochter (geb. 5 mei '82) woont thuis.", [["geboortedatum", "5 mei '82"]]],
  ["geboortedatum 12.03.1987", [["geboortedatum", "12.03.1987"]]],
  ["Geboortedatum (12-03-1987) is bekend; zoon: 4-5-2015 (geboren).", [["geboortedatum", "12-03-1987"], ["geboortedatum", "4-5-2015"]]],
  ["Mevrouw, geboren op 12 maart 1987, woont alleen.", [["geboortedatum", "12 maart 1987"]]],
  ["Geboren 14 dec. 2004, dus nu 21.", [["geboortedatum", "14 dec. 2004"]]],
  // IBAN with a valid mod-97 check, with or without spaces.
  ["De huur gaat naar NL91 ABNA 0417 1643 00.", [["iban", "NL91 ABNA 0417 1643 00"]]],
  ["Rekeningnummer NL91ABNA0417164300 staat op de beschikking.", [["iban", "NL91ABNA0417164300"]]],
  ["Betalen aan NL20INGB0001234567 of nl44rabo0123456789.", [["iban", "NL20INGB0001234567"], ["iban", "nl44rabo0123456789"]]],
  // Several kinds in one text, in text order.
  [
    "Mevrouw (geb. 12-03-1987, BSN 123456782) woont op Dorpsstraat 12, 1234 AB en is bereikbaar op 06-12345678 of via m.jansen@mail.nl; IBAN NL91ABNA0417164300.",
    [
      ["geboortedatum", "12-03-1987"],
      ["bsn", "123456782"],
      ["postcode", "Dorpsstraat 12, 1234 AB"],
      ["telefoon", "06-12345678"],
      ["email", "m.jansen@mail.nl"],
      ["iban", "NL91ABNA0417164300"],
    ],
  ],
];

/** Ordinary sentences from case texts, rulings and policy: nothing here is personal data. */
const NEGATIVE: string[] = [
  "De gemeente vorderde ongeveer € 7.000 terug; in beroep werd dat bedrag ongeveer gehalveerd.",
  "Het budget is 2.000 euro per jaar, ruim 15% meer dan in 2025.",
  "Zie Wmo 2015 artikel 2.3.5 lid 3 en Participatiewet art. 22a.",
  "De CRvB oordeelde op 18-5-2016 (ECLI:NL:CRVB:2016:1402) dat een standaardoplossing niet volstaat.",
  "CRvB 18-5-2016: maatwerk vraagt meer dan een standaardoplossing.",
  "Rapport 2018/010 van de Nationale ombudsman: 730 dossiers in 10 gemeenten.",
  "Zaak 2018/030 gaat over de kostendelersnorm.",
  "Per 1 maart 2026 krijgt hij twaalf uur begeleiding per week.",
  "Per 1 januari 2026 gaat fase 1 van de Participatiewet in balans in.",
  "De beschikking van 3 maart 2026 kent 12 uur begeleiding toe.",
  "Het college besloot op 14-02-2026 de aanvraag af te wijzen.",
  "De aanvraag werd ingediend op 06-01-2026 en binnen 6 weken onderzocht.",
  "De artikelen 8a, 10, 18, 22a, 31, 35 en 58 van de Participatiewet spelen mee.",
  "Awb art. 4:84 en Awb art. 3:4 lid 2 vragen om evenredigheid.",
  "Ze woont in de regio 1234 en reist 35 km per dag naar haar werk.",
  "Het wijkteam in postcodegebied 1234 AB heeft twaalf medewerkers.",
  "Hij is 21 jaar en woont sinds 2019 bij zijn vader.",
  "Het kilometerbudget van 1.500 km was op 30 september 2025 al op.",
  "NRC 23-8-2021: landelijke ophef over de terugvordering.",
  "Het spreekuur is van 09.00 tot 12.30 uur, op 2 en 16 april.",
  "De uitkering is 70 procent van het minimumloon, ongeveer € 1.300 netto per maand.",
  "De schuld is € 23.456,78 bij 14 schuldeisers; het klantnummer is 123456789.",
  "In 2024 kregen 1.234 inwoners een maatwerkvoorziening; in 2025 waren het er 1.456.",
  "De eigen bijdrage is € 21,80 per vier weken (2026).",
  "Een indicatie van 0,5 fte begeleiding, 3 dagdelen dagbesteding en 2 uur huishoudelijke hulp.",
  "Versie 1.2.3 van de verordening, vastgesteld op 12-12-2025.",
  "Hij werd geboren in 1958 en werkt al 40 jaar in de bouw.",
  "Haar zoon is geboren met een beperking; per 1 maart 2026 krijgt hij begeleiding.",
  "Hij is in Syrië geboren. Op 1 maart 2026 vroeg hij bijzondere bijstand aan.",
  "De scores per stap: 0 - 2 - 4 - 6 - 8 - 10 - 12 - 14 - 16.",
  "De leden 1 2 3 4 5 6 7 8 9 0 van de verordening gelden allemaal.",
  "Een rekening van NL91ABNA0417164301 klopt niet: de controlecijfers passen niet.",
  "Het telefoonnummer en het e-mailadres zijn weggelaten.",
  "Op 1-1-2026 werd hij 27; de kostendelersnorm ging per 1 februari 2026 in.",
  "De dochter wordt op 1 juni 27 jaar en verhuist dan naar de noodopvang.",
  "Een aanvraag @ het Wmo-loket, reactie binnen 2 weken.",
  "Tussen 2016 en 2020 steeg het aantal aanvragen met 35 procent tot 4.200 per jaar.",
  "Het bedrag van € 330.000.000 voor het sociaal domein is 12,5% van de begroting.",
  "Vergelijk ECLI:NL:CRVB:2020:123456782 over de kostendelersnorm.",
  "Bezwaar sturen naar Postbus 1234, 1000 AB Amsterdam.",
  "De zoon (geboren 2019) krijgt per 12-03-2026 jeugdhulp.",
  "Ze is geboren in Marokko, verhuisde op 12-3-2001 naar Nederland en werkt sinds 2010.",
  "TUSSEN 2016 EN 2017 12 AANVRAGEN.",
];

const found = (text: string) => findPersonalData(text).map((f): [PersonalDataKind, string] => [f.kind, f.match]);

describe("personal data: what the guard finds", () => {
  it.each(POSITIVE)("%s", (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it("reports where each find starts, so a form can point at it", () => {
    const text = "Bel 06-12345678 of mail a@b.nl.";
    for (const f of findPersonalData(text)) expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
    expect(findPersonalData(text).map((f) => f.index)).toEqual([4, 24]);
  });

  it("counts the digits of an IBAN or an e-mail address once, as that and not as a BSN", () => {
    expect(found("NL91ABNA0417164300")).toEqual([["iban", "NL91ABNA0417164300"]]);
    expect(found("123456782@voorbeeld.nl")).toEqual([["email", "123456782@voorbeeld.nl"]]);
  });

  it("stays quick on a long text", () => {
    const long = `${NEGATIVE.join(" ")} ${"0".repeat(5000)} ${"a.".repeat(5000)}@ ${"1234 AB ".repeat(500)}`;
    const started = performance.now();
    findPersonalData(long);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("the same text twice gives the same answer (no regex state left behind)", () => {
    const text = POSITIVE[0]?.[0] ?? "";
    expect(findPersonalData(text)).toEqual(findPersonalData(text));
  });
});

describe("personal data: what the guard leaves alone", () => {
  it("has a corpus of at least 25 ordinary sentences", () => {
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(NEGATIVE)("%s", (sentence) => {
    expect(findPersonalData(sentence)).toEqual([]);
  });

  it("a bare postcode or postcode area without a house number is not flagged", () => {
    expect(findPersonalData("Het gezin verhuisde naar 1234 AB.")).toEqual([]);
    expect(findPersonalData("In de wijk rond 5678 (regio 5678) is de wachtlijst lang.")).toEqual([]);
  });

  it("a date without a birth cue is a case date, not a date of birth", () => {
    expect(findPersonalData("Op 12-03-1987 begon zijn uitkering.")).toEqual([]);
    expect(findPersonalData("Op 12-03-1987 is hij geboren.").map((f) => f.kind)).toEqual(["geboortedatum"]);
  });
});

describe("personal data: the checks behind BSN and IBAN", () => {
  it("the 11-proef", () => {
    expect(passesElfproef("123456782")).toBe(true);
    expect(passesElfproef("111222333")).toBe(true);
    expect(passesElfproef("123456789")).toBe(false);
    expect(passesElfproef("000000000")).toBe(false);
    expect(passesElfproef("12345678")).toBe(false);
  });

  it("mod 97", () => {
    expect(passesMod97("NL91 ABNA 0417 1643 00")).toBe(true);
    expect(passesMod97("NL91ABNA0417164301")).toBe(false);
  });
});

describe("personal data: in Dutch", () => {
  it("names each kind with its article", () => {
    expect(PERSONAL_DATA_KINDS.map(describePersonalData)).toEqual([
      "een BSN",
      "een e-mailadres",
      "een telefoonnummer",
      "een postcode met huisnummer",
      "een geboortedatum",
      "een IBAN",
    ]);
  });

  it("lists what was found once per kind, in text order", () => {
    expect(describeFound(findPersonalData("mail a@b.nl"))).toBe("een e-mailadres");
    expect(describeFound(findPersonalData("mail a@b.nl of c@d.nl, bel 06-12345678"))).toBe("een e-mailadres en een telefoonnummer");
    expect(describeFound(findPersonalData("BSN 123456782, bel 06-12345678, mail a@b.nl"))).toBe("een BSN, een telefoonnummer en een e-mailadres");
    expect(describeFound([])).toBe("");
  });
});
