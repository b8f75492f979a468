/**
 * The command pipeline of one session: parse → re-send check → decide → append → fold → project → ack. Everything a
 * room does with a command, and nothing of Colyseus: a connection is anything that can be sent a message, and the
 * patches go out through the host (the room). All meaning lives in server/core; this only orders, stores, applies and
 * projects. tests/rooms/pipeline.test.ts runs it on a real SQLite file with plain objects as connections.
 *
 * Generations. Commands go through one serial queue. Commands that arrive while a generation is being stored wait for
 * it, and are then decided one after another in the same turn of the event loop, each on the state the previous one
 * left; their appends go to the store together (one sync, shared with the other rooms: see store/sqlite.ts). Once all
 * of them are stored they are projected once and patched once, and only then answered: nobody hears of anything that
 * is not stored. A busy room needs one sync, one projection and one patch per connection per generation instead of one
 * per command; a quiet room's generations hold one command. A command seen before is not applied again (the SDK
 * re-sends after a reconnect), but acknowledged again.
 *
 * One fold. Each event is applied to the one state once. A command's events are folded in only when the next command
 * of its generation is decided (it must see them) or when its generation is stored; nothing is projected while the
 * state holds events that are not stored yet (`ahead`: projection only happens once the generation is stored, and
 * presence waits for it). When an append fails, the state is rebuilt from the log (reload), as a restart does: a
 * conflict means the log moved on without this room, and a refused append may mean the log is damaged (the rebuild
 * finds out, and the room closes). Should the rebuild fail too (the disk is gone), the next command rebuilds first
 * (`stale`), and meanwhile:
 *  - events that were not folded in yet (a generation of one command, the usual case) were simply never applied:
 *    the state is exactly as if the command never happened;
 *  - events that were folded in (a later command of the generation was decided on them) leave the state `ahead`:
 *    nothing is decided or projected from it until a rebuild succeeds.
 * This is chosen over a second state (what this room kept before: twice the memory, every event folded twice) and
 * over a copy per generation (core mutates its state in place, so a copy would be deep): failures are rare, and the
 * rebuild is a restart's replay.
 */
import type { Actor } from "../core/decision.ts";
import { decide } from "../core/decide.ts";
import { evolve, replay } from "../core/evolve.ts";
import type { SessionState } from "../core/state.ts";
import { CommandSchema, type Command } from "#shared/protocol/commands.ts";
import { describeCommandError } from "#shared/protocol/dutchErrors.ts";
import type { SessionEvent, StoredEvent } from "#shared/protocol/events.ts";
import type { Scenario } from "#shared/protocol/scenario.ts";
import { SERVER_MESSAGES, type Rejected } from "#shared/protocol/views.ts";
import { BEAMER_CANNOT_PLAY, CONFLICT_MESSAGE, DELETED_NOTICE, NOT_SAVED_MESSAGE } from "#shared/protocol/wire.ts";
import { DamagedSessionError } from "../store/integrity.ts";
import type { AppendResult, EventStore } from "../store/types.ts";
import { fanOutTurn, isFanOut } from "./fanOut.ts";
import { Projector, type Audience, type Reach } from "./projection.ts";
import { SerialQueue } from "./queue.ts";

export type Outcome = { ok: true; seq: number } | { ok: false; code: string; message: string };

/** One connection, as the pipeline sees it: who it is, and how to answer it. */
export interface Connection {
  /** Who is connected, as the room's onAuth decided; null when that is not known. */
  readonly audience: Audience | null;
  send(type: (typeof SERVER_MESSAGES)["ack" | "rejected"], message: unknown): void;
}

/** What the pipeline needs from the room around it. */
export interface PipelineHost {
  readonly store: EventStore;
  now(): number;
  /** Participants with at least one open connection (presence is never logged). */
  online(): ReadonlySet<string>;
  /** Sends the changes just projected: to everyone, or to whom `reach` names and to the senders (for `seq`). */
  patch(reach: Reach, senders: readonly Actor[]): void;
  /** Holds back socket writes until the returned function is called, so a generation's patch and answers leave together. */
  cork(): () => void;
  /** A generation with these events was stored and projected (e.g. a removed participant's connections close). */
  stored(events: readonly SessionEvent[]): void;
  /** The stored log turned out damaged while the room was open. */
  damaged(error: DamagedSessionError): void;
}

