/**
 * fast-check arbitraries for fuzzing everything a client can send: random values of any shape, and near-valid
 * commands. The valid commands are generated from CommandSchema itself (through its JSON Schema), so every command
 * type is covered and a new one is fuzzed without touching this file; mutations then break them the ways clients
 * (buggy, old or hostile) do: wrong types, too long, unknown or missing fields, ids with bad characters, huge numbers,
 * nested junk, a wrong `type`.
 */
import fc from "fast-check";
import { z } from "zod";
import { CommandSchema } from "#shared/protocol/commands.ts";

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
}

const ID_PATTERN = "^[A-Za-z0-9_-]+$";
const ID_CHARS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"];

const commandJsonSchema = z.toJSONSchema(CommandSchema, { io: "input" }) as { oneOf: JsonSchema[] };
/** Every command type with its JSON Schema. */
export const COMMAND_SHAPES: ReadonlyMap<string, JsonSchema> = new Map(commandJsonSchema.oneOf.map((shape) => [String(shape.properties?.type?.const), shape]));
export const ALL_COMMAND_TYPES = [...COMMAND_SHAPES.keys()];

/** Ids: mostly ones that exist in the state being fuzzed (so commands get past "niet gevonden"), sometimes new. */
const idArb = (pool: readonly string[]) => {
  const fresh = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 12 });
  const long = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 60, maxLength: 64 });
  return pool.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 6 }, { arbitrary: fresh, weight: 3 }, { arbitrary: long, weight: 1 }) : fc.oneof(fresh, long);
};

/** Text people type: short Dutch-ish words, any Unicode, or exactly as long as allowed. */
const textArb = (min: number, max: number) => {
  const words = fc
    .array(fc.constantFrom("maatwerk", "de", "inwoner", "wijkteam", "één", "regel", "ruimte", "budget", "€", "😀", "naïef", "ß", "\t"), { minLength: 1, maxLength: 12 })
    .map((w) => w.join(" ").slice(0, max));
  const anyUnicode = fc.string({ unit: "grapheme", minLength: Math.max(min, 1), maxLength: Math.min(max, 40) });
  const full = fc.constantFrom("a", "é", "€", "😀").map((c) => c.repeat(Math.floor(max / c.length)));
  const text = fc.oneof({ arbitrary: words, weight: 5 }, { arbitrary: anyUnicode, weight: 3 }, { arbitrary: full, weight: 1 });
  return min >= 1 ? text.filter((t) => t.trim().length >= min && t.length <= max) : fc.oneof(text, fc.constant(""));
};

/** A value that fits this JSON Schema (up to zod's trim, which the filters above take care of). */
function valueFor(schema: JsonSchema, pool: readonly string[]): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valueFor(s, pool)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "string":
      return schema.pattern === ID_PATTERN ? idArb(pool) : textArb(schema.minLength ?? 0, schema.maxLength ?? 200);
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valueFor(schema.items ?? {}, pool), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case "object": {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, valueFor(s, pool)]));
      return fc.record(shape, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.anything();
  }
}

/** A command that CommandSchema accepts, of any type, with ids drawn from `pool`. */
export function validCommand(pool: readonly string[] = [], types: readonly string[] = ALL_COMMAND_TYPES): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .constantFrom(...types)
    .chain((type) => valueFor(COMMAND_SHAPES.get(type) ?? {}, pool))
    .map((value) => value as Record<string, unknown>)
    .filter((command) => CommandSchema.safeParse(command).success);
}

// ---------------------------------------------------------------------------------------------------------------
// Junk
// ---------------------------------------------------------------------------------------------------------------

/** Numbers that break naive code: huge, tiny, not finite, not integers, negative zero, beyond 2^53. */
export const nastyNumber = fc.constantFrom(1e308, -1e308, Infinity, -Infinity, NaN, -0, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, -1, 0.5, 1e21, 4294967296);

/** Ids with characters an id may not hold. */
export const badId = fc
  .tuple(fc.string({ unit: fc.constantFrom(...ID_CHARS), maxLength: 8 }), fc.constantFrom("/", " ", "é", "\u0000", "../", "😀", "<script>", "%00", ".", "\n", "'", '"', "\\", "\u202e", "?", "#"))
  .map(([id, bad]) => `${id}${bad}${id}`);

/** Deeply nested arrays or objects. */
export const nestedJunk = fc.tuple(fc.integer({ min: 20, max: 400 }), fc.boolean(), fc.anything({ maxDepth: 1 })).map(([depth, arrays, leaf]) => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Any value at all, JSON or not (what msgpack can carry: also dates, bytes, big integers, maps). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withBigInt: true, withDate: true, withTypedArray: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, maxDepth: 4 }),
  nastyNumber,
  nestedJunk,
  fc.constantFrom(undefined, null, "", "command", [], {}, { type: "phase.next" }, { type: "__proto__" }, { commandId: "x" }),
);

/** Values that can safely be sent through the SDK (msgpack): no BigInt beyond 64 bits, no sparse arrays. */
export const wireValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withDate: true, withTypedArray: true, withMap: true, withNullPrototype: true, maxDepth: 4 }),
  nastyNumber,
  nestedJunk,
  fc.constantFrom(undefined, null, "", "command", [], {}, { type: "phase.next" }, { type: "__proto__" }, { commandId: "x" }),
);

