// The queue's retention task (graphile-worker): its crontab runs it at the top of every
// hour, once across all app processes (graphile-worker records each cron slot it queued
// in known_crontabs). A run that fails is not retried: the next hour's run does the work.
import { getLogger } from "@/lib/log/logger";
import { recordRetentionRun } from "@/lib/metrics/app-metrics";
import { RETENTION_TASK } from "@/lib/queue/tasks";
import { runRetention } from "./mutations";

/** Hourly, no retries (?max=1); a slot missed while no worker ran is not made up. */
export const RETENTION_CRONTAB = `0 * * * * ${RETENTION_TASK} ?max=1`;

export async function runRetentionTask(): Promise<void> {
  const result = await runRetention().catch((error: unknown) => {
    recordRetentionRun("hourly", "failed");
    throw error;
  });
  // Another process is running one: nothing to do this hour.
  if (!result) return recordRetentionRun("hourly", null);
  recordRetentionRun("hourly", result);
  const { deliveries, events, jobs, attempts, polls, alerts, durationMs } = result;
  if (deliveries + events + jobs + attempts + polls + alerts > 0)
    getLogger().info(
      { deliveries, events, jobs, attempts, polls, alerts, durationMs },
      "retention: rows removed",
    );
}
