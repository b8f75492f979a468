/**
 * Places in a scenario file: from a path like ["cases", 2, "situation"] to the JSON node jsonc-parser found there,
 * from an offset to a line and column, and from a character inside a string to its offset in the file. Pure, no I/O.
 */
import type { Node } from "jsonc-parser";

export type JsonPath = readonly (string | number)[];

/** Line and column, both counted from 1 as editors show them; the column counts UTF-16 code units, tabs as one. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Turns offsets into lines and columns; build it once per file. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i += 1) {
      const ch = text.charCodeAt(i);
      // \r\n counts as one line break, a lone \r too (as editors do).
      if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.#starts.push(i + 1);
    }
  }

  at(offset: number): LineColumn {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.#starts[low] ?? 0) + 1 };
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path as a trainer reads it: `cases[2].situation`, `roles.burger`; the whole file is `(scenario)`. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return "(scenario)";
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (!IDENTIFIER.test(key)) text += `[${JSON.stringify(key)}]`;
    else text += text === "" ? key : `.${key}`;
  }
  return text;
}

/** The property node (key and value) for `key` in an object node; with a key written twice, the last one counts, as in JSON.parse. */
export function propertyNode(object: Node, key: string): Node | undefined {
  if (object.type !== "object") return undefined;
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    if (property.children?.[0]?.value === key) found = property;
  }
  return found;
}

/** The value node one step down from `node`. */
export function childNode(node: Node, key: string | number): Node | undefined {
  if (typeof key === "number") return node.type === "array" ? node.children?.[key] : undefined;
  return propertyNode(node, key)?.children?.[1];
}

export interface Located {
  /** The deepest node that exists along the path. */
  node: Node;
  /** How many steps of the path exist: `path.length` when the node itself was found. */
  depth: number;
}

/** The value node at `path`, or the deepest node on the way when the rest of the path does not exist. */
export function locate(root: Node, path: JsonPath): Located {
  let node = root;
  let depth = 0;
  for (const key of path) {
    const next = childNode(node, key);
    if (next === undefined) break;
    node = next;
    depth += 1;
  }
  return { node, depth };
}

/** The key node (the `"name"` before the colon) of the property at `path`, if there is one. */
export function keyNodeAt(root: Node, path: JsonPath): Node | undefined {
  const last = path[path.length - 1];
  if (typeof last !== "string") return undefined;
  const { node, depth } = locate(root, path.slice(0, -1));
  if (depth !== path.length - 1) return undefined;
  return propertyNode(node, last)?.children?.[0];
}

/**
 * The offset in the file of character `index` of the string a string node holds (as its value, after decoding
 * escapes). Escapes are followed exactly: `\n` and `\"` are two characters in the file, `\u00e9` six.
 */
export function offsetInString(text: string, node: Node, index: number): number {
  let offset = node.offset + 1; // after the opening quote
  const end = node.offset + node.length - 1; // the closing quote
  let decoded = 0;
  while (decoded < index && offset < end) {
    if (text[offset] === "\\") offset += text[offset + 1] === "u" ? 6 : 2;
    else offset += 1;
    decoded += 1;
  }
  return offset;
}
