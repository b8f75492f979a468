/**
 * Three sessions of demo-maatwerk (variant kort) played by the bots through a real server, each with one planted eis
 * in nearly the same words: the pattern the trainer overview must find. Shared by the integration and e2e tests.
 *
 * The planted eis is written in the first rolwissel, next to one eis of every bot. In samenvoegen the bots may merge
 * it with their own doorbraakteam eis (the suggestions say they are alike); the spelleider then splits it off again,
 * so every session has it as an item of its own with the planted wording. In the casustoets one bot judges it
 * "staat in de weg" in every case, so it is also a recurring blockage.
 */
import { playPhases, setUpSession, type PlayContext } from "../../tools/bots/play.ts";
import { EIS_TEXTS } from "../../tools/bots/texts.ts";
import { newId, type CommandInput, type SessionClient } from "../../game/src/net/sessionClient.ts";

export const PLANTED = [
  "Vastgelopen casussen gaan binnen vijf werkdagen naar een doorbraakteam.",
  "Een vastgelopen casus gaat binnen vijf werkdagen naar het doorbraakteam.",
  "Vastgelopen casussen gaan binnen 5 werkdagen door naar een doorbraakteam.",
];

export const PATTERN_LABELS = ["Gemeente Oosterwolde, ochtendgroep", "Gemeente Lindeveen", "Gemeente Westerhaven"];

export type PlayedSession = PlayContext & { sessionId: string; planted: string };

/** Sends as `client`, throws the Dutch reason on a refusal, and waits until the spelleider has seen it. */
async function run(ctx: PlayContext, client: SessionClient, command: CommandInput): Promise<void> {
  const result = await client.send(command);
  if (!result.ok) throw new Error(`${command.type} geweigerd: ${result.message}`);
  await ctx.spelleider.caughtUp(result.seq);
}

export async function playSessionWithPlantedEis(baseUrl: string, index: number): Promise<PlayedSession> {
  const planted = PLANTED[index % PLANTED.length] ?? PLANTED[0]!;
  const ctx = await setUpSession({ baseUrl, players: 6, scenarioId: "demo-maatwerk", variantId: "kort", label: PATTERN_LABELS[index % PATTERN_LABELS.length] });
  const { spelleider, players } = ctx;
  const phases = spelleider.session.phases;
  const rolwissel = phases.findIndex((p) => p.kind === "rolwissel");
  if (rolwissel < 1) throw new Error("Dit scenario heeft geen rolwissel.");
  if (rolwissel > 1) await playPhases(ctx, { from: 1, to: rolwissel - 1, seed: index + 1 });

  // The first rolwissel by hand: the planted eis, and one eis of every bot beside it.
  await run(ctx, spelleider, { type: "phase.next" });
  await Promise.all(players.map((p) => p.until(() => p.mine?.role !== null && p.mine !== null)));
  const categories = spelleider.scenario.categories.map((c) => c.id);
  const category = (id: string) => (categories.includes(id) ? id : (categories[0] ?? "kernwaarden"));
  await run(ctx, players[0]!, { type: "eis.write", eisId: newId("e"), categoryId: category("escalatie"), text: planted });
  for (const [i, p] of players.entries()) {
    const categoryId = categories[(i + index) % categories.length] ?? "kernwaarden";
    const texts = EIS_TEXTS[categoryId] ?? ["Maatwerk moet uitlegbaar zijn."];
    await run(ctx, p, { type: "eis.write", eisId: newId("e"), categoryId, text: texts[index % texts.length] ?? "Maatwerk moet uitlegbaar zijn." });
  }
  await run(ctx, spelleider, { type: "eisen.reveal" });

  await playPhases(ctx, {
    from: rolwissel + 1,
    to: phases.length - 1,
    seed: index + 1,
    afterPhase: async (phase) => {
      if (phase.kind === "samenvoegen") await keepPlantedAsItem(ctx, planted, category("escalatie"));
      if (phase.kind === "casustoets") {
        const item = spelleider.items.find((i) => i.text === planted);
        if (!item) throw new Error("Het geplante item staat niet in het programma van eisen.");
        for (const caseId of phase.caseIds) {
          const given = spelleider.cases.find((c) => c.id === caseId)?.verdicts.find((v) => v.itemId === item.id)?.verdict;
          if (given !== "staat_in_de_weg") await run(ctx, players[1]!, { type: "toets.verdict", caseId, itemId: item.id, verdict: "staat_in_de_weg" });
        }
      }
    },
  });
  return { ...ctx, planted };
}

/** After the bots merged: the planted eis as an item of its own, with its own wording. */
async function keepPlantedAsItem(ctx: PlayContext, planted: string, categoryId: string): Promise<void> {
  const { spelleider } = ctx;
  const eis = spelleider.eisen.find((e) => e.text === planted);
  if (!eis) throw new Error("De geplante eis is er niet.");
  const item = eis.itemId ? spelleider.items.find((i) => i.id === eis.itemId) : undefined;
  if (!item) return run(ctx, spelleider, { type: "pve.merge", itemId: newId("i"), sources: [{ kind: "eis", id: eis.id }], text: planted, categoryId });
  if (item.eisIds.length > 1) {
    await run(ctx, spelleider, { type: "pve.split", itemId: item.id, newItemId: newId("i"), eisIds: [eis.id], text: planted });
    // The merge may have taken the planted words for the item; what stays behind gets the words of its own eis.
    const rest = spelleider.eisen.find((e) => e.itemId === item.id);
    if (item.text === planted && rest) await run(ctx, spelleider, { type: "pve.edit", itemId: item.id, text: rest.text, categoryId: item.categoryId });
    return;
  }
  if (item.text !== planted) return run(ctx, spelleider, { type: "pve.edit", itemId: item.id, text: planted, categoryId: item.categoryId });
}

export async function leaveAll(sessions: readonly PlayedSession[]): Promise<void> {
  await Promise.all(sessions.flatMap((s) => [s.spelleider, ...s.players]).map((c) => c.leave()));
}
