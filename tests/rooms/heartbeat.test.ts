/**
 * The heartbeat (server/rooms/colyseus.ts, HeartbeatTransport): every connection is pinged once per interval and cut
 * off after two pings in a row without a pong, as Colyseus does, but the pings of one interval are spread over it
 * instead of all written at once (at 3,300 connections that held the event loop for 90-140 ms every 3 s).
 *
 * Real sockets: the transport on a real HTTP server on a free port, `ws` clients that note when each ping arrives. A
 * bare connection (no room) is closed by Colyseus after a second, so the interval here is short.
 */
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { HEARTBEAT_TURNS, HeartbeatTransport } from "../../server/rooms/colyseus.ts";
import { freePort } from "../../tools/bench/services.ts";

const INTERVAL_MS = 200;

let server: Server | null = null;
let transport: HeartbeatTransport | null = null;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await transport?.shutdown();
  transport = null;
  server = null;
});

async function listening(): Promise<number> {
  server = createServer();
  transport = new HeartbeatTransport({ server, pingInterval: INTERVAL_MS });
  const port = await freePort();
  await new Promise<void>((done) => server?.listen(port, "127.0.0.1", done));
  return port;
}

/** A connection that notes when each ping arrives; with `answers: false` it never sends a pong. */
async function connect(port: number, answers = true): Promise<{ socket: WebSocket; pings: number[]; closed: Promise<number> }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { autoPong: answers });
  sockets.push(socket);
  const pings: number[] = [];
  socket.on("ping", () => pings.push(performance.now()));
  const closed = new Promise<number>((done) => socket.on("close", (code) => done(code)));
  await new Promise<void>((done, fail) => {
    socket.once("open", () => done());
    socket.once("error", fail);
  });
  return { socket, pings, closed };
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("de hartslag: elke verbinding eens per interval een ping, verspreid over het interval", () => {
  it(`${HEARTBEAT_TURNS * 2} verbindingen krijgen hun eerste ping niet allemaal tegelijk, maar verdeeld over het interval`, async () => {
    const port = await listening();
    const started = performance.now();
    const all = await Promise.all(Array.from({ length: HEARTBEAT_TURNS * 2 }, () => connect(port)));
    await wait(INTERVAL_MS + 150);
    const firsts = all.map(({ pings }) => pings[0]);
    expect(firsts.every((t) => t !== undefined), "elke verbinding kreeg binnen één interval een ping").toBe(true);
    const times = firsts.flatMap((t) => (t === undefined ? [] : [t - started]));
    // Colyseus' own heartbeat pings everyone in the same millisecond; spread, they take most of an interval.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(INTERVAL_MS / 2);
  });

  it("een verbinding die antwoordt, krijgt eens per interval een ping en blijft", async () => {
    const port = await listening();
    const connected = performance.now();
    const { socket, pings } = await connect(port);
    // Three pings (on a busy machine the timers run late), before Colyseus closes a connection without a room (1 s).
    while (pings.length < 3 && performance.now() - connected < 950) await wait(10);
    expect(pings.length).toBeGreaterThanOrEqual(2);
    // Once per interval: never two pings in one turn.
    for (let k = 1; k < pings.length; k++) expect((pings[k] ?? 0) - (pings[k - 1] ?? 0)).toBeGreaterThan(INTERVAL_MS * 0.7);
    // Answered every ping: still connected after more than two rounds (a silent one is cut off at its third turn).
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it("een verbinding die twee pings op rij niet beantwoordt, wordt bij haar derde beurt afgesloten", async () => {
    const port = await listening();
    const silent = await connect(port, false);
    const started = performance.now();
    // Terminated (1006: no closing handshake), not closed by Colyseus for having no room (1000, after a second).
    expect(await silent.closed).toBe(1006);
    expect(silent.pings.length).toBe(2);
    expect(performance.now() - started).toBeLessThan(INTERVAL_MS * 3 + 100);
  });
});
