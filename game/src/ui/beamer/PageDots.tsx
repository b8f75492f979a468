/** Which page of a long list the beamer shows now ("2 / 3"), since it turns pages by itself. */
import { t } from "#shared/strings/index.ts";

/** `label`: the words under the dots ("2 / 3" for a page; "Deel 2 van 3" for a part of a long text). */
export function PageDots({ index, count, label = t.beamer.page }: { index: number; count: number; label?: (n: number, total: number) => string }) {
  if (count <= 1) return null;
  return (
    <p class="page-dots">
      <span aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <span key={i} class={`page-dot ${i === index ? "on" : ""}`} />
        ))}
      </span>
      <span>{label(index + 1, count)}</span>
    </p>
  );
}
