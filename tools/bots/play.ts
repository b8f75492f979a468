/**
 * Plays a whole session through a real server with real SDK clients: a spelleider and N participants, from lobby
 * to resultaat. Used by `npm run bots`, by integration tests and later by load tests; reports phase by phase.
 */
import { z } from "zod";
import { SessionClient, newId } from "../../game/src/net/sessionClient.ts";
import { mulberry32 } from "../../server/core/roleAssignment.ts";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import type { PhaseView } from "#shared/protocol/views.ts";
import { AMENDMENTS, CARD_TEXTS, DECISIONS, EIS_TEXTS, ROLE_FAVOURITES, TOETS_NOTES } from "./texts.ts";

export interface PlayOptions {
  baseUrl: string;
  players: number;
  scenarioId: string;
  variantId?: string;
  label?: string;
  seed?: number;
  /** Split the group into this many tafels in the lobby (the scenario's variant should have a plenair phase). */
  tables?: number;
  log?: (line: string) => void;
  /** Called after every phase with the clients, e.g. for tests that check state mid-session. */
  afterPhase?: (phase: PhaseView, ctx: PlayContext) => Promise<void> | void;
}

export interface PlayContext {
  spelleider: SessionClient;
  players: SessionClient[];
  secret: string;
  code: string;
}

export interface PhaseReport {
  index: number;
  kind: string;
  commands: number;
  rejected: number;
  ms: number;
}

export interface PlayReport {
  sessionId: string;
  code: string;
  secret: string;
  phases: PhaseReport[];
  commands: number;
  rejected: number;
  ms: number;
  items: number;
  context: PlayContext;
}

const CreatedSchema = z.object({ sessionId: z.string(), code: z.string(), secret: z.string() });

