/**
 * HTTP beside Colyseus on the same port: health, scenarios, creating a session, finding a session by join code
 * or spelleider secret, and a session's event log for its spelleider. Inputs are parsed with zod; errors are Dutch.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Application, type Request, type Response } from "express";
import QRCode from "qrcode";
import { z } from "zod";
import { timeline } from "../core/timeline.ts";
import { EXPORT_FORMATS, KADER_V2_FORMATS, KADER_V2_NOT_OPENED, exportKaderV2, exportSession } from "../exports/index.ts";
import { CodeGuessLimiter, KeyedLimiter, SECRET_LOOKUPS, SESSION_CREATIONS, TOO_MANY_CODE_LOOKUPS, TOO_MANY_SECRET_LOOKUPS, TOO_MANY_SESSIONS, clientKey, type LookupLimits } from "../limits.ts";
import type { StoredEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { plainLine } from "#shared/protocol/plainText.ts";
import { closeLiveRoomsForDeletion } from "../rooms/liveRoom.ts";
import { isWithheld } from "../scenarios/privacy.ts";
import { scenarioListing } from "../scenarios/listing.ts";
import { createSession, hashSecret, normaliseCode } from "../sessions.ts";
import { DAMAGED_SESSION_NOTICE } from "#shared/protocol/wire.ts";
import { DamagedSessionError, isDamaged, type IntegrityReport } from "../store/integrity.ts";
import type { EventStore, SessionRecord } from "../store/types.ts";
import { API_BODY_LIMIT_BYTES, useErrorPages } from "./errors.ts";
import { TerugblikCache } from "./terugblikCache.ts";
import { registerFontRoutes } from "./fonts.ts";
import { registerPatternRoutes } from "./patterns.ts";
import { previewWarnings } from "./preview.ts";
import { clientPagePolicy, useSecurityHeaders } from "./security.ts";
import { landingPage } from "../render/landing.ts";
import { lockedPreviewPage, scenarioPreviewPage } from "../render/preview.ts";
import { pagePolicy } from "../render/shell.ts";

export interface HttpServices {
  /** The built client, served for page paths; absent in tests that need no browser. */
  clientDir?: string;
  store: EventStore;
  scenarios: ReadonlyMap<string, Scenario>;
  now: () => number;
  startedAt: number;
  /** TRAINER_SECRET: opens the trainer's overview over sessions at /trainer/<secret>; absent, it stays off. */
  trainerSecret?: string | null;
  /** New sessions per address (default SESSION_CREATIONS). */
  sessionCreations?: LookupLimits;
}

const CreateSessionSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  variantId: z.string().min(1).max(64).optional(),
  /** One line, control characters removed (protocol/plainText.ts): it is printed for the operator, too. */
  label: z.string().overwrite(plainLine).trim().max(120).optional(),
});

const fail = (res: Response, status: number, message: string) => res.status(status).json({ error: message });

/** Pages behind a secret link: not cached, not indexed, and the link does not travel on as a referrer. */
const PRIVATE_PAGE_HEADERS = { "cache-control": "no-store", "referrer-policy": "no-referrer", "x-robots-tag": "noindex, nofollow" };

const param = (req: Request, name: string): string => {
  const value = req.params[name];
  return typeof value === "string" ? value : "";
};

const UNKNOWN_CODE = "Deze code kennen we niet. Controleer de code op het scherm van de spelleider.";
const UNKNOWN_SECRET = "Deze spelleiderslink klopt niet.";

/** Status of a refused request for a session whose stored log is damaged (the room refuses a join with the same). */
const DAMAGED_SESSION_STATUS = 409;

/**
 * A session's whole log; or null, with the Dutch refusal sent, when the stored log is damaged: a damaged session is
 * never shown, exported or replayed half. The operator reads where it broke in the server log.
 */
async function loadWhole(store: EventStore, res: Response, sessionId: string): Promise<StoredEvent[] | null> {
  try {
    return await store.load(sessionId);
  } catch (error) {
    if (!(error instanceof DamagedSessionError)) throw error;
    console.error(`${error.message} De sessie wordt niet geopend.`);
    fail(res, DAMAGED_SESSION_STATUS, DAMAGED_SESSION_NOTICE);
    return null;
  }
}

/**
 * What /health says about the store. Session ids and labels stay out (the endpoint is public): the server log names
 * them, at start-up and whenever a load finds damage.
 */
function storeHealth(report: IntegrityReport) {
  const damaged = isDamaged(report);
  const sessions = report.damaged.length;
  return {
    status: damaged ? "beschadigd" : "in orde",
    checkedAt: report.checkedAt,
    sessionsChecked: report.sessionsChecked,
    damagedSessions: sessions,
    storageProblems: report.storage.length,
    message: damaged
      ? `De opslag is beschadigd${sessions > 0 ? `: ${sessions} ${sessions === 1 ? "sessie wordt" : "sessies worden"} niet geopend` : ""}. De andere sessies werken gewoon; de serverlog zegt wat er mis is.`
      : "De opslag is in orde.",
  };
}

