/**
 * Downloads of the session, one click each: the kader as Markdown, PDF and CSV, and the full log as JSON. Plain
 * links to the export routes, so the browser saves the file under the name the server gives it. Once the
 * terugkombijeenkomst is open, kader versie 2 comes first (Markdown, PDF, CSV), day 1's files below it.
 */
import type { Snapshot } from "../../net/connection.ts";
import { serverUrl } from "../../net/endpoint.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/terugkom.css";
import { routeOf } from "../route.ts";

const FORMATS = [
  { format: "md", name: "markdown", hint: "markdownHint" },
  { format: "pdf", name: "pdf", hint: "pdfHint" },
  { format: "csv", name: "csv", hint: "csvHint" },
  { format: "json", name: "json", hint: "jsonHint" },
] as const;

const V2_FORMATS = [
  { format: "md", name: "markdown", hint: "markdownHint" },
  { format: "pdf", name: "pdf", hint: "pdfHint" },
  { format: "csv", name: "csv", hint: "csvHint" },
] as const;

/** `snap` is optional so the card still works where it is mounted without one (day 1 only then). */
export function ExportCard({ snap = null }: { snap?: Snapshot | null } = {}) {
  const s = t.console.exports;
  const v2 = t.terugkom.exports;
  // The console is opened with the spelleiderslink, so its address holds the secret the export routes ask for.
  const route = routeOf(location.pathname);
  if (route.kind !== "spelleider") return null;
  const base = `${serverUrl()}/api/spelleider/${encodeURIComponent(route.secret)}/export`;
  const dayTwo = snap?.terugkom != null;
  return (
    <section class="card stack" aria-labelledby="export-kop">
      <h2 id="export-kop">{s.heading}</h2>
      {dayTwo ? (
        <>
          <h3 class="export-sub">{v2.v2Heading}</h3>
          <p class="hint">{v2.v2Hint}</p>
          <ul aria-label={v2.v2ListLabel}>
            {V2_FORMATS.map((f) => (
              <li key={f.format}>
                <a href={`${base}-v2.${f.format}`} download>
                  {v2[f.name]}
                </a>
                <span class="small muted">: {v2[f.hint]}</span>
              </li>
            ))}
          </ul>
          <h3 class="export-sub">{v2.v1Heading}</h3>
        </>
      ) : null}
      <p class="hint">{s.hint}</p>
      <ul aria-label={s.listLabel}>
        {FORMATS.map((f) => (
          <li key={f.format}>
            <a href={`${base}.${f.format}`} download>
              {s[f.name]}
            </a>
            <span class="small muted">: {s[f.hint]}</span>
          </li>
        ))}
      </ul>
      <p class="small muted">{s.namesNote}</p>
    </section>
  );
}
