/**
 * A small thesaurus of the sociaal domein for duplicate suggestions (server/core/suggestions.ts): words that people in
 * the six roles use for the same thing. Written from the scenarios' language and the domain notes (roles, PvE
 * categories, the Omgekeerde Toets), not from single labelled pairs, so it also helps on eisen nobody has seen.
 *
 * - CONCEPTS: each group's words count as one word (after stemming). Kept unambiguous within eisen: "budget" and
 *   "begroting" stay apart (money to spend versus a spending limit), as do "vast aanspreekpunt" and "loket".
 * - RELATED: groups whose concepts are close but not the same; a match between them counts for part.
 * - PHRASES: fixed expressions that stand for a concept ("de knoop doorhakken", "van het kastje naar de muur"),
 *   matched on the folded text (lower case, no diacritics) before it is split into words.
 */

export const CONCEPTS: readonly (readonly string[])[] = [
  // people
  ["inwoner", "inwoners", "burger", "burgers", "bewoner", "bewoners", "cliënt", "cliënten", "hulpvrager", "hulpvragers"],
  ["jongere", "jongeren", "jongvolwassene", "jongvolwassenen", "jeugdige", "jeugdigen", "tiener", "tieners"],
  ["kind", "kinderen", "kids"],
  ["gezin", "gezinnen", "huishouden", "huishoudens", "familie", "families"],
  ["professional", "professionals", "medewerker", "medewerkers", "hulpverlener", "hulpverleners", "consulent", "consulenten", "uitvoerder", "uitvoerders", "werker", "werkers"],
  ["aanspreekpunt", "aanspreekpunten", "contactpersoon", "contactpersonen", "regisseur", "regisseurs", "casusregie", "coördinator", "coordinator", "vertrouwenspersoon"],
  ["leidinggevende", "leidinggevenden", "manager", "managers", "management", "teamleider", "teamleiders"],
  ["raad", "gemeenteraad", "raadsleden", "raadslid"],
  ["mantelzorger", "mantelzorgers", "mantelzorg"],
  ["aanbieder", "aanbieders", "zorgaanbieder", "zorgaanbieders", "zorgverlener", "zorgverleners", "leverancier", "leveranciers"],
  // mandate, rules, deviating
  ["mandaat", "mandaten", "bevoegdheid", "bevoegdheden", "handelingsruimte", "beslisruimte", "zeggenschap"],
  ["regel", "regels", "regeltje", "regeltjes", "regelgeving", "regeling", "regelingen", "voorschrift", "voorschriften", "beleidsregel", "beleidsregels", "procedure", "procedures", "protocol", "protocollen"],
  ["afwijken", "afwijking", "afwijkingen", "afwijkt", "afgeweken", "uitzondering", "uitzonderingen", "uitzonderlijk", "uitzonderlijke"],
  ["toestemming", "instemming", "goedkeuring", "handtekening", "handtekeningen", "akkoord", "fiat"],
  ["verantwoorden", "verantwoording", "verantwoordt", "rekenschap"],
  ["besluit", "besluiten", "beslissing", "beslissingen", "beslissen", "beslist", "besluit", "beschikking", "beschikkingen"],
  ["doorbraak", "doorbraakteam", "doorbraaktafel", "doorzettingsmacht", "escalatie", "escaleren", "escaleert", "knoop"],
  ["vastlopen", "vastgelopen", "vastloopt", "vastzit", "vastzitten", "vastgelopen", "klem", "impasse"],
  ["motivering", "motiveren", "gemotiveerd", "onderbouwing", "onderbouwen", "onderbouwd", "onderbouwde", "uitleg", "uitleggen", "uitlegbaar"],
  ["begrijpelijk", "begrijpelijke", "begrijpen", "begrijp", "begrijpt", "eenvoudig", "eenvoudige", "simpel", "simpele", "helder", "heldere", "duidelijk", "duidelijke", "b1", "jargon"],
  ["gelijk", "gelijke", "vergelijkbaar", "vergelijkbare", "consistent", "consistente", "consistentie", "willekeur", "rechtsgelijkheid", "rechtsongelijkheid"],
  ["casus", "casussen", "situatie", "situaties", "geval", "gevallen"],
  ["hardheidsclausule", "hardheidsclausules", "evenredigheid", "evenredigheidsbeginsel", "onevenredig", "onevenredige"],
  // time and speed
  ["snel", "snelle", "sneller", "vlot", "vlotte", "spoedig", "spoedige", "direct", "directe", "meteen", "onmiddellijk", "onmiddellijke", "gauw"],
  ["wachtlijst", "wachtlijsten", "wachttijd", "wachttijden", "wachten", "wacht"],
  ["acuut", "acute", "crisis", "crises", "spoed", "noodsituatie", "noodsituaties", "nood", "noodgeval"],
  ["achttien", "18", "achttiende", "meerderjarig", "meerderjarige", "volwassen", "volwassenheid", "volwassene", "volwassenen"],
  ["zestien", "16", "zestiende"],
  // money
  ["budget", "budgetten", "geld", "pot", "potje", "potjes", "financiering", "middelen", "bedrag", "bedragen", "fonds"],
  ["begroting", "begrotingen", "uitgaven", "overschrijding", "overschrijden"],
  ["gratis", "kosteloos", "kosteloze"],
  ["schot", "schotten", "ontschot", "ontschotte", "ontschotten", "opgeknipt", "opknippen"],
  ["inkomen", "inkomens", "inkomsten", "uitkering", "uitkeringen", "bijstandsuitkering", "loon"],
  ["schuld", "schulden", "betalingsachterstand", "betalingsachterstanden", "achterstand", "achterstanden"],
  ["boete", "boetes", "sanctie", "sancties", "terugvordering", "terugvorderingen", "terugvorderen", "teruggevorderd"],
  ["korting", "gekort", "korten", "verlaagd", "omlaag"],
  // trust and treatment
  ["vertrouwen", "vertrouwt"],
  ["wantrouwen", "argwaan", "verdachte", "verdacht", "fraudeur", "fraudeurs", "achterdocht"],
  ["respectvol", "respectvolle", "respect", "vriendelijk", "vriendelijke", "menselijk", "menselijke", "menswaardig", "fatsoenlijk", "bejegening", "bejegenen"],
  ["meebeslissen", "meebeslist", "meedenken", "meedenkt", "meepraten", "inspraak", "medezeggenschap"],
  ["regie", "zelfbeschikking"],
  ["klacht", "klachten", "signaal", "signalen", "melding", "meldingen"],
  ["bezwaar", "bezwaren", "bezwaarprocedure"],
  ["cliëntondersteuning", "clientondersteuning", "cliëntondersteuner", "clientondersteuner", "cliëntondersteuners"],
  // work and workload
  ["werkdruk", "caseload", "werklast", "werkbaar", "werkbare"],
  ["ruggensteun", "rugdekking", "steun", "dekking", "backing"],
  ["overbelasting", "overbelaste", "belasting", "bezwijken", "bezwijkt", "ontlasten", "ontlasting", "uitgeput", "opbranden"],
  ["registratie", "registreren", "registratielast", "administratie", "administratieve", "administratief", "papierwerk", "formulier", "formulieren", "bureaucratie"],
  ["schrappen", "schrap", "afschaffen", "afgeschaft", "opschonen", "overbodig", "overbodige", "onnodig", "onnodige", "weghalen"],
  ["aanpassen", "aanpassing", "aanpassingen", "veranderen", "verandering", "wijzigen", "wijziging", "bijstellen", "herzien", "verbeteren", "verbetering"],
  ["patroon", "patronen", "terugkerend", "terugkerende", "structureel", "structurele"],
  ["leren", "lessen", "leert", "evalueren", "evaluatie", "geëvalueerd"],
  ["rapporteren", "rapporteert", "rapportage", "rapportages", "informeren", "geïnformeerd", "overzicht", "overzichten", "monitor", "monitoren", "monitoring"],
  ["indicator", "indicatoren", "meten", "meting", "metingen", "meetbaar", "gemeten", "kpi", "cijfers"],
  ["samenhang", "afstemmen", "afgestemd", "afstemming", "integraal", "integrale", "samenwerken", "samenwerking", "gezamenlijk", "gezamenlijke"],
  // living, work, meedoen
  ["woonplek", "woonplekken", "woning", "woningen", "huisvesting", "woonruimte", "kamer", "onderdak", "wonen", "woonplaats"],
  ["opvang", "nachtopvang", "noodopvang", "dakloos", "dakloze", "daklozen", "dakloosheid", "thuisloos", "thuisloze", "thuislozen"],
  ["werk", "baan", "banen", "werken", "arbeid"],
  ["thuis", "keukentafel", "huisbezoek", "huisbezoeken"],
  ["plan", "plannen", "toekomstplan", "perspectiefplan", "ondersteuningsplan", "gezinsplan"],
  ["sport", "sporten", "cultuur", "muziekles", "zwemles", "vereniging"],
  ["vervoer", "vervoersvoorziening", "taxi", "regiotaxi"],
  ["jeugdhulp", "jeugdzorg"],
  ["school", "scholen", "onderwijs"],
  ["borg", "waarborgsom"],
  ["bijverdienen", "bijverdient", "vrijlating", "vrijlaten", "loont"],
  ["periodiek", "jaarlijks", "jaarlijkse", "halfjaar", "halfjaarlijks", "kwartaal", "kwartaalrapportage"],
  ["pgb", "pgb's", "persoonsgebonden"],
  ["kantoortijd", "kantoortijden", "avond", "avonden", "avonds", "weekend", "weekenden", "nacht"],
  ["toegang", "toegankelijk", "toegankelijke", "laagdrempelig", "laagdrempelige", "binnenlopen", "inloop"],
];

