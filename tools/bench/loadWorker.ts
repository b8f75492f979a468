/**
 * One client process of `npm run bench:load` (forked by load.ts; several run side by side). It makes its share of
 * the sessions over HTTP, seats a spelleider and the participants with real `@colyseus/sdk` clients (through
 * SessionClient, as the game does), ramps the joins, and on "start" lets every participant act like a person: after
 * a think time (exponential, mean `interval`) they write an eis, merge, edit or vote, whatever the phase asks, and
 * wait for the answer before thinking again. The spelleider moves the session through rolwissel, samenvoegen and
 * prioriteren during the window. Every command's send -> ack time is measured here, in the client.
 *
 * Against a baseline room (echo, broadcast) there is no game state: the phase then follows the same schedule and the
 * commands carry made-up ids, so the messages have the same kinds and sizes.
 *
 * Two load models. Stress (the default): every session moves through its phases at 0, 40 and 70 % of the window, the
 * sessions at most 3 s apart, so hundreds of phase changes land within 3 s. Staggered (`stagger` > 0 s): the sessions
 * start spread evenly over `stagger` seconds, as on a training day where groups start minutes apart, and each plays
 * the same schedule from its own start; the window then lasts `stagger` + `seconds`.
 */
import { performance, monitorEventLoopDelay } from "node:perf_hooks";
import { decode, encode } from "@colyseus/schema";
import { SessionClient, newId, type CommandInput, type SendResult } from "../../game/src/net/sessionClient.ts";
import { mulberry32 } from "../../server/core/roleAssignment.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { EIS_TEXTS } from "../bots/texts.ts";
import { createSessionOverHttp } from "../bots/play.ts";
import { EISEN_GROUPS } from "../../tests/fixtures/eisenPairs.ts";
import type { Baseline } from "./baselineServer.ts";

export interface WorkerSetup {
  type: "setup";
  worker: number;
  baseUrl: string;
  mode: "ours" | Baseline;
  sessions: number;
  /** Sessions of all workers together, and how many workers: session s of worker w is number s * workers + w. */
  totalSessions: number;
  workers: number;
  /** Seconds over which the sessions' starts are spread; 0: the stress model. */
  stagger: number;
  perSession: number;
  /** Joins per second for this worker. */
  joinRate: number;
  interval: number;
  scenarioId: string;
  variantId: string;
  seed: number;
}
export interface WorkerStart {
  type: "start";
  /** Epoch ms at which the steady window begins. */
  t0: number;
  /** How long each session plays its phases (the window is `stagger` longer). */
  seconds: number;
}
export interface WorkerResult {
  type: "result";
  worker: number;
  /** send -> answer in ms, for every command sent inside the window (answered, also after it ended). */
  latencies: number[];
  byType: Record<string, { count: number; latencies: number[] }>;
  /** The same latencies by the tenth of the window in which the command was sent: where in the day the tail is. */
  byTenth: number[][];
  sent: number;
  acked: number;
  rejected: Record<string, number>;
  errors: number;
  errorSamples: string[];
  /** Connections that dropped during the window (the SDK then reconnects). */
  drops: number;
  participants: number;
  held: number;
  spelleidersHeld: number;
  cpuMs: number;
  loopDelayP99Ms: number;
  /** The same for each tenth of the window: how long this process's own loop kept answers waiting, and when. */
  loopDelayByTenthMs: number[];
  /** Heap and resident memory of this client process at the end of the window, MiB. */
  heapMiB: number;
  rssMiB: number;
}
export type WorkerMessage =
  | { type: "progress"; worker: number; joined: number; failed: number }
  | { type: "ready"; worker: number; joined: number; failed: number; errorSamples: string[] }
  | WorkerResult;

const send = (message: WorkerMessage) => process.send?.(message);

/**
 * The schema decoder builds every string by adding one character at a time: a rope of small heap objects (about 32
 * bytes per character) that has to be flattened and collected. For thousands of clients in one process that is most
 * of the load generator's CPU, taken from the server on the same two cores. These processes decode strings of 24
 * bytes and more with TextDecoder instead: the same bytes in, the same strings out (the server sends valid UTF-8),
 * through the hook @colyseus/schema offers for its wire types (`decode[type]`, see defineCustomTypes).
 */
