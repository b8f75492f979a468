/**
 * Phase 3, samenvoegen: the merge board. Loose eisen on one side, the programma van eisen on the other (one column
 * with a switch on a phone). Cards merge by dragging one onto another, or by selecting them and pressing
 * Samenvoegen, which works by keyboard and touch too. Every change goes to the server; the board only shows it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { EisView, ItemView } from "#shared/protocol/views.ts";
import { PHASE_TITLES, t } from "#shared/strings/index.ts";
import "../../styles/board.css";
import { BoardPanel, boardFits } from "../board/BoardPanel.tsx";
import { AdoptRest } from "./parts/board/AdoptRest.tsx";
import { EisCard } from "./parts/board/EisCard.tsx";
import { EditDialog } from "./parts/board/EditDialog.tsx";
import { useDnd, type Dnd, type DropTarget } from "./parts/board/dnd.ts";
import { ItemCard, type ItemAction } from "./parts/board/ItemCard.tsx";
import { MergeDialog } from "./parts/board/MergeDialog.tsx";
import { boardIndex, onBoard, refKey, shorten, similarByKey, type BoardIndex, type BoardRef } from "./parts/board/model.ts";
import { Dock } from "./parts/participant/Dock.tsx";
import { ReadyToggle } from "./parts/participant/ReadyToggle.tsx";
import { SpanningDialog } from "./parts/board/SpanningDialog.tsx";
import { SpanningenList } from "./parts/board/Spanningen.tsx";
import { SplitDialog } from "./parts/board/SplitDialog.tsx";
import { Suggestions } from "./parts/board/Suggestions.tsx";
import { hasTables } from "./parts/tafel/tafels.ts";
import type { PhaseProps } from "./types.ts";

type OpenDialog = { kind: "merge"; sources: BoardRef[] } | { kind: ItemAction; itemId: string } | null;
type Tab = "eisen" | "pve";

export function Samenvoegen({ conn, snap: full, audience }: PhaseProps) {
  const s = t.board.samenvoegen;
  const tafels = hasTables(full);
  const plenair = full.session.phase.kind === "plenair";
  // The spelleider sees every tafel's board at once in samenvoegen; a filter shows one tafel (merges stay within one).
  const canFilter = tafels && !plenair && audience === "spelleider";
  const [filter, setFilter] = useState("");
  const snap = canFilter && filter ? scopeToTable(full, filter) : full;
  // Where the group mixes tafels (plenair, or the spelleider's view of all of them) cards say which tafel they are from.
  const showTables = tafels && (plenair || (audience !== "deelnemer" && !(canFilter && filter)));
  const index = boardIndex(snap);
  const [selection, setSelection] = useState<BoardRef[]>([]);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // Nothing loose left (e.g. coming back to this phase): start where the work is.
  const [tab, setTab] = useState<Tab>(() => (snap.eisen.some((e) => e.itemId === null) || snap.items.length === 0 ? "eisen" : "pve"));
  const [announced, setAnnounced] = useState<{ itemId: string; text: string } | null>(null);
  // Items already there when the screen opened do not animate; a new one appears briefly, so a merge is seen. The
  // moment each item was first seen is kept, so showing the list again (the phone's switch) does not replay it.
  const firstSeen = useRef<Map<string, number> | null>(null);
  if (firstSeen.current === null) firstSeen.current = new Map(full.items.map((i) => [i.id, 0]));
  const seen = firstSeen.current;
  const now = Date.now();
  for (const item of full.items) if (!seen.has(item.id)) seen.set(item.id, now);
  const isFresh = (itemId: string) => now - (seen.get(itemId) ?? 0) < 2500;
  useEffect(() => {
    if (!announced) return;
    const id = setTimeout(() => setAnnounced(null), 6000);
    return () => clearTimeout(id);
  }, [announced]);

  const [wide] = useState(boardFits);
  const liveSelection = selection.filter((ref) => onBoard(index, ref));
  const isSelected = (ref: BoardRef) => liveSelection.some((r) => refKey(r) === refKey(ref));
  // From the selection as it is now, not as this render saw it: two quick clicks on the board both count.
  const toggle = (ref: BoardRef) =>
    setSelection((current) => {
      const live = current.filter((r) => onBoard(index, r));
      return live.some((r) => refKey(r) === refKey(ref)) ? live.filter((r) => refKey(r) !== refKey(ref)) : [...live, ref];
    });
  const openMerge = (sources: BoardRef[]) => setDialog({ kind: "merge", sources });

  const dnd = useDnd((target: DropTarget, dragged: BoardRef) => {
    // The card dropped onto comes first: its wording is the starting point (an item's text when dropped on an item).
    openMerge(target === "pve" ? [dragged] : [target, dragged]);
  });

  const free = snap.eisen.filter((e) => e.itemId === null);
  const items = [...snap.items].reverse();
  const similar = similarByKey(index, snap.suggestions);
  const similarOf = (ref: BoardRef) => similar.get(refKey(ref)) ?? [];

  const showItem = (itemId: string) => {
    setTab("pve");
    // After the switch has rendered, bring the card into view and give it focus for keyboard users.
    requestAnimationFrame(() => {
      const card = document.getElementById(`kaart-item-${itemId}`);
      card?.scrollIntoView({ block: "center" });
      card?.querySelector("button")?.focus({ preventScroll: true });
    });
  };

  const dock = (
    <>
      <div class="b-announce" role="status">
        {announced ? (
          <p class="b-announce-inner appear">
            <span>{s.merged(shorten(announced.text, 48))}</span>
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setAnnounced(null);
                showItem(announced.itemId);
              }}
            >
              {s.showItem}
            </button>
          </p>
        ) : null}
      </div>
      {liveSelection.length > 0 ? (
        <SelectionBar count={liveSelection.length} takeIn={liveSelection.length === 1 && liveSelection[0]?.kind === "eis"} onMerge={() => openMerge(liveSelection)} onClear={() => setSelection([])} />
      ) : null}
    </>
  );

  return (
    <section class="b-screen b-board" aria-labelledby="samenvoegen-titel">
      <header class="b-head">
        {/* A participant's own page has its h1 (the phase, as in the top bar); the console has its own. */}
        {audience === "deelnemer" ? <h1 class="sr-only">{PHASE_TITLES[snap.session.phase.kind]}</h1> : null}
        <h2 id="samenvoegen-titel">{s.title}</h2>
        <p>{introOf(full, audience)}</p>
        {plenair && tafels ? <p class="small muted">{t.tafels.board.plenairHow}</p> : null}
        <p class="small muted">
          {s.how} <span class="b-drag-only">{s.howDrag}</span>
        </p>
        {canFilter ? <TableFilter snap={full} value={filter} onChange={setFilter} /> : null}
      </header>

      {/* Laptops and the console: the shared board, the same drops and selection as the list below. */}
      {wide ? <BoardPanel snap={snap} selected={liveSelection} onToggle={toggle} onDrop={(target, dragged) => openMerge(target === "pve" ? [dragged] : [target, dragged])} /> : null}

      <Suggestions index={index} suggestions={snap.suggestions} onMerge={openMerge} />

      <div class="b-tabs" role="group" aria-label={s.viewLabel}>
        <button type="button" class="secondary" aria-pressed={tab === "eisen"} onClick={() => setTab("eisen")}>
          {s.tabEisen(free.length)}
        </button>
        <button type="button" class="secondary" aria-pressed={tab === "pve"} onClick={() => setTab("pve")}>
          {s.tabPve(items.length)}
        </button>
      </div>

      <div class={`b-columns ${free.length === 0 && snap.eisen.length > 0 ? "is-all-in" : ""}`} data-tab={tab}>
        <section class="b-col b-col-eisen" aria-labelledby="losse-eisen-titel">
          <h3 id="losse-eisen-titel">
            {s.eisenTitle} <span class="b-count">{free.length}</span>
          </h3>
          {snap.eisen.length === 0 ? <p class="muted">{s.noEisenYet}</p> : free.length === 0 ? <p class="muted">{s.noEisen}</p> : null}
          {/* On a phone the programma is the other tab: nothing is left here, so a way there (where both columns show, none). */}
          {free.length === 0 && items.length > 0 ? (
            <button type="button" class="secondary b-tab-jump" onClick={() => setTab("pve")}>
              {s.toPve(items.length)}
            </button>
          ) : null}
          <FreeEisen
            showTables={showTables}
            snap={snap}
            index={index}
            free={free}
            dnd={dnd}
            isSelected={isSelected}
            similarOf={similarOf}
            onToggle={toggle}
            onMerge={openMerge}
          />
          {/* After the list: "the rest" is for when the group has merged what belongs together. */}
          {audience !== "beamer" ? <AdoptRest conn={conn} free={free} /> : null}
        </section>

        <section class={`b-col b-col-pve ${dnd.overKey === "pve" ? "is-over" : ""}`} aria-labelledby="pve-titel" {...dnd.target("pve")}>
          <h3 id="pve-titel">
            {s.pveTitle} <span class="b-count">{items.length}</span>
          </h3>
          {dnd.draggingKey?.startsWith("eis:") ? <p class="b-drophint">{s.dropHere}</p> : null}
          {items.length === 0 ? <p class="muted">{s.noItems}</p> : null}
          <ItemList
            showTables={showTables}
            conn={conn}
            snap={snap}
            index={index}
            items={items}
            isFresh={isFresh}
            dnd={dnd}
            isSelected={isSelected}
            similarOf={similarOf}
            onToggle={toggle}
            onMerge={openMerge}
            onAction={(action, itemId) => setDialog({ kind: action, itemId })}
          />
          <SpanningenList conn={conn} index={index} spanningen={snap.spanningen} />
        </section>
      </div>

      {/* The dock stays at the bottom of the screen: what just happened, what is selected and (for a participant)
          "Ik ben klaar", as in the other phases, all in thumb reach. */}
      {audience === "deelnemer" ? (
        <Dock label={s.dockLabel}>
          <div class="b-dock-stack">{dock}</div>
          <ReadyToggle conn={conn} snap={snap} />
        </Dock>
      ) : (
        <div class="b-dock">{dock}</div>
      )}

      <BoardDialog
        dialog={dialog}
        conn={conn}
        snap={snap}
        index={index}
        onClose={() => setDialog(null)}
        onMerged={(itemId, text, sources) => {
          setDialog(null);
          setSelection(liveSelection.filter((r) => !sources.some((x) => refKey(x) === refKey(r))));
          setAnnounced({ itemId, text });
        }}
      />
    </section>
  );
}

