// The queue's usage recount (graphile-worker): every five minutes by the crontab, once
// across all app processes, and at once when a retention run removed rows or the worker
// starts (queueSingleJob in lib/queue/mutations.ts). The Endpoints page shows each
// count's age, so a missed slot is not made up.
import { getLogger } from "@/lib/log/logger";
import { USAGE_TASK } from "@/lib/queue/tasks";
import { recountEndpointsUsage } from "./mutations";

/** Every five minutes, no retries; sharing the job key with the one-off recounts. */
export const USAGE_CRONTAB = `*/5 * * * * ${USAGE_TASK} ?max=1&jobKey=${USAGE_TASK}&jobKeyMode=preserve_run_at`;

export async function runUsageRecountTask(): Promise<void> {
  const started = performance.now();
  const endpoints = await recountEndpointsUsage();
  getLogger().debug(
    { endpoints, durationMs: Math.round(performance.now() - started) },
    "usage: endpoints counted",
  );
}
