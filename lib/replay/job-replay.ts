// POST /api/jobs/<id>/replay and the job page's replay form: a job's events, in provider
// order, to one target, spaced as the provider spaced them (lib/fixtures/send-offsets.ts,
// divided by `speed`) or back to back. It is a replay batch like a bulk replay (progress at
// GET /api/replays/<id>, attempts carry its id), whose queue jobs run one after another in
// a queue of their own, each due at its offset (graphile-worker's run_at): the spacing is
// kept by the queue, never by a task sleeping, so a restart in the middle loses nothing.
import type { AuditActor } from "@/lib/audit/types";
import type { Role } from "@/lib/auth/roles";
import { getDestination } from "@/lib/destinations/data";
import { sendOffsets } from "@/lib/fixtures/send-offsets";
import { requireBulkResignAllowed } from "@/lib/forwarding/resign-policy";
import { AppError } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { listJobReplayEvents } from "./data";
import { createJobReplayBatch } from "./mutations";
import { JOB_REPLAY_MAX_SPAN_MS, type JobReplayInput } from "./schema";
import { resignModeOf } from "./target";

export type StartedJobReplay = { id: string; total: number; offsetsMs: number[] };

export async function startJobReplay(
  jobId: string,
  input: JobReplayInput,
  actor: string,
  role: Role,
  auditActor: AuditActor,
): Promise<StartedJobReplay> {
  const events = await listJobReplayEvents(jobId);
  if (events.length === 0) throw new AppError("conflict", "this job has no events to replay");
  const destination =
    input.destinationId === undefined ? null : await getDestination(input.destinationId);
  // Exactly the bulk replay's rule: re-signed whole or not at all.
  requireBulkResignAllowed(
    events.map((event) => event.verification),
    resignModeOf(input.resign, destination?.resign ?? null),
    role,
  );
  const offsetsMs =
    input.timing === "none"
      ? events.map(() => 0)
      : sendOffsets(
          events.map((e) => ({ providerTime: e.providerTimestamp, receivedAt: e.firstReceivedAt })),
          input.speed,
        );
  const span = offsetsMs.at(-1) ?? 0;
  if (span > JOB_REPLAY_MAX_SPAN_MS) {
    // The provider's own span over the longest allowed one, rounded up to 3 decimals.
    const needed = Math.max(
      0.001,
      Math.ceil(((input.speed * span) / JOB_REPLAY_MAX_SPAN_MS) * 1000) / 1000,
    );
    throw new AppError(
      "validation_failed",
      `speed: at ${input.speed}x this replay would take ${Math.round(span / 3_600_000)} hours; at most 24 hours, so use speed ${needed} or more, or timing "none"`,
    );
  }
  const id = newId("rpl");
  const target = input.destinationId ?? (input.url === undefined ? "" : new URL(input.url).origin);
  await createJobReplayBatch(
    {
      id,
      createdBy: actor,
      request: JSON.parse(JSON.stringify({ jobId, ...input })) as Record<string, unknown>,
      idempotency: null,
    },
    events.map((event, index) => ({ eventId: event.id, offsetMs: offsetsMs[index] ?? 0 })),
    {
      destinationId: input.destinationId ?? null,
      url: input.url ?? null,
      resign: input.resign ?? null,
    },
    {
      actor: auditActor,
      action: "replay.job_started",
      target: { type: "replay_batch", id },
      details: {
        jobId,
        count: events.length,
        target,
        timing: input.timing,
        speed: input.speed,
        ...(input.resign === undefined ? {} : { resign: String(input.resign) }),
      },
    },
  );
  return { id, total: events.length, offsetsMs };
}
