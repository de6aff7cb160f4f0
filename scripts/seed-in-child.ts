// Fills a database with `npm run db:seed -- --deliveries N` in a child process, as the
// benchmarks that need stored data do (bench:dashboard, bench's "after N deliveries" row).
import { spawnSync } from "node:child_process";
import { TEST_SECRET_KEY } from "@/tests/support/app-server";

export function seedDeliveries(
  url: string,
  deliveries: number | string,
  days: number | string = 30,
): void {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/seed.ts",
      "--deliveries",
      String(deliveries),
      "--days",
      String(days),
    ],
    {
      // The app started afterwards opens the seeded secrets with the same key.
      env: { ...process.env, DATABASE_URL: url, INBOX_SECRET_KEY: TEST_SECRET_KEY },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (result.status !== 0) throw new Error(`seeding failed (exit ${result.status})`);
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
