/** The spelleider's start: choose a scenario and variant, name the session, get the code and the secret link. */
import { useEffect, useState } from "preact/hooks";
import { z } from "zod";
import { serverUrl } from "../net/endpoint.ts";
import { t } from "../strings/index.ts";

const ScenarioListSchema = z.object({
  scenarios: z.array(z.object({ id: z.string(), title: z.string(), variants: z.array(z.object({ id: z.string(), title: z.string() })) })),
});
const CreatedSchema = z.object({ code: z.string(), spelleiderPath: z.string(), beamerPath: z.string(), joinPath: z.string() });
const ErrorSchema = z.object({ error: z.string() });

type Created = z.infer<typeof CreatedSchema>;

export function CreateSession() {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [choice, setChoice] = useState("");
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetch(`${serverUrl()}/api/scenarios`)
      .then((r) => r.json())
      .then((body: unknown) => {
        const list = ScenarioListSchema.parse(body).scenarios.flatMap((s) => s.variants.map((v) => ({ value: `${s.id}|${v.id}`, label: `${s.title} — ${v.title}` })));
        setOptions(list);
        setChoice(list[0]?.value ?? "");
      })
      .catch(() => setError("De lijst met scenario's kon niet worden geladen. Controleer de verbinding."));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const [scenarioId, variantId] = choice.split("|");
    setBusy(true);
    setError("");
    try {
      const res = await fetch(`${serverUrl()}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId, variantId, label: label.trim() || undefined }) });
      const body: unknown = await res.json();
      if (!res.ok) throw new Error(ErrorSchema.safeParse(body).data?.error ?? "De sessie kon niet worden gemaakt.");
      setCreated(CreatedSchema.parse(body));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const origin = location.origin;
  return (
    <main class="page stack">
      <h1>{t.create.title}</h1>
      {created ? (
        <section class="card stack" aria-live="polite">
          <p>{t.create.made}</p>
          <p class="beamer-code" style={{ fontSize: "3rem", fontWeight: 700, letterSpacing: "0.2em" }}>{created.code}</p>
          <p><strong>{t.create.keepLink}</strong></p>
          <p><code>{origin + created.spelleiderPath}</code></p>
          <p class="row">
            <a class="button" href={created.spelleiderPath}>{t.create.open}</a>
          </p>
        </section>
      ) : (
        <form class="card stack" onSubmit={submit}>
          <div class="field">
            <label for="scenario">{t.create.scenario}</label>
            <select id="scenario" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="label">{t.create.label}</label>
            <input id="label" maxLength={120} placeholder={t.create.labelPlaceholder} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
          </div>
          <button type="submit" disabled={busy || !choice}>{t.create.submit}</button>
          <p class="state rejected" role="alert">{error}</p>
        </form>
      )}
    </main>
  );
}
