/** Which page of a long list the beamer shows now ("2 / 3"), since it turns pages by itself. */
import { t } from "#shared/strings/index.ts";

export function PageDots({ index, count }: { index: number; count: number }) {
  if (count <= 1) return null;
  return (
    <p class="page-dots">
      <span aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <span key={i} class={`page-dot ${i === index ? "on" : ""}`} />
        ))}
      </span>
      <span>{t.beamer.page(index + 1, count)}</span>
    </p>
  );
}