const stockString = decode.string;
const utf8 = new TextDecoder();
decode.string = (bytes, it) => {
  const start = it.offset;
  const prefix = bytes[it.offset++] ?? 0;
  let length = 0;
  if (prefix < 0xc0) length = prefix & 0x1f;
  else if (prefix === 0xd9) length = bytes[it.offset++] ?? 0;
  else if (prefix === 0xda) length = (bytes[it.offset++] ?? 0) | ((bytes[it.offset++] ?? 0) << 8);
  else if (prefix === 0xdb) length = ((bytes[it.offset++] ?? 0) | ((bytes[it.offset++] ?? 0) << 8) | ((bytes[it.offset++] ?? 0) << 16) | ((bytes[it.offset++] ?? 0) << 24)) >>> 0;
  if (length < 24 || !(bytes instanceof Uint8Array)) {
    it.offset = start;
    return stockString(bytes, it);
  }
  const end = Math.min(bytes.length, it.offset + length);
  const text = utf8.decode(bytes.subarray(it.offset, end));
  it.offset += length;
  return text;
};
// The same strings as the stock decoder, or this process stops.
for (const sample of ["kort", "Eén vast aanspreekpunt per gezin, ook bij twijfel: €, ë, ï, 😀 en 中文.", "x".repeat(70_000)]) {
  const buffer = new Uint8Array(sample.length * 4 + 8);
  const written = { offset: 0 };
  encode.string(buffer, sample, written);
  const ours = decode.string(buffer, { offset: 0 });
  const theirs = stockString(buffer, { offset: 0 });
  if (ours !== theirs || ours !== sample) throw new Error("De snelle tekstdecoder geeft iets anders dan @colyseus/schema.");
}

// The SDK says every reconnection attempt on the console; count dropped connections instead (see `drops`).
const sdkInfo = console.info;
console.info = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].startsWith("[Colyseus reconnection]")) return;
  sdkInfo(...args);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

let setup: WorkerSetup;
const random = { next: Math.random };
const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
const exponential = (mean: number) => -Math.log(1 - random.next()) * mean;

const CATEGORIES = Object.keys(EIS_TEXTS);
/**
 * What people write: the labelled Dutch eisen and the bots' eisen, often with a few words of their own at the end, so
 * nearly every text on a board is different (as with people) and the duplicate suggestions have real work.
 */
const TEXTS = [...EISEN_GROUPS.flat(), ...Object.values(EIS_TEXTS).flat()];
const ENDINGS = ["", "", " Ook bij twijfel.", " Voor iedere inwoner.", " Binnen twee weken.", " Zonder extra formulieren.", " Samen met het wijkteam.", " En leg het uit.", " Dat scheelt later werk."];
const eisText = () => `${pick(TEXTS)}${pick(ENDINGS)}`.slice(0, 300);

/** Parsed entity JSON by its text, shared by all clients of this process (they receive the same entities). */
const parsedByText = new Map<string, unknown>();
function parsed<T>(entity: { json: string }): T {
  let value = parsedByText.get(entity.json);
  if (value === undefined) {
    if (parsedByText.size > 200_000) parsedByText.clear();
    value = JSON.parse(entity.json) as unknown;
    parsedByText.set(entity.json, value);
  }
  return value as T;
}
/**
 * A person looks at their screen: every string the client holds is read once. The SDK decodes strings by adding one
 * character at a time, which leaves each one as a rope of thousands of small heap objects (about 32 bytes per
 * character) until something reads it; the game reads everything it receives, so a client that never looks would
 * keep ~0.4 MB of ropes per connection and make the load generator spend its time in garbage collection. Hashing a
 * string (a Set lookup) flattens it; a string seen before costs one lookup.
 */
const looked = new Set<string>();
function look(text: unknown): void {
  if (typeof text !== "string" || looked.has(text)) return;
  if (looked.size > 500_000) looked.clear();
  looked.add(text);
}
const STRING_FIELDS = ["session", "scenario", "suggestions", "kader", "terugkom"] as const;
const MAP_FIELDS = ["seats", "cards", "clusters", "eisen", "items", "spanningen", "support", "cases", "people", "mine", "drafts"] as const;
function glance(client: SessionClient): void {
  const state = client.room.state as unknown as Record<string, unknown>;
  for (const field of STRING_FIELDS) look(state[field]);
  for (const field of MAP_FIELDS) (state[field] as { forEach(cb: (e: { json: string }) => void): void } | undefined)?.forEach((e) => look(e.json));
}

function list<T>(map: { forEach(cb: (value: { json: string }) => void): void } | undefined): T[] {
  const out: T[] = [];
  map?.forEach((entity) => out.push(parsed<T>(entity)));
  return out;
}

