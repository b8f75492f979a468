/**
 * How the room state goes onto the wire: strings with Node's own UTF-8 encoder, and encode buffers that always hold
 * what is encoded into them (further down, `fitEncodeBuffers`).
 *
 * Strings onto the wire, natively. Every entity in the room state is one JSON string, so encoding patches is mostly
 * encoding strings, and @colyseus/schema 5.0 does that in JavaScript, one character at a time, twice (once to measure,
 * once to write). This replaces its string encoder, through the hook it offers for wire types (`encode[type]`, as
 * `defineCustomTypes` uses), with Node's own UTF-8 encoder for strings of 64 characters and more: the same bytes (the
 * check below compares them at start-up), at a fraction of the CPU. Shorter strings keep the library's code.
 *
 * Imported by SessionRoom before any room exists: the encoder looks the function up when it first describes a schema.
 */
import { ClientState, type Client } from "@colyseus/core";
import { $getByIndex, ChangeTree, Encoder, MapSchema, encode, type StateView } from "@colyseus/schema";

const stock = encode.string;
const utf8 = new TextEncoder();

encode.string = (bytes, value, it) => {
  if (typeof value !== "string" || value.length < 64 || !(bytes instanceof Uint8Array)) return stock(bytes, value, it);
  const length = Buffer.byteLength(value, "utf8");
  // The library's prefixes: str 8, str 16, str 32 (a fixstr is under 32 bytes, so never here).
  let size: number;
  if (length < 0x100) {
    bytes[it.offset++] = 0xd9;
    bytes[it.offset++] = length;
    size = 2;
  } else if (length < 0x10000) {
    bytes[it.offset++] = 0xda;
    bytes[it.offset++] = length & 255;
    bytes[it.offset++] = (length >> 8) & 255;
    size = 3;
  } else {
    bytes[it.offset++] = 0xdb;
    bytes[it.offset++] = length & 255;
    bytes[it.offset++] = (length >> 8) & 255;
    bytes[it.offset++] = (length >> 16) & 255;
    bytes[it.offset++] = (length >>> 24) & 255;
    size = 5;
  }
  // Past the end of the buffer nothing is written, but the offset still moves on: the encoder sees the overflow,
  // grows its buffer and encodes again, exactly as with the library's own loop.
  if (it.offset < bytes.length) utf8.encodeInto(value, bytes.subarray(it.offset));
  it.offset += length;
  return size + length;
};

// The same bytes as the library, or the server does not start.
for (const sample of ["x".repeat(64), `{"text":"Eén vast aanspreekpunt per gezin: €, ë, ï, 😀, 中文 ${"é".repeat(200)}"}`, "a".repeat(70_000)]) {
  const ours = new Uint8Array(sample.length * 4 + 8);
  const theirs = new Uint8Array(sample.length * 4 + 8);
  const a = { offset: 0 };
  const b = { offset: 0 };
  const sizeOurs = encode.string(ours, sample, a);
  const sizeTheirs = stock(theirs, sample, b);
  if (sizeOurs !== sizeTheirs || a.offset !== b.offset || !ours.subarray(0, a.offset).every((byte, k) => byte === theirs[k])) {
    throw new Error("De snelle tekstcodering geeft andere bytes dan @colyseus/schema.");
  }
}

/*
 * Encode buffers that always hold what is encoded into them. Checked against @colyseus/schema 5.0.34 and
 * @colyseus/core 0.18.17 (SchemaSerializer); read both again before upgrading either.
 *
 * How those versions use their buffers, and where that broke:
 *  - A patch is encoded into the encoder's `sharedBuffer`: first the shared part, then each connection's private part
 *    (`encodeView`), one after the other in the same buffer, each then copied out. `encodeView` first writes the
 *    connection's pending StateView grants (`view.changes`); for those writes the library only makes sure that
 *    `Encoder.BUFFER_SIZE` (16 KiB) is free before each object, and it cannot encode them again (it clears them as it
 *    goes). A grant of 1,800 revealed eisen is one object of ~600 KB: what did not fit was silently dropped, the buffer
 *    then grew with zeros where it had been, and the phones decoded keys with NULs in them and entities without JSON
 *    (issue 14: 55 of 60 clients broken after a reveal, 747 "buffer overflow" lines). The shared part and the rest of
 *    a private part are encoded again after growing (correct, with that warning), but because every connection's part
 *    comes after the previous one's, a reveal to 60 phones needed a buffer of 60 × 600 KB.
 *  - A joining connection gets the full state from SchemaSerializer's own `fullEncodeBuffer`; when the state outgrew
 *    it, the library encoded into a bigger buffer the serializer never kept, and the connection's private part was
 *    written behind a shared part cut off at the old size.
 *
 * So, for every room (`fitEncodeBuffers`): before each patch the shared buffer is made big enough for the largest
 * patch the pending changes can make (`patchBound`: the shared part, one private part with its grants, and 16 KiB to
 * spare so the library never grows it itself); every connection's private part is encoded in the same place right
 * after the shared part (they are copied out one by one, so they need not pile up); before each full-state encode the
 * full-encode buffer is made big enough for the whole state (`stateBound`). The bounds count, from the encoder's own
 * change records, every string's UTF-8 bytes and a generous 32 bytes of framing per entry (at most 29 in these versions:
 * operation, index, map key header, ref id, type id) and 16 per object (structure switch and ref id). A large buffer is
 * dropped after the patch that needed it. Should a bound ever be short all the same, the private part is encoded
 * again, whole, in a buffer that holds it, and the server says so (tests/integration/bigReveal.test.ts fails on it).
 */

