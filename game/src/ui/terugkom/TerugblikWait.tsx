/** While the spelleider replays day 1 on the beamer: look up, and what comes after. */
import { t } from "#shared/strings/index.ts";
import { StageHead } from "./parts.tsx";

export function TerugblikWait() {
  const s = t.terugkom.terugblik;
  return (
    <div class="p-screen stack tk-screen">
      <StageHead stage="terugblik" title={s.title} intro={s.intro} />
      <div class="tk-look" aria-hidden="true">
        <svg viewBox="0 0 64 48" width="96" height="72" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
          <rect x="6" y="4" width="52" height="32" rx="3" />
          <path d="M32 36v8M22 44h20M16 26l10-9 8 6 12-11" />
        </svg>
      </div>
      <section class="card stack tk-next" aria-labelledby="tk-next-kop">
        <h2 id="tk-next-kop">{s.nextTitle}</h2>
        <p>{s.next}</p>
        <p class="small muted">{s.phoneNote}</p>
      </section>
    </div>
  );
}