/** A command decided in the generation being formed: what it stores, and how to answer it once that is done. */
interface Staged {
  key: string | null;
  /** Who sent it: their connections always get the patch of it (see SessionRoom's patch). */
  actor: Actor | null;
  events: SessionEvent[];
  /** Whether `events` are in the state already (a later command of the generation was decided on them). */
  folded: boolean;
  /** The store's answer; null for a command that stores nothing (refused, or already applied). */
  append: Promise<AppendResult> | null;
  /** The answer if the whole generation is stored. */
  outcome: Outcome;
  settle: (outcome: Outcome) => void;
  fail: (error: unknown) => void;
}

const CONFLICT: Outcome = { ok: false, code: "conflict", message: CONFLICT_MESSAGE };

const actorFor = (audience: Audience): Actor | null =>
  audience.kind === "participant" ? { kind: "participant", participantId: audience.participantId } : audience.kind === "spelleider" ? { kind: "spelleider" } : null;

/** The commandId a message claims, to answer it by; only a string, and never longer than an id may be. */
export const commandIdOf = (message: unknown): string | null =>
  typeof message === "object" && message !== null && "commandId" in message && typeof message.commandId === "string" ? message.commandId.slice(0, 64) : null;

const commandKey = (actor: Actor, commandId: string): string => `${actor.kind === "participant" ? actor.participantId : actor.kind}:${commandId}`;

/**
 * Sessions of the same scenario share one copy of it in memory (core only reads it); each session's log still holds
 * its own, so a session replays the same after the scenario file changed.
 */
const sharedScenarios = new Map<string, Scenario>();
function sharedScenario(scenario: Scenario): Scenario {
  const key = JSON.stringify(scenario);
  const known = sharedScenarios.get(key);
  if (known) return known;
  sharedScenarios.set(key, scenario);
  return scenario;
}

/** A difference between the room's clock and the process's this large means the room's clock jumped. */
const CLOCK_JUMP_MS = 1_000;

export class CommandPipeline {
  readonly projector = new Projector();
  private readonly queue = new SerialQueue();
  private readonly applied = new Set<string>();
  private state!: SessionState;
  /** The seq of the last event decided (the next append expects it). */
  private lastSeq = 0;
  /** The seq of the last event stored and projected. */
  private durableSeq = 0;
  /** Commands decided in this turn of the event loop, stored together (see apply). */
  private forming: Staged[] | null = null;
  /** The generation being stored; until it is stored, projected and answered, no new command is decided. */
  private writing: Promise<void> | null = null;
  /** The state holds events that are not stored (yet): nothing is projected from it. */
  private ahead = false;
  /** A rebuild after a failed append failed too: the state is rebuilt before anything else is decided. */
  private stale = false;
  /** Participants who came or went while the state was ahead: projected after the generation. */
  private readonly presenceLater = new Set<string>();
  /** Set once the session is being deleted or closed: from then on nothing is written to the store. */
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The deadline and phase the timer is set for, and when (by the room's clock and by the process's): most
   * generations leave both as they were, and the timer too, unless the room's clock jumped since (see scheduleTimer).
   */
  private timerFor: { deadline: number; phaseIndex: number; clockAt: number; processAt: number } | null = null;

  private readonly host: PipelineHost;
  readonly sessionId: string;

  private constructor(host: PipelineHost, sessionId: string) {
    this.host = host;
    this.sessionId = sessionId;
    // A derived value (the duplicate suggestions) projected after the answers, from a stored seq: patched at once.
    this.projector.onDerived = (reach) => this.host.patch(reach, []);
    // A derived input is taken only from the state as last projected: not while it holds events not stored and
    // projected yet (a generation being formed or waiting for its turn), nor before a rebuild.
    this.projector.isCurrent = () => !this.ahead && !this.stale;
  }

  /** The pipeline of a stored session; rejects with DamagedSessionError when its log does not hold together. */
  static async open(host: PipelineHost, sessionId: string): Promise<CommandPipeline> {
    const pipeline = new CommandPipeline(host, sessionId);
    pipeline.fold(await host.store.load(sessionId));
    return pipeline;
  }

