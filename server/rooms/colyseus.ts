/**
 * The one place that reaches into Colyseus' internals. Everything here was checked against @colyseus/core 0.18.17 and
 * @colyseus/schema 5.0.34 (node_modules, December 2026); read the parts named before upgrading either, and run
 * tests/integration/{bigReveal,bigSession,limits,oneRoom,projection}.test.ts, tests/rooms/sharedOnlyPatch.test.ts and
 * tests/fuzz/room.test.ts after.
 * Every access checks what it finds and falls back to Colyseus' own behaviour when it is not there, except the frame
 * screen, which tests/fuzz/room.test.ts would catch.
 *
 *  1. Frame screening (`Room#_onMessage`): every frame's size is noted for the limits; a room-data frame is decoded
 *     here, once, and handed to the room, and one that does not decode is refused in Dutch instead of closing the
 *     connection (Colyseus closes it).
 *  2. Patching only some connections (`Room#_serializer.applyPatches(clients, state)`): Colyseus' public API only
 *     patches everyone; a command that changes one participant's draft should not cost a socket write per connection.
 *  3. Corking sockets (`client.ref._socket`, the ws library's net.Socket): a generation's patch and answers leave in
 *     one write per connection.
 *  4. Encode buffers that always fit (`SchemaSerializer.fullEncodeBuffer`, `Encoder.sharedBuffer`,
 *     `Encoder#encodeView`): see the long comment further down.
 *  5. Seat counts (`Room#_reservedSeats`, `Room#_internalState`): unused reservations keep nobody out (seating.ts).
 *  6. Patches with nothing private in them (`Encoder#encodeView`, the encoder's change records): one copy of the
 *     shared part for every connection instead of a walk of the changes and a copy per connection; see further down.
 *     (Also: `room.clients` is a ClientArray, a subclass of Array, whose `filter` is slow; hot paths loop over it.)
 *  7. A heartbeat spread over its interval (`WebSocketTransport#autoTerminateUnresponsiveClients`, `wss.clients`, the
 *     `pingCount` Colyseus keeps on each socket; @colyseus/ws-transport 0.18.4): see HeartbeatTransport.
 */
import { ClientState, Protocol, Room, RoomInternalState, type Client } from "@colyseus/core";
import { $getByIndex, ChangeTree, Encoder, MapSchema, decode, type StateView } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
// msgpackr: the decoder Colyseus itself uses for messages (a dependency of @colyseus/core and of the SDK).
import { unpack } from "msgpackr";
// Replaces the schema's string encoder (a documented hook, not an internal): imported here, before any room exists.
import "./encoding.ts";

/* 1. Frame screening ------------------------------------------------------------------------------------------------ */

type FrameHandler = (this: Room, client: Client, buffer: Uint8Array) => void;

/** Colyseus' handler of every frame a client sends (Room.ts `_onMessage`, bound to each connection as it joins). */
const colyseusOnMessage = Room.prototype["_onMessage"] as FrameHandler;

/** A room-data frame decoded as Colyseus decodes it (RoomMessages#onData): the message type, then a msgpack payload. */
function decodeFrame(buffer: Uint8Array): { type: string | number; payload: unknown } | null {
  try {
    const it = { offset: 1 };
    const type = decode.stringCheck(buffer, it) ? decode.string(buffer, it) : decode.number(buffer, it);
    const payload = buffer.byteLength > it.offset ? unpack(buffer.subarray(it.offset)) : undefined;
    return { type, payload };
  } catch {
    return null;
  }
}

/** What a room does with a frame instead of Colyseus. */
export interface FrameScreen {
  /** Every frame, with its size. */
  noted(client: Client, bytes: number): void;
  /** A room-data frame that does not decode (Colyseus would close the connection): answered instead, and dropped. */
  unreadable(client: Client): void;
  /** A room-data frame, decoded once: its message type and payload (what Colyseus would hand to `onMessage`). */
  received(client: Client, type: string | number, payload: unknown): void;
}