const ENTRY_FRAMING = 32;
const OBJECT_FRAMING = 16;
/** Shared buffers up to this size stay between patches; a larger one goes after the patch that needed it. */
const KEEP_BYTES = 256 * 1024;

function stringBytes(value: unknown): number {
  return typeof value === "string" ? Buffer.byteLength(value, "utf8") + 5 : 0;
}

/** Upper bound of the bytes one entry of `tree` (a field, or a map entry with its key) takes on the wire. */
function entryBound(tree: ChangeTree, index: number): number {
  const ref = tree.ref;
  const key = ref instanceof MapSchema ? ref.$indexes.get(index) : undefined;
  return ENTRY_FRAMING + stringBytes(key) + stringBytes(ref[$getByIndex](index));
}

/** Every live entry of `tree`. */
function treeBound(tree: ChangeTree): number {
  let bytes = OBJECT_FRAMING;
  tree.forEachLive((index) => {
    bytes += entryBound(tree, index);
  });
  return bytes;
}

/** The whole state: the shared part plus everything any one connection may see (a full-state encode). */
export function stateBound(encoder: Encoder): number {
  let bytes = 1 + Encoder.BUFFER_SIZE;
  for (const tree of Object.values(encoder.root.changeTrees)) bytes += treeBound(tree);
  return bytes;
}

/** The changes not yet patched, whichever part (shared or private) they go out in. */
function changesBound(encoder: Encoder): number {
  let bytes = 0;
  for (let node = encoder.root.changes.next; node; node = node.next) {
    const tree = node.changeTree;
    bytes += OBJECT_FRAMING;
    tree.forEach((index) => {
      bytes += entryBound(tree, index);
    });
  }
  return bytes;
}

/** One connection's pending grants (`view.changes`), as `encodeView` writes them. */
function grantsBound(encoder: Encoder, view: StateView): number {
  let bytes = 0;
  for (const [refId, changes] of view.changes) {
    const tree = encoder.root.changeTrees[refId];
    if (!tree || changes.size === 0) continue;
    bytes += OBJECT_FRAMING;
    for (const key of changes.keys()) {
      if (key instanceof ChangeTree) {
        const index = key.indexInParent(tree.ref);
        if (index !== undefined) bytes += entryBound(tree, index);
      } else if (key >= 0) bytes += entryBound(tree, key);
      // A snapshot of a whole array: all its entries.
      else bytes += treeBound(tree);
    }
  }
  return bytes;
}

/** The largest patch the pending changes and grants can make: the shared part and the largest private part. */
export function patchBound(encoder: Encoder, clients: readonly Client[]): number {
  let grants = 0;
  for (const client of clients) if (client.view) grants = Math.max(grants, grantsBound(encoder, client.view));
  return 1 + changesBound(encoder) + grants + Encoder.BUFFER_SIZE;
}

function sized(size: number): number {
  return Math.ceil(size / Encoder.BUFFER_SIZE) * Encoder.BUFFER_SIZE;
}

/** A buffer of at least `size` bytes with the first `keep` bytes of `buffer`. */
function grown(buffer: Uint8Array, size: number, keep: number): Uint8Array {
  const next = new Uint8Array(sized(size));
  next.set(buffer.subarray(0, Math.min(keep, buffer.byteLength)));
  return next;
}