  /** The state as stored (and, during a generation, with the commands decided so far): read it, never change it. */
  get session(): SessionState {
    return this.state;
  }

  /** The seq of the last stored event: what clients have seen. */
  get seq(): number {
    return this.durableSeq;
  }

  /** Projects everything and starts the timer; once, after the room has put the projector's state in place. */
  start(): void {
    this.project();
    this.scheduleTimer();
  }

  /** A command message from a connection: answered with an ack once stored and projected, or a Dutch refusal. */
  receive(connection: Connection, message: unknown): void {
    void this.queue.run(() => this.handle(connection, message)).catch((error: unknown) => this.failed(connection, message, error));
  }

  /**
   * Runs `task` in the command queue, after every command received so far and once the generation being stored is
   * done, so `decisionState` holds everything decided; `task` may call `apply`.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      while (this.writing) await this.writing;
      if (this.stale) await this.reload();
      return task();
    });
  }

  /** The state to decide on, inside `exclusive`: with every command decided so far in it. */
  decisionState(): SessionState {
    this.foldAhead();
    return this.state;
  }

  /** Someone came or went: their seat, their person entry and the online count, patched to everyone. */
  presence(participantId: string): void {
    if (this.ahead) {
      this.presenceLater.add(participantId);
      return;
    }
    this.projector.syncPresence(this.state, this.host.online(), this.durableSeq, participantId);
    this.host.patch({ everyone: true }, []);
  }

  /** Resolves when every command received so far has been handled. */
  async settled(): Promise<void> {
    await this.queue.idle();
    await this.writesDone();
  }

  /**
   * Stops writing: a command already being stored finishes first, every later one (commands, joins, the timer) is
   * refused. Once this resolves, nothing writes to the session again.
   */
  async stop(): Promise<void> {
    await this.queue.run(async () => {
      await this.writesDone();
      this.halt();
    });
  }

