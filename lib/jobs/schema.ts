import { z } from "zod";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { MAX_ID_CHARS } from "@/lib/providers/capped-values";
import { providerIdSchema } from "@/lib/providers/schema";
import { jobStates } from "@/lib/job-states/constants";
import { idSchema } from "@/lib/ids/schema";
import { eventSummaryResponseSchema } from "@/lib/events/schema";
import { jsonValueSchema, timestampSchema } from "@/lib/http/response-schemas";

/** A job with no callback for this long (and not finished) counts as stalled, by default. */
export const DEFAULT_STALE_MINUTES = 30;

export const jobViews = ["all", "failed"] as const;

export const listJobsSchema = pageParamsSchema.extend({
  endpointId: idSchema.optional(),
  state: z.enum(jobStates).optional(),
  provider: providerIdSchema.optional(),
  /** "failed": failed or cancelled jobs, and unfinished ones with no callback for staleMinutes. */
  view: z.enum(jobViews).default("all"),
  staleMinutes: z.coerce.number().int().min(1).max(43_200).default(DEFAULT_STALE_MINUTES),
});
export type ListJobsQuery = z.infer<typeof listJobsSchema>;

/** ?from=<eventId>&to=<eventId> on a job page: the two payloads to compare. */
export const jobDiffParamsSchema = z.object({
  from: idSchema.optional(),
  to: idSchema.optional(),
});

/** A registered job with no window of its own, on an endpoint that names none, is overdue after this. */
export const DEFAULT_EXPECT_TERMINAL_MINUTES = 60;
/** 30 days: past that a job is not "late", it is forgotten. */
export const MAX_EXPECT_TERMINAL_MINUTES = 43_200;
export const MAX_REGISTER_BATCH = 1_000;
/** The metadata a caller attaches, as JSON text; it is shown on the job page, not searched. */
export const MAX_METADATA_BYTES = 16 * 1024;

export const expectTerminalMinutesSchema = z.number().int().min(1).max(MAX_EXPECT_TERMINAL_MINUTES);

/** POST /api/endpoints/<id>/jobs: the provider's job id, as its callback will name it. */
export const registerJobSchema = z.strictObject({
  // Not trimmed: it must equal the id the provider's callback names, byte for byte.
  externalId: z
    .string()
    .max(MAX_ID_CHARS)
    .refine((value) => value.trim() !== "", "the provider's job id, not blank"),
  expectTerminalMinutes: expectTerminalMinutesSchema.optional(),
  label: z.string().trim().min(1).max(200).optional(),
  metadata: z
    .record(z.string(), jsonValueSchema)
    .refine(
      (value) => Buffer.byteLength(JSON.stringify(value)) <= MAX_METADATA_BYTES,
      `at most ${MAX_METADATA_BYTES / 1024} KiB of JSON`,
    )
    .optional(),
});
export type RegisterJobInput = z.infer<typeof registerJobSchema>;

export const registerJobsBatchSchema = z.strictObject({
  jobs: z
    .array(registerJobSchema)
    .min(1, "send at least one job")
    .max(MAX_REGISTER_BATCH, `at most ${MAX_REGISTER_BATCH} jobs at a time`),
});

export const jobResponseSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  provider: z.string(),
  externalId: z.string(),
  state: z.string().meta({ description: jobStates.join(" | ") }),
  stateAt: timestampSchema.nullable(),
  outputUrl: z.string().nullable(),
  error: z.string().nullable(),
  details: jsonValueSchema,
  eventCount: z.number().int(),
  firstSeenAt: timestampSchema,
  lastEventAt: timestampSchema,
  /** When a poll found the job finished with no callback for that state. */
  missedCallbackAt: timestampSchema.nullable(),
  lastPolledAt: timestampSchema.nullable(),
  nextPollAt: timestampSchema.nullable(),
  /** When the overdue scan found it unfinished past its window (a callback clears it). */
  overdueAt: timestampSchema.nullable(),
  expectTerminalMinutes: z.number().int().nullable(),
  label: z.string().nullable(),
  metadata: jsonValueSchema,
  /** Set when the job was registered through the API before its first callback. */
  registration: z
    .object({ at: timestampSchema, by: z.string().nullable(), via: z.string().nullable() })
    .nullable(),
});
export type JobResponse = z.infer<typeof jobResponseSchema>;

export const jobDetailResponseSchema = jobResponseSchema.extend({
  /** In provider order. */
  events: z.array(eventSummaryResponseSchema),
});
export type JobDetailResponse = z.infer<typeof jobDetailResponseSchema>;

/** POST /api/endpoints/<id>/jobs/batch: each job in input order, and the counts. */
export const registeredJobsResponseSchema = z.object({
  jobs: z.array(jobResponseSchema.extend({ created: z.boolean() })),
  created: z.number().int(),
  existing: z.number().int(),
});
export type RegisteredJobsResponse = z.infer<typeof registeredJobsResponseSchema>;
