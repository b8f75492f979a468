/**
 * The scenario: what a trainer writes as JSON. Every field has a Dutch description, because this schema
 * becomes the JSON Schema trainers' editors use for autocompletion and hover help.
 */
import { z } from "zod";
import { GAME_ROLES, IdSchema, LIMITS, PERSPECTIEVEN } from "./ids.ts";

export const SCENARIO_SCHEMA_VERSION = 1;

const text = (max: number, description: string, example: string) =>
  z.string().trim().min(1, "mag niet leeg zijn").max(max, `mag hoogstens ${max} tekens hebben`).meta({
    description,
    examples: [example],
  });

const lines = (description: string, example: string) =>
  z.array(text(600, "Eén punt, in één of twee zinnen.", example)).meta({ description });

const id = (description: string, example: string) => IdSchema.meta({ description, examples: [example] });

export const BriefingSchema = z
  .strictObject({
    name: text(60, "De naam van de rol zoals deelnemers hem zien.", "Raadslid"),
    summary: text(400, "Wie je in deze rol bent, in één of twee zinnen (jij-vorm).", "Je bent raadslid voor een lokale partij en zit in de commissie sociaal domein."),
    concerns: lines("Waar deze rol om geeft: wat hij van maatwerk verwacht.", "Ik wil sturen op doelen, niet op uitvoering."),
    pressure: lines("De druk op deze rol: wat hij vreest, waar hij op wordt afgerekend.", "De jeugdzorgbegroting is vorig jaar met een miljoen overschreden."),
    privateFacts: lines("Feiten die alleen deze rol kent. Andere spelers zien ze niet.", "Je weet dat er volgende maand een kritisch rekenkamerrapport verschijnt."),
  })
  .meta({ description: "De briefing van één rol: wie je bent, waar je om geeft, welke druk je voelt, wat alleen jij weet." });
export type Briefing = z.infer<typeof BriefingSchema>;

export const RolesSchema = z
  .strictObject(Object.fromEntries(GAME_ROLES.map((role) => [role, BriefingSchema])) as Record<(typeof GAME_ROLES)[number], typeof BriefingSchema>)
  .meta({ description: "De zes spelrollen, elk met een eigen briefing. Alle zes zijn verplicht." });

export const CategorySchema = z
  .strictObject({
    id: id("Korte, vaste naam van de categorie (kleine letters).", "kernwaarden"),
    name: text(60, "De naam van de categorie zoals deelnemers hem zien.", "Kernwaarden en bedoeling"),
    description: text(300, "Wat voor eisen in deze categorie horen.", "Waar maatwerk om draait: het effect voor de inwoner."),
    perspectief: z.enum(PERSPECTIEVEN).meta({
      description:
        "Onder welk kopje van het handelingsperspectief deze categorie in het kader staat: doelen (doelen en ambitie), resultaten (concrete resultaten), normen (gedeelde normen en waarden) of ondersteuning (wat de organisatie de professional verschuldigd is).",
      examples: ["normen"],
    }),
  })
  .meta({ description: "Een categorie van het programma van eisen." });
export type Category = z.infer<typeof CategorySchema>;

export const CaseSchema = z
  .strictObject({
    id: id("Korte, vaste naam van de casus.", "ebike"),
    title: text(100, "De titel van de casus.", "De e-bike als re-integratievoorziening"),
    date: z.iso.date().optional().meta({ description: "Peildatum van de casus (JJJJ-MM-DD): wetgeving verandert.", examples: ["2026-01-15"] }),
    situation: text(LIMITS.caseText, "De situatie, geanonimiseerd: geen namen, adressen, BSN, geboortedata, telefoonnummers of e-mailadressen.", "Een man die al jaren in de bijstand zit, heeft na een intensief traject zicht op werk."),
    effectWanted: text(600, "Het effect dat de inwoner wil bereiken (stap 1 van De Omgekeerde Toets).", "Aan het werk komen en uit de bijstand blijven."),
    laws: z.array(text(200, "Een wetsartikel of uitspraak.", "Participatiewet art. 10")).meta({ description: "De wetten en artikelen die de casus raken." }),
    standardAnswer: text(600, "Wat het standaardproces zou antwoorden.", "Vervoer is Wmo; de re-integratieverordening dekt dit niet."),
    dilemma: text(600, "Het maatwerkdilemma in één of twee zinnen.", "De regels oprekken voor een goedkope oplossing, of de doelgroep bewaken."),
    factsPerRole: z
      .partialRecord(z.enum(GAME_ROLES), z.array(text(600, "Een feit dat alleen deze rol kent.", "De werkgever wil hem per 1 maart aannemen.")))
      .default({})
      .meta({ description: "Feiten over deze casus die alleen een bepaalde rol kent (per rol-id)." }),
    afloop: text(
      LIMITS.caseText,
      "Wat er echt gebeurde: wat de gemeente uiteindelijk deed, en waarom. De groep ziet het pas nadat ze zelf een besluit heeft genomen; het staat ook in het casusboekje. Geanonimiseerd, net als de situatie.",
      "De gemeente verstrekte de e-bike als maatwerk onder de re-integratieverordening: goedkoper dan een jaar bijstand, en hij werkt nog steeds.",
    ).optional(),
  })
  .meta({ description: "Een casus uit de praktijk, om eisen op te schrijven of het programma van eisen aan te toetsen." });
