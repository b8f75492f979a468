/**
 * Who is in: name, own function, game role, online, ready for this phase, and what they contributed so far. Only
 * the spelleider sees this (names, readiness); removing someone asks first.
 */
import { useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import type { PersonView, PhaseView } from "#shared/protocol/views.ts";
import { REAL_ROLE_NAMES, t } from "#shared/strings/index.ts";
import { CommandStatus, RoleChip } from "../common.tsx";
import { useCommand } from "../hooks.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import { tracksReadiness } from "./phaseLabels.ts";

export function People({ conn, snap }: { conn: Connection; snap: Snapshot }) {
  const p = t.console.people;
  const phase = snap.session.phase;
  const people = snap.people.filter((x) => !x.removed);
  const removedCount = snap.people.length - people.length;
  const ready = people.filter((x) => x.ready).length;
  const online = people.filter((x) => x.online).length;
  const [run, state] = useCommand(conn);
  const [asking, setAsking] = useState<PersonView | null>(null);
  // The offline people as the dialog showed them: exactly these are asked to be removed (those back online stay).
  const [askingOffline, setAskingOffline] = useState<PersonView[] | null>(null);
  const offline = people.filter((x) => !x.online);
  const rolesGiven = snap.session.rounds.some((r) => r.assigned);
  const groups = peopleGroups(snap, people);

  const confirm = () => {
    const person = asking;
    setAsking(null);
    if (person) void run({ type: "participant.remove", participantId: person.participantId });
  };
  const confirmOffline = () => {
    const listed = askingOffline;
    setAskingOffline(null);
    if (listed && listed.length > 0) void run({ type: "participants.removeOffline", participantIds: listed.map((x) => x.participantId) });
  };

  return (
    <section class="card stack" aria-labelledby="mensen-kop">
      <h2 id="mensen-kop">
        {p.heading} <span class="muted">({people.length})</span>
      </h2>
      <div class="people-summary">
        {tracksReadiness(phase) && people.length > 0 ? <p class="ready-count">{p.ready(ready, people.length)}</p> : null}
        {people.length > 0 ? <p class="small muted">{p.online(online, people.length)}</p> : null}
      </div>
      <CommandStatus state={state} />
      {people.length === 0 ? (
        <p class="muted">{p.none}</p>
      ) : (
        groups.map((group) => {
          const list = (
            <ul class="people-list">
              {group.people.map((person) => (
                <PersonRow key={person.participantId} conn={conn} snap={snap} person={person} phase={phase} rolesGiven={rolesGiven} onRemove={() => setAsking(person)} />
              ))}
            </ul>
          );
          // Without tafels one list, as always; with tafels a list per tafel under its name.
          if (group.tableId === undefined) return <div key="alle">{list}</div>;
          const headingId = `mensen-${group.tableId ?? "zonder"}`;
          return (
            <section key={headingId} class="people-table" aria-labelledby={headingId}>
              <h3 id={headingId}>{t.tafels.move.groupHeading(group.name, group.people.length)}</h3>
              {list}
            </section>
          );
        })
      )}
      {removedCount > 0 ? <p class="small muted">{p.removed(removedCount)}</p> : null}
      {offline.length > 0 ? (
        <p>
          <button type="button" class="quiet small-button remove-offline" onClick={() => setAskingOffline(offline)}>
            {p.removeOffline(offline.length)}
          </button>
        </p>
      ) : null}
      <ConfirmDialog open={asking !== null} title={p.removeTitle} confirmLabel={p.removeConfirm} danger onConfirm={confirm} onClose={() => setAsking(null)}>
        <p>{asking ? p.removeBody(asking.displayName) : ""}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={askingOffline !== null}
        title={p.removeOfflineTitle}
        confirmLabel={p.removeOfflineConfirm(askingOffline?.length ?? 0)}
        danger
        onConfirm={confirmOffline}
        onClose={() => setAskingOffline(null)}
      >
        <p>{p.removeOfflineBody(askingOffline?.length ?? 0)}</p>
        <ul class="offline-names">
          {/* By name, so the spelleider finds someone at a glance (the people list follows arrival). */}
          {[...(askingOffline ?? [])]
            .sort((a, b) => a.displayName.localeCompare(b.displayName, "nl"))
            .map((x) => (
              <li key={x.participantId}>{x.displayName}</li>
            ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

interface PeopleGroup {
  /** undefined: the one list without tafels; null: people not at any tafel (yet). */
  tableId: string | null | undefined;
  name: string;
  people: PersonView[];
}

function peopleGroups(snap: Snapshot, people: PersonView[]): PeopleGroup[] {
  const tables = snap.session.tables;
  if (tables.length === 0) return [{ tableId: undefined, name: "", people }];
  const groups: PeopleGroup[] = tables.map((x) => ({ tableId: x.tableId, name: x.name, people: people.filter((p) => p.tableId === x.tableId) }));
  const elsewhere = people.filter((p) => !tables.some((x) => x.tableId === p.tableId));
  if (elsewhere.length > 0) groups.push({ tableId: null, name: t.tafels.move.noTable, people: elsewhere });
  return groups.filter((g) => g.people.length > 0);
}

/** The count that matters in this phase: cards while picturing, eisen while writing, items voted while voting. */
function contribution(person: PersonView, phase: PhaseView): string | null {
  const p = t.console.people;
  switch (phase.kind) {
    case "beeldvorming":
      return p.cards(person.cards);
    case "rolwissel":
      return p.eisen(person.eisen);
    case "prioriteren":
      return p.votes(person.votes);
    default:
      return null;
  }
}

function PersonRow({ conn, snap, person, phase, rolesGiven, onRemove }: { conn: Connection; snap: Snapshot; person: PersonView; phase: PhaseView; rolesGiven: boolean; onRemove: () => void }) {
  const p = t.console.people;
  const count = contribution(person, phase);
  const tables = snap.session.tables;
  return (
    <li class={`person ${person.online ? "" : "offline"}`}>
      <span class={`dot ${person.online ? "on" : ""}`} aria-hidden="true" />
      <span class="person-main">
        <span>
          <span class="person-name">{person.displayName}</span>
          <span class="sr-only">, {person.online ? p.isOnline : p.isOffline}</span>
          <span class="small muted person-real">, {REAL_ROLE_NAMES[person.realRole]}</span>
        </span>
        {/* Before the first round nobody has a role yet; saying so on every row is noise. */}
        {/* Role and tafel on one line: with 24 people the list stays short enough to scan. */}
        <span class={tables.length > 0 ? "person-meta" : ""}>
          {person.role ? (
            <span class="person-role">
              <RoleChip role={person.role} />
            </span>
          ) : rolesGiven ? (
            <span class="small muted">{p.noRole}</span>
          ) : null}
          {tables.length > 0 ? <MoveControl conn={conn} snap={snap} person={person} /> : null}
        </span>
      </span>
      <span class="person-side">
        {tracksReadiness(phase) ? <span class={`ready-badge ${person.ready ? "yes" : "no"}`}>{person.ready ? `✓ ${p.isReady}` : p.notReady}</span> : null}
        {count ? <span class="small muted">{count}</span> : null}
        <button type="button" class="quiet small-button remove" aria-label={p.removeLabel(person.displayName)} onClick={onRemove}>
          {p.remove}
        </button>
      </span>
    </li>
  );
}

/** Which tafel someone sits at, and moving them: the server gives them a role their new tafel still needs. */
function MoveControl({ conn, snap, person }: { conn: Connection; snap: Snapshot; person: PersonView }) {
  const [run, state] = useCommand(conn);
  return (
    <span class="person-move">
      <select
        class="tafel-move"
        aria-label={t.tafels.move.label(person.displayName)}
        value={person.tableId ?? ""}
        onChange={(e) => {
          const tableId = e.currentTarget.value;
          if (tableId && tableId !== person.tableId) void run({ type: "participant.move", participantId: person.participantId, tableId });
        }}
      >
        {person.tableId === null ? <option value="">{t.tafels.move.noTable}</option> : null}
        {snap.session.tables.map((x) => (
          <option key={x.tableId} value={x.tableId}>
            {x.name}
          </option>
        ))}
      </select>
      <CommandStatus state={state} />
    </span>
  );
}
