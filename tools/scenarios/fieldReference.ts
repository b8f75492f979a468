/**
 * The field reference in scenarios/README.md ("Veldenoverzicht"), generated from the zod ScenarioSchema so it can
 * never drift from what the loader accepts: every field's path, kind, whether it is required, its Dutch
 * description and an example. `npm run scenario:schema` rewrites the block between the markers; a test fails when
 * the README is stale.
 *
 * We walk the JSON Schema that zod makes (z.toJSONSchema, input side: what a trainer writes) rather than zod's
 * internals, because that is the same document editors use for hover help.
 */
import { readFile, writeFile } from "node:fs/promises";
import { z } from "zod";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import { ScenarioSchema } from "#shared/protocol/scenario.ts";

export const FIELDS_BEGIN = "<!-- velden:begin -->";
export const FIELDS_END = "<!-- velden:end -->";

type Node = Record<string, unknown>;

interface Row {
  path: string;
  kind: string;
  required: string;
  description: string;
  example: string;
}

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (n: Node, key: string): string | undefined => {
  const v = n[key];
  return typeof v === "string" ? v : undefined;
};
const num = (n: Node, key: string): number | undefined => {
  const v = n[key];
  return typeof v === "number" ? v : undefined;
};
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const json = (v: unknown) => JSON.stringify(v);
const code = (text: string) => `\`${text}\``;

const ID_PATTERN = "^[A-Za-z0-9_-]+$";
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

class Walker {
  readonly rows: Row[] = [];
  private readonly root: Node;
  constructor(root: Node) {
    this.root = root;
  }

