/**
 * Reaching the live room of a session from outside it (the HTTP routes). The matchmaker lists every room of this
 * process with the sessionId it was created for (app.ts: filterBy sessionId).
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

/** Tells everyone in the session's rooms that it is deleted and closes them; nothing to do when none is open. */
export async function closeLiveRoomsForDeletion(sessionId: string): Promise<void> {
  const rooms = await findLiveRooms(sessionId);
  await Promise.all(rooms.map((room) => room.closeForDeletion()));
}
