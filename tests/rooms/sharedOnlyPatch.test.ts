/**
 * A patch with nothing private in it goes to every connection as the same bytes (rooms/colyseus.ts,
 * `nothingPrivatePending`). The judgement is checked here against Colyseus' own encoder: over random rounds of changes
 * to the room state (the group's board, granted eisen and items, a participant's own entries, `seq`), whenever the
 * judgement says "nothing private", every connection's own encode (`Encoder#encodeView`, the library's code, not the
 * shortcut) is exactly the shared part; and the rounds where it says otherwise include ones where a connection did get
 * a private part, so the test would notice a judgement that always said yes, or always no.
 */
import { Encoder, StateView } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../server/core/roleAssignment.ts";
import { nothingPrivatePending } from "../../server/rooms/colyseus.ts";
import { Entity, SessionRoomState } from "#shared/protocol/schema.ts";

type Rng = () => number;
const pick = <T>(random: Rng, list: readonly T[]): T => {
  const found = list[Math.floor(random() * list.length)];
  if (found === undefined) throw new Error("lege lijst");
  return found;
};
const entity = (text: string) => new Entity({ json: JSON.stringify({ text }) });

/** One random change of the kind a generation makes. */
function change(state: SessionRoomState, views: StateView[], random: Rng, round: number): void {
  const key = `k${Math.floor(random() * 12)}`;
  const kinds = ["groupEisen", "groupItems", "eisen", "items", "mine", "seq", "suggestions", "delete"] as const;
  const kind = pick(random, kinds);
  switch (kind) {
    case "groupEisen":
    case "groupItems":
      state[kind].set(key, entity(`gedeeld ${round}`));
      return;
    case "eisen":
    case "items":
    case "mine": {
      const added = entity(`privé ${round}`);
      state[kind].set(key, added);
      // Granted to some connections (as projection.ts grants a tafel's eisen or a participant's own entry).
      for (const view of views) if (random() < 0.5) view.add(added);
      return;
    }
    case "seq":
      state.seq = round;
      return;
    case "suggestions":
      state.suggestions = `[${round}]`;
      return;
    case "delete": {
      const map = pick(random, [state.groupEisen, state.eisen, state.mine]);
      map.delete(key);
      return;
    }
    default: {
      const never: never = kind;
      throw new Error(`onbekende wijziging ${String(never)}`);
    }
  }
}

describe("een patch zonder privé-deel", () => {
  it("gaat alleen als dezelfde bytes naar iedereen als Colyseus zelf voor geen enkele verbinding een privé-deel maakt", () => {
    const random = mulberry32(20261206);
    let judgedShared = 0;
    let judgedPrivate = 0;
    let privateSeen = 0;
    for (let session = 0; session < 20; session++) {
      const state = new SessionRoomState();
      const encoder = new Encoder(state);
      const views = Array.from({ length: 4 }, () => new StateView());
      for (let round = 1; round <= 60; round++) {
        const changes = 1 + Math.floor(random() * 3);
        for (let k = 0; k < changes; k++) change(state, views, random, round);
        // A round where no view has grants of its own waiting is the case the shortcut is for.
        for (const view of views) if (random() < 0.5) view.changes.clear();
        const judged = nothingPrivatePending(encoder);
        const it = { offset: 1 };
        encoder.encode(it);
        const sharedOffset = it.offset;
        let someonePrivate = false;
        for (const view of views) {
          if (view.changes.size > 0) {
            encoder.encodeView(view, sharedOffset, it);
            continue;
          }
          const bytes = encoder.encodeView(view, sharedOffset, it);
          if (bytes.byteLength > sharedOffset) someonePrivate = true;
          if (judged) expect(bytes.byteLength, `sessie ${session}, ronde ${round}`).toBe(sharedOffset);
        }
        encoder.discardChanges();
        if (judged) judgedShared++;
        else judgedPrivate++;
        if (someonePrivate) privateSeen++;
      }
    }
    expect(judgedShared).toBeGreaterThan(100);
    expect(judgedPrivate).toBeGreaterThan(100);
    expect(privateSeen).toBeGreaterThan(50);
  });
});
