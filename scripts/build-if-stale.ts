// For the TypeScript callers (benchmarks, the test run's set-up): the production build
// (scripts/build.mjs) when there is none or a source is newer than it.
import { spawnSync } from "node:child_process";

export function buildIfStale(): void {
  const result = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status})`);
}