/** Concepts that are close: a match between them counts for RELATED_CREDIT of a full match. */
export const RELATED: readonly (readonly string[])[] = [
  ["aanspreekpunt", "loket"],
  ["regel", "verordening", "norm", "hardheidsclausule"],
  ["afwijken", "hardheidsclausule"],
  ["mandaat", "afwijken"],
  ["motivering", "begrijpelijk"],
  ["motivering", "verantwoorden"],
  ["regie", "meebeslissen"],
  ["inkomen", "bijstand"],
  ["korting", "boete"],
  ["begroting", "budget"],
  ["doorbraak", "vastlopen"],
  ["werkdruk", "tijd"],
  ["overbelasting", "mantelzorger"],
  ["jongere", "kind"],
  ["klacht", "rapporteren"],
  ["achttien", "overgang"],
  ["vastlopen", "knelpunt", "complex"],
  ["klacht", "knelpunt"],
  ["regel", "beleid"],
  ["mantelzorger", "partner"],
];
export const RELATED_CREDIT = 0.6;

/** Fixed expressions, as regular expressions on folded text, and the word they stand for. */
export const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bknoop (?:\w+ )?door/g, " doorbraak "],
  [/\bkastje naar de muur\b/g, " loket "],
  [/\bzonder mij\b/g, " meebeslissen "],
  [/\b(?:aan|om) (?:de )?tafel\b/g, " meebeslissen "],
  [/\bover (?:mijn|zijn|haar|hun|ons) hoofd\b/g, " meebeslissen "],
  [/\bgoed bedoel\w*/g, " vertrouwen "],
  [/\bop straat\b/g, " opvang "],
  [/\bniet (?:mee )?eens\b/g, " bezwaar "],
  [/\bgewone taal\b/g, " begrijpelijk "],
  [/\beigen regie\b/g, " regie "],
  [/\bzelf (?:blijven )?bepalen\b/g, " regie "],
  [/\bachter (?:me|mij|hen|ze|haar|hem) staa?t?\b/g, " ruggensteun "],
  [/\b(?:dossiers|huishoudens|casussen|clienten|gezinnen|inwoners) per (?:persoon|professional|medewerker|consulent|hulpverlener)\b/g, " werkdruk "],
  [/\b(?:dezelfde|vergelijkbare) (?:situatie|omstandigheden)\b/g, " gelijk casus "],
  [/\belk(?:e)? jaar\b/g, " periodiek "],
  [/\bzelf(?:standig)? (?:mogen |kunnen )?(?:beslissen|besluiten|beslist|besluit)\b/g, " mandaat "],
  [/\b(?:twee|drie|vier) keer per jaar\b/g, " periodiek "],
];
