import type { Audience, Connection, Snapshot } from "../../net/connection.ts";

/** What every phase screen gets: the connection to send commands, the snapshot to draw, and who is looking. */
export interface PhaseProps {
  conn: Connection;
  snap: Snapshot;
  audience: Audience;
}
