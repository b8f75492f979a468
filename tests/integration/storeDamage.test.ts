/**
 * A damaged store, as `npm start` meets it: three sessions played on a real server, kill -9, then copies of the data
 * directory damaged the way a bad disk or a hand edit would (bytes changed inside an event, a row deleted from the
 * middle of a log, a zeroed file header, a damaged WAL frame), and the real server started on each copy. It must say
 * in Dutch which sessions are damaged, report it on /health, refuse a damaged session whole with a Dutch message,
 * keep serving the intact ones, and stop with a short Dutch line (no stack trace) on a file it cannot read at all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setUpSession } from "../../tools/bots/play.ts";
import { SessionClient } from "../../game/src/net/sessionClient.ts";
import { StoredEventSchema } from "#shared/protocol/events.ts";
import { DAMAGED_SESSION_NOTICE } from "#shared/protocol/wire.ts";
import { freePort } from "./harness.ts";

const root = mkdtempSync(join(tmpdir(), "maatwerkspel-schade-"));
const children: ChildProcess[] = [];
const FILE = "maatwerkspel.sqlite";
/** A name that occurs once in the whole file: in the body of one ParticipantJoined event. */
const NAME = "Jannetje Bytefout";

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** The trainer's overview is on in these servers: it reads every session of a scenario. */
const TRAINER_SECRET = "trainer-geheim-voor-de-schadetest-0123456789";