  /** Follows a `$ref` into `$defs`, so reused schemas read like inline ones. */
  resolve(node: Node): Node {
    const ref = str(node, "$ref");
    if (ref === undefined) return node;
    const name = ref.replace(/^#\/\$defs\//, "");
    const defs = this.root.$defs;
    const target = isNode(defs) ? defs[name] : undefined;
    return isNode(target) ? { ...this.resolve(target), ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== "$ref")) } : node;
  }

  alternatives(node: Node): Node[] {
    return [...nodes(node.oneOf), ...nodes(node.anyOf)].map((n) => this.resolve(n));
  }

  /** The placeholder for keys that are role ids. */
  placeholder(keys: readonly string[]): string {
    return sameSet(keys, GAME_ROLES) ? "<rol>" : "<naam>";
  }

  kind(raw: Node): string {
    const node = this.resolve(raw);
    if ("const" in node) return `vaste waarde ${code(json(node.const))}`;
    const values = Array.isArray(node.enum) ? node.enum : undefined;
    if (values) return `een van ${values.map((v) => code(json(v))).join(", ")}`;
    const alts = this.alternatives(node);
    if (alts.length > 0) return "object; de soort bepaalt de velden";
    switch (str(node, "type")) {
      case "string": {
        if (str(node, "format") === "date") return "datum (JJJJ-MM-DD)";
        const max = num(node, "maxLength");
        if (str(node, "pattern") === ID_PATTERN) return `id: letters, cijfers, - en _${max !== undefined ? ` (hoogstens ${max})` : ""}`;
        return max !== undefined ? `tekst, hoogstens ${max} tekens` : "tekst";
      }
      case "integer": {
        const min = num(node, "minimum");
        const max = num(node, "maximum");
        return min !== undefined && max !== undefined ? `geheel getal, ${min} tot en met ${max}` : "geheel getal";
      }
      case "number":
        return "getal";
      case "boolean":
        return "true of false";
      case "array": {
        const items = isNode(node.items) ? this.resolve(node.items) : {};
        const of = this.itemWord(items);
        const min = num(node, "minItems");
        const max = num(node, "maxItems");
        const count = min !== undefined && min === max ? `precies ${min}` : min !== undefined ? `minstens ${min}` : "";
        return `lijst van ${of}${count ? `, ${count}` : ""}`;
      }
      case "object": {
        const names = isNode(node.propertyNames) ? strings(node.propertyNames.enum) : [];
        return names.length > 0 ? `object; sleutels: ${names.map(code).join(", ")}` : "object";
      }
      default:
        return "—";
    }
  }

  itemWord(items: Node): string {
    if (this.alternatives(items).length > 0 || str(items, "type") === "object") return "objecten";
    if (Array.isArray(items.enum)) return `waarden (${items.enum.map((v) => code(json(v))).join(", ")})`;
    switch (str(items, "type")) {
      case "string":
        if (str(items, "pattern") === ID_PATTERN) return "ids";
        return num(items, "maxLength") !== undefined ? `teksten (elk hoogstens ${num(items, "maxLength")} tekens)` : "teksten";
      case "integer":
      case "number":
        return "getallen";
      default:
        return "waarden";
    }
  }

  /** A scalar or a list of scalars ends in its own row; objects and lists of objects open up. */
  isLeaf(node: Node): boolean {
    if (this.alternatives(node).length > 0) return false;
    const type = str(node, "type");
    if (type === "object") return false;
    if (type === "array") {
      const items = isNode(node.items) ? this.resolve(node.items) : {};
      return this.isLeaf(items);
    }
    return true;
  }

  example(node: Node): string {
    const own = Array.isArray(node.examples) ? node.examples[0] : undefined;
    if (own !== undefined) return code(example(own));
    if (str(node, "type") === "array" && isNode(node.items)) {
      const items = this.resolve(node.items);
      const item = Array.isArray(items.examples) ? items.examples[0] : undefined;
      if (item !== undefined && this.isLeaf(items)) return code(example([item]));
    }
    if ("const" in node) return code(json(node.const));
    return "";
  }

  description(node: Node): string {
    const own = str(node, "description") ?? "";
    if (str(node, "type") !== "array" || !isNode(node.items)) return own;
    const items = this.resolve(node.items);
    const each = str(items, "description");
    if (!each || this.alternatives(items).length > 0) return own;
    return own ? `${own} Elk element: ${lowerFirst(each)}` : each;
  }

  /** One field: its own row, then what is inside it. */
  field(raw: Node, path: string, required: string): void {
    const node = this.resolve(raw);
    const defaultValue = "default" in node ? ` (standaard ${code(json(node.default))})` : "";
    this.rows.push({ path, kind: this.kind(node), required: required + defaultValue, description: this.description(node), example: this.example(node) });
    this.inside(node, path);
  }

  inside(node: Node, path: string): void {
    if (this.isLeaf(node)) return;
    const alts = this.alternatives(node);
    if (alts.length > 0) return this.union(alts, path);
    if (str(node, "type") === "array") {
      const items = isNode(node.items) ? this.resolve(node.items) : {};
      return this.inside(items, `${path}[]`);
    }
    this.object(node, path);
  }

  object(node: Node, path: string): void {
    const props = isNode(node.properties) ? node.properties : {};
    const required = strings(node.required);
    const keys = Object.keys(props);
    const values = keys.map((k) => props[k]).filter(isNode);
    // Six identical briefings under the six role ids: one set of rows for `<rol>`.
    if (keys.length >= 3 && values.length === keys.length && values.every((v) => json(v) === json(values[0]))) {
      const first = values[0];
      if (first) {
        const all = keys.every((k) => required.includes(k));
        this.field(first, `${path}.${this.placeholder(keys)}`, all ? `ja, voor alle ${keys.length}` : "nee");
      }
      return;
    }
    for (const key of keys) {
      const child = props[key];
      if (isNode(child)) this.field(child, path ? `${path}.${key}` : key, required.includes(key) ? "ja" : "nee");
    }
    const extra = node.additionalProperties;
    if (isNode(extra)) {
      const names = isNode(node.propertyNames) ? strings(node.propertyNames.enum) : [];
      this.field(extra, `${path}.${this.placeholder(names)}`, "nee");
    }
  }

  /** A discriminated union: the discriminator lists its values; other fields say for which values they apply. */
  union(alts: Node[], path: string): void {
    const propsOf = (alt: Node) => (isNode(alt.properties) ? alt.properties : {});
    const discriminator = Object.keys(propsOf(alts[0] ?? {})).find((key) =>
      alts.every((alt) => {
        const p = propsOf(alt)[key];
        return isNode(p) && "const" in p;
      }),
    );
    const valueOf = (alt: Node): string => {
      const p = discriminator ? propsOf(alt)[discriminator] : undefined;
      return isNode(p) ? String(p.const) : "?";
    };
    const order: string[] = [];
    for (const alt of alts) for (const key of Object.keys(propsOf(alt))) if (!order.includes(key)) order.push(key);

    for (const key of order) {
      const at = (prefix: string) => (prefix ? `${prefix}.${key}` : key);
      if (key === discriminator) {
        const explained = alts
          .map((alt) => {
            const p = propsOf(alt)[key];
            const d = isNode(p) ? str(p, "description") : undefined;
            return `${code(valueOf(alt))}: ${d ?? ""}`.trim();
          })
          .join(" ");
        this.rows.push({
          path: at(path),
          kind: `een van ${alts.map((alt) => code(json(valueOf(alt)))).join(", ")}`,
          required: "ja",
          description: `De soort. ${explained}`,
          example: code(json(valueOf(alts[0] ?? {}))),
        });
        continue;
      }
      const having = alts.filter((alt) => key in propsOf(alt));
      const first = having[0];
      const schema = first ? propsOf(first)[key] : undefined;
      if (!isNode(schema)) continue;
      const requiredIn = having.filter((alt) => strings(alt.required).includes(key));
      const where = (list: Node[]) => list.map((alt) => code(valueOf(alt))).join(", ");
      const name = discriminator ? code(discriminator) : "soort";
      let required: string;
      if (requiredIn.length === alts.length) required = "ja";
      else if (requiredIn.length > 0) required = `ja, bij ${name} ${where(requiredIn)}`;
      else required = having.length === alts.length ? "nee" : `nee; kan bij ${name} ${where(having)}`;
      this.field(schema, at(path), required);
    }
  }
}