  /** Stops at once (the room closes): no timer, no more writes. */
  halt(): void {
    this.stopped = true;
    this.projector.dispose();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  get halted(): boolean {
    return this.stopped;
  }

  private async writesDone(): Promise<void> {
    while (this.forming || this.writing) {
      if (this.writing) await this.writing;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async handle(connection: Connection, message: unknown): Promise<void> {
    const actor = connection.audience ? actorFor(connection.audience) : null;
    const commandId = commandIdOf(message);
    if (!actor) {
      reply(connection, { commandId, code: "niet_toegestaan", message: BEAMER_CANNOT_PLAY });
      return;
    }
    const parsed = CommandSchema.safeParse(message);
    if (!parsed.success) {
      reply(connection, { commandId, code: "ongeldig", message: describeCommandError(message, parsed.error) });
      return;
    }
    const { outcome } = await this.apply(parsed.data, actor, commandKey(actor, parsed.data.commandId));
    // Answered when its generation is stored and projected; meanwhile the queue goes on with the next command.
    void outcome.then(
      (result) => {
        if (result.ok) connection.send(SERVER_MESSAGES.ack, { commandId: parsed.data.commandId, seq: result.seq });
        else reply(connection, { commandId: parsed.data.commandId, code: result.code, message: result.message });
      },
      (error: unknown) => this.failed(connection, message, error),
    );
  }

  /**
   * Decides a command and stages its events in the generation being formed. Must run inside the queue (`exclusive`).
   * Resolves once it is decided, with its answer to come (see the top of this file).
   */
  async apply(command: Command, actor: Actor, key: string | null): Promise<{ outcome: Promise<Outcome> }> {
    while (this.writing) await this.writing;
    if (this.stopped) return this.answer({ ok: false, code: "verwijderd", message: DELETED_NOTICE });
    if (this.stale) await this.reload();
    if (key && this.applied.has(key)) return this.answer({ ok: true, seq: 0 });
    const decision = decide(this.decisionState(), command, actor, this.host.now(), this.host.online());
    if (!decision.ok) return this.answer(decision);
    const append = this.host.store.append(this.sessionId, this.lastSeq, key, decision.events);
    // Handled when the generation is done; this keeps an early refusal (an invalid event) from counting as unhandled.
    append.catch(() => undefined);
    this.lastSeq += decision.events.length;
    if (key) this.applied.add(key);
    return this.answer({ ok: true, seq: 0 }, { key, actor, events: decision.events, append });
  }

  /** Folds the events of the generation being formed into the state (the next decision must see them). */
  private foldAhead(): void {
    for (const staged of this.forming ?? []) {
      if (staged.folded) continue;
      staged.folded = true;
      if (staged.events.length === 0) continue;
      for (const event of staged.events) evolve(this.state, event);
      this.ahead = true;
    }
  }

  /** The answer comes when the generation being formed is done; at once when there is none and nothing to store. */
  private answer(outcome: Outcome, write?: { key: string | null; actor: Actor; events: SessionEvent[]; append: Promise<AppendResult> }): { outcome: Promise<Outcome> } {
    if (!write && !this.forming) return { outcome: Promise.resolve(outcome.ok ? { ok: true, seq: this.durableSeq } : outcome) };
    if (!this.forming) {
      this.forming = [];
      // Everything decided in this turn joins the generation; it is closed once the turn is over.
      setImmediate(() => this.closeGeneration());
    }
    let settle: (outcome: Outcome) => void = () => {};
    let fail: (error: unknown) => void = () => {};
    const promise = new Promise<Outcome>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.forming.push({ key: write?.key ?? null, actor: write?.actor ?? null, events: write?.events ?? [], folded: false, append: write?.append ?? null, outcome, settle, fail });
    return { outcome: promise };
  }

  private closeGeneration(): void {
    const batch = this.forming;
    this.forming = null;
    if (!batch) return;
    this.writing = this.finish(batch).finally(() => {
      this.writing = null;
    });
  }

  private async finish(batch: Staged[]): Promise<void> {
    let settleStored = () => {};
    try {
      const results = await Promise.allSettled(batch.map((s) => s.append ?? Promise.resolve(null)));
      const failedAt = results.findIndex((r) => r.status === "rejected" || (r.value !== null && !r.value.ok));
      const stored = failedAt === -1 ? batch : batch.slice(0, failedAt);
      const lost = failedAt === -1 ? [] : batch.slice(failedAt);
      // Rebuilt from the log after any failure (see the top of this file).
      const rebuild = lost.length > 0;
      for (const s of lost) if (s.append && s.key) this.applied.delete(s.key);
      if (!rebuild) {
        // All stored: what is not folded in yet (the last command's events) is folded in now.
        for (const s of stored) {
          if (s.folded) continue;
          s.folded = true;
          for (const event of s.events) evolve(this.state, event);
          // Stored, but not projected yet (a phase change may wait its turn): presence waits for the projection.
          if (s.events.length > 0) this.ahead = true;
        }
      }
      const applied: SessionEvent[] = [];
      const actors: Actor[] = [];
      const answers: Outcome[] = stored.map((s, k) => {
        const result = results[k];
        if (result?.status !== "fulfilled" || !result.value?.ok) return s.outcome.ok ? { ok: true, seq: this.durableSeq } : s.outcome;
        applied.push(...s.events);
        if (s.actor) actors.push(s.actor);
        this.durableSeq = result.value.lastSeq;
        return s.outcome.ok ? { ok: true, seq: result.value.lastSeq } : s.outcome;
      });
      this.lastSeq = this.durableSeq;
      settleStored = () => stored.forEach((s, k) => s.settle(answers[k] ?? s.outcome));
      // Rebuilt and projected whole; should that fail, the catch below answers.
      if (rebuild) await this.reload();
      // The whole generation is projected once: one patch per connection, then every answer (each with the seq its own
      // events end at), in one socket write per connection.
      const publish = (): void => {
        const uncork = this.host.cork();
        if (!rebuild) {
          this.ahead = false;
          if (applied.length > 0) this.project(applied, actors);
        }
        if (applied.length > 0) this.host.stored(applied);
        this.projectPresence();
        settleStored();
        const first = results[failedAt];
        lost.forEach((s, k) => (k === 0 && first?.status === "rejected" ? s.fail(first.reason) : s.settle(CONFLICT)));
        // Answers go out from the promises' callbacks (microtasks): release the sockets after those have run.
        queueMicrotask(() => setImmediate(uncork));
        this.scheduleTimer();
      };
      // A phase change projects the whole session: it waits its turn, so other sessions' commands go in between.
      if (applied.some(isFanOut)) await fanOutTurn(publish);
      else publish();
    } catch (error) {
      // Rebuilding failed too (the disk is gone): what is stored is acknowledged (it reaches the others once the state is
      // rebuilt), what still waits is refused, so nobody hangs.
      settleStored();
      for (const s of batch) s.fail(error);
      // After the refusals above have gone out (they are sent from the promises' callbacks).
      if (error instanceof DamagedSessionError) setImmediate(() => this.host.damaged(error));
    }
  }

  /** The state from the stored log, each event folded once (a restart replays it; applied commands are known by key). */
  private fold(stored: readonly StoredEvent[]): void {
    const events = stored.map((s) => s.event);
    const [created] = events;
    if (created?.type === "SessionCreated") events[0] = { ...created, scenario: sharedScenario(created.scenario) };
    this.state = replay(events);
    this.lastSeq = stored.at(-1)?.seq ?? 0;
    this.durableSeq = this.lastSeq;
    for (const s of stored) if (s.commandKey) this.applied.add(s.commandKey);
  }

  /** Rebuilds the state from the log and projects all of it (see the top of this file). */
  private async reload(): Promise<void> {
    this.stale = true;
    this.fold(await this.host.store.load(this.sessionId));
    this.stale = false;
    this.ahead = false;
    // The whole projection includes everyone's presence.
    this.presenceLater.clear();
    this.project();
  }

  /** Projects the state; with the events just applied, only what they can change (see projection.ts). */
  private project(events?: readonly SessionEvent[], actors: readonly Actor[] = []): void {
    const reach = this.projector.sync(this.state, this.host.online(), this.durableSeq, events);
    // Patched now, so the change reaches clients before (not after) the answers that follow.
    this.host.patch(reach, actors);
  }

  private projectPresence(): void {
    if (this.presenceLater.size === 0) return;
    for (const id of this.presenceLater) this.projector.syncPresence(this.state, this.host.online(), this.durableSeq, id);
    this.presenceLater.clear();
    this.host.patch({ everyone: true }, []);
  }

  /**
   * A command that could not be handled at all (the disk refused the write, or a bug): nothing of it was kept (see
   * the top of this file). Say so in Dutch and keep the participant connected.
   */
  private failed(connection: Connection, message: unknown, error: unknown): void {
    console.error(`Opdracht in sessie ${this.sessionId} mislukt:`, error);
    reply(connection, { commandId: commandIdOf(message), code: "serverfout", message: NOT_SAVED_MESSAGE });
  }

  /** Timers are deadlines in the log; at the deadline the pipeline asks core what running out means. */
  private scheduleTimer(): void {
    const { deadline, expiredPhaseIndex, phaseIndex } = this.state;
    const due = !this.stopped && deadline !== null && expiredPhaseIndex !== phaseIndex;
    const now = this.host.now();
    const set = this.timerFor;
    // The room's clock may jump (a corrected system clock, a test): then the timer is set again from the new time.
    const steady = set !== null && Math.abs(now - set.clockAt - (performance.now() - set.processAt)) < CLOCK_JUMP_MS;
    if (due && this.timer && steady && set.deadline === deadline && set.phaseIndex === phaseIndex) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerFor = null;
    if (!due) return;
    this.timerFor = { deadline, phaseIndex, clockAt: now, processAt: performance.now() };
    const delay = Math.max(0, deadline - now);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerFor = null;
      const key = `timer-${phaseIndex}-${deadline}`;
      const failed = (error: unknown) => console.error(`Timer van sessie ${this.sessionId} kon niet aflopen:`, error);
      void this.queue
        .run(async () => {
          const { outcome } = await this.apply({ type: "timer.expire", commandId: key }, { kind: "system" }, `system:${key}`);
          outcome.catch(failed);
        })
        .catch(failed);
    }, Math.min(delay, 2 ** 31 - 1));
  }
}

function reply(connection: Connection, rejected: Rejected): void {
  connection.send(SERVER_MESSAGES.rejected, rejected);
}
