/**
 * A session client over `@colyseus/sdk`, for Node (bots, tests, load) and the browser alike: join by code or
 * spelleider secret, send commands and await their ack or Dutch rejection, and read the projected state parsed
 * with the view schemas. Uses only fetch and Web Crypto, so it runs in both.
 */
import { Client, SchemaSerializer, type Room } from "@colyseus/sdk";
import { z } from "zod";
import { CLOSE_CODES, FINAL_CLOSE_NOTICES } from "#shared/protocol/wire.ts";
import type { Command } from "#shared/protocol/commands.ts";
import type { RealRole } from "#shared/protocol/ids.ts";
import {
  AckSchema,
  CLOCK_MESSAGE,
  ClockSchema,
  NoticeSchema,
  CardViewSchema,
  CaseViewSchema,
  ClusterViewSchema,
  COMMAND_MESSAGE,
  BoardEisSchema,
  eisenInItems,
  ItemViewSchema,
  KaderViewSchema,
  REPLAY_POSITION_MESSAGE,
  BEAMER_PAGE_MESSAGE,
  BeamerPageSchema,
  type BeamerPage,
  CountsViewSchema,
  type PlayerViewData,
  TableViewSchema,
  TerugkomHeaderSchema,
  TerugkomViewSchema,
  KaderV2ItemSchema,
  MineViewSchema,
  PersonViewSchema,
  PublicScenarioSchema,
  RejectedSchema,
  SeatViewSchema,
  SERVER_MESSAGES,
  SessionViewSchema,
  SpanningViewSchema,
  SuggestionViewSchema,
  SupportViewSchema,
  type JoinOptions,
} from "#shared/protocol/views.ts";
import { SessionRoomState } from "#shared/protocol/schema.ts";
import { ServerClock } from "./serverClock.ts";
import { requestJson } from "./http.ts";
import { t } from "#shared/strings/index.ts";

/** How often a connected screen asks the server's time again (a clock corrected meanwhile, a better round trip). */
const CLOCK_EVERY_MS = 5 * 60_000;


/** What `POST /api/seat` answers: a seat in the session's one room (Colyseus' seat reservation). */
export const SeatReservationSchema = z.object({
  name: z.string(),
  sessionId: z.string(),
  roomId: z.string(),
  processId: z.string().optional(),
  publicAddress: z.string().optional(),
  devMode: z.boolean().optional(),
});
export type SeatReservation = z.infer<typeof SeatReservationSchema>;

/** The server said no to a join, with an HTTP status as `code` (like the SDK's errors) and a Dutch message. */
export class JoinRefused extends Error {
  readonly code: number;
  readonly retryAfterSeconds: number | null;
  constructor(code: number, message: string, retryAfterSeconds: number | null) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** How long a joined room may take to send its state before the join counts as failed. */
const FIRST_STATE_MS = 15_000;

/**
 * Until the room's state has come. The SDK resolves a join when the room says welcome; the full state follows in a
 * frame of its own, usually in the same read of the socket but not always (a busy server, a room on another process):
 * everything a SessionClient offers reads that state, so a join is done only when it is there. Whether it came is the
 * SDK's own test (its SchemaSerializer.setState: the decoder holds more than the root); whatever the state holds, so
 * also the benchmark's bare rooms, whose state stays empty.
 */
function firstState(room: SessionRoom): Promise<void> {
  const serializer = room.serializer;
  if (!(serializer instanceof SchemaSerializer) || serializer.decoder.root.refs.size > 1) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      room.onStateChange.remove(arrived);
      void room.leave().catch(() => undefined);
      reject(new Error("De sessie kwam niet binnen na het verbinden. Probeer het opnieuw."));
    }, FIRST_STATE_MS);
    const arrived = () => {
      clearTimeout(timer);
      room.onStateChange.remove(arrived);
      resolve();
    };
    room.onStateChange(arrived);
  });
}

/**
 * A seat in the session's room, from the server: it decides the room (clients cannot open rooms). The seat is used by
 * opening the WebSocket within 15 s (`client.consumeSeatReservation`); unused, it expires and holds nothing.
 */
