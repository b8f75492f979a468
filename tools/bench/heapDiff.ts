/**
 * `node tools/bench/heapDiff.ts a.heapsnapshot b.heapsnapshot [--top 30]`: what grew between two V8 heap snapshots
 * (e.g. from `bench:load -- --heap-snapshots dir`), as self size and count per kind of object (constructor name for
 * objects, the V8 type otherwise: strings, arrays, code, ...). Self size only: what each object takes itself, not
 * what it keeps alive.
 */
import { readFileSync } from "node:fs";
import { toolArgs } from "../args.ts";

const USAGE = "Gebruik: node tools/bench/heapDiff.ts voor.heapsnapshot na.heapsnapshot [--top 30]";
const { values, positionals } = toolArgs({ allowPositionals: true, options: { top: { type: "string", default: "30" } } }, USAGE);
const [before, after] = positionals;
if (!before || !after) {
  console.error(USAGE);
  process.exit(2);
}

interface Totals {
  bytes: number;
  count: number;
}

/** Self size and count per kind in one snapshot. */
function totals(file: string): { kinds: Map<string, Totals>; bytes: number } {
  const snapshot: unknown = JSON.parse(readFileSync(file, "utf8"));
  const meta = Reflect.get(Reflect.get(snapshot as object, "snapshot") as object, "meta") as { node_fields: string[]; node_types: unknown[] };
  const nodes = Reflect.get(snapshot as object, "nodes") as number[];
  const strings = Reflect.get(snapshot as object, "strings") as string[];
  const fields = meta.node_fields;
  const types = meta.node_types[0] as string[];
  const width = fields.length;
  const at = (name: string) => fields.indexOf(name);
  const [typeAt, nameAt, sizeAt] = [at("type"), at("name"), at("self_size")];
  const kinds = new Map<string, Totals>();
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt] ?? 0] ?? "?";
    const name = strings[nodes[i + nameAt] ?? 0] ?? "?";
    const size = nodes[i + sizeAt] ?? 0;
    // Objects by constructor; strings, arrays, code and the rest by their V8 type (their names are their contents).
    const kind = type === "object" || type === "closure" || type === "native" ? `${type} ${name}` : type === "hidden" || type === "object shape" ? `${type} ${name.slice(0, 40)}` : type;
    const t = kinds.get(kind) ?? { bytes: 0, count: 0 };
    t.bytes += size;
    t.count += 1;
    kinds.set(kind, t);
    bytes += size;
  }
  return { kinds, bytes };
}

const a = totals(before);
const b = totals(after);
const MiB = 2 ** 20;
console.log(`heap (eigen grootte van alle objecten): ${(a.bytes / MiB).toFixed(1)} MiB -> ${(b.bytes / MiB).toFixed(1)} MiB (${((b.bytes - a.bytes) / MiB).toFixed(1)})`);
const rows = [...new Set([...a.kinds.keys(), ...b.kinds.keys()])].map((kind) => {
  const x = a.kinds.get(kind) ?? { bytes: 0, count: 0 };
  const y = b.kinds.get(kind) ?? { bytes: 0, count: 0 };
  return { kind, x, y, delta: y.bytes - x.bytes };
});
const top = Number(values.top);
console.log("\nGegroeid het meest (MiB voor -> na, aantal voor -> na):");
for (const r of [...rows].sort((p, q) => q.delta - p.delta).slice(0, top)) {
  console.log(`  ${(r.delta / MiB).toFixed(2).padStart(8)}  ${(r.x.bytes / MiB).toFixed(1).padStart(7)} -> ${(r.y.bytes / MiB).toFixed(1).padEnd(7)} ${String(r.x.count).padStart(9)} -> ${String(r.y.count).padEnd(9)} ${r.kind.slice(0, 80)}`);
}
console.log("\nGrootst na (MiB):");
for (const r of [...rows].sort((p, q) => q.y.bytes - p.y.bytes).slice(0, top)) {
  console.log(`  ${(r.y.bytes / MiB).toFixed(2).padStart(8)}  ${String(r.y.count).padStart(9)}  ${r.kind.slice(0, 80)}`);
}
