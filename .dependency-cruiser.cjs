// Imports point down only: routes → models → lib; utils are plumbing under both. `npm test` runs this
// (npm run depcruise); a rule broken here fails the build, not a review.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-is-pure",
      comment:
        "app/lib holds pure logic: no React, no database, no domain modules, no request plumbing (the domain's vocabulary, db/schema/enums.ts, is plain constants)",
      severity: "error",
      from: { path: "^app/lib/", pathNot: "\\.test\\.ts$" },
      to: {
        path: [
          "^app/(models|utils|http|routes|components)/",
          "^db/",
          "^tests/",
          "node_modules/(react|react-dom|@remix-run|better-sqlite3|drizzle-orm)/",
        ],
        pathNot: "^db/schema/enums\\.ts$",
      },
    },
    {
      name: "lib-tests-are-pure",
      comment: "tests of app/lib may read the demo text as a fixture (db/seed), nothing else outside lib",
      severity: "error",
      from: { path: "^app/lib/.*\\.test\\.ts$" },
      to: {
        path: [
          "^app/(models|utils|http|routes|components)/",
          "^db/(client|schema|migrations)",
          "node_modules/(react|react-dom|@remix-run|better-sqlite3|drizzle-orm)/",
        ],
        pathNot: "^db/schema/enums\\.ts$",
      },
    },
    {
      name: "vocabulary-imports-nothing",
      comment: "db/schema/enums.ts is the domain's vocabulary, shared by lib, routes and schema: it imports nothing",
      severity: "error",
      from: { path: "^db/schema/enums\\.ts$" },
      to: {},
    },
    {
      name: "utils-below-models",
      comment: "app/utils is plumbing the domain uses; it must not reach up into app/models",
      severity: "error",
      from: { path: "^app/utils/" },
      to: { path: "^app/(models|http|routes)/" },
    },
    {
      name: "routes-through-models",
      comment: "routes call the domain; they never touch the database schema or client directly",
      severity: "error",
      from: { path: "^app/routes/" },
      to: { path: "^db/", pathNot: "^db/schema/enums\\.ts$" },
    },
    {
      name: "routes-without-db-handle",
      comment:
        "routes get the database inside ctx from the session helpers and hand ctx to the domain; only the pages before a session exists (login, logout, the language switch) and the health check open it themselves (tests/integration/routes-through-domain.test.ts checks what they call)",
      severity: "error",
      from: { path: "^app/(routes|http)/", pathNot: "^app/routes/(login\\.tsx|logout\\.tsx|locale\\.tsx|healthz\\.ts)$" },
      to: { path: "^app/utils/db\\.server\\.ts$" },
    },
    {
      name: "app-not-seed",
      comment:
        "the app does not depend on the demo seed (the demo password is in utils/config.server.ts); the one exception is the composition root, entry.server.tsx, which seeds an empty database before the server listens",
      severity: "error",
      from: { path: "^app/", pathNot: ["\\.test\\.ts$", "^app/entry\\.server\\.tsx$"] },
      to: { path: "^db/seed/" },
    },
    {
      name: "models-not-http",
      comment: "the domain returns data; HTTP responses are built above it (app/http, routes)",
      severity: "error",
      from: { path: "^app/(models|lib)/" },
      to: { path: "^app/(http|routes|components)/" },
    },
    {
      name: "no-cycles",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^build/", "^node_modules/", "^\\.tmp/", "^test-results/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"],
    },
  },
};
