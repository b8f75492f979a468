/**
 * Bots at the terugkombijeenkomst: the spelleider opens it on a session at its resultaat and walks the stages;
 * every bot reflects on every v1 item, the group amends one item, adds one, retires one, and says what it backs.
 * Seeded, so the same seed gives the same day 2.
 */
import type { SessionClient } from "../../game/src/net/sessionClient.ts";
import { newId } from "../../game/src/net/sessionClient.ts";
import { mulberry32 } from "../../server/core/roleAssignment.ts";
import { TOEGEPAST } from "#shared/protocol/ids.ts";
import type { PlayContext } from "./play.ts";
import { NIEUWE_KADERPUNTEN, REFLECTIE_BETER, REFLECTIE_GOED, REFLECTIE_INDICATOREN } from "./texts.ts";

export interface TerugkomRun {
  commands: number;
  /** The highest log position a bot was told about. */
  seq: number;
  reflections: number;
  summary: string;
}

export async function playTerugkom(ctx: PlayContext, options: { seed?: number; log?: (line: string) => void } = {}): Promise<TerugkomRun> {
  const log = options.log ?? (() => {});
  const random = mulberry32(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
  const { spelleider, players } = ctx;
  let commands = 0;
  let seq = 0;
  const run = async (client: SessionClient, command: Parameters<SessionClient["send"]>[0]) => {
    commands++;
    const result = await client.send(command);
    if (!result.ok) throw new Error(`${command.type} geweigerd: ${result.message}`);
    seq = Math.max(seq, result.seq);
  };
  const stage = async (stage: "reflectie" | "bijstellen" | "kader") => {
    await run(spelleider, { type: "terugkom.stage", stage });
    await Promise.all(players.map((p) => p.caughtUp(seq)));
  };

  await run(spelleider, { type: "terugkom.open" });
  await Promise.all(players.map((p) => p.caughtUp(seq)));
  const v1 = spelleider.terugkom?.v1 ?? [];
  log(`Terugkombijeenkomst geopend: versie 1 van het kader heeft ${v1.length} punten.`);

  await stage("reflectie");
  let reflections = 0;
  await Promise.all(
    players.map(async (p) => {
      for (const item of v1) {
        await run(p, { type: "reflectie.give", itemId: item.itemId, toegepast: pick(TOEGEPAST), goed: pick(REFLECTIE_GOED), beter: pick(REFLECTIE_BETER), indicator: pick(REFLECTIE_INDICATOREN) });
        reflections++;
      }
    }),
  );
  log(`Reflectie: ${reflections} reflecties van ${players.length} deelnemers.`);

  await stage("bijstellen");
  const [first, second, last] = [v1[0], v1[1], v1.at(-1)];
  const categoryId = spelleider.scenario.categories[0]?.id ?? "";
  if (second) await run(players[0] ?? spelleider, { type: "kader.amend", itemId: second.itemId, text: `${second.text} Dit leggen we vast in het mandaat van het wijkteam.`.slice(0, 400), categoryId: second.categoryId });
  await run(players[1] ?? spelleider, { type: "kader.add", itemId: newId("k"), text: pick(NIEUWE_KADERPUNTEN), categoryId });
  if (last && last !== first && last !== second) await run(spelleider, { type: "kader.retire", itemId: last.itemId, reason: "In de praktijk bleek dit al geregeld in het werkproces." });
  await spelleider.caughtUp(seq);
  const live = (spelleider.terugkom?.v2 ?? []).filter((i) => i.status !== "vervallen");
  await Promise.all(
    players.map(async (p) => {
      for (const item of live) await run(p, { type: "kader.steun", itemId: item.itemId, steun: random() < 0.6 });
    }),
  );
  await stage("kader");
  await spelleider.caughtUp(seq);
  const counts = spelleider.terugkom?.counts;
  const summary = counts
    ? `kader versie 2: ${counts.ongewijzigd} ongewijzigd, ${counts.gewijzigd} gewijzigd, ${counts.nieuw} nieuw, ${counts.vervallen} vervallen; steun veranderd bij ${counts.steunVeranderd}`
    : "kader versie 2 ontbreekt";
  log(`Bijstellen: ${summary}.`);
  return { commands, seq, reflections, summary };
}
