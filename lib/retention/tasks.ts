// The queue's retention task (graphile-worker): its crontab runs it at the top of every
// hour, once across all app processes (graphile-worker records each cron slot it queued
// in known_crontabs). A run that fails is not retried: the next hour's run does the work.
import { RETENTION_TASK } from "@/lib/queue/tasks";
import { runRetention } from "./mutations";

/** Hourly, no retries (?max=1); a slot missed while no worker ran is not made up. */
export const RETENTION_CRONTAB = `0 * * * * ${RETENTION_TASK} ?max=1`;

export async function runRetentionTask(): Promise<void> {
  const result = await runRetention();
  // Another process is running one: nothing to do this hour.
  if (!result) return;
  if (
    result.deliveries +
      result.events +
      result.jobs +
      result.attempts +
      result.polls +
      result.alerts >
    0
  )
    console.log(
      `retention: removed ${result.deliveries} deliveries, ${result.events} events, ${result.jobs} jobs, ` +
        `${result.attempts} attempts, ${result.polls} polls, ${result.alerts} alerts in ${result.durationMs} ms`,
    );
}
