// The queue's reseal of stored deliveries' credential headers (lib/deliveries/mutations.ts),
// queued when the worker starts. In the queue, after the app listens, rather than in the
// start-up step: after a key rotation every delivery with a credential header is resealed,
// which at millions of rows took minutes, all of them with the ingest URL down. Meanwhile
// nothing is unreadable: every read opens values under the current or a previous key,
// and masks plain ones.
import { setTimeout as sleep } from "node:timers/promises";
import { getLogger } from "@/lib/log/logger";
import { resealDeliveryHeaderBatch } from "./mutations";

const BATCH = 500;
/** After each batch it rests three times as long as the batch took: busy a quarter of the time. */
const REST_FACTOR = 3;

export async function runResealDeliveriesTask(): Promise<void> {
  const started = performance.now();
  let changed = 0;
  for (;;) {
    const batchStarted = performance.now();
    const batch = await resealDeliveryHeaderBatch(BATCH);
    changed += batch.changed;
    if (batch.found < BATCH) break;
    await sleep((performance.now() - batchStarted) * REST_FACTOR);
  }
  if (changed > 0)
    getLogger().info(
      { rows: changed, durationMs: Math.round(performance.now() - started) },
      "credential headers of stored deliveries sealed with the current key",
    );
}
