/**
 * One kader item to reflect on: a header button that opens and closes it (with what is saved), and the form:
 * toegepast ja/deels/nee, what went well, what can be better, an optional indicator. Everything typed is kept in
 * the browser until it is saved, and a saved answer comes back in the fields.
 */
import { LIMITS, TOEGEPAST, type Toegepast } from "#shared/protocol/ids.ts";
import type { KaderV1Item } from "#shared/protocol/events.ts";
import type { Connection, Snapshot } from "../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { CommandStatus, TextField } from "../common.tsx";
import { useCommand, useKeptText } from "../hooks.ts";
import { categoryName } from "../phases/parts/participant/lookup.ts";
import { useState } from "preact/hooks";

const isToegepast = (value: string): value is Toegepast => TOEGEPAST.some((option) => option === value);

export function ReflectieItem(props: { conn: Connection; snap: Snapshot; item: KaderV1Item; open: boolean; onToggle: () => void; onNext: (() => void) | null }) {
  const { conn, snap, item, open } = props;
  const s = t.terugkom.reflectie;
  const saved = snap.mine?.reflecties.find((r) => r.itemId === item.itemId) ?? null;
  const key = (field: string) => `${snap.session.sessionId}:reflectie:${item.itemId}:${field}`;
  const [choice, setChoice] = useKeptText(key("toegepast"), saved?.toegepast ?? "");
  const [goed, setGoed] = useKeptText(key("goed"), saved?.goed ?? "");
  const [beter, setBeter] = useKeptText(key("beter"), saved?.beter ?? "");
  const [indicator, setIndicator] = useKeptText(key("indicator"), saved?.indicator ?? "");
  const [run, state, resetState] = useCommand(conn);
  const [missing, setMissing] = useState(false);

  const typed = choice !== "" || goed.trim() !== "" || beter.trim() !== "" || indicator.trim() !== "";
  const dirty = saved
    ? choice !== saved.toegepast || goed.trim() !== saved.goed || beter.trim() !== saved.beter || indicator.trim() !== saved.indicator
    : typed;
  const id = (field: string) => `tk-refl-${item.itemId}-${field}`;
  const panelId = id("paneel");

  const stateText = saved && !dirty ? s.savedAs(t.terugkom.toegepast[saved.toegepast]) : dirty ? s.dirty : s.todo;
  const stateClass = saved && !dirty ? "done" : dirty ? "dirty" : "todo";

  const save = async (e: Event) => {
    e.preventDefault();
    if (!isToegepast(choice)) {
      setMissing(true);
      // Straight to the question that is missing, for keyboard and screen reader users too.
      document.querySelector<HTMLInputElement>(`input[name="${id("toegepast")}"]`)?.focus();
      return;
    }
    setMissing(false);
    await run({ type: "reflectie.give", itemId: item.itemId, toegepast: choice, goed: goed.trim(), beter: beter.trim(), indicator: indicator.trim() });
  };
  // A change after saving makes the old "Opgeslagen" untrue: clear it as soon as the form differs again.
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    if (state.kind === "done") resetState();
  };

  return (
    <li class={`card tk-refl-item tk-refl-${stateClass}${open ? " tk-open" : ""}`}>
      <h2 class="tk-refl-head">
        <button
          type="button"
          id={`tk-refl-knop-${item.itemId}`}
          class="tk-refl-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={props.onToggle}
        >
          <span class="p-rank" aria-hidden="true">{item.rank}</span>
          <span class="tk-refl-title">
            <span class="tk-cat">
              <span class="sr-only">{s.rank(item.rank)} · </span>
              {categoryName(snap, item.categoryId)}
            </span>
            <span class="tk-refl-text">{item.text}</span>
            <span class={`tk-refl-state tk-refl-state-${stateClass}`}>
              <span aria-hidden="true">{stateClass === "done" ? "✓ " : stateClass === "dirty" ? "● " : "○ "}</span>
              {stateText}
            </span>
          </span>
          <span class="tk-chevron" aria-hidden="true">{open ? "▴" : "▾"}</span>
        </button>
      </h2>
      {open ? (
        <form id={panelId} class="tk-refl-form stack" onSubmit={save}>
          <fieldset class="p-moscow tk-toegepast" aria-describedby={missing ? `${id("toegepast-hint")} ${id("toegepast-fout")}` : id("toegepast-hint")}>
            <legend>{s.applied}</legend>
            <p class="hint tk-legend-hint" id={id("toegepast-hint")}>{s.appliedHint}</p>
            <div class="tk-toegepast-options">
              {TOEGEPAST.map((option) => (
                <label key={option} class={`p-radio${choice === option ? " p-radio-on" : ""}`}>
                  <input
                    type="radio"
                    name={id("toegepast")}
                    value={option}
                    checked={choice === option}
                    onChange={() => {
                      edit(setChoice)(option);
                      setMissing(false);
                    }}
                  />
                  {t.terugkom.toegepast[option]}
                </label>
              ))}
            </div>
            {/* Beside the question it is about: saving moves the focus here, far above the save button. */}
            {missing ? (
              <p class="state rejected" role="alert" id={id("toegepast-fout")}>
                {s.chooseFirst}
              </p>
            ) : null}
          </fieldset>
          <TextField id={id("goed")} label={s.goed} value={goed} onInput={edit(setGoed)} max={LIMITS.reflection} rows={3} />
          <TextField id={id("beter")} label={s.beter} value={beter} onInput={edit(setBeter)} max={LIMITS.reflection} rows={3} />
          <TextField id={id("indicator")} label={s.indicator} value={indicator} onInput={edit(setIndicator)} max={LIMITS.reflection} rows={2} hint={s.indicatorHint} />
          <div class="row tk-save-row">
            <button type="submit">{saved && dirty ? s.saveAgain : s.save}</button>
            {saved && !dirty && props.onNext ? (
              <button type="button" class="secondary" onClick={props.onNext}>
                {s.next}
              </button>
            ) : null}
          </div>
          {missing ? null : <CommandStatus state={state} />}
        </form>
      ) : null}
    </li>
  );
}
