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
