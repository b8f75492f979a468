/**
 * The door every command comes through: CommandSchema.safeParse and describeCommandError. Whatever arrives, they
 * never throw, a refusal is one Dutch sentence, and what passes is exactly a command (strict: nothing extra).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommandSchema } from "#shared/protocol/commands.ts";
import { describeCommandError } from "#shared/protocol/dutchErrors.ts";
import { ALL_COMMAND_TYPES, COMMAND_SHAPES, anyValue, commandInput, nearValidCommand, validCommand } from "./arbitraries.ts";
import { dutchProblem, parameters, timeoutFor } from "./settings.ts";

/** Decodes as the room does; returns a problem in words, or null. */
function decodeProblem(input: unknown): string | null {
  const parsed = CommandSchema.safeParse(input);
  if (parsed.success) {
    const shape = COMMAND_SHAPES.get(parsed.data.type);
    const extra = Object.keys(parsed.data).filter((key) => !(key in (shape?.properties ?? {})));
    return extra.length > 0 ? `doorgelaten met onbekende velden ${extra.join(", ")}` : null;
  }
  const problem = dutchProblem(describeCommandError(input, parsed.error));
  return problem ? `${problem}: ${describeCommandError(input, parsed.error)}` : null;
}

describe("fuzz: de decoder van opdrachten", () => {
  it("covers every command type of CommandSchema", () => {
    expect(ALL_COMMAND_TYPES).toHaveLength(CommandSchema.options.length);
  });

  const junk = parameters(1500);
  it(`any value at all: never throws, refuses in Dutch (${junk.numRuns} runs)`, { timeout: timeoutFor(junk.numRuns, 1) }, () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        expect(decodeProblem(input)).toBeNull();
      }),
      junk,
    );
  });

  const near = parameters(2000);
  it(`near-valid commands of every type: never throws, refuses in Dutch (${near.numRuns} runs)`, { timeout: timeoutFor(near.numRuns, 2) }, () => {
    fc.assert(
      fc.property(nearValidCommand(), (input) => {
        expect(decodeProblem(input)).toBeNull();
      }),
      near,
    );
  });

  const valid = parameters(500);
  it(`generated valid commands pass, and a forged participantId or any extra field never does (${valid.numRuns} runs)`, { timeout: timeoutFor(valid.numRuns, 2) }, () => {
    fc.assert(
      fc.property(validCommand(), fc.constantFrom("participantId", "actor", "seq", "extra"), (command, key) => {
        expect(CommandSchema.safeParse(command).success).toBe(true);
        if (key in command) return; // participant.remove names a participant: that is its own field
        const forged = { ...command, [key]: "d2" };
        const parsed = CommandSchema.safeParse(forged);
        expect(parsed.success).toBe(false);
        if (!parsed.success) expect(describeCommandError(forged, parsed.error)).toContain(`onbekende velden: ${key}`);
      }),
      valid,
    );
  });

  const mixed = parameters(500);
  it(`the mix the room fuzz sends (${mixed.numRuns} runs)`, { timeout: timeoutFor(mixed.numRuns, 2) }, () => {
    fc.assert(
      fc.property(commandInput(["d1", "d2", "i1", "k1", "ebike", "wel", "kernwaarden"]), (input) => {
        expect(decodeProblem(input)).toBeNull();
      }),
      mixed,
    );
  });
});

describe("every field has a Dutch name", () => {
  it("a message about any field of any command names it in Dutch, never by its code name", () => {
    for (const [type, shape] of COMMAND_SHAPES) {
      const sample = fc.sample(validCommand([], [type]), { numRuns: 1, seed: 1 })[0] ?? {};
      const fields = (function walk(schema: typeof shape, path: string[]): string[][] {
        return Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => [[...path, key], ...walk(sub.items ?? sub.anyOf?.find((s) => s.type === "object") ?? sub, [...path, key])]);
      })(shape, []);
      for (const path of fields.filter((p) => p.join(".") !== "type")) {
        const broken: Record<string, unknown> = structuredClone(sample);
        let parent: unknown = broken;
        for (const key of path.slice(0, -1)) {
          parent = (parent as Record<string, unknown> | undefined)?.[key];
          if (Array.isArray(parent)) parent = parent[0];
        }
        if (typeof parent !== "object" || parent === null) continue;
        Object.assign(parent, { [path.at(-1) ?? ""]: { niet: "goed" } });
        const parsed = CommandSchema.safeParse(broken);
        expect(parsed.success, `${type} ${path.join(".")}`).toBe(false);
        if (!parsed.success) expect(describeCommandError(broken, parsed.error), `${type} ${path.join(".")}`).not.toMatch(/het veld '/i);
      }
    }
  });
});
