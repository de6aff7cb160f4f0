// POST /api/replays and the Inbox's "Replay matching events": every event matching the
// Inbox's filters (the same filters as GET /api/events), oldest first, is queued for
// one replay; the batch row counts them, and its attempts (batch_id) say how far it
// got. With an Idempotency-Key, a repeat of the request (double click, second tab, a
// client's retry) answers the batch the first one started and queues nothing; two at
// the same moment are settled by the unique index on (scope, key).
import type { z } from "zod";
import type { AuditActor, AuditEntryInput } from "@/lib/audit/types";
import type { Principal } from "@/lib/auth/authenticate";
import type { Role } from "@/lib/auth/roles";
import { isUniqueViolation } from "@/lib/db/errors";
import { getDestination } from "@/lib/destinations/data";
import { listMatchingEvents } from "@/lib/events/data";
import { requireBulkResignAllowed } from "@/lib/forwarding/resign-policy";
import { AppError } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { findReplayBatchByKey } from "./data";
import { createReplayBatch } from "./mutations";
import { BULK_REPLAY_CAP, type bulkReplaySchema } from "./schema";
import { resignModeOf } from "./target";

type BulkReplayInput = z.infer<typeof bulkReplaySchema>;
export type StartedBulkReplay = { id: string; total: number; isRepeat: boolean };

/**
 * `actor`: principalScope of who asks; it owns the batch and scopes the key. `role`:
 * theirs, for the re-signing rules (a batch that may not be re-signed is refused whole).
 * `auditActor`: the same caller, as the audit log names them.
 */
export async function startBulkReplay(
  input: BulkReplayInput,
  actor: string,
  idempotencyKey: string | null,
  role: Role,
  auditActor: AuditActor,
): Promise<StartedBulkReplay> {
  const request = storedRequest(input);
  const idempotency = idempotencyKey === null ? null : { scope: actor, key: idempotencyKey };
  const earlier = idempotency && (await findReplayBatchByKey(idempotency));
  if (earlier) return repeated(earlier, request);

  const destination =
    input.destinationId === undefined ? null : await getDestination(input.destinationId);
  const events = await listMatchingEvents(input.filter, BULK_REPLAY_CAP);
  if (events === null)
    throw new AppError(
      "validation_failed",
      `filter: more than ${BULK_REPLAY_CAP.toLocaleString("en")} events match; narrow it (e.g. from/to)`,
    );
  requireBulkResignAllowed(
    events.map((event) => event.verification),
    resignModeOf(input.resign, destination?.resign ?? null),
    role,
  );
  const eventIds = events.map((event) => event.id);
  const id = newId("rpl");
  try {
    await createReplayBatch(
      { id, createdBy: actor, request, idempotency },
      eventIds,
      {
        destinationId: input.destinationId ?? null,
        url: input.url ?? null,
        resign: input.resign ?? null,
      },
      startedEntry(auditActor, id, input, eventIds.length),
    );
  } catch (error) {
    // Lost the race for this key: the winner's transaction committed first.
    const winner =
      idempotency && isUniqueViolation(error) ? await findReplayBatchByKey(idempotency) : null;
    if (winner) return repeated(winner, request);
    throw error;
  }
  return { id, total: eventIds.length, isRepeat: false };
}

/** The audit entry of a started batch: what it matched and where it goes (a URL by its origin only). */
function startedEntry(
  actor: AuditActor,
  batchId: string,
  input: BulkReplayInput,
  count: number,
): AuditEntryInput {
  const filter = Object.entries(input.filter)
    .filter((entry) => entry[1] !== undefined)
    .map(
      ([name, value]) => `${name}=${value instanceof Date ? value.toISOString() : String(value)}`,
    );
  const target = input.destinationId ?? (input.url === undefined ? "" : new URL(input.url).origin);
  const details = {
    filter: filter.length > 0 ? filter.join(", ") : "all events",
    count,
    target,
    ...(input.resign === undefined ? {} : { resign: String(input.resign) }),
  };
  return {
    actor,
    action: "replay.bulk_started",
    target: { type: "replay_batch", id: batchId },
    details,
  };
}

/** Who is acting, as stored with a batch and as the scope of an Idempotency-Key. */
export function principalScope(principal: Principal): string {
  return principal.kind === "operator" ? "operator" : principal.user.id;
}

/** The request as JSON (the filter's times as ISO strings), as it is stored and compared. */
function storedRequest(input: BulkReplayInput): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
}

/** The same key with another request is a client's mistake, not a repeat: say so rather than answer a batch it did not ask for. */
function repeated(
  batch: { id: string; total: number; request: unknown },
  request: Record<string, unknown>,
): StartedBulkReplay {
  if (canonicalJson(batch.request) !== canonicalJson(request)) {
    throw new AppError(
      "conflict",
      `Idempotency-Key: already used for a different bulk replay (${batch.id})`,
    );
  }
  return { id: batch.id, total: batch.total, isRepeat: true };
}

/** JSON with object keys sorted, so that stored jsonb (which reorders keys) compares equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