type Eis = { id: string; categoryId: string; text: string };
/**
 * Which eisen an item holds is on the item (an eis on the wire does not say which item it is in). A tafel's eisen and
 * items come in `eisen` and `items`, the whole group's in `groupEisen` and `groupItems` (schema.ts).
 */
type Item = { id: string; categoryId: string; text: string; eisIds: string[] };
type Mine = { points: { itemId: string; points: number }[]; pointsLeft: number };
type PhaseKind = "lobby" | "rolwissel" | "samenvoegen" | "prioriteren" | "other";

class Session {
  spelleider!: SessionClient;
  code!: string;
  readonly participants: Participant[] = [];
  /**
   * When this session starts after the window opens, in ms. Stress: 0–3 s at random, so 500 sessions do not all move
   * in the same millisecond. Staggered: spread evenly over `stagger` seconds by the session's number.
   */
  readonly offset: number;
  private lastSessionJson = "";
  private lastPhase: PhaseKind = "lobby";

  constructor(number: number) {
    this.offset = setup.stagger > 0 ? (setup.stagger * 1000 * number) / setup.totalSessions : random.next() * 3_000;
  }

  /** The phase the session is in: from the state (ours), or from the schedule (a baseline has no game state). */
  phase(clock: Clock): PhaseKind {
    if (setup.mode !== "ours") return clock.scheduled(this.offset);
    const json = this.spelleider.room.state.session;
    if (json && json !== this.lastSessionJson) {
      this.lastSessionJson = json;
      const kind = (JSON.parse(json) as { phase: { kind: string } }).phase.kind;
      this.lastPhase = kind === "lobby" || kind === "rolwissel" || kind === "samenvoegen" || kind === "prioriteren" ? kind : "other";
    }
    return this.lastPhase;
  }
}

class Clock {
  readonly t0: number;
  readonly seconds: number;
  constructor(t0: number, seconds: number) {
    this.t0 = t0;
    this.seconds = seconds;
  }
  get end(): number {
    return this.t0 + (setup.stagger + this.seconds) * 1000;
  }
  /** Phase changes at 0, 40 % and 70 % of `seconds` after the session's start. */
  changes(offset: number): number[] {
    return [0, 0.4, 0.7].map((f) => this.t0 + offset + f * this.seconds * 1000);
  }
  scheduled(offset: number): PhaseKind {
    const [a = 0, b = 0, c = 0] = this.changes(offset);
    const now = Date.now();
    return now < a ? "lobby" : now < b ? "rolwissel" : now < c ? "samenvoegen" : "prioriteren";
  }
}

class Participant {
  client!: SessionClient;
  readonly session: Session;
  constructor(session: Session) {
    this.session = session;
  }

  /** What a person in this phase would do next; null when there is nothing to do yet. */
  next(clock: Clock): CommandInput | null {
    const phase = this.session.phase(clock);
    if (setup.mode !== "ours") return this.fake(phase);
    const state = this.client.room.state;
    switch (phase) {
      case "rolwissel": {
        const drafts = list<Eis>(state.drafts);
        if (drafts.length > 0 && (drafts.length >= 25 || random.next() < 0.2)) {
          const eis = pick(drafts);
          const text = eisText();
          return { type: "eis.edit", eisId: eis.id, categoryId: eis.categoryId, text: text === eis.text ? `${text} Nu echt.` : text };
        }
        const categoryId = pick(CATEGORIES);
        return { type: "eis.write", eisId: newId("e"), categoryId, text: eisText() };
      }
      case "samenvoegen": {
        const items = [...list<Item>(state.items), ...list<Item>(state.groupItems)];
        const merged = new Set(items.flatMap((i) => i.eisIds));
        const free = [...list<Eis>(state.eisen), ...list<Eis>(state.groupEisen)].filter((e) => !merged.has(e.id));
        const r = random.next();
        if (free.length >= 2 && r < 0.6) {
          const a = pick(free);
          const b = pick(free.filter((e) => e.id !== a.id));
          return { type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: a.id }, { kind: "eis", id: b.id }], text: a.text, categoryId: a.categoryId };
        }
        if (items.length > 0 && free.length > 0 && r < 0.75) {
          const item = pick(items);
          const eis = pick(free);
          return { type: "pve.merge", itemId: newId("i"), sources: [{ kind: "item", id: item.id }, { kind: "eis", id: eis.id }], text: item.text, categoryId: item.categoryId };
        }
        if (items.length >= 4 && r < 0.8) {
          const a = pick(items);
          const b = pick(items.filter((i) => i.id !== a.id));
          return { type: "pve.merge", itemId: newId("i"), sources: [{ kind: "item", id: a.id }, { kind: "item", id: b.id }], text: b.text, categoryId: b.categoryId };
        }
        if (items.length > 0) {
          const item = pick(items);
          const text = eisText();
          return { type: "pve.edit", itemId: item.id, text: text === item.text ? `${text} Samen.` : text, categoryId: item.categoryId };
        }
        return null;
      }
      case "prioriteren": {
        const items = [...list<Item>(state.items), ...list<Item>(state.groupItems)];
        const [mine] = list<Mine>(state.mine);
        if (items.length === 0 || !mine) return null;
        const item = pick(items);
        const current = mine.points.find((p) => p.itemId === item.id)?.points ?? 0;
        const max = Math.min(4, current + mine.pointsLeft);
        const options = Array.from({ length: max + 1 }, (_, k) => k).filter((k) => k !== current);
        if (options.length === 0) return null;
        return { type: "vote.points", itemId: item.id, points: pick(options) };
      }
      default:
        return null;
    }
  }

  /** Against a baseline room: the same kinds of command, with made-up ids. */
  private fake(phase: PhaseKind): CommandInput | null {
    switch (phase) {
      case "rolwissel": {
        const categoryId = pick(CATEGORIES);
        return { type: "eis.write", eisId: newId("e"), categoryId, text: eisText() };
      }
      case "samenvoegen":
        return random.next() < 0.7
          ? { type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: newId("e") }, { kind: "eis", id: newId("e") }], text: eisText(), categoryId: pick(CATEGORIES) }
          : { type: "pve.edit", itemId: newId("i"), text: eisText(), categoryId: pick(CATEGORIES) };
      case "prioriteren":
        return { type: "vote.points", itemId: newId("i"), points: Math.floor(random.next() * 5) };
      default:
        return null;
    }
  }
}

