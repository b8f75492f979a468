/**
 * `npm run scenario:preview -- path/to/file.json [--port 4500]`: a small local web server that shows one scenario
 * file as participants will see it, re-read from disk on every request. The page polls `/__version` and reloads
 * itself when the file is saved; a broken file shows its problems in Dutch (the checker of `npm run scenario:check`,
 * with line and column) and the page keeps reloading until it is fixed.
 */
import { watch, type FSWatcher } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { basename, dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { scenarioPreviewPage, scenarioProblemsPage, type ShownProblem } from "../../server/render/preview.ts";
import { pagePolicy } from "../../server/render/shell.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { checkScenarioText } from "../../server/scenarios/check.ts";
import { parseScenarioJson } from "../../server/scenarios/load.ts";

export const DEFAULT_PORT = 4500;

/** npm runs scripts in the package root; a path on the command line is meant from where the trainer typed it. */
const base = () => process.env.INIT_CWD ?? process.cwd();

export type FileResult = { ok: true; scenario: Scenario; warnings: ShownProblem[] } | { ok: false; problems: ShownProblem[] };

/**
 * Reads and checks one scenario file with the same checker as `npm run scenario:check` (line, column, path, Dutch
 * message; warnings such as personal data in a case too); never throws. `shown` is the file name in the places.
 */
export async function checkScenarioFile(file: string, shown = file): Promise<FileResult> {
  let text: string;
  try {
    text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    return { ok: false, problems: [{ where: shown, severity: "fout", message: `Het bestand kan niet worden gelezen: ${err instanceof Error ? err.message : String(err)}.` }] };
  }
  const checked = checkScenarioText(text).problems.map(
    (p): ShownProblem => ({ where: `${shown}:${p.line}:${p.column}`, path: p.path, severity: p.severity, message: p.message }),
  );
  if (checked.some((p) => p.severity === "fout")) return { ok: false, problems: checked };
  // No errors, so the text is valid JSON and a valid scenario; parse it the way the server does.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ where: shown, severity: "fout", message: `Dit is geen geldige JSON (${err instanceof Error ? err.message : String(err)}).` }] };
  }
  const result = parseScenarioJson(json);
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => ({ where: shown, severity: "fout", message: p.message })) };
  return { ok: true, scenario: result.scenario, warnings: checked };
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the preview server for `file`; resolves once it listens. */
export async function startPreviewServer(options: { file: string; port?: number; host?: string }): Promise<PreviewServer> {
  const file = resolve(base(), options.file);
  const rel = relative(base(), file);
  const shown = rel === "" || rel.startsWith("..") ? file : rel;
  const started = Date.now().toString(36);
  let changes = 0;
  const version = () => `${started}.${changes}`;

  // Watch the folder, not the file: editors often save by writing a new file and renaming it over the old one.
  let debounce: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(file), (_event, name) => {
    if (name !== null && name !== basename(file)) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => changes++, 60);
  });

  const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store", ...headers });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain", "Alleen bekijken kan hier.", { allow: "GET, HEAD" });
    if (path === "/__version") return send(res, 200, "text/plain", version());
    if (path !== "/" && path !== "/index.html") return send(res, 404, "text/plain", "Deze pagina bestaat niet. Het voorbeeld staat op /.");
    const pageOptions = { liveVersion: version(), source: shown };
    const result = await checkScenarioFile(file, shown);
    const html = result.ok
      ? scenarioPreviewPage(result.scenario, { ...pageOptions, warnings: result.warnings })
      : scenarioProblemsPage(shown, result.problems, pageOptions);
    send(res, 200, "text/html", html, { "content-security-policy": pagePolicy(html) });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, "text/plain", `Er ging iets mis: ${err instanceof Error ? err.message : String(err)}`));
  });
  const host = options.host ?? "localhost";
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? DEFAULT_PORT, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? DEFAULT_PORT);
  return {
    url: `http://${host}:${port}/`,
    port,
    async close() {
      clearTimeout(debounce);
      watcher.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

const USAGE = "Gebruik: npm run scenario:preview -- scenarios/mijn-scenario.json [--port 4500]";

async function main(): Promise<void> {
  let file: string | undefined;
  let port = DEFAULT_PORT;
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: "string", short: "p" } } });
    file = positionals[0];
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${values.port}" is geen geldig poortnummer; kies een getal tussen 1 en 65535.`);
    }
  } catch (err) {
    console.error(err instanceof Error && err.message.includes("poortnummer") ? err.message : `Deze opties ken ik niet. ${USAGE}`);
    process.exit(2);
  }
  if (file === undefined) {
    console.error(`Geef het scenariobestand op dat je wilt bekijken.\n${USAGE}`);
    process.exit(2);
  }
  try {
    if (!(await stat(resolve(base(), file))).isFile()) throw new Error("geen bestand");
  } catch {
    console.error(`Het bestand ${file} bestaat niet. Controleer de naam en de map.\n${USAGE}`);
    process.exit(2);
  }

  let preview: PreviewServer;
  try {
    preview = await startPreviewServer({ file, port });
  } catch (err) {
    const inUse = err instanceof Error && "code" in err && err.code === "EADDRINUSE";
    console.error(
      inUse
        ? `Poort ${port} is al in gebruik. Kies een andere, bijvoorbeeld: npm run scenario:preview -- ${file} --port ${port + 1}`
        : `De voorbeeldserver kon niet starten: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }
  const first = await checkScenarioFile(resolve(base(), file), file);
  console.log(`Voorbeeld van ${file}: ${preview.url}`);
  console.log("Open dit adres in je browser. De pagina ververst vanzelf zodra je het bestand opslaat. Stoppen: Ctrl+C.");
  const problems = first.ok ? first.warnings : first.problems;
  if (problems.length > 0) {
    console.log(`Let op: het bestand heeft nu ${problems.length === 1 ? "1 melding" : `${problems.length} meldingen`} van de controle; je ziet ze op de pagina.`);
  }
  const stop = () => void preview.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (import.meta.main) await main();