// ---------------------------------------------------------------------------------------------------------------
// Mutations of valid commands
// ---------------------------------------------------------------------------------------------------------------

type Path = (string | number)[];

/** Every place in a command that holds a value (nested objects and arrays included). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

/** Objects (the command itself and nested ones) that can get extra fields. */
function objectPathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPathsOf(v, [...prefix, i]));
  if (typeof value === "object" && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => objectPathsOf(v, [...prefix, k]))];
  return [];
}

function getAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) value = typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
  return value;
}

/** Sets an own property (also for keys like __proto__, as JSON.parse and msgpack would make them). */
function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (key === undefined || typeof parent !== "object" || parent === null) return;
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

function deleteAt(root: unknown, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (key === undefined || typeof parent !== "object" || parent === null) return;
  if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
  else Reflect.deleteProperty(parent, key);
}

type Mutation = (command: Record<string, unknown>) => void;

const UNKNOWN_FIELDS = ["participantId", "actor", "__proto__", "constructor", "prototype", "seq", "at", "v", "events", "extra", "Type", "commandid"];

const TYPE_VARIANTS = (type: string) => [type.toUpperCase(), `${type} `, ` ${type}`, type.replace(".", "_"), `${type}.`, type.split(".")[0] ?? "", "", `${type}\u0000`, "constructor", "__proto__", "toString"];

/** One way to break a command, picked against the command at hand. */
function mutation(command: Record<string, unknown>): fc.Arbitrary<Mutation> {
  const paths = pathsOf(command).filter((p) => !(p.length === 1 && p[0] === "type"));
  const objects = objectPathsOf(command);
  const stringPaths = paths.filter((p) => typeof getAt(command, p) === "string");
  const numberPaths = paths.filter((p) => typeof getAt(command, p) === "number");
  const choices: fc.Arbitrary<Mutation>[] = [
    // an unknown field, anywhere an object is (a forged participantId among them)
    fc.tuple(fc.constantFrom(...objects), fc.oneof(fc.constantFrom(...UNKNOWN_FIELDS), fc.string({ maxLength: 20 })), anyValue).map(
      ([path, key, value]): Mutation => (c) => setAt(c, [...path, key], value),
    ),
    // the type: a near miss, another command's type, or not a string
    fc.oneof(fc.constantFrom(...TYPE_VARIANTS(String(command.type))), fc.constantFrom(...ALL_COMMAND_TYPES), anyValue).map((type): Mutation => (c) => setAt(c, ["type"], type)),
  ];
  if (paths.length > 0) {
    choices.push(
      // a value of the wrong type, or junk nested deep
      fc.tuple(fc.constantFrom(...paths), fc.oneof(anyValue, nestedJunk)).map(([path, value]): Mutation => (c) => setAt(c, path, value)),
      // a missing field
      fc.constantFrom(...paths).map((path): Mutation => (c) => deleteAt(c, path)),
    );
  }
  if (stringPaths.length > 0) {
    choices.push(
      // too long, far too long, empty or only spaces
      fc.tuple(fc.constantFrom(...stringPaths), fc.constantFrom(65, 101, 201, 301, 401, 601, 4001, 20_000), fc.constantFrom("x", "é", "€", "😀")).map(
        ([path, length, char]): Mutation => (c) => setAt(c, path, char.repeat(length)),
      ),
      fc.tuple(fc.constantFrom(...stringPaths), fc.constantFrom("", " ", "   ", "\t\n", "\u00a0")).map(([path, value]): Mutation => (c) => setAt(c, path, value)),
      // ids with characters that may not be in an id
      fc.tuple(fc.constantFrom(...stringPaths), badId).map(([path, value]): Mutation => (c) => setAt(c, path, value)),
    );
  }
  if (numberPaths.length > 0) choices.push(fc.tuple(fc.constantFrom(...numberPaths), nastyNumber).map(([path, value]): Mutation => (c) => setAt(c, path, value)));
  return fc.oneof(...choices);
}

/** A valid command broken in one to three ways (occasionally still valid, e.g. a too-long text that stays in bounds). */
export function nearValidCommand(pool: readonly string[] = [], types: readonly string[] = ALL_COMMAND_TYPES): fc.Arbitrary<unknown> {
  return validCommand(pool, types).chain((command) =>
    fc.array(mutation(command), { minLength: 1, maxLength: 3 }).map((mutations) => {
      const copy = structuredClone(command);
      for (const mutate of mutations) mutate(copy);
      return copy;
    }),
  );
}

/** Anything a client might put on the command channel: junk, near-valid, valid. */
export function commandInput(pool: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: nearValidCommand(pool), weight: 6 }, { arbitrary: anyValue, weight: 3 }, { arbitrary: validCommand(pool), weight: 1 });
}

/** Every id-like string in a value (Map keys, fields named id or …Id): the ids a fuzzed command can refer to. */
export function idsIn(value: unknown, found = new Set<string>(), seen = new Set<unknown>()): string[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return [...found];
  seen.add(value);
  const isId = (s: unknown): s is string => typeof s === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(s);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      if (isId(k)) found.add(k);
      idsIn(v, found, seen);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) idsIn(v, found, seen);
  } else {
    for (const [k, v] of Object.entries(value)) {
      if ((k === "id" || k.endsWith("Id")) && isId(v)) found.add(v);
      idsIn(v, found, seen);
    }
  }
  return [...found].sort();
}
