/**
 * The game's typeface for the pages the server makes itself (scenario preview, trainer overview, patterns, landing):
 * the client gets Atkinson Hyperlegible Next through its build, these pages named it without loading it, so they
 * showed the system font wherever Atkinson was not installed. Only the four files the faces in
 * server/render/styles.ts name are served, from the @fontsource package the client is built with.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Application } from "express";
import { FONT_FILES, FONT_PATH } from "../render/fonts.ts";

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@fontsource/atkinson-hyperlegible-next/package.json")), "files");
}

export function registerFontRoutes(app: Application): void {
  const dir = fontDir();
  const allowed: ReadonlySet<string> = new Set(FONT_FILES);
  app.get(`${FONT_PATH}/:file`, (req, res, next) => {
    const file = req.params.file;
    // Only the named files: nothing else of the package (or of the disk) by this path.
    if (!allowed.has(file)) return next();
    // The package's version is in the file's content, not its name: a day, not forever.
    res.set({ "cache-control": "public, max-age=86400" }).type("font/woff2").sendFile(join(dir, file));
  });
}