export async function createSessionOverHttp(baseUrl: string, body: { scenarioId: string; variantId?: string; label?: string }) {
  const res = await fetch(`${baseUrl}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`Sessie maken mislukt: ${JSON.stringify(json)}`);
  return CreatedSchema.parse(json);
}

class Counter {
  commands = 0;
  rejected = 0;
  /** The highest log position any bot was told about: the spelleider waits for it before reading the board. */
  seq = 0;
  readonly acknowledged: string[] = [];
  async run(client: SessionClient, command: Parameters<SessionClient["send"]>[0], mustSucceed = true) {
    this.commands++;
    const result = await client.send(command);
    if (result.ok) {
      this.seq = Math.max(this.seq, result.seq);
      this.acknowledged.push(`${client.actorKey}:${result.commandId}`);
    }
    if (!result.ok) {
      this.rejected++;
      if (mustSucceed) throw new Error(`${command.type} geweigerd: ${result.message}`);
    }
    return result;
  }
}

/** Creates a session over HTTP and seats a spelleider and N participants, as SDK clients. */
export async function setUpSession(options: PlayOptions): Promise<PlayContext & { sessionId: string }> {
  const log = options.log ?? (() => {});
  const created = await createSessionOverHttp(options.baseUrl, { scenarioId: options.scenarioId, variantId: options.variantId, label: options.label });
  log(`Sessie ${created.code} gemaakt (${created.sessionId}).`);
  const spelleider = await SessionClient.join(options.baseUrl, { as: "spelleider", secret: created.secret });
  const players = await Promise.all(
    Array.from({ length: options.players }, (_, i) =>
      SessionClient.join(options.baseUrl, { as: "deelnemer", code: created.code, displayName: `Bot ${i + 1}`, realRole: REAL_ROLES[i % REAL_ROLES.length] as RealRole }),
    ),
  );
  await spelleider.until(() => spelleider.session.participantCount === options.players);
  await Promise.all(players.map((p) => p.until(() => p.mine !== null)));
  log(`Lobby: ${options.players} deelnemers binnen.`);
  if (options.tables && options.tables > 1) {
    const result = await spelleider.send({ type: "tables.assign", count: options.tables });
    if (!result.ok) throw new Error(`Tafels indelen geweigerd: ${result.message}`);
    await Promise.all(players.map((p) => p.caughtUp(result.seq)));
    const sizes = spelleider.tables.map((t) => `${t.name}: ${t.members}`).join(", ");
    log(`Tafels: ${sizes}.`);
  }
  return { spelleider, players, secret: created.secret, code: created.code, sessionId: created.sessionId };
}

export interface PhaseRun {
  phases: PhaseReport[];
  commands: number;
  rejected: number;
  /** Every command the server acknowledged, as the log's command key (actor:commandId). */
  acknowledged: string[];
}

/** Plays phases `from`..`to` (indices into the variant's phase list; the spelleider moves to each in turn). */
export async function playPhases(ctx: PlayContext, options: { from: number; to: number; seed?: number; log?: (line: string) => void; afterPhase?: PlayOptions["afterPhase"] }): Promise<PhaseRun> {
  const log = options.log ?? (() => {});
  // Seeded, so a bot session with the same seed writes the same things.
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
  const { spelleider } = ctx;
  const counter = new Counter();
  const phases: PhaseReport[] = [];
  for (let index = options.from; index <= options.to; index++) {
    const phaseStart = Date.now();
    const before = { commands: counter.commands, rejected: counter.rejected };
    await counter.run(spelleider, { type: "phase.next" });
    await spelleider.caughtUp(counter.seq);
    const phase = spelleider.session.phase;
    await playPhase(phase, ctx, counter, pick);
    await spelleider.caughtUp(counter.seq);
    const report = { index, kind: phase.kind, commands: counter.commands - before.commands, rejected: counter.rejected - before.rejected, ms: Date.now() - phaseStart };
    phases.push(report);
    log(`Fase ${index} ${phase.kind}${phase.roundId ? ` (${phase.roundId})` : ""}: ${describePhase(phase, spelleider)} — ${report.commands} opdrachten, ${report.ms} ms.`);
    await options.afterPhase?.(phase, ctx);
  }
  return { phases, commands: counter.commands, rejected: counter.rejected, acknowledged: counter.acknowledged };
}

export async function playSession(options: PlayOptions): Promise<PlayReport> {
  const started = Date.now();
  const ctx = await setUpSession(options);
  const run = await playPhases(ctx, { from: 1, to: ctx.spelleider.session.phases.length - 1, seed: options.seed, log: options.log, afterPhase: options.afterPhase });
  return {
    sessionId: ctx.sessionId,
    code: ctx.code,
    secret: ctx.secret,
    phases: run.phases,
    commands: run.commands,
    rejected: run.rejected,
    ms: Date.now() - started,
    items: ctx.spelleider.items.length,
    context: ctx,
  };
}

function describePhase(phase: PhaseView, s: SessionClient): string {
  switch (phase.kind) {
    case "lobby":
      return `${s.session.participantCount} deelnemers`;
    case "beeldvorming":
      return `${s.cards.length} kaartjes in ${s.clusters.length} clusters`;
    case "rolwissel": {
      const roles = new Set(s.seats.map((seat) => seat.role));
      return `${roles.size} rollen verdeeld, ${s.eisen.filter((e) => e.roundId === phase.roundId).length} eisen zichtbaar`;
    }
    case "samenvoegen":
      return s.tables.length
        ? `${s.tables.map((t) => `${t.name} ${t.items} items`).join(", ")}; ${s.spanningen.length} spanning(en)`
        : `${s.items.length} items in het programma van eisen, ${s.spanningen.length} spanning(en)`;
    case "plenair": {
      const crossing = s.items.filter((i) => i.tableIds.length > 1).length;
      return `${s.items.length} items in het programma van de hele groep, ${crossing} met eisen van meer dan één tafel`;
    }
    case "prioriteren": {
      const verticaal = s.support.filter((x) => x.draagvlak === "verticaal").length;
      return `uitslag zichtbaar, ${verticaal} item(s) met verticaal draagvlak`;
    }
    case "casustoets":
      return `${s.cases.filter((c) => c.decision).length} casus(sen) besloten, ${s.items.filter((i) => i.caseIds.length > 0).length} aanvulling(en)`;
    case "resultaat": {
      // A MoSCoW total is a score, not points (as on every screen).
      const total = (n: number) => (s.scenario.voting.mode === "punten" ? `${n} ptn` : `score ${n}`);
      const top = s.kader?.items.slice(0, 3).map((i) => `"${i.text.slice(0, 50)}" (${total(i.support?.total ?? 0)}, ${i.support?.draagvlak ?? "-"})`);
      return `kader op maat met ${s.kader?.items.length ?? 0} items; top: ${top?.join("; ") ?? "-"}`;
    }
    default: {
      const unreachable: never = phase.kind;
      return unreachable;
    }
  }
}

type Pick = <T>(list: readonly T[]) => T;

async function playPhase(phase: PhaseView, ctx: PlayContext, counter: Counter, pick: Pick): Promise<void> {
  switch (phase.kind) {
    case "lobby":
    case "resultaat":
      return;
    case "beeldvorming":
      return playBeeldvorming(ctx, counter, pick);
    case "rolwissel":
      return playRolwissel(ctx, counter, pick);
    case "samenvoegen":
    case "plenair":
      return playSamenvoegen(ctx, counter, pick);
    case "prioriteren":
      return playPrioriteren(ctx, counter, pick);
    case "casustoets":
      return playCasustoets(phase, ctx, counter, pick);
    default: {
      const unreachable: never = phase.kind;
      return unreachable;
    }
  }
}

async function playBeeldvorming({ spelleider, players }: PlayContext, counter: Counter, pick: Pick) {
  const prompts = spelleider.scenario.prompts;
  await Promise.all(players.map((p) => counter.run(p, { type: "card.post", cardId: newId("k"), promptId: pick(prompts).id, text: pick(CARD_TEXTS.default ?? ["Maatwerk"]) })));
  await spelleider.caughtUp(counter.seq);
  for (const prompt of prompts) {
    const clusterId = newId("cl");
    await counter.run(spelleider, { type: "cluster.create", clusterId, promptId: prompt.id, label: `Rode draad bij ${prompt.text.slice(0, 40)}` });
    for (const card of spelleider.cards.filter((c) => c.promptId === prompt.id).slice(0, 3)) {
      await counter.run(spelleider, { type: "card.cluster", cardId: card.id, clusterId });
    }
  }
  await Promise.all(players.map((p) => counter.run(p, { type: "participant.ready", ready: true })));
}

async function playRolwissel({ spelleider, players }: PlayContext, counter: Counter, pick: Pick) {
  const categories = new Set(spelleider.scenario.categories.map((c) => c.id));
  await Promise.all(
    players.map(async (p) => {
      await p.until(() => p.mine?.role !== null && p.mine !== null);
      const role = p.mine?.role ?? "burger";
      const favourites = ROLE_FAVOURITES[role].filter((c) => categories.has(c));
      for (let i = 0; i < 2; i++) {
        const categoryId = favourites[i % Math.max(1, favourites.length)] ?? [...categories][0] ?? "kernwaarden";
        await counter.run(p, { type: "eis.write", eisId: newId("e"), categoryId, text: pick(EIS_TEXTS[categoryId] ?? ["Maatwerk moet uitlegbaar zijn."]) });
      }
      await counter.run(p, { type: "participant.ready", ready: true });
    }),
  );
  // With tafels the spelleider paces them one by one, as tafels finish; the last reveal is for everyone.
  for (const table of spelleider.tables.slice(0, -1)) await counter.run(spelleider, { type: "eisen.reveal", tableId: table.tableId });
  await counter.run(spelleider, { type: "eisen.reveal" });
}

async function playSamenvoegen({ spelleider }: PlayContext, counter: Counter, pick: Pick) {
  const categoryOf = (eisId: string) => spelleider.eisen.find((e) => e.id === eisId)?.categoryId ?? "kernwaarden";
  // First the server's duplicate suggestions, the way a group would use them.
  for (const suggestion of spelleider.suggestions.slice(0, 12)) {
    const free = (ref: { kind: string; id: string }) =>
      ref.kind === "item" ? spelleider.items.some((i) => i.id === ref.id) : spelleider.eisen.some((e) => e.id === ref.id && e.itemId === null);
    if (!free(suggestion.a) || !free(suggestion.b)) continue;
    const first = suggestion.a.kind === "eis" ? spelleider.eisen.find((e) => e.id === suggestion.a.id)?.text : spelleider.items.find((i) => i.id === suggestion.a.id)?.text;
    const categoryId = suggestion.a.kind === "eis" ? categoryOf(suggestion.a.id) : (spelleider.items.find((i) => i.id === suggestion.a.id)?.categoryId ?? "kernwaarden");
    await counter.run(spelleider, { type: "pve.merge", itemId: newId("i"), sources: [suggestion.a, suggestion.b], text: first ?? "Samengevoegde eis", categoryId }, false);
  }
  // Then the rest: identical wordings together (per tafel, or across tafels in plenair), every other eis as an item of its own.
  const plenair = spelleider.session.phase.kind === "plenair";
  const byText = new Map<string, { text: string; eisIds: string[] }>();
  for (const eis of spelleider.eisen.filter((e) => e.itemId === null)) {
    const key = plenair ? eis.text : `${eis.tableId ?? ""}|${eis.text}`;
    const entry = byText.get(key) ?? { text: eis.text, eisIds: [] };
    entry.eisIds.push(eis.id);
    byText.set(key, entry);
  }
  for (const { text, eisIds } of byText.values()) {
    await counter.run(spelleider, { type: "pve.merge", itemId: newId("i"), sources: eisIds.map((id) => ({ kind: "eis" as const, id })), text, categoryId: categoryOf(eisIds[0] ?? "") });
  }
  if (plenair) {
    // Items with the same wording from different tafels become one item of the whole group.
    const sameText = new Map<string, string[]>();
    for (const item of spelleider.items) sameText.set(item.text, [...(sameText.get(item.text) ?? []), item.id]);
    for (const [text, ids] of sameText) {
      if (ids.length < 2) continue;
      const categoryId = spelleider.items.find((i) => i.id === ids[0])?.categoryId ?? "kernwaarden";
      await counter.run(spelleider, { type: "pve.merge", itemId: newId("i"), sources: ids.map((id) => ({ kind: "item" as const, id })), text, categoryId }, false);
    }
    return;
  }
  const items = spelleider.items;
  const [a, b] = [items[0], items[1]];
  if (a && b) {
    await counter.run(spelleider, { type: "spanning.mark", spanningId: newId("sp"), itemA: a.id, itemB: b.id, note: pick(["Ruimte voor de professional botst met gelijke behandeling.", "Kostenbewust werken botst met de duurzame oplossing."]) });
  }
}

async function playPrioriteren({ spelleider, players }: PlayContext, counter: Counter, pick: Pick) {
  const voting = spelleider.scenario.voting;
  const itemIds = spelleider.items.map((i) => i.id);
  await Promise.all(
    players.map(async (p) => {
      if (voting.mode === "punten") {
        let left = voting.budget;
        const cap = voting.maxPerItem ?? voting.budget;
        while (left > 0 && itemIds.length > 0) {
          const itemId = pick(itemIds);
          const current = p.mine?.points.find((x) => x.itemId === itemId)?.points ?? 0;
          const add = Math.min(left, cap - current, 1 + Math.floor(pick([0, 1, 2])));
          if (add <= 0) {
            if (itemIds.every((id) => (p.mine?.points.find((x) => x.itemId === id)?.points ?? 0) >= cap)) break;
            continue;
          }
          await counter.run(p, { type: "vote.points", itemId, points: current + add });
          left -= add;
        }
      } else {
        for (const itemId of itemIds) await counter.run(p, { type: "vote.moscow", itemId, choice: pick(["must", "should", "could", "wont"] as const) });
      }
      await counter.run(p, { type: "participant.ready", ready: true });
    }),
  );
  await counter.run(spelleider, { type: "votes.reveal" });
}

async function playCasustoets(phase: PhaseView, ctx: PlayContext, counter: Counter, pick: Pick) {
  const { spelleider, players } = ctx;
  const perTable = spelleider.session.caseByTable;
  if (perTable.length > 0) {
    // Casustoets per tafel: every tafel walks its own case at the same time, with its own people.
    await Promise.all(
      perTable.map(({ tableId, caseId }, n) => {
        const atTable = players.filter((p) => p.mine?.tableId === tableId);
        return walkCase({ spelleider, players: atTable.length ? atTable : players, secret: ctx.secret, code: ctx.code }, caseId, n, counter, pick);
      }),
    );
    return;
  }
  // A case from the room: one bot brings in a case from its own practice, the spelleider admits it, and the group votes
  // which case to test first; the bots choose the prepared one (the case brought in stays on the list, untested).
  const [bringer] = players;
  const first = phase.caseIds[0];
  if (bringer && first) {
    const brought = newId("inbreng");
    await counter.run(bringer, { type: "case.propose", caseId: brought, draft: ROOM_CASE });
    await spelleider.caughtUp(counter.seq);
    await counter.run(spelleider, { type: "case.admit", caseId: brought, draft: ROOM_CASE });
    await Promise.all(players.map((p) => counter.run(p, { type: "case.vote", caseId: first })));
    await spelleider.caughtUp(counter.seq);
    await counter.run(spelleider, { type: "case.choose" });
  }
  for (const [n, caseId] of phase.caseIds.entries()) {
    if (spelleider.session.currentCaseId !== caseId) await counter.run(spelleider, { type: "case.open", caseId });
    await walkCase(ctx, caseId, n, counter, pick);
  }
}

/** The case a bot brings in from its own practice: made up, with what the rules say and what really happened. */
const ROOM_CASE = {
  title: "Een erfenis in de bijstand",
  situation: "Een vrouw in de bijstand erft een deel van een vakantiehuisje dat ze niet snel kan verkopen.",
  effectWanted: "Rond blijven komen tot het huisje verkocht is.",
  rules: "Vermogen boven de vermogensgrens: geen recht op bijstand (Participatiewet art. 34).",
  afloop: "De gemeente gaf bijstand als geldlening tot de verkoop van het huisje (Participatiewet art. 48 lid 2).",
};

async function walkCase({ spelleider, players }: PlayContext, caseId: string, n: number, counter: Counter, pick: Pick) {
  const steps = spelleider.scenario.omgekeerdeToets;
  {
    for (const [i, step] of steps.entries()) {
      const writer = players[i % players.length] ?? spelleider;
      await counter.run(writer, { type: "toets.note", noteId: newId("n"), caseId, stepId: step.id, text: TOETS_NOTES[i % TOETS_NOTES.length] ?? "Aantekening." });
      await counter.run(spelleider, { type: "toets.advance", caseId });
    }
    for (const item of spelleider.items) {
      const judge = pick(players);
      await counter.run(judge, { type: "toets.verdict", caseId, itemId: item.id, verdict: pick(["helpt", "helpt", "staat_in_de_weg", "niet_van_toepassing"] as const) });
    }
    await counter.run(pick(players), { type: "toets.decide", caseId, decision: pick(DECISIONS), costNow: pick(["laag", "gemiddeld"] as const), costLater: "laag", costNote: "Voorkomt duurdere zorg later." });
    await counter.run(pick(players), { type: "toets.amend", itemId: newId("i"), caseId, text: AMENDMENTS[n % AMENDMENTS.length] ?? "Aanvulling.", categoryId: spelleider.scenario.categories[0]?.id ?? "kernwaarden" });
  }
}