/** "Eén punt" continues a sentence as "één punt". */
const lowerFirst = (s: string) => (s.startsWith("Eén") ? `één${s.slice(3)}` : s.charAt(0).toLowerCase() + s.slice(1));
/** JSON with a space after commas, so long examples can wrap in a table cell. */
const example = (v: unknown): string => (Array.isArray(v) ? `[${v.map(example).join(", ")}]` : JSON.stringify(v));
const cell = (text: string) => (text === "" ? "—" : text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " "));

function table(rows: readonly Row[]): string {
  const head = "| Veld | Soort | Verplicht | Betekenis | Voorbeeld |\n|---|---|---|---|---|\n";
  return head + rows.map((r) => `| ${cell(code(r.path))} | ${cell(r.kind)} | ${cell(r.required)} | ${cell(r.description)} | ${cell(r.example)} |`).join("\n") + "\n";
}

/** The generated Markdown (without the markers), ending in a newline. */
export function fieldReference(): string {
  const root = z.toJSONSchema(ScenarioSchema, { io: "input" });
  const walker = new Walker(root);
  walker.object(root, "");
  // Group by top-level field: the simple ones first, then one table per part of the scenario.
  const top = (path: string) => path.split(/[.[]/)[0] ?? path;
  const groups = new Map<string, Row[]>();
  for (const row of walker.rows) {
    const key = top(row.path);
    const hasChildren = walker.rows.some((r) => r !== row && top(r.path) === key);
    const group = hasChildren ? key : "";
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const parts = [
    "<!-- Dit blok maakt `npm run scenario:schema` uit shared/protocol/scenario.ts. Pas het daar aan, niet hier. -->",
    "",
    "Een pad als `cases[].title` betekent: het veld `title` in elk element van de lijst `cases`. `<rol>` staat voor een van de zes rol-ids: " +
      `${GAME_ROLES.map(code).join(", ")}.`,
    "",
  ];
  for (const [group, rows] of groups) {
    parts.push(group === "" ? "### Algemeen" : `### ${code(group)}`, "", table(rows));
  }
  return parts.join("\n");
}

/** The text between the markers of a README, or null when the markers are missing. */
export function fieldReferenceBlock(readme: string): string | null {
  const begin = readme.indexOf(FIELDS_BEGIN);
  const end = readme.indexOf(FIELDS_END);
  if (begin < 0 || end < begin) return null;
  return readme.slice(begin + FIELDS_BEGIN.length, end).replace(/^\n/, "");
}

/**
 * Rewrites the block between the markers in the README with the current field reference. Returns whether the file
 * changed. Throws (in Dutch) when the markers are missing, because then there is nowhere to write.
 */
export async function writeFieldReference(readmePath: string): Promise<boolean> {
  const readme = await readFile(readmePath, "utf8");
  const begin = readme.indexOf(FIELDS_BEGIN);
  const end = readme.indexOf(FIELDS_END);
  if (begin < 0 || end < begin) {
    throw new Error(`${readmePath} mist de markeringen ${FIELDS_BEGIN} en ${FIELDS_END}; zet ze terug waar het veldenoverzicht hoort.`);
  }
  const next = `${readme.slice(0, begin + FIELDS_BEGIN.length)}\n${fieldReference()}${readme.slice(end)}`;
  if (next === readme) return false;
  await writeFile(readmePath, next);
  return true;
}
