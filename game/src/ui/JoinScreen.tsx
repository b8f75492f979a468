/** Joining: code, display name, real role. A browser that sat here before gets its seat back without asking. */
import { useEffect, useRef, useState } from "preact/hooks";
import { REAL_ROLES, type RealRole } from "#shared/protocol/ids.ts";
import { Connection, makeSeatToken, savedSeat, saveSeat } from "../net/connection.ts";
import { RETRY_MS, ServerUnreachable } from "../net/http.ts";
import { REAL_ROLE_NAMES, t } from "#shared/strings/index.ts";

const normalise = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

export function JoinScreen({ initialCode, onJoined }: { initialCode: string; onJoined: (conn: Connection) => void }) {
  const [code, setCode] = useState(normalise(initialCode));
  // A browser that sat here before fills in what it said then, so a manual "Meedoen" lands in the same seat.
  const [saved] = useState(() => (code ? savedSeat(code) : null));
  const [name, setName] = useState(saved?.displayName ?? "");
  const [realRole, setRealRole] = useState<RealRole | "">(saved?.realRole ?? "");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(retry.current), []);

  /** `again`: coming back to a seat; then a server out of reach is tried again by itself (a reload without Wi-Fi). */
  const join = async (seat: { code: string; seatToken: string; displayName: string; realRole: RealRole }, again = false) => {
    clearTimeout(retry.current);
    setBusy(true);
    setError("");
    try {
      const conn = await Connection.join({ as: "deelnemer", ...seat });
      saveSeat(seat);
      history.replaceState(null, "", `/j/${seat.code}`);
      onJoined(conn);
    } catch (e) {
      const unreachable = e instanceof ServerUnreachable;
      setError(again && unreachable ? t.connection.retrying : e instanceof Error ? e.message : String(e));
      setBusy(false);
      if (again && unreachable) retry.current = setTimeout(() => void join(seat, true), RETRY_MS);
    }
  };

  // Back after a reload or a closed tab: the browser kept the seat token.
  useEffect(() => {
    if (saved) void join(saved, true);
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    const clean = normalise(code);
    if (clean.length < 4) return setError(t.join.unknownCode);
    if (!name.trim()) return setError(t.join.missingName);
    if (!realRole) return setError(t.join.missingRole);
    const seatToken = savedSeat(clean)?.seatToken ?? makeSeatToken();
    void join({ code: clean, seatToken, displayName: name.trim(), realRole });
  };

  return (
    <main class="page">
      <div class="stack">
        <header>
          <h1>{t.app.name}</h1>
          <p class="muted">{t.app.tagline}</p>
        </header>
        <form class="card stack" onSubmit={submit} aria-labelledby="meedoen-titel" noValidate>
          <h2 id="meedoen-titel">{t.join.title}</h2>
          <p>{t.join.intro}</p>
          <div class="field">
            <label for="code">{t.join.code}</label>
            <input id="code" name="code" autocomplete="off" autocapitalize="characters" inputMode="text" maxLength={12} value={code} onInput={(e) => setCode(e.currentTarget.value)} aria-describedby="code-hint" />
            <p class="hint" id="code-hint">{t.join.codeHint}</p>
          </div>
          <div class="field">
            <label for="naam">{t.join.name}</label>
            <input id="naam" name="naam" autocomplete="given-name" maxLength={40} value={name} onInput={(e) => setName(e.currentTarget.value)} aria-describedby="naam-hint" />
            <p class="hint" id="naam-hint">{t.join.nameHint}</p>
          </div>
          <div class="field">
            <label for="functie">{t.join.realRole}</label>
            <select id="functie" name="functie" value={realRole} onChange={(e) => setRealRole(REAL_ROLES.find((r) => r === e.currentTarget.value) ?? "")}>
              <option value="">{t.join.realRolePlaceholder}</option>
              {REAL_ROLES.map((r) => (
                <option value={r} key={r}>{REAL_ROLE_NAMES[r]}</option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={busy}>{busy ? t.join.busy : t.join.submit}</button>
          <p class="state rejected" role="alert">{error}</p>
        </form>
        <p class="small"><a href="/nieuw">{t.join.spelleiderLink}</a></p>
      </div>
    </main>
  );
}
