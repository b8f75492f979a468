/**
 * Imported first by main.tsx, before any module builds a zod schema. The server sends the pages with a
 * Content-Security-Policy that forbids eval; zod probes for it (`new Function`) when it builds an object schema, and the
 * browser reports each probe as a violation even though zod catches it. Jitless, zod parses the same without probing.
 */
import { z } from "zod";

z.config({ jitless: true });
