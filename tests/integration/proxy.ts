/**
 * A tiny loopback TCP proxy for fault tests: clients connect to it instead of the server, and the test can drop every
 * connection at once (as a Wi-Fi access point does), delay the bytes by N ms, or pause all traffic and let it through
 * later. HTTP and WebSocket alike: it only moves bytes, in order, per direction.
 */
import { createServer, connect, type Server, type Socket } from "node:net";

interface Pipe {
  from: Socket;
  to: Socket;
  queue: { chunk: Buffer; at: number }[];
  timer: ReturnType<typeof setTimeout> | null;
}

export class ChaosProxy {
  /** Every byte waits this long before it is passed on. */
  delayMs = 0;
  private paused = false;
  private server: Server | null = null;
  private readonly pipes = new Set<Pipe>();
  private readonly sockets = new Set<Socket>();
  readonly stats = { connections: 0, dropped: 0, pauses: 0, bytes: 0 };
  private readonly target: { host: string; port: number };

  constructor(target: { host: string; port: number }) {
    this.target = target;
  }

  /** Starts listening on a free loopback port; returns the base URL to give clients. */
  async listen(): Promise<string> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }

  /** Cuts every open connection without a goodbye (both sides see a reset). */
  dropAll(): number {
    const open = this.sockets.size / 2;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.pipes.clear();
    this.stats.dropped += Math.floor(open);
    return Math.floor(open);
  }

  /** Holds all traffic (connections stay open) until resume(). */
  pause(): void {
    if (!this.paused) this.stats.pauses++;
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const pipe of this.pipes) this.flush(pipe);
  }

  /** Back to a plain pipe: no delay, no pause. */
  heal(): void {
    this.delayMs = 0;
    this.resume();
  }

  async close(): Promise<void> {
    this.dropAll();
    const server = this.server;
    if (server) await new Promise<void>((ok) => server.close(() => ok()));
  }

  private accept(client: Socket): void {
    this.stats.connections++;
    const upstream = connect(this.target.port, this.target.host);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const up: Pipe = { from: client, to: upstream, queue: [], timer: null };
    const down: Pipe = { from: upstream, to: client, queue: [], timer: null };
    this.pipes.add(up);
    this.pipes.add(down);
    const end = () => {
      for (const pipe of [up, down]) {
        if (pipe.timer) clearTimeout(pipe.timer);
        this.pipes.delete(pipe);
      }
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    for (const pipe of [up, down]) {
      pipe.from.on("data", (chunk: Buffer) => this.carry(pipe, chunk));
      pipe.from.on("close", end);
      pipe.from.on("error", end);
    }
  }

  private carry(pipe: Pipe, chunk: Buffer): void {
    this.stats.bytes += chunk.length;
    if (!this.paused && this.delayMs === 0 && pipe.queue.length === 0) {
      pipe.to.write(chunk);
      return;
    }
    // In order: a chunk never overtakes one that came before it, whatever the delay was then.
    const last = pipe.queue.at(-1)?.at ?? 0;
    pipe.queue.push({ chunk, at: Math.max(Date.now() + this.delayMs, last) });
    this.flush(pipe);
  }

  private flush(pipe: Pipe): void {
    if (pipe.timer) clearTimeout(pipe.timer);
    pipe.timer = null;
    if (this.paused) return;
    const now = Date.now();
    while (pipe.queue.length > 0 && (pipe.queue[0]?.at ?? 0) <= now) {
      const next = pipe.queue.shift();
      if (next && !pipe.to.destroyed) pipe.to.write(next.chunk);
    }
    const first = pipe.queue[0];
    if (first) pipe.timer = setTimeout(() => this.flush(pipe), Math.max(1, first.at - now));
  }
}
