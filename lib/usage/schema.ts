import { z } from "zod";
import { timestampSchema } from "@/lib/http/response-schemas";

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
  /** When the queue counted these (big endpoints, every five minutes); null: counted just now. */
  countedAt: timestampSchema.nullable(),
});
export type UsageResponse = z.infer<typeof usageResponseSchema>;