export type Case = z.infer<typeof CaseSchema>;

export const PromptSchema = z
  .strictObject({
    id: id("Korte, vaste naam van de vraag.", "wel"),
    text: text(200, "De vraag of het begin van de zin waar deelnemers kaartjes bij schrijven.", "Maatwerk is…"),
  })
  .meta({ description: "Een vraag voor de beeldvorming." });

export const RoundSchema = z
  .strictObject({
    id: id("Korte, vaste naam van de ronde.", "ronde1"),
    title: text(100, "De titel van de ronde.", "Ronde 1: de e-bike"),
    caseId: id("De casus (id uit `cases`) waar deze ronde om draait.", "ebike"),
    instruction: text(600, "Wat spelers in deze ronde doen.", "Schrijf vanuit je rol de eisen op die jij aan maatwerk stelt.").optional(),
  })
  .meta({ description: "Een rolwissel-ronde: iedereen krijgt een andere rol en schrijft eisen bij de casus." });
export type Round = z.infer<typeof RoundSchema>;

export const ToetsStepSchema = z
  .strictObject({
    id: id("Korte, vaste naam van de stap.", "effect"),
    title: text(80, "De titel van de stap.", "Welk effect wil de inwoner bereiken?"),
    prompt: text(400, "De vraag die de groep zich bij deze stap stelt.", "Wat wil de inwoner zelf bereiken, in zijn eigen woorden?"),
  })
  .meta({ description: "Eén stap van De Omgekeerde Toets." });
export type ToetsStep = z.infer<typeof ToetsStepSchema>;

const minutes = z.number().int().min(1).max(480).meta({ description: "Duur in minuten (de timer).", examples: [20] });

export const PhaseSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("lobby").meta({ description: "Binnenkomen met de code." }) }),
    z.strictObject({
      kind: z.literal("beeldvorming").meta({ description: "Kaartjes op de vragen uit `beeldvorming.prompts`, daarna clusteren." }),
      minutes: minutes.optional(),
    }),
    z.strictObject({
      kind: z.literal("rolwissel").meta({ description: "Een rolwissel-ronde: rollen toewijzen, eisen schrijven." }),
      roundId: id("De ronde (id uit `rounds`).", "ronde1"),
      minutes: minutes.optional(),
    }),
    z.strictObject({ kind: z.literal("samenvoegen").meta({ description: "Eisen samenvoegen tot één programma van eisen." }), minutes: minutes.optional() }),
    z.strictObject({
      kind: z.literal("plenair").meta({
        description: "Plenair samenvoegen: de programma's van eisen van de tafels worden één programma van eisen. Zet deze fase na `samenvoegen` als je met tafels speelt.",
      }),
      minutes: minutes.optional(),
    }),
    z.strictObject({ kind: z.literal("prioriteren").meta({ description: "Punten of MoSCoW verdelen over het programma van eisen." }), minutes: minutes.optional() }),
    z.strictObject({
      kind: z.literal("casustoets").meta({ description: "Het programma van eisen toetsen aan casussen met De Omgekeerde Toets." }),
      caseIds: z
        .array(IdSchema)
        .min(1)
        // uniqueItems: the editor marks a case named twice at once (scenario:check explains it, rules.ts).
        .meta({ description: "De casussen (ids uit `cases`) die getoetst worden, in volgorde. Elke casus één keer.", examples: [["ebike", "kinderopvang"]], uniqueItems: true }),
      perTafel: z
        .boolean()
        .optional()
        .meta({ description: "Met tafels: elke tafel toetst een eigen casus (de casussen om de beurt verdeeld). Zonder deze regel toetst de hele groep samen.", examples: [true] }),
      minutes: minutes.optional(),
    }),
    z.strictObject({ kind: z.literal("resultaat").meta({ description: "Het kader op maat." }) }),
  ])
  .meta({ description: "Een fase van de sessie." });
