// The layer rules of DESIGN.md §3, checked by `npm run lint` (scripts/lint-architecture.ts),
// which also finds cycles between lib/ folders from the same cruise.
//
// Why dependency-cruiser rather than ESLint import restrictions: the rule that matters most,
// "a component never reaches the database, even through a module it imports", is about
// the whole import graph, not one import statement. ESLint's no-restricted-imports sees
// one file at a time; dependency-cruiser resolves the graph (tsconfig paths included) and
// has `reachable` rules for exactly this, and its JSON result is what the lib/ folder-cycle
// check collapses to folders. It needs no ESLint set-up the project does not otherwise have.
//
// Two checks live in scripts/lint-architecture.ts because they need more than a rule: no
// cycles between lib/ folders, and "a \"use client\" module never reaches a server module
// (lib/db, lib/env.ts, lib/secrets)", which is what `import "server-only"` would check at
// build time; the package itself throws under plain Node, and the worker, the CLI, the
// scripts and the tests all load these modules outside Next's bundles.
//
// Type-only imports are part of the graph for the layer rules (a component importing a type
// from app/ still couples the layers), but not for the database rules below: an
// `import type { Prisma }` is erased at compile time and opens no connection. The
// `reachable` rules ("never reaches ... at run time") are checked by scripts/lint-architecture.ts
// in a second cruise without type-only imports, as reachable rules cannot filter edge types.

/** The database: the one Prisma client module (and the code Prisma generates for it) and the pg driver. */
const DB_CLIENT = [
  "^lib/db/client\\.ts$",
  "^lib/db/generated/",
  "(^|/)node_modules/(pg|@prisma/adapter-pg)/",
];

/**
 * Modules outside lib/**\/data.ts, lib/**\/mutations.ts and lib/db/** allowed to import the
 * database, each with its reason. Keep this short: a new entry needs a reason as good.
 */
const DB_EXCEPTIONS = {
  // better-auth's Prisma adapter takes the client object itself: the library runs the
  // queries, so there is no data.ts to put them in.
  "^lib/auth/auth\\.ts$": "better-auth's prismaAdapter is handed the client",
  // Process entry points that end the pool when they are done; the seed also lends its
  // summary (lib/seed/summary.ts) the pool. Their queries live in lib/.
  "^scripts/worker-process\\.ts$": "ends the pool when the worker stops",
  "^scripts/prepare-process\\.ts$": "ends the pool when the start-up work is done",
  "^scripts/seed\\.ts$": "ends the pool when done, and lends the seed summary the pool",
  // The retention benchmarks seed and run retention through lib/ in their own process, then
  // end the pool.
  "^scripts/bench-retention(-wal)?\\.ts$": "ends the pool when done",
};

/** What opens a connection: the client module and the pg driver (the generated code is reached only through the client). */
const DB_RUNTIME = ["^lib/db/client\\.ts$", "(^|/)node_modules/(pg|@prisma/adapter-pg)/"];

export default {
  forbidden: [
    {
      name: "components-import-no-app",
      comment:
        "components never import app/: a page passes its server actions in as props (DESIGN.md §3).",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-imports-no-app-or-components",
      comment: "lib/ is below app/ and components/ and never imports them.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-never-reach-db",
      comment:
        "a component never reaches the database client or the pg pool, not even through a module it imports: split the pure part (formatting, types) out of the module that queries.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: DB_RUNTIME, reachable: true },
    },
    {
      name: "components-never-reach-env-or-secrets",
      comment:
        "server configuration and the secret box are server-only: a component (client or server) never reaches them, even through a module it imports.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: ["^lib/env\\.ts$", "^lib/secrets/"], reachable: true },
    },
    {
      name: "db-client-only-in-data-modules",
      comment:
        "only lib/**/data.ts, lib/**/mutations.ts and lib/db/** import the database client or pool; move the query into one of them (exceptions, with reasons, in DB_EXCEPTIONS).",
      severity: "error",
      from: {
        path: "^(app|components|lib|scripts)/",
        pathNot: ["^lib/.+/(data|mutations)\\.ts$", "^lib/db/", ...Object.keys(DB_EXCEPTIONS)],
      },
      to: { path: DB_CLIENT, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-module-cycles",
      comment:
        "no import cycles between modules (cycles between lib/ folders: lint-architecture.ts).",
      severity: "error",
      from: {},
      // Runtime cycles: a type-only import on the way is erased and orders no loading.
      to: {
        circular: true,
        dependencyTypesNot: ["type-only"],
        viaOnly: { dependencyTypesNot: ["type-only"] },
      },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Prisma's generated code is reached only through lib/db/client.ts: not worth walking.
    doNotFollow: { path: ["(^|/)node_modules/", "^lib/db/generated/"] },
    exclude: { path: "(^|/)(node_modules|\\.next|\\.data)/" },
    enhancedResolveOptions: {
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
    },
  },
};