/**
 * Puts `screen` in front of every frame of every connection of rooms of `roomClass`. Colyseus binds `_onMessage` to
 * each connection when it joins (Room.ts `_onJoin`: `client.ref.on("message", this._onMessage.bind(this, client))`),
 * so replacing it on the class's prototype reaches every connection.
 *
 * Room-data frames (the only ones our clients send) are decoded here once and handed to the screen, not to Colyseus:
 * checking that a frame decodes and then letting Colyseus decode it again cost every command a second msgpack decode
 * (~3 % of the server's allocation at 3,000 participants). Done here as Colyseus' `_onMessage` does first: a leaving
 * connection's frames are dropped. Its per-second message count is not kept: `maxMessagesPerSecond` stays Infinity in
 * our rooms, the screen's limits (screening.ts) apply instead. Other frames (joining, ping, leaving, requests, bytes)
 * go to Colyseus as before.
 */
export function screenFrames<R extends Room>(roomClass: { prototype: R }, screenOf: (room: R) => FrameScreen): void {
  Object.defineProperty(roomClass.prototype, "_onMessage", {
    configurable: true,
    writable: true,
    value(this: R, client: Client, buffer: Uint8Array) {
      const screen = screenOf(this);
      screen.noted(client, buffer.byteLength);
      const code = (buffer[0] ?? 0) & 0x1f; // the protocol code; the upper bits are modifiers
      if (code !== Protocol.ROOM_DATA) {
        colyseusOnMessage.call(this, client, buffer);
        return;
      }
      if (client.state === ClientState.LEAVING) return;
      const frame = decodeFrame(buffer);
      if (!frame) {
        screen.unreadable(client);
        return;
      }
      try {
        screen.received(client, frame.type, frame.payload);
      } catch (error) {
        // As Colyseus' own handlers: a fault in one message is reported, the connection and the room stay.
        console.error(`Bericht '${String(frame.type).slice(0, 40)}' kon niet worden verwerkt:`, error);
      }
    },
  });
}

/* 2. Patching only some connections ---------------------------------------------------------------------------------- */

/** Colyseus' serializer (Room#_serializer): it encodes the state's changes once and sends them to the clients given. */
function hasApplyPatches(serializer: unknown): serializer is { applyPatches(clients: Client[], state: unknown): boolean } {
  return typeof serializer === "object" && serializer !== null && "applyPatches" in serializer && typeof serializer.applyPatches === "function";
}

/**
 * Sends the pending changes to `clients` only (what `broadcastPatch` does for all of them; the changes are gone for the
 * others after this). Falls back to patching everyone when the serializer is not what these versions have.
 */
export function patchOnly(room: Room, clients: Client[]): void {
  const serializer: unknown = (room as unknown as { _serializer?: unknown })._serializer;
  if (hasApplyPatches(serializer)) serializer.applyPatches(clients, room.state);
  else room.broadcastPatch();
}

/* 3. Corking sockets ------------------------------------------------------------------------------------------------- */

interface Corkable {
  cork(): void;
  uncork(): void;
}

const isCorkable = (socket: unknown): socket is Corkable =>
  typeof socket === "object" && socket !== null && "cork" in socket && "uncork" in socket && typeof socket.cork === "function" && typeof socket.uncork === "function";

/**
 * Holds back the sockets' writes until the returned function is called, so they leave in one syscall each. The
 * WebSocket transport's client is the ws library's WebSocket; its `_socket` is the net.Socket (ws 8).
 */
export function corkSockets(clients: Iterable<Client>): () => void {
  const sockets: Corkable[] = [];
  for (const client of clients) {
    const socket = socketOf(client);
    if (socket) {
      socket.cork();
      sockets.push(socket);
    }
  }
  return () => {
    for (const socket of sockets) socket.uncork();
  };
}

/** Each client's socket, looked up once (every generation corks every socket of its room). */
const sockets = new WeakMap<Client, Corkable | null>();

function socketOf(client: Client): Corkable | null {
  let socket = sockets.get(client);
  if (socket === undefined) {
    const found: unknown = (client.ref as { _socket?: unknown } | undefined)?._socket;
    socket = isCorkable(found) ? found : null;
    sockets.set(client, socket);
  }
  return socket;
}

/* 5. Seat counts ----------------------------------------------------------------------------------------------------- */

/**
 * The room's seats besides its connections. Colyseus counts a reserved seat as a client until it is used or expires,
 * so unused reservations lock a room (see seating.ts `roomIsFull`). Reads Room#_reservedSeats:
 * `[options, auth, consumed, reconnecting]` per seat, used seats non-enumerable (Room.ts `_reserveSeat`,
 * `hasReachedMaxClients`), and Room#_internalState.
 */
