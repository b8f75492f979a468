/**
 * `npm run scenario:check [bestanden of mappen…]`: checks scenario files and prints every problem on one line,
 * `bestand:regel:kolom  pad  fout|waarschuwing: uitleg`, then "N fouten, M waarschuwingen in K bestanden".
 * Without arguments it checks every *.json in scenarios/ except the JSON Schema. Exit code 1 when there is at
 * least one fout, 0 otherwise (warnings alone do not fail).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkScenarioFiles, formatReport, hasErrors, unreadableFile, type FileCheck } from "../../server/scenarios/check.ts";
import { SCHEMA_FILE_NAME } from "../../server/scenarios/load.ts";

const SCENARIO_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));
// npm runs scripts in the package root; paths on the command line are meant from where the trainer typed them.
const base = process.env.INIT_CWD ?? process.cwd();

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function scenarioFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json") && entry.name !== SCHEMA_FILE_NAME)
    .map((entry) => join(dir, entry.name))
    .sort();
}

/**
 * The files to check, absolute; a directory stands for the scenario files in it. The JSON Schema is passed over
 * also when named (`scenarios/*.json` names it): it is the editor's description of a scenario, not a scenario.
 */
async function filesToCheck(args: readonly string[]): Promise<{ files: string[]; failed: FileCheck[]; skipped: string[] }> {
  if (args.length === 0) return { files: await scenarioFilesIn(SCENARIO_DIR), failed: [], skipped: [] };
  const files: string[] = [];
  const failed: FileCheck[] = [];
  const skipped: string[] = [];
  for (const arg of args) {
    const path = isAbsolute(arg) ? arg : resolve(base, arg);
    try {
      if ((await stat(path)).isDirectory()) files.push(...(await scenarioFilesIn(path)));
      else if (basename(path) === SCHEMA_FILE_NAME) skipped.push(path);
      else files.push(path);
    } catch (err) {
      failed.push(unreadableFile(arg, errorText(err)));
    }
  }
  return { files, failed, skipped };
}

const shown = (file: string): string => {
  const rel = relative(base, file);
  return rel === "" || rel.startsWith("..") ? file : rel;
};

const { files, failed, skipped } = await filesToCheck(process.argv.slice(2));
for (const file of skipped) {
  console.log(`${shown(file)}  overgeslagen: dit is het schema dat je editor gebruikt (aanvullingen en uitleg), geen scenario.`);
}
const texts: { file: string; text: string }[] = [];
for (const file of files) {
  try {
    texts.push({ file: shown(file), text: await readFile(file, "utf8") });
  } catch (err) {
    failed.push(unreadableFile(shown(file), errorText(err)));
  }
}
const checks = [...failed, ...checkScenarioFiles(texts)];
console.log(formatReport(checks).join("\n"));
process.exitCode = hasErrors(checks) ? 1 : 0;