interface ListProps {
  snap: PhaseProps["snap"];
  showTables: boolean;
  index: BoardIndex;
  dnd: Dnd;
  isSelected: (ref: BoardRef) => boolean;
  similarOf: (ref: BoardRef) => BoardRef[];
  onToggle: (ref: BoardRef) => void;
  onMerge: (refs: BoardRef[]) => void;
}

/** Loose eisen grouped by category, in the scenario's order: eisen that want the same thing end up near each other. */
function FreeEisen({ free, ...props }: ListProps & { free: EisView[] }) {
  const { snap } = props;
  const groups = snap.scenario.categories.map((c) => ({ category: c, eisen: free.filter((e) => e.categoryId === c.id) })).filter((g) => g.eisen.length > 0);
  return (
    <>
      {groups.map(({ category, eisen }) => (
        <section key={category.id} class="b-group" aria-labelledby={`groep-${category.id}`}>
          <h4 id={`groep-${category.id}`}>
            {category.name} <span class="b-count">{eisen.length}</span>
          </h4>
          <ul class="b-cards">
            {eisen.map((eis) => {
              const ref: BoardRef = { kind: "eis", id: eis.id };
              return (
                <EisCard
                  key={eis.id}
                  showTable={props.showTables}
                  snap={snap}
                  index={props.index}
                  eis={eis}
                  selected={props.isSelected(ref)}
                  similar={props.similarOf(ref)}
                  dnd={props.dnd}
                  onToggle={() => props.onToggle(ref)}
                  onTakeIn={() => props.onMerge([ref])}
                  onMergeWith={(other) => props.onMerge([ref, other])}
                />
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

function ItemList({ items, isFresh, conn, onAction, ...props }: ListProps & { items: ItemView[]; isFresh: (itemId: string) => boolean; conn: PhaseProps["conn"]; onAction: (action: ItemAction, itemId: string) => void }) {
  if (items.length === 0) return null;
  return (
    <ul class="b-cards b-items">
      {items.map((item) => {
        const ref: BoardRef = { kind: "item", id: item.id };
        return (
          <ItemCard
            key={item.id}
            showTable={props.showTables}
            conn={conn}
            snap={props.snap}
            index={props.index}
            item={item}
            selected={props.isSelected(ref)}
            isNew={isFresh(item.id)}
            similar={props.similarOf(ref)}
            spanningen={props.snap.spanningen}
            dnd={props.dnd}
            onToggle={() => props.onToggle(ref)}
            onAction={(action) => onAction(action, item.id)}
            onMergeWith={(other) => props.onMerge([ref, other])}
          />
        );
      })}
    </ul>
  );
}

/** The intro under the title: the usual one, or what merging means at a tafel and in plenair. */
function introOf(snap: PhaseProps["snap"], audience: PhaseProps["audience"]): string {
  if (!hasTables(snap)) return t.board.samenvoegen.intro;
  if (snap.session.phase.kind === "plenair") return t.tafels.board.plenairIntro;
  return audience === "deelnemer" ? t.tafels.board.samenvoegenIntro : t.tafels.board.samenvoegenIntroSpelleider;
}

/** One tafel's cards only: its eisen and items, the suggestions and spanningen among them. */
function scopeToTable(snap: PhaseProps["snap"], tableId: string): PhaseProps["snap"] {
  const eisen = snap.eisen.filter((e) => e.tableId === tableId);
  const items = snap.items.filter((i) => i.tableId === tableId);
  const ids = new Set([...eisen.map((e) => `eis:${e.id}`), ...items.map((i) => `item:${i.id}`)]);
  const itemIds = new Set(items.map((i) => i.id));
  return {
    ...snap,
    eisen,
    items,
    suggestions: snap.suggestions.filter((x) => ids.has(`${x.a.kind}:${x.a.id}`) && ids.has(`${x.b.kind}:${x.b.id}`)),
    spanningen: snap.spanningen.filter((x) => itemIds.has(x.itemA) && itemIds.has(x.itemB)),
  };
}

function TableFilter({ snap, value, onChange }: { snap: PhaseProps["snap"]; value: string; onChange: (tableId: string) => void }) {
  const b = t.tafels.board;
  return (
    <div class="field tafel-filter">
      <label for="tafel-filter">{b.filterLabel}</label>
      <select id="tafel-filter" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{b.allTables}</option>
        {snap.session.tables.map((x) => (
          <option key={x.tableId} value={x.tableId}>
            {x.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Stays at the bottom of the screen while cards are selected: in thumb reach on a phone. */
function SelectionBar({ count, takeIn, onMerge, onClear }: { count: number; takeIn: boolean; onMerge: () => void; onClear: () => void }) {
  const s = t.board.samenvoegen;
  return (
    <div class="b-selectionbar" role="region" aria-label={s.selection(count)}>
      <span class="b-selectionbar-count" aria-hidden="true">{s.selection(count)}</span>
      <span class="grow" />
      <button type="button" class="secondary" aria-label={s.clearSelectionLabel} onClick={onClear}>
        {s.clearSelection}
      </button>
      <button type="button" onClick={onMerge}>
        {takeIn ? s.takeIn : s.mergeN(count)}
      </button>
    </div>
  );
}

function BoardDialog(props: {
  dialog: OpenDialog;
  conn: PhaseProps["conn"];
  snap: PhaseProps["snap"];
  index: BoardIndex;
  onClose: () => void;
  onMerged: (itemId: string, text: string, sources: BoardRef[]) => void;
}) {
  const { dialog, conn, snap, index, onClose } = props;
  if (dialog === null) return null;
  if (dialog.kind === "merge") {
    return <MergeDialog conn={conn} snap={snap} index={index} sources={dialog.sources} onClose={onClose} onMerged={(itemId, text) => props.onMerged(itemId, text, dialog.sources)} />;
  }
  const item = index.items.get(dialog.itemId);
  // The item was merged or undone by someone else meanwhile: nothing left to act on.
  if (!item) return null;
  switch (dialog.kind) {
    case "edit":
      return <EditDialog conn={conn} snap={snap} item={item} onClose={onClose} />;
    case "split":
      return <SplitDialog conn={conn} snap={snap} index={index} item={item} onClose={onClose} />;
    case "spanning":
      return <SpanningDialog conn={conn} snap={snap} item={item} onClose={onClose} />;
    default: {
      const unreachable: never = dialog;
      return unreachable;
    }
  }
}