export async function reserveSeat(baseUrl: string, options: JoinOptions): Promise<SeatReservation> {
  const { res, body } = await requestJson(`${baseUrl}/api/seat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(options) });
  if (!res.ok) {
    const error = ErrorBodySchema.safeParse(body);
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new JoinRefused(res.status, error.success ? error.data.error : `Meedoen lukte niet (${res.status}).`, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  return parsedOrUnreadable(SeatReservationSchema, body);
}

/** How often a join that is told "too many at once" (429) waits and tries again before it gives up. */
const BUSY_RETRIES = 30;

/** A command as callers write it: the client adds the commandId. */
export type CommandInput = Command extends infer C ? (C extends Command ? Omit<C, "commandId"> & { commandId?: string } : never) : never;

export type SendResult = { ok: true; commandId: string; seq: number } | { ok: false; commandId: string; code: string; message: string };

export type Who =
  | { as: "deelnemer"; code: string; displayName: string; realRole: RealRole; seatToken?: string }
  | { as: "spelleider"; secret: string }
  | { as: "beamer"; code: string };

const JoinInfoSchema = z.object({ sessionId: z.string(), code: z.string() });
const ErrorBodySchema = z.object({ error: z.string() });
const codeOf = (error: unknown): unknown => (typeof error === "object" && error !== null && "code" in error ? error.code : undefined);

export const newId = (prefix = ""): string => `${prefix}${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;

/** A seat token: 128 random bits. The browser keeps it; it is how a participant gets their seat back. */
export const newSeatToken = (): string => `st${crypto.randomUUID().replace(/-/g, "")}${crypto.randomUUID().replace(/-/g, "")}`;

/** An answer of the server's API in the shape it promises, or the Dutch "could not be read" (not zod's report). */
function parsedOrUnreadable<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(t.connection.unreadable);
  return parsed.data;
}

async function getJson(url: string): Promise<unknown> {
  const { res, body } = await requestJson(url);
  if (!res.ok) {
    const error = ErrorBodySchema.safeParse(body);
    throw new Error(error.success ? error.data.error : `Verzoek mislukt (${res.status}).`);
  }
  return body;
}

async function resolveSession(baseUrl: string, who: Who): Promise<{ sessionId: string; code: string }> {
  const url = who.as === "spelleider" ? `${baseUrl}/api/spelleider/${encodeURIComponent(who.secret)}` : `${baseUrl}/api/join/${encodeURIComponent(who.code)}`;
  return parsedOrUnreadable(JoinInfoSchema, await getJson(url));
}

function parseMap<T>(map: { forEach(cb: (value: { json: string }, key: string) => void): void }, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  map.forEach((entity) => out.push(schema.parse(JSON.parse(entity.json))));
  return out;
}

type SessionRoom = Room<unknown, InstanceType<typeof SessionRoomState>>;


export type ConnectionStatus = "verbonden" | "opnieuw-verbinden" | "gestopt";

/** A join the server refused with a 4xx status (SDK ServerError/MatchMakeError carry it as `code`); 429 is "not now". */
function refusedForGood(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "number" && code >= 400 && code < 500 && code !== 429;
}

export class SessionClient {
  /** Commands without an answer yet, in the order they were sent. */
  private readonly pending = new Map<string, { resolve: (result: SendResult) => void; message: unknown }>();
  /** Commands sent again after a reconnect and not answered yet. */
  private readonly resent = new Set<string>();
  /**
   * Called when a command sent again after a reconnect is refused (the round was revealed while the Wi-Fi was gone):
   * the screen that sent it may be gone by then, and its writer must still hear that it was not stored.
   */
  onLateRefusal: (command: unknown, result: Extract<SendResult, { ok: false }>) => void = () => {};
  /** A terugblik position sent while offline, to send again once connected. */
  private unsentPosition: number | null = null;
  readonly rejections: Extract<SendResult, { ok: false }>[] = [];
  /** Messages from the server that are not about one command (e.g. why the connection was closed). */
  readonly notices: string[] = [];
  private current: SessionRoom;
  private closing = false;
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  /** The server's clock as this client knows it: timers count down by it. */
  readonly clock = new ServerClock();
  status: ConnectionStatus = "verbonden";
  /** Why the status is what it is, in Dutch (e.g. the server's reason for refusing a rejoin). */
  statusDetail = "";
  /** Called when the connection status changes, e.g. to show an offline banner. */
  onStatus: (status: ConnectionStatus, detail?: string) => void = () => {};
  /** Called after every state patch, also from a room joined again after a restart. */
  onChange: () => void = () => {};

  readonly sessionId: string;
  readonly code: string;
  readonly seatToken: string | null;
  private readonly client: Client;
  private readonly options: JoinOptions;
  private readonly baseUrl: string;

  private constructor(baseUrl: string, client: Client, room: SessionRoom, options: JoinOptions, code: string, seatToken: string | null) {
    this.baseUrl = baseUrl;
    this.client = client;
    this.current = room;
    this.options = options;
    this.sessionId = options.sessionId;
    this.code = code;
    this.seatToken = seatToken;
    this.attach(room);
  }

  /** The live room; replaced when the client has to rejoin (after a server restart, or a long outage). */
  get room(): SessionRoom {
    return this.current;
  }

  static async join(baseUrl: string, who: Who, colyseusOptions?: { client?: Client }): Promise<SessionClient> {
    const { sessionId, code } = await resolveSession(baseUrl, who);
    const client = colyseusOptions?.client ?? new Client(baseUrl.replace(/^http/, "ws"));
    const seatToken = who.as === "deelnemer" ? (who.seatToken ?? newSeatToken()) : null;
    const options: JoinOptions =
      who.as === "deelnemer"
        ? { as: "deelnemer", sessionId, seatToken: seatToken ?? "", displayName: who.displayName, realRole: who.realRole }
        : who.as === "spelleider"
          ? { as: "spelleider", sessionId, secret: who.secret }
          : { as: "beamer", sessionId };
    const room = await SessionClient.connect(baseUrl, client, options);
    return new SessionClient(baseUrl, client, room, options, code, seatToken);
  }

  /** A seat from the server, then the socket. Many people arriving at once through one address (429): wait, try again. */
  private static async connect(baseUrl: string, client: Client, options: JoinOptions): Promise<SessionRoom> {
    for (let attempt = 1; ; attempt++) {
      try {
        const room = SessionClient.configure(await client.consumeSeatReservation(await reserveSeat(baseUrl, options), SessionRoomState));
        await firstState(room);
        return room;
      } catch (error) {
        if (codeOf(error) !== 429 || attempt >= BUSY_RETRIES) throw error;
        const seconds = error instanceof JoinRefused && error.retryAfterSeconds !== null ? error.retryAfterSeconds : 2;
        await new Promise((r) => setTimeout(r, Math.min(10, seconds) * 1000));
      }
    }
  }

  private static configure(room: SessionRoom): SessionRoom {
    // Hotel Wi-Fi: reconnect even right after joining, keep trying, and keep what was sent meanwhile.
    room.reconnection.minUptime = 0;
    // Short gaps between tries (at most 2 s), so a restarted server sees everyone back within seconds.
    room.reconnection.maxDelay = 2_000;
    room.reconnection.maxRetries = 30;
    room.reconnection.maxEnqueuedMessages = 200;
    return room;
  }

  private attach(room: SessionRoom): void {
    room.onStateChange(() => this.onChange());
    room.onMessage(SERVER_MESSAGES.ack, (payload: unknown) => {
      const ack = AckSchema.safeParse(payload);
      if (ack.success) this.settle({ ok: true, commandId: ack.data.commandId, seq: ack.data.seq });
    });
    room.onMessage(SERVER_MESSAGES.rejected, (payload: unknown) => {
      const rejected = RejectedSchema.safeParse(payload);
      if (!rejected.success) return;
      const result = { ok: false as const, commandId: rejected.data.commandId ?? "", code: rejected.data.code, message: rejected.data.message };
      this.rejections.push(result);
      this.settle(result);
    });
    room.onMessage(SERVER_MESSAGES.clock, (payload: unknown) => {
      const clock = ClockSchema.safeParse(payload);
      if (clock.success) this.clock.note(clock.data.sent, clock.data.now, Date.now());
    });
    this.askTime(room);
    room.onDrop(() => this.setStatus("opnieuw-verbinden"));
    room.onReconnect(() => {
      this.askTime(room);
      // A command handed to the socket that dropped may never have reached the server, or its answer was lost; one
      // sent while offline sits in the SDK's queue (which drops the oldest beyond its cap). Send every command still
      // waiting for an answer again, in order, instead of the queue: the server applies each commandId once.
      room.reconnection.enqueuedMessages = [];
      this.resendPending(room);
      this.setStatus("verbonden");
    });
    room.onMessage(SERVER_MESSAGES.notice, (payload: unknown) => {
      const notice = NoticeSchema.safeParse(payload);
      if (notice.success) this.notices.push(notice.data.message);
    });
    room.onLeave((code) => {
      if (room !== this.current || this.closing || code === CLOSE_CODES.consented) return;
      // Removed from the session, or the session deleted: joining again cannot help.
      const fallback = FINAL_CLOSE_NOTICES.get(code);
      if (fallback !== undefined) {
        this.setStatus("gestopt", this.notices.at(-1) ?? fallback);
        return;
      }
      // The room is gone (server restarted) or the outage outlasted reconnection: join again with the same seat.
      void this.rejoin();
    });
  }

  /** Asks the server's time now and every CLOCK_EVERY_MS while this room is the live one (see serverClock.ts). */
  private askTime(room: SessionRoom): void {
    const ask = () => {
      if (room === this.current && !this.closing && room.connection?.isOpen) room.send(CLOCK_MESSAGE, { sent: Date.now() });
    };
    ask();
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.clockTimer = setInterval(ask, CLOCK_EVERY_MS);
    // In Node (bots, tests) the interval must not keep the process alive.
    if (typeof this.clockTimer === "object" && this.clockTimer !== null && "unref" in this.clockTimer) this.clockTimer.unref();
  }

  private setStatus(status: ConnectionStatus, detail?: string): void {
    this.status = status;
    this.statusDetail = detail ?? "";
    this.onStatus(status, detail);
  }

  private async rejoin(): Promise<void> {
    this.setStatus("opnieuw-verbinden");
    for (let attempt = 0; !this.closing; attempt++) {
      try {
        // A join that hangs (a seat reserved in a room that went away) must not stall the loop: give up and try again.
        const room = await Promise.race([
          SessionClient.connect(this.baseUrl, this.client, this.options),
          new Promise<never>((_, fail) => setTimeout(() => fail(new Error("Verbinden duurde te lang.")), 10_000)),
        ]);
        this.current = room;
        this.attach(room);
        this.setStatus("verbonden");
        // Commands still waiting for an answer are sent again; the server applies each commandId once.
        this.resendPending(room);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // The server answered and said no (removed, wrong link, session gone: 4xx): trying again will not help.
        if (refusedForGood(error)) {
          this.setStatus("gestopt", message);
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(2_000, 250 * 2 ** attempt)));
      }
    }
  }

  private resendPending(room: SessionRoom): void {
    for (const [commandId, { message }] of this.pending) {
      this.resent.add(commandId);
      room.send(COMMAND_MESSAGE, message);
    }
    if (this.unsentPosition !== null) room.send(REPLAY_POSITION_MESSAGE, { seq: this.unsentPosition });
    this.unsentPosition = null;
  }

  private settle(result: SendResult): void {
    const entry = this.pending.get(result.commandId);
    if (!entry) return;
    this.pending.delete(result.commandId);
    const late = this.resent.delete(result.commandId);
    if (late && !result.ok) this.onLateRefusal(entry.message, result);
    entry.resolve(result);
  }

  /** Sends a command; resolves when the server acknowledged it (stored and applied) or rejected it. */
  send(command: CommandInput, timeoutMs = 15_000): Promise<SendResult> {
    const commandId = command.commandId ?? newId("c");
    return this.sendRaw({ ...command, commandId }, commandId, timeoutMs);
  }

  /** Sends anything at all, for tests of bad input. */
  sendRaw(message: unknown, commandId: string, timeoutMs = 15_000): Promise<SendResult> {
    return new Promise((resolve, reject) => {
      // The wait for an answer counts only while there is a connection: a command sent while the Wi-Fi is gone stays
      // pending, however long that lasts, and goes again on the reconnect (resendPending); dropping it after 15 s
      // lost an eis its writer had been told would be sent.
      let timer: ReturnType<typeof setTimeout>;
      const wait = (): void => {
        timer = setTimeout(() => {
          if (this.status === "opnieuw-verbinden") return wait();
          this.pending.delete(commandId);
          this.resent.delete(commandId);
          reject(new Error(`Geen antwoord op opdracht ${commandId} binnen ${timeoutMs} ms.`));
        }, timeoutMs);
      };
      wait();
      this.pending.set(commandId, {
        message,
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      });
      this.current.send(COMMAND_MESSAGE, message);
    });
  }

  /** The spelleider's place in the terugblik, for the beamer to follow (fire and forget; not a command). */
  sendReplayPosition(seq: number): void {
    this.unsentPosition = this.current.connection?.isOpen ? null : seq;
    this.current.send(REPLAY_POSITION_MESSAGE, { seq });
  }

  /** The spelleider's choice of page on the beamer (fire and forget; presentation only, not a command). */
  sendBeamerPage(choice: BeamerPage): void {
    this.current.send(BEAMER_PAGE_MESSAGE, choice);
  }

  /** Like send, but throws with the Dutch message on a rejection: for scripted play. */
  async must(command: CommandInput): Promise<string> {
    const result = await this.send(command);
    if (!result.ok) throw new Error(`${command.type} geweigerd: ${result.message}`);
    return result.commandId;
  }

  /** How the log names this client as the actor of its commands: its participant id, or "spelleider". */
  get actorKey(): string {
    return this.mine?.participantId ?? (this.seatToken ? "?" : "spelleider");
  }

  /** The log position this client's state has caught up with. */
  get seq(): number {
    return this.room.state.seq;
  }

  /** Waits until this client has seen everything up to `seq` (another client's ack can arrive first). */
  caughtUp(seq: number, timeoutMs = 10_000): Promise<void> {
    return this.until(() => this.seq >= seq, timeoutMs);
  }

  get session() {
    return SessionViewSchema.parse(JSON.parse(this.room.state.session));
  }
  get scenario() {
    return PublicScenarioSchema.parse(JSON.parse(this.room.state.scenario));
  }
  get seats() {
    return parseMap(this.room.state.seats, SeatViewSchema);
  }
  get cards() {
    return parseMap(this.room.state.cards, CardViewSchema);
  }
  get clusters() {
    return parseMap(this.room.state.clusters, ClusterViewSchema);
  }
  /**
   * The eisen with their item, read from the items (the room sends an eis without it: see BoardEis). A tafel's come
   * granted, the whole group's in a shared map (see schema.ts): one list.
   */
  get eisen() {
    return eisenInItems(this.boardEisen(), this.items);
  }
  get items() {
    return [...parseMap(this.room.state.items, ItemViewSchema), ...parseMap(this.room.state.groupItems, ItemViewSchema)];
  }
  private boardEisen() {
    return [...parseMap(this.room.state.eisen, BoardEisSchema), ...parseMap(this.room.state.groupEisen, BoardEisSchema)];
  }
  get spanningen() {
    return parseMap(this.room.state.spanningen, SpanningViewSchema);
  }
  get support() {
    return parseMap(this.room.state.support, SupportViewSchema);
  }
  get cases() {
    return parseMap(this.room.state.cases, CaseViewSchema);
  }
  get suggestions() {
    return z.array(SuggestionViewSchema).parse(JSON.parse(this.room.state.suggestions || "[]"));
  }
  get kader() {
    return KaderViewSchema.nullable().parse(JSON.parse(this.room.state.kader || "null"));
  }
  get tables() {
    return parseMap(this.room.state.tables, TableViewSchema);
  }
  /** The header and the items travel apart (see schema.ts); put together again in the header's order. */
  get terugkom() {
    const header = TerugkomHeaderSchema.nullable().parse(JSON.parse(this.room.state.terugkom || "null"));
    if (!header) return null;
    const items = new Map(parseMap(this.room.state.terugkomItems, KaderV2ItemSchema).map((i) => [i.itemId, i]));
    const { v2Order, ...view } = header;
    return TerugkomViewSchema.parse({ ...view, v2: v2Order.flatMap((id) => items.get(id) ?? []) });
  }
  /** The spelleider's position in the terugblik (0 when not replaying). */
  get replaySeq(): number {
    return this.room.state.replaySeq ?? 0;
  }
  /** The spelleider's choice of page on the beamer; null: the beamer turns pages by itself. */
  get beamerPage(): BeamerPage | null {
    const raw = this.room.state.beamerPage;
    if (!raw) return null;
    const parsed = BeamerPageSchema.nullable().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }
  /** Arrivals per function and eisen written per role: the beamer and the spelleider only. */
  get counts() {
    return parseMap(this.room.state.counts, CountsViewSchema)[0] ?? null;
  }
  get people() {
    return parseMap(this.room.state.people, PersonViewSchema);
  }
  get mine() {
    const entries = parseMap(this.room.state.mine, MineViewSchema);
    return entries[0] ?? null;
  }
  /** Own eisen not yet on the board: in no item. */
  get drafts() {
    return eisenInItems(parseMap(this.room.state.drafts, BoardEisSchema), []);
  }

  /** Everything this client may see, in the shape of core's playerView: what screens and tests draw from. */
  view(): PlayerViewData {
    const items = this.items;
    return {
      session: this.session,
      scenario: this.scenario,
      seats: this.seats,
      cards: this.cards,
      clusters: this.clusters,
      eisen: eisenInItems(this.boardEisen(), items),
      items,
      spanningen: this.spanningen,
      suggestions: this.suggestions,
      support: this.support,
      cases: this.cases,
      tables: this.tables,
      kader: this.kader,
      terugkom: this.terugkom,
      people: this.people,
      mine: this.mine,
      drafts: this.drafts,
      counts: this.counts,
    };
  }

  /** Waits until the projected state satisfies a condition (state arrives as patches). */
  async until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > timeoutMs) throw new Error("De verwachte toestand kwam niet binnen de tijd.");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Leaves for good. Never hangs: a connection that is already down is simply abandoned. */
  async leave(): Promise<void> {
    this.closing = true;
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.current.reconnection.enabled = false;
    if (!this.current.connection?.isOpen) return;
    await Promise.race([this.current.leave(true), new Promise((r) => setTimeout(r, 2_000))]);
  }
}
