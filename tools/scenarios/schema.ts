/**
 * `npm run scenario:schema`: writes scenarios/scenario.schema.json from the zod ScenarioSchema. Run it after every
 * change to shared/protocol/scenario.ts and commit the result.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { SCHEMA_PATH, scenarioJsonSchemaText } from "./jsonSchema.ts";

const target = fileURLToPath(new URL(`../../${SCHEMA_PATH}`, import.meta.url));
const text = scenarioJsonSchemaText();
const before = await readFile(target, "utf8").catch(() => null);
if (before === text) console.log(`${SCHEMA_PATH} was al bij.`);
else {
  await writeFile(target, text, "utf8");
  console.log(`${SCHEMA_PATH} bijgewerkt.`);
}

// The Veldenoverzicht in scenarios/README.md comes from the same schema (fieldReference.ts).
const { writeFieldReference } = await import("./fieldReference.ts");
if (await writeFieldReference(fileURLToPath(new URL("../../scenarios/README.md", import.meta.url)))) console.log("scenarios/README.md (veldenoverzicht) bijgewerkt.");
