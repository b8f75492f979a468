/** The bar at the bottom of a phone screen: the actions a thumb reaches (klaar, points left). Sticks while scrolling. */
import type { ComponentChildren } from "preact";
import "../../../../styles/participant.css";

export function Dock({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <div class="p-dock" role="region" aria-label={label}>
      <div class="p-dock-inner">{children}</div>
    </div>
  );
}
