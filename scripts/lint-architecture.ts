// The layer rules (.dependency-cruiser.mjs) plus one check dependency-cruiser cannot
// express: no import cycles between lib/ folders. Modules collapse to their folder
// (lib/forwarding/tasks.ts -> lib/forwarding) and any strongly connected set of two or
// more folders is a cycle, reported with the imports that hold it.
//
// Folder edges count runtime imports only: a type-only import is erased at compile time
// and does not decide which folder has to load first (the three cycles were
// counted the same way).
//
// `npm run lint` runs this after `prettier --check .`; tests/unit/lint-rules.test.ts calls
// checkArchitecture() on a temporary copy of the tree with violations planted.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  cruise,
  type ICruiseResult,
  type IConfiguration,
  type IForbiddenRuleType,
} from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

/** What the rules look at: everything that ships. tests/ may reach anything. */
const SOURCES = ["app", "components", "lib", "scripts", "proxy.ts"];

export type FolderCycle = { folders: string[]; imports: string[] };
export type ArchitectureReport = { problems: string[]; folderCycles: FolderCycle[] };

export async function checkArchitecture(root: string): Promise<ArchitectureReport> {
  const configUrl = pathToFileURL(path.join(root, ".dependency-cruiser.mjs")).href;
  const config = (await import(configUrl)).default as IConfiguration;
  const previous = process.cwd();
  // dependency-cruiser resolves relative to the working directory (paths in its result too).
  process.chdir(root);
  try {
    const tsConfigFile = path.join(root, "tsconfig.json");
    const run = async (rules: IConfiguration["forbidden"], withTypeImports: boolean) => {
      const result = await cruise(
        SOURCES,
        {
          ...config.options,
          ruleSet: { ...config, forbidden: rules },
          validate: true,
          tsConfig: { fileName: tsConfigFile },
          tsPreCompilationDeps: withTypeImports,
        },
        undefined,
        { tsConfig: extractTSConfig(tsConfigFile) },
      );
      return result.output as ICruiseResult;
    };
    // "Reaches at run time" rules walk runtime imports only (dependency-cruiser's
    // reachable rules cannot skip type-only edges): a second cruise without type imports.
    const isRuntimeRule = (rule: IForbiddenRuleType) => "to" in rule && "reachable" in rule.to;
    const output = await run(
      (config.forbidden ?? []).filter((rule) => !isRuntimeRule(rule)),
      true,
    );
    const runtime = await run((config.forbidden ?? []).filter(isRuntimeRule), false);
    const problems = [
      ...(output.summary.violations ?? []),
      ...(runtime.summary.violations ?? []),
    ].map((violation) => {
      const via = violation.via?.length
        ? ` (via ${violation.via.map((step) => step.name).join(" -> ")})`
        : "";
      const cycle = violation.cycle?.length
        ? ` (cycle ${violation.cycle.map((step) => step.name).join(" -> ")})`
        : "";
      return `${violation.rule.name}: ${violation.from} -> ${violation.to}${via}${cycle}`;
    });
    problems.push(...findClientReachingServer(runtime, root));
    const folderCycles = findFolderCycles(output);
    for (const cycle of folderCycles)
      problems.push(
        `lib-folder-cycle: ${cycle.folders.join(", ")}\n    ${cycle.imports.join("\n    ")}`,
      );
    return { problems, folderCycles };
  } finally {
    process.chdir(previous);
  }
}

/** lib/forwarding/tasks.ts -> lib/forwarding; a file directly in lib/ is its own node (lib/env.ts -> lib/env). */
/**
 * What `import "server-only"` would stop at build time, checked here instead: a module
 * that opens the database, reads the environment or holds the secret box must not end up
 * in a browser bundle. From every "use client" module, follow runtime imports, except
 * into "use server" modules (a client bundle gets a reference to a server action, not its
 * code), and report any server module reached. (The package itself throws when loaded
 * outside Next's server bundles, and the worker, the CLI, the scripts and the tests load
 * these modules with plain Node.)
 */
export const SERVER_MODULES = [
  /^lib\/db\//,
  /^lib\/env\.ts$/,
  /^lib\/secrets\//,
  /(^|\/)node_modules\/(pg|@prisma\/adapter-pg)\//,
];

function findClientReachingServer(result: ICruiseResult, root: string): string[] {
  const directive = (source: string) => {
    if (!/\.(ts|tsx|mjs|js)$/.test(source) || source.includes("node_modules/")) return null;
    try {
      return /^\s*(?:\/\/[^\n]*\n\s*)*["'](use client|use server)["']/.exec(
        readFileSync(path.join(root, source), "utf8"),
      )?.[1];
    } catch {
      return null;
    }
  };
  const byPath = new Map(result.modules.map((module) => [module.source, module]));
  const problems: string[] = [];
  for (const start of result.modules) {
    if (directive(start.source) !== "use client") continue;
    const seen = new Set([start.source]);
    const queue: Array<{ at: string; path: string[] }> = [{ at: start.source, path: [] }];
    while (queue.length > 0) {
      const next = queue.shift();
      if (!next) break;
      for (const dependency of byPath.get(next.at)?.dependencies ?? []) {
        const to = dependency.resolved;
        if (seen.has(to) || dependency.dependencyTypes.includes("type-only")) continue;
        seen.add(to);
        const trail = [...next.path, to];
        if (SERVER_MODULES.some((pattern) => pattern.test(to))) {
          problems.push(
            `client-never-reaches-server-modules: ${start.source} -> ${to} (via ${trail.join(" -> ")})`,
          );
          continue;
        }
        if (directive(to) === "use server") continue;
        queue.push({ at: to, path: trail });
      }
    }
  }
  return problems;
}

function libFolder(modulePath: string): string | null {
  return /^(lib\/[^/.]+)(\/|\.[cm]?tsx?$)/.exec(modulePath)?.[1] ?? null;
}

export function findFolderCycles(result: ICruiseResult): FolderCycle[] {
  const edges = new Map<string, Set<string>>();
  const holding = new Map<string, string[]>();
  for (const module of result.modules) {
    const from = libFolder(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      if (dependency.dependencyTypes.includes("type-only")) continue;
      const to = libFolder(dependency.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
      const key = `${from} ${to}`;
      holding.set(key, [...(holding.get(key) ?? []), `${module.source} -> ${dependency.resolved}`]);
    }
  }
  return stronglyConnected(edges)
    .filter((folders) => folders.length > 1)
    .map((folders) => {
      const members = new Set(folders);
      const imports = [...holding.entries()]
        .filter(([key]) => key.split(" ").every((folder) => members.has(folder)))
        .flatMap(([, list]) => list)
        .sort();
      return { folders: folders.sort(), imports };
    });
}

/** Tarjan's algorithm: the graph's strongly connected components. */
function stronglyConnected(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((set) => [...set])]);
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return components;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { problems } = await checkArchitecture(process.cwd());
  if (problems.length > 0) {
    console.error(`Architecture rules: ${problems.length} problem(s)\n`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log("Architecture rules: no problems.");
}
