import { z } from "zod";
import { outboundUrlSchema } from "@/lib/destinations/schema";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import {
  alertTriggers,
  channelKinds,
  defaultAlertTriggers,
  DEFAULT_BURST_MINUTES,
  DEFAULT_BURST_THRESHOLD,
  MAX_BURST_MINUTES,
  MAX_BURST_THRESHOLD,
} from "./constants";
import { idSchema } from "@/lib/ids/schema";
import { jsonValueSchema, timestampSchema } from "@/lib/http/response-schemas";

const triggersSchema = z
  .array(z.enum(alertTriggers))
  .min(1, "choose at least one trigger")
  .transform((list) => [...new Set(list)]);
const burstThresholdSchema = z.number().int().min(1).max(MAX_BURST_THRESHOLD);
const burstMinutesSchema = z.number().int().min(1).max(MAX_BURST_MINUTES);

export const createAlertChannelSchema = z.object({
  kind: z.enum(channelKinds),
  /** Write-only: the API shows only its host and a masked path. */
  url: outboundUrlSchema,
  enabled: z.boolean().default(true),
  triggers: triggersSchema.default([...defaultAlertTriggers]),
  /** A burst alert fires when more than burstThreshold deliveries fail verification within burstMinutes. */
  burstThreshold: burstThresholdSchema.default(DEFAULT_BURST_THRESHOLD),
  burstMinutes: burstMinutesSchema.default(DEFAULT_BURST_MINUTES),
});
export type CreateAlertChannelInput = z.infer<typeof createAlertChannelSchema>;

export const updateAlertChannelSchema = z.object({
  url: outboundUrlSchema.optional(),
  enabled: z.boolean().optional(),
  triggers: triggersSchema.optional(),
  burstThreshold: burstThresholdSchema.optional(),
  burstMinutes: burstMinutesSchema.optional(),
});
export type UpdateAlertChannelInput = z.infer<typeof updateAlertChannelSchema>;

export const listAlertsQuerySchema = pageParamsSchema.extend({
  endpointId: idSchema.optional(),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuerySchema>;

/** GET/POST/PATCH .../alert-channels: the channel URL never leaves, only its masked form (urlHint). */
export const alertChannelResponseSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  kind: z.string().meta({ description: "slack | webhook" }),
  urlHint: z.string(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  triggers: z.array(z.string()).meta({ description: alertTriggers.join(" | ") }),
  burstThreshold: z.number().int(),
  burstMinutes: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type AlertChannelResponse = z.infer<typeof alertChannelResponseSchema>;

export const alertResponseSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  /** null once the channel was deleted. */
  channel: z
    .object({
      id: z.string(),
      kind: z.string().meta({ description: "slack | webhook" }),
      urlHint: z.string(),
    })
    .nullable(),
  type: z.string().meta({ description: [...alertTriggers, "test"].join(" | ") }),
  jobId: z.string().nullable(),
  eventId: z.string().nullable(),
  path: z.string(),
  details: jsonValueSchema,
  status: z.string().meta({ description: "pending | sent | failed | blocked | skipped" }),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  nextRetryAt: timestampSchema.nullable(),
  lastAttemptAt: timestampSchema.nullable(),
  sentAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export type AlertResponse = z.infer<typeof alertResponseSchema>;
