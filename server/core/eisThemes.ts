/**
 * The requirements a programma van eisen for maatwerk in the sociaal domein keeps coming back to, and the many ways
 * Dutch civil servants and inwoners say them: the concept layer of the duplicate suggestions
 * (server/core/suggestions.ts). Two eisen that share no word ("Praat niet over mij zonder mij", "De jongere zit zelf
 * aan tafel bij elk overleg") still ask for the same thing when they name the same requirement.
 *
 * Written from the domain sources, not from labelled pairs: the PvE categories and example eisen of DOMAIN.md, the
 * cases of CASES.md, the seeds (Omgekeerde Toets, Doorbraak Gestoorde Patronen, handelingsperspectief, omgekeerde
 * verordening), the role briefings, wishes and fears of the four shipped scenarios and the bots' texts.
 *
 * Each theme is one requirement ("one vast aanspreekpunt", "the burger at the table"), never a topic alone: themes
 * that only name a subject ("vervoer", "wonen", "18 jaar") carry a small weight (TOPIC), so two eisen about one
 * subject that ask for different things are not pulled together by it. A cue is a regular expression on the folded
 * text (lower case, no diacritics, "één" written as "1"), or several that must all occur; a cue may stand for the
 * theme only in part (strength < 1), e.g. "vastgelopen casus" for the doorbraak, which it also names when the eis is
 * about learning from such cases.
 */

export interface Cue {
  /** All of these must match the folded text. */
  all: readonly RegExp[];
  /** None of these may match it. */
  none?: readonly RegExp[];
  /** How surely the cue names the theme, 0..1. */
  strength: number;
}

export interface Theme {
  id: string;
  /** Weight in the pair score: REQUIREMENT for a requirement, TOPIC for a subject only. */
  weight: number;
  cues: readonly Cue[];
}

/** A theme that is a requirement of its own. */
export const REQUIREMENT = 1;
/** A requirement that is mostly said of another one ("binnen twee weken"): it counts for half. */
export const ASPECT = 0.5;
/** A theme that only names a subject; it adds a little where the requirement is the same. */
export const TOPIC = 0.35;

function cue(...all: RegExp[]): Cue {
  return { all, strength: 1 };
}
function weak(strength: number, ...all: RegExp[]): Cue {
  return { all, strength };
}
/** `cue` that does not count when `none` matches. */
function unless(none: RegExp, strength: number, ...all: RegExp[]): Cue {
  return { all, none: [none], strength };
}
function theme(id: string, weight: number, ...cues: Cue[]): Theme {
  return { id, weight, cues };
}

// Word pieces used in several cues (folded text).
const PERSON = "(?:klantmanager|werkconsulent|jeugdconsulent|wmo-consulent|schuldhulpverlener|aanspreekpunt|contactpersoon|contactpersonen|hulpverlener|consulent|regisseur|casusregisseur|begeleider|coach|jongerencoach|persoon|zorgcoordinator|coordinator|casusmanager|trajectbegeleider|gezinscoach|vertrouwenspersoon|iemand|mens|ambtenaar|buddy|maatje)";
const PRO = "(?:professional|professionals|wijkteamprofessional|wijkteamprofessionals|medewerker|medewerkers|wijkteammedewerker|wijkteammedewerkers|consulent|consulenten|hulpverlener|hulpverleners|uitvoerder|uitvoerders|wijkteam|wijkteams|jongerencoach|klantmanager|klantmanagers|wijkprofessional|wijkprofessionals)";
const WEEKS = "(?:\\d+|1|een|twee|drie|vier|vijf|zes|zeven|acht|tien|veertien)";

