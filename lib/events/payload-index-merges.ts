// The payload search index (events_payload_trgm_idx: GIN over payload::text) takes each
// new event's trigrams into its pending list, and PostgreSQL merges that list into the
// index once it passes gin_pending_list_limit (4 MB): inside whichever insert passed it.
// That ingest then held its commit group, and every callback waiting in it, for the whole
// merge, which grows with the index (README, "Benchmark" > "What each lever bought").
// The queue worker merges the list every second instead, off the ingest path. An insert
// that passes the limit while a merge runs leaves the work to it (PostgreSQL's own rule:
// only one merge at a time, and an insert never waits for one).
import { getLogger } from "@/lib/log/logger";
import { mergePayloadIndexPendingList } from "./mutations";

/** Often enough that the list stays far below its limit at the rates ingest reaches. */
const MERGE_EVERY_MS = 1_000;

/** A merge every second until stopped; one that fails (database down) is logged and tried again. */
export function startPayloadIndexMerges(): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = mergePayloadIndexPendingList()
        .then(
          () => undefined,
          (error: unknown) =>
            getLogger().error(
              { err: error },
              "payload search index: merging its pending list failed; trying again in a second",
            ),
        )
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, MERGE_EVERY_MS);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