export function registerRoutes(app: Application, services: HttpServices): void {
  useSecurityHeaders(app);
  app.use(express.json({ limit: API_BODY_LIMIT_BYTES }));

  // Guessing a join code or a spelleider link: a look-up that finds nothing costs the address a token. Once they are
  // gone, the look-ups concerned are refused, also ones that would succeed (refusing only unknown codes would still tell
  // which codes exist), until a token is back. Look-ups that find a session cost nothing. Join codes: each wrong code
  // counts once, per address and code prefix and per address in all (CodeGuessLimiter in limits.ts explains why that
  // still stops a guesser), so one phone that mistypes does not lock a class behind the same NAT out of its own code.
  const codeGuesses = new CodeGuessLimiter();
  const secretLookups = new KeyedLimiter(SECRET_LOOKUPS);
  const addressOf = (req: Request): string => clientKey(req.ip ?? req.socket.remoteAddress);
  /** What a look-up may cost: asked before it, charged after one that found nothing. */
  interface Allowance {
    allows(now: number): boolean;
    retryAfterSeconds(now: number): number;
    wrong(now: number): void;
  }
  const lookUp = async <T>(res: Response, allowance: Allowance, tooMany: string, unknown: string, find: () => Promise<T | null>): Promise<T | null> => {
    if (!allowance.allows(services.now())) {
      res.set("retry-after", String(allowance.retryAfterSeconds(services.now())));
      fail(res, 429, tooMany);
      return null;
    }
    const found = await find();
    if (found) return found;
    allowance.wrong(services.now());
    fail(res, 404, unknown);
    return null;
  };
  /** The session of a join code, or null with the answer (404, 429) already sent. */
  const byCode = (req: Request, res: Response): Promise<SessionRecord | null> => {
    const address = addressOf(req);
    const code = normaliseCode(param(req, "code")).slice(0, 12);
    const allowance: Allowance = {
      allows: (now) => codeGuesses.allows(address, code, now),
      retryAfterSeconds: (now) => codeGuesses.retryAfterSeconds(address, code, now),
      wrong: (now) => codeGuesses.wrong(address, code, now),
    };
    return lookUp(res, allowance, TOO_MANY_CODE_LOOKUPS, UNKNOWN_CODE, () => services.store.findByCode(code));
  };
  /** The session of a spelleider secret, or null with the answer already sent. */
  const bySecret = (req: Request, res: Response): Promise<SessionRecord | null> => {
    const address = addressOf(req);
    const allowance: Allowance = {
      allows: (now) => secretLookups.allows(address, now),
      retryAfterSeconds: (now) => secretLookups.retryAfterSeconds(address, now),
      wrong: (now) => secretLookups.spend(address, now),
    };
    return lookUp(res, allowance, TOO_MANY_SECRET_LOOKUPS, UNKNOWN_SECRET, () => services.store.findBySecretHash(hashSecret(param(req, "secret"))));
  };

  // Other web pages (CORS, also `npm run dev` with Vite on 5173): decided before this app sees a request, in cors.ts.

  // 503 as soon as damage to the store is known (at start-up or by a load since), so monitoring notices; the intact
  // sessions keep working. /health/live only says the process runs (for a load balancer: see docs/deployment.md, "Beschadigde opslag").
  app.get("/health", (_req, res) => {
    const store = storeHealth(services.store.integrity());
    const ok = store.status === "in orde";
    res.status(ok ? 200 : 503).json({ ok, uptimeSeconds: Math.round((services.now() - services.startedAt) / 1000), scenarios: services.scenarios.size, store });
  });
  app.get("/health/live", (_req, res) => {
    res.json({ ok: true, uptimeSeconds: Math.round((services.now() - services.startedAt) / 1000) });
  });

  app.get("/api/scenarios", (_req, res) => {
    res.json({
      // A scenario with personal data the trainer has not confirmed is not offered (scenarios/privacy.ts).
      // What /nieuw shows: the introduction, and per variant its phases with minutes and rounds or cases.
      scenarios: [...services.scenarios.values()].filter((s) => !isWithheld(s)).map(scenarioListing),
    });
  });

  const creations = new KeyedLimiter(services.sessionCreations ?? SESSION_CREATIONS);
  app.post("/api/sessions", async (req, res) => {
    const creator = clientKey(req.ip ?? req.socket.remoteAddress);
    if (!creations.allows(creator, services.now())) {
      res.set("retry-after", String(creations.retryAfterSeconds(creator, services.now())));
      return fail(res, 429, TOO_MANY_SESSIONS);
    }
    const body = CreateSessionSchema.safeParse(req.body);
    if (!body.success) return fail(res, 400, "Geef een scenario op (scenarioId), en eventueel een variant (variantId) en een naam (label).");
    const scenario = services.scenarios.get(body.data.scenarioId);
    if (!scenario) return fail(res, 404, `Scenario '${body.data.scenarioId}' bestaat niet. Kies uit: ${[...services.scenarios.keys()].join(", ")}.`);
    const created = await createSession(services.store, scenario, { variantId: body.data.variantId, label: body.data.label, now: services.now() });
    if (!created.ok) return fail(res, 400, created.message);
    creations.spend(creator, services.now());
    const { sessionId, code, secret, label } = created.session;
    return res.status(201).json({ sessionId, code, label, secret, joinPath: `/j/${code}`, spelleiderPath: `/spelleider/${secret}`, beamerPath: `/beamer/${code}` });
  });

  app.get("/api/join/:code", async (req, res) => {
    const record = await byCode(req, res);
    if (!record) return;
    return res.json({ sessionId: record.sessionId, code: record.code, label: record.label });
  });

  app.get("/api/spelleider/:secret", async (req, res) => {
    const record = await bySecret(req, res);
    if (!record) return;
    return res.json({ sessionId: record.sessionId, code: record.code, label: record.label, scenarioId: record.scenarioId, createdAt: record.createdAt });
  });

  app.get("/api/spelleider/:secret/events", async (req, res) => {
    const record = await bySecret(req, res);
    if (!record) return;
    const events = await loadWhole(services.store, res, record.sessionId);
    if (!events) return;
    return res.json({ sessionId: record.sessionId, format: "maatwerkspel-eventlog", version: 1, events });
  });

  // Exports for the spelleider, one click away: the kader as Markdown, PDF and CSV, the whole log as JSON.
  for (const format of EXPORT_FORMATS) {
    app.get(`/api/spelleider/:secret/export.${format}`, async (req, res) => {
      const record = await bySecret(req, res);
      if (!record) return;
      const log = await loadWhole(services.store, res, record.sessionId);
      if (!log) return;
      const file = await exportSession(format, log, services.now()).catch((error: unknown) => {
        console.error(`Export ${format} van sessie ${record.sessionId} mislukt:`, error);
        return null;
      });
      if (!file) return fail(res, 500, "De export kon niet worden gemaakt. Probeer het later nog eens.");
      // no-store: the file holds a session's content, which must not linger in shared caches.
      return res.type(file.contentType).attachment(file.fileName).set("cache-control", "no-store").send(file.body);
    });
  }

  // Kader versie 2, once the terugkombijeenkomst is open: Markdown, PDF and CSV. Before that: 409, in Dutch.
  for (const format of KADER_V2_FORMATS) {
    app.get(`/api/spelleider/:secret/export-v2.${format}`, async (req, res) => {
      const record = await bySecret(req, res);
      if (!record) return;
      const log = await loadWhole(services.store, res, record.sessionId);
      if (!log) return;
      const file = await exportKaderV2(format, log, services.now()).catch((error: unknown) => {
        console.error(`Export versie 2 (${format}) van sessie ${record.sessionId} mislukt:`, error);
        return undefined;
      });
      if (file === undefined) return fail(res, 500, "De export kon niet worden gemaakt. Probeer het later nog eens.");
      if (file === null) return fail(res, 409, KADER_V2_NOT_OPENED);
      return res.type(file.contentType).attachment(file.fileName).set("cache-control", "no-store").send(file.body);
    });
  }

  // The terugblik: the spelleider can open it any time; the beamer (by code) once the terugkombijeenkomst is open.
  // The autoplay of the console and the beamer asks for one position after another: the boards come from a bounded
  // cache of folded states (terugblikCache.ts), exactly what replaying the log up to there gives.
  const boards = new TerugblikCache();
  /** The log, or null with the answer sent. With `seq`: a kept log that reaches it will do (a log only grows). */
  const terugblikLog = async (req: Request, res: Response, seq?: number): Promise<{ sessionId: string; log: readonly StoredEvent[] } | null> => {
    const bySpelleider = req.params.secret !== undefined;
    const record = bySpelleider ? await bySecret(req, res) : await byCode(req, res);
    if (!record) return null;
    const { sessionId } = record;
    const opened = (log: readonly StoredEvent[]) => bySpelleider || log.some((s) => s.event.type === "TerugkomOpened");
    // A session found damaged since is not shown from the cache either: the load below refuses it in Dutch.
    if (services.store.integrity().damaged.some((d) => d.sessionId === sessionId)) boards.forget(sessionId);
    const kept = seq === undefined ? null : boards.logFor(sessionId, seq);
    if (kept && opened(kept)) return { sessionId, log: kept };
    const events = await loadWhole(services.store, res, sessionId);
    if (!events) {
      boards.forget(sessionId);
      return null;
    }
    if (opened(events)) return { sessionId, log: boards.remember(sessionId, events) };
    fail(res, 404, "De terugblik is te zien zodra de spelleider de terugkombijeenkomst heeft geopend.");
    return null;
  };
  for (const base of ["/api/spelleider/:secret/terugblik", "/api/terugblik/:code"]) {
    app.get(base, async (req, res) => {
      const found = await terugblikLog(req, res);
      if (found) res.set("cache-control", "no-store").json(timeline(found.log));
    });
    app.get(`${base}/:seq`, async (req, res) => {
      const seq = z.coerce.number().int().min(1).safeParse(req.params.seq);
      if (!seq.success) return fail(res, 400, "Geef een positie in de tijdlijn op: een heel getal vanaf 1.");
      const found = await terugblikLog(req, res, seq.data);
      if (!found) return;
      const at = Math.min(seq.data, found.log.at(-1)?.seq ?? 1);
      // { seq, view } as JSON, as boardAt(log, at) gives it.
      return res.set("cache-control", "no-store").type("json").send(boards.boardJson(found.sessionId, found.log, at));
    });
  }

  // Deleting for good. The live room goes first (everyone told, nothing can write any more), then the data.
  app.delete("/api/spelleider/:secret", async (req, res) => {
    const record = await bySecret(req, res);
    if (!record) return;
    await closeLiveRoomsForDeletion(record.sessionId);
    boards.forget(record.sessionId);
    // False only when a second request deleted it in the meantime.
    if (!(await services.store.deleteSession(record.sessionId))) return fail(res, 404, "Deze sessie is al verwijderd.");
    return res.json({ deleted: true });
  });

  app.get("/api/qr/:code.svg", async (req, res) => {
    const code = normaliseCode(param(req, "code")).slice(0, 12);
    const url = `${req.protocol}://${req.get("host") ?? "localhost"}/j/${code}`;
    const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#1f2a30", light: "#ffffff" } });
    res.type("image/svg+xml").set("cache-control", "public, max-age=3600").send(svg);
  });

  // The scenario preview shows every role's private facts: only with the trainer's link (patterns.ts,
  // /trainer/<secret>/scenario/<id>) or a spelleider's link (below). Without one, a page that shows nothing of it.
  app.get("/scenario/:id", (_req, res) => {
    const html = lockedPreviewPage();
    res.status(403).set({ "content-security-policy": pagePolicy(html), ...PRIVATE_PAGE_HEADERS }).type("html").send(html);
  });
  // The spelleider's own session: its copy of the scenario, as it was when the session was made.
  app.get("/spelleider/:secret/scenario", async (req, res) => {
    const record = await bySecret(req, res);
    if (!record) return;
    const log = await loadWhole(services.store, res, record.sessionId);
    if (!log) return;
    const created = log[0]?.event;
    if (created?.type !== "SessionCreated") return fail(res, 500, "Het scenario van deze sessie kon niet worden gelezen.");
    const html = scenarioPreviewPage(created.scenario, { warnings: previewWarnings(created.scenario) });
    res.status(200).set({ "content-security-policy": pagePolicy(html), ...PRIVATE_PAGE_HEADERS }).type("html").send(html);
  });

  registerPatternRoutes(app, services);
  registerFontRoutes(app);
  serveClient(app, services);
  // Last: a Dutch 404 and a Dutch error answer instead of Express's page with a stack trace (errors.ts).
  useErrorPages(app);
}

/** The built client (dist/client) for every page path; without a build, a plain Dutch page says how to start. */
function serveClient(app: Application, services: HttpServices): void {
  const dir = services.clientDir;
  const index = dir ? join(dir, "index.html") : null;
  if (dir && index && existsSync(index)) {
    app.use(express.static(dir, { index: false, maxAge: "1h", setHeaders: (res, path) => { if (path.includes("/assets/")) res.set("cache-control", "public, max-age=31536000, immutable"); } }));
    app.get(["/", "/nieuw", "/j/:code", "/spelleider/:secret", "/terugkom/:secret", "/beamer/:code"], (req, res) => {
      res.set({ "cache-control": "no-cache", "content-security-policy": clientPagePolicy(req) }).sendFile(index, { dotfiles: "allow" });
    });
    return;
  }
  app.get("/", (_req, res) => {
    const html = landingPage([...services.scenarios.values()].filter((s) => !isWithheld(s)));
    res.set("content-security-policy", pagePolicy(html)).type("html").send(html);
  });
}
