/**
 * The JSON Schema trainers' editors use for autocompletion, hover help and red squiggles, generated from the zod
 * ScenarioSchema (shared/protocol/scenario.ts) so the two never drift apart. `npm run scenario:schema` writes it to
 * scenarios/scenario.schema.json; a test fails when the committed file is out of date.
 *
 * Draft-07: VS Code's JSON language service supports it completely (newer drafts only partly). The parts of a
 * scenario get their own named definitions (Briefing, Case, Phase, …) so the six role briefings are written once
 * and hover help shows a readable name.
 */
import { z } from "zod";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import {
  BriefingSchema,
  CaseSchema,
  CategorySchema,
  PhaseSchema,
  PromptSchema,
  RoundSchema,
  ScenarioSchema,
  ToetsStepSchema,
  VariantSchema,
  VotingSchema,
} from "#shared/protocol/scenario.ts";

/** Where the schema lives, relative to the repository root; scenarios refer to it as "./scenario.schema.json". */
export const SCHEMA_PATH = "scenarios/scenario.schema.json";

/** Names of the definitions in the schema file. */
const DEFINITION_NAMES = new Map<z.core.$ZodType, string>([
  [BriefingSchema, "Briefing"],
  [CategorySchema, "Category"],
  [PromptSchema, "Prompt"],
  [RoundSchema, "Round"],
  [CaseSchema, "Case"],
  [ToetsStepSchema, "ToetsStep"],
  [PhaseSchema, "Phase"],
  [VariantSchema, "Variant"],
  [VotingSchema, "Voting"],
]);

/**
 * The metadata zod's generator reads: the descriptions and examples from the global registry (where `.meta()` puts
 * them), plus an `id` for the schemas that become named definitions.
 */
class NamedDefinitions extends z.core.$ZodRegistry<z.core.JSONSchemaMeta> {
  override get<S extends z.core.$ZodType>(schema: S): z.core.JSONSchemaMeta | undefined {
    const meta = z.globalRegistry.get(schema);
    const id = DEFINITION_NAMES.get(schema);
    return id === undefined ? meta : { ...meta, id };
  }
}

/**
 * A record with a fixed set of keys (factsPerRole: one list per role id) comes out as `propertyNames` with an enum.
 * Editors suggest keys from `properties`, not from `propertyNames`, so spell the keys out, each with its own hover
 * help; with `additionalProperties: false` this accepts exactly the same documents.
 */
function spellOutFixedKeys(schema: z.core.JSONSchema.BaseSchema): void {
  const names = schema.propertyNames;
  const value = schema.additionalProperties;
  if (schema.properties !== undefined || typeof names !== "object" || value === undefined || typeof value === "boolean") return;
  const keys = names.enum ?? [];
  const strings = keys.filter((key): key is string => typeof key === "string");
  if (strings.length === 0 || strings.length !== keys.length) return;
  delete schema.propertyNames;
  delete schema.additionalProperties;
  schema.properties = Object.fromEntries(strings.map((key) => [key, { ...value, ...keyDescription(key) }]));
  schema.additionalProperties = false;
}

/** Hover help for one spelled-out key; the only such record is factsPerRole, keyed by role. */
function keyDescription(key: string): { description?: string } {
  return GAME_ROLES.some((role) => role === key) ? { description: `Feiten over deze casus die alleen de rol "${key}" kent.` } : {};
}

/** The JSON Schema for scenario files, as an object. */
export function scenarioJsonSchema(): z.core.JSONSchema.BaseSchema {
  return z.toJSONSchema(ScenarioSchema, {
    target: "draft-07",
    // What a trainer writes: fields with a default (factsPerRole) are optional there.
    io: "input",
    metadata: new NamedDefinitions(),
    override: ({ jsonSchema }) => {
      // VS Code shows `description` as plain text; the same text as markdown renders the `field` names nicely.
      if (typeof jsonSchema.description === "string" && jsonSchema.description.includes("`")) {
        jsonSchema.markdownDescription = jsonSchema.description;
      }
      spellOutFixedKeys(jsonSchema);
    },
  });
}

/** The text of scenarios/scenario.schema.json: two-space indented, ending in a newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
