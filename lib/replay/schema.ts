import { z } from "zod";
import { outboundUrlSchema, resignModes } from "@/lib/destinations/schema";
import { eventFiltersSchema } from "@/lib/events/schema";
import { AppError } from "@/lib/http/app-error";
import { idSchema } from "@/lib/ids/schema";
import { jsonValueSchema, timestampSchema } from "@/lib/http/response-schemas";

const resignSchema = z.union([z.boolean(), z.enum(resignModes)]).optional();
const oneTarget = (value: { url?: string | undefined; destinationId?: string | undefined }) =>
  (value.url === undefined) !== (value.destinationId === undefined);
const oneTargetMessage = { message: "give exactly one of url and destinationId", path: ["url"] };

export const replayEventSchema = z
  .object({
    url: outboundUrlSchema.optional(),
    destinationId: idSchema.optional(),
    deliveryId: idSchema.optional(),
    resign: resignSchema,
  })
  .refine(oneTarget, oneTargetMessage);

/** Idempotency-Key header: any printable key up to 200 characters. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII");

/** The Idempotency-Key header's value, null when none was sent. */
export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  const key = idempotencyKeySchema.safeParse(header);
  if (!key.success)
    throw new AppError(
      "validation_failed",
      "Idempotency-Key: must be 1 to 200 printable characters",
    );
  return key.data;
}

/** At most this many events per bulk replay; narrow the filter beyond it. */
export const BULK_REPLAY_CAP = 10_000;

export const bulkReplaySchema = z
  .object({
    filter: eventFiltersSchema.default({}),
    url: outboundUrlSchema.optional(),
    destinationId: idSchema.optional(),
    resign: resignSchema,
  })
  .refine(oneTarget, oneTargetMessage);

export const replayTimings = ["original", "none"] as const;
/** A job replay that would last longer than this is refused: raise the speed, or send back to back. */
export const JOB_REPLAY_MAX_SPAN_MS = 24 * 60 * 60 * 1000;

/** POST /api/jobs/<id>/replay: the job's events, in provider order, to one target. */
export const jobReplaySchema = z
  .object({
    url: outboundUrlSchema.optional(),
    destinationId: idSchema.optional(),
    /** "original": spaced as the provider spaced them (divided by speed); "none": back to back. */
    timing: z.enum(replayTimings).default("original"),
    /** Divides every gap: 10 plays an hour's story in 6 minutes. */
    speed: z.number().positive().max(100_000).default(1),
    resign: resignSchema,
  })
  .refine(oneTarget, oneTargetMessage);
export type JobReplayInput = z.infer<typeof jobReplaySchema>;

/** A job replay's request as stored with its batch: the input and the job it replays. */
export const storedJobReplaySchema = z.object({
  jobId: idSchema,
  url: outboundUrlSchema.optional(),
  destinationId: idSchema.optional(),
  timing: z.enum(replayTimings),
  speed: z.number(),
  resign: resignSchema,
});

/** 202 of POST /api/replays and POST /api/jobs/<id>/replay: progress at GET /api/replays/<id>. */
export const startedReplayResponseSchema = z.object({ id: z.string(), total: z.number().int() });
export type StartedReplayResponse = z.infer<typeof startedReplayResponseSchema>;

/** GET /api/replays/<id>: a bulk or job replay's progress. */
export const replayBatchResponseSchema = z.object({
  id: z.string(),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  blocked: z.number().int(),
  pending: z.number().int(),
  /** A bulk replay's request as accepted (null for a job replay). */
  request: jsonValueSchema,
  /** A job replay's request: which job, timing and speed (null for a bulk replay). */
  jobReplay: jsonValueSchema,
  createdBy: z.string(),
  createdAt: timestampSchema,
});
export type ReplayBatchResponse = z.infer<typeof replayBatchResponseSchema>;