const stats = {
  latencies: [] as number[],
  byType: {} as Record<string, { count: number; latencies: number[] }>,
  byTenth: Array.from({ length: 10 }, () => [] as number[]),
  sent: 0,
  acked: 0,
  rejected: {} as Record<string, number>,
  errors: 0,
  errorSamples: [] as string[],
  drops: 0,
};
let windowOpen = false;
const watchDrops = (client: SessionClient) => {
  client.onStatus = (status) => {
    if (status === "opnieuw-verbinden" && windowOpen) stats.drops++;
  };
};
const noteError = (message: string) => {
  stats.errors++;
  if (stats.errorSamples.length < 5) stats.errorSamples.push(message);
};

/** Sends one command; counts and times it when it was sent inside the window. */
async function timed(client: SessionClient, command: CommandInput, clock: Clock): Promise<SendResult | null> {
  const sentAt = Date.now();
  const inWindow = sentAt >= clock.t0 && sentAt < clock.end;
  const started = performance.now();
  try {
    const result = await client.send(command);
    const ms = performance.now() - started;
    if (inWindow) {
      stats.sent++;
      stats.latencies.push(ms);
      const byType = (stats.byType[command.type] ??= { count: 0, latencies: [] });
      byType.count++;
      byType.latencies.push(ms);
      stats.byTenth[Math.min(9, Math.floor((10 * (sentAt - clock.t0)) / (clock.end - clock.t0)))]?.push(ms);
      if (result.ok) stats.acked++;
      else stats.rejected[result.code] = (stats.rejected[result.code] ?? 0) + 1;
    }
    return result;
  } catch (error) {
    if (inWindow) {
      stats.sent++;
      noteError(error instanceof Error ? error.message : String(error));
    }
    return null;
  }
}

async function act(participant: Participant, clock: Clock): Promise<void> {
  await sleep(clock.t0 - Date.now() + exponential(setup.interval));
  while (Date.now() < clock.end) {
    glance(participant.client);
    const command = participant.client.status === "verbonden" ? participant.next(clock) : null;
    if (command) await timed(participant.client, command, clock);
    // Think before the next action; look again soon when there was nothing to do yet.
    await sleep(command ? exponential(setup.interval) : 250);
  }
}

async function lead(session: Session, clock: Clock): Promise<void> {
  // The spelleider's console shows everyone: it looks every two seconds.
  const looking = setInterval(() => glance(session.spelleider), 2_000);
  try {
    await paceSession(session, clock);
  } finally {
    clearInterval(looking);
  }
}