/** Colyseus' SchemaSerializer, as far as this needs it (its fields are protected: checked, not assumed). */
interface Serializer {
  encoder: Encoder;
  fullEncodeBuffer: Uint8Array;
  applyPatches(clients: Client[], ...rest: unknown[]): boolean;
  getFullState(client?: Client, ...rest: unknown[]): Uint8Array;
}

function isSerializer(value: unknown): value is Serializer {
  return (
    typeof value === "object" &&
    value !== null &&
    "encoder" in value &&
    value.encoder instanceof Encoder &&
    "fullEncodeBuffer" in value &&
    value.fullEncodeBuffer instanceof Uint8Array &&
    "applyPatches" in value &&
    typeof value.applyPatches === "function" &&
    "getFullState" in value &&
    typeof value.getFullState === "function"
  );
}

const fitted = new WeakSet<object>();
const placed = new WeakSet<Encoder>();

/**
 * Every private part of a patch is encoded right after the shared part, in the same place (see above); and should it
 * not fit after all, it is encoded again, whole, with its grants as they were. Exported for its test.
 */
export function placeViews(encoder: Encoder): void {
  if (placed.has(encoder)) return;
  placed.add(encoder);
  const encodeView = encoder.encodeView;
  encoder.encodeView = function (view, sharedOffset, it, bytes) {
    it.offset = sharedOffset;
    const room = (bytes ?? encoder.sharedBuffer).byteLength;
    const grants = [...view.changes].map(([refId, changes]) => [refId, new Map(changes)] as const);
    const encoded = encodeView.call(encoder, view, sharedOffset, it, bytes);
    if (it.offset <= room) return encoded;
    console.error(`Coderen: een privé-deel van ${it.offset} bytes paste niet in ${room} bytes; opnieuw gecodeerd in een grotere buffer.`);
    const shared = bytes ?? encoder.sharedBuffer;
    const larger = grown(shared, it.offset + Encoder.BUFFER_SIZE, sharedOffset);
    if (bytes === undefined || bytes === encoder.sharedBuffer) encoder.sharedBuffer = larger;
    view.changes.clear();
    for (const [refId, changes] of grants) view.changes.set(refId, changes);
    it.offset = sharedOffset;
    return encodeView.call(encoder, view, sharedOffset, it, larger);
  };
}

/**
 * Makes the buffers of `room` (a Colyseus room with a schema state; its serializer is private, so this checks what it
 * finds and does nothing if Colyseus changed) always big enough; see above. Call after `setState`.
 */
export function fitEncodeBuffers(room: object): void {
  const serializer: unknown = (room as { _serializer?: unknown })._serializer;
  if (!isSerializer(serializer) || fitted.has(serializer)) return;
  fitted.add(serializer);
  const { applyPatches, getFullState } = serializer;
  // The whole state's bound takes a walk over every entry (~9 ms for the biggest bench:replay session): it is worked
  // out again only when the state may have changed since (changes pending, or a patch sent and discarded some).
  let known: { encoder: Encoder; bytes: number } | null = null;
  serializer.applyPatches = function (clients, ...rest) {
    const encoder = serializer.encoder;
    known = null;
    // Without connections nothing is encoded: the library only drops the changes.
    if (clients.length === 0) return applyPatches.call(serializer, clients, ...rest);
    placeViews(encoder);
    const need = patchBound(encoder, clients.filter((c) => c.state === ClientState.JOINED));
    if (encoder.sharedBuffer.byteLength < need) encoder.sharedBuffer = grown(encoder.sharedBuffer, need, 1);
    try {
      return applyPatches.call(serializer, clients, ...rest);
    } finally {
      if (encoder.sharedBuffer.byteLength > KEEP_BYTES) encoder.sharedBuffer = new Uint8Array(Encoder.BUFFER_SIZE);
    }
  };
  serializer.getFullState = function (client, ...rest) {
    const encoder = serializer.encoder;
    if (known?.encoder !== encoder || encoder.root.changes.next !== undefined) known = { encoder, bytes: stateBound(encoder) };
    const need = known.bytes;
    // Keeps what is there: the protocol byte, and the cached shared part when the state has not changed.
    if (serializer.fullEncodeBuffer.byteLength < need) serializer.fullEncodeBuffer = grown(serializer.fullEncodeBuffer, need * 1.25, serializer.fullEncodeBuffer.byteLength);
    return getFullState.call(serializer, client, ...rest);
  };
}
