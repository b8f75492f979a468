/**
 * A stand-in for the reverse proxy of a real deployment (docs/deployment.md: nginx with one upstream per process
 * and the other processes as `backup`), for tests and benchmarks on one machine. Each front door is a TCP port
 * that passes connections to its own process and, when that process refuses them (it died), to the next one.
 * TCP, not HTTP: HTTP requests and WebSocket upgrades pass through untouched.
 */
import { createServer, connect, type Server, type Socket } from "node:net";

export interface FrontDoor {
  port: number;
  /**
   * Ends every connection that went to a backup because the own process was down. nginx picks an upstream per
   * request; this door picks one per TCP connection, and HTTP keep-alive (also for a WebSocket upgrade, which undici
   * sends over an idle pooled connection) would keep using the backup after the own process is back. Call it then.
   */
  dropDetours(): void;
  close(): Promise<void>;
}

/** Opens a front door on a free loopback port that tries `backendPorts` in order for every new connection. */
export async function openFrontDoor(backendPorts: readonly number[]): Promise<FrontDoor> {
  const sockets = new Set<Socket>();
  const detours = new Set<Socket>();
  const server: Server = createServer((incoming) => {
    sockets.add(incoming);
    incoming.once("close", () => {
      sockets.delete(incoming);
      detours.delete(incoming);
    });
    incoming.pause();
    passOn(incoming, backendPorts, 0, sockets, detours);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    dropDetours: () => {
      for (const socket of detours) socket.destroy();
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => ok());
      }),
  };
}

function passOn(incoming: Socket, backendPorts: readonly number[], index: number, sockets: Set<Socket>, detours: Set<Socket>): void {
  const port = backendPorts[index];
  if (port === undefined || incoming.destroyed) {
    incoming.destroy();
    return;
  }
  const outgoing = connect({ host: "127.0.0.1", port });
  sockets.add(outgoing);
  outgoing.once("close", () => sockets.delete(outgoing));
  const refused = () => passOn(incoming, backendPorts, index + 1, sockets, detours);
  outgoing.once("error", refused);
  outgoing.once("connect", () => {
    outgoing.off("error", refused);
    if (index > 0) detours.add(incoming);
    // From here on either side going away ends both, as a proxy in front of a process that died would.
    outgoing.on("error", () => incoming.destroy());
    incoming.on("error", () => outgoing.destroy());
    outgoing.once("close", () => incoming.destroy());
    incoming.once("close", () => outgoing.destroy());
    incoming.pipe(outgoing);
    outgoing.pipe(incoming);
    incoming.resume();
  });
}
