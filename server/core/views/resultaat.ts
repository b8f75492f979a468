/** What the resultaat (server/core/resultaat.ts) makes visible: the kader op maat, for everyone, in the resultaat phase. */
import type { KaderView, SupportView } from "#shared/protocol/views.ts";
import { kader as kaderOf } from "../resultaat.ts";
import type { SessionState } from "../state.ts";
import type { FieldPart } from "./parts.ts";

/** `support`: supportViews(state), when the caller has it already. */
export const kaderView = (state: SessionState, support?: readonly SupportView[]): KaderView | null =>
  state.phases[state.phaseIndex]?.kind === "resultaat" ? kaderOf(state, support) : null;

export const kader: FieldPart<"kader"> = { kind: "field", name: "kader", value: (state) => kaderView(state) };
