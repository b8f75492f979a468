/**
 * Reaching the live room of a session from outside it (the HTTP routes). The matchmaker lists every room with the
 * sessionId it was created for (app.ts: filterBy sessionId): this process's rooms, and with Redis (several
 * processes) every process's rooms, so a deletion that arrives at one process reaches the room on another.
 */
import { matchMaker } from "@colyseus/core";
import { SessionRoom } from "./SessionRoom.ts";

/**
 * The session's rooms in this process: none when nobody has it open, normally one. A list, so that a deletion
 * also reaches a second room should two joins ever have raced to create one.
 */
export async function findLiveRooms(sessionId: string): Promise<SessionRoom[]> {
  const rooms: SessionRoom[] = [];
  for (const listing of await matchMaker.query({ sessionId })) {
    const room = matchMaker.getLocalRoomById(listing.roomId);
    // The listing holds what a client asked for; the room's own state says which session it really holds.
    if (room instanceof SessionRoom && room.sessionState.sessionId === sessionId) rooms.push(room);
  }
  return rooms;
}

/** How long a room on another process may take to close before we go on and delete anyway. */
const REMOTE_CLOSE_TIMEOUT_MS = 5_000;

/** Tells everyone in the session's rooms that it is deleted and closes them; nothing to do when none is open. */
export async function closeLiveRoomsForDeletion(sessionId: string): Promise<void> {
  const local = await findLiveRooms(sessionId);
  const localIds = new Set(local.map((room) => room.roomId));
  const remote = (await matchMaker.query({ sessionId })).filter((listing) => !localIds.has(listing.roomId));
  await Promise.all([
    ...local.map((room) => room.closeForDeletion()),
    // Through Redis to the process that holds the room. A listing of a process that died answers nothing: its room
    // is gone with it, so nobody is left to tell, and the data can go.
    ...remote.map((listing) =>
      matchMaker.remoteRoomCall<SessionRoom>(listing.roomId, "closeForDeletion", [], REMOTE_CLOSE_TIMEOUT_MS).catch((error: unknown) => {
        console.warn(`Kamer ${listing.roomId} van sessie ${sessionId} op proces ${listing.processId} antwoordde niet bij verwijderen:`, error instanceof Error ? error.message : error);
      }),
    ),
  ]);
}
