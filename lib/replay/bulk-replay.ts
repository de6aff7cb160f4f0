// POST /api/replays: every event matching the Inbox's filters (the same query as
// GET /api/events) is queued for one replay; the batch row counts them, and its
// attempts (batch_id) say how far it got.
import type { z } from "zod";
import type { Principal } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db/client";
import { getDestination } from "@/lib/destinations/data";
import { listEvents } from "@/lib/events/data";
import { enqueueReplaysStatement } from "@/lib/forwarding/queue";
import { AppError } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { BULK_REPLAY_CAP, type bulkReplaySchema } from "./schema";

export async function startBulkReplay(input: z.infer<typeof bulkReplaySchema>, principal: Principal): Promise<{ id: string; total: number }> {
  if (input.destinationId !== undefined) await getDestination(input.destinationId);
  const page = await listEvents({ ...input.filter, limit: BULK_REPLAY_CAP, cursor: undefined });
  if (page.nextCursor !== null) {
    throw new AppError("validation_failed", `filter: more than ${BULK_REPLAY_CAP.toLocaleString("en")} events match; narrow it (e.g. from/to)`);
  }
  const id = newId("rpl");
  const eventIds = page.items.map((event) => event.id);
  await getDb().$transaction([
    getDb().replayBatch.create({ data: { id, total: eventIds.length, createdBy: principalScope(principal) } }),
    enqueueReplaysStatement(eventIds, { batchId: id, destinationId: input.destinationId ?? null, url: input.url ?? null, resign: input.resign ?? null }),
  ]);
  return { id, total: eventIds.length };
}

/** Who is acting, as stored with a batch and as the scope of an Idempotency-Key. */
export function principalScope(principal: Principal): string {
  return principal.kind === "operator" ? "operator" : principal.user.id;
}
