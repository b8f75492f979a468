/**
 * Older scenario formats, brought up to the current one (SCENARIO_SCHEMA_VERSION) before zod sees them, so a
 * trainer's old file keeps loading. Used by the server (load.ts) and by the checker (check.ts). Pure, no I/O.
 *
 * Version 0 is the format from before speelvarianten:
 *   - the phases stand at the top, in `"phases": [ … ]`, instead of in `"variants": [{ …, "phases": [ … ] }]`;
 *   - points voting is written `"mode": "points"` instead of `"mode": "punten"`.
 * Everything else is as in version 1. A version-0 file says so itself: `"schemaVersion": 0`.
 *
 * Version 0 becomes version 1 with one variant, { "id": "standaard", "title": "Standaard", "phases": … }.
 */
import { SCENARIO_SCHEMA_VERSION } from "#shared/protocol/scenario.ts";
import type { ScenarioPath, ScenarioProblem } from "./rules.ts";

/** The variant a version-0 scenario's phases end up in. */
export const V0_VARIANT = { id: "standaard", title: "Standaard" } as const;

export type Migration =
  | {
      ok: true;
      /** The scenario in the current format, for zod; the input itself when it needed no migration. */
      value: unknown;
      /** The version the file was written in, when it was an older one that got migrated. */
      migratedFrom?: number;
      /** Where a place in `value` stands in the file as written: problems are reported there. */
      sourcePath: (path: readonly (string | number)[]) => ScenarioPath;
    }
  | { ok: false; problems: ScenarioProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const samePath = (path: readonly (string | number)[]): ScenarioPath => [...path];

/**
 * Brings a parsed scenario file to the current format. Anything that is not a known older version is passed on
 * unchanged, so zod reports it (a missing or misspelt schemaVersion, say); a version newer than this code knows is
 * reported here, in Dutch.
 */
export function migrateScenario(json: unknown): Migration {
  if (!isRecord(json)) return { ok: true, value: json, sourcePath: samePath };
  const version = json.schemaVersion;
  if (version === 0) return migrateV0(json);
  if (typeof version === "number" && Number.isInteger(version) && version > SCENARIO_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: ["schemaVersion"],
          message:
            `Dit scenario heeft schemaVersion ${version}, een nieuwer formaat dan deze versie van Maatwerkspel kent ` +
            `(die leest tot en met versie ${SCENARIO_SCHEMA_VERSION}). Werk Maatwerkspel bij, ` +
            `of schrijf het scenario in versie ${SCENARIO_SCHEMA_VERSION} met "schemaVersion": ${SCENARIO_SCHEMA_VERSION}.`,
        },
      ],
    };
  }
  return { ok: true, value: json, sourcePath: samePath };
}

function migrateV0(v0: Record<string, unknown>): Migration {
  if ("variants" in v0) {
    return {
      ok: false,
      problems: [
        {
          path: ["variants"],
          message:
            'Dit scenario zegt "schemaVersion": 0, maar heeft "variants", en die bestaan pas sinds versie 1. ' +
            `Zet "schemaVersion": ${SCENARIO_SCHEMA_VERSION}, of zet in het oude formaat de fasen in "phases".`,
        },
      ],
    };
  }
  if (!("phases" in v0)) {
    return {
      ok: false,
      problems: [
        {
          path: [],
          message:
            'In een scenario met "schemaVersion": 0 staan de fasen in "phases", maar dat veld ontbreekt. ' +
            'Voeg "phases": [ … ] toe, met als eerste fase { "kind": "lobby" } en als laatste { "kind": "resultaat" }.',
        },
      ],
    };
  }
  const v1: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v0)) {
    if (key === "schemaVersion") v1.schemaVersion = SCENARIO_SCHEMA_VERSION;
    else if (key === "phases") v1.variants = [{ ...V0_VARIANT, phases: value }];
    else if (key === "voting" && isRecord(value) && value.mode === "points") v1.voting = { ...value, mode: "punten" };
    else v1[key] = value;
  }
  return { ok: true, value: v1, migratedFrom: 0, sourcePath: v0SourcePath };
}

/** variants[0].phases[3] was phases[3]; the variant itself (its id and title) came from the migration: "phases". */
function v0SourcePath(path: readonly (string | number)[]): ScenarioPath {
  if (path[0] !== "variants") return [...path];
  if (path[1] === 0 && path[2] === "phases") return ["phases", ...path.slice(3)];
  return ["phases"];
}

/** What a trainer does to bring a version-0 file up to date; the checker says it next to its warning. */
export const V0_UPGRADE_HINT =
  `zet "schemaVersion": ${SCENARIO_SCHEMA_VERSION}, vervang "phases": [ … ] door ` +
  `"variants": [{ "id": "${V0_VARIANT.id}", "title": "${V0_VARIANT.title}", "phases": [ … ] }] ` +
  'en schrijf bij "voting" "mode": "punten" in plaats van "points".';
