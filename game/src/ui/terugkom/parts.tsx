/**
 * Small pieces every day-2 screen shares: the stage heading, the ja/deels/nee bar, the status badges and what the
 * group wrote about an item. Marks always carry a word (and an icon), never colour alone.
 */
import type { ComponentChildren } from "preact";
import { TERUGKOM_STAGES, type TerugkomStage } from "#shared/protocol/ids.ts";
import type { KaderStatus, KaderV2Item } from "#shared/protocol/views.ts";
import { t } from "#shared/strings/index.ts";
import "../../styles/terugkom.css";

const s = t.terugkom;

/** Kicker with the step, the page heading and the intro of one stage. */
export function StageHead({ stage, title, intro, children }: { stage: TerugkomStage; title: string; intro: string; children?: ComponentChildren }) {
  return (
    <header class="tk-head">
      <p class="tk-kicker">
        {s.kicker} · {s.stepOf(TERUGKOM_STAGES.indexOf(stage) + 1, TERUGKOM_STAGES.length)}
      </p>
      <h1 id="fase-titel">{title}</h1>
      <p class="tk-intro">{intro}</p>
      {children}
    </header>
  );
}

/** How often an item was applied: one stacked bar with the counts written beside it. */
export function ToegepastBar({ counts, compact = false }: { counts: KaderV2Item["reflecties"]; compact?: boolean }) {
  const total = counts.ja + counts.deels + counts.nee;
  const part = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <div class={`tk-bar${compact ? " tk-bar-compact" : ""}`}>
      <div class="tk-bar-track" aria-hidden="true">
        {total === 0 ? null : (
          <>
            <span class="tk-seg tk-seg-ja" style={{ width: `${part(counts.ja)}%` }} />
            <span class="tk-seg tk-seg-deels" style={{ width: `${part(counts.deels)}%` }} />
            <span class="tk-seg tk-seg-nee" style={{ width: `${part(counts.nee)}%` }} />
          </>
        )}
      </div>
      {total === 0 ? (
        <p class="tk-bar-legend muted">{s.bar.none}</p>
      ) : (
        <p class="tk-bar-legend">
          <span class="sr-only">{s.bar.label(counts.ja, counts.deels, counts.nee)}</span>
          <span aria-hidden="true">
            <span class="tk-key"><span class="tk-swatch tk-seg-ja" />{counts.ja} {s.toegepast.ja.toLowerCase()}</span>
            <span class="tk-key"><span class="tk-swatch tk-seg-deels" />{counts.deels} {s.toegepast.deels.toLowerCase()}</span>
            <span class="tk-key"><span class="tk-swatch tk-seg-nee" />{counts.nee} {s.toegepast.nee.toLowerCase()}</span>
          </span>
        </p>
      )}
    </div>
  );
}

const STATUS_ICONS: Record<KaderStatus, string> = { ongewijzigd: "=", gewijzigd: "✎", nieuw: "+", vervallen: "✕" };

export function StatusBadge({ status }: { status: KaderStatus }) {
  return (
    <span class={`tk-badge tk-badge-${status}`}>
      <span class="tk-badge-icon" aria-hidden="true">{STATUS_ICONS[status]}</span>
      {statusLabel(status)}
    </span>
  );
}

/** The words of a StatusBadge. */
export const statusLabel = (status: KaderStatus): string => s.status[status];

/** The words of a SteunMoveBadge ("Meer steun: 40% → 70%"), or null when it shows none. */
export function steunMoveLabel(item: KaderV2Item): string | null {
  if (item.steunVerandering === null || item.backingV1 === null || item.steun.backing === null) return null;
  return `${item.steunVerandering === "meer" ? s.kader.meer : s.kader.minder}: ${s.kader.steunMove(item.backingV1, item.steun.backing)}`;
}

/** "Steun gewijzigd" with its direction as an arrow and a word, and the shares before and after. */
export function SteunMoveBadge({ item }: { item: KaderV2Item }) {
  const label = steunMoveLabel(item);
  if (label === null) return null;
  const meer = item.steunVerandering === "meer";
  return (
    <span class={`tk-badge tk-badge-${meer ? "meer" : "minder"}`}>
      <span class="tk-badge-icon" aria-hidden="true">{meer ? "↑" : "↓"}</span>
      {label}
    </span>
  );
}

/** The anonymous texts people wrote about one item, under three small headings. */
export function GroupTexts({ reflecties, headingLevel = 4 }: { reflecties: KaderV2Item["reflecties"]; headingLevel?: 3 | 4 }) {
  const groups = [
    { key: "goed", title: s.reflectie.goedTitle, texts: reflecties.goed },
    { key: "beter", title: s.reflectie.beterTitle, texts: reflecties.beter },
    { key: "indicator", title: s.reflectie.indicatorTitle, texts: reflecties.indicatoren },
  ].filter((g) => g.texts.length > 0);
  if (groups.length === 0) return <p class="small muted">{s.reflectie.noAnswers}</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div class="tk-texts">
      {groups.map((g) => (
        <section key={g.key} class={`tk-texts-group tk-texts-${g.key}`}>
          <Heading class="tk-texts-title">{g.title}</Heading>
          <ul>
            {g.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export const textCount = (r: KaderV2Item["reflecties"]): number => r.goed.length + r.beter.length + r.indicatoren.length;
export const answerCount = (r: KaderV2Item["reflecties"]): number => r.ja + r.deels + r.nee;
