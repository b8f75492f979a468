/**
 * The server's own pages with more to read (preview, trainer pages, landing) load the game's typeface from the server
 * itself: the four files their stylesheet names, and nothing else by that path.
 */
import { describe, expect, it } from "vitest";
import { FONT_FILES, FONT_PATH } from "../../server/render/fonts.ts";
import { stylesheet } from "../../server/render/styles.ts";
import { useTestServer } from "./harness.ts";

describe("de letter van de serverpagina's", () => {
  const fixture = useTestServer();

  it("serves every file the stylesheet names, as woff2, and each one the stylesheet names is among them", async () => {
    const named = [...stylesheet("preview").matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(FONT_FILES.map((file) => `${FONT_PATH}/${file}`).sort());
    // A notice (a 404, an error) stays a short answer: no typeface to load.
    expect(stylesheet("notice")).not.toContain("@font-face");
    for (const path of named) {
      const answer = await fetch(`${fixture.baseUrl}${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get("content-type"), path).toBe("font/woff2");
      const bytes = new Uint8Array(await answer.arrayBuffer());
      // Every WOFF2 file begins with its signature.
      expect(new TextDecoder().decode(bytes.subarray(0, 4)), path).toBe("wOF2");
    }
  });

  it("answers nothing else of the package or the disk by that path (a Dutch 404)", async () => {
    for (const path of ["atkinson-hyperlegible-next-latin-400-normal.woff", "..%2Fpackage.json", "%2E%2E%2F%2E%2E%2Fpackage.json", "index.css", ""]) {
      const answer = await fetch(`${fixture.baseUrl}${FONT_PATH}/${path}`);
      expect(answer.status, path).toBe(404);
      expect(await answer.text(), path).toContain("Niet gevonden");
    }
  });
});