export const THEMES: readonly Theme[] = [
  // ---- Werkproces: one person, one plan, one entrance
  theme(
    "aanspreekpunt",
    REQUIREMENT,
    unless(/\baanspreekpunt\b.*\bvoor (?:professionals|medewerkers|collega's|consulenten)\b/, 1, /\baanspreekpunt/),
    cue(/\bcontactperso/),
    cue(/\bcasusregi/),
    cue(/\b(?:1|vaste?) regisseur/),
    cue(/\bregisseur (?:die|met|voor)\b/),
    cue(new RegExp(`\\b(?:1|vaste?) (?:vaste? )?${PERSON}`)),
    cue(new RegExp(`\\bdezelfde ${PERSON}`)),
    cue(new RegExp(`\\b(?:steeds|telkens|elke keer|iedere keer)(?: weer)? (?:een |met een )?(?:nieuwe|andere) ${PERSON}`)),
    cue(new RegExp(`\\bwisselende ${PERSON}`)),
    cue(/\b(?:die|dat) (?:mij|me|hem|haar|hen|ons|de jongere|het gezin|de inwoner|het huishouden)(?: al| goed)? kent\b/),
    cue(/\b(?:hele|volledige) (?:verhaal|situatie) kent\b/),
    cue(/\b(?:het )?overzicht (?:houdt|heeft|bewaakt|bewaart|houden)\b/),
    cue(/\bhet geheel (?:overziet|overzien|overzie)\b/),
    cue(/\b(?:1|een) (?:vast )?gezicht\b|\b(?:hetzelfde|vertrouwd|vertrouwde|bekend|bekende) gezicht\b|\bvertrouwde (?:hulpverlener|begeleider|persoon|consulent)\b/),
    cue(/\b(?:regievoerder|regiehouder|casushouder|spin in het web|vast contact|1 (?:vast )?contact)\b/),
    cue(/\bregie (?:\w+ )?(?:over|op) (?:1 plan|alle hulp|het geheel|de hulp|het gezin|het huishouden|de casus)\b/),
    cue(/\bniet (?:steeds|telkens|elke keer) (?:een )?(?:ander|andere|nieuwe)\b/),
    weak(0.6, /\b(?:alles|het geheel|de hulp) (?:coordineert|coordineren|regisseert)\b/),
  ),
  theme(
    "loket",
    REQUIREMENT,
    cue(/\b1 (?:loket|toegang|ingang|adres|telefoonnummer|portaal|plek|deur|voordeur)\b/),
    cue(/\bmet (?:al )?(?:mijn|hun|zijn|haar|je|onze|alle) (?:vragen|problemen|zorgen)\b/, /\b(?:terecht|terechtkan|terechtkunnen|bij 1)\b/),
    cue(/\balle vragen\b/, /\b1 (?:loket|toegang|plek|ingang)\b/),
    cue(/\bniet (?:meer )?(?:langs|naar) (?:allerlei|verschillende|meerdere|vier|drie|twee) (?:loketten|instanties|afdelingen)\b/),
    cue(/\b(?:naar|langs) (?:een |steeds een )?(?:ander|andere|nieuw|nieuwe|apart|aparte) (?:loket|loketten|balie|afdeling|instantie)\b/),
  ),
  theme(
    "verhaal-een-keer",
    REQUIREMENT,
    cue(/\bverhaal\b/, /\b(?:1|een|twee) keer\b|\bopnieuw\b|\bnog een keer\b|\bsteeds weer\b|\bherhalen\b|\btelkens\b|\bapart\b|\boveral\b|\bbij (?:elk|elke|iedere?) (?:loket|instantie|hulpverlener|afdeling)\b/),
    cue(/\b(?:gegevens|informatie|papieren)\b/, /\b(?:maar )?1 keer (?:aanleveren|invullen|geven|vertellen)\b/),
    cue(/\b(?:loonstrook|loonstroken|bankafschrift\w*|papieren|documenten|bewijsstukken|gegevens|formulier\w*|verhaal)\b/, /\b(?:twee|drie|vier|vijf|tien|zoveel|honderd) keer\b|\b(?:steeds|telkens|elke keer|iedere keer) (?:weer |opnieuw )?(?:\w+ )?(?:opsturen|aanleveren|inleveren|invullen|vertellen|uitleggen|laten zien)\b/),
    cue(/\b(?:wat|gegevens|informatie|papieren|stukken) (?:die )?(?:jullie|de gemeente|we|wij|ze|u) (?:al )?(?:van (?:me|mij|ons) )?(?:al )?(?:hebben|heeft|kennen|kent)\b|\bal (?:\w+ ){0,3}bekend (?:zijn|is)\b/, /\b(?:niet opnieuw|niet nog een keer|nog een keer|opnieuw|nog eens)\b/),
    cue(/\b(?:\w+ )?keer hetzelfde (?:formulier|verhaal|vragen)\b|\b(?:gegevens|informatie) die (?:we|wij|de gemeente|ze) al (?:hebben|heeft|hebt)\b|\bniet (?:steeds |telkens )?opnieuw (?:vragen|invullen|aanleveren|uitleggen)\b/),
  ),
  theme(
    "kastje-muur",
    REQUIREMENT,
    cue(/\bkastje (?:naar|en) (?:de )?muur\b/),
    cue(/\bheen en weer (?:ge)?stuur/),
    cue(/\bvan (?:het ene )?loket naar (?:het andere )?loket\b/),
    cue(/\btussen wal en schip\b/),
    cue(/\bnaar elkaar (?:wijzen|wijst|verwijzen|doorverwijzen)\b/),
    cue(/\b(?:wie|welke afdeling|welk loket|welke wet|welk budget) (?:betaalt|er betaalt|verantwoordelijk is|gaat over|geldt)\b/),
    cue(/\b(?:verrekening|verrekenen|verrekent|regelen wie betaalt)\b/, /\b(?:later|achteraf|daarna|onderling)\b/),
    cue(/\b(?:mag|mogen|zal|zullen) (?:de inwoner|inwoners|de jongere|jongeren|het gezin|de burger|burgers) (?:nooit|niet|niets) (?:van )?merken\b/),
    cue(/\beerst (?:helpen|geholpen|hulp)\b/, /\b(?:daarna|later|achteraf|dan pas)\b/),
    cue(/\b(?:kosten|verdeling|rekening|verrekening|wie betaalt|wie (?:\w+ )?betaalt)\b/, /\b(?:later|achteraf|daarna|nadien)\b/, /\b(?:hulp|helpen|start|begint|geholpen|lost|oplost|oplossen|regelt|regelen)\b/),
    cue(/\b(?:niet uit|maakt niet uit|maakt me niet uit) (?:\w+ ){0,2}(?:welk|welke) (?:potje|pot|budget|wet|afdeling|regeling|loket)\b|\buit welk (?:potje|budget)\b/),
    cue(/\b(?:eindeloze |lange )?(?:discussie|discussies|gedoe|gesteggel|ruzie)\b/, /\b(?:wie betaalt|wie er betaalt|welke afdeling|welk budget|welke wet|tussen afdelingen)\b/),
    weak(0.7, /\bniet (?:steeds |telkens )?(?:doorgestuurd|doorverwezen)\b/),
  ),
  theme(
    "een-plan",
    REQUIREMENT,
    cue(/\b1 (?:gezamenlijk |integraal )?(?:plan|ondersteuningsplan|gezinsplan|hulpplan)\b/),
    cue(/\b(?:gezamenlijk|integraal|samenhangend) (?:plan|ondersteuningsplan|hulpplan)\b/),
    cue(/\bin samenhang\b/),
    cue(/\bintegra(?:al|le|liteit)\b/),
    cue(/\bop elkaar (?:afgestemd|afstemmen|aansluiten|aan)\b/),
    cue(/\b(?:over|voorbij) (?:de )?(?:grenzen van |schotten tussen )?(?:de )?(?:wetten|domeinen|afdelingen|organisaties|loketten|instanties) heen\b/),
    cue(/\b(?:ongeacht|los van) (?:de |welke )?(?:wet|regeling|afdeling|financier)/),
    cue(/\b(?:alles|het allemaal) in 1 keer\b|\b1 aanpak\b|\b(?:losse|aparte) (?:trajecten|plannen|dossiers|hulpverleners)\b|\b(?:loketten|afdelingen|instanties|trajecten) na elkaar\b|\bniet verspreid over\b|\b(?:alle|al mijn|al hun) vragen (?:\w+ ){0,3}in 1 (?:gesprek|keer)\b/),
    cue(/\b(?:in|als|tot) 1 team\b|\bsamen in 1 (?:team|loket)\b/),
    cue(/\bkorte lijnen\b|\bsamen (?:optrekken|op trekken)\b|\btrekken samen op\b/),
    cue(/\b(?:niet|in plaats van) langs elkaar heen\b/),
    cue(/\b1 (?:gezamenlijk |gezamenlijke )?(?:afspraak|gesprek|overleg|bespreking)\b/, /\b(?:alle|betrokken|hulpverleners|instanties|partijen|samen)\b/),
    cue(/\bgezamenlijk (?:gesprek|keukentafelgesprek)\b/),
    cue(/\b(?:vast|structureel|regelmatig|gezamenlijk) overleg\b|\boverleggen structureel\b|\baan 1 tafel\b/),
    weak(0.6, /\bsamenwerk/),
    weak(0.6, /\b(?:niet|geen) (?:\w+ )?(?:dossiers|plannen|trajecten) (?:naast elkaar|die elkaar tegenspreken)\b/),
  ),
  // ---- The inwoner decides along
  theme(
    "regie",
    REQUIREMENT,
    cue(/\bover (?:mij|ons|hen|hem|haar|de jongere|de inwoner|jongeren|inwoners) zonder (?:mij|ons|hen|hem|haar|de jongere|de inwoner|jongeren|inwoners)\b/),
    cue(/\bzonder (?:mij|ons)\b/, /\b(?:praat|praten|beslis|beslissen|besluit|besluiten|overleg)/),
    unless(/\baan 1 tafel\b|\bom tafel (?:roepen|halen|brengen|zetten|krijgen)\b/, 1, /\b(?:aan|om) (?:de )?tafel\b/, /\b(?:zelf|jongere|jongeren|inwoner|inwoners|ouders|burger|gezin|client|ik|mij|we)\b/),
    unless(/\bgemeente\b.*\bmeedenkt\b/, 1, /\bmee ?(?:beslis|beslist|besluit|besluiten|praten|praat|denken|denkt|pra)/),
    cue(/\bmeebeslis/),
    unless(/\b(?:beleid|verordening|beleidsregels|gemeente)\b/, 1, /\b(?:denken|denkt|praten|praat|beslissen|beslist|besluiten|spreken|spreekt) (?:zelf |ook |actief )?mee\b|\binspraak\b/),
    cue(/\bbuiten (?:mij|hem|haar|hen|ons|de jongere|de inwoner|jongeren|inwoners) om\b|\b(?:als|wanneer|zonder dat) (?:ik|hij|zij|de jongere|de inwoner) (?:er (?:zelf )?(?:niet )?bij|(?:zelf )?(?:niet )?erbij) (?:ben|is|zit|zat)\b/),
    cue(/\bover (?:mijn|zijn|haar|hun|ons|het) hoofd(?: heen)?\b/),
    cue(/\beigen regie\b/),
    cue(/\bregie (?:over|houden|houdt|bij|blijft|ligt)\b/),
    cue(/\bzelf (?:blijven |kunnen |mogen )?(?:bepalen|beslissen|kiezen) (?:hoe|wat|over (?:mijn|zijn|haar|hun|het eigen))\b/),
    cue(/\bzelfbeschikking/),
    cue(/\b(?:stem|mening|wensen) van (?:de )?(?:jongere|inwoner|burger|client|ouders|kind)\w* (?:telt|tellen|is|zijn|weegt|wegen|staat|staan)\b/),
    cue(/\b(?:gehoord|serieus genomen) (?:worden|wordt)\b/),
    cue(/\b(?:in )?samenspraak met (?:de )?(?:jongere|inwoner|burger|client|ouders|gezin)/),
    weak(0.7, /\bniets over (?:mij|ons)\b/),
    unless(/\bzeggenschap over (?:de |alle )?(?:betrokken )?(?:afdelingen|partijen|instanties|organisaties|domeinen)\b|\bregisseur\b/, 1, /\bzeggenschap\b/),
    cue(/\b(?:naar (?:mij|me|ons|hem|haar|de jongere|de inwoner) (?:wordt |worden )?(?:geluisterd|luisteren|luistert))\b|\bgeen (?:dossier|nummer)\b/),
    cue(/\b(?:schrijft|schrijven|maakt|maken|werkt|werken|denkt|denken) (?:zelf )?mee aan (?:zijn |haar |hun |het |mijn )?(?:eigen )?(?:plan|toekomstplan|ondersteuningsplan|perspectiefplan)\b/),
    cue(/\bregisseur van (?:hun|zijn|haar|mijn|het|de) (?:eigen )?(?:hulp|leven|plan|ondersteuning|zorg)\b/),
    cue(/\b(?:vragen|vraagt|gevraagd|vraag) (?:\w+ )?wat (?:ik|de inwoner|de jongere|hij|zij|iemand|ze|inwoners|jongeren) (?:zelf )?(?:wil|willen|wilt)\b/),
    cue(/\b(?:met|tegen) (?:mij|ons|hem|haar|hen|de inwoner|de jongere|inwoners|jongeren),? (?:en )?niet over (?:mij|ons|hem|haar|hen)\b/),
    cue(/\b(?:met|tegen) (?:mij|ons|de inwoner|de jongere|inwoners|jongeren) (?:praten|spreken|in gesprek) in plaats van over\b|\bin plaats van over (?:mij|ons|hen)\b/),
    cue(/\b(?:aanwezig|erbij|uitgenodigd|zit|zitten) (?:\w+ )?(?:bij|voor) (?:elk|ieder|het|alle) (?:overleg|gesprek|gesprekken|besprekingen)\b/),
    cue(/\bde (?:inwoner|jongere|burger|client) (?:bepaalt|beslist|kiest)\b/),
    cue(/\b(?:inwoner|jongere|burger|client|ouders|gezin|ik) (?:heeft|hebben|houdt|houden|heb|krijgt) het laatste woord\b/),
    cue(/\bsamen met (?:de |het )?(?:inwoner|jongere|burger|client|gezin|ouders)\b.*\bniet (?:voor|over) (?:hem|haar|hen|hun hoofd)\b/),
    cue(/\b(?:bij|in) (?:elk|ieder|het|alle) (?:overleg|gesprek|gesprekken|besprekingen)\b.*\b(?:aanwezig|erbij|aan tafel)\b/),
    cue(/\bsamen met (?:de |het |mij|ons|hen)(?:inwoner|jongere|burger|client|gezin|ouders)?\b.*\b(?:genomen|beslist|besloten|bepaald|beslissen|besluiten)\b/),
    cue(/\b(?:wensen|stem) van de (?:inwoner|jongere|burger|client)\w* (?:staan |staat )?(?:centraal|voorop)\b/),
  ),
  theme(
    "keuzevrijheid",
    REQUIREMENT,
    cue(/\bkeuzevrijheid|\bzelf (?:kunnen |mogen )?(?:kiezen|uitkiezen) (?:wie|welke|uit|tussen|hun|zijn|haar|mijn|een)\b|\beigen (?:zorgverlener|aanbieder|hulpverlener) (?:kiezen|uitkiezen)\b/),
  ),
  theme(
    "inspraak-beleid",
    REQUIREMENT,
    cue(/\b(?:beleid|verordening|beleidsregels|regels)\b/, /\b(?:samen met (?:inwoners|de inwoners|burgers|ervaringsdeskundigen|clienten|jongeren)|met de mensen om wie het gaat|co-?creatie)\b/),
    cue(/\bervaringsdeskund/),
    cue(/\b(?:jongerenraad|adviesraad|clientenraad|participatieraad|burgerpanel|inwonerspanel)\b/),
    cue(/\b(?:betrokken|betrekken|meedenken|meepraten|denken mee|praten mee|meebeslissen)\b/, /\b(?:beleid|verordening|beleidsregels|regels)\b/),
    cue(/\bomgekeerde verordening\b/),
  ),
  // ---- Mandaat and room for the professional
  theme(
    "mandaat",
    REQUIREMENT,
    unless(/\biemand met (?:\w+ )?mandaat over\b|\bbuiten (?:het|zijn|haar|hun) mandaat\b/, 1, /\bmanda(?:at|te)|\bgemandateerd|\bondermandat/),
    cue(/\b(?:handelingsruimte|beslisruimte|beslisbevoegdheid|bevoegdheid|bevoegdheden|handelingsvrijheid|speelruimte|doorzettingskracht)\b/),
    cue(/\bzelf(?:standig)? (?:mag |mogen |kan |kunnen |laten )?(?:beslissen|besluiten|toekennen|inzetten|bepalen wat|regelen|knopen doorhakken)\b/, new RegExp(`\\b${PRO}\\b|\\bik\\b|\\bwe\\b`)),
    cue(/\b(?:beslist|besluit|beslissen|besluiten|kent|kennen) (?:zelf|zelfstandig)\b(?! mee\b)/),
    unless(/\b(?:gegevens|informatie|privacy|dossier|delen|gedeeld)\b/, 1, /\bzonder (?:tussenkomst|toestemming|goedkeuring|akkoord|handtekening|fiat)\b/),
    cue(/\b(?:twee|drie|vier|meerdere|drie) (?:handtekeningen|parafen|lagen)\b/),
    cue(/\bop (?:mijn|zijn|het|haar|ons) bureau (?:belandt|komt|komen|belanden|terechtkomt)\b/),
    cue(/\bruimte (?:voor|om|krijgen|hebben|geven|krijgt|heeft)\b/, new RegExp(`\\b${PRO}\\b|\\b(?:ik|mij|me|zelf)\\b`)),
    cue(/\b(?:mag|mogen) (?:\w+ )?(?:zelf|zelfstandig)\b/),
    cue(/\btot (?:een )?(?:vast|vastgesteld|bepaald|maximaal|zeker) bedrag\b|\bbinnen een (?:financieel |vast )?(?:plafond|maximum)\b/, /\bzelf|\bmanda|\bbevoegd|\btoekennen\b|\bbeslissen\b/),
    cue(/\bwie (?:wat|waarover|waar over|er) (?:mag |mogen |kan )?(?:beslissen|besluiten|beslist|besluit)\b|\bwie (?:mag|mogen) (?:beslissen|besluiten)\b/),
    unless(/\b(?:gegevens|informatie|privacy|dossier|delen|gedeeld)\b/, 0.8, /\b(?:toestemming|goedkeuring|handtekening|handtekeningen|akkoord|paraaf)\b/, /\b(?:niet|geen|zonder)\b/),
    cue(/\bvrijheid (?:om|voor|krijgen|hebben)\b/),
    weak(0.8, /\bdurv\w* (?:\w+ )?afwijk|\bafwijk\w* (?:\w+ ){0,4}normaal\b|\bruimte (?:nemen|pakken)\b/),
    cue(/\b(?:professionele ruimte|beslissingsbevoegdheid|tekenbevoegdheid|budgetbevoegdheid|beslisbevoegd)\b/),
    cue(/\bniet (?:\w+ )?(?:voor alles|steeds|telkens|elke keer) (?:om )?(?:toestemming|goedkeuring|een handtekening)\b/),
    cue(/\bzonder (?:eerst )?(?:naar|langs) (?:de |mijn |hun |zijn )?(?:teamleider|leidinggevende|manager|afdeling)\b/),
    cue(/\bzonder\b.*\b(?:management|teamleider|leidinggevende|manager|directeur|afdeling)\b/, /\b(?:afwijk\w*|beslis\w*|besluit\w*|toekennen|inzetten|regelen)\b/),
    weak(0.6, /\b(?:ruimte|vrijheid)\b/, /\bafwijk/),
    weak(0.8, /\bruimte\b.*\bafwijk|\bafwijk\w*\b.*\bruimte\b/, new RegExp(`\\b${PRO}\\b|\\b(?:hij|zij|ik|we)\\b`)),
  ),
  theme(
    "achteraf-verantwoorden",
    REQUIREMENT,
    cue(/\bachteraf\b/, /\bverantwoord|\brekenschap|\btoets|\bcontrole|\bverantwoording|\buitleg|\buit(?:te )?leggen|\bleggen\b.*\buit\b|\bmotiver/),
    cue(/\b(?:daarna|later|nadien|achteraf) (?:pas )?(?:verantwoorden|verantwoording|uitleggen|rekenschap)\b/),
    cue(/\bin plaats van (?:\w+ )?vooraf\b/),
    cue(/\bniet (?:\w+ )?vooraf (?:toestemming|goedkeuring|akkoord)\b/),
    cue(/\bvooraf (?:om )?(?:toestemming|goedkeuring)\b/),
  ),
  theme(
    "afwijking-vastleggen",
    REQUIREMENT,
    cue(/\b(?:afwijk|afgeweken|afwe(?:e)?k|uitzondering)/, /\b(?:vastgelegd|vastleggen|vastlegt|dossier|register|registreren|geregistreerd|waarom|reden|gemeld|melden|meldt)/),
    unless(/\bgemotiveerd\w* (?:af|uitzonder)|\bgemotiveerde (?:afw|uitz)/, 1, /\b(?:afwijk|afgeweken|afwe(?:e)?k|uitzondering)/, /\b(?:motiver|gemotiveerd|onderbouw)/),
    cue(/\bmaatwerkregister/),
    cue(/\bregister\b|\bgeregistreerd\b|\bbijgehouden\b/, /\b(?:maatwerk\w*|afwijk\w*|afgeweken|uitzondering\w*)\b/),
  ),
  theme(
    "hardheidsclausule",
    REQUIREMENT,
    cue(/\bhardheidsclausule/),
    cue(/\b(?:richtlijn|vuistregel),? (?:en )?geen (?:harde )?(?:grens|norm|regel)\b/),
    unless(/\bniet alleen in (?:uitzonderlijke|bijzondere)\b/, 1, /\bin (?:uitzonderlijke|bijzondere|schrijnende) (?:gevallen|situaties)\b/),
    cue(/\b(?:regels?|beleidsregels?|verordening\w*|normen?|norm)\b/, /\bafwijk\w*(?: van (?:de |het |een )?\w+)? (?:mag|mogen|kan|kunnen|moet kunnen|is toegestaan)\b|\bmag (?:worden )?afgeweken\b|\bkan worden afgeweken\b/),
    cue(/\bevenredig|\bproportioneel|\bonevenredig|\bdisproportioneel|\bin (?:redelijke )?verhouding (?:staat|staan|tot|is)\b/),
    cue(/\bonbillijk|\bbuiten (?:alle |redelijke )?verhouding\b|\bniet in verhouding\b|\b(?:harder|zwaarder) (?:\w+ )?(?:raakt|uitpakt|treft|uitvalt) dan (?:redelijk|nodig|bedoeld)\b|\bgeen automatisme\b/),
  ),
  theme(
    "grondslag",
    REQUIREMENT,
    cue(/\b(?:wettelijke |juridische )?grondslag/),
    unless(/\brechtmatigheidsverantwoording/, 1, /\brechtmatig/),
    unless(/\bpersonen\b|\bniet (?:\w+ ){0,3}herleidbaar\b|\banonim/, 1, /\bherleidbaar\b/),
    cue(/\brechtsgrond|\bwelke (?:bepaling|regel|wet|wetsartikel) (?:\w+ ){0,2}(?:toestaat|toelaat|het toestaat)\b/),
    cue(/\bbinnen de (?:wet|kaders van de wet|wettelijke kaders)\b/),
    cue(/\bterug te voeren (?:zijn )?op\b/),
    cue(/\b(?:juridische|wettelijke) (?:basis|onderbouwing)\b|\bbasis in de wet\b/),
  ),
  theme(
    "ruggensteun",
    REQUIREMENT,
    cue(/\b(?:ruggensteun|rugdekking|backing)\b/),
    cue(/\b(?:staat|staan|stelt|stellen) (?:\w+ ){0,3}achter (?:de |hun |haar |zijn |mijn )?(?:professional|professionals|medewerker|medewerkers|mensen|mij|me|ons|hen|hem|haar)\b/),
    cue(/\bachter (?:onze |hun |de |zijn |haar |mijn )?(?:mensen|professionals|medewerkers|consulenten|collega'?s) (?:\w+ )?(?:gaan |blijven )?staan\b|\b(?:neem|neemt|nemen) (?:\w+ ){0,5}voor (?:mijn|onze|hun|zijn|haar) (?:mensen|medewerkers|professionals) op\b|\b(?:ook als|toch) (?:\w+ ){0,5}(?:verkeerd|slecht|fout|mis) (?:afloopt|afliep|gaat|loopt|uitpakt)\b/),
    cue(/\bachter (?:professionals|medewerkers|de professional|de medewerker|hun mensen|mij|me)\b|\bachter (?:de |hun |zijn |haar )?(?:keuzes|beslissingen|besluiten|afwijkingen) van\b/),
    cue(/\bgesteund\b|\bsteunt\b|\bsteunen\b|\bgedekt\b|\bdekken\b|\bdekt\b/),
    cue(/\bsteun (?:van|vanuit|door) (?:de |hun |zijn |haar )?(?:organisatie|leidinggevende|teamleider|management|bestuur|wethouder|directie)/),
    cue(/\b(?:uitkomst|afwijking|besluit) (?:verkeerd uitpakt|tegenvalt|tegen valt|misgaat|slecht uitpakt)\b/),
    weak(0.8, /\b(?:collega|collega's|teamleider|leidinggevende)\b/, /\b(?:bellen|sparren|overleggen|terugvallen|twijfel|twijfelt|lastig|lastige)\b/),
    cue(/\baanspreekpunt\b.*\bvoor (?:professionals|medewerkers|collega's|consulenten)\b/),
    cue(/\bniet (?:persoonlijk )?(?:afgerekend|aangesproken|gestraft|de schuld)\b/),
    cue(/\bniet (?:\w+ ){0,3}(?:worden |wordt )?afgerekend\b|\b(?:bestuurlijke|politieke) dekking\b|\bsteun van (?:de |hun |zijn |haar )?leiding\b|\b(?:ongeacht|ook bij) (?:de )?(?:afloop|uitkomst)\b|\b(?:pakt|uitpakt|pakken) (?:\w+ )?(?:verkeerd|slecht|fout) uit\b/),
    cue(/\b(?:fouten|een fout|fouten mogen) (?:mogen|maken mag|is toegestaan)\b|\bveilig (?:om|voelen) (?:af te wijken|te)\b/),
  ),
  theme(
    "werkdruk",
    REQUIREMENT,
    cue(/\b(?:werkdruk|caseload|werklast|werkbaar|werkbare)\b/),
    cue(new RegExp(`\\b(?:dossiers|huishoudens|casussen|clienten|gezinnen|jongeren|inwoners|meldingen|cases) per (?:persoon|professional|medewerker|consulent|hulpverlener|fte|coach)\\b`)),
    cue(/\b(?:te veel|minder|niet meer dan \w+) (?:\w+ )?(?:dossiers|huishoudens|casussen|clienten|gezinnen|jongeren|meldingen)\b/, /\b(?:tegelijk|per|begeleid|tijd)\b/),
    cue(/\b(?:\w+ )?(?:gezinnen|clienten|dossiers|huishoudens|jongeren|casussen|mensen|inwoners) (?:op|in) (?:mijn|zijn|haar|hun|de|onze) (?:lijst|caseload)\b|\btijd (?:voor|met) (?:me|mij|ons|hen|de inwoner|inwoners|het gezin|gezinnen|mensen) (?:hebben|heeft|nemen|neemt)\b|\bmoet tijd voor (?:me|mij|ons|hen) hebben\b|\bna (?:\w+ )?minuten\b.*\bvolgende\b/),
    cue(/\b(?:genoeg|voldoende|meer) tijd (?:voor|om|heb|hebben)\b/, new RegExp(`\\b(?:gesprek|gesprekken|inwoners?|jongeren?|gezinnen|client\\w*|mensen|begeleid)\\b`)),
    cue(/\btijd voor (?:elk|een goed|ieder) gesprek\b/),
    cue(/\b(?:kleinere|lagere|hoge|te hoge|lagere) caseload\b|\bcaseloadnorm\b|\bte veel (?:clienten|huishoudens|dossiers|meldingen|jongeren) tegelijk\b/),
  ),
  theme(
    "minder-administratie",
    REQUIREMENT,
    cue(/\b(?:administrati\w*|registratie\w*|registreren|papierwerk|bureaucratie|registratielast|verantwoordingslast|formulieren)\b/, /\b(?:minder|schrap\w*|verminder\w*|overbodig\w*|onnodig\w*|niet elke|niet alles|geen|lasten|beperken|vereenvoudig\w*|tijd)\b/),
    cue(/\b(?:regeldruk|administratieve last)/),
    cue(/\b(?:alleen|enkel) (?:\w+ ){0,2}(?:bewijsstukken|documenten|gegevens|papieren|stukken)\b (?:\w+ ){0,4}(?:nodig|echt)\b/),
  ),
  theme(
    "regels-schrappen",
    REQUIREMENT,
    cue(/\b(?:regels|regeltjes|voorschriften|beleidsregels|regelgeving|verordening|verordeningen)\b/, /\b(?:schrap\w*|afgeschaft|afschaffen|opschonen|minder|vereenvoudig\w*|overbodig\w*|onnodig\w*|weghalen|wegnemen)\b/),
    cue(/\bminder regel/),
    cue(/\b(?:regels|regelgeving|regeltjes|voorschriften|beleidsregels)\b/, /\b(?:opruimen|ruimen\b.*\bop|eruit|weg met)\b/),
  ),
  // ---- Escalation
  theme(
    "doorbraak",
    REQUIREMENT,
    cue(/\bdoorbraak/),
    cue(/\bdoorzettingsmacht/),
    cue(/\bescal(?:eren|atie|eert|atieroute|eer)/),
    cue(/\bknoop (?:\w+ )?(?:door|doorhakt|doorhakken|doorgehakt)\b|\bknopen (?:\w+ )?(?:door|doorhakken)\b/),
    cue(/\biemand (?:\w+ )?(?:die|met) (?:\w+ )*?(?:beslist|besluit|doorhakt|doorzettingsmacht|knoop|het laatste woord)\b/),
    unless(/\b(?:inwoner|jongere|burger|client|ouders|gezin|ik) (?:heeft|hebben|houdt|houden|heb|krijgt) het laatste woord\b/, 1, /\bhet laatste woord\b/),
    cue(/\b(?:opschalen|opschaling|regietafel|casustafel|maatwerktafel|impasse|patstelling|escalatieladder)\b/),
    cue(/\bwie (?:dan )?(?:de knoop doorhakt|beslist als|het besluit neemt als)\b/),
    cue(/\b(?:functionaris|regisseur|team|tafel|persoon) met (?:de )?(?:bevoegdheid|macht|mandaat) (?:om )?(?:te )?(?:beslissen|besluiten|door te pakken)\b/),
    weak(0.7, /\bnaar elkaar (?:wijzen|wijst)\b/),
    weak(0.7, /\bniemand (?:zich |de )?(?:verantwoordelijk|verantwoordelijkheid|eigenaar)\b/),
    cue(/\bzeggenschap over (?:de |alle )?(?:betrokken )?(?:afdelingen|partijen|instanties|organisaties|domeinen)\b|\b(?:tegelijk )?in beweging (?:zet|zetten|krijgt|krijgen)\b|\bom tafel (?:roepen|halen|krijgen)\b/),
    cue(/\bafdwingen\b|\bdoorpakken\b|\b(?:iedereen|ze|zij|instanties|afdelingen) (?:\w+ )?naar (?:een ander|elkaar|de ander) (?:wijst|wijzen|kijkt|kijken)\b/),
    cue(/\biemand\b.*\bdie (?:wel |\w+ )?(?:kan|mag|durft) (?:beslissen|besluiten|doorpakken|doorhakken)\b/),
    cue(/\biemand met (?:\w+ )?(?:mandaat|bevoegdheid|macht|doorzettingsmacht) over\b/),
    weak(0.6, /\bstilligt|\bstil ligt|\bstilstaat|\bniet verder (?:kom|komt|komen)\b|\bgeen voortgang\b/),
    cue(/\bvastloopt|\bloopt (?:\w+ ){0,3}vast\b|\bvastgelopen|\bvastzit|\bzit (?:\w+ )?vast\b/, /\b(?:beslist|besluit|knoop|knopen|doorhakt|opschalen|escal\w*)\b|\biemand (?:\w+ ){0,3}die\b/),
    weak(0.6, /\b(?:vastgelopen|vastlopende|vastgeraakte|complexe|ingewikkelde) (?:casus|casussen|situatie|situaties|zaken|zaak|gevallen|dossiers)\b|\bloopt (?:een |de )?(?:casus|situatie|zaak) vast\b|\b(?:casus|situatie|zaak) (?:vastloopt|loopt vast)\b/),
    weak(0.6, /\b(?:het niet eens|er niet uit|niet eens) (?:worden|komen|zijn)\b/),
  ),
  // ---- Money
  theme(
    "maatwerkbudget",
    REQUIREMENT,
    cue(/\bmaatwerkbudget/),
    cue(/(?:budget|geld|potje|pot|fonds)\b (?:\w+ ){0,2}(?:voor|om|waaruit|waarmee) (?:\w+ ){0,3}(?:maatwerk\w*|oplossing\w*)\b/),
    cue(/\bmaatwerk ?(?:potje|pot|fonds)\b/),
    cue(/\b(?:budget|potje|pot|fonds|geld)\b/, /\b(?:waaruit|waarmee)\b/, /\b(?:betaal|betaalt|betalen|oplossing|oplossingen|inzetten)\b/),
    cue(/\b(?:potje|pot|fonds|budget|geld) (?:\w+ )?voor (?:\w+ )?(?:oplossingen|onvoorziene|noodgevallen|uitzonderingen|onverwachte)\b/),
    cue(/\bvrij (?:te )?besteedba|\bvrij\w* (?:te besteden )?budget\b/),
    unless(/\bterug/, 1, /\b(?:uitgeven|besteden|inzetten|betalen)\b/, /\b(?:euro|bedrag|bedragen|budget|geld)\b/, /\b(?:direct|meteen|zelf|zonder|klein|kleine|paar)\b/),
    cue(/\b(?<!geen )eigen (?:budget|potje|pot)\b/),
    cue(/\bnoodbetaling|\bnoodfonds|\bnoodpot/),
    unless(/\bterug/, 1, /\b(?:snel|direct|meteen|dezelfde dag|zonder wachten)\b/, /\b(?:betalen|betaald|geld|beschikken|uitbetalen|voorschieten|voorgeschoten)\b/),
    cue(/\b(?:reserveer|reserveren|apart)\b/, /\b(?:budget|geld|bedrag)\b/),
    weak(0.6, /\b(?:oplossingen|oplossing) (?:buiten|die niet in) (?:de )?(?:bestaande )?(?:regeling|regelingen|verordening|standaard)/),
  ),
  theme(
    "binnen-begroting",
    REQUIREMENT,
    cue(/\bbinnen (?:het|de) (?:\w+ )?(?:budget|begroting|budgetten)\b|\bbinnen (?:de )?(?:financiele|budgettaire) kaders?\b/),
    cue(/\boverschrijd|\boverschreden|\bovers?chrijding/),
    cue(/\b(?:kosten|uitgaven)\b/, /\bbeheersbaar|\bin de hand|\bgrip\b|\bbinnen\b|\bplafond|\bbegroot/),
    unless(/\bgeen plafond\b|\bmanda(?:at|te)|\bgemandateerd|\bzelf (?:\w+ ){0,3}(?:beslissen|besluiten|toekennen)\b/, 1, /\bopeneinde|\bbodemloze put\b|\bplafond\b|\bgemaximeerd\b|\bbegrensd\b|\bmaximaal \w+ (?:procent|euro)\b|\bmet een (?:duidelijk |vast )?maximum\b/),
    cue(/\btekort\w* (?:terug|dichten|omlaag|verminderen)/),
  ),
  theme(
    "goedkoopste-oplossing",
    REQUIREMENT,
    cue(/\bgoedkoopst/),
    unless(/\b(?:later|jaren|termijn|op den duur)\b/, 1, /\bgoedkoper\b/),
    cue(/\b(?:niet|nooit) duurder\b/),
    cue(/\bkosten(?:effectief|efficient|bewust)/),
    cue(/\bdoelmatig/),
    cue(/\b(?:laagste|minste|lagere) kosten\b|\bvoordeligst|\bminst (?:kostbare|dure)\b|\bgoedkoop\b|\bgeen dure\b|\bin plaats van (?:een |de )?dure\b/),
  ),
  theme(
    "kosten-op-termijn",
    REQUIREMENT,
    cue(/\b(?:kosten|besparing|besparen|bespaart|kost|duurder|goedkoper|scheelt|voorkomen|voorkomt)\b/, /\b(?:lange termijn|op termijn|later meer|later duurder|straks meer|later bespaart|vervolgkosten|jaren uitkering|later (?:\w+ )?(?:bespaart|voorkomen|voorkomt|scheelt|minder|duurder|meer)|over (?:een paar|enkele) jaar|jaren (?:ellende|uitkering|bijstand))\b/),
    cue(/\bvervolgkosten\b|\b(?:besparing|besparingen) (?:\w+ )?(?:op termijn|later|elders|op een andere)\b|\b(?:reken|rekenen|tellen|weeg|wegen) (?:\w+ ){0,4}(?:mee|bespaart|besparing)\b.*\b(?:later|termijn|bespaart|besparing|uitkering)\b/),
  ),
  theme(
    "ontschotting",
    REQUIREMENT,
    cue(/\bschotten\b|\bontschot/),
    cue(/\bniet per (?:wet|regeling|domein|afdeling) (?:is )?(?:opgeknipt|opgedeeld|verdeeld|gescheiden)\b/),
    cue(/\b1 (?:ontschotte )?(?:pot|budget|potje|financiering)\b/),
    cue(/\b(?:budget|geld|financiering)\w* (?:\w+ )?(?:over|tussen) (?:de )?(?:wetten|domeinen|budgetten)\b/),
  ),
  // ---- Time
  theme(
    "snel-besluit",
    ASPECT,
    cue(new RegExp(`\\b(?:binnen|ten hoogste|hooguit|uiterlijk|maximaal|niet meer dan) (?:${WEEKS}|een paar|enkele) (?:werk)?(?:dagen|dag|weken|week|maand|maanden|uur)\\b`)),
    cue(/\bonverwijld\b|\b(?:maanden|weken|lang) (?:op (?:een |het )?(?:antwoord|besluit|beslissing|reactie) )?(?:hoeven |moeten |te )?wachten\b/),
    cue(/\b(?:beslistermijn|wettelijke termijn|doorlooptijd|afhandeltermijn)\b/),
    cue(/\b(?:snel|sneller|vlot|tijdig|spoedig|op tijd) (?:een )?(?:besluit|beslissing|antwoord|duidelijkheid|beschikking|afgehandeld|beslist|besloten)\b/),
    cue(/\bniet langer dan\b/, /\b(?:wachten|wachtlijst|wachttijd|weken|maanden)\b/),
    cue(/\b(?:wachttijd|wachttijden|wachtlijst|wachtlijsten)\b/, /\b(?:maximaal|hooguit|korter|kort|niet langer|weg|geen|omlaag|terug|binnen)\b/),
    cue(/\bzonder (?:\w+ )?(?:weken|maanden) (?:te )?wachten\b/),
    cue(/\bniet\b.*\b(?:weken|maanden|lang) (?:\w+ )?wachten\b|\b(?:weken|maanden) wachten (?:voordat|tot|op)\b/),
    cue(/\b(?:geen|zonder) lange (?:wachttijd|wachttijden|wachtlijst|wachtlijsten|procedures?)\b/),
    cue(/\bsnel weten\b|\bwaar (?:ik|je|hij|zij|ze|we|inwoners) aan toe (?:ben|is|zijn)\b/),
    cue(/\bsnel (?:duidelijkheid|een reactie|antwoord|bericht)\b|\bop korte termijn (?:een )?(?:besluit|antwoord)\b|\bsnelle (?:beslissing|besluitvorming|afhandeling|reactie|duidelijkheid)\b/),
  ),
  theme(
    "direct-hulp-crisis",
    REQUIREMENT,
    cue(/\b(?:afsluiten|afsluit|afgesloten|afsluiting)\b/, /\b(?:stroom|gas|water|energie)\b/),
    cue(/\b(?:formulier\w*|papieren|documenten|stapel|map)\b (?:\w+ ){0,3}(?:komt|komen) (?:\w+ )?(?:later|daarna|achteraf)\b|\b(?:begint|beginnen|start|starten) met helpen\b|\bbrand (?:\w+ )?blussen\b|\bniet eerst (?:een )?(?:hele )?(?:map|stapel|lijst)\b/),
    cue(/\b(?:acute?|crisis|noodsituatie\w*|spoed\w*|nood)\b/, /\b(?:direct|meteen|onmiddellijk|dezelfde dag|eerst|start|snel|binnen)\b/),
    cue(/\b(?:eerst|direct|meteen) (?:hulp|helpen|geholpen)\b/, /\b(?:later|daarna|achteraf|formeel|papierwerk|aanvraag)\b/),
    cue(/\bpapierwerk (?:later|achteraf|daarna|komt later)\b/),
    cue(/\bnood(?:geval|gevallen|situatie|situaties|budget|betaling|fonds|geld)\b/),
  ),
  // ---- Plain language and reasons
  theme(
    "begrijpelijke-taal",
    REQUIREMENT,
    cue(/\bbegrijpelijk/),
    cue(/\b(?:eenvoudig|gewoon|helder|makkelijk) nederlands\b|\b(?:lezen|volgen) en (?:snappen|begrijpen)\b|\b(?:snap|snappen|snapt)\b/),
    cue(/\b(?:taalniveau )?b1\b/),
    cue(/\b(?:eenvoudige|gewone|heldere|duidelijke|makkelijke|simpele|klare) (?:taal|woorden|brieven|brief)\b/),
    cue(/\b(?:normaal|gewoon|simpel) nederlands\b|\bwetsartikel|\bgeen (?:moeilijke|juridische|ambtelijke|lastige) (?:woorden|taal|zinnen)\b/),
    cue(/\bjargon|\bambtelijke taal|\bambtenarentaal|\bjuridische taal|\bmoeilijke woorden|\bmoeilijke taal|\btaal die (?:ik|je|iedereen|hij|zij|inwoners|mensen) (?:begrijp|snap|kan lezen)/),
    cue(/\b(?:besluit|besluiten|brief|brieven|beschikking|beschikkingen)\b/, /\b(?:begrijp|snap|lezen|leesbaar|te volgen)\w*\b/),
    unless(/\b(?:staat|staan|vermeldt|vermelden|noemt) (?:\w+ )?(?:duidelijk )?(?:hoe|waar|wat|wanneer)\b/, 1, /\b(?:brief|brieven|beschikking|beschikkingen|formulier|formulieren)\b/, /\b(?:duidelijk|duidelijke|helder|heldere|kort|korte|eenvoudig|eenvoudige|simpel|simpele)\b/),
  ),
  theme(
    "uitlegbaar",
    REQUIREMENT,
    unless(/\bzonder dat (?:\w+ ){0,5}uit(?:te )?leggen\b|\bverschillen\b/, 1, /\buitlegbaar|\buit (?:te )?leggen\b|\buitleggen\b|\buitgelegd\b/),
    unless(/\bgemotiveerd\w* (?:af|uitzonder)|\bgemotiveerde (?:afw|uitz)/, 1, /\bmotiver|\bgemotiveerd|\bonderbouw/),
    cue(/\bpubliek\w* (?:kunnen )?(?:verantwoorden|verdedigen|uitleggen)\b/),
    cue(/\boverwegingen (?:die|waarop)\b|\bwaarom (?:het besluit|de beslissing|het) (?:zo is|zo uitvalt|genomen)\b/),
    cue(/\bwaarom (?:wel of niet|iets wel of niet|het besluit)\b/),
    cue(/\b(?:kunnen|kan) (?:verantwoorden|verdedigen)\b/),
  ),
  theme(
    "rechtsgelijkheid",
    REQUIREMENT,
    cue(/\bgelijke (?:gevallen|situaties)\b/),
    cue(/\bgelijk (?:behandel|behandeld|behandelen)/),
    cue(/\b(?:dezelfde|vergelijkbare|gelijke|gelijksoortige) (?:situatie|situaties|omstandigheden|gevallen|aanvragen|zaken|casussen|vragen)\b/, /\b(?:hetzelfde|dezelfde|gelijk|gelijke|zelfde|vergelijkba\w*)\b/),
    cue(/\bgelijke behandeling\b|\bgelijkheid\b/),
    cue(/\bwillekeur/),
    cue(/\brechts(?:on)?gelijkheid/),
    cue(/\bconsisten/),
    cue(/\b(?:ongeacht|wie|welke) (?:\w+ )?(?:hulpverlener|consulent|medewerker|behandelaar) (?:ook is|je treft|je krijgt|het is)\b/),
    cue(/\bafhangen van (?:welke|wie)\b|\bhangt af van (?:welke|wie)\b|\bafhankelijk van (?:welke|wie) (?:consulent|medewerker|hulpverlener|je treft)/),
    cue(/\b(?:hetzelfde|gelijk|dezelfde) (?:antwoord|besluit|uitkomst|behandeling)\b/, /\b(?:iedereen|elke|ieder|wie|ongeacht|dezelfde|gelijke)\b/),
    cue(/\bloterij\b/),
    cue(/\b(?:ander|anderen|buurman|buurvrouw|iemand anders)\b.*\b(?:hetzelfde|dezelfde|vergelijkba\w*|zelfde)\b/),
    cue(/\b(?:buurman|buurvrouw|buren|ander|anderen|iemand anders|de 1)\b.*\bwel\b.*\b(?:ik|wij|we|mij|de ander|de andere) niet\b/),
    cue(/\buit(?:maken|maakt) (?:bij |van )?(?:welke|wie)\b/),
    cue(/\bafhang\w* van (?:de |welke )?(?:consulent|medewerker|hulpverlener|ambtenaar|behandelaar)\b|\btoevallig (?:treft|tegenkomt|krijgt|aan tafel)\b/),
  ),
  theme(
    "heldere-regels",
    REQUIREMENT,
    cue(/\b(?:regels|regel|spelregels|voorwaarden|criteria|afspraken)\b/, /\b(?:duidelijk|duidelijke|helder|heldere|kenbaar|bekend|vindbaar|transparant)\b/),
  ),
  theme(
    "precedent",
    REQUIREMENT,
    cue(/\bprecedent/),
    cue(/\buitzondering\w*\b/, /\b(?:voor iedereen|nieuw recht|iedereen hetzelfde|iedereen (?:\w+ )?(?:vragen|vraagt|beroepen))\b/),
    cue(/\bzich op beroep|\bbeproept|\bop beroepen\b/),
    cue(/\b(?:andere|anderen) (?:\w+ ){0,4}ook (?:kunnen |moeten |mogen )?(?:krijgen|gelden)\b/),
    cue(/\b(?:straks|dan) wil (?:\w+ )?iedereen\b|\b(?:voor wie|wie) (?:dat|dit) (?:\w+ )?(?:ook|verder) (?:\w+ )?geldt\b|\bgeldt (?:dat|dit) (?:dan )?ook voor\b/),
    cue(/\baanspraak (?:\w+ ){0,2}(?:voor|van) (?:anderen|andere inwoners|iedereen)\b|\b(?:anderen|andere inwoners) (?:\w+ ){0,3}(?:aanspraak|recht op|beroepen)\b/),
    cue(/\bwaterbed/),
  ),
  // ---- Treatment and trust
  theme(
    "vertrouwen",
    REQUIREMENT,
    cue(/\b(?:uitgaan van|uit van|vanuit|op basis van|met) vertrouwen\b/),
    cue(/\bvertrouwen (?:als|is het) (?:uitgangspunt|vertrekpunt|basis)\b/),
    cue(/\bwantrouw|\bargwaan|\bachterdocht/),
    cue(/\b(?:als|als een) (?:verdachte|fraudeur|fraudeurs|profiteur)\b/),
    cue(/\bgoede (?:bedoelingen|wil)\b|\b(?:mensen|inwoners|burgers|de inwoner|iemand) (?:\w+ )?eerlijk (?:zijn|is)\b|\beerlijkheid van\b/),
    cue(/\b(?:alsof|als of) (?:ik|hij|zij|we|je|iemand|de inwoner) (?:iets )?(?:verkeerd|fout|crimineel|fraude)\b/),
    cue(/\bals fraude (?:\w+ )?(?:gezien|behandeld|aangemerkt|bestempeld|gezien wordt)\b/),
    cue(/\bhet goed bedoel|\bte goeder trouw\b|\bgoede trouw\b/),
    cue(/\b(?:als|een) (?:fraudeur|verdachte)\b|\bniet (?:als )?(?:verdacht|wantrouwig)/),
    cue(/\b(?:steeds|telkens|altijd) (?:moeten )?bewijzen\b|\bniet\b(?: \w+){0,3} (?:hoeven |moeten )?bewijzen\b|\b(?:niet )?(?:lieg|liegen|liegt)\b/),
    cue(/\bals (?:\w+ )?(?:fraudeur|fraudeurs|verdachte|verdachten|profiteur|profiteurs)\b/),
    weak(0.6, /\bvertrouwen\b/),
    cue(/\bvertrouwen,? (?:en )?(?:niet|geen) (?:controle|wantrouwen|argwaan)\b|\b(?:mij|me|ons|inwoners|de inwoner|hen|mensen) (?:\w+ )?(?:geloven|gelooft|geloofd)\b/),
    cue(/\b(?:geloven|gelooft) (?:we |wij )?(?:de |het verhaal van de )?(?:inwoner|burger|client|aanvrager)|\bwordt geloofd\b|\bop (?:zijn|haar) woord\b/),
  ),
  theme(
    "bejegening",
    REQUIREMENT,
    cue(/\brespect/),
    cue(/\bbejegen/),
    cue(/\bvriendelijk/),
    cue(/\bmenswaardig|\bfatsoenlijk/),
    cue(/\b(?:als (?:een )?gelijke|gelijkwaardig)/),
    cue(/\bserieus (?:genomen|nemen)\b/),
    cue(/\b(?:gemeente|ambtenaren|consulenten|medewerkers)\b.*\b(?:aan (?:mijn|zijn|haar|hun|de) kant|met (?:me|mij|ons|hem|haar|hen) meedenkt|niet tegen (?:me|mij|ons|hem|haar))\b/),
  ),
  theme(
    "clientondersteuning",
    REQUIREMENT,
    cue(/\bclientondersteun/),
    cue(/\bonafhankelijke? (?:ondersteuning|ondersteuner|adviseur|hulp bij)\b/),
    cue(/\b(?:iemand|ondersteuner|hulp|persoon) (?:\w+ ){0,4}(?:die )?niet van de gemeente\b|\bniet (?:aan )?(?:die|de kant) van de gemeente\b/),
    cue(/\biemand naast (?:me|mij|je|zich)\b/, /\b(?:gratis|kosteloos|onafhankelijk\w*|aan (?:mijn|zijn|haar) kant|niet van de gemeente|niks kost|niets kost)\b/),
    cue(/\biemand (?:mee|meenemen|naast (?:je|mij|zich))\b.*\bgesprek\b/),
    cue(/\bonafhankelijk (?:advies|adviseur|ondersteuner)\b/),
    cue(/\biemand\b.*\b(?:meenemen|mee nemen|meebrengen|mee mag|mee te nemen)\b/, /\bgesprek/),
    unless(/\bgemeente\b/, 1, /\baan (?:mijn|zijn|haar|hun|de|jouw) kant (?:staat|staan)\b/),
  ),
  theme(
    "bezwaar-gesprek",
    REQUIREMENT,
    cue(/\bbezwa(?:ar|ren)/, /\b(?:gesprek|bellen|belt|informeel|samen|oplossing|eerst|contact)\b/),
  ),
  theme(
    "geen-sanctie-fout",
    REQUIREMENT,
    cue(/\b(?:kleine|onbedoelde|onbewuste|eerlijke|vergissing|vergissingen|foutje|foutjes)\b/, /\b(?:fout|fouten|vergissing|foutje|foutjes|vergissingen)\b/),
    cue(/\b(?:fout|fouten|foutje|foutjes|vergissing|vergissingen|vergist|vergissen|vergeet|vergeten|per ongeluk|zonder kwade opzet|niet wist|wist niet|niet wisten|goede trouw|onbedoeld\w*|onbewust\w*|schending)\b/, /\b(?:boete|boetes|terugvorder\w*|terugbetal\w*|terug (?:\w+ )?betalen|sanctie\w*|straf\w*|fraude|herstellen|rechtzetten|recht te zetten|schuld|afzien|zien \w+ af)\b/),
    cue(/\bafzien van (?:terugvordering|een boete|sancties)\b|\bvan terugvordering afzien\b/),
    cue(/\b(?:herstelmogelijkheid|recht op herstel|eerst een waarschuwing|fout (?:kunnen |mogen )?herstellen|fouten (?:kunnen |mogen )?herstellen)\b/),
  ),
  theme(
    "handhaving-proportioneel",
    REQUIREMENT,
    cue(/\bhuisbezoek/, /\b(?:onaangekondigd\w*|controle\w*|fraude\w*|geen|alleen|handhav\w*|verdenking)\b/),
    cue(/\bhandhav/, /\b(?:proportione\w*|evenredig\w*|verhouding|alleen|verdenking|aanleiding|mild|coulant|streng\w*|menselijk\w*)\b/),
    weak(0.4, /\bhandhav/),
    cue(/\b(?:controle|controleren|controles)\b/, /\b(?:huis|thuis|verdenking|aanleiding|waarheid|proportioneel|alleen)\b/),
    cue(/\b(?:zomaar|zonder (?:\w+ )?(?:reden|aanleiding))\b/, /\b(?:binnen|kijken|kijkt|thuis|huis|controle\w*|controleren|kastjes|koelkast|huisbezoek\w*)\b/),
    cue(/\bfraudeonderzoek|\bonaangekondigd|\bconcrete aanleiding\b|\bgegronde verdenking\b|\bstreefcijfer/),
  ),
  theme(
    "bedoeling-voorop",
    REQUIREMENT,
    cue(/\beffect (?:dat|wat) (?:de |een )?(?:inwoner|jongere|burger|client|iemand|gezin)/),
    cue(/\bbedoeling (?:van de wet|voorop|centraal)\b|\bvanuit de bedoeling\b|\bomgekeerde toets\b/),
    cue(/\b(?:wat|waar) (?:de )?(?:inwoner|jongere|burger|iemand|mensen|client) (?:echt |zelf )?(?:nodig heeft|nodig hebben|wil bereiken)\b/),
    cue(/\b(?:niet|nooit) (?:bij|vanuit|met) de (?:regeling|regel|regels|wet|voorziening)\b/),
    cue(/\bmenselijke maat\b/),
    cue(/\b(?:regel|regels|systeem|procedure) (?:\w+ )?(?:belangrijker|zwaarder) (?:\w+ )?dan (?:de )?(?:mens|inwoner)\b|\bmens (?:boven|voor) de regel/),
    cue(/\bdoel van de (?:inwoner|jongere|burger)\b/),
    cue(/\bregels?\b.*\b(?:zwaarder|belangrijker)\b/),
    cue(/\bvraag achter de vraag\b|\bniet (?:naar )?wat het systeem\b|\b(?:niet|in plaats van) (?:de |het )?(?:beschikbare |bestaande )?(?:voorziening|aanbod|product|productenboek)\b/),
    weak(0.7, /\b(?:luister\w*|kijk\w*|uitgaan van|beginnen bij|vertrekken vanuit) (?:\w+ ){0,3}wat (?:ik|iemand|de inwoner|de jongere|hij|zij|mensen) (?:echt |zelf )?(?:nodig heb|nodig heeft|nodig hebben|wil|wilt)\b/),
    cue(/\bniet (?:alleen )?(?:naar )?wat (?:er )?in de (?:regeling|regels|wet|verordening|richtlijn) staat\b|\bkijk(?:en)? naar (?:mij|de mens|de persoon|mijn situatie|de situatie van)\b/),
    cue(/\b(?:eerst|beginnen|starten|begint|start)\b.*\bwat (?:iemand|de inwoner|de jongere|mensen|hij|zij) (?:zelf )?(?:wil|nodig heeft)\b|\bpas daarna\b.*\b(?:regels|regeling|wet|voorziening)\b/),
  ),
  theme(
    "naar-behoefte",
    REQUIREMENT,
    unless(/\b(?:standaardpakket|vaste? pakket)\b (?:\w+ ){0,4}(?:blijft|gelijk|de norm)\b/, 1, /\b(?:standaard|vast|vaste)\w* (?:pakket|aantal uren|norm)\b|\bstandaardpakket|\bpassende bijdrage\b|\b(?:aanvullende|extra) uren\b|\b(?:uur|uren) (?:per week )?(?:is |zijn )?niet genoeg\b/),
    cue(/\b(?:naar|op basis van) (?:de )?behoefte\b/),
    cue(/\bafgestemd op (?:de )?(?:situatie|persoon|behoefte)\b/),
    cue(/\bhangt af van wat (?:ik|iemand|de inwoner|hij|zij) nodig\b/),
    weak(0.6, /\bals de situatie (?:daarom|erom) vraagt\b|\bwat (?:er )?nodig is\b|\bmeer uren\b/),
    cue(/\b(?:hulp|zorg|ondersteuning) die (?:ik|hij|zij|iemand|de inwoner|ze|mensen) (?:echt )?nodig (?:heb|heeft|hebben)\b|\b(?:startpunt|ondergrens|vertrekpunt), geen (?:plafond|maximum)\b/),
    weak(0.7, /\bpakket\b/, /\b(?:niet|geen)\b/),
    weak(0.7, /\b(?:budget|kilometers|kilometerbudget|uren|pakket|vervoersbudget|taxibudget)\b/, /\b(?:verhoogd|verhogen|ophogen|opgehoogd|uitbreiden|uitgebreid|aanvullen|aangevuld)\b/),
  ),
  // ---- Learning and accountability upwards
  theme(
    "patronen-beleid",
    REQUIREMENT,
    cue(/\bpatroon|\bpatronen/),
    cue(/\bterugkerend|\bsteeds (?:weer |opnieuw )?(?:op dezelfde manier|hetzelfde|terugkomt|terugkomen)\b(?! (?:gezicht|persoon|nummer|consulent|hulpverlener|contactpersoon|aanspreekpunt|verhaal))|\bsteeds terug/),
    cue(/\b(?:twee|drie|vier|vaak|steeds|telkens) (?:keer )?(?:weer )?(?:dezelfde|hetzelfde soort) (?:uitzondering|afwijking|maatwerk)\b|\bwat (?:steeds|telkens|vaak) (?:weer )?maatwerk\b/),
    cue(/\bsignalen (?:uit|van) (?:de )?(?:uitvoering|praktijk|werkvloer|wijkteams?|professionals)\b/),
    cue(/\bteruggekoppeld|\bterugkoppel/),
    cue(/\b(?:regel|regels|beleidsregel|beleidsregels|norm)\b/, /\b(?:gewijzigd|wijzigingsvoorstel|herschreven|herschrijven|herschrijf|de nieuwe (?:regel|standaard|norm))\b/),
    cue(/\b(?:reeks|opstapel\w*|stapelen|stapelt)\b (?:\w+ ){0,5}(?:casussen|afwijkingen|uitzonderingen|gevallen)\b|\b(?:afwijkingen|uitzonderingen|casussen) (?:\w+ ){0,4}(?:stapelen|opstapelen|stapelt)\b|\buitzondering(?:en)? die (?:we|wij|je) (?:\w+ )?(?:vaak|steeds|telkens) (?:maken|maakt)\b/),
    unless(/\bbetekent niet\b|\bniet automatisch\b|\bvoor iedereen\b/, 1, /\b(?:regel|regels|beleid|voorschriften|beleidsregels?|verordening\w*|standaard|standaardpakket|kader|norm)\b/, /\b(?:aanpass\w*|passen (?:\w+ ){0,4}aan|veranderen|verandert|verbeter\w*|bijstel\w*|bijgesteld|herzien|herzie\w*|wijzigen|aangepast|evalu\w*|geevalueerd)\b/),
    cue(/\bknelpunt/, /\bbeleid|\bregel/),
    cue(/\b(?:regel|regels|beleidsregel|beleidsregels|voorschrift|voorschriften)\b/, /\b(?:knel\w*|niet werkt|niet werken|werkt niet|werken niet|schuren|schuurt|wringen|wringt)\b/),
    weak(0.8, /\b(?:leren|geleerd|lessen|ervaringen)\b/, /\b(?:beleid|regels|verordening|beleidsregels)\b/),
    weak(0.8, /\b(?:vaker|vaak) voorkomt\b|\bwat (?:vaak|vaker|steeds) terugkomt\b/),
    cue(/\b(?:vaak|vaker|steeds|regelmatig|herhaaldelijk|telkens) (?:\w+ )?(?:voorkomen|voorkomt|terugkomt|terugkomen|gebeurt|gebeuren|nodig (?:is|zijn))\b/, /\b(?:regel|standaard|beleid|norm|voorziening)\b/),
    cue(/\bvan maatwerk (?:naar|tot) (?:een )?(?:standaard|regel|beleid)\b|\bnieuwe standaard\b|\bstructurele oplossing/),
    cue(/\b(?:melden|gemeld|signaleren|terugleggen|doorgeven|besproken|bespreken) (?:\w+ )*?(?:bij|aan|naar|met) (?:de )?(?:beleid|beleidsmakers|beleidsambtenaren|beleidsmedewerkers|beleidsadviseurs)\b/),
  ),
  theme(
    "leren-casussen",
    REQUIREMENT,
    cue(/\bintervisie|\breflect|\bnabespre|\bcasusbespreking|\bcasuistiekbespreking/),
    cue(/\bterug (?:te )?kijken\b|\bterugkijken\b/),
    cue(/\bleren van\b|\bdaarvan (?:te )?leren\b|\bervan (?:te |kunnen )?leren\b|\bvan (?:elkaar|collega'?s|fouten|elkaars \w+) (?:te )?leren\b|\bcasusoverleg/),
    cue(/\bcasusbibliothe|\bcasusboek|\bgoede voorbeelden\b|\bvoorbeeldcasus/),
    cue(/\bwat (?:werkte|werkt) en wat (?:niet|werkte niet)\b/),
    cue(/\b(?:bespreken|delen) (?:we )?(?:\w+ )?(?:casus|casussen|maatwerkcasus|voorbeelden|oplossingen)\b/),
  ),
  theme(
    "raad-informeren",
    REQUIREMENT,
    cue(/\b(?:raad|gemeenteraad|raadsleden)\b/, /\b(?:geinformeerd|informeren|informeert|rapport\w*|overzicht|verantwoord\w*|inzicht|weten|jaarverslag|verslag|horen|bereiken|besproken|bespreken|voorgelegd|voorleggen|meldt|melden|gemeld|gewaarschuwd|waarschuwen|op de hoogte)\b/),
    cue(/\bik wil (?:\w+ )*?weten hoe(?:veel| vaak)\b/),
    cue(/\brapporteert|\brapportage|\brapporteren|\bgerapporteerd/),
    cue(/\braadsinformatiebrief|\bverantwoording aan de raad\b/),
    cue(/\bhoe vaak (?:er |we |de gemeente )?(?:\w+ )?(?:afgeweken|afwijkt|afwijken|maatwerk)\b/),
  ),
  theme(
    "monitoren",
    REQUIREMENT,
    cue(/\bdashboard|\bmonitor|\bcijfers\b|\bmeten\b|\bgemeten\b/),
    cue(/\b(?:bijgehouden|bijhouden|houden (?:\w+ )?bij|registreren hoe vaak)\b/),
    cue(/\b(?:per|elk|ieder) (?:kwartaal|halfjaar|half jaar)\b|\b(?:tweemaal|twee keer|drie keer|vier keer) per jaar\b|\bhalfjaarlijks/),
    cue(/\bwat (?:het|maatwerk|dat) (?:heeft )?(?:opgeleverd|oplevert|opleveren)\b|\bhet verschil maakt\b|\bsteekproef/),
    cue(/\b(?:meten|meet|gemeten) of\b|\bgrip (?:op|houden)\b|\bwat (?:het|maatwerk) oplevert\b/),
    cue(/\b(?:zien|zichtbaar|inzichtelijk|inzicht|jaarrekening)\b/, /\b(?:geld|kosten|uitgaven|budget|besteed)\b/),
    cue(/\b(?:jaarlijks|jaarlijkse|periodiek|periodieke|halfjaarlijks|halfjaarlijkse) (?:overzicht|rapportage|verslag|analyse)\b|\boverzicht van (?:alle )?(?:maatwerk\w*|afwijkingen|uitzonderingen|besluiten)\b/),
  ),
  theme(
    "klachten-signalen",
    REQUIREMENT,
    cue(/\bklacht|\bklaag|\bklagen\b|\bklaagt\b/),
    cue(/\bsignalen\b/, /\b(?:raad|la|bereiken|verdwijnen|serieus)\b/),
    cue(/\bin een la\b/),
  ),
  // ---- Information
  theme(
    "gegevens-delen",
    REQUIREMENT,
    cue(/\b(?:gegevens|informatie|dossier|dossiers)\b/, /\b(?:delen|deelt|gedeeld|uitwisselen|uitgewisseld|overdragen|overgedragen|doorgeven|doorgegeven)\b/),
    cue(/\bprivacy|\bavg\b|\bberoepsgeheim|\bgeanonimiseerd/),
  ),
  theme(
    "inzage",
    REQUIREMENT,
    cue(/\b(?:dossier|gegevens|verslag)\b/, /\b(?:inzien|inzage|online|lezen|krijgen|ontvangen)\b/),
    cue(/\bverslag (?:van|krijgen|ontvangen)\b/),
    cue(/\b(?:verslag|dossier|gespreksverslag)\b/, /\b(?:aanvullen|corrigeren|reageren|niet klopt|klopt)\b/),
  ),
  // ---- Reaching the wijkteam
  theme(
    "bereikbaar",
    REQUIREMENT,
    cue(/\bbereikbaar|\bbereiken\b/, /\b(?:avond|avonds|weekend|kantoortijd|24|nacht|altijd|telefonisch|mail|e-mail)/),
    cue(/\bbuiten kantoortijd/),
    weak(0.8, /\b(?:appen|app|whatsapp|mailen|e-?mail|telefonisch|chat|chatten|bellen)\b/, /\b(?:consulent|wijkteam|gemeente|contactpersoon|klantmanager|hulpverlener|loket|begeleider)\b/),
    cue(/\brechtstreeks (?:bellen|mailen|bereikbaar|contact)\b|\bdirect (?:bellen|bereikbaar)\b|\beigen telefoonnummer\b/),
    cue(/\b(?:s avonds|'s avonds|in het weekend)\b/),
  ),
  theme(
    "dichtbij",
    REQUIREMENT,
    cue(/\bzonder afspraak\b|\binloop|\bbinnenlopen\b|\bbinnen (?:kunnen )?lopen\b/),
    cue(/\blaagdrempelig|\bdichtbij\b|\bin de (?:eigen )?wijk\b|\bin hun (?:eigen )?wijk\b/),
  ),
  theme(
    "gesprek-thuis",
    REQUIREMENT,
    cue(/\bkeukentafel/),
    cue(/\b(?:gesprek|gesprekken|bezoek|onderzoek|kijken)\b/, /\b(?:thuis|aan huis|bij hem thuis|bij haar thuis|bij de inwoner|in de woning|in het huis)\b/),
  ),
  theme(
    "tussen-regelingen",
    REQUIREMENT,
    cue(/\bhokje|\btussen (?:twee|de|alle) (?:regelingen|wetten|loketten|potjes|budgetten) (?:in )?(?:valt|vallen|door)\b|\bbuiten de boot\b|\bnet niet (?:in|onder) (?:een |de )?(?:regeling|regels|criteria|hokje)/),
  ),
  theme(
    "zonder-indicatie",
    REQUIREMENT,
    cue(/\bzonder (?:\w+ )?(?:indicatie|beschikking|verwijzing|toekenning|aanvraagprocedure)\b/),
    cue(/\bvrij toegankelijk|\balgemene voorziening/),
  ),
  theme(
    "buiten-de-regeling",
    REQUIREMENT,
    cue(/\b(?:niet|nergens) in (?:de |het )?(?:regeling|verordening|beleidsregels?|productenboek|catalogus|standaard\w*)\b/),
    cue(/\bbuiten (?:de |het )?(?:bestaande )?(?:regeling|regelingen|verordening|standaard\w*|productenboek|catalogus|kaders)\b/),
  ),
  theme(
    "gemeente-schuldeiser",
    REQUIREMENT,
    cue(/\bschuldeiser/),
    cue(/\beigen (?:vordering|vorderingen)\b/),
  ),
  theme(
    "warme-overdracht",
    REQUIREMENT,
    cue(/\bwarme overdracht\b|\boverdracht\b|\bovergedragen\b/),
    cue(/\b(?:zonder|geen) (?:breuk|gat|onderbreking|knip)\b|\bnaadloos\b|\bcontinuiteit\b|\bharde knip\b/),
    cue(/\b(?:houden|houdt|behouden|loopt door|blijft doorlopen|doorlopen) (?:\w+ )?(?:hun |zijn |haar )?(?:jeugdhulp|hulp|begeleiding|zorg)\b/, /\b(?:totdat|tot|na|achttien|18|overgang)\b/),
    weak(0.8, /\b(?:houden|houdt|behouden|blijft|blijven|loopt door|doorlopen|doorloopt|gaat door|stopt niet|niet stopt|niet ophoudt|niet stoppen|mag niet stoppen)\b/, /\b(?:hulp|begeleiding|zorg|jeugdhulp|begeleider|hulpverlener|ondersteuning)\b/, /\b(?:achttien|achttiende|18|meerderjarig|volwassen\w*|overgang|tot er|jarig)\b/),
    weak(0.8, /\b(?:voortgezet|voortzetten|loopt door|doorlopen|blijft doorlopen)\b (?:\w+ ){0,3}(?:totdat|tot) (?:\w+ ){0,6}(?:gestart|begint|start|geregeld|loopt|overgenomen)\b/),
    weak(0.8, /\bzonder (?:hulp|begeleiding|zorg)\b/, /\b(?:achttien|achttiende|18|meerderjarig)\b/),
    weak(0.9, /\b(?:hulp|zorg|begeleiding|jeugdhulp|ondersteuning)\b.*\b(?:ophoudt|ophouden|stopt|stoppen|eindigt|beeindigd|afgebroken)\b/, /\b(?:achttien|achttiende|18|meerderjarig)\b/),
    weak(0.6, /\bverlengde jeugdhulp\b|\bvoortzetting van (?:de )?(?:jeugdhulp|hulp|begeleiding)\b|\bverlenging van (?:de )?jeugdhulp\b|\btot (?:23|drieentwintig)\b/),
    weak(0.8, /\b(?:hulp|zorg|begeleiding|ondersteuning|uitkering)\b (?:\w+ ){0,2}(?:loopt (?:gewoon )?door|stopt niet|blijft doorlopen|gaat (?:gewoon )?door)\b|\bzonder (?:hulp|zorg|begeleiding|inkomen) (?:\w+ ){0,2}(?:zitten|vallen|staan|komen)\b/),
    weak(0.7, /\b(?:tussen|van) (?:de )?(?:jeugdzorg|jeugdhulp|jeugd) (?:en|naar) (?:de )?(?:wmo|volwassenenzorg|participatiewet)\b/),
  ),
  theme(
    "rechten-uitleg",
    REQUIREMENT,
    cue(/\buitleg\w*|\bweten\b|\bvertel\w*|\bwijzen op\b|\bwijst op\b|\bgewezen op\b|\binformeer\w*|\bgeinformeerd\b|\bduidelijk\b/, /\brecht(?:en)? (?:en plichten|op|heb|hebben)\b|\brechten\b|\binlichtingenplicht\b|\bwat (?:je|ik|hij|zij|inwoners|mensen) (?:wel en niet )?(?:moet|moeten) melden\b/),
    cue(/\bhoe (?:\w+ ){0,3}bezwaar (?:kan|kunnen|maken|indienen|aantekenen)\b|\bbezwaarmogelijkhe/),
    cue(/\b(?:inlichtingenplicht|meldplicht)\b|\b(?:wat|welke (?:\w+ )?(?:veranderingen|wijzigingen|dingen)) (?:je|ik|hij|zij|ze|inwoners|mensen|we)? ?(?:wel en niet )?(?:moet|moeten|moeten worden) (?:melden|doorgeven|gemeld|doorgegeven)\b/),
  ),
  theme(
    "procesnorm",
    REQUIREMENT,
    unless(/\b(?:volgens|binnen) de (?:spelregels|afspraken|afgesproken kaders|kaders)\b/, 1, /\bspelregels\b/),
    cue(/\bkader\b.*\bafwijk|\bwanneer (?:en hoe )?(?:\w+ )?(?:mag|mogen|kan|kunnen) (?:worden )?afw/),
    cue(/\bnorm voor het proces\b|\bproces,? niet (?:voor )?de uitkomst\b|\bstandaard voor maatwerk\b|\bhoe (?:ik|we|je) tot een besluit (?:kom|komen|komt)\b/),
    cue(/\b(?:werkwijze|werkproces|stappenplan|route) (?:\w+ )?(?:voor|bij) (?:het )?(?:afwijken|maatwerk)\b|\bvaste route\b.*\bafwijk|\bafwijk\w*\b.*\bvaste (?:route|procedure|werkwijze)\b/),
  ),
  theme(
    "zorgvuldig-onderzoek",
    REQUIREMENT,
    cue(/\bzorgvuldig (?:onderzoek|onderzocht|onderzoeken|kijken)\b|\bonderzoek (?:naar|van) de (?:persoonlijke |hele |volledige )?situatie\b|\bin de volle breedte\b/),
    cue(/\b(?:goed )?(?:uitzoeken|uitgezocht|uit te zoeken) wat er (?:echt )?speelt\b|\bwat er echt speelt\b/),
  ),
  theme(
    "duurzaam",
    REQUIREMENT,
    cue(/\bzelfredza\w*|\bblijvend (?:helpen|helpt|resultaat|effect)\b|\bniet alleen voor (?:nu|vandaag)\b|\bop termijn minder\b/),
    cue(/\bduurzame? (?:oplossing|oplossingen|uitstroom|resultaat)\b|\bop (?:de )?lange termijn (?:werkt|werken|helpt)\b|\bondersteuning (?:waar mogelijk )?overbodig\b/),
  ),
  theme(
    "doenvermogen",
    REQUIREMENT,
    cue(/\bdoenvermogen\b|\bwat (?:iemand|de inwoner|mensen|hij|zij) (?:aankan|aankunnen)\b|\bmet oog voor wat\b/),
  ),
  theme(
    "eigen-initiatief",
    REQUIREMENT,
    cue(/\buit (?:mezelf|zichzelf|mijzelf|zichzelf)\b|\bop eigen houtje\b|\bzelf (?:\w+ ){0,2}(?:gekozen|kiest|kiezen|vindt|gevonden|gehaald|haalt)\b/, /\b(?:opleiding|cursus|diploma|baan|werk|studie|training)\b/),
    cue(/\beigen initiatief\b|\bzelfgekozen\b|\bzelf (?:een |hun |haar |zijn |de )?(?:opleiding|werk|baan|cursus|weg naar werk|studie)\b/),
  ),
  theme(
    "fraude-aanpak",
    REQUIREMENT,
    cue(/\b(?:bewust|opzettelijk\w*)\b (?:\w+ ){0,3}(?:misbruik\w*|fraude|fraudeert|frauderen)\b/),
    cue(/\bbewust\w* (?:\w+ )?misbruik|\bmisbruik\w*\b.*\bgevolgen\b|\bfraude (?:\w+ )?(?:hard |streng )?(?:aanpakken|aangepakt|bestrijden)\b|\bfraude (?:mag )?niet (?:lonen|loont)\b/),
  ),
  theme(
    "bestaanszekerheid",
    REQUIREMENT,
    cue(/\bbestaanszekerheid|\bbestaansminimum|\brondkomen|\bstabiel inkomen|\binkomenszekerheid|\bzeker(?:heid)? (?:\w+ )?(?:over |van )?(?:mijn |zijn |haar |hun |een |het )?inkomen\b/),
    cue(/\b(?:genoeg|voldoende) (?:geld )?(?:over )?om (?:van )?te leven\b/),
    cue(/\b(?:genoeg|voldoende) (?:\w+ )?(?:overhouden|overlaat|over(?:blijft| houden)|leefgeld)\b|\bleefgeld\b|\bvoedselbank\b|\b(?:bedragen|bedrag) die (?:ik|hij|zij|iemand) (?:kan|kunnen) missen\b/),
    cue(/\bonzekerheid\b/, /\b(?:inkomen|uitkering|geld|krijg|krijgt)\b/),
  ),
  theme(
    "individueel-beoordelen",
    REQUIREMENT,
    cue(/\bindividu\w* (?:beoordel\w*|bekijk\w*|bekeken|afweg\w*|afgewogen|getoetst|toetsen)\b|\b(?:beoordel\w*|bekijk\w*|bekeken) (?:\w+ )?individu/),
    cue(/\bkijken? (?:we )?naar de (?:persoon|mens|situatie)\b|\bniet naar de categorie\b|\b(?:hele )?groepen (?:\w+ )?(?:uitsluiten|uitgesloten)\b|\bcategori\w*\b.*\buitgesloten\b|\bbij voorbaat\b|\bop voorhand\b/),
  ),
  theme(
    "zelfstandig-thuis",
    REQUIREMENT,
    cue(/\bzelfstandig (?:thuis )?(?:\w+ )?(?:wonen|blijven wonen)\b|\bthuis (?:kunnen |blijven )*wonen\b|\blanger thuis\b/),
  ),
  theme(
    "voorschot",
    REQUIREMENT,
    cue(/\bvoorschot/),
  ),
  theme(
    "herbeoordeling",
    REQUIREMENT,
    cue(/\bopnieuw (?:naar )?(?:kijkt|kijken|bekeken|beoordeeld|beoordelen|bekijken)\b|\btweede (?:consulent|blik|mening|beoordeling|beoordelaar)\b|\bsecond opinion\b|\bheroverweg\w*|\biemand anders (?:er )?(?:\w+ )?(?:naar )?(?:kijkt|kijken|beoordeelt)\b/),
  ),
  theme(
    "goedkeuring-vooraf",
    REQUIREMENT,
    cue(/\b(?:alleen|pas|enkel|uitsluitend) (?:\w+ ){0,3}(?:als|na|met) (?:\w+ ){0,3}(?:akkoord|toestemming|goedkeuring|handtekening|fiat)\b/),
  ),
  theme(
    "schoolcontinuiteit",
    REQUIREMENT,
    cue(/\b(?:eigen|dezelfde) school (?:houden|houdt|behouden|blijven)\b|\b(?:houden|houdt) (?:hun|zijn|haar) (?:eigen )?school\b|\bnaar (?:hun |zijn |haar |de eigen )?school (?:\w+ )?blijven gaan\b/),
  ),
  // Eisen about an instrument rather than for it ("het mandaat wordt elk jaar geëvalueerd", "het doorbraakteam bestaat
  // uit ...") name the instrument too; these themes keep them apart from the eisen that ask for the instrument itself.
  theme(
    "evaluatie",
    REQUIREMENT,
    cue(/\b(?:geevalueerd|evalueren|evaluatie|evalueert|evalueer|doorgelicht|doorlichting)\b/),
    cue(/\bervaringen (?:\w+ ){0,3}(?:besproken|bespreken|opgehaald|ophalen|geevalueerd)\b/),
  ),
  theme(
    "samenstelling",
    REQUIREMENT,
    cue(/\b(?:bestaat|bestaan) uit\b|\bsamengesteld uit\b|\bzitting (?:in|hebben)\b/),
  ),
  theme(
    "openbaarheid",
    REQUIREMENT,
    cue(/\bgepubliceerd|\bpubliceren|\bop de website\b|\bopenbaar\b|\bvindbaar\b/),
  ),
  // Added on 6 December 2026 (second round): requirements the Awb, the Wmo and the Participatiewet name and people ask
  // for in their own words (DOMAIN.md section 4, CASES.md C3, C5, C8; the labelled boards of bestuurstaal and gemengde
  // tafels).
  theme(
    "horen-voor-besluit",
    REQUIREMENT,
    cue(/\bzienswijze|\bhoor en wederhoor\b|\b(?:mijn|zijn|haar|hun) (?:kant|verhaal) (?:\w+ )?(?:kunnen |mogen )?(?:vertellen|doen|laten horen)\b.*\b(?:voordat|voor|eerst)\b|\b(?:eerst|altijd) (?:\w+ ){0,2}(?:gesproken|gehoord)\b.*\bvoordat\b/),
    cue(/\bvoordat (?:er )?(?:\w+ ){0,4}(?:nee|afgewezen|afwijzing|afwijst|wordt geweigerd|geweigerd)\b/, /\b(?:gesprek|gesproken|gehoord|vertellen|kant|horen|zienswijze|spreken)\b/),
  ),
  theme(
    "vier-ogen",
    REQUIREMENT,
    cue(/\bvier-?ogen|\btweede (?:bevoegde )?(?:functionaris|medewerker|collega|handtekening|paraaf)\b|\b(?:tekent|toetst) (?:\w+ )?mee\b/),
    cue(/\bmandaatgrens|\bboven (?:het|de) (?:gemandateerde|mandaat)\w*|\b(?:te boven gaan|te boven gaat|overstijgt|overstijgen) (?:\w+ ){0,3}(?:mandaat|bevoegdheid)|\b(?:mandaat|bevoegdheid) (?:\w+ ){0,3}(?:te boven gaan|te boven gaat|overstijgt|overschrijdt)\b/),
  ),
  theme(
    "blijven-helpen",
    REQUIREMENT,
    cue(/\b(?:afspraak|afspraken) (?:\w+ )?(?:mis|mist|missen|gemist|vergeet|vergeten)\b|\bniet (?:\w+ )?(?:komt|komen) opdagen\b|\bopzoeken in plaats van\b/),
    cue(/\b(?:dossier|traject|hulp) (?:\w+ )?(?:sluiten|gesloten|stopzetten|stopgezet|beeindigen)\b/, /\b(?:niet|nooit|in plaats van)\b/),
    cue(/\buit het traject (?:gezet|gegooid|halen)\b/),
  ),
  theme(
    "openheid-veilig",
    REQUIREMENT,
    cue(/\b(?:eerlijk|openheid|open|vertellen|vertelt|zeggen)\b/, /\b(?:niet|nooit|zonder dat)\b (?:\w+ ){0,5}(?:gestraft|kwijt|gekort|straf|sanctie|afgestraft|(?:inkomen|uitkering|bijstand) (?:\w+ )?kosten)\b/),
  ),
  theme(
    "budget-op-geen-weigering",
    REQUIREMENT,
    cue(/\b(?:budget|potje|pot|geld|middelen)\b (?:\w+ ){0,3}(?:op|leeg|uitgeput|ontoereikend|op is|is uitgeput)\b/, /\b(?:niet|nooit|geen)\b (?:\w+ ){0,4}(?:geweigerd|weigeren|horen|reden|grond)\b|\bniet horen\b/),
    unless(/\bbijna op\b|\bop tijd\b/, 1, /\bop is niet op\b|\b(?:kilometers|taxikilometers|ritten|kilometerbudget|taxibudget|vervoersbudget|uren|budget)\b (?:\w+ ){0,2}(?:op (?:zijn|is)|bereikt|opgebruikt)\b.*\b(?:toch|niemand|niet|kunnen)\b|\b(?:niemand|niet) (?:\w+ ){0,4}(?:kwijt|thuis)\b.*\b(?:norm|budget|kilometers)\b (?:\w+ ){0,2}(?:bereikt|op)\b/),
  ),
  theme(
    "gebruikelijke-hulp",
    REQUIREMENT,
    cue(/\bgebruikelijke hulp\b/),
    weak(0.8, /\b(?:man|vrouw|partner|echtgenoot|echtgenote|kinderen|mantelzorger)\b/, /\b(?:aankan|aankunnen|kan opvangen|kan dragen|niet alles|kan volhouden|kan bieden|trekt|(?:\w+ )?kan dragen)\b/),
  ),
  theme(
    "raad-op-hoofdlijnen",
    REQUIREMENT,
    cue(/\bhoofdlijnen\b|\bniet op (?:individuele|afzonderlijke|losse) (?:casussen|dossiers|gevallen|zaken)\b|\bbemoeienis (?:van de raad|met (?:afzonderlijke|individuele))\b/),
    cue(/\b(?:raad|gemeenteraad)\b (?:\w+ ){0,4}(?:kaders?|grenzen)\b/, /\b(?:college|uitvoering)\b (?:\w+ ){0,4}(?:binnen|daarbinnen|overgelaten|handelen|uitvoeren)\b|\bdaarbinnen\b/),
  ),
  theme(
    "anoniem",
    REQUIREMENT,
    cue(/\bgeanonimiseerd|\banonim|\bniet (?:\w+ )?herkenbaar\b|\bzonder persoonsgegevens\b|\bniet (?:\w+ ){0,3}herleidbaar\b|\bonherkenbaar\b/),
  ),
  theme(
    "terugvordering-afwegen",
    REQUIREMENT,
    cue(/\b(?:terugvorder\w*|teruggevorderd|terugbetal\w*|terug te (?:vorderen|betalen))\b/, /\b(?:afzien|ziet (?:\w+ )?af|afweg\w*|weegt|gewogen|geen automatisme|betekent voor|evenredig\w*|onevenredig\w*|in verhouding|dringende redenen)\b/),
  ),
  theme(
    "zoektermijn",
    REQUIREMENT,
    cue(/\bzoektermijn|\bwachttijd van vier weken\b|\bvier weken (?:\w+ ){0,3}(?:zonder (?:geld|inkomen|uitkering)|wachten)\b/),
  ),
  theme(
    "mandaat-overschrijding",
    REQUIREMENT,
    cue(/\bbuiten (?:het|zijn|haar|hun) mandaat\b|\b(?:mandaat|bevoegdheid) (?:\w+ )?(?:overschrijdt|overschrijden|te buiten gaat)\b/),
  ),
  theme(
    "rechtmatigheidsverantwoording",
    REQUIREMENT,
    cue(/\brechtmatigheidsverantwoording|\binterne controle\b|\baccountant/),
  ),
  theme(
    "incident-melden",
    REQUIREMENT,
    cue(/\bincident\w*|\bmaatschappelijke onrust\b|\bpubliciteit\b|\bde pers\b|\bde media\b|\bin het nieuws\b/),
  ),
  theme(
    "herinnering",
    REQUIREMENT,
    cue(/\bherinner\w*|\bherinnering/),
  ),
  theme(
    "wonen-eerst",
    REQUIREMENT,
    cue(/\beerst (?:een |het |de )?(?:huis|woning|dak|woonplek|kamer)\b|\b(?:huis|woning|woonplek) (?:\w+ ){0,5}eerst\b|\bhousing first\b/),
    cue(/\b(?:schuld|schulden|huurschuld|huurachterstand)\b/, /\b(?:woning|huis|woonplek|kamer)\b/, /\b(?:niet de reden|geen reden|geen belemmering|ook al|nog niet opgelost|niet in de weg)\b/),
  ),
  theme(
    "vroeg-waarschuwen",
    REQUIREMENT,
    cue(/\b(?:horen|weten|zien)\b/, /\b(?:bijna op|te snel|driekwart|dreigt op te raken|bijna (?:verbruikt|gebruikt|opgebruikt))\b/),
    cue(/\b(?:waarschuw\w*|gewaarschuwd|seintje|laat (?:het )?(?:ons|me|mij|de consulent) weten|signaleert|signaleren)\b/, /\b(?:op tijd|tijdig|vroegtijdig|zodra|te snel|bijna op|driekwart|dreigt|dreigen|naar verwachting)\b/),
    cue(/\b(?:meldt|melden|gemeld)\b/, /\b(?:dreigt|dreigen|naar verwachting|bijna op|driekwart|te snel)\b/),
  ),
  theme(
    "samen-invullen",
    REQUIREMENT,
    cue(/\b(?:samen|helpt|helpen|hulp)\b (?:\w+ ){0,5}(?:invullen|in te vullen|in(?:vult|vullen))\b|\bvul (?:\w+ ){0,3}samen\b|\bnaast (?:me|mij) (?:komt )?zit\w*\b.*\b(?:formulier|aanvraag|invullen)\b|\bniet (?:\w+ ){0,2}(?:een stapel|de) formulieren mee\b/),
  ),
  theme(
    "afbetalen",
    REQUIREMENT,
    cue(/\b(?:in termijnen|afbetalingsregeling|afbetalen|afbetaling|in delen)\b/),
  ),
  theme(
    "standaard-blijft",
    REQUIREMENT,
    cue(/\b(?:standaardpakket|vaste? pakket)\b (?:\w+ ){0,4}(?:blijft|gelijk|de norm)\b/),
  ),
  theme(
    "mantelzorger-gezien",
    REQUIREMENT,
    cue(/\bhoe het (?:\w+ )?met (?:hem|haar|hen|de partner|de mantelzorger|de mantelzorgers|mijn man|mijn vrouw|de man|de vrouw) (?:\w+ )?gaat\b/),
    cue(/\bmantelzorg\w*\b/, /\b(?:gezien|gehoord|aandacht|gevraagd|hoe het (?:met|gaat))\b/),
  ),
  theme(
    "sturen-op-effect",
    REQUIREMENT,
    cue(/\bindicator|\bkpi\b|\bmeetbaar|\bmeetbare\b|\bmaatschappelijke? effect\w*|\bsturen op (?:het |de )?(?:doelen|doel|effect|effecten|resultaat|resultaten|uitkomsten|uitkomst|waarden)\b/),
  ),
  theme(
    "doorbraak-aanvragen",
    REQUIREMENT,
    cue(/\bdoorbraak\w*\b/, /\b(?:vragen|aanmelden|aanvragen|inschakelen|inroepen)\b/, /\b(?:zelf|ook|inwoners?|clientondersteuners?|ouders|jongeren?|burgers?)\b/),
  ),
  theme(
    "terugval",
    REQUIREMENT,
    cue(/\bterugval|\bzonder (?:nieuwe|opnieuw een) (?:aanvraag|intake|indicatie)\b|\bterugkomen als\b|\bweer terecht\b/),
  ),
  // ---- Subjects (small weight)
  theme("achttien", TOPIC, cue(/\bachttien|(?<!artikel )\b18\b(?! lid)|\bmeerderjarig|\bvolwassen|\bzeventien|\b17\b|\bharde knip\b|\bverlengde jeugdhulp\b/)),
  theme("toekomstplan", REQUIREMENT,
    cue(/\btoekomstplan|\bperspectiefplan/),
    cue(/\b(?:vanaf|al bij|bij|op|uiterlijk op|voor) (?:de |zijn |haar |hun )?(?:zestien|16|zestiende)\b/),
    cue(/\b(?:ruim|lang|tijdig|op tijd) (?:voor|voordat|voor zijn|voor haar|voor mijn)\b|\bop tijd (?:beginnen|starten|begin)\b|\bbegin op tijd\b/),
    cue(/\bvoorbereid\w* op\b/),
    cue(/\bplan\b/, /\b(?:na|voor) (?:de |zijn |haar |mijn |hun )?(?:achttiende|18)\b|\bdaarna\b|\btoekomst\b/),
  ),
  theme("basis-geregeld", REQUIREMENT,
    cue(/\b(?:woonplek|wonen|huisvesting|woning|kamer|onderdak)\b/, /\b(?:inkomen|uitkering|geld)\b/, /\b(?:geregeld|rond|zonder|regelen)\b/),
    weak(0.7, /\b(?:zorgverzekering|inschrijving|bankrekening|toeslagen)\b/, /\b(?:geregeld|regelen|rond|hulp)\b/),
  ),
  theme("wonen", TOPIC, cue(/\b(?:woonplek|woning|huisvesting|woonruimte|kamer|onderdak|dak boven|huur|borg)\b/)),
  theme("dakloosheid", REQUIREMENT, cue(/\bdakloos|\bthuisloos|\bop straat\b|\bnachtopvang|\bmaatschappelijke opvang\b|\bin de (?:nacht)?opvang (?:belandt|belanden|terechtkomt|komt|moet)\b|\bhet huis uit (?:moet|moeten|hoeft|hoeven)\b|\b(?:hoeft|hoeven|moet|moeten) (?:niet )?(?:\w+ )?het huis uit\b|\bzonder dak\b/)),
  theme("huisuitzetting", REQUIREMENT, cue(/\bhuisuitzetting|\bontruim|\buitzetting\b/)),
  theme("schulden-vroeg", REQUIREMENT,
    cue(/\bvroegsignal/),
    cue(/\b(?:betalingsachterstand\w*|achterstand\w*|schulden|huurachterstand\w*)\b/, /\b(?:beginnende|vroeg stadium|vroeg|tijdig|zodra|signal\w*|voorkomen|niet oplopen|voordat|contact op|neemt contact)\b/),
  ),
  theme("schuldhulp-toegang", REQUIREMENT,
    cue(/\bschuldhulp|\bschulden\b|\bschuldsanering|\bschuldregeling/, /\b(?:uitgesloten|uitsluiten|uitsluiting|bij voorbaat|op voorhand|categorie\w*|niemand|iedereen|ook (?:als|voor|zelfstandigen|zzp))\b/),
  ),
  theme("mantelzorg", TOPIC, cue(/\bmantelzorg|\bpartner\b.*\bzorg|\brespijt/)),
  theme("mantelzorger-ontlasten", REQUIREMENT,
    cue(/\brespijt/),
    cue(/\bop adem (?:\w+ )?komen\b|\blogeer(?:plek|opvang|huis)/),
    cue(/\bvrij (?:\w+ ){0,2}van de zorg\b|\badempauze|\brust (?:\w+ ){0,2}van de zorg\b|\b(?:even|eens|af en toe) (?:\w+ ){0,2}(?:rust|vrij|lucht|ontlast)\b|\bzorg (?:even |tijdelijk )?(?:overnemen|overneemt|overgenomen)\b/),
    unless(/\b(?:budget\w*|potje|pot|geld|begroting|middelen|plafond)\b/, 1, /\b(?:overbelast\w*|bezwijk\w*|omvallen|uitgeput|ontlast\w*|opbranden|burn-?out|belasting van de mantelzorger|volhouden)\b/),
    cue(/\bmantelzorg\w*\b/, /\b(?:ondersteun\w*|zwaar|belast\w*|steun)\b/),
    weak(0.8, /\b(?:man|vrouw|partner|moeder|vader|dochter|zoon|ouders)\b.*\b(?:niet meer (?:kan|kunnen|volhoudt)|het niet meer volhoudt|op is|omvalt)\b/),
  ),
  theme("vervoer", TOPIC, cue(/\bvervoer|\btaxi|\bkilometer|\bregiotaxi/)),
  theme("dagbesteding", TOPIC, cue(/\bdagbesteding|\bzorgboerderij/)),
  theme("bijstand", TOPIC, cue(/\bbijstand|\buitkering/)),
  theme(
    "niet-korten",
    REQUIREMENT,
    cue(/\b(?:niet|geen|zonder)\b/, /\b(?:gekort|korten|korting|kort|verrekend|verrekenen|inhouding|ingehouden|meegeteld|meetellen|telt mee)\b/),
    cue(/\bvan (?:mijn|zijn|haar|hun|de) (?:uitkering|bijstand) af\b/),
    cue(/\bvrijgesteld|\bvrijlating|\bvrijgelaten|\bvrijlaten\b/),
    cue(/\b(?:geen|niet als|niet mee als|niet meetellen als|niet als) inkomen\b|\b(?:telt|tellen) niet mee\b|\bniet (?:\w+ )?van de (?:uitkering|bijstand) af\b/),
  ),
  theme("giften", TOPIC, cue(/\bgift|\bboodschappen\b|\bin natura\b|\b(?:hulp|steun|geld) (?:\w+ )?van (?:familie|ouders|moeder|vader|vrienden|kennissen)|\bschenking/)),
  theme("bijverdienen", REQUIREMENT, cue(/\bbijverdien|\bvrijlating|\bvrijgelaten|\bextra werk\b|\binkomsten uit werk\b|\bwerken (?:moet )?(?:lonen|loont)\b|\bnaast (?:de |een |hun |mijn )?uitkering\b|\bextra uren\b|\buur (?:per week )?extra\b|\bextra (?:werkt|werken)\b|\bparttime\b|\bdeeltijd/)),
  theme("kostendelersnorm", TOPIC, cue(/\bkostendel|\bzevenentwintig\b|\b27 (?:wordt|jaar)\b|\binwonend\w*|\b(?:iemand|familielid|vriend\w*|kind) (?:\w+ ){0,2}in huis (?:opvangt|opvangen|neemt|nemen|woont)\b|\btijdelijk verblijf\b/)),
  theme("terugvordering", TOPIC, cue(/\bterugvorder|\bteruggevorderd|\bterugbetal|\bvordering/)),
  theme("re-integratie", TOPIC, cue(/\bre-?integratie|\baan het werk|\bnaar werk\b|\buitstroom|\btrajectplan|\bin een traject\b/)),
  theme("jeugdhulp", TOPIC, cue(/\bjeugdhulp|\bjeugdzorg|\bjeugdwet/)),
  theme("school", TOPIC, cue(/\bschool|\bscholen|\bonderwijs/)),
  theme("kinderopvang", TOPIC, cue(/\bkinderopvang|\bopvang van (?:de )?kinderen|\bvoorschoolse|\bgastouder|\bopvang\b.*\bouders|\bouders\b.*\bopvang\b/)),
  theme("huishoudelijke-hulp", TOPIC, cue(/\bhuishoudelijke (?:hulp|ondersteuning)|\bschoonmaak/)),
  theme("training", REQUIREMENT, cue(/\btraining|\bscholing|\bcursus|\bopleiding voor (?:professionals|medewerkers)/)),
  theme("ketenpartners", TOPIC, cue(/\b(?:ketenpartner|samenwerkingspartner|netwerkpartner)/)),
  theme("pleegzorg", TOPIC, cue(/\bpleeg(?:ouder|gezin|zorg|kind|moeder|vader)/)),
  theme("pgb", TOPIC, cue(/\bpgb|\bpersoonsgebonden/)),
  theme("eigen-bijdrage", REQUIREMENT, cue(/\beigen bijdrage/)),
  theme("armoede-meedoen", REQUIREMENT, cue(/\barmoede|\bkindpakket|\bsport|\bmuziekles|\bzwemles|\b(?:sport|sporten) en cultuur\b|\bcultuur en sport\b/)),
  theme("zelfstandigen", TOPIC, cue(/\bzzp|\bzelfstandige|\bondernemer|\bbedrijf\b/)),
];

/** Themes that are close: a match between them counts for THEME_RELATED_CREDIT of a full one. */
export const RELATED_THEMES: readonly (readonly string[])[] = [
  ["aanspreekpunt", "loket"],
  ["aanspreekpunt", "verhaal-een-keer"],
  ["aanspreekpunt", "een-plan"],
  ["kastje-muur", "loket"],
  ["kastje-muur", "aanspreekpunt"],
  ["kastje-muur", "een-plan"],
  ["kastje-muur", "doorbraak"],
  ["kastje-muur", "ontschotting"],
  ["een-plan", "ontschotting"],
  ["mandaat", "achteraf-verantwoorden"],
  ["mandaat", "ruggensteun"],
  ["mandaat", "maatwerkbudget"],
  ["achteraf-verantwoorden", "afwijking-vastleggen"],
  ["hardheidsclausule", "grondslag"],
  ["begrijpelijke-taal", "uitlegbaar"],
  ["patronen-beleid", "leren-casussen"],
  ["raad-informeren", "monitoren"],
  ["evaluatie", "monitoren"],
  ["evaluatie", "patronen-beleid"],
  ["raad-informeren", "klachten-signalen"],
  ["regie", "inspraak-beleid"],
  ["snel-besluit", "direct-hulp-crisis"],
  ["maatwerkbudget", "goedkoopste-oplossing"],
  ["minder-administratie", "regels-schrappen"],
  ["bedoeling-voorop", "naar-behoefte"],
  ["dakloosheid", "basis-geregeld"],
  ["buiten-de-regeling", "goedkoopste-oplossing"],
  ["buiten-de-regeling", "maatwerkbudget"],
  ["zonder-indicatie", "direct-hulp-crisis"],
  ["tussen-regelingen", "kastje-muur"],
  ["tussen-regelingen", "buiten-de-regeling"],
  ["keuzevrijheid", "regie"],
  ["herbeoordeling", "bezwaar-gesprek"],
  ["maatwerkbudget", "direct-hulp-crisis"],
  ["warme-overdracht", "aanspreekpunt"],
  ["warme-overdracht", "kastje-muur"],
  ["rechten-uitleg", "begrijpelijke-taal"],
  ["rechten-uitleg", "clientondersteuning"],
  ["procesnorm", "mandaat"],
  ["procesnorm", "heldere-regels"],
  ["begrijpelijke-taal", "heldere-regels"],
  ["procesnorm", "afwijking-vastleggen"],
  ["zorgvuldig-onderzoek", "naar-behoefte"],
  ["zorgvuldig-onderzoek", "bedoeling-voorop"],
  ["duurzaam", "goedkoopste-oplossing"],
  ["kosten-op-termijn", "goedkoopste-oplossing"],
  ["kosten-op-termijn", "duurzaam"],
  ["doenvermogen", "vertrouwen"],
  ["doenvermogen", "bejegening"],
  ["geen-sanctie-fout", "vertrouwen"],
  ["handhaving-proportioneel", "vertrouwen"],
  ["individueel-beoordelen", "schuldhulp-toegang"],
  ["individueel-beoordelen", "naar-behoefte"],
  ["bestaanszekerheid", "niet-korten"],
  ["precedent", "rechtsgelijkheid"],
  ["sturen-op-effect", "monitoren"],
  ["sturen-op-effect", "raad-op-hoofdlijnen"],
  ["doorbraak-aanvragen", "doorbraak"],
  ["mantelzorger-gezien", "mantelzorger-ontlasten"],
  ["wonen-eerst", "basis-geregeld"],
  ["vroeg-waarschuwen", "monitoren"],
  ["samen-invullen", "clientondersteuning"],
  ["afbetalen", "bestaanszekerheid"],
  ["standaard-blijft", "binnen-begroting"],
  ["standaard-blijft", "rechtsgelijkheid"],
  ["mandaat-overschrijding", "mandaat"],
  ["rechtmatigheidsverantwoording", "grondslag"],
  ["incident-melden", "raad-informeren"],
  ["herinnering", "rechten-uitleg"],
  ["terugvordering-afwegen", "hardheidsclausule"],
  ["terugvordering-afwegen", "geen-sanctie-fout"],
  ["anoniem", "gegevens-delen"],
  ["anoniem", "afwijking-vastleggen"],
  ["raad-op-hoofdlijnen", "raad-informeren"],
  ["achteraf-verantwoorden", "uitlegbaar"],
  ["vertrouwen", "individueel-beoordelen"],
  ["openheid-veilig", "vertrouwen"],
  ["openheid-veilig", "geen-sanctie-fout"],
  ["horen-voor-besluit", "regie"],
  ["budget-op-geen-weigering", "naar-behoefte"],
  ["gebruikelijke-hulp", "mantelzorger-ontlasten"],
  ["bestaanszekerheid", "bijverdienen"],
  ["zelfstandig-thuis", "bedoeling-voorop"],
];
export const THEME_RELATED_CREDIT = 0.5;

/**
 * Requirements that are always about a subject: an eis that names the requirement names the subject too, also when it
 * does not say the word ("Mijn vrouw moet eens rust krijgen van de zorg" is about mantelzorg).
 */
const IMPLIED_TOPICS: readonly (readonly [requirement: string, topic: string])[] = [
  ["mantelzorger-ontlasten", "mantelzorg"],
  ["mantelzorger-gezien", "mantelzorg"],
  ["dakloosheid", "wonen"],
  ["huisuitzetting", "wonen"],
];

const SEPARATED = /\b(af|aan|op|uit|door|terug|mee|vast|bij|toe|weg|samen|over) te (\w+)/g;

/** The folded text the cues are matched on: lower case, no diacritics, "één" as "1", single spaces. */
export function themeText(text: string): string {
  const withOne = text.replace(/(?<!\p{L})(?:één|eén|éen|Één|Eén|Éen|ÉÉN|EÉN)(?!\p{L})/gu, "1");
  const folded = withOne.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, " ");
  // A separable verb with "te" written as one word: "af te wijken" as "afwijken", "aan te passen" as "aanpassen".
  return ` ${folded.replace(SEPARATED, "$1$2")} `;
}

/**
 * Pieces of plain text of which every match of `pattern` contains at least one, or null when none are known: the
 * longest run of letters, digits, spaces, apostrophes and hyphens outside groups and classes, or else a group that must
 * match whose alternatives each have such a piece ("\b(?:gegevens|informatie)\b": either word). A letter followed by
 * a quantifier is left off, an optional group or a lookaround counts for nothing, and a choice at the top level
 * needs a piece in each alternative. `themesOf` runs a pattern only when the text holds one of its pieces: most cues do
 * not match most texts, and looking the pieces up is many times cheaper than the pattern.
 * tests/core/eisThemes.test.ts checks every pattern against the labelled eisen.
 */
export function requiredTexts(pattern: RegExp): readonly string[] | null {
  // Cues are matched on folded (lower case) text; a pattern that ignores case could match other letters.
  if (pattern.flags.includes("i")) return null;
  return eitherOf(pattern.source);
}

const MIN_PIECE = 3;

/** `a|b|c` at the top level of `source`: a piece of each alternative. */
function eitherOf(source: string): string[] | null {
  const pieces: string[] = [];
  for (const alternative of topLevel(source)) {
    const needed = sequenceNeeds(alternative);
    if (!needed) return null;
    pieces.push(...needed);
  }
  return pieces;
}

/** The alternatives of `source`: split at each "|" outside groups and classes. */
function topLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** Where the group opening at `open` closes. */
function closing(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return source.length;
}

/** Whether what follows position `at` makes the item before it optional. */
const optionalAfter = (source: string, at: number): boolean => source[at] === "?" || source[at] === "*" || source.startsWith("{0", at);

/** Fewer pieces are a sharper test, and so are longer ones. */
const sharper = (a: readonly string[], b: readonly string[]): boolean =>
  a.length !== b.length ? a.length < b.length : Math.min(...a.map((p) => p.length)) > Math.min(...b.map((p) => p.length));

/** The best pieces of one alternative (no "|" at its top level): a long run, or a group that must match. */
function sequenceNeeds(source: string): string[] | null {
  let run = "";
  let best = "";
  let group: string[] | null = null;
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      endRun();
      i++;
    } else if (ch === "[") {
      endRun();
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
    } else if (ch === "(") {
      endRun();
      const end = closing(source, i);
      const body = source.slice(i + 1, end);
      const plain = !body.startsWith("?") || body.startsWith("?:");
      const inner = body.startsWith("?:") ? body.slice(2) : body;
      const needed = plain && !optionalAfter(source, end + 1) ? eitherOf(inner) : null;
      if (needed && needed.every((piece) => piece.length >= MIN_PIECE) && (!group || sharper(needed, group))) group = needed;
      i = end;
    } else if (ch === "?" || ch === "*" || ch === "+" || ch === "{") {
      // The quantified letter may be missing (or repeated): only what came before it is sure.
      run = run.slice(0, -1);
      endRun();
      if (ch === "{") i = Math.max(i, source.indexOf("}", i));
    } else if (/[a-z0-9' -]/.test(ch)) {
      run += ch;
    } else {
      endRun();
    }
  }
  endRun();
  if (best.length >= MIN_PIECE) return [best];
  return group;
}

/**
 * A pattern, numbered, and whether it has a shortcut: then it runs only when the text holds one of its pieces, each
 * piece as its first and last three letters (a text that lacks either cannot contain the piece). Which patterns a text
 * may match is looked up once per text, by its three-letter pieces (`trigramsOf`) in an index from each piece's first
 * three letters to the patterns it belongs to (`PIECES`): a text visits the few entries under its own three-letter
 * pieces instead of testing every pattern's pieces (635 patterns, 621 of them with a shortcut, 2,140 pieces). The themes
 * of a new labelled eis took ~78 µs when every pattern's first six pieces were tested in turn, and ~27 µs this way.
 */
interface Check {
  pattern: RegExp;
  number: number;
  indexed: boolean;
}

/** Every three-letter piece of the text. */
function trigramsOf(folded: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= folded.length; i++) grams.add(folded.slice(i, i + 3));
  return grams;
}
interface CompiledCue {
  strength: number;
  all: readonly Check[];
  none: readonly Check[];
}

/** For a piece's first three letters: the patterns it belongs to, each with the piece's last three letters. */
const PIECES = new Map<string, { check: number; last: string }[]>();
let checks = 0;

function checkOf(pattern: RegExp): Check {
  const number = checks++;
  const pieces = requiredTexts(pattern);
  for (const piece of pieces ?? []) {
    const first = piece.slice(0, 3);
    const list = PIECES.get(first);
    const entry = { check: number, last: piece.slice(-3) };
    if (list) list.push(entry);
    else PIECES.set(first, [entry]);
  }
  return { pattern, number, indexed: pieces !== null };
}

/** THEMES with every pattern's shortcut worked out once. */
const COMPILED: readonly { id: string; cues: readonly CompiledCue[] }[] = THEMES.map((t) => ({
  id: t.id,
  cues: t.cues.map((c) => ({ strength: c.strength, all: c.all.map(checkOf), none: (c.none ?? []).map(checkOf) })),
}));

/** possible[n] === round: pattern n may match the text of this round (one of its pieces is in it). */
const possible = new Int32Array(checks);
let round = 0;

/** Marks the patterns with a shortcut that the text may match. */
function markPossible(grams: ReadonlySet<string>): void {
  round = round === 0x7fffffff ? 1 : round + 1;
  if (round === 1) possible.fill(0);
  for (const gram of grams) {
    const entries = PIECES.get(gram);
    if (entries === undefined) continue;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      if (possible[entry.check] !== round && grams.has(entry.last)) possible[entry.check] = round;
    }
  }
}

/** Whether the folded text matches: a pattern with a shortcut only when markPossible found one of its pieces. */
function matches({ pattern, number, indexed }: Check, folded: string): boolean {
  if (indexed && possible[number] !== round) return false;
  return pattern.test(folded);
}

function cueMatches(cue: CompiledCue, folded: string): boolean {
  for (let k = 0; k < cue.all.length; k++) if (!matches(cue.all[k]!, folded)) return false;
  for (let k = 0; k < cue.none.length; k++) if (matches(cue.none[k]!, folded)) return false;
  return true;
}

/** The themes of a text: id → strength (the strongest cue that matched). */
export function themesOf(text: string): Map<string, number> {
  const folded = themeText(text);
  markPossible(trigramsOf(folded));
  const found = new Map<string, number>();
  for (const t of COMPILED) {
    let best = 0;
    for (const c of t.cues) {
      if (c.strength <= best) continue;
      if (cueMatches(c, folded)) best = c.strength;
      if (best === 1) break;
    }
    if (best > 0) found.set(t.id, best);
  }
  for (const [requirement, topic] of IMPLIED_TOPICS) {
    const strength = found.get(requirement);
    if (strength !== undefined && !found.has(topic)) found.set(topic, strength);
  }
  return found;
}
