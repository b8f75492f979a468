/**
 * Downloads of the session, one click each: the kader as Markdown, PDF and CSV, and the full log as JSON. Plain
 * links to the export routes, so the browser saves the file under the name the server gives it.
 */
import { serverUrl } from "../../net/endpoint.ts";
import { t } from "../../strings/index.ts";
import { routeOf } from "../App.tsx";

const FORMATS = [
  { format: "md", name: "markdown", hint: "markdownHint" },
  { format: "pdf", name: "pdf", hint: "pdfHint" },
  { format: "csv", name: "csv", hint: "csvHint" },
  { format: "json", name: "json", hint: "jsonHint" },
] as const;

export function ExportCard() {
  const s = t.console.exports;
  // The console is opened with the spelleiderslink, so its address holds the secret the export routes ask for.
  const route = routeOf(location.pathname);
  if (route.kind !== "spelleider") return null;
  const base = `${serverUrl()}/api/spelleider/${encodeURIComponent(route.secret)}/export`;
  return (
    <section class="card stack" aria-labelledby="export-kop">
      <h2 id="export-kop">{s.heading}</h2>
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
