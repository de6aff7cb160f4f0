// The database both retention benchmarks (bench-retention.ts, bench-retention-wal.ts) work
// on: the environment lib/ code reads (once, on first use, so it is set before any lib/
// module that reads it loads), the migrations, and a seed that is all past the window.
import { TEST_SECRET_KEY } from "@/tests/support/app-server";

const DAY_MS = 86_400_000;

/** Points this process's lib/ code at `url` with the default windows (30 days, failed 7) and migrates it. */
export async function useRetentionBenchDatabase(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  process.env.INBOX_SECRET_KEY = TEST_SECRET_KEY;
  process.env.INBOX_RETENTION_DAYS = "30";
  process.env.INBOX_FAILED_RETENTION_DAYS = "7";
  const { applyMigrations } = await import("@/lib/db/migrate");
  await applyMigrations(url);
}

/** Deliveries 40-45 days old: everything the seed writes is past the default 30-day window. Seconds taken. */
export async function seedExpiredDeliveries(deliveries: number): Promise<number> {
  const { fillDeliveries } = await import("@/lib/seed/mutations");
  const started = Date.now();
  await fillDeliveries({ deliveries, days: 5, now: new Date(Date.now() - 40 * DAY_MS) });
  return (Date.now() - started) / 1000;
}
