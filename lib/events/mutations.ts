// Writes to the events' own structures that are not part of storing a callback (that is
// lib/ingest/mutations.ts).
import { getPool } from "@/lib/db/client";

const PAYLOAD_SEARCH_INDEX = "events_payload_trgm_idx";

/**
 * Merges the payload search index's pending list into the index now (waiting for a merge
 * already running); answers how many list pages it emptied.
 */
export async function mergePayloadIndexPendingList(): Promise<number> {
  const { rows } = await getPool().query<{ pages: string }>(
    "SELECT gin_clean_pending_list($1::regclass) AS pages",
    [PAYLOAD_SEARCH_INDEX],
  );
  return Number(rows[0]?.pages ?? 0);
}
