/** For the spelleider: how many participants said "klaar", as a sentence and a bar. */
import { t } from "#shared/strings/index.ts";
import "../../../../styles/participant.css";

export function ReadyProgress({ ready, total }: { ready: number; total: number }) {
  const share = total > 0 ? Math.min(1, ready / total) : 0;
  return (
    <div class="p-ready-progress">
      <p class="p-count">{t.participant.ready.count(ready, total)}</p>
      <div class="p-progress" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
