/**
 * The spelleider's start: choose a scenario and variant (each says what it holds: its phases and minutes), name the
 * session, get the code and the one-time spelleiderslink (wrapping, with a copy button).
 */
import { useEffect, useState } from "preact/hooks";
import { z } from "zod";
import { PHASE_KINDS } from "#shared/protocol/ids.ts";
import { serverUrl } from "../net/endpoint.ts";
import { requestJson } from "../net/http.ts";
import { PHASE_TITLES, t } from "#shared/strings/index.ts";

const StepSchema = z.object({ kind: z.enum(PHASE_KINDS), minutes: z.number().nullable(), about: z.array(z.string()).default([]) });
const ScenarioListSchema = z.object({
  scenarios: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      intro: z.string().default(""),
      variants: z.array(z.object({ id: z.string(), title: z.string(), steps: z.array(StepSchema).optional() })),
    }),
  ),
});
type Step = z.infer<typeof StepSchema>;
const CreatedSchema = z.object({ code: z.string(), spelleiderPath: z.string(), beamerPath: z.string(), joinPath: z.string() });
const ErrorSchema = z.object({ error: z.string() });

type Created = z.infer<typeof CreatedSchema>;

export function CreateSession() {
  const [options, setOptions] = useState<{ value: string; label: string; intro: string; steps: Step[] }[]>([]);
  const [choice, setChoice] = useState("");
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetch(`${serverUrl()}/api/scenarios`)
      .then((r) => r.json())
      .then((body: unknown) => {
        const list = ScenarioListSchema.parse(body).scenarios.flatMap((s) =>
          s.variants.map((v) => ({ value: `${s.id}|${v.id}`, label: `${s.title} — ${v.title}${v.steps ? ` (${t.create.totalMinutes(totalMinutes(v.steps))})` : ""}`, intro: s.intro, steps: v.steps ?? [] })),
        );
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
      const { res, body } = await requestJson(`${serverUrl()}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId, variantId, label: label.trim() || undefined }),
      });
      if (!res.ok) throw new Error(ErrorSchema.safeParse(body).data?.error ?? "De sessie kon niet worden gemaakt.");
      const made = CreatedSchema.safeParse(body);
      if (!made.success) throw new Error(t.connection.unreadable);
      setCreated(made.data);
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
          <OneTimeLink url={origin + created.spelleiderPath} />
          <p class="row">
            <a class="button" href={created.spelleiderPath}>{t.create.open}</a>
          </p>
        </section>
      ) : (
        <form class="card stack" onSubmit={submit}>
          <div class="field">
            <label for="scenario">{t.create.scenario}</label>
            <select id="scenario" value={choice} onChange={(e) => setChoice(e.currentTarget.value)} aria-describedby="variant-inhoud">
              {options.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          </div>
          <VariantSteps option={options.find((o) => o.value === choice) ?? null} />
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

const totalMinutes = (steps: readonly Step[]): number => steps.reduce((sum, step) => sum + (step.minutes ?? 0), 0);

/**
 * What the chosen variant holds: its phases in order with their minutes and what each is about (the round of a
 * rolwissel, the cases of a casustoets), the time in all, and the scenario's introduction to read if wanted.
 */
function VariantSteps({ option }: { option: { label: string; intro: string; steps: Step[] } | null }) {
  const c = t.create;
  const steps = option?.steps ?? [];
  const timed = steps.filter((step) => step.kind !== "lobby" && step.kind !== "resultaat");
  const detailed = timed.some((step) => step.about.length > 0);
  return (
    <div id="variant-inhoud" class="variant-steps" aria-live="polite">
      {option && timed.length > 0 ? (
        <>
          <p class="small">
            <strong>{option.label}</strong>
          </p>
          <p class="small">{c.holds(timed.length, totalMinutes(steps))}</p>
          <ol class={`variant-step-list${detailed ? " detailed" : ""}`}>
            {timed.map((step, i) => (
              <li key={i}>
                <span>{PHASE_TITLES[step.kind]}</span>
                {step.minutes ? <span class="muted"> · {c.minutes(step.minutes)}</span> : null}
                {step.about.length > 0 ? <span class="variant-step-about">{step.about.join(" · ")}</span> : null}
              </li>
            ))}
          </ol>
          {option.intro ? (
            <details class="variant-intro">
              <summary>{c.intro}</summary>
              <p>{option.intro}</p>
            </details>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** The spelleiderslink, shown once: it wraps on any screen and has a copy button that says when it worked. */
function OneTimeLink({ url }: { url: string }) {
  const c = t.create;
  const [copied, setCopied] = useState<"idle" | "ok" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div class="one-time-link">
      <p class="one-time-url">
        <code>{url}</code>
      </p>
      <p class="row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          {c.copy}
        </button>
        <span class={`state ${copied === "failed" ? "rejected" : "done"}`} role="status">
          {copied === "ok" ? c.copied : copied === "failed" ? c.copyFailed : ""}
        </span>
      </p>
    </div>
  );
}
