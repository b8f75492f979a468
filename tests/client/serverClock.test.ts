/**
 * A screen's idea of the server's clock (game/src/net/serverClock.ts): the middle of the round trip, the answer with
 * the shortest round trip of the last four, and nothing from an answer that cannot be right.
 */
import { describe, expect, it } from "vitest";
import { ServerClock } from "../../game/src/net/serverClock.ts";

describe("de klok van de server, zoals een scherm die kent", () => {
  it("zonder antwoord is het de eigen klok", () => {
    const clock = new ServerClock();
    expect(clock.offset).toBe(0);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
  });

  it("een antwoord geldt voor het midden van de heen-en-terugreis", () => {
    const clock = new ServerClock();
    // Asked at 1,000, answered at 1,200 by this clock; the server said 181,100: it is 180,000 ahead.
    clock.note(1_000, 181_100, 1_200);
    expect(clock.offset).toBe(180_000);
    expect(Math.abs(clock.now() - (Date.now() + 180_000))).toBeLessThan(50);
  });

  it("van de laatste vier telt het snelste antwoord: een antwoord dat seconden onderweg was niet", () => {
    const clock = new ServerClock();
    clock.note(0, 60_050, 100); // 100 ms round trip: 60,000 ahead
    clock.note(10_000, 71_000, 16_000); // 6 s on the way (bad Wi-Fi): its middle would say 58,000
    expect(clock.offset).toBe(60_000);
    clock.note(20_000, 80_020, 20_040); // 40 ms: the best one now
    expect(clock.offset).toBe(60_000);
    // The screen's clock was corrected by 30 s: four answers (500 ms round trips) say 90,000 ahead now.
    for (let k = 0; k < 4; k++) clock.note(30_000 + k * 1_000, 90_000 + k * 1_000 + 30_250, 30_000 + k * 1_000 + 500);
    // The 40 ms answer is older than the last four: the best of those counts.
    expect(clock.offset).toBe(90_000);
  });

  it("een antwoord van vóór de vraag, of zonder getal, verandert niets", () => {
    const clock = new ServerClock();
    clock.note(1_000, 5_000, 1_100);
    const before = clock.offset;
    clock.note(2_000, 9_999_999, 1_900);
    clock.note(2_000, Number.NaN, 2_100);
    expect(clock.offset).toBe(before);
  });
});
