import { z } from "zod";
import { timestampSchema } from "@/lib/http/response-schemas";
import { MAX_RETENTION_DAYS } from "./policy";

/**
 * `retentionDays` in the endpoints API: a whole number of days (1..36500), null to keep
 * forever, or "default" to follow INBOX_RETENTION_DAYS. Absent on create = "default";
 * absent on PATCH = unchanged.
 */
export const retentionSettingSchema = z.union([
  z.literal("default"),
  z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable(),
]);

/** GET /api/endpoints/<id>/usage: what the endpoint stores, its window and what the next run removes. */
export const usageResponseSchema = z.object({
  endpointId: z.string(),
  deliveries: z.number().int(),
  events: z.number().int(),
  jobs: z.number().int(),
  bytes: z.number().int(),
  oldestDeliveryAt: timestampSchema.nullable(),
  retention: z.object({
    setting: z.union([z.literal("default"), z.number().int()]).nullable(),
    /** The windows in force (null: kept forever). */
    days: z.number().int().nullable(),
    failedDays: z.number().int().nullable(),
  }),
  nextRun: z.object({
    deliveries: z.number().int(),
    failedDeliveries: z.number().int(),
    cutoff: timestampSchema.nullable(),
  }),
});
export type UsageResponse = z.infer<typeof usageResponseSchema>;

/** POST /api/retention/run: how many of each kind the run removed. */
export const retentionRunResponseSchema = z.object({
  removed: z.object({
    deliveries: z.number().int(),
    events: z.number().int(),
    jobs: z.number().int(),
    attempts: z.number().int(),
    polls: z.number().int(),
    alerts: z.number().int(),
  }),
  endpoints: z.number().int(),
  startedAt: timestampSchema,
  durationMs: z.number(),
  batches: z.number().int(),
});
export type RetentionRunResponse = z.infer<typeof retentionRunResponseSchema>;