export type Phase = z.infer<typeof PhaseSchema>;

export const VariantSchema = z
  .strictObject({
    id: id("Korte, vaste naam van de variant.", "dag"),
    title: text(100, "De naam van de variant, zoals de spelleider hem kiest: zeg wat hij is en hoe lang hij duurt.", "Eén dagdeel (ruim 3 uur)"),
    phases: z.array(PhaseSchema).min(2).meta({ description: "De fasen in volgorde. Begin met `lobby`, eindig met `resultaat`." }),
  })
  .meta({ description: "Een speelvariant: welke fasen, in welke volgorde, met welke timers." });
export type Variant = z.infer<typeof VariantSchema>;

export const VotingSchema = z
  .discriminatedUnion("mode", [
    z.strictObject({
      mode: z.literal("punten").meta({ description: "Iedere speler verdeelt een vast aantal punten." }),
      budget: z.number().int().min(1).max(100).meta({ description: "Aantal punten per speler.", examples: [10] }),
      maxPerItem: z.number().int().min(1).max(100).optional().meta({ description: "Hoogstens zoveel punten op één eis.", examples: [3] }),
    }),
    z.strictObject({ mode: z.literal("moscow").meta({ description: "Iedere speler kiest per eis: must, should, could of won't." }) }),
  ])
  .meta({ description: "Hoe er geprioriteerd wordt." });
export type Voting = z.infer<typeof VotingSchema>;

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "Verwijzing naar scenario.schema.json, voor automatisch aanvullen in je editor." }),
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION).meta({ description: "Versie van dit scenarioformaat. Nu: 1." }),
    id: id("Korte, vaste naam van het scenario (kleine letters, streepjes).", "wmo-meedoen"),
    title: text(120, "De titel van het scenario.", "Meedoen met de Wmo"),
    intro: text(2000, "De inleiding die alle deelnemers zien.", "Vandaag staan we in de schoenen van een ander."),
    roles: RolesSchema,
    rolePriority: z
      .array(z.enum(GAME_ROLES))
      .length(6)
      .meta({ description: "Volgorde waarin rollen worden verdeeld als er minder dan zes spelers zijn. Noem alle zes rollen één keer.", examples: [["burger", "wijkteamprofessional", "wethouder", "beleidsambtenaar", "raadslid", "directeur"]] }),
    categories: z.array(CategorySchema).min(1).meta({ description: "De categorieën van het programma van eisen. De eerste is altijd `kernwaarden`." }),
    beeldvorming: z
      .strictObject({ prompts: z.array(PromptSchema).min(1).meta({ description: "De vragen voor de beeldvorming." }) })
      .meta({ description: "De opwarmer: wat is maatwerk, en wat niet?" }),
    rounds: z.array(RoundSchema).min(1).meta({ description: "De rolwissel-rondes." }),
    cases: z.array(CaseSchema).min(1).meta({ description: "De casussen." }),
    omgekeerdeToets: z
      .array(ToetsStepSchema)
      .min(1)
      .meta({ description: "De stappen van De Omgekeerde Toets, in volgorde; de wet komt als laatste." }),
    voting: VotingSchema,
    variants: z.array(VariantSchema).min(1).meta({ description: "De speelvarianten; de eerste is de standaard." }),
    notPersonalData: z
      .array(z.string().trim().min(1, "mag niet leeg zijn").max(200, "mag hoogstens 200 tekens hebben"))
      .optional()
      .meta({
        description:
          "Teksten die de controle voor persoonsgegevens aanziet maar die het niet zijn (verzonnen, of het algemene nummer van een instantie), precies zoals ze in het scenario staan. Alleen wat hier staat, telt als bevestigd; zonder bevestiging biedt de server een scenario met zo'n melding niet aan.",
        examples: [["06-12345678"]],
      }),
  })
  .meta({ title: "Maatwerkspel-scenario", description: "Een scenario voor Maatwerkspel: rollen, casussen, categorieën en fasen." });
export type Scenario = z.infer<typeof ScenarioSchema>;
