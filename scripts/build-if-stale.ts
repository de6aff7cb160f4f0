// `npm start` must work right after `npm install`, and keep working after a pull:
// build the production bundle when there is none or when a source file is newer.
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

const SOURCES = [
  "app",
  "components",
  "lib",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
/** Written after a successful build: the newest source mtime the build started from. */
const BUILD_MARKER = ".next/inbox-sources-mtime";

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

function newestSourceMtime(): number {
  return Math.max(...SOURCES.map(newestMtime));
}

export function isBuildStale(): boolean {
  if (!existsSync(BUILD_MARKER) || !existsSync(".next/BUILD_ID")) return true;
  // Compared with what the build started from, so an edit made during a build counts.
  return newestSourceMtime() > Number(readFileSync(BUILD_MARKER, "utf8"));
}

const LOCK_DIR = ".next-build.lock";
const LOCK_STALE_MS = 10 * 60_000;

/** mkdir is atomic: whoever creates the directory builds; others wait for it. */
function acquireBuildLock(): void {
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

export function buildIfStale(log: (line: string) => void = console.log): void {
  if (!isBuildStale()) return;
  // Two launchers (or test runs) at once must not write .next together.
  acquireBuildLock();
  try {
    if (!isBuildStale()) return;
    log("building the app (first start or sources changed) ...");
    const startedFrom = newestSourceMtime();
    const result = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
    writeFileSync(BUILD_MARKER, String(startedFrom));
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) buildIfStale();
