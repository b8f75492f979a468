/**
 * The client's one way to the server (the only module that reaches @colyseus/sdk, through SessionClient): joins,
 * keeps the seat token in the browser so a reload comes back to the same seat, turns state patches into one parsed
 * snapshot for the screens, and tracks each command from pending to done or its Dutch rejection.
 */
import { SessionClient, newId, newSeatToken, type CommandInput, type ConnectionStatus, type SendResult, type Who } from "./sessionClient.ts";
import { z } from "zod";
import { RealRoleSchema, type RealRole } from "#shared/protocol/ids.ts";
import { CommandSchema } from "#shared/protocol/commands.ts";
import { describeCommandError } from "#shared/protocol/dutchErrors.ts";
import type { BeamerPage, PlayerViewData } from "#shared/protocol/views.ts";
import { serverUrl } from "./endpoint.ts";
import { showTimeOf } from "./serverClock.ts";

export type { CommandInput, ConnectionStatus, SendResult };
export { newId };

/**
 * Everything a screen draws from: parsed once per patch. `replaySeq`: where the spelleider is in the terugblik;
 * `beamerPage`: the page the spelleider chose for the beamer's long list (null: it turns pages by itself).
 */
export type Snapshot = PlayerViewData & { seq: number; replaySeq: number; beamerPage: BeamerPage | null };

export type Audience = "deelnemer" | "spelleider" | "beamer";

export class Connection {
  readonly client: SessionClient;
  readonly audience: Audience;
  snapshot: Snapshot | null = null;
  status: ConnectionStatus = "verbonden";
  statusDetail = "";
  /** Work sent again after a reconnect and refused, until its writer closes the notice (see LateRefusals). */
  lateRefusals: LateRefusal[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(client: SessionClient, audience: Audience) {
    this.client = client;
    this.audience = audience;
    client.onChange = () => this.refresh();
    client.onLateRefusal = (command, result) => {
      this.lateRefusals = [...this.lateRefusals, { commandId: result.commandId, message: result.message, text: typedText(command) }];
      this.emit();
    };
    client.onStatus = (status, detail) => {
      this.status = status;
      this.statusDetail = detail ?? "";
      this.emit();
    };
    window.addEventListener("offline", () => {
      this.status = "opnieuw-verbinden";
      this.emit();
    });
    this.refresh();
  }

  static async join(who: Who): Promise<Connection> {
    const client = await SessionClient.join(serverUrl(), who);
    // The page's timers count down by the server's clock, as this connection learns it.
    showTimeOf(client.clock);
    const audience: Audience = who.as;
    return new Connection(client, audience);
  }

  private refresh(): void {
    const c = this.client;
    if (!c.room.state.session) return; // the first full state has not arrived yet
    try {
      this.snapshot = { seq: c.seq, replaySeq: c.replaySeq, beamerPage: c.beamerPage, ...c.view() };
    } catch (error) {
      // A patch that does not parse is not shown; the next one will be. Never a blank screen.
      console.error("Toestand kon niet worden gelezen", error);
    }
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  dismissLateRefusal(commandId: string): void {
    this.lateRefusals = this.lateRefusals.filter((r) => r.commandId !== commandId);
    this.emit();
  }

  send(input: CommandInput): Promise<SendResult> {
    const command = { ...input, commandId: input.commandId ?? newId("c") };
    // The server's own parse, before anything leaves: a form that is not complete (no category chosen) says so at
    // once, also offline, instead of being queued and refused after the reconnect, when the person has moved on.
    const parsed = CommandSchema.safeParse(command);
    if (!parsed.success) return Promise.resolve({ ok: false, commandId: command.commandId, code: "ongeldig", message: describeCommandError(command, parsed.error) });
    return this.client.send(command).catch(
      (): SendResult => ({ ok: false, commandId: command.commandId, code: "geen_antwoord", message: "Geen antwoord van de server. Kijk of het is aangekomen, en probeer het anders opnieuw." }),
    );
  }
}

/** A command refused after the reconnect: why, and what its writer had typed (to copy), if it had a text. */
export interface LateRefusal {
  commandId: string;
  message: string;
  text: string | null;
}

/** The text a command carried (an eis, a note, a card), to give back to whoever typed it. */
function typedText(command: unknown): string | null {
  return typeof command === "object" && command !== null && "text" in command && typeof command.text === "string" && command.text.trim() !== "" ? command.text : null;
}

/** What a participant's browser remembers per session, so a reload or a lost tab lands in the same seat. */
export interface SavedSeat {
  code: string;
  seatToken: string;
  displayName: string;
  realRole: RealRole;
}

const seatKey = (code: string) => `maatwerkspel:plek:${code.toUpperCase()}`;

const SavedSeatSchema = z.object({ code: z.string(), seatToken: z.string().min(16), displayName: z.string(), realRole: RealRoleSchema });

export function savedSeat(code: string): SavedSeat | null {
  try {
    const parsed = SavedSeatSchema.safeParse(JSON.parse(localStorage.getItem(seatKey(code)) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSeat(seat: SavedSeat): void {
  localStorage.setItem(seatKey(seat.code), JSON.stringify(seat));
}

export function forgetSeat(code: string): void {
  localStorage.removeItem(seatKey(code));
}

export const makeSeatToken = newSeatToken;
