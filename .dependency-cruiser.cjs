/**
 * The import rule of docs/architecture.md, checked by `npm run check:imports` (part of `npm test`): every arrow in the
 * picture that is not allowed fails the run with the rule's name and the two files.
 */
module.exports = {
  forbidden: [
    {
      name: "shared-imports-neither-side",
      comment: "shared/ is the layer both sides import; it imports only npm packages and itself.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^(server|game|tools|tests)/" },
    },
    {
      name: "game-not-to-server",
      comment: "The browser imports the wire and the words from shared/, never server code.",
      severity: "error",
      from: { path: "^game/" },
      to: { path: "^(server|tools|tests)/" },
    },
    {
      name: "server-not-to-game",
      comment: "Server pages and exports take the words and the theme from shared/, never from the client.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^(game|tools|tests)/" },
    },
    {
      name: "core-is-pure",
      comment: "The rules in server/core are pure: no room, store, HTTP or runtime module; only shared/ and packages.",
      severity: "error",
      from: { path: "^server/core/" },
      to: { path: "^server/(?!core/)" },
    },
    {
      name: "core-no-io",
      comment: "The rules in server/core do no input or output.",
      severity: "error",
      from: { path: "^server/core/" },
      to: { dependencyTypes: ["core"], path: "^(node:)?(fs|net|http|https|child_process|worker_threads|sqlite)$" },
    },
    {
      name: "render-below-http",
      comment:
        "server/render makes every server page from the data it is given (one escape, one shell, one stylesheet); the routes, rooms and store call it, never the other way. That no page is made elsewhere is tests/integration/pages.csp.test.ts.",
      severity: "error",
      from: { path: "^server/render/" },
      to: { path: "^server/(http|rooms|store)/|^server/(app|main|sessions)\\.ts$" },
    },
    {
      name: "no-circular",
      comment: "A circle of imports hides which module is the lower one; break it with a module both can import.",
      severity: "error",
      from: { path: "^(shared|server|game)/" },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
