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