async function paceSession(session: Session, clock: Clock): Promise<void> {
  for (const at of clock.changes(session.offset)) {
    await sleep(at - Date.now());
    if (Date.now() >= clock.end) return;
    const result = await timed(session.spelleider, { type: "phase.next" }, clock);
    if (result && !result.ok) noteError(`phase.next geweigerd: ${result.message}`);
  }
}

const sessions: Session[] = [];

async function prepare(): Promise<void> {
  let joined = 0;
  let failed = 0;
  const progress = setInterval(() => send({ type: "progress", worker: setup.worker, joined, failed }), 2_000);
  // Sessions and their spelleiders first (few), then the participants at the join rate.
  for (let s = 0; s < setup.sessions; s++) {
    const session = new Session(s * setup.workers + setup.worker);
    const created = await createSessionOverHttp(setup.baseUrl, { scenarioId: setup.scenarioId, variantId: setup.variantId, label: `Belasting ${setup.worker}-${s}` });
    session.code = created.code;
    session.spelleider = await SessionClient.join(setup.baseUrl, { as: "spelleider", secret: created.secret });
    watchDrops(session.spelleider);
    sessions.push(session);
  }
  const joins: Promise<void>[] = [];
  const gap = 1000 / setup.joinRate;
  let due = performance.now();
  for (let k = 0; k < setup.perSession; k++) {
    for (const session of sessions) {
      due += gap;
      await sleep(due - performance.now());
      const participant = new Participant(session);
      session.participants.push(participant);
      const n = session.participants.length;
      joins.push(
        (async () => {
          for (let attempt = 1; ; attempt++) {
            try {
              participant.client = await SessionClient.join(setup.baseUrl, { as: "deelnemer", code: session.code, displayName: `Deelnemer ${n}`, realRole: REAL_ROLES[n % REAL_ROLES.length] as RealRole });
              watchDrops(participant.client);
              glance(participant.client);
              joined++;
              return;
            } catch (error) {
              if (attempt >= 3) {
                failed++;
                noteError(`meedoen mislukt: ${error instanceof Error ? error.message : String(error)}`);
                return;
              }
              await sleep(500 * attempt);
            }
          }
        })(),
      );
    }
  }
  await Promise.all(joins);
  clearInterval(progress);
  for (const session of sessions) {
    glance(session.spelleider);
    for (const participant of session.participants) if (participant.client) glance(participant.client);
  }
  for (const session of sessions) session.participants.splice(0, session.participants.length, ...session.participants.filter((p) => p.client));
  send({ type: "ready", worker: setup.worker, joined, failed, errorSamples: stats.errorSamples.splice(0) });
  stats.errors = 0;
}

async function run(start: WorkerStart): Promise<void> {
  const clock = new Clock(start.t0, start.seconds);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const tenth = monitorEventLoopDelay({ resolution: 10 });
  const byTenth: number[] = [];
  await sleep(clock.t0 - Date.now());
  const cpuBefore = process.cpuUsage();
  windowOpen = true;
  loop.enable();
  tenth.enable();
  const tenths = setInterval(() => {
    if (byTenth.length < 10) byTenth.push(tenth.percentile(99) / 1e6);
    tenth.reset();
  }, (clock.end - clock.t0) / 10);
  const everyone = sessions.flatMap((s) => [lead(s, clock), ...s.participants.map((p) => act(p, clock))]);
  await sleep(clock.end - Date.now());
  const cpu = process.cpuUsage(cpuBefore);
  windowOpen = false;
  loop.disable();
  clearInterval(tenths);
  if (byTenth.length < 10) byTenth.push(tenth.percentile(99) / 1e6);
  tenth.disable();
  // Commands still on their way are answered (or time out) before the count.
  await Promise.all(everyone);
  const participants = sessions.reduce((n, s) => n + s.participants.length, 0);
  const held = sessions.reduce((n, s) => n + s.participants.filter((p) => p.client.status === "verbonden" && p.client.room.connection?.isOpen).length, 0);
  const spelleidersHeld = sessions.filter((s) => s.spelleider.status === "verbonden" && s.spelleider.room.connection?.isOpen).length;
  send({
    type: "result",
    worker: setup.worker,
    ...stats,
    participants,
    held,
    spelleidersHeld,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayByTenthMs: byTenth,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  });
}

process.on("message", (message: WorkerSetup | WorkerStart | { type: "exit" }) => {
  if (message.type === "setup") {
    setup = message;
    random.next = mulberry32(message.seed * 1000 + message.worker);
    prepare().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else if (message.type === "start") {
    run(message).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else if (message.type === "exit") {
    process.exit(0);
  }
});
