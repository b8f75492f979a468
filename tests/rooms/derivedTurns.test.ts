/**
 * Derived work takes turns across the rooms of a process (server/rooms/derivedTurns.ts): computations that are due
 * first, then preparation that only makes later ones cheaper, each batch within DERIVED_BUDGET_MS and followed by a
 * pause, so commands always get most of the loop.
 */
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { DERIVED_BUDGET_MS, derivedFigures, PREPARE_LIMIT, prepareLater, scheduleDerived } from "../../server/rooms/derivedTurns.ts";

const until = async (done: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error("Het afgeleide werk kwam niet op tijd aan de beurt.");
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** Keeps the loop busy for `ms`, as a costly preparation would. */
const busy = (ms: number) => () => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe("voorbereiden in de beurten van het afgeleide werk", () => {
  it("komt na een berekening die aan de beurt is, en laat de opdrachten eerst gaan", async () => {
    const order: string[] = [];
    prepareLater(() => order.push("voorbereid"));
    scheduleDerived(Date.now(), () => order.push("berekend"));
    // Nothing runs in the turn that asked: a command that arrives meanwhile goes first.
    expect(order).toEqual([]);
    await until(() => order.length === 2);
    expect(order).toEqual(["berekend", "voorbereid"]);
  });

  it("houdt zich aan het budget van een beurt en doet de rest in latere beurten", async () => {
    const before = derivedFigures.batches;
    let done = 0;
    for (let k = 0; k < 12; k++) {
      prepareLater(() => {
        busy(3)();
        done++;
      });
    }
    await until(() => done === 12);
    // 36 ms of work in batches of at most DERIVED_BUDGET_MS (one job may cross it): at least three batches.
    expect(derivedFigures.batches - before).toBeGreaterThanOrEqual(Math.ceil((12 * 3) / (DERIVED_BUDGET_MS + 3)));
  });

  it("laat boven de grens de oudste vallen: die had alleen later tijd gespaard", async () => {
    const dropped = derivedFigures.prepareDropped;
    const ran = new Set<number>();
    for (let k = 0; k < PREPARE_LIMIT + 5; k++) prepareLater(() => ran.add(k));
    expect(derivedFigures.prepareDropped - dropped).toBe(5);
    await until(() => ran.size === PREPARE_LIMIT, 30_000);
    expect([0, 1, 2, 3, 4].some((k) => ran.has(k))).toBe(false);
    expect(ran.has(5) && ran.has(PREPARE_LIMIT + 4)).toBe(true);
  });

  it("een voorbereiding die mislukt, houdt de volgende niet tegen", async () => {
    let after = false;
    prepareLater(() => {
      throw new Error("kapotte tekst");
    });
    prepareLater(() => {
      after = true;
    });
    await until(() => after);
  });
});