export function seatCounts(room: Room): { disposing: boolean; pending: number; reconnecting: number } {
  const internals = room as unknown as { _reservedSeats?: Record<string, readonly unknown[]>; _internalState?: RoomInternalState };
  let pending = 0;
  let reconnecting = 0;
  for (const seat of Object.values(internals._reservedSeats ?? {})) {
    if (seat[3] === true) reconnecting++;
    else pending++;
  }
  return { disposing: internals._internalState === RoomInternalState.DISPOSING, pending, reconnecting };
}

/* 4. Encode buffers that always fit ---------------------------------------------------------------------------------- */

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
 * full-encode buffer is made big enough for the whole state (`stateBound`), and dropped again once a patch has made
 * the full state it holds stale. The bounds count, from the encoder's own change records, every string's UTF-8 bytes
 * and a generous 32 bytes of framing per entry (at most 29 in these versions: operation, index, map key header, ref id,
 * type id) and 16 per object (structure switch and ref id). A large buffer is dropped after the patch that needed it
 * (above 32 KiB once no patch has needed it for two seconds). Should a bound ever be short all the same, the private
 * part is encoded again, whole, in a buffer that holds it, and the server says so (tests/integration/bigReveal.test.ts
 * fails on it).
 */

const ENTRY_FRAMING = 32;
const OBJECT_FRAMING = 16;
/** Shared buffers up to this size stay between patches; a larger one goes after the patch that needed it. */
const KEEP_BYTES = 256 * 1024;
/**
 * A shared buffer larger than this (up to KEEP_BYTES) goes too once no patch has needed more for IDLE_MS: a phase
 * change's patches of 32–256 KiB come in a burst and then the patches are a few hundred bytes again, and 300 rooms held
 * 28 MiB of encode buffers at the end of a bench:load window at 3,000 participants (the broadcast floor's rooms 9.4).
 * Dropping it after every such patch instead made a buffer per patch during the bursts: in two alternating runs each
 * that took the RSS at the end from 553–586 to 525–540 MiB but the CPU per 1,000 commands from 0.516–0.581 (the code
 * before, four runs) to 0.586–0.591 s, and p95 from 188–347 to 401–758 ms.
 */
const KEEP_IDLE_BYTES = 2 * Encoder.BUFFER_SIZE;
const IDLE_MS = 2_000;
/**
 * A full-encode buffer larger than this goes once a patch has made the full state in it stale: it was made for a join
 * (the whole state, which grows to a megabyte in a big session) and the next join makes one again.
 */
const KEEP_FULL_BYTES = 2 * Encoder.BUFFER_SIZE;

/** How many bytes a string takes on the wire: exactly (its UTF-8 bytes), or at once (3 per UTF-16 unit, never less). */
type Measure = (value: string) => number;
const exactly: Measure = (value) => Buffer.byteLength(value, "utf8");
const atMost: Measure = (value) => 3 * value.length;

function stringBytes(value: unknown, measure: Measure): number {
  return typeof value === "string" ? measure(value) + 5 : 0;
}

/** Upper bound of the bytes one entry of `tree` (a field, or a map entry with its key) takes on the wire. */
function entryBound(tree: ChangeTree, index: number, measure: Measure = exactly): number {
  const ref = tree.ref;
  const key = ref instanceof MapSchema ? ref.$indexes.get(index) : undefined;
  return ENTRY_FRAMING + stringBytes(key, measure) + stringBytes(ref[$getByIndex](index), measure);
}

