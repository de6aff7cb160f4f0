// npm run build - the production build: Next's (.next/) and the server's own entry
// points compiled ahead of time (dist/), so that `npm start` runs plain `node` and
// nothing compiles TypeScript while the app serves. Plain JavaScript because it runs
// before anything is compiled: `npm start` on a fresh clone calls it first.
//
//   node scripts/build.mjs             build everything
//   node scripts/build.mjs --if-stale  only when there is no build or a source file is
//                                      newer than the one the last build started from
//                                      (`npm start` must work right after `npm install`,
//                                      and keep working after a pull)
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const SERVER_OUT_DIR = "dist";
/** The processes `npm start` runs: the launcher and what it forks (start-up work, web processes, queue worker). */
const SERVER_ENTRIES = [
  "scripts/start.ts",
  "scripts/prepare-process.ts",
  "scripts/web-process.ts",
  "scripts/worker-process.ts",
];

/**
 * The two builds, each redone when a file among its sources is newer than the newest
 * one it was last built from (kept in its marker file): an edit to a script costs the
 * server's second of esbuild, not Next's minutes.
 */
const PARTS = [
  {
    name: "Next.js app",
    sources: ["app", "components", "lib", "next.config.mjs", "postcss.config.mjs"],
    outputs: [".next/BUILD_ID"],
    marker: ".next/inbox-sources-mtime",
    build: buildNext,
  },
  {
    name: "server entry points",
    sources: ["lib", "scripts"],
    outputs: SERVER_ENTRIES.map((entry) => outputOf(entry)),
    marker: path.join(SERVER_OUT_DIR, "sources-mtime"),
    build: buildServerEntries,
  },
];
/** Sources of both: what they resolve packages and paths with. */
const SHARED_SOURCES = ["package-lock.json", "tsconfig.json"];

/** @param {string} entry */
function outputOf(entry) {
  return path.join(SERVER_OUT_DIR, `${path.parse(entry).name}.js`);
}

/** @param {string} entry */
function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/** @param {(typeof PARTS)[number]} part */
function newestSourceMtime(part) {
  return Math.max(...[...part.sources, ...SHARED_SOURCES].map(newestMtime));
}

/** @param {(typeof PARTS)[number]} part */
function isStale(part) {
  if (!existsSync(part.marker) || !part.outputs.every((file) => existsSync(file))) return true;
  // Compared with what the build started from, so an edit made during a build counts.
  return newestSourceMtime(part) > Number(readFileSync(part.marker, "utf8"));
}

const LOCK_DIR = ".next-build.lock";
const LOCK_STALE_MS = 10 * 60_000;

/** mkdir is atomic: whoever creates the directory builds; others wait for it. */
function acquireBuildLock() {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      return;
    } catch {
      const lockedAt = statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > LOCK_STALE_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

function buildNext() {
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

/**
 * One ES module per entry with our own code inlined (the `@/` paths resolve through
 * tsconfig.json) and every package left to node_modules, as Next's server leaves them:
 * the launcher and Next's bundle then load the same copy of each package.
 */
async function buildServerEntries() {
  rmSync(SERVER_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: SERVER_ENTRIES,
    outdir: SERVER_OUT_DIR,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

async function main() {
  const ifStale = process.argv.includes("--if-stale");
  const needed = () => PARTS.filter((part) => !ifStale || isStale(part));
  if (!needed().length) return;
  // Two launchers (or test runs) at once must not write .next and dist/ together.
  acquireBuildLock();
  try {
    for (const part of needed()) {
      if (ifStale) console.log(`building the ${part.name} (first start or sources changed) ...`);
      const startedFrom = newestSourceMtime(part);
      await part.build();
      writeFileSync(part.marker, String(startedFrom));
    }
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

await main();
