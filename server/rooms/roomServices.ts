/** What the app gives every session room (app.ts sets it on SessionRoom before the room is defined). */
import type { MessageLimits, KeyedLimiter, RoomCapacity } from "../limits.ts";
import type { EventStore } from "../store/types.ts";

export interface RoomServices {
  store: EventStore;
  now: () => number;
  /** How long a dropped connection keeps its place before it counts as gone. */
  reconnectSeconds: number;
  /** Size and rate limits per connection; MESSAGE_LIMITS unless a test says otherwise. */
  limits?: MessageLimits;
  /** New seats per client address and session, for every room of this server (default: NEW_SEATS). */
  newSeats?: KeyedLimiter;
  /** Rooms, memory and connections this process takes on (default ROOM_CAPACITY); `open` counts its rooms. */
  capacity?: RoomCapacity & { open: number };
  /** How long a seat reservation waits for its socket (default SEAT_RESERVATION_SECONDS). */
  seatReservationSeconds?: number;
  /** The longest a connection waits for a `seq` it missed (default SEQ_CATCH_UP_MS). */
  seqCatchUpMs?: number;
}