/** Every live entry of `tree`. */
function treeBound(tree: ChangeTree, measure: Measure = exactly): number {
  let bytes = OBJECT_FRAMING;
  tree.forEachLive((index) => {
    bytes += entryBound(tree, index, measure);
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
function changesBound(encoder: Encoder, measure: Measure): number {
  let bytes = 0;
  for (let node = encoder.root.changes.next; node; node = node.next) {
    const tree = node.changeTree;
    bytes += OBJECT_FRAMING;
    tree.forEach((index) => {
      bytes += entryBound(tree, index, measure);
    });
  }
  return bytes;
}

/** One connection's pending grants (`view.changes`), as `encodeView` writes them. */
function grantsBound(encoder: Encoder, view: StateView, measure: Measure): number {
  // Most connections have none waiting: no iterator for them, on every patch.
  if (view.changes.size === 0) return 0;
  let bytes = 0;
  for (const [refId, changes] of view.changes) {
    const tree = encoder.root.changeTrees[refId];
    if (!tree || changes.size === 0) continue;
    bytes += OBJECT_FRAMING;
    for (const key of changes.keys()) {
      if (key instanceof ChangeTree) {
        const index = key.indexInParent(tree.ref);
        if (index !== undefined) bytes += entryBound(tree, index, measure);
      } else if (key >= 0) bytes += entryBound(tree, key, measure);
      // A snapshot of a whole array: all its entries.
      else bytes += treeBound(tree, measure);
    }
  }
  return bytes;
}

/** The largest patch the pending changes and grants can make: the shared part and the largest private part. */
export function patchBound(encoder: Encoder, clients: readonly Client[], measure: Measure = exactly): number {
  let grants = 0;
  for (let k = 0; k < clients.length; k++) {
    const view = clients[k]?.view;
    if (view) grants = Math.max(grants, grantsBound(encoder, view, measure));
  }
  return 1 + changesBound(encoder, measure) + grants + Encoder.BUFFER_SIZE;
}

/**
 * Whether the shared buffer can take the patch: first by a bound that needs no UTF-8 counting (most patches are a
 * few entries and fit many times over), and only when that says no, exactly. `need`: the bound it went by.
 */
function patchFits(encoder: Encoder, clients: readonly Client[]): { fits: boolean; need: number } {
  const atMostNeed = patchBound(encoder, clients, atMost);
  if (atMostNeed <= encoder.sharedBuffer.byteLength) return { fits: true, need: atMostNeed };
  const need = patchBound(encoder, clients);
  return { fits: need <= encoder.sharedBuffer.byteLength, need };
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
  /**
   * Whether the cached full state (in fullEncodeBuffer) is stale: set by every patch with changes. Not required: without
   * it the buffers still always fit, they only stay as large as they grew.
   */
  needFullEncode?: unknown;
  /** The cached full state: a view into the fullEncodeBuffer it was encoded in (unset before the first join). */
  fullEncodeCache?: Uint8Array | undefined;
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

/*
 * Patches with nothing private in them. With filtered fields (`.view()`), Colyseus encodes a patch's shared part once
 * and then, for every connection, walks all the patch's changes again for the fields only some may see
 * (`Encoder#encodeView` -> `encode(it, view)`) and copies the shared part together with that private part into a new
 * buffer of its own (`concatBytes`). Most patches change only what everyone sees (the group's board, `seq`): then
 * every connection without pending grants gets the same bytes. This decides that once per patch, by the rule the
 * encoder itself applies per change (`encodeChangeCb` in @colyseus/schema 5.0.34: a change goes in a private part iff
 * its tree is filtered or its field carries a @view tag), and gives those connections one copy of the shared part.
 * Anything this does not know how to judge (streams, pending filter re-derivations) leaves Colyseus' own path.
 */

/** Per encoder, during a patch whose changes all go in the shared part: that part, copied once for all. */
const sharedOnlyPatches = new WeakMap<Encoder, { copy: Uint8Array | null }>();

/** Whether no pending change goes in any connection's private part. */
export function nothingPrivatePending(encoder: Encoder): boolean {
  const root = encoder.root;
  if (root.streamTrees.size > 0 || root.pendingFilterRefresh.length > 0) return false;
  for (let node = root.changes.next; node; node = node.next) {
    const tree = node.changeTree;
    if (!tree.has()) continue;
    if (tree.isFiltered) return false;
    const desc = tree.encDescriptor;
    if (!desc.isSchema || !desc.hasAnyView) continue;
    let filtered = false;
    tree.forEach((index) => {
      if (index >= 0 && (index < 32 ? (desc.filterBitmask & (1 << index)) !== 0 : desc.tags[index] !== undefined)) filtered = true;
    });
    if (filtered) return false;
  }
  return true;
}

/**
 * The joined ones of `clients`, in a plain array: a `filter` on Colyseus' ClientArray (a subclass of Array) takes the
 * engine's slow path and makes a ClientArray with a Map of its own.
 */
function joinedOf(clients: readonly Client[]): Client[] {
  const joined: Client[] = [];
  for (let k = 0; k < clients.length; k++) {
    const client = clients[k];
    if (client && client.state === ClientState.JOINED) joined.push(client);
  }
  return joined;
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
    const sharedOnly = sharedOnlyPatches.get(encoder);
    if (sharedOnly && view.changes.size === 0) return (sharedOnly.copy ??= (bytes ?? encoder.sharedBuffer).slice(0, sharedOffset));
    it.offset = sharedOffset;
    const room = (bytes ?? encoder.sharedBuffer).byteLength;
    // encodeView empties view.changes but leaves each object's map of changes as it was: those need no copy.
    const grants = view.changes.size === 0 ? [] : [...view.changes];
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
  /** When a patch last needed (or may have needed) more than KEEP_IDLE_BYTES. */
  let largeAt = Number.NEGATIVE_INFINITY;
  serializer.applyPatches = function (clients, ...rest) {
    const encoder = serializer.encoder;
    known = null;
    // Without connections nothing is encoded: the library only drops the changes.
    if (clients.length === 0) return applyPatches.call(serializer, clients, ...rest);
    placeViews(encoder);
    const room = patchFits(encoder, joinedOf(clients));
    if (!room.fits) encoder.sharedBuffer = grown(encoder.sharedBuffer, room.need, 1);
    if (room.need > KEEP_IDLE_BYTES) largeAt = performance.now();
    if (nothingPrivatePending(encoder)) sharedOnlyPatches.set(encoder, { copy: null });
    try {
      return applyPatches.call(serializer, clients, ...rest);
    } finally {
      sharedOnlyPatches.delete(encoder);
      const size = encoder.sharedBuffer.byteLength;
      if (size > KEEP_BYTES || (size > KEEP_IDLE_BYTES && performance.now() - largeAt > IDLE_MS)) encoder.sharedBuffer = new Uint8Array(KEEP_IDLE_BYTES);
      // A patch with changes made the cached full state stale (the serializer encodes it again for the next join), so
      // a large full-encode buffer holds nothing worth keeping: the protocol byte goes along, as in `grown`. The stale
      // cache goes too: it is a view into the old buffer and would keep all of it alive (a heap snapshot at 5,000
      // participants found 31 MiB of old full states held that way).
      if (serializer.needFullEncode === true && serializer.fullEncodeBuffer.byteLength > KEEP_FULL_BYTES) {
        serializer.fullEncodeBuffer = grown(serializer.fullEncodeBuffer, Encoder.BUFFER_SIZE, 1);
        serializer.fullEncodeCache = undefined;
      }
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

/* 7. A heartbeat spread over its interval ---------------------------------------------------------------------------- */

/** The heartbeat's interval is cut into this many turns; each connection is pinged in one of them. */
export const HEARTBEAT_TURNS = 30;

/**
 * Colyseus' WebSocket transport with its heartbeat spread out. Colyseus pings every connection of the process at once
 * every `pingInterval` (3 s) and cuts off one that missed `pingMaxRetries` pings in a row. A ping is a socket write
 * each: at 3,300 connections the loop stood still for 90-140 ms every 3 s (bench:load, a server-side probe of the
 * loop's delay: the stalls came exactly every 3 s, also with nobody doing anything), and every command that arrived
 * then waited. Here every connection is still pinged once per interval and cut off by the same rule, but each in its
 * own turn (the order it was first seen in, round robin), so a turn pings a thirtieth of them.
 */
export class HeartbeatTransport extends WebSocketTransport {
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    const turnOf = new WeakMap<object, number>();
    let nextTurn = 0;
    let turn = 0;
    // Colyseus clears `this.pingInterval` when the server closes.
    this.pingInterval = setInterval(() => {
      turn = (turn + 1) % HEARTBEAT_TURNS;
      for (const socket of this.wss.clients) {
        let own = turnOf.get(socket);
        if (own === undefined) {
          own = nextTurn;
          nextTurn = (nextTurn + 1) % HEARTBEAT_TURNS;
          turnOf.set(socket, own);
        }
        if (own !== turn) continue;
        // Colyseus keeps the count on the socket and sets it to 0 on every pong (WebSocketTransport's `heartbeat`).
        const missed = Reflect.get(socket, "pingCount");
        const count = typeof missed === "number" ? missed : 0;
        if (count >= pingMaxRetries) {
          socket.terminate();
          continue;
        }
        Reflect.set(socket, "pingCount", count + 1);
        socket.ping();
      }
    }, pingInterval / HEARTBEAT_TURNS);
  }
}