function startServer(dataDir: string, port: number): Running {
  const child = spawn(process.execPath, ["server/main.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, TRAINER_SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Waits until the process serves (/health/live), whatever /health says about the store. */
async function serving(server: Running): Promise<Running> {
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    if (await fetch(`${server.baseUrl}/health/live`).then((r) => r.ok, () => false)) return server;
    if (server.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`De server startte niet:\n${server.output()}`);
}

const HealthSchema = z.object({
  ok: z.boolean(),
  store: z.object({ status: z.string(), damagedSessions: z.number(), storageProblems: z.number(), message: z.string() }),
});
const LogSchema = z.object({ events: z.array(StoredEventSchema) });
const ErrorSchema = z.object({ error: z.string() });

async function health(baseUrl: string): Promise<{ status: number; body: z.infer<typeof HealthSchema> }> {
  const res = await fetch(`${baseUrl}/health`);
  return { status: res.status, body: HealthSchema.parse(await res.json()) };
}

/** The error a join ends with (the SDK client throws it). */
async function joinError(join: Promise<SessionClient>): Promise<string> {
  return join.then(
    async (client) => {
      await client.leave();
      return "(toegelaten)";
    },
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

interface Played {
  sessionId: string;
  secret: string;
  code: string;
  label: string;
  events: number;
}

/** The sessions played before the kill: A gets bytes changed, B loses a row from the middle, C stays whole. */
const played: Record<"a" | "b" | "c", Played> = {} as Record<"a" | "b" | "c", Played>;
/** The seq of NAME's ParticipantJoined in session A. */
let nameSeq = 0;
/** The data directory as kill -9 left it (WAL and all). */
const killed = join(root, "na-kill-9");

beforeAll(async () => {
  const port = await freePort();
  const server = await serving(startServer(killed, port));
  for (const key of ["a", "b", "c"] as const) {
    const label = `Gemeente Proefdorp ${key.toUpperCase()}`;
    const ctx = await setUpSession({ baseUrl: server.baseUrl, players: 2, scenarioId: "demo-maatwerk", label });
    const extra = key === "a" ? await SessionClient.join(server.baseUrl, { as: "deelnemer", code: ctx.code, displayName: NAME, realRole: "raadslid" }) : null;
    if (extra) await extra.until(() => extra.mine !== null);
    const log = LogSchema.parse(await (await fetch(`${server.baseUrl}/api/spelleider/${ctx.secret}/events`)).json());
    if (key === "a") nameSeq = log.events.find((e) => e.event.type === "ParticipantJoined" && e.event.displayName === NAME)?.seq ?? 0;
    played[key] = { sessionId: ctx.sessionId, secret: ctx.secret, code: ctx.code, label, events: log.events.length };
    await Promise.all([ctx.spelleider, ...ctx.players, ...(extra ? [extra] : [])].map((c) => c.leave()));
  }
  expect(nameSeq).toBeGreaterThan(1);
  server.child.kill("SIGKILL");
  await server.exited;
  expect(existsSync(join(killed, `${FILE}-wal`))).toBe(true);
}, 120_000);

/** A copy of the data directory after kill -9 with the WAL folded into the file, as the next start would do. */
function checkpointedCopy(name: string): string {
  const dir = join(root, name);
  cpSync(killed, dir, { recursive: true });
  const db = new DatabaseSync(join(dir, FILE));
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  return dir;
}

describe("de server start op een beschadigde opslag", () => {
  it("noemt bij de start de beschadigde sessies, meldt het op /health en weigert die sessies heel, in het Nederlands", { timeout: 90_000 }, async () => {
    const dir = checkpointedCopy("beschadigd");
    const file = join(dir, FILE);
    // B: a row out of the middle of its log.
    const db = new DatabaseSync(file);
    db.prepare("DELETE FROM events WHERE session_id = ? AND seq = 2").run(played.b.sessionId);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    db.close();
    // A: one byte inside an event's JSON, on disk. The JSON stays valid and the event too: only the chain can tell.
    const bytes = readFileSync(file);
    const at = bytes.indexOf(NAME);
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf(NAME, at + 1)).toBe(-1);
    bytes.write("C", at + NAME.indexOf("B"), "latin1");
    writeFileSync(file, bytes);

    const server = await serving(startServer(dir, await freePort()));
    const { a, b, c } = played;
    const out = server.output();
    expect(out).toContain("LET OP: de opslag is beschadigd (3 sessies gecontroleerd).");
    expect(out).toContain(`sessie ${a.sessionId} ("${a.label}"): gebeurtenis ${nameSeq} is gewijzigd of beschadigd (de controlesom klopt niet)`);
    expect(out).toContain(`sessie ${b.sessionId} ("${b.label}"): gebeurtenis 2 ontbreekt (na 1 komt 3)`);
    expect(out).toContain("Deze sessies worden niet geopend; de andere sessies werken gewoon.");
    expect(out).not.toContain(c.sessionId);

    expect(await health(server.baseUrl)).toStrictEqual({
      status: 503,
      body: expect.objectContaining({
        ok: false,
        store: expect.objectContaining({ status: "beschadigd", damagedSessions: 2, storageProblems: 0, message: "De opslag is beschadigd: 2 sessies worden niet geopend. De andere sessies werken gewoon; de serverlog zegt wat er mis is." }),
      }),
    });

    // Joining a damaged session: refused whole, with a clear Dutch message, as participant and as spelleider.
    expect(await joinError(SessionClient.join(server.baseUrl, { as: "deelnemer", code: a.code, displayName: "Nieuwkomer", realRole: "anders" }))).toBe(DAMAGED_SESSION_NOTICE);
    expect(await joinError(SessionClient.join(server.baseUrl, { as: "spelleider", secret: b.secret }))).toBe(DAMAGED_SESSION_NOTICE);
    expect(server.output()).toContain(`Sessie ${a.sessionId} is beschadigd: gebeurtenis ${nameSeq} is gewijzigd of beschadigd (de controlesom klopt niet). De sessie wordt niet geopend.`);

    // Its log and its exports: the same refusal, never half a log.
    for (const path of [`/api/spelleider/${a.secret}/events`, `/api/spelleider/${a.secret}/export.json`, `/api/spelleider/${b.secret}/export.md`, `/api/spelleider/${b.secret}/terugblik`]) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect({ path, status: res.status, body: ErrorSchema.parse(await res.json()) }).toStrictEqual({ path, status: 409, body: { error: DAMAGED_SESSION_NOTICE } });
    }

    // The trainer's overview of the scenario leaves the damaged sessions out, and says so, by name.
    const overview = await (await fetch(`${server.baseUrl}/trainer/${TRAINER_SECRET}/patronen/demo-maatwerk`)).text();
    expect(overview).toContain("1 sessie vergeleken");
    expect(overview).toMatch(new RegExp(`Niet meegeteld: 2 sessies waarvan de opgeslagen gegevens beschadigd zijn \\((${b.label}, ${a.label}|${a.label}, ${b.label})\\)\\. Meld dit bij de beheerder van Maatwerkspel\\.`));
    const markdown = await (await fetch(`${server.baseUrl}/trainer/${TRAINER_SECRET}/patronen/demo-maatwerk.md`)).text();
    expect(markdown).toContain("**Niet meegeteld: 2 sessies waarvan de opgeslagen gegevens beschadigd zijn");

    // The intact session works as before: its whole log, and everyone can come back in.
    const log = LogSchema.parse(await (await fetch(`${server.baseUrl}/api/spelleider/${c.secret}/events`)).json());
    expect(log.events).toHaveLength(c.events);
    const spelleider = await SessionClient.join(server.baseUrl, { as: "spelleider", secret: c.secret });
    // (The view arrives with the first patch after the join; until then `session` has nothing to parse.)
    await spelleider.until(() => spelleider.room.state.session !== undefined && spelleider.session.participantCount === 2);
    await spelleider.leave();
  });

  it("stopt met een korte Nederlandse melding en zonder stack trace bij een op nul gezette bestandskop", { timeout: 60_000 }, async () => {
    const dir = checkpointedCopy("nulkop");
    const file = join(dir, FILE);
    const bytes = readFileSync(file);
    bytes.fill(0, 0, 100);
    writeFileSync(file, bytes);

    const server = startServer(dir, await freePort());
    expect(await server.exited).toBe(1);
    const out = server.output();
    expect(out).toContain(`Maatwerkspel start niet: de opslag kan niet worden geopend. Het databasebestand ${file} kan niet worden gelezen: het is beschadigd of geen Maatwerkspel-database`);
    expect(out).toContain("Zet een reservekopie terug, of start met een andere DATA_DIR.");
    expect(out).not.toMatch(/^\s+at /m);
    expect(out).not.toMatch(/Error:/);
  });

  it("meldt wat quick_check vindt als het einde van het bestand is overschreven, en geeft geen sessie half", { timeout: 60_000 }, async () => {
    // The probe's second case: the last 4 KiB of the .sqlite overwritten, the WAL gone.
    const dir = checkpointedCopy("staart");
    const file = join(dir, FILE);
    const bytes = readFileSync(file);
    bytes.fill(0xab, bytes.length - 4096);
    writeFileSync(file, bytes);

    const server = await serving(startServer(dir, await freePort()));
    expect(server.output()).toMatch(/opslag: SQLite (meldt bij quick_check dat het bestand beschadigd is|kon quick_check niet uitvoeren)/);
    const { status, body } = await health(server.baseUrl);
    expect(status).toBe(503);
    expect(body.store.storageProblems).toBeGreaterThanOrEqual(1);
    // Every session is either whole, with every event it had, or refused with the Dutch message: never a shorter log.
    for (const s of Object.values(played)) {
      const res = await fetch(`${server.baseUrl}/api/spelleider/${s.secret}/events`);
      const answer: unknown = await res.json();
      if (res.status === 200) expect(LogSchema.parse(answer).events).toHaveLength(s.events);
      else expect({ status: res.status, body: answer }).toStrictEqual({ status: 409, body: { error: DAMAGED_SESSION_NOTICE } });
    }
  });

  it("merkt vastgelegde transacties op die SQLite na een beschadigd WAL-frame zou weglaten", { timeout: 60_000 }, async () => {
    // The probe's first case: bytes changed inside an early commit frame of the WAL, on a copy taken after kill -9.
    const dir = join(root, "wal");
    cpSync(killed, dir, { recursive: true });
    const walFile = join(dir, `${FILE}-wal`);
    const wal = readFileSync(walFile);
    const frameBytes = 24 + wal.readUInt32BE(8);
    const frames = Math.floor((wal.length - 32) / frameBytes);
    expect(frames).toBeGreaterThan(10);
    const damagedFrame = Math.floor(frames / 2);
    const at = 32 + (damagedFrame - 1) * frameBytes + 24 + 100;
    wal.writeUInt8(wal.readUInt8(at) ^ 0xff, at);
    writeFileSync(walFile, wal);

    const server = await serving(startServer(dir, await freePort()));
    expect(server.output()).toMatch(new RegExp(`opslag: het WAL-bestand is beschadigd bij frame ${damagedFrame}: (1 vastgelegde transactie daarna wordt|\\d+ vastgelegde transacties daarna worden) niet geladen\\.`));
    const { status, body } = await health(server.baseUrl);
    expect(status).toBe(503);
    expect(body.store).toMatchObject({ status: "beschadigd", storageProblems: 1 });
    // What is left of the WAL was copied aside before SQLite opened it.
    expect(readdirSync(dir).filter((name) => name.startsWith(`${FILE}-wal.beschadigd-`))).toHaveLength(1);
  });
});
