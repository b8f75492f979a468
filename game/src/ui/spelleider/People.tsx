/**
 * Who is in: name, own function, game role, online, ready for this phase, and what they contributed so far. Only
 * the spelleider sees this (names, readiness); removing someone asks first.
 */
import { useState } from "preact/hooks";
import type { Connection, Snapshot } from "../../net/connection.ts";
import type { PersonView, PhaseView } from "../../../../server/protocol/views.ts";
import { REAL_ROLE_NAMES, t } from "../../strings/index.ts";
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

  const confirm = () => {
    const person = asking;
    setAsking(null);
    if (person) void run({ type: "participant.remove", participantId: person.participantId });
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
        <ul class="people-list">
          {people.map((person) => (
            <PersonRow key={person.participantId} person={person} phase={phase} rolesGiven={snap.session.rounds.some((r) => r.assigned)} onRemove={() => setAsking(person)} />
          ))}
        </ul>
      )}
      {removedCount > 0 ? <p class="small muted">{p.removed(removedCount)}</p> : null}
      <ConfirmDialog open={asking !== null} title={p.removeTitle} confirmLabel={p.removeConfirm} danger onConfirm={confirm} onClose={() => setAsking(null)}>
        <p>{asking ? p.removeBody(asking.displayName) : ""}</p>
      </ConfirmDialog>
    </section>
  );
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

function PersonRow({ person, phase, rolesGiven, onRemove }: { person: PersonView; phase: PhaseView; rolesGiven: boolean; onRemove: () => void }) {
  const p = t.console.people;
  const count = contribution(person, phase);
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
        {person.role ? (
          <span class="person-role">
            <RoleChip role={person.role} />
          </span>
        ) : rolesGiven ? (
          <span class="small muted">{p.noRole}</span>
        ) : null}
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
