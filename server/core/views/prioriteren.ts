/** What prioriteren (server/core/prioriteren.ts) makes visible: the support per item, for everyone once the votes are revealed; a ballot only its voter sees (lobby.ts, `mine`). */
import type { SupportView } from "#shared/protocol/views.ts";
import { supportByItem } from "../prioriteren.ts";
import type { SessionState } from "../state.ts";
import { forEveryone, type ListPart } from "./parts.ts";

export const supportViews = (state: SessionState): SupportView[] => (state.votesRevealed ? supportByItem(state) : []);

export const support: ListPart<"support"> = { kind: "list", name: "support", reads: ["ballots", "reveal", "board", "participants", "tafels"], entries: (state) => forEveryone(supportViews(state), (s) => s.itemId) };
